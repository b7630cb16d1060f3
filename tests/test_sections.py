"""Every page's header and footer link to the site's sections (`portal.context_processors`)."""

import re

import pytest
from django.urls import get_script_prefix, reverse, set_script_prefix

from portal.context_processors import SECTIONS, sections

pytestmark = pytest.mark.django_db


def nav_links(html: str) -> list[str]:
    nav = re.search(r'<nav class="site-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r'href="([^"]+)"', nav)


def test_the_navigation_links_each_section(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    html = client.get(reverse("articles:list")).content.decode()
    expected = [reverse(SECTIONS[name]) for name in ("home", "list", "meetings", "committees", "pages")]
    assert nav_links(html) == expected
    assert f'href="{reverse("sitemap")}"' in html


def test_addresses_carry_the_script_prefix_of_each_request(rf):
    """A site mounted under a path links there; the same process serving it at / links to /."""
    before = get_script_prefix()
    try:
        set_script_prefix("/news/")
        mounted = sections(rf.get("/"))["sections"]
    finally:
        set_script_prefix(before)
    assert mounted["list"] == "/news/articles/"
    assert sections(rf.get("/"))["sections"]["list"] == "/articles/"
