"""Drafts into the database: every write the importer makes happens here.

A page file is loaded in one transaction, so a failure leaves nothing of that file behind. An article
is keyed by (source page, position) and carries a fingerprint of the facts the parser drew from it, so
re-importing a page that parses the same writes nothing, a page that parses differently replaces the
article and its links, and an article an editor changed in the admin (`edited`) is never overwritten.

Lookups that would otherwise cost a query per article (committees, people, roles, meetings) are made
once per run (committees, which are reference data) or once per file (the rest), and links are written
with one bulk insert per table per file.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper
from django.db.models import Model, Q, QuerySet
from django.utils import timezone

from articles.models import (
    Article,
    ArticleCommittee,
    ArticleMeeting,
    Byline,
    BylineRole,
    Meeting,
    Mention,
    SourcePage,
    Status,
)
from articles.search import article_index_text
from importer.parsing.drafts import ArticleDraft, MeetingDraft, PageDraft
from organizations.models import Organization, Person, Role
from portal.cache import invalidate_pages

Committees = dict[str, Organization]
PersonKey = tuple[str, int | None]  # (name, committee id)
Written = list[tuple[int, ArticleDraft]]  # (article id, the draft it was written from)
SearchTexts = Mapping[int, str]  # Article.search_text by position, segmented ahead of loading
Fingerprints = Mapping[int, str]  # fingerprint by position, computed ahead of loading
# SQLite's write-ahead log pages between checkpoints during an import (its default is 1,000).
IMPORT_WAL_CHECKPOINT_PAGES = 10_000

# The Article fields a re-import rewrites (never those an editor alone sets, such as `edited`).
IMPORTED_FIELDS = [
    "headline",
    "kicker",
    "subtitle",
    "column",
    "kind",
    "body",
    "dateline",
    "event_date",
    "committee",
    "source_text",
    "fingerprint",
    "needs_review",
    "review_reasons",
    "search_text",
    "updated_at",
]


class UnknownCommittee(ValueError):
    """A draft names a committee code missing from the organization table (fixture not loaded?)."""


@dataclass
class PageResult:
    """What loading one page did (or, in a dry run, would do)."""

    filename: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_as_edited: int = 0
    removed: int = 0
    kept_removed: list[int] = field(default_factory=list)  # positions no longer parsed, kept as edited
    flagged: int = 0


@dataclass
class PagePlan:
    """The writes a page needs, decided from one read of what is stored for it."""

    page: PageDraft
    source_text: str
    source_page: SourcePage | None
    page_changed: bool
    create: list[tuple[ArticleDraft, str]]  # (draft, fingerprint)
    update: list[tuple[Article, ArticleDraft, str]]
    unchanged: list[ArticleDraft]
    kept_as_edited: list[ArticleDraft]
    remove: list[Article]
    kept_removed: list[Article]

    @property
    def writes_anything(self) -> bool:
        return bool(self.page_changed or self.create or self.update or self.remove)

    @property
    def result(self) -> PageResult:
        written = [draft for draft, _ in self.create] + [draft for _, draft, _ in self.update]
        return PageResult(
            filename=self.page.filename,
            created=len(self.create),
            updated=len(self.update),
            unchanged=len(self.unchanged),
            kept_as_edited=len(self.kept_as_edited),
            removed=len(self.remove),
            kept_removed=[article.position for article in self.kept_removed],
            flagged=sum(1 for draft in written + self.unchanged if draft.review_reasons),
        )


def fingerprint(draft: ArticleDraft) -> str:
    """sha256 of the draft's facts as canonical JSON: equal parses give equal fingerprints."""
    facts = json.dumps(draft, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=json_facts)
    return hashlib.sha256(facts.encode()).hexdigest()


def json_facts(value: object) -> object:
    """The JSON form of the drafts' nested values (dataclasses.asdict is several times slower)."""
    if dataclasses.is_dataclass(value):
        return vars(value)
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a draft value")


