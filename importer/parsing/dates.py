"""Dates: the day an article's event took place, and the year a page was printed.

The pages carry no date line, so the year is inferred from what the page says: explicit years,
anniversaries with a known base year, and campaigns the province ran in a known year. Each piece
of evidence is kept as readable text so an editor can check the guess.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from importer.parsing.drafts import YearGuess
from importer.parsing.numerals import NUMERAL_CHARS, chinese_to_int

_NUMBER = rf"[{NUMERAL_CHARS}]+"
# "6月8日", "8月16日至17日", "1月29日至2月2日": the start day is the event date. "近日" and the like
# before any day mean the text gives no day.
_EVENT_DAY = re.compile(
    rf"(?P<vague>近日|日前|近期|连日来|近来)|(?P<month>{_NUMBER})\s*月\s*(?P<day>{_NUMBER})\s*日"
)
# An issue covers a few weeks; an event more than this many months after the issue's month is from
# the previous year (a December meeting reported on a January page).
_YEAR_END_GAP = 6
_WHITESPACE = re.compile(r"\s+")


def event_date(text: str, year: int | None, issue_month: int | None = None) -> date | None:
    """The date of the event a lead reports: its first "M月D日", or None for no day or no year."""
    match = _EVENT_DAY.search(text)
    if not match or match.group("vague") or year is None:
        return None
    try:
        month, day = chinese_to_int(match.group("month")), chinese_to_int(match.group("day"))
    except ValueError:
        return None
    if issue_month and month - issue_month > _YEAR_END_GAP:
        year -= 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def event_month(text: str) -> int | None:
    """The month of a lead's first day, for estimating the month a page was printed."""
    match = _EVENT_DAY.search(text)
    if not match or match.group("vague"):
        return None
    try:
        return chinese_to_int(match.group("month"))
    except ValueError:
        return None


@dataclass(frozen=True)
class _Evidence:
    text: str
    year: int
    exact: bool  # the page's year, or only a lower bound of it

    def describe(self) -> str:
        text = _shorten(_WHITESPACE.sub("", self.text))
        return f"{text} → {self.year}" if self.exact else f"{text} → ≥{self.year}"


# Spelled-out years are often split by the PDF extraction: "二 O 二三年".
_YEAR_DIGITS = r"(?:19|20)\d{2}|[一二](?:\s?[〇零OoＯ○一二三四五六七八九]){3}"
# Each pattern scanned over a whole page opens with a lookahead of the characters a match can start
# with, so the engine skips most positions with one test instead of trying every alternative there.
_YEAR_START = "12一二"
_YEAR = re.compile(
    rf"(?=[到至—\-～~{_YEAR_START}])"
    rf"(?P<before>到|至|—|-|～|~)?(?P<year>{_YEAR_DIGITS})\s*年"
    r"(?:(?P<after>前|底前|远景|目标|—|-|～|~)|(?P<annual>度))?"
)
# A year's review ("总结2026年度提案工作", "2026年度优秀提案") is held once the year has ended; a
# year's plan ("2024年度协商计划") is adopted in that year. A span "2022年以来" may be written in the
# year it began as well as later, so it is only a lower bound.
_LOOKING_BACK = ("总结", "表彰", "回顾", "考核", "评选")
_AWARDED = ("优秀", "先进")
_LOOKING_BACK_REACH = 4  # characters before the year where a verb of review governs it
# "2023年是学习贯彻党的二十大精神的开局之年", "今年是2024年": the page's own year.
_THIS_YEAR = re.compile(
    rf"(?=[{_YEAR_START}今])"
    rf"(?:(?P<year>{_YEAR_DIGITS})\s*年(?:是|为)[^。！？!?]{{0,40}}?之年|今年(?:是|为)?(?P<year2>{_YEAR_DIGITS})\s*年)"
)
# "2023年10月以来……今年" in one paragraph: the page is later than the year the span began.
_SINCE_THEN_THIS_YEAR = re.compile(
    rf"(?=[{_YEAR_START}])(?P<year>{_YEAR_DIGITS})\s*年[^。\n]{{0,6}}以来[^\n]{{0,200}}?今年"
)

# Anniversaries counted from a founding year: "人民政协成立75周年" is 2024.
_ANNIVERSARY = re.compile(
    rf"(?=[人中新建改])(?:(?P<subject>人民政协|中国人民政治协商会议|新中国|中华人民共和国|中国共产党)成立"
    rf"|(?P<event>建党|建军|改革开放))"
    rf"\s*(?P<years>{_NUMBER})\s*周年"
)
_ANNIVERSARY_BASE = {
    "人民政协": 1949,
    "中国人民政治协商会议": 1949,
    "新中国": 1949,
    "中华人民共和国": 1949,
    "中国共产党": 1921,
    "建党": 1921,
    "建军": 1927,  # the People's Liberation Army, 1 August 1927
    "改革开放": 1978,
}

