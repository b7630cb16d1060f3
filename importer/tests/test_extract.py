"""Article extraction from a Segment, and whole pages through parse_page."""

import tempfile
from datetime import date
from pathlib import Path

from django.test import SimpleTestCase

from importer.parsing.directory import Directory
from importer.parsing.drafts import Segment, YearGuess
from importer.parsing.extract import extract_article
from importer.parsing.page import load_manifest, parse_page

DIRECTORY = Directory.from_fixture()
CERTAIN_2023 = YearGuess(2023, ("“三抓三促”行动 → 2023",), True)
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def make_segment(**kwargs) -> Segment:
    fields = {
        "paragraphs": [
            "6月13日,陇西县政协党组书记、主席刘树武主持召开县政协党组理论学习中心组(扩大)会议暨十一届二十二次主席会议。",
            "会议要求,要加强理论学习。",
        ],
        "headline": "陇西县政协召开党组理论学习中心组(扩大)会议暨主席会议",
        "subtitle": "真正以作风大转变推动工作大提升",
        "dateline": "陇西",
        "correspondents": ["杨军林"],
    }
    fields.update(kwargs)
    return Segment(**fields)


class ExtractArticleTests(SimpleTestCase):
    def test_news_article(self):
        article = extract_article(make_segment(), 9, CERTAIN_2023, DIRECTORY, "source")
        self.assertEqual(article.position, 9)
        self.assertEqual(article.event_date, date(2023, 6, 13))
        self.assertEqual(article.region_codes, ["621122"])
        self.assertEqual([m.meeting_type for m in article.meetings], ["party_study", "chairs"])
        self.assertEqual({m.date for m in article.meetings}, {date(2023, 6, 13)})
        self.assertEqual(
            [(p.name, p.title, p.region_code) for p in article.persons],
            [("刘树武", "党组书记、主席", "621122")],
        )
        self.assertEqual(article.correspondents, ["杨军林"])
        self.assertEqual(article.source_text, "source")
        self.assertEqual(article.review_reasons, [])

    def test_dateline_left_in_the_lead_is_ignored(self):
        segment = make_segment(
            paragraphs=["本报陇西讯(通讯员杨军林)6月13日,陇西县政协召开十一届二十二次主席会议。"]
        )
        article = extract_article(segment, 1, CERTAIN_2023, DIRECTORY, "")
        self.assertEqual(article.event_date, date(2023, 6, 13))
        self.assertEqual(article.region_codes, ["621122"])

    def test_review_reasons(self):
        uncertain = YearGuess(2023, ("2023年 → ≥2023",), False)
        pairing = "标题按内容匹配，得分 0.49"
        cases = [
            (make_segment(headline="提振", paragraphs=["为政之要。"], dateline=None), CERTAIN_2023,
             ["未识别到政协组织", "消息无事件日期"]),
            (make_segment(), uncertain, ["年份不确定"]),
            (make_segment(paragraphs=["近日,陇西县政协召开常委会会议。"]), CERTAIN_2023, ["消息无事件日期"]),
            (make_segment(paragraphs=["近日,陇西县政协开展慰问。"], kind="photo"), CERTAIN_2023, []),
            (make_segment(review_reasons=[pairing]), CERTAIN_2023, [pairing]),
            (make_segment(paragraphs=["6月13日,州政协副主席才让东智出席会议。"]), CERTAIN_2023,
             ["人名待核：才让东智"]),
            (make_segment(headline=None, paragraphs=["为政之要。", "省政协坚持问题导向。"], dateline=None),
             CERTAIN_2023, ["政协组织据正文推断", "消息无事件日期"]),
        ]  # fmt: skip
        for segment, year, expected in cases:
            with self.subTest(paragraphs=segment.paragraphs, headline=segment.headline):
                article = extract_article(segment, 1, year, DIRECTORY, "")
                self.assertEqual(article.review_reasons, expected)

    def test_continuation_has_no_event_date(self):
        segment = make_segment(continuation=True, paragraphs=["会议要求,6月13日前完成整改。"])
        article = extract_article(segment, 1, CERTAIN_2023, DIRECTORY, "")
        self.assertIsNone(article.event_date)
        self.assertNotIn("消息无事件日期", article.review_reasons)

    def test_feature_reports_body_meetings_held_by_a_named_committee(self):
        segment = make_segment(
            kind="feature",
            headline="结对认亲显真情",
            subtitle="——高台县政协开展建设工程行动小记",
            paragraphs=[
                "连日来,高台县政协组织机关干部开展行动。",
                "县政协主席向钧立即主持召开县政协机关结对帮扶行动动员部署会议。",
            ],
            dateline=None,
        )
        article = extract_article(segment, 1, CERTAIN_2023, DIRECTORY, "")
        self.assertEqual([(m.meeting_type, m.region_code) for m in article.meetings], [("work", "620724")])
        self.assertIsNone(article.event_date)


class ParsePageTests(SimpleTestCase):
    def test_seed_pages(self):
        expected_years = {"000": 2023, "001": 2023, "002": 2023, "003": 2023, "004": 2024}
        for path in sorted(SEEDS.glob("*.txt")):
            with self.subTest(page=path.name):
                page = parse_page(path.name, path.read_bytes(), DIRECTORY)
                self.assertEqual((page.year.year, page.year.certain), (expected_years[path.name[:3]], True))
                self.assertEqual([a.position for a in page.articles], list(range(1, len(page.articles) + 1)))
                self.assertTrue(all(article.source_text for article in page.articles))

    def test_first_article_of_the_first_seed(self):
        path = SEEDS / "000_d6955d4cb1ed0d96.txt"
        first = parse_page(path.name, path.read_bytes(), DIRECTORY).articles[0]
        self.assertEqual((first.event_date, first.region_codes), (date(2023, 6, 8), ["620200"]))
        self.assertEqual([(m.meeting_type, m.title, m.expanded) for m in first.meetings],
                         [("party_study", "党组理论学习中心组(扩大)会议", True)])  # fmt: skip

    def test_year_override(self):
        path = SEEDS / "004_2ef0d6095c790d9d.txt"
        page = parse_page(path.name, path.read_bytes(), DIRECTORY, year_override=2025)
        self.assertEqual((page.year.year, page.year.evidence), (2025, ("manifest",)))
        self.assertTrue(all(a.event_date is None or a.event_date.year == 2025 for a in page.articles))


class ManifestTests(SimpleTestCase):
    def test_reads_years_per_file(self):
        with tempfile.TemporaryDirectory() as folder:
            Path(folder, "manifest.toml").write_text(
                '["000_x.txt"]\nyear = 2023\n\n["001_y.txt"]\nyear = 2024\n', encoding="utf-8"
            )
            self.assertEqual(load_manifest(folder), {"000_x.txt": 2023, "001_y.txt": 2024})

    def test_no_manifest_means_no_overrides(self):
        with tempfile.TemporaryDirectory() as folder:
            self.assertEqual(load_manifest(folder), {})


class ContinuationTests(SimpleTestCase):
    def test_continuation_meetings_are_read_from_its_body(self):
        segment = make_segment(
            paragraphs=[
                "酒泉市政协密切同民主党派联系,广泛联系商情、捕捉商机。",
                "酒泉市政协组织召开民营经济发展专题协商座谈会,听取企业家意见建议。",
            ],
            headline=None,
            subtitle=None,
            dateline=None,
            correspondents=[],
            kind="news",
            continuation=True,
        )
        article = extract_article(segment, 8, CERTAIN_2023, DIRECTORY, "")
        self.assertIsNone(article.event_date)
        self.assertEqual([meeting.meeting_type for meeting in article.meetings], ["consultation"])
