"""Scores the importer's articles against the hand-made gold annotations, the way an outside judge would.

A judge does not know how the importer segments a page, so predicted articles are paired with gold
ones by their text alone: normalised bodies at least 90% alike (difflib ratio), one to one, best pairs
first. A gold article with no such partner was not found whole; a prediction with none is spurious.
Every other metric is measured over the matched pairs only, so one segmentation slip does not count
against every field of the article it swallowed.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ANNOTATIONS_DIR = Path(__file__).resolve().parent / "annotations"
MATCH_RATIO = 0.9
COLUMN_LINE_MAX = 24  # characters; column lines hold 14-20, paragraph lines run to hundreds

# The contract's targets; `spurious` is a count, every other metric a share.
TARGETS = {
    "articles_found_whole": 0.97,
    "spurious": 0,
    "headline": 0.95,
    "subtitle": 0.90,
    "event_date": 0.98,
    "region": 0.95,
    "meeting_types": 0.90,
    "officials_recall": 0.90,
    "persons_precision": 0.90,
    "correspondents": 0.95,
}
FIELD_METRICS = ("headline", "subtitle", "event_date", "region", "meeting_types", "correspondents")
WHITESPACE = re.compile(r"\s+")


# The keys of one export_articles record, in CONTRACTS.md §2's order.
EXPORT_KEYS = [
    "source",
    "position",
    "headline",
    "kicker",
    "subtitle",
    "column",
    "kind",
    "dateline",
    "event_date",
    "region",
    "regions",
    "meeting_types",
    "meeting",
    "persons",
    "correspondents",
    "photographers",
    "body",
]


def normalise(text: str | None) -> str:
    """Full- and half-width forms folded together (NFKC) and every space dropped, as a judge compares."""
    return WHITESPACE.sub("", unicodedata.normalize("NFKC", text or ""))


def load_gold(stem: str) -> list[dict]:
    """The gold articles of one page, from tests/annotations/<stem>.jsonl."""
    with (ANNOTATIONS_DIR / f"{stem}.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def body_ratio(predicted: str, gold: str) -> float:
    """difflib's similarity of two normalised bodies; the cheap upper bounds skip hopeless pairs."""
    matcher = difflib.SequenceMatcher(None, predicted, gold, autojunk=False)
    if matcher.real_quick_ratio() < MATCH_RATIO or matcher.quick_ratio() < MATCH_RATIO:
        return 0.0
    return matcher.ratio()


