"""The importer's commands: import_seeds on real and broken page files, export_articles' JSON Lines."""

import datetime
import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article, ArticleCommittee, ArticleMeeting, Byline, Meeting, Mention, SourcePage
from importer.loading import load_page
from importer.parsing.drafts import MeetingDraft, PersonDraft
from importer.tests.test_loading import JIAYUGUAN, JIUQUAN, make_article, make_page, writes
from organizations.models import Person, Role
from tests.accuracy import EXPORT_KEYS


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

    assert list(record) == EXPORT_KEYS
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


# import_seeds on real page files.

SEEDS = sorted(settings.SEEDS_DIR.glob("*.txt"))
FIRST_SEED = SEEDS[0]
ALL_MODELS = (SourcePage, Article, ArticleCommittee, ArticleMeeting, Meeting, Mention, Byline, Person, Role)


def import_seeds(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_seeds", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in ALL_MODELS}


def test_importing_the_seeds_twice_changes_nothing_the_second_time(committees):
    first_out, first_err = import_seeds("--jobs", "2")
    counts = row_counts()
    fingerprints = set(Article.objects.values_list("source_page__filename", "position", "fingerprint"))

    second_out, second_err = import_seeds("--jobs", "1")

    articles = counts["Article"]
    assert counts["SourcePage"] == len(SEEDS)
    assert articles >= len(SEEDS)
    assert f"文件：导入 {len(SEEDS)}，失败 0" in first_out
    assert f"新建 {articles}，更新 0，未变 0" in first_out
    assert f"新建 0，更新 0，未变 {articles}，保留编辑版本 0，删除 0" in second_out
    assert (first_err, second_err) == ("", "")
    assert row_counts() == counts
    assert (
        set(Article.objects.values_list("source_page__filename", "position", "fingerprint")) == fingerprints
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a SQLite connection setting")
def test_an_import_gives_back_the_connections_checkpoint_setting(committees):
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_autocheckpoint = 123")
        import_seeds("--jobs", "1", str(FIRST_SEED))
        cursor.execute("PRAGMA wal_autocheckpoint")
        assert cursor.fetchone() == (123,)


def test_reimporting_unchanged_seeds_writes_nothing(committees):
    import_seeds("--jobs", "1")

    with CaptureQueriesContext(connection) as queries:
        import_seeds("--jobs", "1")

    assert writes(queries) == []


def test_bad_files_are_reported_one_line_each_and_the_good_page_still_imports(committees, tmp_path):
    (tmp_path / FIRST_SEED.name).write_bytes(FIRST_SEED.read_bytes())
    bad = {
        "gbk.txt": "嘉峪关市政协召开常委会会议\n\n本报嘉峪关讯 6月8日,会议召开。\n".encode("gbk"),
        "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "empty.txt": b"",
        "blank.txt": "甘肃政协报\n\n2023年6月16日 星期五\n".encode(),
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    err = StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("import_seeds", str(tmp_path), "--jobs", "1", stdout=StringIO(), stderr=err)

    assert raised.value.returncode == 1
    lines = err.getvalue().splitlines()
    named = {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in lines}
    assert sorted(named) == sorted(str(tmp_path / name) for name in bad)
    assert all(reason.strip() for reason in named.values()), "each line gives a reason"
    assert list(SourcePage.objects.values_list("filename", flat=True)) == [FIRST_SEED.name]
    assert Article.objects.filter(source_page__filename=FIRST_SEED.name).exists()


def test_the_summary_counts_failed_files(committees, tmp_path):
    (tmp_path / FIRST_SEED.name).write_bytes(FIRST_SEED.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    out = StringIO()

    with pytest.raises(CommandError):
        call_command("import_seeds", str(tmp_path), stdout=out, stderr=StringIO())

    assert "文件：导入 1，失败 1" in out.getvalue()


def test_dry_run_reports_without_writing(committees):
    with CaptureQueriesContext(connection) as queries:
        out, _ = import_seeds("--dry-run", str(FIRST_SEED))

    assert writes(queries) == []
    assert sum(row_counts().values()) == 0
    assert "试运行" in out
    assert "文件：导入 1，失败 0" in out
    assert "新建 0" not in out


def test_dry_run_after_an_import_reports_everything_unchanged(committees):
    import_seeds(str(FIRST_SEED))
    articles = Article.objects.count()

    out, _ = import_seeds("--dry-run", str(FIRST_SEED))

    assert f"新建 0，更新 0，未变 {articles}" in out


def test_import_refuses_to_run_without_the_committees(db):
    with pytest.raises(CommandError, match="loaddata organizations"):
        import_seeds(str(FIRST_SEED))


def test_export_of_the_seeds_follows_the_contract(committees):
    import_seeds()

    records = export()

    assert all(list(record) == EXPORT_KEYS for record in records)
    assert [(r["source"], r["position"]) for r in records] == sorted(
        (r["source"], r["position"]) for r in records
    )
    first = records[0]
    # Read off seeds/000 by hand: "本报嘉峪关讯(通讯员苏天泰)6月8日,嘉峪关市政协党组书记……", a 2023 issue.
    assert {key: first[key] for key in ("source", "position", "dateline", "event_date", "region")} == {
        "source": "000_d6955d4cb1ed0d96.txt",
        "position": 1,
        "dateline": "嘉峪关",
        "event_date": "2023-06-08",
        "region": "嘉峪关市",
    }
