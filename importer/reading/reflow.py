"""Printed lines -> blocks: paragraphs rejoined, titles and bylines kept as their own blocks.

Paragraph layout breaks a paragraph only where the PDF changed column, mid-sentence, so a long line
that does not end a sentence continues on the next line. Column layout breaks every printed line;
a paragraph ends at a line clearly shorter than its column or at a sentence end on a short line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from importer.parsing.drafts import Block
from importer.parsing.titles import is_full_headline, names_by_level, names_its_committee, opens_with_date

from .layout import PARAGRAPH, WIDTH_CHANGE, Column, column_widths
from .normalize import (
    BYLINE_LINE,
    SECTION_NUMBER,
    display_width,
    ends_on_credit,
    ends_sentence,
    has_sentence_punctuation,
    normalize_block,
    remove_inner_spaces,
)

_ALONE = re.compile(r"^(?:——|‖|[(（](?:续|接|下转|转)\S{1,3}版[)）]$)")
_PAIRS = {"《": "》", "“": "”", "（": "）", "(": ")", "「": "」"}
_OPENING_QUOTES = ("“", "「")
_CLOSING_QUOTES = ("”", "」")
NO_LINE_START = "，。、；：？！”）》」,.;:?!)"  # closing punctuation: set at a line's end, never its start
_CLOSER_OF = {closer: opener for opener, closer in _PAIRS.items()}
_OPEN_BYLINE = re.compile(r"[(（](?:通讯员|记者|本报记者)[^()（）]*$")
_ROLES = ("通讯员", "本报记者", "记者")
# A role word cut by a line break: (its part ending one line, its part opening the next).
_ROLE_CUTS = tuple((role[:cut], role[cut:]) for role in _ROLES for cut in range(1, len(role)))
_ROLE_HEADS = tuple(head for head, _tail in _ROLE_CUTS)
_NAME_PIECE = re.compile(r"[\u4e00-\u9fff·]+")
# A space between two full-width characters: on a line set letter-spaced ("健 全 长 效"), it takes
# none of the column's width.
_LETTER_SPACE = re.compile(r"(?<=[\u2000-\uffff]) (?=[\u2000-\uffff])")
LETTER_SPACED = 3  # a letter-spaced line has a space in every three characters or more; stray ones are rarer
_PHRASE_SPACE = re.compile(r"[\u2000-\uffff][ \u3000]+[\u2000-\uffff]")
_TITLE_COLON = re.compile(r"^[\u4e00-\u9fff]{2,12}[：:]")
_DATELINE = re.compile(r"^本报\S{0,8}?讯")
# Conjunctions that join a clause to the one before ("并讲话。", "以及……"): no paragraph or title
# opens or ends on one ("合并", "兼并" are verbs).
_CLAUSE_CONJUNCTION = re.compile(r"^(?:并|以及)")
_TRAILING_CONJUNCTION = re.compile(r"(?:(?<![合兼吞])并|以及)$")
# A story's last sentence and its trailing byline ("……座谈会。（马 静）"): nothing of it follows.
_BYLINE_END = re.compile(r"[。！？!?”][(（][\u4e00-\u9fff· ]{2,12}[)）]$")
_CREDIT_BEGUN = re.compile(r"(?:通讯员|本报记者|记者)[ \u3000]*[\u4e00-\u9fff· \u3000]*$")
CREDIT_TAIL_MAX = 12  # characters: the rest of a credit, "赵婷婷 摄影报道", never a caption's line
_CLAUSE_PUNCTUATION = re.compile(r"[，、；：,;:]")
CLAUSE_MARKS = "，、；：,;:"  # a line ending on one stops mid-sentence: no title ends so
_CLAUSE_ENDS = tuple(CLAUSE_MARKS)
LONG_FRAGMENT = 60  # half-em units: a punctuated line this long is a paragraph cut by a column change
PHRASE_MIN = 4  # characters in each phrase of a two-phrase title ("丰富载体 让协商“接上地气”")
# A section head's two short phrases set apart by a comma ("聚焦发展大局,建言资政有深度").
_COMMA_PHRASES = re.compile(r"^[^\s，,、；;：:。！？!?]{4,12}[，,][^\s，,、；;：:。！？!?]{4,12}$")
TITLE_MAX = 80  # half-em units: no title is longer, punctuated or not
INDENT = 4  # half-em units: a first line is two characters short of a typical line, a full one one at most
SHORT_LINE = 0.7  # a column line this much narrower than its column ends its paragraph
WIDE_LINE = 1.25  # a line this much wider than its column spans several columns: title or caption
SAME_WIDTH = 2  # half-em units: two full lines of one column differ by a character at most
LEANING_LINES = 2  # a paragraph's lines whose width estimate may lean to a neighbouring column


class _LineFact:
    """A fact about a line's text, worked out when first asked and kept on the line: what
    `functools.cached_property` does, without the lock Python 3.11 takes on every first use
    (the reflow asks some ten facts of each of a page's hundreds of lines)."""

    def __init__(self, read: Callable[[PrintedLine], bool | int]) -> None:
        self.read = read
        self.__doc__ = read.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, line: PrintedLine | None, owner: type | None = None) -> bool | int | _LineFact:
        if line is None:
            return self
        value = line.__dict__[self.name] = self.read(line)
        return value


