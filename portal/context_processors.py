"""Context every reader's page gets."""

import functools
from types import MappingProxyType

from django.http import HttpRequest
from django.urls import URLResolver, get_resolver, get_script_prefix, get_urlconf, reverse

# Each section's address under its short name: `{{ sections.list }}` in a template.
SECTIONS = {
    "home": "articles:home",
    "list": "articles:list",
    "meetings": "articles:meetings",
    "pages": "articles:pages",
    "feed": "articles:feed",
    "committees": "organizations:committees",
    "sitemap": "sitemap",
}


def sections(request: HttpRequest) -> dict:
    """The addresses of the site's sections, which every page's header and footer link to.

    Reversed once per script prefix and URLconf rather than by a `{% url %}` tag on every page:
    the listing's thirteen of them were 0.35 ms of its 6.
    """
    return {"sections": section_addresses(get_script_prefix(), get_resolver(get_urlconf()))}


@functools.lru_cache(maxsize=16)
def section_addresses(prefix: str, resolver: URLResolver) -> MappingProxyType:
    """`prefix` and `resolver` key the cache: `reverse` reads both."""
    return MappingProxyType({short: reverse(name) for short, name in SECTIONS.items()})
