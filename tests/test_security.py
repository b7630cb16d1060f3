"""Security: deploy checks with production settings, response headers, the login throttle, escaping."""

import datetime
import importlib
import os
import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from types import SimpleNamespace
from xml.etree import ElementTree

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.cache.backends import locmem
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from playwright.sync_api import Page

from articles.models import BylineRole, MeetingType
from articles.tests.factories import make_article, make_meeting, make_page, make_person

LOGIN = reverse("admin:login")
PASSWORD = "correct-horse-battery-staple"
SCRIPT = "<script>alert(1)</script>"
SHORT_SCRIPT = "<script>x</script>"  # fits the 20-character name fields


def production_environment(tmp_path) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.prod",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "news.example.cn",
        "CSRF_TRUSTED_ORIGINS": "https://news.example.cn",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
        "CACHE_URL": f"filecache://{tmp_path / 'cache'}",
    }


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=django_settings.BASE_DIR,
        env=production_environment(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.fixture
def production(settings, monkeypatch, tmp_path):
    """The test settings with every security setting of portal.settings.prod applied."""
    for name, value in production_environment(tmp_path).items():
        monkeypatch.setenv(name, value)
    prod = importlib.import_module("portal.settings.prod")
    prod = importlib.reload(prod)
    for name in dir(prod):
        if name.startswith(("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "CONTENT_SECURITY_", "X_FRAME")):
            setattr(settings, name, getattr(prod, name))
    settings.ALLOWED_HOSTS = ["news.example.cn"]
    return settings


def test_production_answers_plain_http_with_a_redirect_to_https(production, client):
    response = client.get("/", HTTP_HOST="news.example.cn")
    assert (response.status_code, response["Location"]) == (301, "https://news.example.cn/")


def test_production_pages_carry_the_security_headers(production, db, client):
    response = client.get("/", HTTP_HOST="news.example.cn", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert "upgrade-insecure-requests" in policy


def test_production_session_and_csrf_cookies_are_secure(production, admin_user, client):
    client.get(LOGIN, HTTP_HOST="news.example.cn", secure=True)
    response = client.post(
        LOGIN,
        {"username": "admin", "password": "password"},
        HTTP_HOST="news.example.cn",
        secure=True,
    )
    assert response.status_code == 302
    session = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert (session["secure"], session["httponly"], session["samesite"]) == (True, True, "Lax")
    assert client.cookies[django_settings.CSRF_COOKIE_NAME]["secure"] is True


def directives(header: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in header.split(";"))}


def test_only_the_admin_may_use_inline_styles(db, client):
    public = directives(client.get("/")["Content-Security-Policy"])
    admin = directives(client.get(LOGIN)["Content-Security-Policy"])
    assert not any("'unsafe-inline'" in sources for sources in public.values())
    assert admin["style-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["script-src"] == ["'self'"]


class InlineCode(HTMLParser):
    """Collects what a strict Content-Security-Policy would block: inline scripts, styles, handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "script" and "src" not in names:
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("<style>")
        self.found.extend(f"{tag} {name}=" for name in names if name.startswith("on"))
        self.found.extend(
            f"javascript: in {tag}" for _, value in attrs if (value or "").startswith("javascript:")
        )


# Public pages, escaping of imported and edited text.


def make_hostile_article() -> SimpleNamespace:
    """An article whose every printed field holds markup, on every kind of public page."""
    call_command("loaddata", "organizations", verbosity=0)
    meeting = make_meeting("620100", MeetingType.STANDING, datetime.date(2023, 6, 8), title=f"{SCRIPT}会议")
    person = make_person(SHORT_SCRIPT, "620100")
    article = make_article(
        f"{SCRIPT}兰州市政协召开常委会会议",
        region="620100",
        kicker=SCRIPT,
        subtitle=SCRIPT,
        column=SCRIPT,
        body=f"{SCRIPT}第一段。\n第二段{SCRIPT}",
        meetings=(meeting,),
        persons=((person, SCRIPT),),
        correspondents=(SHORT_SCRIPT,),
        source_page=make_page("200_hostile.txt"),
    )
    article.bylines.create(name=SHORT_SCRIPT, role=BylineRole.PHOTOGRAPHER)
    return SimpleNamespace(article=article, meeting=meeting, person=person)


@pytest.fixture
def hostile(db) -> SimpleNamespace:
    return make_hostile_article()


def public_urls(hostile) -> dict[str, str]:
    article = hostile.article
    return {
        "home": "/",
        "article": article.get_absolute_url(),
        "listing": reverse("articles:list"),
        "search": reverse("articles:list") + "?q=alert",
        "search for markup": reverse("articles:list") + "?q=" + SCRIPT,
        "e-paper page": article.source_page.get_absolute_url(),
        "committee": article.committee.get_absolute_url(),
        "meeting": hostile.meeting.get_absolute_url(),
        "meetings": reverse("articles:meetings"),
        "person": hostile.person.get_absolute_url(),
    }


def test_markup_in_articles_is_shown_as_text_on_every_page(hostile, client):
    for name, url in public_urls(hostile).items():
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, name
        assert "<script" not in html.lower(), name
        assert "&lt;script&gt;" in html, name


def test_search_highlighting_escapes_around_the_marks(hostile, client):
    html = client.get(reverse("articles:list"), {"q": "alert"}).content.decode()
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;" in html


def test_public_pages_need_no_inline_script_or_style(hostile, client):
    for name, url in public_urls(hostile).items():
        parser = InlineCode()
        parser.feed(client.get(url).content.decode())
        assert parser.found == [], name


def feed_items(client: Client) -> list[dict[str, str]]:
    root = ElementTree.fromstring(client.get(reverse("articles:feed")).content)
    return [{child.tag: child.text or "" for child in item} for item in root.iter("item")]


def test_feed_titles_are_the_text_as_printed(hostile, client):
    assert [item["title"] for item in feed_items(client)] == [hostile.article.headline]


def test_feed_descriptions_are_escaped_html(hostile, client):
    # Feed readers render <description> as HTML, so text must arrive there escaped.
    assert "<script" not in feed_items(client)[0]["description"]


# The admin login throttle.


@pytest.fixture
def editor(db):
    cache.clear()
    yield get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)
    cache.clear()


def log_in(client: Client, password: str, username: str = "editor", address: str = "203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def fail_until_locked(client: Client) -> None:
    for _ in range(django_settings.LOGIN_FAILURE_LIMIT):
        assert log_in(client, "guess").status_code == 200


def test_five_wrong_passwords_lock_the_username_from_that_address(editor, client):
    fail_until_locked(client)
    refused = log_in(client, PASSWORD)
    assert refused.status_code == 429
    assert refused["Retry-After"] == str(django_settings.LOGIN_COOLOFF_SECONDS)
    assert "登录失败次数过多" in refused.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lock_holds_only_that_username_and_address(editor, client):
    fail_until_locked(client)
    assert log_in(Client(), PASSWORD, address="198.51.100.1").status_code == 302
    assert log_in(Client(), "guess", username="someone-else").status_code == 200


def test_the_lock_lifts_after_the_cool_off(editor, client, monkeypatch):
    fail_until_locked(client)
    later = locmem.time.time() + django_settings.LOGIN_COOLOFF_SECONDS + 1
    monkeypatch.setattr(locmem, "time", SimpleNamespace(time=lambda: later))
    assert log_in(client, PASSWORD).status_code == 302


def test_a_successful_login_clears_the_count(editor, client):
    for _ in range(django_settings.LOGIN_FAILURE_LIMIT - 1):
        log_in(client, "guess")
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(django_settings.LOGIN_FAILURE_LIMIT - 1):
        assert log_in(client, "guess").status_code == 200
    assert log_in(client, PASSWORD).status_code == 302


def test_the_client_address_comes_from_the_proxy_header_when_configured(editor, client, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for _ in range(django_settings.LOGIN_FAILURE_LIMIT):
        client.post(LOGIN, {"username": "editor", "password": "guess"}, HTTP_X_REAL_IP="192.0.2.9")
    locked = client.post(LOGIN, {"username": "editor", "password": PASSWORD}, HTTP_X_REAL_IP="192.0.2.9")
    other = Client().post(LOGIN, {"username": "editor", "password": PASSWORD}, HTTP_X_REAL_IP="192.0.2.10")
    assert (locked.status_code, other.status_code) == (429, 302)


# In a real browser: the policy blocks nothing our pages use.


@pytest.mark.browser
def test_the_policy_blocks_nothing_on_public_and_admin_pages(transactional_db, page: Page):
    hostile = make_hostile_article()
    get_user_model().objects.create_superuser("admin", password="password")
    violations: list[str] = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security" in message.text else None,
    )
    page.goto(LOGIN)
    page.get_by_label("用户名").fill("admin")
    page.get_by_label("密码").fill("password")
    page.get_by_role("button", name=re.compile("登录")).click()
    urls = [
        *public_urls(hostile).values(),
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[hostile.article.pk]),
    ]
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
    assert violations == []