@dataclass(frozen=True)
class PrintedLine:
    """A non-empty line of the file. What its text says (a sentence's end, a title, a byline) is
    worked out once, when first asked: the column reflow asks it of each line several times, as a
    paragraph's last line, as the line that may run on from it and as a neighbour of both."""

    number: int  # 1-based line number in the file
    text: str
    width: int  # half-em units, letter-spacing left out (`set_text_width`)
    gap_before: int
    spaced_end: bool = False  # printed with a space after its last character
    spaced_start: bool = False  # printed with a space before its first character

    @_LineFact
    def sentence_end(self) -> bool:
        return ends_sentence(self.text)

    @_LineFact
    def holds_sentence_end(self) -> bool:
        """Ends a sentence at its end or inside it."""
        return has_sentence_punctuation(self.text)

    @_LineFact
    def unpunctuated(self) -> bool:
        return _unpunctuated(self.text)

    @_LineFact
    def punctuated(self) -> bool:
        return _has_punctuation(self.text)

    @_LineFact
    def two_phrases(self) -> bool:
        return _two_phrases(self.text)

    @_LineFact
    def is_dateline(self) -> bool:
        return bool(_DATELINE.match(self.text))

    @_LineFact
    def opens_on_a_date(self) -> bool:
        """Opens on a story's date ("6 月 16 日，"), read without the stray spaces around its digits."""
        return opens_with_date(remove_inner_spaces(self.text))

    @_LineFact
    def joins_clause_before(self) -> bool:
        """Opens on a conjunction and runs on as text ("并讲话。"): the line goes on with the clause
        before it. An unpunctuated line may be a deck that opens on a word ("并肩奋进……")."""
        return bool(_CLAUSE_CONJUNCTION.match(self.text)) and self.punctuated

    @_LineFact
    def leaves_clause_open(self) -> bool:
        """Ends on a conjunction ("……主持闭幕会并"): the clause goes on on the next line."""
        return bool(_TRAILING_CONJUNCTION.search(self.text))

    @_LineFact
    def open_byline(self) -> bool:
        """A byline's parenthesis left open at the line's end: "（通讯员赵磊 杨" goes on "帆）"."""
        return bool(_OPEN_BYLINE.search(self.text))

    @_LineFact
    def stands_alone(self) -> bool:
        """Subtitles, section-head marks, continuation marks and bylines are never part of a paragraph.

        A line opening on a dash that closes a bracket it did not open ("——临泽老照片选集》《光辉")
        is the middle of a title quoted in running text, not a subtitle.
        """
        if _closes_unopened(self.text):
            return False
        return bool(_ALONE.match(self.text) or BYLINE_LINE.match(self.text)) or _is_numbered_head(self.text)

    @_LineFact
    def opens_block(self) -> bool:
        return self.stands_alone or self.is_dateline

    @_LineFact
    def closes_block(self) -> bool:
        """Nothing runs on from it: a line standing alone, or one ending a story."""
        return self.stands_alone or self.ends_story

    @_LineFact
    def ends_story(self) -> bool:
        """A photo credit ends its caption, and a trailing byline its story, also when printed at
        the end of the last line."""
        return ends_on_credit(self.text) or bool(_BYLINE_END.search(self.text))

    @_LineFact
    def is_title(self) -> bool:
        """A whole title on one line: two phrases set apart, or a committee and what it did,
        unpunctuated, not stopping on a conjunction. A dateline's line ("本报X讯（通讯员X Y）")
        opens a body however its byline is spaced."""
        return (
            self.unpunctuated
            and not self.is_dateline
            and not self.leaves_clause_open
            and (self.two_phrases or is_full_headline(self.text))
        )

    @_LineFact
    def set_width(self) -> int:
        """The line's width short of the closing punctuation that may hang past its column's edge."""
        text = self.text
        return self.width - display_width(text[len(text.rstrip(NO_LINE_START)) :])

    @_LineFact
    def unspaced_width(self) -> int:
        """The line's width without the stray spaces extraction leaves inside words and numbers."""
        return display_width(self.text.replace(" ", ""))


