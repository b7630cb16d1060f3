"""A large synthetic archive built quickly: the seed pages imported, then their articles cloned.

Importing 100k articles through `import_seeds` takes many minutes (parsing and jieba segmentation);
a benchmark of the site only needs rows shaped like imported ones. So the seeds go through the real
importer once, and their published articles are copied with `bulk_create`: the same bodies and
search texts (segmented by the importer, `articles.search.index_text`), but dates spread over ten
years, committees drawn from all 101, a meeting of the copy's own committee and date, the same
people and bylines. A made-up rare term is written into a handful of articles, so a search for it
has few matches at every size; the common term is the word found in the most articles.

Needs Django set up against an empty database, which `build` migrates.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from dataclasses import dataclass

from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from articles.models import (
    Article,
    ArticleCommittee,
    ArticleMeeting,
    Byline,
    Layout,
    Meeting,
    MeetingType,
    Mention,
    SourcePage,
    Status,
)
from articles.search import index_text
from organizations.models import Organization
from portal.cache import invalidate_pages

# A word that is not in the seeds (checked when building): sea buckthorn, a Gansu crop.
RARE_TERM = "沙棘"
RARE_SENTENCE = f"会议还听取了{RARE_TERM}产业发展情况汇报。"
RARE_ARTICLES = 10
ARTICLES_PER_PAGE = 8
CHUNK = 4000
FIRST_DAY = datetime.date(2015, 1, 1)
DAYS = 365 * 10


@dataclass
class Template:
    """A published seed article and its links, the model for its copies."""

    article: Article
    meeting_types: list[str]
    mentions: list[Mention]
    bylines: list[Byline]


def build(size: int, jobs: int = 2) -> int:
    """Migrate, load the committees, import the seeds and clone them up to `size` published articles."""
    call_command("migrate", verbosity=0, interactive=False)
    call_command("loaddata", "organizations", verbosity=0)
    call_command("import_seeds", jobs=jobs, verbosity=0)
    templates = load_templates()
    if any(RARE_TERM in template.article.search_text for template in templates):
        raise RuntimeError(f"the seeds contain the rare term {RARE_TERM}; pick another")
    missing = size - Article.objects.published().count()
    rng = random.Random(size)
    committees = list(Organization.objects.all())
    rare_every = max(1, missing // RARE_ARTICLES)
    meetings = stored_meetings()
    for start in range(0, missing, CHUNK):
        copies = range(start, min(missing, start + CHUNK))
        clone_chunk(copies, templates, committees, rng, rare_every, meetings)
    analyze()
    return Article.objects.published().count()


def load_templates() -> list[Template]:
    articles = Article.objects.published().prefetch_related("meetings", "mentions", "bylines").order_by("pk")
    return [
        Template(
            article=article,
            meeting_types=[meeting.meeting_type for meeting in article.meetings.all()],
            mentions=list(article.mentions.all()),
            bylines=list(article.bylines.all()),
        )
        for article in articles
    ]


def stored_meetings() -> dict[tuple, Meeting]:
    """Unnumbered meetings by (committee, type, date): one such meeting a day (a database constraint)."""
    meetings = Meeting.objects.filter(sequence__isnull=True, date__isnull=False)
    return {(meeting.organization_id, meeting.meeting_type, meeting.date): meeting for meeting in meetings}


@transaction.atomic
def clone_chunk(
    copies: range,
    templates: list[Template],
    committees: list[Organization],
    rng: random.Random,
    rare_every: int,
    meetings: dict[tuple, Meeting],
) -> None:
    """Copies number `copies.start` to `copies.stop - 1`, with their pages, meetings and links."""
    pages = SourcePage.objects.bulk_create(
        SourcePage(filename=f"synthetic_{number:07d}.txt", text="", layout=Layout.PARAGRAPH, year=2020)
        for number in range(copies.start // ARTICLES_PER_PAGE, (copies.stop - 1) // ARTICLES_PER_PAGE + 1)
    )
    first_page = copies.start // ARTICLES_PER_PAGE
    now = timezone.now()
    plans = []
    for number in copies:
        template = templates[number % len(templates)]
        date = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
        plans.append((template, date, rng.choice(committees), number % rare_every == 0))
    articles = Article.objects.bulk_create(
        clone_article(number, plan, pages[number // ARTICLES_PER_PAGE - first_page], now)
        for number, plan in zip(copies, plans, strict=True)
    )
    reported = [
        [meeting_of(committee, kind, date, meetings) for kind in dict.fromkeys(template.meeting_types)]
        for template, date, committee, _ in plans
    ]
    # Unsaved models are unhashable: tell new meetings apart by identity.
    new = {id(meeting): meeting for meetings in reported for meeting in meetings if meeting.pk is None}
    Meeting.objects.bulk_create(new.values())
    write_links(articles, plans, reported)
    # Bulk writes send no model signals: say the archive changed, as the importer does per file.
    invalidate_pages()


def meeting_of(
    committee: Organization, kind: str, date: datetime.date, meetings: dict[tuple, Meeting]
) -> Meeting:
    """The committee's meeting of that type that day, a new unsaved one the first time."""
    key = (committee.pk, kind, date)
    if key not in meetings:
        meetings[key] = Meeting(
            organization=committee, meeting_type=kind, date=date, title=str(MeetingType(kind).label)
        )
    return meetings[key]


