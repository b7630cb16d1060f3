"""Drafts into the database: the rows a draft implies, idempotent re-imports, editors' changes kept."""

import dataclasses
import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import (
    Article,
    ArticleCommittee,
    ArticleMeeting,
    Byline,
    Meeting,
    Mention,
    SourcePage,
    Status,
)
from articles.search import index_text
from importer import loading
from importer.loading import UnknownCommittee, load_page
from importer.parsing.drafts import ArticleDraft, MeetingDraft, PageDraft, PersonDraft, YearGuess
from organizations.models import Organization, Person, Role

JIAYUGUAN, WUWEI, JIUQUAN = "620200", "620600", "620900"
WRITES = ("INSERT", "UPDATE", "DELETE")


@pytest.fixture
def committees(db) -> dict[str, Organization]:
    call_command("loaddata", "organizations", verbosity=0)
    return loading.committees_by_code()


def make_article(position: int = 1, **kwargs) -> ArticleDraft:
    values = {
        "headline": f"市政协召开会议{position}",
        "kicker": None,
        "subtitle": "行而不辍抓学习",
        "column": None,
        "kind": "news",
        "body": f"6月8日,市政协主持召开会议。\n会议强调,要抓学习{position}。",
        "dateline": "嘉峪关",
        "event_date": datetime.date(2023, 6, 8),
        "region_codes": [JIAYUGUAN],
        "meetings": [],
        "persons": [],
        "correspondents": [],
        "photographers": [],
        "source_text": f"市政协召开会议{position}\n本报嘉峪关讯……",
        "review_reasons": [],
    }
    return ArticleDraft(position=position, **(values | kwargs))


def make_page(*articles: ArticleDraft, filename: str = "000_test.txt", year: int | None = 2023) -> PageDraft:
    return PageDraft(
        filename=filename,
        layout="paragraph",
        year=YearGuess(year=year, evidence=("二十届 → 2023",), certain=True),
        articles=list(articles),
    )


def party_study(region_code: str = JIAYUGUAN, **kwargs) -> MeetingDraft:
    values = {"title": "党组理论学习中心组(扩大)会议", "expanded": True, "date": datetime.date(2023, 6, 8)}
    return MeetingDraft(region_code=region_code, meeting_type="party_study", **(values | kwargs))


def standing(region_code: str = WUWEI, **kwargs) -> MeetingDraft:
    values = {"title": "五届七次常委会会议", "session": 5, "sequence": 7, "date": datetime.date(2023, 6, 9)}
    return MeetingDraft(region_code=region_code, meeting_type="standing", **(values | kwargs))


def wang_yi(title: str = "党组书记、主席") -> PersonDraft:
    return PersonDraft(name="王毅", title=title, region_code=JIAYUGUAN)


def writes(queries: CaptureQueriesContext) -> list[str]:
    return [
        query["sql"] for query in queries.captured_queries if query["sql"].lstrip().upper().startswith(WRITES)
    ]