def printed_lines(raw_lines: list[str]) -> list[PrintedLine]:
    """The non-empty lines of a file with their widths and the blank lines before each."""
    lines = []
    gap = 0
    for number, raw in enumerate(raw_lines, start=1):
        text = raw.strip()
        if not text:
            gap += 1
            continue
        spaced_end = raw.rstrip("\n") != raw.rstrip()
        spaced_start = raw != raw.lstrip()
        lines.append(PrintedLine(number, text, set_text_width(text), gap, spaced_end, spaced_start))
        gap = 0
    return lines


def set_text_width(text: str) -> int:
    """A line's width in its column: a justified line set letter-spaced ("健 全 长 效 管 护") fills
    its column with no more characters than a full line. Elsewhere a space takes its width: the
    gaps extraction leaves in a line ("8 名", "力 度") are printed space."""
    if text.count(" ") * LETTER_SPACED < len(text):
        return display_width(text)
    unspaced, spaces = _LETTER_SPACE.subn("", text)
    return display_width(unspaced if spaces * LETTER_SPACED >= len(text) else text)


def _is_numbered_head(text: str) -> bool:
    """ "二、聚焦民生关切 在履职为民上用心用情", "一、聚焦发展大局,建言资政有深度": a feature's numbered
    section head, two phrases set apart by a space or a comma and no other punctuation after the
    number, is set in its own type, never in a paragraph. Running text numbered so goes on past a
    second short phrase, or ends its sentence."""
    head = SECTION_NUMBER.match(text)
    if not head:
        return False
    rest = text[head.end() :]
    return _two_phrases(rest) or bool(_COMMA_PHRASES.match(rest))


@functools.lru_cache(maxsize=4096)
def _bracket_balance(text: str) -> tuple[bool, bool]:
    """(closes one it did not open, leaves one open) for the brackets and quotes of a line."""
    depth = dict.fromkeys(_PAIRS, 0)
    closes_unopened = False
    for char in text:
        if char in depth:
            depth[char] += 1
        elif char in _CLOSER_OF:
            opener = _CLOSER_OF[char]
            closes_unopened = closes_unopened or not depth[opener]
            depth[opener] = max(0, depth[opener] - 1)
    return closes_unopened, any(depth.values())


def _closes_unopened(text: str) -> bool:
    """Whether a closing bracket or quote comes before its opening one: the text began earlier."""
    return _bracket_balance(text)[0]


def _leaves_open(text: str) -> bool:
    """Whether a bracket or quote opened on the line is closed only later: the text goes on."""
    return _bracket_balance(text)[1]


def _paragraph_continues(current: list[PrintedLine], following: PrintedLine) -> bool:
    """Paragraph layout: a column change cut the paragraph when its last part stops mid-sentence."""
    last = current[-1]
    if last.sentence_end or last.closes_block or following.opens_block:
        return False
    return (
        (last.width >= LONG_FRAGMENT and not last.unpunctuated)
        or last.width > TITLE_MAX
        or len(current) > 1
        or has_sentence_punctuation(last.text)
        or len(_CLAUSE_PUNCTUATION.findall(last.text)) >= 2
        or last.text.count("“") > last.text.count("”")
    )


def _full(line: PrintedLine, width: float) -> bool:
    return line.width >= width - 1


