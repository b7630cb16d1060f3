"""Which way a page file was extracted, and how wide its printed columns are.

Paragraph-layout files hold one paragraph per line (hundreds of characters); column-layout files
hold one printed line per line (about twenty characters). Column widths vary across a page
(narrow news columns, wide feature columns, captions), so widths are estimated locally.
"""

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .normalize import display_width

PARAGRAPH = "paragraph"
COLUMN = "column"
PARAGRAPH_LINE_WIDTH = 90  # half-em units: 45 Chinese characters, wider than any newspaper column
WIDTH_WINDOW = 10  # printed lines on each side used to estimate a line's column width
MIN_WINDOW = 5  # fewer lines than this between two wide titles say nothing about the column
WIDE_TITLE = 1.25  # a line this much wider than the lines around it is a title over several columns
FULL_LINE = 0.9  # a line at least this share of a column's fullest lines is a full line
WIDTH_CHANGE = 4  # half-em units: two articles' columns differing by two characters or more


def detect_layout(lines: list[str]) -> str:
    """Paragraph layout when the typical character sits on a line wider than any printed column.

    Counting characters rather than lines keeps a paragraph page with many short title lines
    (one per title, kicker and deck) from passing for a column page.
    """
    widths = sorted(display_width(line.strip()) for line in lines if line.strip())
    half, seen = sum(widths) / 2, 0
    for width in widths:
        seen += width
        if seen >= half:
            return PARAGRAPH if width >= PARAGRAPH_LINE_WIDTH else COLUMN
    return COLUMN


def _runs(
    widths: tuple[int, ...], breaks: frozenset[int], openings: frozenset[int], hanging: tuple[int, ...]
) -> list[range]:
    """Stretches of lines each set in one column width: cut at titles spanning several columns and
    before each line in `breaks` (where the caller knows another article or title begins).

    A title is wider than the lines on both sides of it: the lines of an article set in a wide
    column are no titles, however narrow the article before or after it; so the sides stop at
    the `openings`, where another article's body begins.
    """
    runs, start = [], 0
    bounds = sorted({0, len(widths), *openings})
    for index in range(len(widths)):
        if index in breaks:
            runs.append(range(start, index))
            start = index
        elif _wider_than_both_sides(widths, index, _between(bounds, index)):
            runs += [range(start, index), range(index, index + 1)]
            start = index + 1
    runs.append(range(start, len(widths)))
    return [part for run in runs if len(run) for part in _split_at_width_change(widths, run, hanging)]


def _between(bounds: list[int], index: int) -> range:
    """The stretch of lines between the openings around `index` (sorted `bounds`, 0 and the end
    included)."""
    after = bisect_right(bounds, index)
    return range(bounds[after - 1], bounds[after])


def _wider_than_both_sides(widths: tuple[int, ...], index: int, stretch: range) -> bool:
    """Whether a line is a title over several columns: wider than the lines before and after it
    within its stretch."""
    sides = [
        widths[max(stretch.start, index - WIDTH_WINDOW) : index],
        widths[index + 1 : min(stretch.stop, index + WIDTH_WINDOW + 1)],
    ]
    return all(widths[index] > WIDE_TITLE * _median(sorted(side)) for side in sides if side)


def _median(ordered: Sequence[int]) -> float:
    """`statistics.median` of values already sorted: a page asks for thousands of windows' medians,
    and the library's checks and copy cost more than the windows' sorting."""
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def _typical_width(widths: tuple[int, ...], window: range) -> float:
    """The median width of a window's full lines, leaving out titles, paragraph ends and first
    lines (anything well short of the fullest lines)."""
    return _column_of(widths[window.start : window.stop]).typical


def _split_at_width_change(widths: tuple[int, ...], run: range, hanging: tuple[int, ...]) -> list[range]:
    """A run cut where two articles set in different column widths meet with nothing between them
    (a feature opening on a quote right after a news story): near the line where the lines before
    and after differ most, just after the last line too wide for the narrower column.

    Closing punctuation that may not open a line is set at the end of the line before it, past
    the column's edge (`hanging`: its width on each line), so it makes no line too wide."""
    best, contrast = None, float(WIDTH_CHANGE)
    for cut in range(run.start + MIN_WINDOW, run.stop - MIN_WINDOW + 1):
        before = _typical_width(widths, range(max(run.start, cut - WIDTH_WINDOW), cut))
        after = _typical_width(widths, range(cut, min(run.stop, cut + WIDTH_WINDOW)))
        if abs(after - before) >= contrast:
            best, contrast, narrow, narrowing = cut, abs(after - before), min(after, before), after < before
    if best is None:
        return [run]
    near = range(max(run.start, best - MIN_WINDOW), min(run.stop, best + MIN_WINDOW))
    # A line of the narrower column runs at most a character past its typical line.
    too_wide = [index for index in near if widths[index] - hanging[index] > narrow + WIDTH_CHANGE / 2]
    cut = (too_wide[-1] + 1 if narrowing else too_wide[0]) if too_wide else best
    if not run.start < cut < run.stop:
        return [run]
    return _split_at_width_change(widths, range(run.start, cut), hanging) + _split_at_width_change(
        widths, range(cut, run.stop), hanging
    )


class Column(NamedTuple):
    """The column a printed line is set in: `width` is what its fullest lines measure, `typical`
    what most of its lines measure (a paragraph's first line is indented below it)."""

    width: float
    typical: float


@functools.lru_cache(maxsize=8192)
def _column_of(values: tuple[int, ...]) -> Column:
    """`_column_width` of these widths, from one sort: the lines near the median are a slice of
    the sorted widths, and the full lines a slice of that. A page asks for the same window's
    again and again."""
    ordered = sorted(values)
    middle = _median(ordered)
    low, high = bisect_left(ordered, 0.6 * middle), bisect_right(ordered, 1.25 * middle)
    if low == high:
        return Column(middle, middle)
    fullest = ordered[low + (3 * (high - low)) // 4]
    return Column(fullest, _median(ordered[bisect_left(ordered, FULL_LINE * fullest, low, high) : high]))


def _column_width(widths: tuple[int, ...], window: range) -> Column:
    """The column of a window's lines: its width the upper quartile of the lines, its typical
    line the median of the full ones, leaving out titles and short paragraph ends."""
    return _column_of(widths[window.start : window.stop])


def column_widths(
    widths: list[int], breaks: Iterable[int] = (), openings: Iterable[int] = (), hanging: Iterable[int] = ()
) -> list[Column]:
    """For each printed line, the column it is set in, so that a full line measures as full, a
    paragraph's end as short and its first line as indented.

    Neighbouring lines across a multi-column title, or before a line in `breaks` (a dateline, a
    title: the caller knows another article begins there), belong to other columns, so the window
    stops there unless that leaves too few lines. `openings` (a subset of `breaks`: datelines) are
    where another article's body begins. `hanging`: the width of the closing punctuation ending
    each line, which may hang past the column's edge (none when not given).
    """
    estimates: list[Column] = []
    overhangs = tuple(hanging) or (0,) * len(widths)
    values = tuple(widths)  # slices of a tuple are the windows' cache keys
    for run in _runs(values, frozenset(breaks), frozenset(openings), overhangs) if values else []:
        for index in run:
            window = range(max(0, index - WIDTH_WINDOW), min(len(values), index + WIDTH_WINDOW + 1))
            inside = range(max(window.start, run.start), min(window.stop, run.stop))
            lines = inside if len(inside) >= MIN_WINDOW else window
            estimates.append(_column_width(values, lines))
    return estimates