def match_articles(predicted: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """One-to-one pairs (prediction, gold) of the same source whose bodies are alike, best first."""
    candidates = []
    for p_index, p_article in enumerate(predicted):
        p_body = normalise(p_article["body"])
        for g_index, g_article in enumerate(gold):
            if p_article["source"] != g_article["source"]:
                continue
            ratio = body_ratio(p_body, normalise(g_article["body"]))
            if ratio >= MATCH_RATIO:
                candidates.append((ratio, p_index, g_index))
    pairs, used_p, used_g = [], set(), set()
    for _ratio, p_index, g_index in sorted(candidates, reverse=True):
        if p_index not in used_p and g_index not in used_g:
            used_p.add(p_index)
            used_g.add(g_index)
            pairs.append((predicted[p_index], gold[g_index]))
    return pairs


def field_agrees(name: str, predicted: dict, gold: dict) -> bool:
    """Whether one field of a matched pair is right: text normalised, lists compared as sets."""
    if name in ("meeting_types", "correspondents"):
        return {normalise(v) for v in predicted[name]} == {normalise(v) for v in gold[name]}
    return normalise(predicted[name]) == normalise(gold[name])


def person_keys(persons: Iterable[dict]) -> set[tuple[str, str | None]]:
    return {(normalise(person["name"]), person["region"]) for person in persons}


@dataclass
class Tally:
    """Numerators and denominators, so that pages can be added up before dividing."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    officials: int = 0
    officials_found: int = 0
    persons_predicted: int = 0
    persons_right: int = 0

    def add_pair(self, predicted: dict, gold: dict) -> None:
        self.matched += 1
        for name in FIELD_METRICS:
            self.right[name] += field_agrees(name, predicted, gold)
        officials = {key for key in person_keys(gold["persons"]) if key[1] is not None}
        predicted_persons = person_keys(predicted["persons"])
        self.officials += len(officials)
        self.officials_found += len(officials & predicted_persons)
        self.persons_predicted += len(predicted_persons)
        self.persons_right += len(predicted_persons & person_keys(gold["persons"]))

    def add(self, other: Tally) -> None:
        """Adds another page's counts, for an overall score over every article."""
        for name in ("gold", "predicted", "matched", "officials", "officials_found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.persons_predicted += other.persons_predicted
        self.persons_right += other.persons_right
        for name, value in other.right.items():
            self.right[name] += value

    def metrics(self) -> dict[str, float | int]:
        """Shares of the matched pairs; a share with nothing to count is 1.0 (nothing was missed)."""
        result: dict[str, float | int] = {
            "articles_found_whole": _share(self.matched, self.gold),
            "spurious": self.predicted - self.matched,
        }
        for name in FIELD_METRICS:
            result[name] = _share(self.right[name], self.matched)
        result["officials_recall"] = _share(self.officials_found, self.officials)
        result["persons_precision"] = _share(self.persons_right, self.persons_predicted)
        result.update(gold_articles=self.gold, predicted_articles=self.predicted, matched=self.matched)
        return result


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def tally(predicted: list[dict], gold: list[dict]) -> Tally:
    counts = Tally(gold=len(gold), predicted=len(predicted))
    for p_article, g_article in match_articles(predicted, gold):
        counts.add_pair(p_article, g_article)
    return counts


def score(predicted: list[dict], gold: list[dict]) -> dict[str, float | int]:
    """The judge's metrics for export-format article dicts (CONTRACTS.md §2) against the gold ones."""
    return tally(predicted, gold).metrics()


def shortfalls(metrics: dict[str, float | int]) -> dict[str, tuple[float | int, float | int]]:
    """Metrics that miss their target, as {name: (measured, target)}."""
    missed = {}
    for name, target in TARGETS.items():
        value = metrics[name]
        if (value > target) if name == "spurious" else (value < target):
            missed[name] = (value, target)
    return missed


def draft_record(draft, source: str, directory) -> dict:
    """An importer ArticleDraft as the export format of CONTRACTS.md §2, region codes named."""
    regions = [directory.get(code).division_name for code in draft.region_codes]
    meeting_types = list(dict.fromkeys(meeting.meeting_type for meeting in draft.meetings))
    return {
        "source": source,
        "position": draft.position,
        "headline": draft.headline,
        "kicker": draft.kicker,
        "subtitle": draft.subtitle,
        "column": draft.column,
        "kind": draft.kind,
        "dateline": draft.dateline,
        "event_date": draft.event_date.isoformat() if draft.event_date else None,
        "region": regions[0] if regions else None,
        "regions": regions,
        "meeting_types": meeting_types,
        "meeting": _meeting_record(draft.meetings[0]) if draft.meetings else None,
        "persons": [_person_record(person, directory) for person in draft.persons],
        "correspondents": list(draft.correspondents),
        "photographers": list(draft.photographers),
        "body": draft.body,
    }


def _meeting_record(meeting) -> dict:
    return {
        "type": meeting.meeting_type,
        "session": meeting.session,
        "sequence": meeting.sequence,
        "title": meeting.title,
    }


def _person_record(person, directory) -> dict:
    region = directory.get(person.region_code).division_name if person.region_code else None
    return {"name": person.name, "region": region, "title": person.title}


def import_records(source: str, text: str, directory) -> list[dict]:
    """Runs the importer's pure pipeline on one page's text; raises ImportError until it exists."""
    from importer.parsing.page import parse_page

    page = parse_page(source, text.encode("utf-8"), directory)
    return [draft_record(draft, source, directory) for draft in page.articles]


def iter_cases(seeds_dir: Path, pages_dir: Path) -> Iterator[tuple[str, str, str, list[dict]]]:
    """(page stem, layout label, page text, gold) for every page as printed and in the other layout.

    The seeds are printed in one layout each; rendering their gold in the other layout gives the
    importer the same articles with every layout quirk swapped. Our own pages are scored as printed.
    """
    from tests.render import other_layout

    for path in sorted(seeds_dir.glob("*.txt")) + sorted(pages_dir.glob("*.txt")):
        gold = load_gold(path.stem)
        text = path.read_text(encoding="utf-8")
        layout = printed_layout(text)
        yield path.stem, f"{layout} (printed)", text, gold
        if path.parent == seeds_dir:
            yield path.stem, *rendered_case(path.stem, gold, other_layout(layout))


def rendered_case(stem: str, gold: list[dict], layout: str, variant: int = 0) -> tuple[str, str, list[dict]]:
    """(layout label, page text, gold) of a page's gold articles printed in `layout` under a new name.

    Variant 0 is the rendering the tests score; other variants shuffle line widths, spaces and title
    runs differently, to measure the importer on pages nobody has tuned it against.
    """
    from tests.render import render_page

    source = f"{stem}_as_{layout}.txt"
    rendered_gold = [dict(article, source=source) for article in gold]
    text = render_page(rendered_gold, layout, seed=zlib.crc32(source.encode()) + variant)
    return f"{layout} (rendered)", text, rendered_gold


def printed_layout(text: str) -> str:
    """The layout a page was printed in: column pages are made of short lines, paragraph pages of long ones.

    Only labels the scores table; the importer detects layouts on its own.
    """
    widths = sorted(len(line.strip()) for line in text.splitlines() if line.strip())
    return "column" if widths[len(widths) // 2] <= COLUMN_LINE_MAX else "paragraph"