@contextmanager
def import_session() -> Iterator[None]:
    """Database settings for a run that writes many files, one transaction each.

    On SQLite an import writes about 1 MB per file (articles, their full-text rows, links), so at
    the default of a checkpoint every 1,000 pages (4 MB) the write-ahead log was copied back into
    the database every few files, each copy writing again the pages that every file touches.
    Checkpointing every 10,000 pages (a log of about 40 MB) cut the importing process's disk writes
    by a sixth and its CPU by about 5 % (10,000 articles; 8-9 % in runs on a quieter machine). The
    setting belongs to the connection, so it is put back afterwards, when a passive checkpoint
    leaves the log short for the readers (unless the run was inside an outer transaction, as in
    tests: SQLite checkpoints none of it then).
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_autocheckpoint")
        (default_pages,) = cursor.fetchone()
        cursor.execute(f"PRAGMA wal_autocheckpoint = {IMPORT_WAL_CHECKPOINT_PAGES}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA wal_autocheckpoint = {int(default_pages)}")
            if not connection.in_atomic_block:
                cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")


def committees_by_code() -> Committees:
    """All committees keyed by division code, read once per run (101 rows of reference data)."""
    return {organization.code: organization for organization in Organization.objects.all()}


def page_fingerprints(page: PageDraft) -> dict[int, str]:
    """Each draft's fingerprint by position: worth computing once, where the page was parsed."""
    return {draft.position: fingerprint(draft) for draft in page.articles}


def plan_page(page: PageDraft, source_text: str, prints: Fingerprints | None = None) -> PagePlan:
    """Compare a parsed page with what is stored for it, without writing anything."""
    prints = prints or page_fingerprints(page)
    source_page = SourcePage.objects.filter(filename=page.filename).first()
    stored = {} if source_page is None else stored_articles(source_page)
    plan = PagePlan(
        page=page,
        source_text=source_text,
        source_page=source_page,
        page_changed=source_page is None or page_fields(page, source_text) != stored_page_fields(source_page),
        create=[],
        update=[],
        unchanged=[],
        kept_as_edited=[],
        remove=[],
        kept_removed=[],
    )
    for draft in page.articles:
        article = stored.pop(draft.position, None)
        print_ = prints[draft.position]
        if article is None:
            plan.create.append((draft, print_))
        elif article.fingerprint == print_:
            plan.unchanged.append(draft)
        elif article.edited:
            plan.kept_as_edited.append(draft)
        else:
            plan.update.append((article, draft, print_))
    for article in stored.values():
        (plan.kept_removed if article.edited else plan.remove).append(article)
    return plan


def stored_articles(source_page: SourcePage) -> dict[int, Article]:
    articles = source_page.articles.only("id", "position", "fingerprint", "edited", "published_at").order_by()
    return {article.position: article for article in articles}


def page_fields(page: PageDraft, source_text: str) -> dict:
    return {
        "text": source_text,
        "layout": page.layout,
        "year": page.year.year,
        "year_evidence": list(page.year.evidence),
    }


def stored_page_fields(source_page: SourcePage) -> dict:
    return {name: getattr(source_page, name) for name in ("text", "layout", "year", "year_evidence")}


def load_page(
    page: PageDraft,
    source_text: str,
    committees: Committees | None = None,
    search_texts: SearchTexts | None = None,
    prints: Fingerprints | None = None,
) -> PageResult:
    """Write one parsed page file in one transaction; returns what changed.

    `search_texts` may carry the segmented text of articles (see `search_texts_to_write`) and `prints`
    their fingerprints, both computed in parallel with loading; articles missing from `search_texts`
    are segmented here.
    """
    plan = plan_page(page, source_text, prints)
    if plan.writes_anything:
        apply_plan(plan, committees if committees is not None else committees_by_code(), search_texts or {})
    return plan.result


def stored_fingerprints(filename: str) -> dict[int, str]:
    """Fingerprints of a page's stored articles by position, to tell which drafts need segmenting."""
    articles = Article.objects.filter(source_page__filename=filename).order_by()
    return dict(articles.values_list("position", "fingerprint"))


def search_texts_to_write(
    page: PageDraft, stored: Fingerprints, prints: Fingerprints | None = None
) -> dict[int, str]:
    """Segmented text of the drafts whose fingerprint differs from the stored one. Pure, no queries.

    Segmentation is the costliest step of an import, so a worker process can run it while the main
    process writes the previous file; articles that will not be written are not segmented.
    """
    prints = prints or page_fingerprints(page)
    return {
        draft.position: article_index_text(draft)
        for draft in page.articles
        if stored.get(draft.position) != prints[draft.position]
    }


@transaction.atomic
def apply_plan(plan: PagePlan, committees: Committees, search_texts: SearchTexts) -> None:
    source_page = save_source_page(plan)
    replaced = [article for article, _, _ in plan.update]
    old_meeting_ids = linked_meeting_ids(replaced + plan.remove)
    delete_links(replaced)
    written = create_articles(source_page, plan.create, committees, search_texts) + update_articles(
        plan.update, committees, search_texts
    )
    write_links(written, committees)
    if plan.remove:
        Article.objects.filter(pk__in=[article.pk for article in plan.remove]).delete()
    # A meeting exists because an article reported it; one no article reports any more goes too.
    if old_meeting_ids:
        Meeting.objects.filter(pk__in=old_meeting_ids, articles__isnull=True).delete()
    # Bulk writes send no model signals: readers' cached pages go stale here, once the file commits.
    invalidate_pages()


