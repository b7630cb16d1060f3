"""The importer's commands: import_seeds on real and broken page files, export_articles' JSON Lines."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from importer.loading import load_page
from importer.parsing.drafts import MeetingDraft, PersonDraft
from importer.tests.test_loading import JIAYUGUAN, JIUQUAN, make_article, make_page

CONTRACT_KEYS = [
    "source",
    "position",
    "headline",
    "kicker",
    "subtitle",
    "column",
    "kind",
    "dateline",
    "event_date",
    "region",
    "regions",
    "meeting_types",
    "meeting",
    "persons",
    "correspondents",
    "photographers",
    "body",
]


@pytest.fixture
def committees(db) -> None:
    call_command("loaddata", "organizations", verbosity=0)


def export(*args: str) -> list[dict]:
    out = StringIO()
    call_command("export_articles", *args, stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_export_writes_the_contract_record(committees):
    joint = [
        MeetingDraft(JIAYUGUAN, "standing", "五届七次常委会会议暨主席会议", session=5, sequence=7),
        MeetingDraft(JIAYUGUAN, "chairs", "主席会议", date=datetime.date(2023, 6, 8)),
    ]
    draft = make_article(
        1,
        region_codes=[JIAYUGUAN, JIUQUAN],
        meetings=joint,
        persons=[PersonDraft("王毅", "党组书记、主席", JIAYUGUAN), PersonDraft("李明", "教授", None)],
        correspondents=["苏天泰"],
        photographers=["张强"],
    )
    load_page(make_page(draft, filename="000_a.txt"), "原文")

    [record] = export()

    assert list(record) == CONTRACT_KEYS
    assert record == {
        "source": "000_a.txt",
        "position": 1,
        "headline": draft.headline,
        "kicker": None,
        "subtitle": draft.subtitle,
        "column": None,
        "kind": "news",
        "dateline": "嘉峪关",
        "event_date": "2023-06-08",
        "region": "嘉峪关市",
        "regions": ["嘉峪关市", "酒泉市"],
        "meeting_types": ["standing", "chairs"],
        "meeting": {"type": "standing", "session": 5, "sequence": 7, "title": "五届七次常委会会议暨主席会议"},
        "persons": [
            {"name": "王毅", "region": "嘉峪关市", "title": "党组书记、主席"},
            {"name": "李明", "region": None, "title": "教授"},
        ],
        "correspondents": ["苏天泰"],
        "photographers": ["张强"],
        "body": draft.body,
    }


def test_export_writes_null_for_what_the_page_does_not_give(committees):
    bare = make_article(1, headline=None, subtitle=None, dateline=None, event_date=None, region_codes=[])
    load_page(make_page(bare), "原文")

    [record] = export()

    assert {
        key: record[key] for key in ("headline", "subtitle", "dateline", "event_date", "region")
    } == dict.fromkeys(("headline", "subtitle", "dateline", "event_date", "region"))
    assert (record["regions"], record["meeting_types"], record["meeting"], record["persons"]) == (
        [],
        [],
        None,
        [],
    )


def test_export_is_in_source_then_page_order_and_filters_by_source(committees):
    load_page(make_page(make_article(2), make_article(1), filename="001_b.txt"), "原文")
    load_page(make_page(make_article(3), filename="000_a.txt"), "原文")

    assert [(r["source"], r["position"]) for r in export()] == [
        ("000_a.txt", 3),
        ("001_b.txt", 1),
        ("001_b.txt", 2),
    ]
    assert [r["position"] for r in export("--source", "seeds/001_b.txt")] == [1, 2]


def test_export_queries_do_not_grow_with_the_number_of_articles(committees):
    def queries_to_export(count: int) -> int:
        persons = [PersonDraft("王毅", "主席", JIAYUGUAN)]
        meetings = [MeetingDraft(JIAYUGUAN, "chairs", "主席会议")]
        articles = [
            make_article(n, persons=persons, meetings=meetings, correspondents=["苏天泰"])
            for n in range(1, count + 1)
        ]
        load_page(make_page(*articles, filename=f"{count}.txt"), "原文")
        with CaptureQueriesContext(connection) as queries:
            records = export("--source", f"{count}.txt")
        assert len(records) == count
        return len(queries)

    assert queries_to_export(2) == queries_to_export(30)


def test_export_output_is_utf8_not_escaped(committees):
    load_page(make_page(make_article(1)), "原文")
    out = StringIO()

    call_command("export_articles", stdout=out)

    assert "嘉峪关" in out.getvalue()
    assert "\\u" not in out.getvalue()