def test_load_page_creates_the_rows_a_draft_implies(committees):
    first = make_article(
        1,
        region_codes=[JIAYUGUAN, JIUQUAN],
        meetings=[party_study()],
        persons=[wang_yi(), PersonDraft(name="王海明", title="主席", region_code=JIUQUAN)],
        correspondents=["苏天泰", "刘津津"],
        photographers=["张强"],
    )
    second = make_article(2, region_codes=[], dateline=None, review_reasons=["未识别到政协组织"], held=True)
    noted = make_article(3, review_reasons=["消息无事件日期"], event_date=None)

    result = load_page(make_page(first, second, noted), "整版原文")

    assert (result.created, result.updated, result.unchanged, result.flagged) == (3, 0, 0, 2)
    page = SourcePage.objects.get()
    assert (page.filename, page.text, page.layout, page.year, page.year_evidence) == (
        "000_test.txt",
        "整版原文",
        "paragraph",
        2023,
        ["二十届 → 2023"],
    )
    article = Article.objects.get(position=1)
    assert article.committee == committees[JIAYUGUAN]
    assert (article.status, article.needs_review, article.review_reasons) == (Status.PUBLISHED, False, [])
    assert article.published_at is not None
    assert article.search_text == index_text(first.headline, first.subtitle, first.body)
    assert article.fingerprint == loading.fingerprint(first)
    assert list(article.committee_links.values_list("organization__code", "position")) == [
        (JIAYUGUAN, 0),
        (JIUQUAN, 1),
    ]
    meeting = article.meetings.get()
    assert (meeting.organization, meeting.meeting_type, meeting.date, meeting.expanded) == (
        committees[JIAYUGUAN],
        "party_study",
        datetime.date(2023, 6, 8),
        True,
    )
    assert list(article.mentions.values_list("person__name", "person__organization__code", "title")) == [
        ("王毅", JIAYUGUAN, "党组书记、主席"),
        ("王海明", JIUQUAN, "主席"),
    ]
    role = Role.objects.get(person__name="王毅")
    assert (role.title, role.first_seen, role.last_seen) == (
        "党组书记、主席",
        article.event_date,
        article.event_date,
    )
    assert Mention.objects.get(person__name="王毅").role == role
    assert list(article.bylines.values_list("role", "name")) == [
        ("correspondent", "苏天泰"),
        ("correspondent", "刘津津"),
        ("photographer", "张强"),
    ]
    held = Article.objects.get(position=2)
    assert (held.status, held.needs_review, held.review_reasons) == (Status.DRAFT, True, ["未识别到政协组织"])
    assert (held.published_at, held.committee, held.dateline) == (None, None, "")
    assert held.committee_links.count() == 0
    noted_article = Article.objects.get(position=3)
    assert (noted_article.status, noted_article.needs_review) == (Status.PUBLISHED, True)
    assert noted_article.published_at is not None


def test_reimporting_an_unchanged_page_writes_nothing(committees):
    page = make_page(make_article(1, meetings=[party_study()], persons=[wang_yi()]), make_article(2))
    load_page(page, "整版原文")

    with CaptureQueriesContext(connection) as queries:
        result = load_page(page, "整版原文")

    assert writes(queries) == []
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)


def test_queries_do_not_grow_with_the_number_of_articles(committees):
    def queries_to_load(filename: str, count: int, person: str) -> int:
        articles = [
            make_article(
                n,
                meetings=[party_study(date=datetime.date(2023, 6, n))],
                persons=[PersonDraft(person, "主席", JIAYUGUAN), PersonDraft(f"{person}{n}", "委员", None)],
                correspondents=[f"记者{n}"],
            )
            for n in range(1, count + 1)
        ]
        with CaptureQueriesContext(connection) as queries:
            load_page(make_page(*articles, filename=filename), "原文", committees)
        return len(queries)

    assert queries_to_load("small.txt", 2, "王毅") == queries_to_load("large.txt", 20, "李明")


def test_reimporting_a_changed_draft_updates_the_article_and_replaces_its_links(committees):
    load_page(
        make_page(make_article(1, persons=[wang_yi()], correspondents=["苏天泰"]), make_article(2)), "原文"
    )
    article = Article.objects.get(position=1)

    changed = make_article(
        1,
        body="6月8日,会议改了。",
        persons=[wang_yi("主席")],
        correspondents=["张海超"],
        region_codes=[WUWEI],
    )
    result = load_page(make_page(changed, make_article(2)), "原文")

    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    article.refresh_from_db()
    assert Article.objects.get(position=1).pk == article.pk
    assert (article.body, article.committee.code) == ("6月8日,会议改了。", WUWEI)
    assert article.search_text == index_text(changed.headline, changed.subtitle, changed.body)
    assert list(article.mentions.values_list("title", flat=True)) == ["主席"]
    assert list(article.bylines.values_list("name", flat=True)) == ["张海超"]
    assert list(article.committee_links.values_list("organization__code", flat=True)) == [WUWEI]
    assert Person.objects.count() == 1


def test_reimport_keeps_editor_changes(committees):
    load_page(make_page(make_article(1, persons=[wang_yi()])), "原文")
    Article.objects.filter(position=1).update(headline="编辑改过的标题", edited=True)

    result = load_page(make_page(make_article(1, headline="新解析的标题", persons=[])), "原文")

    assert (result.updated, result.kept_as_edited) == (0, 1)
    article = Article.objects.get()
    assert article.headline == "编辑改过的标题"
    assert article.mentions.count() == 1


