"""How accurate the importer is on the seed pages, scored against the gold annotations like a judge would.

Prints one row per page and layout (each seed as printed and rendered in the other layout, plus our own
pages in tests/pages), then the overall row over every article and the contract's targets. Metrics are
defined in tests/accuracy.py; `spurious` is a count, the rest are shares. `--misses` also lists what
went wrong in each page, for whoever tunes the importer (on structure, never on these strings).
`--renders N` adds, per layout, the score over N further random renderings of every annotated page:
pages the importer has never been tuned against.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

from importer.parsing.directory import Directory  # noqa: E402
from tests.accuracy import (  # noqa: E402
    FIELD_METRICS,
    TARGETS,
    Tally,
    field_agrees,
    import_records,
    iter_cases,
    load_gold,
    match_articles,
    rendered_case,
    tally,
)

COLUMNS = {
    "articles_found_whole": "whole",
    "spurious": "spur",
    "headline": "head",
    "subtitle": "deck",
    "event_date": "date",
    "region": "region",
    "meeting_types": "mtg",
    "officials_recall": "offic",
    "persons_precision": "pers",
    "correspondents": "corr",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the wrong fields of each page")
    parser.add_argument("--renders", type=int, default=0, help="random renderings per page and layout")
    args = parser.parse_args()
    directory = Directory.from_fixture(ROOT / "fixtures" / "organizations.json")
    overall = Tally()
    print(header())
    for stem, label, text, gold in iter_cases(ROOT / "seeds", ROOT / "tests" / "pages"):
        predicted = import_records(gold[0]["source"], text, directory)
        counts = tally(predicted, gold)
        overall.add(counts)
        print(row(stem[:20], label, counts.metrics()))
        if args.misses:
            print_misses(predicted, gold)
    print(row("overall", "", overall.metrics()))
    if args.renders:
        for layout, counts in unseen_renderings(directory, args.renders).items():
            print(row(f"{args.renders} renders/page", f"{layout} (unseen)", counts.metrics()))
    print(row("target", "", TARGETS))


def unseen_renderings(directory: Directory, renders: int) -> dict[str, Tally]:
    """Every annotated page printed `renders` more times in each layout, scored per layout."""
    stems = [path.stem for path in sorted((ROOT / "seeds").glob("*.txt"))]
    stems += [path.stem for path in sorted((ROOT / "tests" / "pages").glob("*.txt"))]
    totals = {"paragraph": Tally(), "column": Tally()}
    for stem in stems:
        gold = load_gold(stem)
        for layout, total in totals.items():
            for variant in range(1, renders + 1):
                _label, text, rendered_gold = rendered_case(stem, gold, layout, variant)
                total.add(tally(import_records(rendered_gold[0]["source"], text, directory), rendered_gold))
    return totals


def header() -> str:
    return f"{'page':20} {'layout':20} {'arts':>5} " + " ".join(f"{label:>6}" for label in COLUMNS.values())


def row(page: str, layout: str, metrics: dict) -> str:
    cells = []
    for name in COLUMNS:
        value = metrics[name]
        cells.append(f"{value:>6d}" if name == "spurious" else f"{value:>6.2f}")
    articles = f"{metrics['matched']}/{metrics['gold_articles']}" if "matched" in metrics else ""
    return f"{page:20} {layout:20} {articles:>5} " + " ".join(cells)


def print_misses(predicted: list[dict], gold: list[dict]) -> None:
    pairs = match_articles(predicted, gold)
    matched_gold = {id(g) for _p, g in pairs}
    matched_predicted = {id(p) for p, _g in pairs}
    for article in gold:
        if id(article) not in matched_gold:
            print(f"    not found whole: gold #{article['position']} {article['headline']}")
    for article in predicted:
        if id(article) not in matched_predicted:
            print(f"    spurious: #{article['position']} {article['headline']} | {article['body'][:30]}")
    for p_article, g_article in pairs:
        for name in FIELD_METRICS:
            if not field_agrees(name, p_article, g_article):
                print(f"    #{g_article['position']} {name}: {p_article[name]!r} != gold {g_article[name]!r}")
        gold_people = {(person["name"], person["region"]) for person in g_article["persons"]}
        got_people = {(person["name"], person["region"]) for person in p_article["persons"]}
        if gold_people != got_people:
            missing, extra = gold_people - got_people, got_people - gold_people
            position = g_article["position"]
            print(f"    #{position} persons missing {sorted(missing)} extra {sorted(extra, key=str)}")


if __name__ == "__main__":
    main()