def _wide(line: PrintedLine, width: float) -> bool:
    return line.width > WIDE_LINE * width


def _short(line: PrintedLine, width: float) -> bool:
    return line.width < SHORT_LINE * width


def _indented(line: PrintedLine, column: Column) -> bool:
    """Narrower than a typical line of its column by a paragraph's two-character indent: a new
    paragraph's first line (full lines fall short of the typical one by a character at most)."""
    return line.width <= column.typical - INDENT


def _is_caption_line(line: PrintedLine, width: float) -> bool:
    """A line wider than its column with clauses in it: a photo caption set across columns."""
    return (
        _wide(line, width)
        and bool(_CLAUSE_PUNCTUATION.search(line.text))
        and not line.sentence_end
        and not line.is_title  # "敦煌市政协：协商助推……": a title's colon is no clause
    )


def _role_cut(last: PrintedLine, following: PrintedLine) -> bool:
    """A credit's role word cut by the line break ("…困难。 通讯" / "员 郭海军 摄影报道")."""
    return last.text.endswith(_ROLE_HEADS) and any(
        last.text.endswith(head) and following.text.startswith(tail) for head, tail in _ROLE_CUTS
    )


def _credit_cut(last: PrintedLine, following: PrintedLine) -> bool:
    """A photo credit cut after its role word, a name or inside "摄影报道" ("…困难。 通讯员 王丽" /
    "摄影报道", "…通讯员 王丽 摄影" / "报道")."""
    rest = following.text
    return (
        ends_on_credit(last.text + rest)
        and len(rest.replace(" ", "")) <= CREDIT_TAIL_MAX
        and not following.punctuated
        and bool(_CREDIT_BEGUN.search(last.text))
    )


def _byline_glue(last: PrintedLine, following: PrintedLine) -> str:
    """Inside a byline a line break between two names is a space, one inside a name is not.

    A space printed at the break says so (a lone character on either side is then half of a
    letter-spaced name, which `join_names` joins); without one, two pieces of two or more
    characters each are two names ("曾立玺" / "王美琪）") and a lone character is the rest of a
    name ("杨" / "帆）").
    """
    if last.spaced_end or following.spaced_start:
        return " "
    before = _NAME_PIECE.findall(last.text.rsplit(" ", 1)[-1])
    after = _NAME_PIECE.match(following.text)
    return " " if before and after and len(before[-1]) >= 2 and len(after.group()) >= 2 else ""


def _unpunctuated(text: str) -> bool:
    """A line with no punctuation but a title's colon: a title, or part of a sentence's middle."""
    return not _has_punctuation(_TITLE_COLON.sub("", text))


def _two_phrases(text: str) -> bool:
    """Two phrases set apart by a space ("丰富载体 让协商“接上地气”"): a title, not running text."""
    parts = text.split()
    return (
        len(parts) >= 2
        and all(len(part) >= PHRASE_MIN for part in parts)
        and _unpunctuated(text)
        and bool(_PHRASE_SPACE.search(text))
    )


def _is_section_head_start(lines: list[PrintedLine]) -> bool:
    """ "‖强平台，" opens a section head whose second half is the next printed line."""
    return len(lines) == 1 and lines[0].text.startswith("‖") and lines[0].text[-1] in "，,、：:"


def _has_punctuation(text: str) -> bool:
    return bool(_CLAUSE_PUNCTUATION.search(text)) or has_sentence_punctuation(text)


def _as_wide_as_first_line(line: PrintedLine, column: Column) -> bool:
    """As wide as a paragraph's indented first line, not counting its spaces: a stray space may
    split such a line in two phrases ("在线履职日益成为 委员们的日"), and a full line after it is
    its paragraph running on (a title is followed by a title or by an indented line)."""
    return abs(line.unspaced_width - (column.typical - INDENT)) <= INDENT / 2


def _begins_paragraph(first: PrintedLine, following: PrintedLine, column: Column) -> bool:
    """Whether a line not reading as a whole title is a paragraph's first line by its width: as
    wide as an indented first line, and the next line wider by a character or more (a full line,
    one a character short of full, say where a bracket could not end it)."""
    return (
        not first.is_title
        and _as_wide_as_first_line(first, column)
        and following.unspaced_width >= first.unspaced_width + SAME_WIDTH
    )