def save_source_page(plan: PagePlan) -> SourcePage:
    if not plan.page_changed:
        return plan.source_page
    source_page = plan.source_page or SourcePage(filename=plan.page.filename)
    for name, value in page_fields(plan.page, plan.source_text).items():
        setattr(source_page, name, value)
    source_page.save()
    return source_page


def linked_meeting_ids(articles: Sequence[Article]) -> set[int]:
    if not articles:
        return set()
    links = ArticleMeeting.objects.filter(article__in=articles)
    return set(links.values_list("meeting_id", flat=True))


def delete_links(articles: Sequence[Article]) -> None:
    if not articles:
        return
    for model in (ArticleCommittee, ArticleMeeting, Mention, Byline):
        model.objects.filter(article__in=articles).delete()


def committee(code: str, committees: Committees) -> Organization:
    try:
        return committees[code]
    except KeyError:
        raise UnknownCommittee(f"未知的政协组织代码 {code}（组织数据未导入？）") from None


def imported_values(
    draft: ArticleDraft, print_: str, committees: Committees, search_texts: SearchTexts
) -> dict:
    """The Article fields the importer owns. Status is not one of them: publishing is editorial."""
    return {
        "headline": draft.headline or "",
        "kicker": draft.kicker or "",
        "subtitle": draft.subtitle or "",
        "column": draft.column or "",
        "kind": draft.kind,
        "body": draft.body,
        "dateline": draft.dateline or "",
        "event_date": draft.event_date,
        "committee": committee(draft.region_codes[0], committees) if draft.region_codes else None,
        "source_text": draft.source_text,
        "fingerprint": print_,
        "needs_review": bool(draft.review_reasons),
        "review_reasons": list(draft.review_reasons),
        "search_text": search_texts.get(draft.position) or article_index_text(draft),
    }


def create_articles(
    source_page: SourcePage,
    drafts: list[tuple[ArticleDraft, str]],
    committees: Committees,
    search_texts: SearchTexts,
) -> Written:
    now = timezone.now()
    articles = [
        Article(
            source_page=source_page,
            position=draft.position,
            status=Status.DRAFT if draft.held else Status.PUBLISHED,
            published_at=None if draft.held else now,
            **imported_values(draft, print_, committees, search_texts),
        )
        for draft, print_ in drafts
    ]
    Article.objects.bulk_create(articles)
    return [(article.pk, draft) for article, (draft, _) in zip(articles, drafts, strict=True)]


def update_articles(
    updates: list[tuple[Article, ArticleDraft, str]], committees: Committees, search_texts: SearchTexts
) -> Written:
    now = timezone.now()
    for article, draft, print_ in updates:
        for name, value in imported_values(draft, print_, committees, search_texts).items():
            setattr(article, name, value)
        article.updated_at = now  # bulk_update does not apply auto_now
    Article.objects.bulk_update([article for article, _, _ in updates], IMPORTED_FIELDS)
    return [(article.pk, draft) for article, draft, _ in updates]


def write_links(written: Written, committees: Committees) -> None:
    """Committees, meetings, mentions and bylines of freshly written articles: one insert per table."""
    if not written:
        return
    insert_rows(
        ArticleCommittee, ("article", "organization", "position"), committee_links(written, committees)
    )
    insert_rows(ArticleMeeting, ("article", "meeting", "position"), meeting_links(written, committees))
    insert_rows(Mention, ("article", "person", "role", "title", "position"), mentions(written, committees))
    insert_rows(Byline, ("article", "name", "role", "position"), bylines(written))


def insert_rows(model: type[Model], fields: Sequence[str], rows: list[tuple]) -> None:
    """INSERT plain rows of `fields` (foreign keys as ids) into `model`'s table in one statement.

    Link rows have no defaults, signals or values to convert, so building a model instance per row
    for bulk_create only costs time: most of a file's writes are links. On PostgreSQL they go in
    by COPY: an executemany there is a statement per row, each parsed, analysed and planned by the
    server (COPY cut the server's CPU during an import by about 14 %); SQLite runs an executemany
    as one prepared statement.
    """
    if not rows:
        return
    meta = model._meta
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    columns = ", ".join(quote(meta.get_field(name).column) for name in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            copy_rows(cursor, f"COPY {table} ({columns}) FROM STDIN", rows)
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)


