"""The reader's pages in Django's cache, and the one number that invalidates all of them.

Every cached page is keyed by the site's content *generation* as well as its URL (and the request
headers its Vary names). Anything a reader can see changing (an editor's save, an import) bumps the
generation, so the next request of every page misses and is rendered afresh; the stale entries are
never read again and age out. One increment is cheaper and safer than working out which of the
thousands of filtered listing URLs a change touches.

The generation lives in the same cache as the pages. Web workers and the import command only see
each other's bumps through a cache they share (Redis, memcached, files, the database); the
process-local default (`locmemcache://`) suits one process, and `manage.py check --deploy` says so.
"""

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.core.checks import Tags, Warning, register
from django.db import DEFAULT_DB_ALIAS, transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_cache_key, has_vary_header, learn_cache_key

from articles.models import ArchiveVersion

GENERATION_KEY = "portal:content-generation"
# How often a request waiting for another's rendering of the same page looks for it.
WAIT_POLL_SECONDS = 0.02


def content_generation() -> int:
    """The current generation, started at a fresh value if the cache has lost it (restart, eviction).

    A fresh start is the clock in nanoseconds, far above any generation counted up from an earlier
    start, so an evicted counter never comes back to a number whose pages are still cached.
    """
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def bump_generation() -> None:
    """Make every cached page stale at once."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet (or it was evicted): any fresh start is a new generation
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


def invalidate_pages(using: str | None = None) -> None:
    """Bump the generation once the current transaction commits (at once outside a transaction),
    and the archive's version (`ArchiveVersion`) now, inside it.

    Bumping the generation before the commit would let a reader's request, still seeing the old
    rows, cache them under the new generation; a rolled-back change needs no bump at all. The
    version, a row, commits or rolls back with the change itself.
    """
    ArchiveVersion.bump(using or DEFAULT_DB_ALIAS)
    transaction.on_commit(bump_generation, using=using)


def key_prefix(generation: int) -> str:
    return f"page.{generation}"


def cached_page(request: HttpRequest, generation: int) -> HttpResponse | None:
    """The stored response for this GET or HEAD request in this generation, if any."""
    key = get_cache_key(request, key_prefix(generation), "GET", cache=cache)
    return None if key is None else cache.get(key)


def store_page(request: HttpRequest, response: HttpResponse, generation: int) -> None:
    """Keep a rendered page for the readers who ask for the same URL (and Vary headers) next."""
    timeout = settings.PAGE_CACHE_SECONDS
    key = learn_cache_key(request, response, timeout, key_prefix(generation), cache=cache)
    cache.set(key, response, timeout)


def render_lock_key(request: HttpRequest, generation: int) -> str:
    """One lock per page and generation: the URL with its query string, hashed to a safe cache key."""
    digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"portal:rendering:{generation}:{digest}"


def render_once(
    request: HttpRequest, generation: int, render: Callable[[HttpRequest], HttpResponse]
) -> HttpResponse:
    """Render a missing page in one request while the others asking for it wait for the result.

    After an editor's change or an imported file every page misses at once; without this, each
    reader arriving meanwhile renders the same page again and a popular listing is computed by every
    worker thread together. The first request takes a lock in the cache and renders; the rest poll
    the cache for up to PAGE_CACHE_WAIT_SECONDS and render themselves if the page is still missing
    (the renderer failed, or the page is not storable). The lock is only as shared as the cache.
    """
    lock = render_lock_key(request, generation)
    if cache.add(lock, True, timeout=settings.PAGE_CACHE_WAIT_SECONDS):
        try:
            return render(request)
        finally:
            cache.delete(lock)
    deadline = time.monotonic() + settings.PAGE_CACHE_WAIT_SECONDS
    while time.monotonic() < deadline:
        time.sleep(WAIT_POLL_SECONDS)
        response = cached_page(request, generation)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        if cache.get(lock) is None:  # rendered but not stored: nothing to wait for
            break
    return render(request)


def is_storable(response: HttpResponse) -> bool:
    """A complete, public 200 that sets no cookie and does not vary on everything."""
    cache_control = response.get("Cache-Control", "").lower()
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not has_vary_header(response, "*")
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
    )


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs) -> list[Warning]:
    """Warn when pages are cached in a cache other processes cannot see."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.PAGE_CACHE_SECONDS and backend.endswith("locmem.LocMemCache"):
        return [
            Warning(
                "Pages are cached in a process-local cache: an editor's change or an import reaches "
                "other gunicorn workers only after PAGE_CACHE_SECONDS.",
                hint="Set CACHE_URL to a shared cache such as rediscache://127.0.0.1:6379/1.",
                id="portal.W001",
            )
        ]
    return []