def _starts_title(lines: list[PrintedLine], following: PrintedLine, next_column: Column, ended: bool) -> bool:
    """Whether a lone unpunctuated line is a title rather than a paragraph's first line.

    Titles are set in their own type, so their length says little; but a paragraph's first line is
    followed by a full line, while a title is followed by another title or by a paragraph's first,
    indented line. (Two titles both as wide as the column are not told apart from a paragraph.)
    After a paragraph's end (`ended`: a short line ending a sentence) a line reading as a whole
    title that the next line is no wider than is no first line, which is indented below the next.
    """
    first = lines[0]
    if len(lines) > 1 or first.is_dateline or first.punctuated:
        return False
    if first.two_phrases:
        return not (_as_wide_as_first_line(first, next_column) and _full(following, next_column.width))
    if following.sentence_end or _begins_paragraph(first, following, next_column):
        return False
    if ended and first.is_title and following.width <= first.width:
        return True
    # A line that reads as a whole title needs less: any line short of a full one after it, or
    # clearly narrower than itself (a paragraph's indented first line is never wider than its
    # second, and two full lines differ by a character or so).
    return _indented(following, next_column) or (
        first.is_title
        and (not _full(following, next_column.width - 1) or following.width <= first.width - INDENT)
    )


def _overflows(line: PrintedLine, width: float) -> bool:
    """An unpunctuated line two characters or more wider than the paragraph's column, stray spaces
    left out: running text never overflows its column, so after a sentence's end it is a title set
    in its own type ("全省政协系统扎实开展……专题教育"), however it reads."""
    return line.unpunctuated and line.unspaced_width >= width + WIDTH_CHANGE


def _lead_goes_on(lines: list[PrintedLine]) -> bool:
    """A lead, opening on its date ("1 月 10日，临潭县政协召"), runs on until its first sentence ends,
    however short or wide its lines: the date's comma makes it running text, no title (a story set
    in another column than its neighbour's is measured against the neighbour's where the two meet).
    Only its lines so far are read, and only while none has ended a sentence."""
    return lines[0].opens_on_a_date and not any(line.holds_sentence_end for line in lines)


def _changes_column(width: float, next_column: Column) -> bool:
    """Whether the next line is set in a column of another width than the paragraph's: after a
    sentence's end it opens another paragraph, however little it is indented (a paragraph runs on
    in a column as wide as its own; another article's first line may be no narrower than a full
    line of the column before)."""
    return abs(next_column.width - width) >= WIDTH_CHANGE


def _dash_runs_on(lines: list[PrintedLine], width: float, following: PrintedLine) -> bool:
    """A line opening on a dash after running text stopped mid-sentence is that sentence going on
    ("……食品产业园" / "——经济界工商联界别委员工作"): a feature's "——" subtitle follows the last
    line of its body, which ends a sentence or is short."""
    last = lines[-1]
    return (
        following.text.startswith("——")
        and not last.sentence_end
        and not _short(last, width)
        and any(line.punctuated for line in lines)
    )


def _ran_on(lines: list[PrintedLine]) -> bool:
    """A dash line joined to the lines before it (`_dash_runs_on`) is running text, closing nothing."""
    return len(lines) > 1 and lines[-1].text.startswith("——")


def _titles_over_a_lead(lines: list[PrintedLine], ended: bool) -> bool:
    """Whether `lines`, before a line opening on a date ("4 月 11日，"), are titles over the lead of
    a story printed with no dateline: lines with no punctuation at all (running text of two lines
    has a comma; a dateline's line opens a body), after a paragraph's end or a title, or one of
    them wider than the column (`ended`), or with a line among them reading as a title (a deck's
    two phrases, a line opening on a committee)."""
    if lines[0].is_dateline or not all(line.unpunctuated for line in lines):
        return False
    return ended or any(line.two_phrases or line.is_title or _opens_on_a_committee(line) for line in lines)


def _opens_on_a_committee(line: PrintedLine) -> bool:
    """ "瓜州县政协交办126件提案", "省政协调研组赴…": a title's opening, read without letter-spacing."""
    text = remove_inner_spaces(line.text)
    return names_its_committee(text) or names_by_level(text)


