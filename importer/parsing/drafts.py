"""Values passed between the importer's stages: pure data, no ORM.

reading/  -> ReadPage (blocks of reflowed text)
parsing/  -> Segment (one article's text parts) -> ArticleDraft (with extracted facts) -> PageDraft
loading.py writes PageDraft to the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Block:
    """A logical line of a page after reflow: a paragraph, a title line, a byline, a marker.

    `line` is the 1-based line number in the file where the block starts (for error messages and
    for slicing the source text an editor sees); `gap_before` counts the blank lines before it.
    `column_width` (column layout only, half-em units) is how wide the column the block was set in
    measures: two articles printed one after the other with no title between them are told apart
    by their column widths, which only the reading stage can see.
    """

    text: str
    line: int
    end_line: int
    gap_before: int = 0
    column_width: float | None = None


@dataclass(frozen=True)
class ReadPage:
    filename: str
    layout: str  # "paragraph" or "column", articles.models.Layout
    blocks: tuple[Block, ...]
    raw_lines: tuple[str, ...]

    def source_text(self, ranges: Sequence[tuple[int, int]]) -> str:
        """The printed lines of the given 1-based inclusive line ranges, in file order, with "…"
        between ranges that blank lines alone do not join: what an editor checks the article against.
        """
        spans = sorted(ranges)
        pieces: list[str] = []
        previous_end = None
        for start, end in spans:
            if previous_end is not None and any(
                line.strip() for line in self.raw_lines[previous_end : start - 1]
            ):
                pieces.append("…")
            pieces += self.raw_lines[max(start - 1, previous_end or 0) : end]
            previous_end = max(end, previous_end or 0)
        return "\n".join(pieces)

    @property
    def text(self) -> str:
        """The whole page reflowed, for page-level evidence such as the year."""
        return "\n".join(block.text for block in self.blocks)


@dataclass
class Segment:
    """The text parts of one article as printed, before facts are extracted from them."""

    paragraphs: list[str]
    headline: str | None = None
    kicker: str | None = None
    subtitle: str | None = None
    column: str | None = None
    kind: str = "news"
    dateline: str | None = None
    correspondents: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    continuation: bool = False
    first_line: int = 0
    last_line: int = 0
    # 1-based inclusive ranges of the article's own lines (body blocks and its title lines), in
    # file order; on column pages other articles' lines lie between first_line and last_line.
    line_ranges: list[tuple[int, int]] = field(default_factory=list)
    review_reasons: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True)
class PersonDraft:
    name: str
    title: str
    region_code: str | None  # GB/T 2260 code of the committee the person serves, or None


@dataclass(frozen=True)
class MeetingDraft:
    region_code: str
    meeting_type: str  # articles.models.MeetingType
    title: str
    session: int | None = None
    sequence: int | None = None
    expanded: bool = False
    date: date | None = None


@dataclass
class ArticleDraft:
    position: int
    headline: str | None
    kicker: str | None
    subtitle: str | None
    column: str | None
    kind: str
    body: str
    dateline: str | None
    event_date: date | None
    region_codes: list[str]  # primary first
    meetings: list[MeetingDraft]
    persons: list[PersonDraft]
    correspondents: list[str]
    photographers: list[str]
    source_text: str
    review_reasons: list[str] = field(default_factory=list)
    # Held back from readers until an editor publishes it: only for doubts that would mislead
    # (no committee, so no region; no certain year, so a wrong date). Other reasons are notes.
    held: bool = False


@dataclass(frozen=True)
class YearGuess:
    year: int | None
    evidence: tuple[str, ...]  # human-readable, e.g. "人民政协成立75周年 → 2024"
    certain: bool


@dataclass
class PageDraft:
    filename: str
    layout: str
    year: YearGuess
    articles: list[ArticleDraft]