# "今年是“十四五”规划收官之年": five-year plans are dated campaigns, so the first (开局) or last
# (收官) year of a numbered plan, said of this year, last year or next year, dates the page. The
# plan is printed abbreviated ("十四五", "九五") or in full ("第十四个五年规划"); a plan year no
# sentence dates ("谋划“十五五”开局之年工作") may be written the year before, so it is no evidence.
_PLAN_NUMBER = "[一二三四五六七八九十]"
_FIVE_YEAR_PLAN_YEAR = re.compile(
    r"(?=[今去明])(?P<when>[今去明])年[^。！？!?\n]{0,40}?"
    rf"(?P<plan>(?:[“\"]?(?P<abbreviated>{_PLAN_NUMBER}{{1,2}})五[”\"]?|第(?P<full>{_PLAN_NUMBER}+)个五年)"
    r"(?:规划|计划)?的?(?P<phase>开局|收官)之年)"
)
_YEARS_FROM_NOW = {"今": 0, "去": 1, "明": -1}
# From the third plan on, plan k runs 1966+5(k-3) to 1970+5(k-3) (the first two ran 1953-1962,
# then three years of readjustment).
_FIRST_REGULAR_PLAN, _FIRST_REGULAR_PLAN_YEAR, _PLAN_YEARS = 3, 1966, 5

# Campaigns and events whose year is known. Exact: time-boxed campaigns that the paper reports
# while they run. Lower bound: events that pages keep citing for years afterwards.
_DATED_EVENTS = (
    # Gansu's "三抓三促" action (抓学习促提升、抓执行促落实、抓效能促发展), launched by the provincial
    # Party committee in February 2023 and run through that year.
    (re.compile(r"三抓三促"), "“三抓三促”行动", 2023, True),
    # Gansu's "结对帮扶·爱心甘肃" project, mobilised at the provincial conference of June 2023.
    (re.compile(r"结对帮扶[·•・]爱心甘肃"), "“结对帮扶·爱心甘肃”工程", 2023, True),
    # The Party's theme education on Xi Jinping Thought, opened at the conference of 3 April 2023.
    (re.compile(r"习近平新时代中国特色社会主义思想主题教育"), "主题教育", 2023, True),
    # Party discipline study education, April to July 2024 (CPC Central Committee notice, April 2024).
    (re.compile(r"党纪学习教育"), "党纪学习教育", 2024, True),
    # The Third Plenary Session of the 20th Central Committee, July 2024; cited long after.
    (re.compile(r"二十届三中全会"), "二十届三中全会", 2024, False),
    # The 20th Party Congress, October 2022; cited throughout the following years.
    (re.compile(r"党的二十大|二十大精神"), "党的二十大", 2022, False),
)
# Plenary sessions held each January (Gansu CPPCC) or March (National CPPCC): the 13th Gansu and
# the 14th National committees began in 2023, so "十三届二次会议" was held in 2024.
_SESSION_MEETINGS = re.compile(
    rf"(?P<body>省政协|全国政协)(?P<session>{_NUMBER})届(?P<sequence>{_NUMBER})次会议"
)
# Both committees have sat for five-year terms since the 1980s, one plenary session a year: term k
# opened in the year `TERM_ZERO + 5k` (全国政协: the 6th in 1983, the 14th in 2023; 省政协: the 13th
# in 2023). Earlier terms were irregular and are not evidence.
_TERM_ZERO = {"全国政协": 1953, "省政协": 1958}
_FIRST_REGULAR_TERM = 6
_SESSIONS_PER_TERM = 5


def infer_year(page_text: str, override: int | None = None) -> YearGuess:
    """The page's year from the evidence printed on it; a manifest override wins."""
    if override is not None:
        return YearGuess(override, ("manifest",), True)
    evidence = _collect_evidence(page_text)
    if not evidence:
        return YearGuess(None, (), False)
    year, certain = _combine(evidence)
    described = tuple(dict.fromkeys(item.describe() for item in evidence))
    return YearGuess(year, described, certain)


def _collect_evidence(text: str) -> list[_Evidence]:
    return [
        *_explicit_years(text),
        *_this_year_statements(text),
        *_spans_before_this_year(text),
        *_anniversaries(text),
        *_five_year_plan_years(text),
        *_dated_events(text),
        *_session_meetings(text),
    ]


