"""A read page -> one Segment per article, with its titles, dateline and bylines.

Bodies are cut where an article visibly starts: a "本报X讯" dateline, a lead opening with a date,
a paragraph about another committee, a continuation mark, a run of titles. Titles printed before
their body (paragraph layout) belong to the body that follows; titles printed after the bodies
(column layout) are paired with the body that says what they say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from importer.reading.layout import PARAGRAPH, WIDTH_CHANGE
from importer.reading.normalize import BYLINE_LINE, SECTION_NUMBER, display_width, is_title_like

from . import titles
from .bylines import (
    feature_byline,
    is_author_byline,
    opens_with_dateline,
    split_credit,
    split_dateline,
    split_names,
    split_trailing_byline,
)
from .drafts import Block, ReadPage, Segment

BODY, TITLE, SUBTITLE, BYLINE, CLOSING, CREDIT, MARKER, JUMP, NOTE = (
    "body", "title", "subtitle", "byline", "closing", "credit", "marker", "jump", "note"
)  # fmt: skip
_MARKER = re.compile(r"^[(（](?:续|接)\S{1,3}版[)）]$")
# "(下转第2版)": the body it closes goes on on another page; the mark is no text of it.
_JUMP = re.compile(r"^[(（](?:下转|转)\S{1,3}版[)）]$")
_CLOSING = re.compile(r"^[(（][\u4e00-\u9fff· ]{2,20}[)）]$")
# "(作者系张掖市政协委员)": who wrote a signed piece, printed after its body; no text of it.
_AUTHOR_NOTE = re.compile(r"^[(（]作者[^()（）]{1,30}[)）]$")
_OPENING_CLAUSE = re.compile(r"^[^，,。；;：:！？!?]+")
_NOT_WORDS = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]")
_DEMONSTRATIVE = "这"  # "这是……", "这条小巷……": what the paragraph before told
# "……现摘编如下。": an editor's note that what follows are excerpts of what was said somewhere.
_DIGEST_NOTE = re.compile(r"(?:摘编|摘登|摘发|摘录|选登|选编|刊登|刊发|编发)如下[。：:]")
# An occasion named in full at a paragraph's opening: "在1月14日召开的……会议上，".
_OCCASION = re.compile(r"^在[^，,。；]+上[，,]")
_FINAL_FRAGMENT = re.compile(r"(?<=[。！？!?])(?P<title>[^。！？!?，,、；;]{8,40})$")
WEAK_SCORE = 0.5  # a title paired by content below this is shown to an editor
CLOSE_SECOND = 0.1  # ... and so is one whose second-best body scored within this of the best
MIN_SCORE = 0.05  # below this a title is not paired at all
HEADLINE_PREFERENCE = 0.3  # a unit naming its committee goes to the headline slot
DECK_PREFERENCE = 0.02  # a two-phrase line goes to the deck slot when the headline is taken
EVENT_PREFERENCE = 0.02  # of two lines naming no committee, the one telling an event is the headline
HEADLINE_SLOT = 0.1  # a body without a headline needs one more than a titled body needs a deck
FEATURE_SLOGAN = 0.2  # a slogan goes to a feature with no title before it goes to a body as its deck
PAIRING_WINDOW = 12  # bodies before a title that may own it
SPEAKER_LINE_MAX = 20  # characters: a paragraph no longer than one column line
FIRST_LINE_MIN = 10  # characters: a column line, longer than a section head such as "抓好协商议政"


@dataclass
class Item:
    kind: str
    text: str
    line: int
    end_line: int
    title_class: str = ""
    caption: bool = False  # a body followed by its photo credit
    column_width: float | None = None  # column layout: the width of the column it is set in


@dataclass
class Draft:
    """An article being assembled from its body paragraphs and, later, its titles."""

    paragraphs: list[str] = field(default_factory=list)
    first_line: int = 0
    last_line: int = 0
    headline: str | None = None
    kicker: str | None = None
    decks: list[str] = field(default_factory=list)
    subtitle: str | None = None
    column: str | None = None
    dateline: str | None = None
    correspondents: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    continuation: bool = False
    reprint_line: int | None = None  # column layout: the title line printed right above its mark
    feature: bool = False
    signed: bool = False  # under its author's byline ("□ 马骁"): a commentary
    closed: bool = False
    runs_on: bool = False  # begun right after another body, no title line between them
    review_reasons: list[str] = field(default_factory=list)
    ranges: list[tuple[int, int]] = field(default_factory=list)  # the article's own printed lines
    spans: list[tuple[int, int]] = field(default_factory=list)  # each paragraph's printed lines
    widths: list[float | None] = field(default_factory=list)  # each paragraph's column width

    def cover(self, line: int, end_line: int) -> None:
        self.first_line = min(self.first_line or line, line)
        self.last_line = max(self.last_line, end_line)
        self.ranges.append((line, end_line))

    def add_paragraph(self, text: str, line: int, end_line: int, width: float | None = None) -> None:
        self.paragraphs.append(text)
        self.spans.append((line, end_line))
        self.widths.append(width)
        self.cover(line, end_line)

    def run_on(self, text: str, line: int, end_line: int) -> None:
        """`text` joined to the last paragraph, of which it is the rest."""
        self.paragraphs[-1] += text
        self.spans[-1] = (self.spans[-1][0], end_line)
        self.cover(line, end_line)

    def take(self, other: Draft) -> None:
        """Another draft's paragraphs appended to this one's: both were one article."""
        for text, (line, end_line), width in zip(other.paragraphs, other.spans, other.widths, strict=True):
            self.add_paragraph(text, line, end_line, width)

    def split_off(self, start: int) -> Draft:
        """The paragraphs from `start` on, moved to a new draft: a second article this one swallowed."""
        rest = Draft()
        moving = zip(self.paragraphs[start:], self.spans[start:], self.widths[start:], strict=True)
        for text, (line, end_line), width in moving:
            rest.add_paragraph(text, line, end_line, width)
        moved = set(self.spans[start:])
        del self.paragraphs[start:], self.spans[start:], self.widths[start:]
        self.ranges = [span for span in self.ranges if span not in moved]
        self.first_line = min(line for line, _end in self.ranges)
        self.last_line = max(end for _line, end in self.ranges)
        return rest

    @property
    def text(self) -> str:
        return "\n".join([self.headline or "", self.subtitle or "", *self.decks, *self.paragraphs])


@dataclass
class TitleUnit:
    """Title lines that go to one article together: a headline with its kicker, a deck, a feature's
    title with its "——" subtitle and byline."""

    role: str  # HEADLINE or DECK
    text: str
    line: int
    end_line: int
    kicker: str | None = None
    subtitle: str | None = None
    column: str | None = None
    correspondents: list[str] = field(default_factory=list)

    @property
    def committee(self) -> str | None:
        names = (titles.committee_name(text) for text in (self.kicker, self.text, self.subtitle) if text)
        return next((name for name in names if name), None)

    @property
    def scored_text(self) -> str:
        return " ".join(text for text in (self.kicker, self.text, self.subtitle) if text)


# Blocks -> items ---------------------------------------------------------------------------------


def _title_item(text: str, line: int, end_line: int) -> Item:
    text = titles.dedupe(text)
    return Item(TITLE, text, line, end_line, titles.classify(text))


def _items_of(block: Block) -> list[Item]:
    """One block as items; a credit or title glued to the end of a caption becomes its own item."""
    text, line, end = titles.dedupe(block.text), block.line, block.end_line
    if _MARKER.match(text):
        return [Item(MARKER, text, line, end)]
    if _JUMP.match(text):
        return [Item(JUMP, text, line, end)]
    if _AUTHOR_NOTE.match(text):
        return [Item(NOTE, text, line, end)]
    if text.startswith("——"):
        return [Item(SUBTITLE, text, line, end)]
    before, photographers, after = split_credit(text)
    if photographers:
        items = [Item(BODY, before, line, end)] if before else []
        items.append(Item(CREDIT, " ".join(photographers), line, end))
        return items + ([_title_item(after, end, end)] if after and is_title_like(after) else [])
    if feature_byline(text):
        return [Item(BYLINE, text, line, end)]
    if _CLOSING.match(text) and BYLINE_LINE.match(text):
        return [Item(CLOSING, text, line, end)]
    if is_title_like(text) or text.startswith("‖"):
        return [_title_item(text, line, end)]
    glued = _FINAL_FRAGMENT.search(text)
    if glued and titles.classify(glued.group("title")) == titles.HEADLINE:
        return [Item(BODY, text[: glued.start()], line, end), _title_item(glued.group("title"), end, end)]
    return [Item(BODY, text, line, end)]


def page_items(page: ReadPage) -> list[Item]:
    items: list[Item] = []
    for block in page.blocks:
        for item in _items_of(block):
            item.column_width = block.column_width
            items.append(_joined(items.pop(), item) if items and _wraps_onto(items[-1], item) else item)
    for item, following in pairwise(items):
        item.caption = item.kind == BODY and following.kind == CREDIT
    for index, item in enumerate(items[1:], start=1):
        if item.kind == SUBTITLE and _is_dash_section_head(
            items[index - 1], item, items[index + 1 : index + 3]
        ):
            item.kind, item.title_class = TITLE, titles.classify(item.text)
    return items


def _wraps_onto(item: Item, following: Item) -> bool:
    """A title printed over two lines: the first stops where a title cannot end."""
    return (
        item.kind == following.kind == TITLE
        and not item.text.startswith("‖")
        and titles.continues_on(item.text, following.text)
        and is_title_like(item.text + following.text)
    )


def _joined(item: Item, following: Item) -> Item:
    joined = _title_item(item.text + following.text, item.line, following.end_line)
    joined.column_width = item.column_width
    return joined


def _is_dash_section_head(before: Item, item: Item, following: list[Item]) -> bool:
    """A "——" line between two paragraphs of one story heads a section of it ("——建言献策有力度"):
    a feature's "——" subtitle names its committee and is printed beside its titles and byline,
    never followed by a paragraph that goes on without opening an article."""
    after = _next_paragraph(following)
    return (
        before.kind == BODY
        and after is not None
        and not titles.committee_name(item.text)
        and not opens_with_dateline(after.text)
        and not _opens_article(after)
    )


def _next_paragraph(following: list[Item]) -> Item | None:
    """The paragraph the items `following` open with: a body, or (column layout) a line read as a
    title that is the first line of the body after it (`_is_first_line`); None for anything else.
    A body opening on its dateline ("本报X讯") has no line before it: the line is a title."""
    if following and following[0].kind == BODY:
        return following[0]
    if (
        len(following) == 2
        and _is_first_line(following[0])
        and following[1].kind == BODY
        and not opens_with_dateline(following[1].text)
    ):
        first, rest = following
        return Item(BODY, first.text + rest.text, first.line, rest.end_line, caption=rest.caption)
    return None


# Cutting bodies into articles ----------------------------------------------------------------------


def _is_section_run(run: list[Item]) -> bool:
    """Lines between two paragraphs that are a feature's section heads, not another article's titles."""
    return bool(run) and all(
        item.kind == TITLE and titles.is_section_head(item.text, item.title_class) for item in run
    )


def _starts_article(item: Item, current: Draft | None, run: list[Item], titles_first: bool) -> bool:
    """Whether a body paragraph opens a new article rather than continuing `current`.

    Title lines between two paragraphs are section heads when they look like them (no committee,
    no event) and, on pages that print titles first, only inside a feature or continuation.
    """
    if current is None or current.closed or opens_with_dateline(item.text):
        return True
    long_running = (
        current.feature or current.continuation or (not titles_first and _opens_like_a_feature(current))
    )
    if not titles_first and _is_lone_line(run) and not _opens_article(item):
        return False
    if not titles_first and _headline_over_lead(run, item):
        return True
    if run and (not _is_section_run(run) or (titles_first and not long_running)):
        return True
    if run and _titles_the_story_before(run, item):
        return True
    if not titles_first and not run and _introduces_digest(item.text):
        return True
    if titles.refers_back(item.text):
        return False
    dated = titles.opens_with_date(item.text)
    if dated and _changes_column(current, item):
        return True
    committee = titles.opening_committee(item.text)
    if committee and titles.mentions_committee(committee, current.text):
        return False
    if dated:
        return bool(committee) or not (long_running or run or _quoted_only(current))
    return bool(committee) and not long_running and not titles.opens_on_a_list(item.text)


def _changes_column(current: Draft, item: Item) -> bool:
    """Column layout: whether a paragraph is set in a column of another width than the paragraph
    before it, both widths known. A lead opening on its date there opens another article, even one
    about the same committee (a continued story, then a report of its committee's meeting)."""
    before = current.widths[-1] if current.widths else None
    return (
        before is not None
        and item.column_width is not None
        and abs(item.column_width - before) >= WIDTH_CHANGE
    )


def _headline_over_lead(run: list[Item], item: Item) -> bool:
    """Column layout: a title line wider than the column of the lead opening on its date after it
    is a headline set in its own type, the story's before (titles follow their bodies), however
    much that story and the lead share a committee: a section head is set in its column, and a
    numbered one ("一、……") may run long."""
    width = item.column_width
    return (
        width is not None
        and titles.opens_with_date(item.text)
        and any(
            head.kind == TITLE
            and not SECTION_NUMBER.match(head.text)
            and display_width(head.text) >= width + WIDTH_CHANGE
            for head in run
        )
    )


def _quoted_only(draft: Draft) -> bool:
    """Whether a story's one paragraph so far is a quote ("本报X讯 “……。”"): a lead opening on
    what someone said tells when and where next, so a paragraph opening on a date is the rest of
    that lead (a column line that a closing quote ends may fall short of its column)."""
    return len(draft.paragraphs) == 1 and _opens_on_a_quote(draft.paragraphs[0])


def _introduces_digest(paragraph: str) -> bool:
    """A paragraph naming an occasion in full and announcing excerpts of what was said there
    ("在1月14日召开的……会议上，5位常委作大会发言。现摘编如下。") is the note opening a digest: a
    column page prints the digest right after the report of the occasion, with no title between.
    A story's own paragraph announcing excerpts refers back to it ("会上，……现摘编如下。")."""
    return bool(_OCCASION.match(paragraph) and _DIGEST_NOTE.search(paragraph))


def digest_start(paragraphs: list[str]) -> int | None:
    """Where a digest begins inside a story's paragraphs: at its note (`_introduces_digest`), which
    reflowing may have cut before its last sentence ("……作大会发言。" / "现摘编如下。"); or None."""
    for index in range(1, len(paragraphs)):
        if _introduces_digest(paragraphs[index]):
            return index
        if index > 1 and _introduces_digest(paragraphs[index - 1] + paragraphs[index]):
            return index - 1
    return None


def _titles_the_story_before(run: list[Item], item: Item) -> bool:
    """A title naming a committee by its level ("省政协调研组赴……") before a paragraph opening on
    its date is the story before's: a feature's section heads name no committee."""
    return titles.opens_with_date(item.text) and any(
        head.kind == TITLE and titles.names_by_level(head.text) for head in run
    )


def _news_committees(draft: Draft) -> list[str]:
    """The committees a news story is about by its opening: the dateline's place, the lead's subject."""
    if not draft.paragraphs or not (draft.dateline or titles.opens_with_date(draft.paragraphs[0])):
        return []
    return [name for name in (draft.dateline, titles.opening_committee(draft.paragraphs[0])) if name]


def _opens_on_a_quote(paragraph: str) -> bool:
    return paragraph.startswith(("“", '"', "「"))


def _opens_a_scene(paragraphs: list[str], index: int, earliest: int) -> bool:
    """Whether a paragraph between a news story and a feature's first paragraph naming its committee
    reads as the feature's opening: a quote, the speaker of the quote before it set on a line of
    its own ("种植户老杨高兴地说。"), or a scene whose opening words share not one character with
    the paragraphs before it ("清晨，"): a story's later paragraph speaks of what it has already
    named ("会上，", "视察组建议，"). A paragraph opening on "这" speaks of the one before it
    ("这条小巷的变化，源于……"): it opens the feature with that one, if that one may (from `earliest`)."""
    paragraph = paragraphs[index]
    if _opens_on_a_quote(paragraph):
        return True
    if paragraph.startswith(_DEMONSTRATIVE) and index > earliest:
        return _opens_a_scene(paragraphs, index - 1, earliest)
    if len(paragraph) <= SPEAKER_LINE_MAX and _opens_on_a_quote(paragraphs[index - 1]):
        return True
    opening = _OPENING_CLAUSE.match(paragraph)
    return bool(opening) and not set(_bare(opening.group())) & set(_bare("".join(paragraphs[:index])))


def _bare(text: str) -> str:
    return _NOT_WORDS.sub("", text)


def feature_start(
    paragraphs: list[str], news: list[str], subtitle: str, widths: Sequence[float | None] = ()
) -> int | None:
    """Where a feature begins inside the paragraphs of a news story about the committees `news`,
    or None when it does not.

    The feature's subtitle names its committee ("——安定区政协……小记"). The feature begins at the
    first paragraph naming that committee and not the story's own, or at its first section head if
    sooner, and not before the story last names its own committee. In between, the one place where
    the column width changes (`widths`, per paragraph, column layout) is where it begins; failing
    that, a feature opening on a scene takes the paragraphs just before that read as its opening
    (`_opens_a_scene`), which name nobody. A subtitle naming no other committee may be a digest's,
    which begins at its note (`digest_start`).
    """
    if not news:
        return None
    feature = titles.committee_name(subtitle)
    if not feature or any(titles.mentions_committee(feature, name) for name in news):
        # A digest's subtitle names the meeting it excerpts by level ("——市政协……大会发言摘编").
        return digest_start(paragraphs)

    def names_news(paragraph: str) -> bool:
        return any(titles.mentions_committee(name, paragraph) for name in news)

    heads = [index for index in range(1, len(paragraphs)) if is_title_like(paragraphs[index])]
    firsts = [
        index
        for index in range(1, len(paragraphs))
        if titles.mentions_committee(feature, paragraphs[index]) and not names_news(paragraphs[index])
    ]
    candidates = firsts[:1] + heads[:1]
    if not candidates:
        return None
    start = min(candidates)
    earliest = 1 + max((index for index in range(start) if names_news(paragraphs[index])), default=0)
    changes = _column_changes(widths, range(earliest, start + 1))
    if len(changes) == 1:
        return changes[0]
    while start > earliest and _opens_a_scene(paragraphs, start - 1, earliest):
        start -= 1
    return start


def _column_changes(widths: Sequence[float | None], cuts: range) -> list[int]:
    """The cuts (paragraph indexes) at which the column width changes between the paragraphs on
    either side, both of known width: where one article's column gives way to another's."""
    return [
        cut
        for cut in cuts
        if 0 < cut < len(widths)
        and widths[cut - 1] is not None
        and widths[cut] is not None
        and abs(widths[cut] - widths[cut - 1]) >= WIDTH_CHANGE
    ]


def _add_section_heads(draft: Draft, heads: list[Item]) -> None:
    for head in heads:
        draft.add_paragraph(head.text, head.line, head.end_line)
    draft.feature = draft.feature or bool(heads)


def _is_first_line(head: Item) -> bool:
    """A title-like line as long as a column line, one phrase, no section mark ("‖", "一、"): a
    paragraph's start. A numbered section head is set alone, however long ("一、围绕中心建言献策")."""
    return (
        head.title_class in (titles.PLAIN, titles.HEADLINE)
        and len(head.text) >= FIRST_LINE_MIN
        and " " not in head.text
        and not head.text.startswith("‖")
        and not SECTION_NUMBER.match(head.text)
    )


def _heads_a_section(run: list[Item]) -> bool:
    """Nothing, or one "——" section head: what may come before a paragraph's first line read as a title."""
    return not run or (len(run) == 1 and run[0].text.startswith("——"))


def _opens_like_a_feature(draft: Draft) -> bool:
    """Column layout: a story begun with neither dateline nor date (a scene, a quote) is a feature,
    whose titles and "——" subtitle come only after its whole body."""
    return not draft.dateline and bool(draft.paragraphs) and not titles.opens_with_date(draft.paragraphs[0])


def _is_lone_line(run: list[Item]) -> bool:
    """Column layout: one title-like line between two paragraphs, where titles come in runs
    after their bodies; unless an article visibly opens after it, it is running text."""
    if len(run) != 1 or run[0].kind != TITLE:
        return False
    return run[0].title_class != titles.KICKER and not titles.is_full_headline(run[0].text)


def _is_top_byline(run: list[Item]) -> bool:
    """Column layout: a run ending on a byline not printed after a "——" subtitle ends on the byline
    heading the next body ("□ 本报记者 …" over a 通讯): a feature's byline under its subtitle follows
    its body, and the titles before the byline are earlier bodies' (a photo's title)."""
    return bool(run) and run[-1].kind == BYLINE and (len(run) == 1 or run[-2].kind != SUBTITLE)


def _opens_article(item: Item) -> bool:
    return item.caption or bool(titles.opens_with_date(item.text) or titles.opening_committee(item.text))


class PageCutter:
    """One pass over a page's items: bodies become Drafts, title lines are collected in runs."""

    def __init__(self, titles_first: bool) -> None:
        self.titles_first = titles_first
        self.drafts: list[Draft] = []
        self.runs: list[list[Item]] = []
        self.run: list[Item] = []

    @property
    def current(self) -> Draft | None:
        return self.drafts[-1] if self.drafts else None

    def feed(self, item: Item) -> None:
        if item.kind == BODY:
            self._body(item)
        elif item.kind == CREDIT and self.current and not self.run:
            self.current.photographers += split_names(item.text)
            self.current.cover(item.line, item.end_line)
            self.current.closed = True
        elif item.kind == JUMP and self.current:
            self.current.cover(item.line, item.end_line)
            self.current.closed = True
        elif item.kind == NOTE and self.current:
            self.current.cover(item.line, item.end_line)
            self.current.signed = self.current.closed = True
        elif item.kind == CLOSING and self.current and not self.run:
            self.current.correspondents += split_trailing_byline(item.text)[1]
            self.current.cover(item.line, item.end_line)
            self.current.closed = True
        elif item.kind == SUBTITLE and self._follows_body():
            self._split_off_feature(item.text)
            self._close_feature(item)
        elif item.kind == BYLINE and self._follows_subtitle():
            self.current.correspondents += feature_byline(item.text)
            self.current.cover(item.line, item.end_line)
        else:
            self.run.append(item)

    def _follows_body(self) -> bool:
        """Column layout: a feature's "——" subtitle and byline are printed right after its body,
        before any title line; on pages printing titles first they head the next body."""
        return not self.titles_first and not self.run and bool(self.current) and not self.current.closed

    def _follows_subtitle(self) -> bool:
        """A byline printed after a feature's subtitle, before any title line."""
        current = self.current
        return not self.titles_first and not self.run and bool(current and current.subtitle)

    def _close_feature(self, subtitle: Item) -> None:
        """The subtitle is its body's, whose other titles may come in any later run; it ends the body."""
        draft = self.current
        draft.subtitle = subtitle.text
        draft.feature = draft.closed = True
        draft.cover(subtitle.line, subtitle.end_line)

    def finish(self) -> None:
        if self.run:
            self.runs.append(self.run)
            self.run = []

    def _body(self, item: Item) -> None:
        run, self.run = self.run, []
        current = self.current
        if not _starts_article(item, current, run, self.titles_first):
            item = self._keep_in_body(current, run, item)
        else:
            current = Draft(runs_on=not run, column=self._brief_label(run, item))
            self.drafts.append(current)
            if self.titles_first:
                apply_titles_in_place(current, run)
            else:
                self._titles_after(current, run)
        if not current.paragraphs:
            self._open(current, item)
        elif _quoted_only(current) and titles.opens_with_date(item.text):
            current.run_on(item.text, item.line, item.end_line)  # the lead goes on after its quote
        else:
            current.add_paragraph(item.text, item.line, item.end_line, item.column_width)
        # A news story's trailing byline "(孙伟)" is its last word: what follows is another story.
        current.closed = current.closed or bool(split_trailing_byline(item.text)[1])

    def _brief_label(self, run: list[Item], item: Item) -> str | None:
        """Paragraph layout: a brief opening on its date right after an untitled brief under a
        column label ("简讯") is one more brief of that block, under the same label."""
        previous = self.current
        if not self.titles_first or run or previous is None or previous.headline:
            return None
        return previous.column if titles.opens_with_date(item.text) else None

    def _keep_in_body(self, draft: Draft, run: list[Item], item: Item) -> Item:
        """Section heads stay paragraphs of the running body; on a column page a lone line read as a
        title (or one after a "——" section head) but continued by the next paragraph was that
        paragraph's first line."""
        if not self.titles_first and run and _is_first_line(run[-1]) and _heads_a_section(run[:-1]):
            head = run[-1]
            _add_section_heads(draft, run[:-1])
            draft.cover(head.line, head.end_line)
            return Item(BODY, head.text + item.text, head.line, item.end_line, column_width=item.column_width)
        _add_section_heads(draft, run)
        return item

    def _titles_after(self, draft: Draft, run: list[Item]) -> None:
        """Column layout: the titles before a continuation mark belong to bodies already printed,
        but for the one right above the mark, which may be the continued story's reprinted headline
        (`_may_reprint`); the lines after it open the continued body (its section heads). A byline
        right before the body is the body's own (`_is_top_byline`)."""
        if _is_top_byline(run):
            _take_top_byline(draft, run[-1:])
            draft.cover(run[-1].line, run[-1].end_line)
            run = run[:-1]
        marker = next((index for index, head in enumerate(run) if head.kind == MARKER), None)
        if marker is not None:
            draft.continuation = True
            draft.cover(run[marker].line, run[marker].end_line)
            if marker and run[marker - 1].kind == TITLE:
                draft.reprint_line = run[marker - 1].line
            _add_section_heads(draft, [head for head in run[marker + 1 :] if head.kind == TITLE])
            run = run[:marker]
        if run:
            self.runs.append(run)

    def _split_off_feature(self, subtitle: str) -> None:
        """Column layout: a feature's "——" subtitle follows its body at once, so a news story printed
        just before the feature with no titles between them may hold the feature's opening
        paragraphs, or the feature's cut may have fallen inside the story's last ones."""
        story = self._story_before_feature()
        if story is None:
            return
        paragraphs = story.paragraphs + (self.current.paragraphs if story is not self.current else [])
        widths = story.widths + (self.current.widths if story is not self.current else [])
        start = feature_start(paragraphs, _news_committees(story), subtitle, widths)
        if start is None:
            return
        if story is not self.current:
            story.take(self.drafts.pop())
        feature = story.split_off(start)
        feature.feature, story.feature = True, False
        self.drafts.append(feature)

    def _story_before_feature(self) -> Draft | None:
        """The news story a feature may have begun in: the current body, or the one before it when
        the current body opened with no dateline right after it, no title line between them."""
        current = self.current
        if current is None or current.continuation or current.closed:
            return None
        if _news_committees(current):
            return current
        previous = self.drafts[-2] if len(self.drafts) > 1 and current.runs_on else None
        if previous and not (previous.continuation or previous.closed) and _news_committees(previous):
            return previous
        return None

    def _open(self, draft: Draft, item: Item) -> None:
        place, names, text = split_dateline(item.text)
        draft.dateline = place
        draft.correspondents += names
        draft.add_paragraph(text, item.line, item.end_line, item.column_width)


# Titles printed before their body ----------------------------------------------------------------


def apply_titles_in_place(draft: Draft, run: list[Item]) -> None:
    """Paragraph layout: the run of title lines right before a body is that body's titles."""
    if any(item.kind == MARKER for item in run):
        draft.continuation = True
        marker = next(index for index, item in enumerate(run) if item.kind == MARKER)
        for item in run[marker + 1 :]:
            if item.kind == TITLE:
                draft.add_paragraph(item.text, item.line, item.end_line)
        draft.feature = draft.feature or len(run) > marker + 1
        run = run[:marker]
    units = title_units(run, titles_first=True)
    for unit in units:
        attach(draft, unit)
    if not any(unit.subtitle for unit in units):
        _take_top_byline(draft, run)
    for item in run:
        draft.cover(item.line, item.end_line)


def _take_top_byline(draft: Draft, run: list[Item]) -> None:
    """A byline printed under a title with no "——" subtitle ("□ 本报记者 …"; column layout: right
    before the body) heads a 通讯, a long story whose unnumbered section heads stay in its body;
    an author's byline ("□ 马骁") heads a commentary."""
    bylines = [item.text for item in run if item.kind == BYLINE]
    names = [name for byline in bylines for name in feature_byline(byline)]
    draft.correspondents += names
    draft.feature = draft.feature or bool(names)
    draft.signed = draft.signed or any(map(is_author_byline, bylines))


def _feature_title(run: list[Item], subtitle_index: int, titles_first: bool) -> int | None:
    """Index of a feature's main title: printed just above its "——" line, or (column layout) after
    it, where a two-phrase slogan is the title and a one-phrase banner its column label."""
    before = [i for i in range(subtitle_index) if run[i].kind == TITLE]
    after = [i for i in range(subtitle_index + 1, len(run)) if run[i].kind == TITLE]
    if titles_first:
        return before[-1] if before else (after[0] if after else None)
    slogans = [i for i in after if run[i].title_class == titles.DECK]
    return (slogans or after or before[-1:] or [None])[0]


def title_units(
    run: list[Item], titles_first: bool, fit: Callable[[str], float] | None = None
) -> list[TitleUnit]:
    """Group a run of title lines into units that each go to one article. `fit` (column layout):
    how well a headline's text tells one of the page's bodies, for a kicker between two titles."""
    used: set[int] = set()
    units: list[TitleUnit] = []
    for index, item in enumerate(run):
        if item.kind == SUBTITLE:
            units.append(_feature_unit(run, index, titles_first, used))
    for index, item in enumerate(run):
        if item.kind == TITLE and item.title_class == titles.KICKER and index not in used:
            units.append(_kicker_unit(run, index, titles_first, used, fit))
    labels = _labels(run)
    for index, item in enumerate(run):
        if index in used or item.kind != TITLE or index in labels:
            continue
        role = titles.DECK if item.title_class == titles.DECK else titles.HEADLINE
        units.append(TitleUnit(role, item.text, item.line, item.end_line))
        used.add(index)
    _attach_labels(run, units, used, titles_first)
    if titles_first:
        _settle_roles(units)
    return units


def _labels(run: list[Item]) -> set[int]:
    """Indexes of a run's column labels: lines too short for anything else, and short one-phrase
    lines in a run holding a headline that names its committee (`titles.may_label`)."""
    beside_headline = any(item.kind == TITLE and titles.names_its_committee(item.text) for item in run)
    return {
        index
        for index, item in enumerate(run)
        if item.kind == TITLE
        and (
            item.title_class == titles.COLUMN
            or (beside_headline and titles.may_label(item.text, item.title_class))
        )
    }


def _feature_unit(run: list[Item], index: int, titles_first: bool, used: set[int]) -> TitleUnit:
    subtitle = run[index]
    main = _feature_title(run, index, titles_first)
    used.add(index)
    unit = TitleUnit(titles.HEADLINE, "", subtitle.line, subtitle.end_line, subtitle=subtitle.text)
    if main is not None:
        used.add(main)
        unit.text, unit.line = run[main].text, min(unit.line, run[main].line)
        unit.end_line = max(unit.end_line, run[main].end_line)
    for byline_index, item in enumerate(run):
        if item.kind == BYLINE and byline_index not in used:
            used.add(byline_index)
            unit.correspondents += feature_byline(item.text)
            unit.end_line = max(unit.end_line, item.end_line)
    if not titles_first and main is not None and run[main].title_class == titles.DECK:
        _take_banner(run, main, unit, used)
    return unit


def _take_banner(run: list[Item], main: int, unit: TitleUnit, used: set[int]) -> None:
    """Column layout: a one-phrase line printed next to a feature's slogan title is its banner."""
    for other in (main - 1, main + 1):
        if 0 <= other < len(run) and other not in used and run[other].title_class == titles.PLAIN:
            used.add(other)
            unit.column = run[other].text
            unit.line, unit.end_line = (
                min(unit.line, run[other].line),
                max(unit.end_line, run[other].end_line),
            )
            return


def _kicker_unit(
    run: list[Item], index: int, titles_first: bool, used: set[int], fit: Callable[[str], float] | None = None
) -> TitleUnit:
    """A kicker and the title it is printed with: below it (paragraph layout) or above it (column).

    Column layout: between two events naming no committee ("扎实开展……教育" / "庆阳市政协" /
    "召开……会议"), one is the title above's deck; the kicker goes with the one that, under its
    committee's name, tells a body best (`fit`), the one above when neither does better."""
    kicker = run[index]
    used.add(index)
    order = (index + 1, index - 1) if titles_first else (index - 1, index + 1)
    if titles_first and _deck_between(run, index):
        order = (index + 2, *order)
    candidates = [
        other
        for other in order
        if 0 <= other < len(run)
        and other not in used
        and run[other].kind == TITLE
        and run[other].title_class not in (titles.KICKER, titles.COLUMN)
    ]
    if not candidates:
        return TitleUnit(titles.HEADLINE, kicker.text, kicker.line, kicker.end_line)
    if fit and len(candidates) == 2 and all(map(_tells_unnamed_event, (run[other] for other in candidates))):
        candidates.sort(key=lambda other: -fit(kicker.text + run[other].text))
    used.add(candidates[0])
    title = run[candidates[0]]
    line, end = min(title.line, kicker.line), max(title.end_line, kicker.end_line)
    return TitleUnit(titles.HEADLINE, kicker.text + title.text, line, end, kicker=kicker.text)


def _tells_unnamed_event(item: Item) -> bool:
    return item.title_class == titles.HEADLINE and not titles.committee_name(item.text)


def _deck_between(run: list[Item], kicker: int) -> bool:
    """Paragraph layout: whether a deck is printed between a kicker and its title, the line after
    the kicker a slogan (no committee, no event) and the one after that an event's title that names
    no committee of its own ("张掖市政协" / "做优做强……" / "召开……会议")."""
    deck, title = run[kicker + 1 : kicker + 2], run[kicker + 2 : kicker + 3]
    return (
        bool(deck and title)
        and deck[0].title_class in (titles.PLAIN, titles.DECK)
        and title[0].title_class == titles.HEADLINE
        and not titles.names_its_committee(title[0].text)
    )


def _attach_labels(run: list[Item], units: list[TitleUnit], used: set[int], titles_first: bool) -> None:
    """Column labels, and a banner printed above a feature's title, go to the nearest headline; of
    two as near, the one below on pages printing titles first (the label heads its article), else
    the one above (column pages print the label after its headline)."""

    def distance(unit: TitleUnit, line: int) -> tuple[int, bool]:
        return abs(unit.line - line), (unit.line < line) == titles_first

    for index, item in enumerate(run):
        if index in used or item.kind != TITLE:
            continue
        # With no headline in the run a label goes with a slogan title: a feature's (column layout).
        owners = [unit for unit in units if unit.role == titles.HEADLINE] or units
        if not owners:
            # Paragraph layout: a label alone over a body heads a block of untitled briefs ("简讯").
            role = titles.COLUMN if titles_first else titles.HEADLINE
            units.append(TitleUnit(role, item.text, item.line, item.end_line))
            continue
        unit = min(owners, key=lambda unit: distance(unit, item.line))
        unit.column = item.text
        unit.line, unit.end_line = min(unit.line, item.line), max(unit.end_line, item.end_line)


def _settle_roles(units: list[TitleUnit]) -> None:
    """Paragraph layout: a feature's banner is its column label; beside a headline naming its
    committee, a line naming none is the deck, printed above the headline or below it, a slogan
    or an event ("扎实开展……活动"); with no headline, a deck is one."""
    features = [unit for unit in units if unit.subtitle]
    for feature in features:
        for unit in units:
            if unit is not feature and unit.role == titles.HEADLINE and unit.line < feature.line:
                feature.column = feature.column or unit.text
                unit.role = titles.COLUMN
    if any(unit.role == titles.HEADLINE and _names_committee(unit) for unit in units):
        for unit in units:
            if unit.role == titles.HEADLINE and not _names_committee(unit) and not unit.subtitle:
                unit.role = titles.DECK
    titled = [unit for unit in units if unit.role != titles.COLUMN]
    if titled and not any(unit.role == titles.HEADLINE for unit in titled):
        titled[0].role = titles.HEADLINE


def _names_committee(unit: TitleUnit) -> bool:
    return bool(unit.kicker or unit.committee)


def attach(draft: Draft, unit: TitleUnit) -> None:
    """Give an article a title unit's parts."""
    if unit.role == titles.DECK or (unit.role == titles.HEADLINE and draft.headline and not unit.subtitle):
        draft.decks.append(unit.text)
    elif unit.role == titles.HEADLINE:
        if draft.headline:
            draft.decks.append(draft.headline)
        draft.headline, draft.kicker = unit.text or None, unit.kicker
        draft.subtitle = unit.subtitle or draft.subtitle
        draft.feature = draft.feature or bool(unit.subtitle or unit.correspondents)
    draft.column = draft.column or unit.column or (unit.text if unit.role == titles.COLUMN else None)
    draft.correspondents += unit.correspondents
    draft.cover(unit.line, unit.end_line)


# Titles printed after the bodies -------------------------------------------------------------------


def pair_by_content(drafts: list[Draft], runs: list[list[Item]]) -> list[TitleUnit]:
    """Give each body the title units that say what it says; returns the units no body took.

    Each body has a headline slot and a deck slot. A unit naming a committee is a headline; a line
    without one may be either (a one-phrase deck looks like a headline). The assignment is solved
    for the page as a whole, so that one title's best body does not rob another title of its only
    good one. Titles are printed after their bodies, so only bodies printed before a title, and
    at most PAIRING_WINDOW of them, are candidates.
    """
    # The dateline is the body's first words: "本报临夏讯" names the place its "县政协" is in.
    profiles = [
        titles.BodyProfile.of("\n".join([draft.dateline or "", *draft.paragraphs])) for draft in drafts
    ]

    def fit(text: str) -> float:
        name = titles.committee_name(text)
        return max((titles.match_score(text, profile, name) for profile in profiles), default=0.0)

    in_runs = [(unit, run) for run in runs for unit in title_units(run, False, fit)]
    units = [unit for unit, _run in in_runs]
    if not units or not drafts:
        return units
    scores = [_unit_scores(unit, drafts, profiles) for unit in units]
    # A feature's "——" subtitle stands where a deck would: its body takes no deck.
    featured = {d for d, draft in enumerate(drafts) if draft.subtitle} | {
        max(range(len(drafts)), key=row.__getitem__)
        for unit, row in zip(units, scores, strict=True)
        if unit.subtitle
    }
    # A continued story reprints its headline alone, over its mark: it takes no deck either.
    deckless = featured | {d for d, draft in enumerate(drafts) if draft.continuation}
    roles = (titles.HEADLINE, titles.DECK)
    slots = [
        (d, role) for d in range(len(drafts)) for role in roles if not (role == titles.DECK and d in deckless)
    ]
    untitled = {d for d in featured if not drafts[d].headline}
    # A body's titles are printed in the first run after it: only there may a slogan title a feature.
    untitled_by_run = {
        id(run): {d for d in untitled if _first_run_after(drafts[d], runs) is run} for run in runs
    }
    sloganless = {id(run): _in_sloganless_run(run) for run in runs}
    cost = [
        [-_slot_score(unit, role, _feature_title_score(
            unit, drafts[d], row[d], d in untitled_by_run[id(run)], role, sloganless[id(run)]))
         for d, role in slots]
        + [0.0] * len(units)
        for (unit, run), row in zip(in_runs, scores, strict=True)
    ]  # fmt: skip
    unpaired = []
    owners: dict[int, Draft] = {}
    for u, column in enumerate(titles.best_assignment(cost)):
        if column >= len(slots) or cost[u][column] >= 0:
            unpaired.append(units[u])
            continue
        d, role = slots[column]
        unit = units[u]
        if role == titles.DECK:
            unit.role = titles.DECK
        attach(drafts[d], unit)
        owners[id(unit)] = drafts[d]
        _review_pairing(drafts[d], scores[u][d], sorted(scores[u], reverse=True))
    unpaired = _decks_of_one_body_runs(unpaired, in_runs, owners)
    for draft in drafts:
        if not draft.headline and draft.decks:
            draft.headline = draft.decks.pop(0)
    return _give_banners(drafts, unpaired, in_runs)


def _decks_of_one_body_runs(
    unpaired: list[TitleUnit], in_runs: list[tuple[TitleUnit, list[Item]]], owners: dict[int, Draft]
) -> list[TitleUnit]:
    """A two-phrase slogan sharing too few words with any body is still a deck when every other
    title of its run went to one body with a headline and no deck: a run holds the titles of the
    bodies printed since the run before, here one. Returns the units still unpaired."""
    run_units: dict[int, list[TitleUnit]] = {}
    for unit, run in in_runs:
        run_units.setdefault(id(run), []).append(unit)
    waiting = {id(unit) for unit in unpaired}
    left = []
    for unit, run in in_runs:
        if id(unit) not in waiting:
            continue
        others = [other for other in run_units[id(run)] if other is not unit]
        homes = {id(owners.get(id(other))) for other in others}
        owner = owners.get(id(others[0])) if others else None
        slogan = unit.role == titles.DECK and not unit.committee and not unit.subtitle
        if (
            slogan
            and owner
            and homes == {id(owner)}
            and owner.headline
            and not (owner.decks or owner.subtitle)
        ):
            attach(owner, unit)
        else:
            left.append(unit)
    return left


def _first_run_after(draft: Draft, runs: list[list[Item]]) -> list[Item] | None:
    """The first run of title lines printed after a body: where its titles are printed, as the
    titles of every body printed since the run before it are printed together."""
    return next((run for run in runs if run[0].line > draft.last_line), None)


def _in_sloganless_run(run: list[Item]) -> bool:
    """Whether a run holds no two-phrase slogan naming no committee: where one is printed, it is the
    feature's title and a one-phrase line beside it its banner."""
    slogans = (
        item for item in run if item.title_class == titles.DECK and not titles.committee_name(item.text)
    )
    return next(slogans, None) is None


def _feature_title_score(
    unit: TitleUnit, draft: Draft, score: float, untitled: bool, role: str, sloganless: bool = False
) -> float:
    """A two-phrase slogan is how features are titled: a feature with no title yet takes one
    printed after it even when the slogan shares few words with its body. With no slogan in that
    run (`sloganless`), its title is a one-phrase line naming no committee ("把论文写在高原牧场上"),
    and a figure of speech shares few words too."""
    slogan = (unit.role == titles.DECK or sloganless) and not unit.committee and draft.first_line <= unit.line
    return (
        max(score, MIN_SCORE) + FEATURE_SLOGAN if untitled and slogan and role == titles.HEADLINE else score
    )


def _give_banners(
    drafts: list[Draft], unpaired: list[TitleUnit], in_runs: list[tuple[TitleUnit, list[Item]]]
) -> list[TitleUnit]:
    """A one-phrase line printed next to a feature's slogan title, and paired with nothing, is the
    feature's banner (column label); returns the units still unpaired."""
    featured = {
        draft.headline: draft for draft in drafts if draft.subtitle and draft.headline and not draft.column
    }
    run_of = {id(unit): run for unit, run in in_runs}
    left = []
    for unit in unpaired:
        run = run_of[id(unit)]
        lines = [item.line for item in run]
        index = lines.index(unit.line) if unit.line in lines else None
        neighbours = [run[i].text for i in (index - 1, index + 1) if index is not None and 0 <= i < len(run)]
        owner = next((featured[text] for text in neighbours if text in featured), None)
        if owner and titles.classify(unit.text) == titles.PLAIN:
            owner.column = unit.text
            owner.cover(unit.line, unit.end_line)
            del featured[owner.headline]
        else:
            left.append(unit)
    return left


def _unit_scores(unit: TitleUnit, drafts: list[Draft], profiles: list[titles.BodyProfile]) -> list[float]:
    """The unit's content score against each body printed before it (0 for the others)."""
    before = [
        d for d, draft in enumerate(drafts) if draft.first_line <= unit.line or _may_reprint(unit, draft)
    ][-PAIRING_WINDOW:]
    row = [0.0] * len(drafts)
    for d in before:
        row[d] = titles.match_score(unit.scored_text, profiles[d], unit.committee)
    return row


def _may_reprint(unit: TitleUnit, draft: Draft) -> bool:
    """Whether a unit printed right above a continuation mark may be the continued story's headline,
    reprinted over its body: the body is printed after it, yet may own it; content decides."""
    return draft.reprint_line is not None and unit.line <= draft.reprint_line <= unit.end_line


def _slot_score(unit: TitleUnit, role: str, score: float) -> float:
    """A content score adjusted for the slot; 0 rules the pair out.

    A unit naming a committee, with a kicker or with a feature's subtitle is a headline; filling
    an empty headline slot counts more than adding a deck; of one body's two slots a two-phrase
    line prefers the deck.
    """
    if score < MIN_SCORE:
        return 0.0
    strong = bool(unit.committee or unit.kicker or unit.subtitle)
    deck_line = unit.role == titles.DECK
    if role == titles.DECK:
        return 0.0 if strong else score + (DECK_PREFERENCE if deck_line else 0.0)
    preference = HEADLINE_PREFERENCE if strong else EVENT_PREFERENCE if titles.tells_event(unit.text) else 0.0
    return score + HEADLINE_SLOT + preference - (DECK_PREFERENCE if deck_line else 0.0)


def _review_pairing(draft: Draft, score: float, ranked: list[float]) -> None:
    second = ranked[1] if len(ranked) > 1 else 0.0
    if score < WEAK_SCORE or score - second < CLOSE_SECOND:
        draft.review_reasons.append(f"标题按内容匹配，得分 {score:.2f}")


def _report_unpaired(drafts: list[Draft], units: list[TitleUnit]) -> None:
    """A title that no body on the page pairs with is not an article; the nearest article
    carries it as a review reason, so an editor sees it and can place it."""
    for unit in units:
        nearest = min(drafts, key=lambda draft: _distance(draft, unit.line))
        text = " ".join(filter(None, [unit.column, unit.kicker and unit.text, unit.text or unit.subtitle]))
        nearest.review_reasons.append(f"未配对的标题：{text}")


def _distance(draft: Draft, line: int) -> int:
    """Lines between `line` and the nearest of the article's own lines."""
    return min(
        0 if start <= line <= end else min(abs(start - line), abs(end - line)) for start, end in draft.ranges
    )


# Drafts -> segments --------------------------------------------------------------------------------


def _kind(draft: Draft) -> str:
    if draft.photographers:
        return "photo"
    if draft.signed or (draft.column and any(label in draft.column for label in titles.COMMENTARY_LABELS)):
        return "commentary"
    # A story run on from another page with no title reprinted here is a long one: a feature.
    return "feature" if draft.feature or (draft.continuation and not draft.headline) else "news"


def to_segment(draft: Draft, raw_lines: tuple[str, ...]) -> Segment:
    paragraphs = [paragraph for paragraph in draft.paragraphs if paragraph]
    correspondents = list(draft.correspondents)
    if paragraphs:
        paragraphs[-1], trailing = split_trailing_byline(paragraphs[-1])
        correspondents += trailing
        paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    return Segment(
        paragraphs=paragraphs,
        headline=draft.headline,
        kicker=draft.kicker,
        subtitle="\n".join(filter(None, [draft.subtitle, *draft.decks])) or None,
        column=draft.column,
        kind=_kind(draft),
        dateline=draft.dateline,
        correspondents=correspondents,
        photographers=draft.photographers,
        continuation=draft.continuation,
        first_line=draft.first_line,
        last_line=draft.last_line,
        line_ranges=_merged(draft.ranges, raw_lines),
        review_reasons=draft.review_reasons,
    )


def _merged(ranges: list[tuple[int, int]], raw_lines: tuple[str, ...]) -> list[tuple[int, int]]:
    """Line ranges in file order, made one where only blank lines lie between them."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and not any(line.strip() for line in raw_lines[merged[-1][1] : start - 1]):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _titles_first(first: Item, items: list[Item], layout: str) -> bool:
    """Whether the page prints titles before their bodies: it opens on a title. A continuation
    mark opens the continued body in either layout (under a reprinted title or over nothing, and
    followed by its section heads), so a page opening on one, its reprinted title above it or not,
    goes by its layout: the title above the mark says nothing of how the rest of the page is set."""
    opening = next(item for item in items if item.kind not in (CREDIT, TITLE))
    if opening.kind == MARKER:
        return layout == PARAGRAPH
    return first.kind != BODY


def segment_page(page: ReadPage) -> list[Segment]:
    """Cut a page into articles in printed order of their bodies; [] when it holds none."""
    items = page_items(page)
    first = next((item for item in items if item.kind != CREDIT), None)
    if first is None or not any(item.kind == BODY for item in items):
        return []
    cutter = PageCutter(titles_first=_titles_first(first, items, page.layout))
    for item in items:
        cutter.feed(item)
    cutter.finish()
    drafts = cutter.drafts
    if cutter.titles_first:
        unpaired = [unit for run in cutter.runs for unit in title_units(run, True)]
    else:
        unpaired = pair_by_content(drafts, cutter.runs)
    _report_unpaired(drafts, unpaired)
    ordered = sorted(drafts, key=lambda draft: draft.first_line)
    return [to_segment(draft, page.raw_lines) for draft in ordered]
