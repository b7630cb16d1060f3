"""The page cache: readers get cached pages, and every change they could see reaches them at once.

Tests run inside a transaction that is never committed, so the invalidations that wait for a commit
are run by `django_capture_on_commit_callbacks(execute=True)` where the commit would be.
"""

import threading
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from articles import signals
from articles.models import Article
from articles.tests.factories import make_article, make_meeting, make_person
from articles.tests.test_admin import post_change_form, run_action
from organizations.models import Organization
from portal.cache import (
    GENERATION_KEY,
    cached_page,
    content_generation,
    is_storable,
    render_lock_key,
    store_page,
)

SEED = Path(settings.SEEDS_DIR) / "000_d6955d4cb1ed0d96.txt"
LISTING = reverse("articles:list")


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committees(db) -> None:
    call_command("loaddata", "organizations", verbosity=0)


@pytest.fixture
def reader() -> Client:
    return Client()


def served(client: Client, url: str, method: str = "get"):
    """The response and where it came from: "hit", "miss" (stored now) or None (not cacheable)."""
    response = getattr(client, method)(url)
    return response, response.get("X-Page-Cache")


def test_a_second_reader_gets_the_stored_page(committees, reader):
    article = make_article("兰州市政协召开主席会议", region="620100")
    first, first_source = served(reader, article.get_absolute_url())
    second, second_source = served(Client(), article.get_absolute_url())
    assert (first_source, second_source) == ("miss", "hit")
    assert second.content == first.content
    assert "兰州市政协召开主席会议" in second.content.decode()


def test_head_is_answered_from_the_stored_get(committees, reader):
    served(reader, LISTING)
    response, source = served(reader, LISTING, "head")
    assert (response.status_code, source) == (200, "hit")


def test_each_query_string_is_its_own_page(committees, reader):
    make_article("兰州市政协召开主席会议", region="620100")
    served(reader, LISTING + "?region=620100")
    _, source = served(reader, LISTING + "?region=620200")
    assert source == "miss"


def test_reader_sees_a_corrected_headline_on_the_next_request(
    committees, reader, admin_client, django_capture_on_commit_callbacks
):
    article = make_article("错字标题", region="620100", body="会议强调，要坚持学习。")
    served(reader, article.get_absolute_url())
    served(reader, LISTING)
    with django_capture_on_commit_callbacks(execute=True):
        assert post_change_form(admin_client, article, headline="更正后的标题").status_code == 302
    for url in (article.get_absolute_url(), LISTING):
        response, source = served(reader, url)
        assert source == "miss"
        assert "更正后的标题" in response.content.decode()
        assert "错字标题" not in response.content.decode()


def test_publishing_and_withdrawing_with_the_admin_actions_show_at_once(
    committees, reader, admin_client, django_capture_on_commit_callbacks
):
    draft = make_article("待发布的稿件", region="620100", published=False)
    assert served(reader, draft.get_absolute_url())[0].status_code == 404
    assert "待发布的稿件" not in served(reader, LISTING)[0].content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        run_action(admin_client, "publish", [draft])
    assert served(reader, draft.get_absolute_url())[0].status_code == 200
    assert "待发布的稿件" in served(reader, LISTING)[0].content.decode()
    assert served(reader, LISTING)[1] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        run_action(admin_client, "unpublish", [draft])
    assert served(reader, draft.get_absolute_url())[0].status_code == 404
    assert "待发布的稿件" not in served(reader, LISTING)[0].content.decode()


def test_a_logged_in_editor_never_gets_a_stored_page(committees, reader, admin_client):
    article = make_article("初版标题", region="620100")
    served(reader, article.get_absolute_url())
    # A write that sends no signal leaves the stored page stale on purpose.
    Article.objects.filter(pk=article.pk).update(headline="编辑看到的新标题")
    response, source = served(admin_client, article.get_absolute_url())
    assert source is None
    assert "编辑看到的新标题" in response.content.decode()
    assert "初版标题" in served(reader, article.get_absolute_url())[0].content.decode()


def test_an_editors_page_is_not_stored_for_readers(committees, reader, admin_client):
    article = make_article("初版标题", region="620100")
    served(admin_client, article.get_absolute_url())
    assert served(reader, article.get_absolute_url())[1] == "miss"


