"""Template helpers of the reader's pages: search highlighting and the server-rendered activity chart."""

import datetime
import functools

# Not django.utils.html.escape: that is this function behind a test for lazy strings, 4x the cost
# over the listing's 200 options and items, and nothing built here is lazy.
from html import escape
from typing import TYPE_CHECKING

from django import template
from django.utils.safestring import SafeString, mark_safe

from articles import search
from articles.facets import FacetIndex
from articles.models import ListedArticle, display_headline
from organizations.models import Level

if TYPE_CHECKING:
    from articles.views import RegionChoices

register = template.Library()

LABEL_WIDTH = 92
CELL = 26
GAP = 2
HEADER = 34
CELL_BOX = f'width="{CELL}" height="{CELL}" rx="3"'


@register.simple_tag
def article_item(article: ListedArticle, query: str = "") -> SafeString:
    """One list item, the same bytes `partials/article_item.html` printed before it called this tag.

    Built here rather than in the template language: a dozen variable lookups per item were a
    fifth of a listing page's time. A search shows the query's words highlighted and a snippet of
    the body; other lists show the subtitle.
    """
    title = search.highlight(article.title, query) if query else escape(article.title)
    if query:
        deck = f'\n  <p class="item__snippet">{search.snippet(article.body, query)}</p>\n  '
    elif article.subtitle:
        deck = f'\n  <p class="item__deck">{escape(article.subtitle)}</p>\n  '
    else:
        deck = ""
    return mark_safe(  # only escaped text and highlighted, escaped text
        '\n<article class="item">\n'
        f"  {item_kicker(article)}\n"
        f'  <h3 class="item__headline"><a href="{escape(article.url)}">{title}</a></h3>\n'
        '  <p class="item__meta">\n'
        f"    {item_date(article)}\n"
        f"    {item_committee(article)}\n"
        f"    {item_tags(article)}\n"
        f"  </p>\n  {deck}\n</article>\n"
    )


def item_kicker(article: ListedArticle) -> str:
    return f'<p class="item__kicker">{escape(article.kicker)}</p>' if article.kicker else ""


def item_date(article: ListedArticle) -> str:
    if not article.event_date:
        return ""
    return f'<time datetime="{escape(article.date_iso)}">{escape(article.date_text)}</time>'


def item_committee(article: ListedArticle) -> str:
    return f"<span>{escape(article.committee_name)}</span>" if article.committee_name else ""


def item_tags(article: ListedArticle) -> str:
    return "".join(f'<span class="tag">{escape(label)}</span>' for label in article.meeting_labels)


@register.filter
def highlight(text: str, query: str) -> SafeString:
    """The text with the reader's search words in <mark>; escaped like any other text."""
    return search.highlight(text or "", query or "")


@register.filter
def snippet(text: str, query: str) -> SafeString:
    return search.snippet(text or "", query or "")


@register.inclusion_tag("partials/activity_chart.html")
def activity_chart(rows: list[tuple], counts: dict[tuple, int], months: list[datetime.date], caption: str):
    """A heat map of articles per month: one row per (label, url, key) in `rows`, one column per month.

    Inline SVG sized in user units and scaled by CSS, so it needs no JavaScript and reads on a phone.
    The cells and the data table are a few hundred repeated elements, built here rather than in the
    template: that loop in the template language was most of the home page's rendering time.
    """
    grid = [(label, [counts.get((key, month), 0) for month in months]) for label, _url, key in rows]
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
        "cells": chart_cells(grid, months),
        "column_labels": column_labels,
        "row_labels": row_labels,
        "months": months,
        "table_rows": chart_table_rows(grid),
    }


def chart_cells(grid: list[tuple[str, list[int]]], months: list[datetime.date]) -> SafeString:
    """One <rect> per (row, month), darker with more articles; its <title> says the count."""
    peak = max((count for _label, values in grid for count in values), default=0) or 1
    cells = []
    for row_index, (label, values) in enumerate(grid):
        y = HEADER + row_index * (CELL + GAP)
        for column, (month, count) in enumerate(zip(months, values, strict=True)):
            x = LABEL_WIDTH + column * (CELL + GAP)
            shade = f' fill-opacity="{round(0.12 + 0.88 * count / peak, 2)}"' if count else ""
            empty = "" if count else " chart__cell--empty"
            title = escape(f"{label} {month.year}年{month.month}月：{count} 篇")
            rect = f'<rect class="chart__cell{empty}" x="{x}" y="{y}" {CELL_BOX}{shade}>'
            cells.append(f"{rect}<title>{title}</title></rect>")
    return mark_safe("".join(cells))  # only our numbers and escaped text


