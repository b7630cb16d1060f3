"""Stored articles as the records of CONTRACTS.md §2, the format other tools read.

The queryset prefetches every link the record needs, so exporting costs a fixed number of queries
per chunk of articles, however many there are.
"""

from collections.abc import Iterator

from django.db.models import Prefetch, QuerySet

from articles.models import Article, ArticleCommittee, ArticleMeeting, Byline, BylineRole, Meeting, Mention

CHUNK_SIZE = 500


def articles_for_export(source: str | None = None) -> QuerySet:
    """Articles in source then page order, with their links prefetched; one source file if given."""
    articles = Article.objects.select_related("source_page", "committee").prefetch_related(
        Prefetch("committee_links", queryset=ArticleCommittee.objects.select_related("organization")),
        Prefetch("meeting_links", queryset=ArticleMeeting.objects.select_related("meeting")),
        Prefetch("mentions", queryset=Mention.objects.select_related("person__organization")),
        Prefetch("bylines", queryset=Byline.objects.order_by("position")),
    )
    if source is not None:
        articles = articles.filter(source_page__filename=source)
    return articles.order_by("source_page__filename", "position")


def export_records(source: str | None = None) -> Iterator[dict]:
    """One record per article, streamed in chunks so memory stays flat on a large archive."""
    for article in articles_for_export(source).iterator(chunk_size=CHUNK_SIZE):
        yield article_record(article)


def article_record(article: Article) -> dict:
    """The contract's keys in the contract's order; empty text is null."""
    meetings = [link.meeting for link in article.meeting_links.all()]
    bylines = list(article.bylines.all())
    return {
        "source": article.source_page.filename,
        "position": article.position,
        "headline": article.headline or None,
        "kicker": article.kicker or None,
        "subtitle": article.subtitle or None,
        "column": article.column or None,
        "kind": article.kind,
        "dateline": article.dateline or None,
        "event_date": article.event_date.isoformat() if article.event_date else None,
        "region": article.committee.division_name if article.committee else None,
        "regions": [link.organization.division_name for link in article.committee_links.all()],
        "meeting_types": [meeting.meeting_type for meeting in meetings],
        "meeting": meeting_record(meetings[0]) if meetings else None,
        "persons": [person_record(mention) for mention in article.mentions.all()],
        "correspondents": [byline.name for byline in bylines if byline.role == BylineRole.CORRESPONDENT],
        "photographers": [byline.name for byline in bylines if byline.role == BylineRole.PHOTOGRAPHER],
        "body": article.body,
    }


def meeting_record(meeting: Meeting) -> dict:
    return {
        "type": meeting.meeting_type,
        "session": meeting.session,
        "sequence": meeting.sequence,
        "title": meeting.title,
    }


def person_record(mention: Mention) -> dict:
    committee = mention.person.organization
    return {
        "name": mention.person.name,
        "region": committee.division_name if committee else None,
        "title": mention.title,
    }
