"""What a title-like line is (kicker, headline, deck, column label) and how well it fits a body.

Column pages print titles after the bodies and not in their order, so a title is paired with the
body that says the same things: the committee it names and the phrases it repeats (a deck such as
"坚定站位强定力" is lifted from its body).
"""

import math
import re
from dataclasses import dataclass

from .numerals import NUMERAL_CHARS

KICKER = "kicker"
HEADLINE = "headline"
DECK = "deck"
COLUMN = "column"
PLAIN = "plain"  # a single phrase with no committee or event: headline or deck by its neighbours
SECTION = "section"

_KICKER = re.compile(r"^(?:[\u4e00-\u9fff]{1,10}政协|政协[\u4e00-\u9fff]{2,10}委员会)$")
# An autonomous county or prefecture in full, longer than other names: "积石山保安族东乡族撒拉族自治县".
_AUTONOMOUS_PLACE = r"[\u4e00-\u9fff]{1,4}?(?:[\u4e00-\u9fff]{1,3}族)+自治[县州]"
_TITLE_COMMITTEE = re.compile(rf"^(?:——)?(?P<name>{_AUTONOMOUS_PLACE}|[\u4e00-\u9fff]{{1,10}}?)政协")
# "定西市政协", or the formal name "政协甘肃省第十三届委员会" / "中国人民政治协商会议X县第十届委员会"
_OPENING_COMMITTEE = re.compile(
    r"^(?:[^，,。；]{0,10}[，,])?"
    rf"(?:(?P<name>{_AUTONOMOUS_PLACE}|[\u4e00-\u9fff]{{1,8}}?[市县区州])政协"
    rf"|(?:政协|中国人民政治协商会议)(?P<formal>{_AUTONOMOUS_PLACE}|[\u4e00-\u9fff]{{1,8}}?[省市县区州])"
    r"第[\u4e00-\u9fff]{1,4}届委员会)"
)
_LIST_JOINERS = ("、", "和", "与", "及")
# A short clause ending on when ("当选县政协委员后，", "…换届以来，"): a time, not who acts. A
# subject's clause runs longer before any "时" ("县政协主席李明在调研时，").
_TIME_CLAUSE = re.compile(r"[^，,。；;：:！？!?]{0,4}(?:后|时|前|以来|期间|之际)[，,]")
# Function words never inside a place name. 都 ("also", "all") is not among them: it is in 武都区.
_GRAMMAR = re.compile(r"[这那是在的了与对为把被从向由将也就]")
_COUNTERS = "两各全本该我每其诸几多市县区州"  # "两市政协", "各县政协", "市县政协": how many, not which
_TIME_ENDS = "年月日时期后前来天"  # "今年区政协…", "会后县政协…": when, and the committee only by level
_BARE_REFERENCE = re.compile(r"^[县市州区]政协")
_LEVEL_TITLE = re.compile(r"^[省市州县区]政协")  # "省政协调研组赴…": a committee named by its level
_BARE_LEVELS = ("市", "县", "区")  # "市政协" alone names no committee: a province holds many
_PROVINCE = "省"
# The provincial committee in running text: "省政协", or its formal name "政协甘肃省第十三届委员会".
_PROVINCIAL_COMMITTEE = re.compile(
    r"省政协|(?:政协|中国人民政治协商会议)[\u4e00-\u9fff]{1,8}?省第[\u4e00-\u9fff]{1,4}届委员会"
)
_NAME_SUFFIX = re.compile(r"(?:[\u4e00-\u9fff]族)*(?:自治)?[省市县区州旗]?$")
_LEVEL_SUFFIX = re.compile(r"[省市县区州旗]+$")
_ALL_OF = "全各"  # "全省各级政协", "各级政协": every committee, no place begins so
_SHORT_PLACE_MAX = 4  # characters: a place printed without its level ("积石山政协")
_EVENT = re.compile(
    r"召开|开展|举行|举办|调研|视察|考察|督查|检查|走访|慰问|观摩|会议|开幕|闭幕|座谈|上线|启动"
)
_JOINING_END = re.compile(r"[暨和与及的、“‘《〈（(]$")
_NUMERAL_END = re.compile(rf"[{NUMERAL_CHARS}]$")
_NUMERAL_START = re.compile(rf"[{NUMERAL_CHARS}届次周]")
_COLON_TITLE = re.compile(r"^[\u4e00-\u9fff]{2,12}[：:]")
_QUOTED = re.compile(r"^[“\"「《].*[”\"」》]$")
_LABEL_MAX = 5  # characters: a label like "调研视察"; no headline is that short
# characters: a label printed beside a headline ("党史学习教育"); a deck's slogan phrase is longer
_LABEL_BESIDE_HEADLINE_MAX = 6
COMMENTARY_LABELS = ("评论", "短评", "时评", "观察")
_NOT_TEXT = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]")
_DATE_LEAD = re.compile(
    r"^(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[至到-]\d{1,2}日)?|近日|日前|连日来|近期|[\u4e00-\u9fff]{2,4}(?:前夕|期间))[，,]"
)


