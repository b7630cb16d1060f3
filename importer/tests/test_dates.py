"""Numerals, event dates and the page year."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.test import SimpleTestCase
from hypothesis import given, settings
from hypothesis import strategies as st

from importer.parsing.dates import (
    _ANNIVERSARY,
    _FIVE_YEAR_PLAN_YEAR,
    _SINCE_THEN_THIS_YEAR,
    _THIS_YEAR,
    _YEAR,
    event_date,
    infer_year,
)
from importer.parsing.numerals import chinese_to_int

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


class NumeralTests(SimpleTestCase):
    def test_numerals_of_any_size(self):
        cases = {
            "五": 5, "十": 10, "十一": 11, "十五": 15, "二十": 20, "二十二": 22, "二十三": 23,
            "一百零三": 103, "两": 2, "一千零一": 1001, "7": 7, "１２": 12,
            "二〇二三": 2023, "二O二三": 2023, "二零二四": 2024, "二○二二": 2022,
        }  # fmt: skip
        for text, value in cases.items():
            with self.subTest(text=text):
                self.assertEqual(chinese_to_int(text), value)

    def test_non_numerals_are_rejected(self):
        for text in ["", "届", "十x", "二O二三年"]:
            with self.subTest(text=text), self.assertRaises(ValueError):
                chinese_to_int(text)


class EventDateTests(SimpleTestCase):
    def test_first_day_of_the_lead(self):
        cases = [
            ("6月8日,嘉峪关市政协召开会议", date(2023, 6, 8)),
            ("8月16日至17日,兰州市政协组织委员开展活动", date(2023, 8, 16)),
            ("1月29日至2月2日,政协会议召开", date(2023, 1, 29)),
            ("1 月 29 日，会议开幕", date(2023, 1, 29)),
            ("虽已立秋,高温仍在持续。8月16日,委员们开展活动", date(2023, 8, 16)),
            ("7月7日,定西市政协召开会议,传达学习6月28日省政协会议精神", date(2023, 7, 7)),
            ("六月八日,会议召开", date(2023, 6, 8)),
        ]
        for text, expected in cases:
            with self.subTest(text=text):
                self.assertEqual(event_date(text, 2023), expected)

    def test_no_day_gives_none(self):
        cases = [
            "近日,灵台县政协机关全体干部开展结对帮扶活动",
            "连日来,西和县政协机关深入开展活动",
            "日前,县政协召开会议,6月8日起实施",
            "今年以来,定西市政协把委员联系服务界别群众工作作为履职新途径",
            "集中在4月至9月全力推进征编工作",
            "2月30日,会议召开",
        ]
        for text in cases:
            with self.subTest(text=text):
                self.assertIsNone(event_date(text, 2023))

    def test_no_year_gives_none(self):
        self.assertIsNone(event_date("6月8日,会议召开", None))

    def test_event_months_after_the_issue_month_are_last_year(self):
        self.assertEqual(event_date("12月28日,会议召开", 2024, issue_month=1), date(2023, 12, 28))
        self.assertEqual(event_date("1月3日,会议召开", 2024, issue_month=1), date(2024, 1, 3))
        self.assertEqual(event_date("5月3日,会议召开", 2024, issue_month=1), date(2024, 5, 3))


class InferYearTests(SimpleTestCase):
    def test_each_kind_of_evidence(self):
        cases = [
            # text, year, certain
            ("会议通报了2023年全区上半年经济社会发展情况", 2023, False),
            ("研究讨论了县政协常委会2023 年工作要点", 2023, False),
            ("在二O二三年春节团拜会上的重要讲话", 2023, False),
            ("在二〇二二年春节团拜会上", 2022, False),
            ("2023年是学习贯彻党的二十大精神的开局之年", 2023, True),
            ("今年是2024年,也是关键之年", 2024, True),
            ("2023年10月以来,酒泉市政协多次赴福建。今年6月,考察团到敦煌", 2024, False),
            ("为庆祝人民政协成立75周年", 2024, True),
            ("为庆祝人民政协成立七十五周年", 2024, True),
            ("庆祝中华人民共和国成立75周年", 2024, True),
            ("庆祝新中国成立七十四周年", 2023, True),
            ("庆祝中国共产党成立102周年", 2023, True),
            ("纪念建党一百周年", 2021, True),
            ("纪念改革开放45周年", 2023, True),
            ("庆祝建军九十五周年", 2022, True),
            ("2021年以来,县政协持续开展“委员接待日”活动", 2021, False),
            ("会议总结了2021年度提案工作", 2022, False),
            ("2021年度优秀调研报告名单公布", 2022, False),
            ("结合“三抓三促”行动", 2023, True),
            ("全省“结对帮扶·爱心甘肃”工程建设动员大会", 2023, True),
            ("学习了习近平新时代中国特色社会主义思想主题教育工作会议精神", 2023, True),
            ("扎实开展党纪学习教育", 2024, True),
            ("学习贯彻党的二十届三中全会精神", 2024, False),
            ("深入学习贯彻党的二十大精神", 2022, False),
            ("按照省政协十三届一次会议的安排", 2023, False),
            ("按照省政协十三届二次会议的安排", 2024, False),
            ("传达全国政协十三届三次会议精神", 2020, False),
            ("学习省政协十二届五次会议精神", 2022, False),
            ("传达全国政协十四届二次会议精神", 2024, False),
        ]
        for text, year, certain in cases:
            with self.subTest(text=text):
                guess = infer_year(text)
                self.assertEqual((guess.year, guess.certain), (year, certain))
                self.assertTrue(guess.evidence)

    def test_sessions_of_irregular_terms_or_impossible_numbers_are_no_evidence(self):
        for text in ("回顾全国政协三届一次会议", "省政协十三届九次会议", "全国政协十十届一次会议"):
            with self.subTest(text=text):
                self.assertFalse(infer_year(text).evidence)

    def test_the_year_a_five_year_plan_opens_or_closes(self):
        """Plan k (from the third on) runs 1966+5(k-3) to four years later."""
        cases = [
            ("会议指出,今年是“十四五”规划收官之年,要全力冲刺", 2025),
            ('今年是全面建成小康社会之年,也是"十四五"开局之年', 2021),
            ("今年是第十三个五年规划的开局之年", 2016),
            ("今年是“十一五”的收官之年", 2010),
            ("今年是“九五”计划开局之年", 1996),
            ("去年是“十三五”收官之年,今年要开好局", 2021),
            ("明年是“十五五”规划开局之年,要提前谋划", 2025),
        ]
        for text, year in cases:
            with self.subTest(text=text):
                guess = infer_year(text)
                self.assertEqual((guess.year, guess.certain), (year, True))
                self.assertTrue(any(item.endswith(f"→ {year}") for item in guess.evidence))

    def test_a_plan_year_no_sentence_dates_is_not_evidence(self):
        for text in ["谋划好“十五五”开局之年的重点工作", "“十四五”期间,全县新建道路86公里"]:
            with self.subTest(text=text):
                self.assertIsNone(infer_year(text).year)

    def test_targets_and_ranges_are_not_evidence(self):
        for text in ["到2035年基本实现现代化", "力争2025年前完成", "“十四五”(2021-2025年)规划"]:
            with self.subTest(text=text):
                self.assertEqual(infer_year(text).year, None)

    def test_a_year_looked_back_on_is_over(self):
        """A review of X is written after X; X's plan, and a span since X, may be written during X."""
        cases = [
            ("审议通过了2021年度协商计划", 2021),
            ("2021年以来,县政协按照年初确定的工作思路", 2021),
            ("回顾2021年度工作,部署2022年度工作", 2022),
            ("表彰2021年度先进集体", 2022),
        ]
        for text, year in cases:
            with self.subTest(text=text):
                self.assertEqual(infer_year(text).year, year)

    def test_a_look_back_year_leaves_an_anniversary_of_the_next_year_certain(self):
        guess = infer_year("今年是建军九十五周年。区政协总结2021年度委员履职工作")
        self.assertEqual((guess.year, guess.certain), (2022, True))
        self.assertIn("2021年度 → ≥2022", guess.evidence)

    def test_lower_bound_above_the_exact_year_wins_uncertain(self):
        guess = infer_year("结合“三抓三促”行动,通报了2024年上半年工作")
        self.assertEqual((guess.year, guess.certain), (2024, False))

    def test_exact_evidence_within_the_lower_bounds_is_certain(self):
        guess = infer_year("人民政协成立75周年。2023年10月以来…今年6月")
        self.assertEqual(guess.year, 2024)
        self.assertTrue(guess.certain)
        self.assertIn("人民政协成立75周年 → 2024", guess.evidence)
        self.assertIn("2023年 → ≥2023", guess.evidence)

    def test_manifest_override_wins(self):
        self.assertEqual(infer_year("为庆祝人民政协成立75周年", override=2025).evidence, ("manifest",))
        self.assertEqual(infer_year("为庆祝人民政协成立75周年", override=2025).year, 2025)

    def test_no_evidence(self):
        guess = infer_year("县政协组织委员开展调研")
        self.assertEqual((guess.year, guess.evidence, guess.certain), (None, (), False))

    def test_seed_pages(self):
        """The raw text with spaces and line breaks dropped, as the reader's reflow roughly gives it."""
        expected = {"000": 2023, "001": 2023, "002": 2023, "003": 2023, "004": 2024}
        for path in sorted(SEEDS.glob("*.txt")):
            with self.subTest(page=path.name):
                text = re.sub(r"\s+", "", path.read_text(encoding="utf-8"))
                guess = infer_year(text)
                self.assertEqual(guess.year, expected[path.name[:3]])
                self.assertTrue(guess.certain)


