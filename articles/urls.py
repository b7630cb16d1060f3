from django.urls import path

from . import views
from .feeds import LatestArticlesFeed

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("articles/", views.ArticleListView.as_view(), name="list"),
    path("articles/<int:pk>/", views.ArticleDetailView.as_view(), name="detail"),
    path("meetings/", views.MeetingListView.as_view(), name="meetings"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting"),
    path("pages/", views.SourcePageListView.as_view(), name="pages"),
    path("pages/<int:pk>/", views.SourcePageDetailView.as_view(), name="page"),
    path("feeds/latest/", LatestArticlesFeed(), name="feed"),
]