def update_rows(model: type[Model], fields: Sequence[str], rows: list[tuple]) -> None:
    """UPDATE `fields` of `model`'s rows by id in one executemany; each row is the values, then the id.

    bulk_update writes the same in one statement of a CASE per field and row, which Django builds
    and compiles anew for every file: replacing it saved about 1 ms per file that widens a role,
    0.5-0.6 s of the importing process's CPU over 10,000 articles.
    """
    if not rows:
        return
    meta = model._meta
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(meta.get_field(name).column)} = %s" for name in fields)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s", rows
        )


def copy_rows(cursor: CursorWrapper, statement: str, rows: list[tuple]) -> None:
    """Stream `rows` through psycopg's COPY; its errors become Django's, as a query's would."""
    with connection.wrap_database_errors, cursor.copy(statement) as copy:
        for row in rows:
            copy.write_row(row)


def committee_links(written: Written, committees: Committees) -> list[tuple]:
    return [
        (article_id, committee(code, committees).pk, position)
        for article_id, draft in written
        for position, code in enumerate(dict.fromkeys(draft.region_codes))
    ]


def bylines(written: Written) -> list[tuple]:
    rows = []
    for article_id, draft in written:
        for role, names in (
            (BylineRole.CORRESPONDENT, draft.correspondents),
            (BylineRole.PHOTOGRAPHER, draft.photographers),
        ):
            rows += [
                (article_id, name, role.value, position) for position, name in enumerate(dict.fromkeys(names))
            ]
    return rows


# People and their roles.


def mentions(written: Written, committees: Committees) -> list[tuple]:
    """One Mention row per person per article, pointing at the Person and the Role printed with them."""
    persons = resolve_persons(written, committees)
    roles = resolve_roles(written, persons, committees)
    rows = []
    for article_id, draft in written:
        seen = set()
        for person_draft in draft.persons:
            person = persons[person_key(person_draft.name, person_draft.region_code, committees)]
            if person.pk in seen:
                continue
            seen.add(person.pk)
            role = roles.get((person.pk, person_draft.title))
            rows.append((article_id, person.pk, role and role.pk, person_draft.title, len(seen) - 1))
    return rows


def person_key(name: str, region_code: str | None, committees: Committees) -> PersonKey:
    return name, committee(region_code, committees).pk if region_code else None


def resolve_persons(written: Written, committees: Committees) -> dict[PersonKey, Person]:
    """Get or create, in two queries, the Person for each (name, committee) the articles name."""
    wanted = dict.fromkeys(
        person_key(person.name, person.region_code, committees)
        for _, draft in written
        for person in draft.persons
    )
    if not wanted:
        return {}
    found = {(person.name, person.organization_id): person for person in stored_persons(wanted)}
    missing = [
        Person(name=name, organization_id=committee_id)
        for name, committee_id in wanted
        if (name, committee_id) not in found
    ]
    Person.objects.bulk_create(missing)
    for person in missing:
        found[person.name, person.organization_id] = person
    return found


def stored_persons(wanted: Iterable[PersonKey]) -> QuerySet[Person]:
    """A small superset of the stored Persons among `wanted`: their names within their committees.

    By name alone the query would return every namesake in every committee, a set that grows
    with the archive; the committees of one file are few.
    """
    names = {name for name, _ in wanted}
    committee_ids = {committee_id for _, committee_id in wanted}
    within = Q(organization_id__in=committee_ids - {None})
    if None in committee_ids:
        within |= Q(organization__isnull=True)
    return Person.objects.filter(within, name__in=names).order_by()


def resolve_roles(
    written: Written, persons: dict[PersonKey, Person], committees: Committees
) -> dict[tuple[int, str], Role]:
    """Get or create each (person, title) Role and widen its first/last seen dates to the articles'."""
    spans: dict[tuple[int, str], list[date]] = {}
    for _, draft in written:
        for person_draft in draft.persons:
            if person_draft.title:
                person = persons[person_key(person_draft.name, person_draft.region_code, committees)]
                dates = spans.setdefault((person.pk, person_draft.title), [])
                if draft.event_date:
                    dates.append(draft.event_date)
    if not spans:
        return {}
    stored = Role.objects.filter(
        person_id__in={pk for pk, _ in spans}, title__in={title for _, title in spans}
    ).order_by()
    roles = {(role.person_id, role.title): role for role in stored if (role.person_id, role.title) in spans}
    widened = [role for key, role in roles.items() if widen(role, spans[key])]
    update_rows(
        Role, ("first_seen", "last_seen"), [(role.first_seen, role.last_seen, role.pk) for role in widened]
    )
    missing = [Role(person_id=pk, title=title) for pk, title in spans if (pk, title) not in roles]
    for role in missing:
        widen(role, spans[role.person_id, role.title])
    Role.objects.bulk_create(missing)
    for role in missing:
        roles[role.person_id, role.title] = role
    return roles


