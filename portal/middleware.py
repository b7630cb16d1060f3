"""Site-wide request policy: the page cache, the Content-Security-Policy header and the login throttle."""

import hashlib
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from .cache import cached_page, content_generation, invalidate_pages, is_storable, render_once, store_page

GetResponse = Callable[[HttpRequest], HttpResponse]
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def is_admin_path(request: HttpRequest) -> bool:
    return request.path.startswith(reverse("admin:index"))


class PageCacheMiddleware:
    """Serves anonymous readers' GET and HEAD requests from the cache (see `portal.cache`).

    Place it above the session and locale middleware, so the Vary headers they add are known when
    a page is stored. A request with a session cookie (an editor) or to the admin is never served
    from the cache, and only a public 200 that sets no cookie is stored.

    Model signals (`articles.signals`) invalidate the pages on every ORM save or delete; a write
    through the admin that bypasses them (the publish action's `QuerySet.update()`) is caught here:
    any successful change a staff member submits to the admin invalidates too.
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.may_use_cache(request):
            response = self.get_response(request)
            if self.is_admin_change(request, response):
                invalidate_pages()
            return response
        # Read before rendering: a page rendered from rows an editor is changing meanwhile is stored
        # under the generation that change retires.
        generation = content_generation()
        response = cached_page(request, generation)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        return render_once(request, generation, lambda request: self.render_and_store(request, generation))

    def render_and_store(self, request: HttpRequest, generation: int) -> HttpResponse:
        response = self.get_response(request)
        if request.method == "GET" and is_storable(response):
            store_page(request, response, generation)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def may_use_cache(request: HttpRequest) -> bool:
        """A reader's GET or HEAD, neither the admin nor the liveness probe (which must not depend
        on the cache, and is the HTTP benchmark's measure of the bare stack)."""
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not is_admin_path(request)
            and request.path != reverse("healthz")
        )

    @staticmethod
    def is_admin_change(request: HttpRequest, response: HttpResponse) -> bool:
        user = getattr(request, "user", None)
        return (
            request.method not in SAFE_METHODS
            and response.status_code < 400
            and is_admin_path(request)
            and user is not None
            and user.is_authenticated
            and user.is_staff
        )


def policy_header(directives: dict[str, list[str]]) -> str:
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


class ContentSecurityPolicyMiddleware:
    """Sends CONTENT_SECURITY_POLICY, or CONTENT_SECURITY_POLICY_ADMIN on the admin's pages."""

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            admin = is_admin_path(request)
            policy = settings.CONTENT_SECURITY_POLICY_ADMIN if admin else settings.CONTENT_SECURITY_POLICY
            response["Content-Security-Policy"] = policy_header(policy)
        return response


def client_ip(request: HttpRequest) -> str:
    """The reader's address: CLIENT_IP_HEADER when a trusted proxy sets it, else the peer's."""
    if settings.CLIENT_IP_HEADER and request.META.get(settings.CLIENT_IP_HEADER):
        return request.META[settings.CLIENT_IP_HEADER].strip()
    return request.META.get("REMOTE_ADDR", "")


def failures_key(request: HttpRequest) -> str:
    """A cache key safe for every backend (no spaces or control characters, short) per username + IP."""
    username = request.POST.get("username", "")
    digest = hashlib.sha256(f"{username}\x00{client_ip(request)}".encode()).hexdigest()
    return f"portal:login-failures:{digest}"


class LoginThrottleMiddleware:
    """Slows password guessing at the admin login, without locking anyone out for good.

    After LOGIN_FAILURE_LIMIT failed attempts for one username from one address, that pair is
    refused (429) until LOGIN_COOLOFF_SECONDS have passed since its last failure; a successful
    login clears the count. Counts live in the cache, so workers share them when the cache is shared.
    Place it below the authentication middleware.
    """

    def __init__(self, get_response: GetResponse) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST" or request.path != reverse("admin:login"):
            return self.get_response(request)
        key = failures_key(request)
        if (cache.get(key) or 0) >= settings.LOGIN_FAILURE_LIMIT:
            return self.locked_out()
        response = self.get_response(request)
        if request.user.is_authenticated:
            cache.delete(key)
        elif response.status_code == 200:  # the form shown again with its error: a wrong password
            self.count_failure(key)
        return response

    @staticmethod
    def count_failure(key: str) -> None:
        timeout = settings.LOGIN_COOLOFF_SECONDS
        cache.add(key, 0, timeout)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout)
        cache.touch(key, timeout)

    @staticmethod
    def locked_out() -> HttpResponse:
        minutes = -(-settings.LOGIN_COOLOFF_SECONDS // 60)
        response = HttpResponse(
            f"登录失败次数过多，请 {minutes} 分钟后再试。",
            status=429,
            content_type="text/plain; charset=utf-8",
        )
        response["Retry-After"] = str(settings.LOGIN_COOLOFF_SECONDS)
        return response
