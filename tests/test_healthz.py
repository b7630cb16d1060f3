"""/healthz: the liveness probe answers without the database.

These tests have no database access (no `django_db` mark): a query would make the view fail.
"""

from django.core.cache import cache

from portal.cache import GENERATION_KEY


def test_healthz_answers_ok_without_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405


def test_healthz_never_touches_the_page_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.delete(GENERATION_KEY)
    assert client.get("/healthz").status_code == 200
    # Any page the cache serves reads (and so starts) the content generation first.
    assert cache.get(GENERATION_KEY) is None
