from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.generic import TemplateView

from articles.sitemaps import SITEMAPS

from . import views

urlpatterns = [
    path("", include("articles.urls")),
    path("", include("organizations.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots",
    ),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]