def _opens_paragraph(
    last: PrintedLine, width: float, following: PrintedLine, next_column: Column, after: Column
) -> bool:
    """After a line ending a sentence, whether `following` opens another paragraph: the last line
    falls short of its column, or the next is indented or set in another column.

    Where a wider column begins, its indented first line is as wide as a full line of the narrower
    column and measures in that one: it is indented in the column of the line `after` it. A line
    opening on a quote and short of a full one opens a paragraph too: set half width, as some
    extractions count them, quotes eat into the indent. So does a line opening on a date after a
    sentence not quoted: a date opens a story's lead, and its half-width digits and the stray
    spaces around them ("1 月 10日，") may fill the indent; only a quote opening a scene is followed
    by a date in its paragraph ("……才匀称。”1月8日，在……").
    """
    return (
        (following.opens_on_a_date and not last.text.endswith(_CLOSING_QUOTES))
        or not _full(last, width)
        or _indented(following, next_column)
        or _changes_column(width, next_column)
        or (_changes_column(next_column.width, after) and _indented(following, after))
        or (following.text.startswith(_OPENING_QUOTES) and not _full(following, next_column.width))
    )


def _column_continues(
    lines: list[PrintedLine],
    width: float,
    following: PrintedLine,
    next_column: Column,
    after: Column,
    context: tuple[bool, bool] = (False, False),
    title_after_cut: bool = False,
    after_title: bool = False,
    after_close: bool = False,
) -> bool:
    """Column layout: whether the paragraph `lines` runs on into the printed line `following`, set
    in `next_column` (`after`: the column of the line after it). `context`: whether the line before
    `lines` ended a paragraph (a line ending a sentence, short of its column by more than an
    indent), and whether `following` is running text though it reads as a title (`_runs_through`).
    `title_after_cut`: whether `following` is a title printed after a body cut mid-sentence.
    `after_title`: whether the line before `lines` reads as a whole title (`lines` are in its run).
    `after_close`: whether the line before `lines` ends a story (a photo's credit, a trailing byline)."""
    last = lines[-1]
    if last.open_byline or _role_cut(last, following) or _credit_cut(last, following):
        return True
    if _is_section_head_start(lines):
        return not following.opens_block
    if _dash_runs_on(lines, width, following):
        return True
    if last.closes_block and not _ran_on(lines):
        return False
    if following.opens_block or _ALONE.match(lines[0].text):
        return False
    if following.joins_clause_before or last.leaves_clause_open:
        return True  # no title or paragraph ends or opens on "并"
    if after_close and len(lines) == 1 and last.is_title:
        return False  # a caption's title under its credit: a story opens on its dateline or date, not so
    if _lead_goes_on(lines):
        return True
    ended, runs_through = context
    if following.opens_on_a_date and _titles_over_a_lead(
        lines, ended or after_title or any(_overflows(line, width) for line in lines)
    ):
        return False
    if _leaves_open(last.text):
        return True  # a quote or a book title running on: no title or paragraph ends inside one
    if (following.two_phrases or following.is_title) and all(line.unpunctuated for line in lines):
        return False  # a run of titles, not running text
    if runs_through:
        return True
    if title_after_cut:
        return False
    if last.sentence_end and following.is_title:
        return False  # titles printed right after the body they belong to
    if last.sentence_end and _overflows(following, width):
        return False
    if _is_caption_line(last, width):
        return True
    next_width = next_column.width
    if _wide(last, width) or _wide(following, next_width) or _short(last, width):
        return False
    if last.sentence_end and _opens_paragraph(last, width, following, next_column, after):
        return False
    if _starts_title(lines, following, next_column, ended):
        return False
    # A short line that ends no sentence after a full one is a title, not the paragraph's end;
    # one stopping on a clause mark is the paragraph's last piece, cut there ("办理时限，").
    return not (
        _short(following, next_width)
        and not following.sentence_end
        and not following.text.endswith(_CLAUSE_ENDS)
    )


