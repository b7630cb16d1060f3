"""Every public URL survives any query string: generated filters, junk keys and broken encodings.

Hypothesis mixes the listing's real parameters (CONTRACTS.md §4) with arbitrary keys, and values
from valid codes and dates to NUL, odd Unicode, very long strings and repeated keys; raw query
strings add what only a hand-typed URL carries (stray `%`, invalid UTF-8). A page may answer 200
or 404, never a server error. Examples are derandomized, so every run tries the same 2,000 URLs.
"""

import datetime
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Kind, MeetingType
from articles.tests.factories import make_article, make_meeting, make_page, make_person

PARAMETERS = ["region", "meeting_type", "kind", "date_after", "date_before", "person", "q", "page", "p"]
ODD_TEXT = ["\x00", "a\x00b", "\u202e", "\ufeff", "\u0301", "𝕏", "🙂", "ｑ", "‮621100", "\t\n", " "]


@pytest.fixture(scope="module")
def newsroom(django_db_setup, django_db_blocker):
    """A small paper, created once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("loaddata", "organizations", verbosity=0)
        yield make_newsroom()
        transaction.set_rollback(True)


def make_newsroom() -> SimpleNamespace:
    standing = make_meeting("621100", MeetingType.STANDING, datetime.date(2023, 6, 2), session=5, sequence=7)
    study = make_meeting("620100", MeetingType.PARTY_STUDY, datetime.date(2023, 7, 1))
    leader = make_person("王毅", "621100")
    page = make_page("300_querystrings.txt")
    articles = [
        make_article(
            "定西市政协召开常委会会议",
            region="621100",
            regions=("621122",),
            meetings=(standing,),
            persons=((leader, "主席"),),
            correspondents=("张烨",),
            event_date=datetime.date(2023, 6, 2),
            source_page=page,
        ),
        make_article(
            "兰州市政协党组理论学习中心组学习",
            region="620100",
            meetings=(study,),
            event_date=datetime.date(2023, 7, 1),
            source_page=page,
        ),
        make_article("陇西县政协调研乡村振兴", region="621122", kind=Kind.FEATURE, event_date=None),
        make_article("省政协评论", region="620000", kind=Kind.COMMENTARY, published=False),
    ]
    return SimpleNamespace(articles=articles, meeting=standing, person=leader, page=page)


def real_values(newsroom: SimpleNamespace) -> st.SearchStrategy[str]:
    return st.sampled_from(
        [
            "620000",
            "621100",
            "621122",
            "dingxi-shi",
            "lanzhou-shi",
            *MeetingType.values,
            *Kind.values,
            "2023-06-02",
            "2023-7-1",
            str(newsroom.person.pk),
            "乡村振兴",
            "常委会",
            "1",
            "2",
        ]
    )


def values(newsroom: SimpleNamespace) -> st.SearchStrategy[str]:
    return st.one_of(
        real_values(newsroom),
        st.text(max_size=40),
        st.sampled_from(ODD_TEXT),
        st.builds(
            lambda piece, times: piece * times, st.text(min_size=1, max_size=4), st.integers(200, 3000)
        ),
        st.integers(-(10**30), 10**30).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(str),
        st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31)).map(datetime.date.isoformat),
    )


def encoded_queries(newsroom: SimpleNamespace) -> st.SearchStrategy[str]:
    keys = st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=20))
    pairs = st.lists(st.tuples(keys, values(newsroom)), max_size=8)
    return pairs.map(urlencode)


# What a hand-typed or truncated URL may hold beyond what urlencode produces.
RAW_QUERIES = st.lists(
    st.one_of(
        st.sampled_from(
            ["%", "%Z", "%ZZ", "%C3%28", "%FF%FE", "%00", "%E4%B9", "&", "=", "==", "+", ";", "[]"]
        ),
        st.sampled_from([f"{name}=" for name in PARAMETERS]),
        st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=12),
    ),
    max_size=12,
).map("".join)


def query_strings(newsroom: SimpleNamespace) -> st.SearchStrategy[str]:
    return st.one_of(encoded_queries(newsroom), RAW_QUERIES)


def public_paths(newsroom: SimpleNamespace) -> dict[str, tuple[str, int]]:
    """Each public URL with its share of the 2,000 examples: the filtered lists get the most."""
    article = newsroom.articles[0]
    return {
        "listing": (reverse("articles:list"), 500),
        "meetings": (reverse("articles:meetings"), 250),
        "feed": (reverse("articles:feed"), 250),
        "home": (reverse("articles:home"), 100),
        "article": (article.get_absolute_url(), 100),
        "committees": (reverse("organizations:committees"), 100),
        "committee": (article.committee.get_absolute_url(), 100),
        "meeting": (newsroom.meeting.get_absolute_url(), 100),
        "person": (newsroom.person.get_absolute_url(), 100),
        "pages": (reverse("articles:pages"), 150),
        "page": (newsroom.page.get_absolute_url(), 100),
        "sitemap": (reverse("sitemap"), 75),
        "robots": (reverse("robots"), 75),
    }


PATH_NAMES = [
    "listing",
    "meetings",
    "feed",
    "home",
    "article",
    "committees",
    "committee",
    "meeting",
    "person",
    "pages",
    "page",
    "sitemap",
    "robots",
]


def test_the_shares_add_up_to_two_thousand(newsroom):
    paths = public_paths(newsroom)
    assert sorted(paths) == sorted(PATH_NAMES)
    assert sum(examples for _, examples in paths.values()) == 2000


@pytest.mark.parametrize("name", PATH_NAMES)
def test_no_query_string_breaks_a_public_page(newsroom, db, name):
    path, examples = public_paths(newsroom)[name]
    client = Client()
    answered: set[int] = set()

    @settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(query=query_strings(newsroom))
    def answers_without_error(query: str) -> None:
        response = client.get(f"{path}?{query}")
        assert response.status_code in (200, 404), (query, response.status_code)
        answered.add(response.status_code)

    answers_without_error()
    assert 200 in answered
