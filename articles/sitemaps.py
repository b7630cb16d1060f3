"""Sitemaps of the reader-facing pages: published articles, committees, source pages and the lists."""

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from organizations.models import Organization

from .models import Article
from .views import pages_in_print


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self) -> QuerySet:
        return Article.objects.published().only("pk", "updated_at").order_by("pk")

    def lastmod(self, article: Article):
        return article.updated_at


class CommitteeSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet:
        return Organization.objects.only("slug").order_by("code")


class SourcePageSitemap(Sitemap):
    changefreq = "yearly"

    def items(self) -> QuerySet:
        return pages_in_print().only("pk").order_by("filename")


class ListSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return [
            "articles:home",
            "articles:list",
            "organizations:committees",
            "articles:meetings",
            "articles:pages",
        ]

    def location(self, name: str) -> str:
        return reverse(name)


SITEMAPS = {
    "lists": ListSitemap,
    "articles": ArticleSitemap,
    "committees": CommitteeSitemap,
    "pages": SourcePageSitemap,
}
