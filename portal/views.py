"""Views of the site as a whole rather than of one app."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@require_safe
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Answers "ok" without touching the database or templates.

    A load balancer's liveness probe, and the ceiling the HTTP benchmark compares pages with: the
    fastest answer the stack (gunicorn, middleware, URL routing) can give.
    """
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