def widen(role: Role, dates: list[date]) -> bool:
    """Stretch the role's seen dates to cover `dates`; True when they changed."""
    if not dates:
        return False
    first = min(dates + ([role.first_seen] if role.first_seen else []))
    last = max(dates + ([role.last_seen] if role.last_seen else []))
    changed = (first, last) != (role.first_seen, role.last_seen)
    role.first_seen, role.last_seen = first, last
    return changed


# Meetings.


def meeting_links(written: Written, committees: Committees) -> list[tuple]:
    """Link rows in printed order; a meeting two articles report is one Meeting row."""
    index = MeetingIndex.for_drafts([draft for _, draft in written], committees)
    per_article = [[index.meeting(meeting, committees) for meeting in draft.meetings] for _, draft in written]
    index.save_new()
    return [
        (article_id, meeting.pk, position)
        for (article_id, _), meetings in zip(written, per_article, strict=True)
        for position, meeting in enumerate(dict.fromkeys(meetings))
    ]


class MeetingIndex:
    """The stored meetings the drafts may refer to, read in one query, plus those created meanwhile.

    A numbered meeting ("五届七次常委会会议") is found by committee, type, session and sequence; an
    unnumbered one by committee, type and date, where an article that omits the number joins the one
    meeting of that type the committee held that day. A meeting with neither is its own row.
    """

    def __init__(self, meetings: Iterable[Meeting]) -> None:
        self.numbered: dict[tuple, Meeting] = {}
        self.dated: dict[tuple, list[Meeting]] = {}
        self.new: list[Meeting] = []
        for meeting in meetings:
            self.add(meeting)

    @classmethod
    def for_drafts(cls, drafts: list[ArticleDraft], committees: Committees) -> MeetingIndex:
        """A superset of the meetings the drafts may mean, in one short query; keys narrow it down."""
        meetings = [
            meeting for draft in drafts for meeting in draft.meetings if is_numbered(meeting) or meeting.date
        ]
        if not meetings:
            return cls([])
        numbered = [meeting for meeting in meetings if is_numbered(meeting)]
        candidates = Meeting.objects.filter(
            organization__in={committee(meeting.region_code, committees) for meeting in meetings},
            meeting_type__in={meeting.meeting_type for meeting in meetings},
        ).filter(
            Q(date__in={meeting.date for meeting in meetings if meeting.date})
            | Q(
                session__in={meeting.session for meeting in numbered},
                sequence__in={m.sequence for m in numbered},
            )
        )
        return cls(candidates)

    def add(self, meeting: Meeting) -> None:
        common = (meeting.organization_id, meeting.meeting_type)
        if meeting.session is not None and meeting.sequence is not None:
            self.numbered[(*common, meeting.session, meeting.sequence)] = meeting
        if meeting.date:
            self.dated.setdefault((*common, meeting.date), []).append(meeting)

    def meeting(self, draft: MeetingDraft, committees: Committees) -> Meeting:
        organization = committee(draft.region_code, committees)
        common = (organization.pk, draft.meeting_type)
        if is_numbered(draft):
            found = self.numbered.get((*common, draft.session, draft.sequence))
        elif draft.date:
            found = same_day_meeting(self.dated.get((*common, draft.date), []), draft)
        else:
            found = None
        if found is None:
            found = Meeting(
                organization=organization,
                meeting_type=draft.meeting_type,
                session=draft.session,
                sequence=draft.sequence,
                date=draft.date,
                title=draft.title,
                expanded=draft.expanded,
            )
            self.add(found)
            self.new.append(found)
        return found

    def save_new(self) -> None:
        Meeting.objects.bulk_create(self.new)


def is_numbered(meeting: MeetingDraft) -> bool:
    return meeting.session is not None and meeting.sequence is not None


def same_day_meeting(candidates: list[Meeting], draft: MeetingDraft) -> Meeting | None:
    """The meeting held that day the draft means: same sequence, else the only one that day."""
    exact = [meeting for meeting in candidates if meeting.sequence == draft.sequence]
    if exact:
        return exact[0]
    if draft.sequence is None and len(candidates) == 1:
        return candidates[0]
    return None
