"""Shared pytest plumbing: the database in the report header and a real browser for browser tests.

Browser tests drive Debian's Chromium through Playwright (Playwright's own browser downloads are not
reachable from our machines) against pytest-django's live server. A test asks for `page` (and
`screenshot` to keep a picture) and carries `@pytest.mark.browser`.
"""

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Browser, Page, sync_playwright

# Without the networking flags Chromium keeps calling Google's hosts, which our closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
SCREENSHOTS_DIR = Path(__file__).resolve().parent / "artifacts" / "screenshots"


def pytest_report_header() -> str:
    """Says which database the run uses, since the suite runs on both SQLite and PostgreSQL."""
    database = settings.DATABASES["default"]
    vendor = database["ENGINE"].rsplit(".", 1)[-1]
    if vendor == "sqlite3":
        return f"database: {vendor}, in-memory test database"
    address = f"{database['HOST']}:{database['PORT'] or 5432}"
    return f"database: {vendor} at {address}, test database test_{database['NAME']}"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests that use the browser last.

    Once Playwright has started, its event loop counts as running in the main thread and Django
    refuses synchronous ORM calls there (see `browser`); no other test should run in that state.
    """
    items.sort(key=lambda item: "browser" in getattr(item, "fixturenames", ()))


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not os.access(executable, os.X_OK):
        reason = f"no Chromium at {executable} (apt-get install chromium, or set CHROMIUM_PATH)"
        if in_ci():
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # Tests still set up data through the ORM while Playwright's loop runs in this thread.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:
    """A page in a fresh browser context; relative URLs go to the live server."""
    context = browser.new_context(viewport=VIEWPORT, base_url=live_server.url)
    yield context.new_page()
    context.close()


@pytest.fixture
def screenshot(page: Page, request: pytest.FixtureRequest) -> Callable[[], Path]:
    """Returns a function that saves the page as artifacts/screenshots/<test name>.png."""

    def save() -> Path:
        SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        path = SCREENSHOTS_DIR / f"{name}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return save