def _year_value(printed: str) -> int:
    return chinese_to_int(_WHITESPACE.sub("", printed))


def _explicit_years(text: str) -> list[_Evidence]:
    """A year the page mentions has passed or is current, unless it is a target ("到2025年"); a
    year it looks back on has passed, so the page is at least a year later."""
    evidence = []
    for match in _YEAR.finditer(text):
        if match.group("before") or match.group("after"):
            continue
        year = _year_value(match.group("year"))
        if _looks_back(text, match):
            evidence.append(_Evidence(match.group(), year + 1, exact=False))
        else:
            evidence.append(_Evidence(match.group("year") + "年", year, exact=False))
    return evidence


def _looks_back(text: str, match: re.Match[str]) -> bool:
    """ "2026年度" under a verb of review or before an award: a year that is over."""
    if not match.group("annual"):
        return False
    before = text[max(0, match.start() - _LOOKING_BACK_REACH) : match.start()]
    return any(verb in before for verb in _LOOKING_BACK) or text.startswith(_AWARDED, match.end())


def _this_year_statements(text: str) -> list[_Evidence]:
    evidence = []
    for match in _THIS_YEAR.finditer(text):
        printed = match.group("year") or match.group("year2")
        evidence.append(_Evidence(match.group(), _year_value(printed), exact=True))
    return evidence


def _spans_before_this_year(text: str) -> list[_Evidence]:
    return [
        _Evidence(f"{match.group('year')}年…以来…今年", _year_value(match.group("year")) + 1, exact=False)
        for match in _SINCE_THEN_THIS_YEAR.finditer(text)
    ]


def _anniversaries(text: str) -> list[_Evidence]:
    evidence = []
    for match in _ANNIVERSARY.finditer(text):
        base = _ANNIVERSARY_BASE[match.group("subject") or match.group("event")]
        evidence.append(_Evidence(match.group(), base + chinese_to_int(match.group("years")), exact=True))
    return evidence


def _five_year_plan_years(text: str) -> list[_Evidence]:
    evidence = []
    for match in _FIVE_YEAR_PLAN_YEAR.finditer(text):
        plan = chinese_to_int(match.group("abbreviated") or match.group("full"))
        if plan >= _FIRST_REGULAR_PLAN:
            year = _plan_year(plan, match.group("phase")) + _YEARS_FROM_NOW[match.group("when")]
            # The plan phrase stays whole in the evidence however long the sentence before it.
            evidence.append(_Evidence(f"{match.group('when')}年…{match.group('plan')}", year, exact=True))
    return evidence


def _plan_year(plan: int, phase: str) -> int:
    """The first (开局) or last (收官) year of the `plan`-th five-year plan."""
    first_year = _FIRST_REGULAR_PLAN_YEAR + _PLAN_YEARS * (plan - _FIRST_REGULAR_PLAN)
    return first_year if phase == "开局" else first_year + _PLAN_YEARS - 1


def _dated_events(text: str) -> list[_Evidence]:
    return [
        _Evidence(label, year, exact) for pattern, label, year, exact in _DATED_EVENTS if pattern.search(text)
    ]


def _session_meetings(text: str) -> list[_Evidence]:
    evidence = []
    for match in _SESSION_MEETINGS.finditer(text):
        year = _session_year(match.group("body"), match.group("session"), match.group("sequence"))
        if year is not None:
            evidence.append(_Evidence(match.group(), year, exact=False))
    return evidence


def _session_year(body: str, term_numeral: str, sequence_numeral: str) -> int | None:
    """The year of plenary session `sequence` of `body`'s term, where the terms are regular."""
    try:
        term, sequence = chinese_to_int(term_numeral), chinese_to_int(sequence_numeral)
    except ValueError:  # numeral characters that make no number
        return None
    if term < _FIRST_REGULAR_TERM or not 1 <= sequence <= _SESSIONS_PER_TERM:
        return None
    return _TERM_ZERO[body] + 5 * term + sequence - 1


def _combine(evidence: list[_Evidence]) -> tuple[int, bool]:
    """Exact evidence that no lower bound contradicts wins; otherwise the highest lower bound.

    Exact items that disagree leave the most frequent value, uncertain.
    """
    floor = max((item.year for item in evidence if not item.exact), default=None)
    exact = Counter(item.year for item in evidence if item.exact and (floor is None or item.year >= floor))
    if exact:
        (year, _), *others = exact.most_common()
        return year, not others and len({i.year for i in evidence if i.exact}) == 1
    return floor, False


def _shorten(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