def test_article_no_longer_parsed_is_removed_unless_edited(committees):
    load_page(make_page(make_article(1), make_article(2, meetings=[party_study()]), make_article(3)), "原文")
    Article.objects.filter(position=3).update(edited=True)

    result = load_page(make_page(make_article(1)), "原文")

    assert (result.unchanged, result.removed, result.kept_removed) == (1, 1, [3])
    assert list(Article.objects.order_by("position").values_list("position", flat=True)) == [1, 3]
    assert Meeting.objects.count() == 0, "a meeting no article reports any more is removed"


def test_published_at_is_kept_when_a_published_article_is_updated(committees):
    load_page(make_page(make_article(1)), "原文")
    first_published = Article.objects.get().published_at

    load_page(make_page(make_article(1, body="改过的正文")), "原文")

    assert Article.objects.get().published_at == first_published


def test_reimport_leaves_publication_to_the_editors(committees):
    load_page(make_page(make_article(1), make_article(2, held=True)), "原文")
    Article.objects.filter(position=1).update(status=Status.DRAFT)  # an editor withdrew it

    load_page(
        make_page(make_article(1, body="改过的正文"), make_article(2, held=False, body="也改了")), "原文"
    )

    statuses = dict(Article.objects.values_list("position", "status"))
    assert statuses == {1: Status.DRAFT, 2: Status.DRAFT}


def test_two_articles_reporting_one_numbered_meeting_share_it(committees):
    load_page(make_page(make_article(1, meetings=[standing()]), filename="a.txt"), "原文")
    load_page(make_page(make_article(1, meetings=[standing(date=None)]), filename="b.txt"), "原文")

    meeting = Meeting.objects.get()
    assert (meeting.session, meeting.sequence) == (5, 7)
    assert meeting.articles.count() == 2


def test_articles_reporting_one_dated_meeting_in_one_file_share_it(committees):
    page = make_page(make_article(1, meetings=[party_study()]), make_article(2, meetings=[party_study()]))

    load_page(page, "原文")

    assert Meeting.objects.get().articles.count() == 2


def test_an_unnumbered_report_joins_the_numbered_meeting_held_that_day(committees):
    load_page(make_page(make_article(1, meetings=[standing()]), filename="a.txt"), "原文")
    load_page(
        make_page(make_article(1, meetings=[standing(session=None, sequence=None)]), filename="b.txt"), "原文"
    )

    assert Meeting.objects.get().articles.count() == 2


def test_meetings_on_different_days_or_of_different_committees_stay_apart(committees):
    page = make_page(
        make_article(1, meetings=[party_study()]),
        make_article(2, meetings=[party_study(date=datetime.date(2023, 6, 9))]),
        make_article(3, meetings=[party_study(region_code=WUWEI)]),
        make_article(4, meetings=[party_study(date=None)]),
        make_article(5, meetings=[party_study(date=None)]),
    )

    load_page(page, "原文")

    assert Meeting.objects.count() == 5


def test_a_joint_meeting_links_each_meeting_in_printed_order(committees):
    joint = [standing(region_code=JIAYUGUAN), MeetingDraft(JIAYUGUAN, "chairs", "主席会议", date=None)]

    load_page(make_page(make_article(1, meetings=joint)), "原文")

    links = ArticleMeeting.objects.order_by("position")
    assert [link.meeting.meeting_type for link in links] == ["standing", "chairs"]


def test_an_undated_meeting_is_replaced_not_orphaned_on_reimport(committees):
    load_page(make_page(make_article(1, meetings=[party_study(date=None)])), "原文")

    load_page(make_page(make_article(1, body="改过", meetings=[party_study(date=None)])), "原文")

    assert Meeting.objects.count() == 1
    assert Meeting.objects.get().articles.count() == 1


def test_same_person_across_files_is_one_person_with_widened_role_dates(committees):
    load_page(make_page(make_article(1, persons=[wang_yi()]), filename="a.txt"), "原文")
    later = make_article(1, event_date=datetime.date(2023, 9, 1), persons=[wang_yi()])
    earlier = make_article(2, event_date=datetime.date(2023, 3, 2), persons=[wang_yi()])
    load_page(make_page(later, earlier, filename="b.txt"), "原文")

    person = Person.objects.get()
    assert person.mentions.count() == 3
    role = person.roles.get()
    assert (role.first_seen, role.last_seen) == (datetime.date(2023, 3, 2), datetime.date(2023, 9, 1))


def test_same_name_in_two_committees_is_two_people(committees):
    load_page(make_page(make_article(1, persons=[wang_yi(), PersonDraft("王毅", "委员", WUWEI)])), "原文")

    assert sorted(Person.objects.values_list("organization__code", flat=True)) == [JIAYUGUAN, WUWEI]


