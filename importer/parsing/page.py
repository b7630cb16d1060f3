"""A page file to a PageDraft: read, segment, infer the year, extract every article. Pure.

A page carries no date line. When its year cannot be read from the text, an optional
seeds/manifest.toml gives it, one table per file:

    ["000_d6955d4cb1ed0d96.txt"]
    year = 2023
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

from importer.parsing.dates import event_month, infer_year
from importer.parsing.directory import Directory
from importer.parsing.drafts import ArticleDraft, PageDraft, Segment
from importer.parsing.extract import extract_article, paragraphs_without_dateline
from importer.parsing.segment import segment_page
from importer.reading import read_page

MANIFEST_NAME = "manifest.toml"


def parse_page(
    filename: str, data: bytes, directory: Directory, year_override: int | None = None
) -> PageDraft:
    """Every article of one page in printed order (positions from 1), with the page's year."""
    page = read_page(filename, data)
    segments = segment_page(page)
    year = infer_year(page.text, year_override)
    issue_month = _issue_month(segments)
    articles: list[ArticleDraft] = []
    for position, segment in enumerate(segments, start=1):
        reported = [meeting for article in articles for meeting in article.meetings]
        source_text = page.source_text(segment.line_ranges)
        articles.append(
            extract_article(segment, position, year, directory, source_text, issue_month, reported)
        )
    return PageDraft(filename=filename, layout=page.layout, year=year, articles=articles)


def _issue_month(segments: list[Segment]) -> int | None:
    """The month most leads on the page date their events in: the issue's month, near enough."""
    months = Counter(
        month
        for segment in segments
        if (paragraphs := paragraphs_without_dateline(segment.paragraphs))
        and (month := event_month(paragraphs[0]))
    )
    return months.most_common(1)[0][0] if months else None


def load_manifest(seeds_dir: str | Path) -> dict[str, int]:
    """Per-file year overrides from seeds/manifest.toml; no file means no overrides."""
    path = Path(seeds_dir) / MANIFEST_NAME
    if not path.exists():
        return {}
    with path.open("rb") as manifest:
        tables = tomllib.load(manifest)
    return {filename: int(table["year"]) for filename, table in tables.items() if "year" in table}
