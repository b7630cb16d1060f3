"""Which way a page file was extracted, and how wide its printed columns are.

Paragraph-layout files hold one paragraph per line (hundreds of characters); column-layout files
hold one printed line per line (about twenty characters). Column widths vary across a page
(narrow news columns, wide feature columns, captions), so widths are estimated locally.
"""

from statistics import median

from .normalize import display_width

PARAGRAPH = "paragraph"
COLUMN = "column"
PARAGRAPH_LINE_WIDTH = 90  # half-em units: 45 Chinese characters, wider than any newspaper column
WIDTH_WINDOW = 10  # printed lines on each side used to estimate a line's column width
MIN_WINDOW = 5  # fewer lines than this between two wide titles say nothing about the column


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


def _runs(widths: list[int]) -> list[range]:
    """Stretches of lines between titles spanning several columns: each is set in one column width."""
    limit = 1.25 * median(widths)
    runs, start = [], 0
    for index, width in enumerate(widths):
        if width > limit:
            runs += [range(start, index), range(index, index + 1)]
            start = index + 1
    runs.append(range(start, len(widths)))
    return [run for run in runs if len(run)]


def _column_width(widths: list[int], window: range) -> float:
    """The upper quartile of a window's lines, leaving out titles and short paragraph ends."""
    values = [widths[index] for index in window]
    middle = median(values)
    body = sorted(width for width in values if 0.6 * middle <= width <= 1.25 * middle)
    return body[(3 * len(body)) // 4] if body else middle


def column_widths(widths: list[int]) -> list[float]:
    """For each printed line, the width of the column it is set in, so that a full line measures as
    full and a paragraph's end as short. Neighbouring lines across a multi-column title belong to
    other columns, so the window stops at such titles unless that leaves too few lines.
    """
    estimates: list[float] = []
    for run in _runs(widths) if widths else []:
        for index in run:
            window = range(max(0, index - WIDTH_WINDOW), min(len(widths), index + WIDTH_WINDOW + 1))
            inside = range(max(window.start, run.start), min(window.stop, run.stop))
            estimates.append(_column_width(widths, inside if len(inside) >= MIN_WINDOW else window))
    return estimates