def committee_name(title: str) -> str | None:
    """The committee a title or subtitle opens with ("金塔县政协召开……" -> "金塔县"), if any.

    "省政协…" names the one provincial committee ("省"); "市政协…", "县政协…" name none, as a
    province holds many of each. A sentence's first line that happens to name a committee
    ("这是在安定区政协…", "举办政协委员…") is not a title.
    """
    match = _TITLE_COMMITTEE.match(title)
    if not match or match.group("name") in _BARE_LEVELS:
        return None
    name = match.group("name")
    if name == _PROVINCE:
        return name
    # "举办政协委员……" opens on what is done, not on who does it: no place name holds a verb.
    if _GRAMMAR.search(name) or _EVENT.search(name) or not _is_place_like(name):
        return None
    return name


def _is_place_like(name: str) -> bool:
    """Whether the words before "政协" in a title can be a place: not a count of committees
    ("全省政协系统…", "两市政协"), and, without a level suffix, no longer than a short place
    name ("陇西", "张家川"), where "讲好新时代政协故事" runs on."""
    if name[0] in _ALL_OF:
        return False
    stem = _LEVEL_SUFFIX.sub("", name)
    if stem == name:
        return len(name) <= _SHORT_PLACE_MAX
    return len(stem) > 1 or (len(stem) == 1 and stem not in _COUNTERS)


def opens_with_date(paragraph: str) -> bool:
    """Whether a paragraph opens on when it happened ("6月8日，", "近日，"): a news story's lead."""
    return bool(_DATE_LEAD.match(paragraph))


def refers_back(paragraph: str) -> bool:
    """A paragraph opening with "县政协…" speaks of a committee already named: it cannot open an article."""
    return bool(_BARE_REFERENCE.match(paragraph))


def is_full_headline(title: str) -> bool:
    """A headline that says who did what ("庆阳市政协…上线运行", "临洮县政协：…"), never a
    sentence's first line that happens to open with a committee ("酒泉市政协也积极")."""
    return bool(committee_name(title)) and bool(_EVENT.search(title) or _COLON_TITLE.match(title))


def tells_event(title: str) -> bool:
    """Whether a title says what was done ("…工作会议召开"): a headline, where a slogan is a deck."""
    return bool(_EVENT.search(title))


def continues_on(line: str, next_line: str) -> bool:
    """Whether a title line wraps onto the next: it stops on a joining word ("…党组会议暨"), an
    open quote or bracket, or inside a numeral ("…召开十" / "一届四次…")."""
    return bool(_JOINING_END.search(line)) or bool(
        _NUMERAL_END.search(line) and _NUMERAL_START.match(next_line)
    )


def is_section_head(title: str, title_class: str) -> bool:
    """A line that may head a section of a running body: names no committee, labels no column,
    is no kicker ("聚焦保护 在调研中找准症结" has an event word and is still a section head)."""
    if title_class in (DECK, PLAIN, SECTION):
        return True
    return title_class == HEADLINE and not committee_name(title) and not _COLON_TITLE.match(title)