def test_a_failing_file_leaves_nothing_behind(committees, monkeypatch):
    def broken_bylines(written):
        raise RuntimeError("disk full")

    monkeypatch.setattr(loading, "bylines", broken_bylines)
    page = make_page(
        make_article(1, meetings=[party_study()], persons=[wang_yi()], correspondents=["苏天泰"])
    )

    with pytest.raises(RuntimeError):
        load_page(page, "原文")

    for model in (
        SourcePage,
        Article,
        ArticleCommittee,
        ArticleMeeting,
        Meeting,
        Mention,
        Person,
        Role,
        Byline,
    ):
        assert model.objects.count() == 0, model.__name__


def test_a_failing_reimport_keeps_the_previous_version(committees, monkeypatch):
    load_page(make_page(make_article(1, correspondents=["苏天泰"])), "原文")
    monkeypatch.setattr(loading, "bylines", lambda written: 1 / 0)

    with pytest.raises(ZeroDivisionError):
        load_page(make_page(make_article(1, body="改过", correspondents=["张强"])), "新原文")

    article = Article.objects.get()
    assert (article.body, article.source_page.text) == (make_article(1).body, "原文")
    assert list(article.bylines.values_list("name", flat=True)) == ["苏天泰"]


def test_an_unknown_committee_code_fails_the_file(committees):
    with pytest.raises(UnknownCommittee, match="629999"):
        load_page(make_page(make_article(1, region_codes=["629999"])), "原文")

    assert SourcePage.objects.count() == 0


def test_dry_run_plan_reports_without_writing(committees):
    load_page(make_page(make_article(1), make_article(2)), "原文")
    page = make_page(make_article(1), make_article(2, body="改过"), make_article(3))

    with CaptureQueriesContext(connection) as queries:
        result = loading.plan_page(page, "原文").result

    assert writes(queries) == []
    assert (result.created, result.updated, result.unchanged) == (1, 1, 1)


def test_fingerprint_depends_on_facts_only():
    draft = make_article(1)

    assert loading.fingerprint(draft) == loading.fingerprint(make_article(1))
    assert loading.fingerprint(draft) != loading.fingerprint(dataclasses.replace(draft, persons=[wang_yi()]))


def test_new_rows_get_timestamps_and_defaults_as_a_save_would(committees):
    before = timezone.now()
    load_page(make_page(make_article(1, meetings=[party_study()], persons=[wang_yi()])), "原文")

    article = Article.objects.get()
    assert before <= article.created_at <= article.updated_at <= timezone.now()
    assert (article.edited, article.kicker, article.column) == (False, "", "")
    meeting = Meeting.objects.get()
    assert (meeting.title, meeting.expanded, meeting.session) == ("党组理论学习中心组(扩大)会议", True, None)
    assert Mention.objects.get().role == Role.objects.get(person=Person.objects.get(name="王毅"))


def test_a_page_with_more_articles_than_one_insert_takes_links_each_to_its_own_article(committees):
    """SQLite caps the parameters of one INSERT, so a long page is written in several batches."""
    count = 120
    articles = [
        make_article(
            n, correspondents=[f"记者{n}"], meetings=[party_study(date=datetime.date(2023, 1 + n % 12, 1))]
        )
        for n in range(1, count + 1)
    ]

    load_page(make_page(*articles), "原文")

    assert Article.objects.count() == count
    for article in Article.objects.all():
        assert article.headline == f"市政协召开会议{article.position}"
        assert list(article.bylines.values_list("name", flat=True)) == [f"记者{article.position}"]
        assert article.meetings.get().date == datetime.date(2023, 1 + article.position % 12, 1)


def test_fingerprints_computed_ahead_plan_the_same_writes(committees):
    load_page(make_page(make_article(1), make_article(2)), "原文")
    page = make_page(make_article(1), make_article(2, body="改过"), make_article(3))

    ahead = loading.plan_page(page, "原文", loading.page_fingerprints(page)).result

    assert ahead == loading.plan_page(page, "原文").result
    assert (ahead.created, ahead.updated, ahead.unchanged) == (1, 1, 1)
    assert set(loading.search_texts_to_write(page, {1: loading.fingerprint(make_article(1))})) == {2, 3}