def test_admin_pages_are_never_cached(db, reader):
    for _ in range(2):
        response, source = served(reader, reverse("admin:login"))
        assert (response.status_code, source) == (200, None)


def test_not_found_pages_are_not_stored(committees, reader):
    url = reverse("articles:detail", args=[999_999])
    for _ in range(2):
        response, source = served(reader, url)
        assert (response.status_code, source) == (404, None)


def test_an_import_invalidates_every_page(committees, reader, django_capture_on_commit_callbacks):
    before, _ = served(reader, LISTING)
    assert "共 0 篇" in before.content.decode()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("import_seeds", str(SEED), "--jobs", "1", stdout=StringIO(), stderr=StringIO())
    assert len(callbacks) >= 1
    after, source = served(reader, LISTING)
    assert source == "miss"
    assert "共 0 篇" not in after.content.decode()


@pytest.fixture
def without_model_signals():
    """The page invalidation receivers disconnected, as if every write were a bulk one."""
    for signal, senders in signals.RECEIVERS:
        for sender in senders:
            signal.disconnect(sender=sender, dispatch_uid=signals.DISPATCH_UID)
    yield
    signals.connect()


def test_the_importer_invalidates_by_itself(
    committees, reader, without_model_signals, django_capture_on_commit_callbacks
):
    served(reader, LISTING)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_seeds", str(SEED), "--jobs", "1", stdout=StringIO(), stderr=StringIO())
    assert served(reader, LISTING)[1] == "miss"


def test_reimporting_an_unchanged_file_keeps_the_cache(
    committees, reader, django_capture_on_commit_callbacks
):
    call_command("import_seeds", str(SEED), "--jobs", "1", stdout=StringIO(), stderr=StringIO())
    served(reader, LISTING)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_seeds", str(SEED), "--jobs", "1", stdout=StringIO(), stderr=StringIO())
    assert served(reader, LISTING)[1] == "hit"


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda a: Organization.objects.filter(code="620100").get().save(), id="committee"),
        pytest.param(lambda a: make_person("王毅", "620100").roles.create(title="主席"), id="person-role"),
        pytest.param(lambda a: a.bylines.create(name="张烨", role="correspondent"), id="byline"),
        pytest.param(lambda a: a.mentions.all().delete(), id="mention-delete"),
        pytest.param(lambda a: a.committees.add(Organization.objects.get(code="620200")), id="m2m-add"),
        pytest.param(lambda a: a.committee_links.all().delete(), id="committee-link-delete"),
        pytest.param(lambda a: make_meeting("620100", "standing").delete(), id="meeting"),
        pytest.param(lambda a: a.source_page.save(), id="source-page"),
        pytest.param(lambda a: a.delete(), id="article-delete"),
    ],
)
def test_saving_or_deleting_what_readers_see_invalidates(
    committees, django_capture_on_commit_callbacks, change
):
    article = make_article(
        "兰州市政协召开主席会议", region="620100", persons=((make_person("李明", "620100"), "委员"),)
    )
    generation = content_generation()
    with django_capture_on_commit_callbacks(execute=True):
        change(article)
    assert content_generation() != generation


def test_a_rolled_back_change_does_not_invalidate(committees, django_capture_on_commit_callbacks):
    article = make_article(region="620100")
    generation = content_generation()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.save()
    assert callbacks  # registered for the commit, which in a rolled-back transaction never comes
    assert content_generation() == generation


def test_a_lost_generation_starts_afresh_without_serving_old_pages(committees, reader):
    served(reader, LISTING)
    cache.delete(GENERATION_KEY)
    assert served(reader, LISTING)[1] == "miss"


def test_pages_are_kept_apart_by_the_headers_their_vary_names():
    factory = RequestFactory()
    response = HttpResponse("桌面版")
    response["Vary"] = "X-Device"
    generation = content_generation()
    store_page(factory.get("/articles/", HTTP_X_DEVICE="desktop"), response, generation)
    assert (
        cached_page(factory.get("/articles/", HTTP_X_DEVICE="desktop"), generation).content
        == "桌面版".encode()
    )
    assert cached_page(factory.get("/articles/", HTTP_X_DEVICE="phone"), generation) is None
    assert cached_page(factory.get("/articles/", HTTP_X_DEVICE="desktop"), generation + 1) is None