def chart_table_rows(grid: list[tuple[str, list[int]]]) -> SafeString:
    """The chart's numbers as table rows, for screen readers and anyone who prefers a table."""
    rows = (
        f'<tr><th scope="row">{escape(label)}</th>{"".join(f"<td>{value}</td>" for value in values)}</tr>'
        for label, values in grid
    )
    return mark_safe("".join(rows))  # only our numbers and escaped text


def month_label(month: datetime.date, column: int) -> str:
    """ "6月", with the year where a year starts or the chart begins."""
    if column == 0 or month.month == 1:
        return f"{month.year % 100:02d}年{month.month}月"
    return f"{month.month}月"


@register.simple_tag
def region_options(choices: "RegionChoices") -> SafeString:
    """The region select's <optgroup>s and <option>s, with each choice's count when it has one.

    101 committees make this the longest loop of the listing: their markup is escaped once per
    archive index (`region_markup`), and a request only adds the counts and the chosen one.
    """
    chosen = choices.chosen.pk if choices.chosen is not None else None
    counts = choices.counts or {}
    markup = []
    for opening, options, closing in region_markup(choices.index):
        markup.append(opening)
        for pk, province, start, label in options:
            selected = " selected" if pk == chosen else ""
            count = choices.total if province else counts.get(pk, 0)
            shown = "" if choices.counts is None else f"（{count}）"
            markup.append(f"{start}{selected}>{label}{shown}</option>")
        markup.append(closing)
    return mark_safe("".join(markup))  # only escaped text and numbers


@functools.lru_cache(maxsize=1)
def region_markup(index: FacetIndex) -> list[tuple[str, list[tuple[int, bool, str, str]], str]]:
    """The region select's groups from the index's directory, escaped: the province, then each
    prefecture with its counties. Each is (opening tag, options, closing tag), each option
    (committee id, whether it is the province, "<option value=…", label)."""
    province: list[tuple[int, bool, str, str]] = []
    groups: dict[int, tuple[str, list]] = {}
    for committee in index.directory:
        name = committee["division_name"]
        if committee["parent_id"] is None:
            province.append(region_option(committee, f"{name}（全省）"))
        elif committee["level"] == Level.PREFECTURE:
            groups[committee["pk"]] = (name, [region_option(committee, f"{name}（含所辖县区）")])
        else:
            groups.setdefault(committee["parent_id"], ("", []))[1].append(region_option(committee, name))
    return [
        ("", province, ""),
        *(
            (f'<optgroup label="{escape(label)}">', options, "</optgroup>") if label else ("", options, "")
            for label, options in groups.values()
        ),
    ]


def region_option(committee: dict, label: str) -> tuple[int, bool, str, str]:
    start = f'<option value="{escape(committee["code"])}"'
    return committee["pk"], committee["parent_id"] is None, start, escape(label)


def select_option(option: dict) -> str:
    selected = " selected" if option["chosen"] else ""
    count = "" if option["count"] is None else f"（{option['count']}）"
    return f'<option value="{escape(option["value"])}"{selected}>{escape(option["label"])}{count}</option>'


@register.simple_tag
def select_options(options: list[dict]) -> SafeString:
    """A select's <option>s from `views.choice_options`, each with its count when it has one."""
    return mark_safe("".join(select_option(option) for option in options))  # only escaped text


@register.simple_tag
def checkbox_options(name: str, options: list[dict]) -> SafeString:
    """A checkbox per choice from `views.choice_options`, its count beside its label when it has one.

    Built here for the reason `region_options` is: in the template language these few boxes cost
    more than the 101 regions built here.
    """
    boxes = []
    for number, option in enumerate(options):
        box_id = f"id_{name}_{number}"
        checked = " checked" if option["chosen"] else ""
        count = "" if option["count"] is None else f' <span class="count">（{option["count"]}）</span>'
        boxes.append(
            '\n      <div class="check">\n'
            f'        <input type="checkbox" name="{escape(name)}" value="{escape(option["value"])}"'
            f' id="{escape(box_id)}"{checked}>\n'
            f'        <label for="{escape(box_id)}">{escape(option["label"])}{count}</label>\n'
            "      </div>\n      "
        )
    return mark_safe("".join(boxes))  # only escaped text


@register.filter
def headline_only(article) -> str:
    """The title without the kicker the contract joins onto it (`display_headline`)."""
    return display_headline(article.headline, article.kicker, article.body)
