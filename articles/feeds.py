"""RSS of the newest articles; the listing's filters narrow it (one region, one meeting type, a search)."""

import datetime
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape

from .filters import ArticleFilter
from .models import Article
from .views import published_articles

FEED_SIZE = 30


class LatestArticlesFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "甘肃政协新闻网 · 最新稿件"
    description = "甘肃政协报刊载的全省各级政协新闻"

    def get_object(self, request: HttpRequest) -> ArticleFilter:
        return ArticleFilter(request.GET or None, queryset=published_articles().newest_first())

    def link(self, filterset: ArticleFilter) -> str:
        query = urlencode(filterset.query_params())
        return reverse("articles:list") + (f"?{query}" if query else "")

    def items(self, filterset: ArticleFilter) -> QuerySet:
        if filterset.is_bound and not filterset.is_valid():
            return filterset.queryset.none()
        return filterset.qs[:FEED_SIZE]

    def item_title(self, article: Article) -> str:
        return article.headline or article.body[:30]

    def item_description(self, article: Article) -> str:
        """Feed readers render <description> as HTML, so the text goes out escaped."""
        return escape(article.subtitle or next(iter(article.paragraphs), ""))

    def item_pubdate(self, article: Article) -> datetime.datetime | None:
        if article.event_date is None:
            return article.published_at
        return datetime.datetime.combine(article.event_date, datetime.time(), tzinfo=datetime.UTC)

    def item_categories(self, article: Article) -> list[str]:
        return [str(meeting.get_meeting_type_display()) for meeting in article.meetings.all()]