def _join(lines: list[PrintedLine]) -> str:
    """Join printed lines: no space inside Chinese text, one space between two Latin/number words."""
    text = lines[0].text
    for previous, line in pairwise(lines):
        if _credit_cut(previous, line) and ends_on_credit(previous.text[-3:] + line.text[:3]):
            glue = ""  # the credit word itself was cut
        elif previous.open_byline or _credit_cut(previous, line):
            glue = _byline_glue(previous, line)
        else:
            glue = " " if text[-1].isascii() and text[-1].isalnum() and line.text[0].isascii() else ""
        text += glue + line.text
    return text


def _block(lines: list[PrintedLine], column_width: float | None = None) -> Block:
    text = normalize_block(_join(lines))
    return Block(text, lines[0].number, lines[-1].number, lines[0].gap_before, column_width)


def _group(lines: list[PrintedLine], continues) -> list[list[PrintedLine]]:
    groups: list[list[PrintedLine]] = []
    for index, line in enumerate(lines):
        if groups and continues(groups[-1], index):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _split_title_run(group: list[PrintedLine]) -> list[list[PrintedLine]]:
    """Lines joined though none has punctuation are titles set about as wide as the column:
    running text of two lines or more always has a comma or a full stop somewhere. So are such
    lines joined to the end of a paragraph after its last sentence (`_titles_after_sentence`).
    """
    if len(group) > 1 and all(line.unpunctuated and not line.stands_alone for line in group):
        return [[line] for line in group]
    tail = _titles_after_sentence(group)
    if tail:
        return [group[:-tail], *([line] for line in group[-tail:])]
    return [group]


def _titles_after_sentence(group: list[PrintedLine]) -> int:
    """How many lines at the paragraph's end, after a line ending a sentence, are titles joined to
    it: two or more with no punctuation at all, none a piece of a credit ("通讯员 鱼勇 赵" /
    "婷婷 摄影报道"). A paragraph's last line ends on a mark, so they are not its running text."""
    count = 0
    for line in reversed(group):
        if not line.unpunctuated or line.stands_alone or line.closes_block:
            break
        count += 1
    if count < 2 or count == len(group) or not group[-count - 1].sentence_end:
        return 0
    pieces = group[-count - 1 :]
    cut = any(_credit_cut(last, line) or _role_cut(last, line) for last, line in pairwise(pieces))
    return 0 if cut else count


def _paragraph_column(lines: list[PrintedLine], column_of: dict[int, float]) -> float:
    """A paragraph's column: the widest estimate along its lines. Near the end of an article set
    wider than the next one, the estimates of its last lines lean towards the next, narrower
    column, where its last line would pass for a full one."""
    return max(column_of[line.number] for line in lines)


def _set_in(lines: list[PrintedLine], column_of: dict[int, float]) -> float | None:
    """The width of the column a block is set in, or None when that is in doubt.

    Where two columns meet, the width estimates of a paragraph's first or last lines may lean to
    the other column, so the widest estimate counts; but a paragraph runs on in its own column, so
    one whose estimates change for more lines than that met no other column (the change was noise).
    Lines much wider or narrower than their column (a caption set across columns) are not set in it.
    """
    estimates = [column_of[line.number] for line in lines]
    width = max(estimates)
    if sum(width - estimate >= WIDTH_CHANGE for estimate in estimates) > LEANING_LINES:
        return None
    typical = median(line.width for line in lines[1:-1] or lines)
    return width if SHORT_LINE * width <= typical <= WIDE_LINE * width else None


def _column_breaks(lines: list[PrintedLine]) -> list[int]:
    """Lines where another article's column may begin: before a dateline, and around a title,
    subtitle or byline line, which are set in their own type between two articles' bodies."""
    breaks = []
    for index, line in enumerate(lines):
        if line.stands_alone or (
            line.is_title
            and _may_precede_title(lines[index - 1 : index])
            and not _runs_through(lines, index)
            and not _runs_into_clause(lines, index)
        ):
            breaks += [index, index + 1]
        elif line.is_dateline:
            breaks.append(index)
    return breaks


