"""Template helpers of the reader's pages: search highlighting and the server-rendered activity chart."""

import datetime
from dataclasses import dataclass

from django import template
from django.utils.safestring import SafeString

from articles import search

register = template.Library()

LABEL_WIDTH = 92
CELL = 26
GAP = 2
HEADER = 34


@register.filter
def highlight(text: str, query: str) -> SafeString:
    """The text with the reader's search words in <mark>; escaped like any other text."""
    return search.highlight(text or "", query or "")


@register.filter
def snippet(text: str, query: str) -> SafeString:
    return search.snippet(text or "", query or "")


@dataclass(frozen=True)
class Cell:
    x: int
    y: int
    count: int
    opacity: float
    title: str


@register.inclusion_tag("partials/activity_chart.html")
def activity_chart(rows: list[tuple], counts: dict[tuple, int], months: list[datetime.date], caption: str):
    """A heat map of articles per month: one row per (label, url, key) in `rows`, one column per month.

    Inline SVG sized in user units and scaled by CSS, so it needs no JavaScript and reads on a phone.
    """
    peak = max(counts.values(), default=0) or 1
    cells = []
    for row_index, (label, _url, key) in enumerate(rows):
        for column, month in enumerate(months):
            count = counts.get((key, month), 0)
            cells.append(
                Cell(
                    x=LABEL_WIDTH + column * (CELL + GAP),
                    y=HEADER + row_index * (CELL + GAP),
                    count=count,
                    opacity=round(0.12 + 0.88 * count / peak, 2) if count else 0,
                    title=f"{label} {month.year}年{month.month}月：{count} 篇",
                )
            )
    column_labels = [
        {"x": LABEL_WIDTH + column * (CELL + GAP) + CELL // 2, "text": month_label(month, column)}
        for column, month in enumerate(months)
    ]
    row_labels = [
        {"y": HEADER + index * (CELL + GAP) + CELL * 2 // 3, "text": label, "url": url}
        for index, (label, url, _key) in enumerate(rows)
    ]
    return {
        "caption": caption,
        "width": LABEL_WIDTH + len(months) * (CELL + GAP),
        "height": HEADER + len(rows) * (CELL + GAP),
        "cell_size": CELL,
        "cells": cells,
        "column_labels": column_labels,
        "row_labels": row_labels,
        "months": months,
        "table": [(label, [counts.get((key, month), 0) for month in months]) for label, _url, key in rows],
    }


def month_label(month: datetime.date, column: int) -> str:
    """ "6月", with the year where a year starts or the chart begins."""
    if column == 0 or month.month == 1:
        return f"{month.year % 100:02d}年{month.month}月"
    return f"{month.month}月"


@register.filter
def headline_only(article) -> str:
    """The title without the kicker the contract joins onto it ("兰州市政协" + "开展……活动")."""
    headline = article.headline or article.body[:30]
    if article.kicker and headline.startswith(article.kicker) and headline != article.kicker:
        return headline[len(article.kicker) :].lstrip(" 　:：")
    return headline