def names_by_level(title: str) -> bool:
    """Whether a title opens on a committee named only by its level ("省政协调研组赴……")."""
    return bool(_LEVEL_TITLE.match(title))


def opening_committee(paragraph: str) -> str | None:
    """The committee a paragraph opens with, as subject of its first clause ("今年以来，定西市政协…",
    "2月27日，政协甘肃省第十三届委员会…").

    Words before it that are not a place ("这是在安定区政协…", "希望两市政协…", "今年区政协…")
    mean the sentence speaks of a committee without opening on it; so does a clause ending on when
    ("当选县政协委员后，"): it tells the time of the sentence, whose subject comes after it.
    """
    match = _OPENING_COMMITTEE.match(paragraph)
    name = match and (match.group("name") or match.group("formal"))
    if not name or _GRAMMAR.search(name) or _TIME_CLAUSE.match(paragraph, match.end()):
        return None
    return name if _names_a_place(name) else None


def opens_on_a_list(paragraph: str) -> bool:
    """Whether a paragraph opens on several committees ("嘉峪关市政协、陇南市政协和省政协办公厅…作了
    交流发言"): a later paragraph of a story speaking of them; a lead opens on the one it is about."""
    match = _OPENING_COMMITTEE.match(paragraph)
    return bool(match) and paragraph.startswith(_LIST_JOINERS, match.end())


def _names_a_place(name: str) -> bool:
    """Whether the words before "政协" name a place, not a level only: a level character inside a
    place is part of it ("瓜州县", "凉州区"); "市县", "两市", "今年区" are no place."""
    stem = _LEVEL_SUFFIX.sub("", name)
    return bool(stem) and not _names_no_place(stem[-1])


def _names_no_place(before_level: str) -> bool:
    """Whether the character before a level ("县政协") shows the committee is named by level only."""
    return before_level in _COUNTERS or before_level in _TIME_ENDS or bool(_GRAMMAR.match(before_level))


def mentions_committee(name: str, text: str) -> bool:
    """Whether text names the committee `name`, with or without its suffix ("陇西县" / "陇西政协").

    Only the last two characters of the place count: where a name starts in running text is not
    marked ("王海明对嘉峪关市政协"), where it ends is. The provincial committee, "省" alone, is
    named as "省政协" or by its formal name: "省" alone is any province-wide word ("全省", "省委").
    """
    if name == _PROVINCE:
        return bool(_PROVINCIAL_COMMITTEE.search(text))
    stem = _NAME_SUFFIX.sub("", name) or name
    return name in text if len(stem) < 2 else stem[-2:] in text


def dedupe(title: str) -> str:
    """A title printed twice on one line ("……解决甘州区……解决") is one title."""
    half, rest = divmod(len(title), 2)
    return title[:half] if not rest and half >= 4 and title[:half] == title[half:] else title


def names_its_committee(title: str) -> bool:
    """A kicker or a headline opening on its committee: the one line of a run that is surely a headline."""
    return bool(_KICKER.match(title) or committee_name(title))


def may_label(title: str, title_class: str) -> bool:
    """Whether a line is short enough to be a column label when printed beside a headline.

    Alone, a one-phrase line of six characters may be a feature's section head ("抓好协商议政");
    next to a headline naming its committee it is the label over that article, as a deck's
    slogan-like phrase runs longer.
    """
    bare = _NOT_TEXT.sub("", title)
    return title_class == PLAIN and " " not in title and len(bare) <= _LABEL_BESIDE_HEADLINE_MAX


def is_two_phrases(title: str) -> bool:
    parts = title.split()
    return len(parts) >= 2 and all(len(part) >= 3 for part in parts)


def classify(title: str) -> str:
    """Kind of a title-like line, from its own text (neighbours decide PLAIN later)."""
    bare = _NOT_TEXT.sub("", title)
    if title.startswith("‖"):
        return SECTION
    if _KICKER.match(title):
        return KICKER
    if _QUOTED.match(title) or (len(bare) <= _LABEL_MAX and not committee_name(title)):
        return COLUMN
    if committee_name(title) or _COLON_TITLE.match(title) or _EVENT.search(title):
        return HEADLINE
    return DECK if is_two_phrases(title) else PLAIN