def _runs_through(lines: list[PrintedLine], index: int) -> bool:
    """Whether the line at `index`, reading as a whole title, is running text: it comes between a
    line ending a sentence and a punctuated line, the three as wide as one another within a
    character (closing punctuation may hang past the edge), and the punctuated line is no
    paragraph's indented first line, narrower than the line after it ("……值得学习借鉴。" /
    "嘉峪关市政协将以此次考察调研为" / "契机，加强……"). A title is set in a width of its own.
    Stray spaces count in neither width: one inside "点 12个" makes its line no wider."""
    if not 0 < index < len(lines) - 1:
        return False
    before, line, after = lines[index - 1 : index + 2]
    beyond = lines[index + 2 : index + 3]
    trio = (before, line, after)
    return (
        before.sentence_end
        and line.is_title
        and after.punctuated
        and not after.opens_block
        and max(printed.set_width for printed in trio) - min(printed.width for printed in trio) <= SAME_WIDTH
        and not (beyond and beyond[0].unspaced_width > after.unspaced_width)
    )


def _runs_into_clause(lines: list[PrintedLine], index: int) -> bool:
    """Whether the line after the one at `index` goes on with its clause ("省政协主席X主持闭幕会" /
    "并讲话。"): a line reading as a whole title is then a paragraph's first line."""
    return index + 1 < len(lines) and lines[index + 1].joins_clause_before


def _title_after_cut(lines: list[PrintedLine], index: int) -> bool:
    """Whether the line at `index`, reading as a whole title after a line stopped on a clause mark
    ("……办理时限，"), is a title printed after a body cut there (its rest is on another page).

    A sentence running on through an unpunctuated line goes on to its end; here nothing follows
    that could be its rest: the page ends, or the next line opens a block or is another title.
    An unpunctuated line not reading as a whole title ("安宁区政协表彰……优秀提案") is the first
    of such a run of titles when the next line is a title so followed.
    """
    if not 0 < index < len(lines) or not lines[index - 1].text.endswith(_CLAUSE_ENDS):
        return False
    if not lines[index].is_title:
        return lines[index].unpunctuated and _titles_run_from(lines, index + 1)
    return _titles_run_from(lines, index)


def _titles_run_from(lines: list[PrintedLine], index: int) -> bool:
    """Whether the line at `index` reads as a whole title and nothing after it could be the rest of
    a sentence: the page ends, or the next line opens a block or is another title."""
    if index >= len(lines) or not lines[index].is_title:
        return False
    after = lines[index + 1 : index + 2]
    return not after or after[0].opens_block or after[0].is_title


def _may_precede_title(before: list[PrintedLine]) -> bool:
    """Whether a title may follow the line `before` (none at the top): titles come after a body's
    last sentence or byline, or after other titles. A title-like line after a sentence stopped
    mid-line is running text that a stray space split in two phrases ("重点项目建 设情况进行")."""
    return not before or before[0].sentence_end or before[0].closes_block or before[0].unpunctuated


def _datelines(lines: list[PrintedLine]) -> list[int]:
    """Lines opening an article's body: the lines before one are another article's."""
    return [index for index, line in enumerate(lines) if line.is_dateline]


def reflow(raw_lines: list[str], layout: str) -> tuple[Block, ...]:
    """Reflow a file's lines into blocks for the given layout."""
    lines = printed_lines(raw_lines)
    if layout == PARAGRAPH:
        groups = _group(lines, lambda current, index: _paragraph_continues(current, lines[index]))
        return tuple(_block(group) for group in groups)
    widths = [line.width for line in lines]
    hanging = [line.width - line.set_width for line in lines]
    columns = column_widths(widths, _column_breaks(lines), _datelines(lines), hanging)
    column_of = {line.number: column.width for line, column in zip(lines, columns, strict=True)}

    def continues(current: list[PrintedLine], index: int) -> bool:
        before = index - len(current) - 1
        ended = (
            before >= 0
            and lines[before].sentence_end
            and lines[before].width < columns[before].width - INDENT
        )
        return _column_continues(
            current,
            _paragraph_column(current, column_of),
            lines[index],
            columns[index],
            columns[min(index + 1, len(columns) - 1)],
            (ended, current[-1].sentence_end and _runs_through(lines, index)),
            _title_after_cut(lines, index),
            before >= 0 and lines[before].is_title,
            before >= 0 and lines[before].ends_story,
        )

    groups = _group(lines, continues)
    groups = [part for group in groups for part in _split_title_run(group)]
    return tuple(_block(group, _set_in(group, column_of)) for group in groups)