def clone_article(number: int, plan: tuple, page: SourcePage, now: datetime.datetime) -> Article:
    template, date, committee, rare = plan
    original = template.article
    body, search_text = original.body, original.search_text
    if rare:
        body = f"{body}\n{RARE_SENTENCE}"
        search_text = f"{search_text} {index_text(RARE_SENTENCE)}"
    return Article(
        source_page=page,
        position=number % ARTICLES_PER_PAGE + 1,
        headline=original.headline,
        kicker=original.kicker,
        subtitle=original.subtitle,
        column=original.column,
        kind=original.kind,
        body=body,
        dateline=original.dateline,
        event_date=date,
        committee=committee,
        fingerprint=f"synthetic-{number}",
        status=Status.PUBLISHED,
        published_at=now,
        search_text=search_text,
    )


def write_links(articles: list[Article], plans: list[tuple], reported: list[list[Meeting]]) -> None:
    committees, meeting_links, mentions, bylines = [], [], [], []
    for article, (template, _, committee, _), meetings in zip(articles, plans, reported, strict=True):
        committees.append(ArticleCommittee(article=article, organization=committee, position=0))
        for position, meeting in enumerate(meetings):
            meeting_links.append(ArticleMeeting(article=article, meeting=meeting, position=position))
        for mention in template.mentions:
            mentions.append(
                Mention(
                    article=article,
                    person_id=mention.person_id,
                    role_id=mention.role_id,
                    title=mention.title,
                    position=mention.position,
                )
            )
        for byline in template.bylines:
            bylines.append(
                Byline(article=article, name=byline.name, role=byline.role, position=byline.position)
            )
    for model, rows in (
        (ArticleCommittee, committees),
        (ArticleMeeting, meeting_links),
        (Mention, mentions),
        (Byline, bylines),
    ):
        model.objects.bulk_create(rows, batch_size=CHUNK)


def analyze() -> None:
    """Fresh planner statistics, as autovacuum (PostgreSQL) or `PRAGMA optimize` (SQLite) would give."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def common_term(sample: int = 2000) -> tuple[str, float]:
    """The word in the most articles (of a sample) and the share of articles it is in."""
    texts = Article.objects.published().order_by("?").values_list("search_text", flat=True)[:sample]
    counts = Counter()
    total = 0
    for text in texts:
        total += 1
        counts.update({token for token in text.split() if len(token) >= 2 and token.isalpha()})
    term, found = counts.most_common(1)[0]
    return term, found / total