def ngrams(text: str, size: int) -> set[str]:
    """Character n-grams of each phrase (not across the space between a title's two phrases)."""
    grams: set[str] = set()
    for phrase in text.split():
        bare = _NOT_TEXT.sub("", phrase)
        grams.update([bare[index : index + size] for index in range(len(bare) - size + 1)])
    return grams


_LEVEL_COMMITTEE = re.compile(r"(?P<name>[\u4e00-\u9fff]?[县市区州]+)政协")


def unnamed_levels(text: str) -> frozenset[str]:
    """The levels ("县", "区") of the committee a body speaks of only as "区政协", naming no
    committee at all: a story whose dateline gives the prefecture ("本报金昌讯") and whose lead
    says "区政协主席…". Empty when any committee is named ("金川区政协", "瓜州县政协", "陇西政协")."""
    levels = set()
    for match in _LEVEL_COMMITTEE.finditer(text):
        name = match.group("name")
        if _names_a_place(name):
            return frozenset()
        levels.add(name[-1])
    return frozenset(levels)


@dataclass
class BodyProfile:
    """What a body says, precomputed once for scoring every title against it."""

    text: str
    bigrams: set[str]
    trigrams: set[str]
    unnamed_levels: frozenset[str]

    @classmethod
    def of(cls, text: str) -> "BodyProfile":
        return cls(text, ngrams(text, 2), ngrams(text, 3), unnamed_levels(text))


def match_score(title: str, body: BodyProfile, name: str | None) -> float:
    """0..1: how surely `title` (naming committee `name`, if any) belongs to `body`.

    A committee named in the title and absent from the body rules the pair out, unless the body
    names none and speaks of one of its level ("区政协" under a "金川区政协" title): then only the
    words decide. A shared committee counts most; the rest is the share of the title's bigrams and
    trigrams found in the body.
    """
    if name and not mentions_committee(name, body.text):
        if name[-1] not in body.unnamed_levels:
            return 0.0
        name = None
    bigrams, trigrams = ngrams(title, 2), ngrams(title, 3)
    if not bigrams:
        return 0.0
    overlap = len(bigrams & body.bigrams) / len(bigrams)
    if trigrams:
        overlap = (overlap + len(trigrams & body.trigrams) / len(trigrams)) / 2
    return min(1.0, (0.4 if name else 0.0) + 0.6 * overlap)


def best_assignment(cost: list[list[float]]) -> list[int]:
    """For each row, its column in the one-to-one assignment of least total cost (Hungarian method).

    Needs at least as many columns as rows. A page has a dozen titles and bodies, so the cubic
    work is a few thousand steps.
    """
    rows, columns = len(cost), len(cost[0])
    row_potential, column_potential = [0.0] * (rows + 1), [0.0] * (columns + 1)
    owner, previous = [0] * (columns + 1), [0] * (columns + 1)
    for row in range(1, rows + 1):
        owner[0], current = row, 0
        slack, done = [math.inf] * (columns + 1), [False] * (columns + 1)
        while owner[current]:
            done[current] = True
            source, delta, following = owner[current], math.inf, 0
            for column in range(1, columns + 1):
                if done[column]:
                    continue
                reduced = cost[source - 1][column - 1] - row_potential[source] - column_potential[column]
                if reduced < slack[column]:
                    slack[column], previous[column] = reduced, current
                if slack[column] < delta:
                    delta, following = slack[column], column
            for column in range(columns + 1):
                if done[column]:
                    row_potential[owner[column]] += delta
                    column_potential[column] -= delta
                else:
                    slack[column] -= delta
            current = following
        while current:
            owner[current] = owner[previous[current]]
            current = previous[current]
    assignment = [-1] * rows
    for column in range(1, columns + 1):
        if owner[column]:
            assignment[owner[column] - 1] = column - 1
    return assignment
