"""Small builders of reader-facing data for the public site's tests.

Committees come from the real fixture (`fixtures = ["organizations"]`); articles are built here with
`search_text` filled exactly as the importer fills it, so the full-text index sees real tokens.
"""

import datetime
from itertools import count

from articles.models import (
    Article,
    ArticleCommittee,
    ArticleMeeting,
    Byline,
    BylineRole,
    Kind,
    Layout,
    Meeting,
    Mention,
    SourcePage,
    Status,
)
from articles.search import index_text
from organizations.models import Organization, Person, Role

_positions = count(1)


def committee(code: str) -> Organization:
    return Organization.objects.get(code=code)


def make_page(filename: str = "100_reader_test.txt", year: int | None = 2023) -> SourcePage:
    page, _ = SourcePage.objects.get_or_create(
        filename=filename, defaults={"text": "整版原文", "layout": Layout.PARAGRAPH, "year": year}
    )
    return page


def make_meeting(code: str, meeting_type: str, date: datetime.date | None = None, **kwargs) -> Meeting:
    kwargs.setdefault("title", "常委会会议")
    return Meeting.objects.create(
        organization=committee(code), meeting_type=meeting_type, date=date, **kwargs
    )


def make_article(
    headline: str = "政协召开会议",
    *,
    region: str | None = "620000",
    regions: tuple[str, ...] = (),
    meetings: tuple[Meeting, ...] = (),
    persons: tuple[tuple[Person, str], ...] = (),
    correspondents: tuple[str, ...] = (),
    published: bool = True,
    **fields,
) -> Article:
    """A published article about committee `region` (a division code), linked to every `regions` too."""
    fields.setdefault("source_page", make_page())
    fields.setdefault("position", next(_positions))
    fields.setdefault("body", f"{headline}。会议强调，要坚持学习。")
    fields.setdefault("event_date", datetime.date(2023, 6, 8))
    fields.setdefault("kind", Kind.NEWS)
    primary = committee(region) if region else None
    article = Article.objects.create(
        headline=headline,
        committee=primary,
        status=Status.PUBLISHED if published else Status.DRAFT,
        search_text=index_text(headline, fields.get("subtitle", ""), fields["body"]),
        fingerprint=f"test-{fields['position']}",
        **fields,
    )
    codes = dict.fromkeys(([region] if region else []) + list(regions))
    for position, code in enumerate(codes):
        ArticleCommittee.objects.create(article=article, organization=committee(code), position=position)
    for position, meeting in enumerate(meetings):
        ArticleMeeting.objects.create(article=article, meeting=meeting, position=position)
    for position, (person, title) in enumerate(persons):
        role, _ = Role.objects.get_or_create(person=person, title=title)
        Mention.objects.create(article=article, person=person, role=role, title=title, position=position)
    for position, name in enumerate(correspondents):
        Byline.objects.create(article=article, name=name, role=BylineRole.CORRESPONDENT, position=position)
    return article


def make_person(name: str, code: str | None) -> Person:
    return Person.objects.create(name=name, organization=committee(code) if code else None)