def with_headers(response: HttpResponse, **headers) -> HttpResponse:
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def setting_a_cookie() -> HttpResponse:
    response = HttpResponse("ok")
    response.set_cookie("csrftoken", "x")
    return response


@pytest.mark.parametrize(
    ("response", "storable"),
    [
        (HttpResponse("ok"), True),
        (HttpResponse("gone", status=404), False),
        (HttpResponse("moved", status=301), False),
        (setting_a_cookie(), False),
        (with_headers(HttpResponse("ok"), Vary="*"), False),
        (with_headers(HttpResponse("ok"), Cache_Control="private"), False),
        (with_headers(HttpResponse("ok"), Cache_Control="no-store"), False),
    ],
    ids=["ok", "404", "301", "cookie", "vary-star", "private", "no-store"],
)
def test_only_public_complete_200s_are_stored(response, storable):
    assert is_storable(response) is storable


def test_deploy_check_warns_when_workers_cannot_share_invalidations(settings, tmp_path):
    from portal.cache import check_shared_cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [warning.id for warning in check_shared_cache(None)] == ["portal.W001"]
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": tmp_path}
    }
    assert check_shared_cache(None) == []


def stored_later(request_url: str, body: bytes, delay: float) -> threading.Timer:
    """Another worker finishing its rendering of `request_url` after `delay` seconds."""
    request = RequestFactory().get(request_url)
    generation = content_generation()

    def finish() -> None:
        store_page(request, HttpResponse(body), generation)
        cache.delete(render_lock_key(request, generation))

    return threading.Timer(delay, finish)


def test_a_reader_waits_for_the_page_another_request_is_rendering(committees, reader):
    make_article("兰州市政协召开主席会议", region="620100")
    request = RequestFactory().get(LISTING)
    assert cache.add(render_lock_key(request, content_generation()), True)
    other_worker = stored_later(LISTING, b"rendered by the other worker", 0.1)
    other_worker.start()
    response, source = served(reader, LISTING)
    other_worker.join()
    assert (response.content, source) == (b"rendered by the other worker", "hit")


def test_a_reader_renders_when_the_other_request_stores_nothing(committees, reader, settings):
    make_article("兰州市政协召开主席会议", region="620100")
    settings.PAGE_CACHE_WAIT_SECONDS = 0.2
    request = RequestFactory().get(LISTING)
    assert cache.add(render_lock_key(request, content_generation()), True, timeout=0.2)
    response, source = served(reader, LISTING)
    assert source == "miss"
    assert "兰州市政协召开主席会议" in response.content.decode()


def test_the_rendering_lock_is_released_after_the_page_is_stored(committees, reader):
    served(reader, LISTING)
    request = RequestFactory().get(LISTING)
    assert cache.get(render_lock_key(request, content_generation())) is None


# The archive index (`articles.facets`) behind the listing's counts and pages follows the same
# changes as the page cache, with no page cache at all: each web process rebuilds it when the
# archive's version has moved.


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def listed_total(client: Client, **filters) -> str:
    content = client.get(LISTING, filters).content.decode()
    return content.split('<p class="listing__count" role="status">', 1)[1].split("</p>", 1)[0]


def test_an_imported_file_is_counted_on_the_next_request(
    committees, reader, no_page_cache, without_model_signals
):
    assert listed_total(reader) == "共 0 篇"
    call_command("import_seeds", str(SEED), "--jobs", "1", stdout=StringIO(), stderr=StringIO())
    assert listed_total(reader) == f"共 {Article.objects.published().count()} 篇"


def test_the_admin_publish_action_is_counted_at_once(committees, reader, admin_client, no_page_cache):
    make_article("已发布的稿件", region="620100")
    draft = make_article("待发布的稿件", region="620100", published=False)
    assert listed_total(reader, region="620100") == "共 1 篇"
    run_action(admin_client, "publish", [draft])
    assert listed_total(reader, region="620100") == "共 2 篇"


def test_a_committee_linked_by_an_editor_counts_the_article_in_its_region(committees, reader, no_page_cache):
    article = make_article("兰州市政协调研", region="620100")
    assert listed_total(reader, region="620200") == "共 0 篇"
    article.committees.add(Organization.objects.get(code="620200"))
    assert listed_total(reader, region="620200") == "共 1 篇"