# Pieces of the phrases the page-wide patterns look for, so that random text often matches them.
PHRASE_PIECES = (
    "2023年", "1949年", "二〇二三年", "二 O 二四年", "今年", "是", "为", "之年", "10月", "以来",
    "人民政协成立", "中国共产党成立", "建党", "建军", "改革开放", "75周年", "七十五周年", "度",
    "去年", "明年", "“十四五”", "十三五", "第十四个五年", "规划", "的", "开局", "收官",
    "到", "至", "—", "-", "~", "前", "目标", "。", "\n", " ",
)  # fmt: skip
PHRASES = st.lists(st.sampled_from(PHRASE_PIECES), max_size=20).map("".join)


def without_leading_lookahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", pattern.pattern))


@pytest.mark.parametrize(
    "pattern", [_YEAR, _THIS_YEAR, _SINCE_THEN_THIS_YEAR, _ANNIVERSARY, _FIVE_YEAR_PLAN_YEAR]
)
@given(text=PHRASES)
@settings(max_examples=400, deadline=None)
def test_a_leading_lookahead_skips_positions_without_changing_matches(pattern, text):
    plain = without_leading_lookahead(pattern)

    assert plain.pattern != pattern.pattern
    assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == [
        (m.span(), m.groupdict()) for m in plain.finditer(text)
    ]
