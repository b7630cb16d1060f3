from django.urls import path

from . import views

app_name = "organizations"

urlpatterns = [
    path("committees/", views.CommitteeListView.as_view(), name="committees"),
    path("committees/<slug:slug>/", views.CommitteeDetailView.as_view(), name="committee"),
    path("people/<int:pk>/", views.PersonDetailView.as_view(), name="person"),
]
