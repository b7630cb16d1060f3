"""How fast the importer loads a large archive, and whether its memory stays flat.

Builds synthetic corpora from the seed pages (dates and committees rewritten so that articles
differ), imports each into a fresh database through the real `import_seeds` command, in a child
process so that its peak RSS is the import's alone, and prints articles per second, peak memory and
the ratio of import time to the time plain jieba (`jieba.cut`, dictionary loaded) takes to segment
the same article text in the same process. SQLite by default; PostgreSQL when DATABASE_URL names
one. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
FIXTURE = ROOT / "fixtures" / "organizations.json"
DATE = re.compile(r"(\d{1,2})月(\d{1,2})日")
# The parent counts the seeds' articles per copy; rewritten copies parse to about as many.
MARGIN = 1.05


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="size of the large corpus")
    parser.add_argument("--small", type=int, default=2_500, help="size of the small corpus")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="import_seeds --jobs")
    parser.add_argument(
        "--repeat", type=int, default=1, help="imports per corpus; the best and median ratios are shown"
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="cProfile the large import (use with --jobs 1); print hot spots",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.child:
        print(json.dumps(run_import(args.child, args.jobs, args.profile)))
        return
    with tempfile.TemporaryDirectory(prefix="import-bench-") as workdir:
        rows = []
        for label, articles in (("small", args.small), ("large", args.articles)):
            corpus = build_corpus(Path(workdir) / label, articles)
            profile = args.profile and label == "large"
            rows.append([measure(corpus, args.jobs, profile) for _ in range(args.repeat)])
    report(rows)


# The synthetic corpus.


def build_corpus(directory: Path, articles: int) -> Path:
    """Copies of the seed pages, each with its dates and committee names shuffled, `articles` in all."""
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    per_round = sum(seed_article_counts(seeds))
    rounds = math.ceil(articles * MARGIN / per_round)
    swapper = CommitteeSwapper.from_fixture(FIXTURE)
    directory.mkdir(parents=True)
    for copy in range(rounds):
        rng = random.Random(copy)
        for seed in seeds:
            text = swapper.rewrite(shift_dates(seed.read_text(encoding="utf-8"), rng), rng)
            (directory / f"{copy:05d}_{seed.name}").write_text(text, encoding="utf-8")
    return directory


def seed_article_counts(seeds: list[Path]) -> list[int]:
    from importer.parsing.directory import Directory
    from importer.parsing.page import parse_page

    directory = Directory.from_fixture(FIXTURE)
    return [len(parse_page(seed.name, seed.read_bytes(), directory).articles) for seed in seeds]


def shift_dates(text: str, rng: random.Random) -> str:
    return DATE.sub(lambda _: f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日", text)


class CommitteeSwapper:
    """Replaces each committee's place name with that of another committee of the same level."""

    def __init__(self, places_by_level: dict[str, list[tuple[str, str]]]) -> None:
        self.places_by_level = places_by_level
        forms = {form for places in places_by_level.values() for place in places for form in place if form}
        self.pattern = re.compile("|".join(sorted(map(re.escape, forms), key=len, reverse=True)))

    @classmethod
    def from_fixture(cls, path: Path) -> CommitteeSwapper:
        places: dict[str, list[tuple[str, str]]] = {}
        for entry in json.loads(path.read_text(encoding="utf-8")):
            fields = entry["fields"]
            places.setdefault(fields["level"], []).append(place_forms(fields["division_name"]))
        return cls(places)

    def rewrite(self, text: str, rng: random.Random) -> str:
        mapping = {}
        for places in self.places_by_level.values():
            shuffled = rng.sample(places, len(places))
            for (full, stem), (new_full, new_stem) in zip(places, shuffled, strict=True):
                mapping[full] = new_full
                if stem:
                    mapping[stem] = new_stem or new_full
        return self.pattern.sub(lambda found: mapping[found.group()], text)


def place_forms(division_name: str) -> tuple[str, str]:
    """The full name and the stem printed alone ("陇西县" → "陇西"); autonomous areas: the full name only."""
    if "自治" in division_name or len(division_name) <= 2:
        return division_name, ""
    return division_name, division_name[:-1]


# One measured import, in a child process.


def measure(corpus: Path, jobs: int, profile: bool) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(corpus), "--jobs", str(jobs)]
    if profile:
        command.append("--profile")
    child = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    return json.loads(child.stdout.splitlines()[-1])


def run_import(corpus: Path, jobs: int, profile: bool) -> dict:
    """Import `corpus` into a fresh database, then time jieba.cut on the imported articles' text."""
    connection = setup_fresh_database(corpus.parent)
    try:
        imported = time_import(corpus, jobs, profile)
        # Read before the bench loads every article's text for jieba, which would count against the import.
        main_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        texts = article_texts()
        segmented = time_jieba(texts)
        return {
            "corpus": corpus.name,
            "vendor": connection.vendor,
            "jobs": jobs,
            "files": len(list(corpus.glob("*.txt"))),
            "articles": len(texts),
            "characters": sum(map(len, texts)),
            "import_wall": imported.wall,
            "import_cpu": imported.cpu,
            "import_main_cpu": imported.main_cpu,
            "jieba_wall": segmented.wall,
            "jieba_cpu": segmented.cpu,
            "main_rss_mb": main_rss_mb,
            "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        }
    finally:
        connection.creation.destroy_test_db(connection.settings_dict["NAME"], verbosity=0)


@dataclass
class Timing:
    wall: float = 0.0
    cpu: float = 0.0  # user + system seconds of this process and its finished children (the workers)
    main_cpu: float = 0.0  # this process alone: the database writes, since workers parse and segment


@contextmanager
def timed() -> Iterator[Timing]:
    timing = Timing()
    wall, main, children = (
        time.perf_counter(),
        cpu_seconds(resource.RUSAGE_SELF),
        cpu_seconds(resource.RUSAGE_CHILDREN),
    )
    yield timing
    timing.wall = time.perf_counter() - wall
    timing.main_cpu = cpu_seconds(resource.RUSAGE_SELF) - main
    timing.cpu = timing.main_cpu + cpu_seconds(resource.RUSAGE_CHILDREN) - children


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def setup_fresh_database(workdir: Path):
    """A new database: a SQLite file in `workdir`, or test_<name> on the PostgreSQL of DATABASE_URL."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(workdir / "bench.sqlite3")
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    call_command("loaddata", "organizations", verbosity=0)
    return connection


def time_import(corpus: Path, jobs: int, profile: bool) -> Timing:
    """`import_seeds CORPUS`, jieba's dictionary loaded beforehand as a server would have it."""
    import io

    import jieba
    from django.core.management import call_command

    jieba.initialize()
    out = io.StringIO()
    profiler = start_profiler() if profile else None
    with timed() as timing:
        call_command("import_seeds", str(corpus), jobs=jobs, verbosity=0, stdout=out, stderr=sys.stderr)
    if profiler:
        print_hot_spots(profiler)
    print(out.getvalue(), file=sys.stderr)
    return timing


def article_texts() -> list[str]:
    from articles.models import Article

    rows = Article.objects.values_list("headline", "subtitle", "body").iterator(chunk_size=2000)
    return ["\n".join(part for part in row if part) for row in rows]


def time_jieba(texts: list[str]) -> Timing:
    """Plain jieba.cut segmenting every text (dictionary already loaded)."""
    import jieba

    with timed() as timing:
        for text in texts:
            for _ in jieba.cut(text):
                pass
    return timing


def start_profiler():
    import cProfile

    profiler = cProfile.Profile()
    profiler.enable()
    return profiler


def print_hot_spots(profiler) -> None:
    import pstats

    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stderr).strip_dirs()
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(40)


def report(rows: list[list[dict]]) -> None:
    """One line per import, then per corpus the best and median ratios over its repeated imports."""
    print(f"database: {rows[0][0]['vendor']}, import_seeds --jobs {rows[0][0]['jobs']}")
    print(
        f"{'corpus':<7}{'files':>7}{'articles':>10}{'import s':>10}{'art/s':>7}{'jieba s':>9}{'ratio':>7}"
        f"{'cpu ratio':>11}{'main cpu':>10}{'main MB':>9}{'worker MB':>11}"
    )
    for runs in rows:
        for row in runs:
            print(
                f"{row['corpus']:<7}{row['files']:>7}{row['articles']:>10}{row['import_wall']:>10.1f}"
                f"{row['articles'] / row['import_wall']:>7.0f}{row['jieba_wall']:>9.1f}"
                f"{wall_ratio(row):>7.2f}{cpu_ratio(row):>11.2f}"
                f"{row['import_main_cpu'] / row['jieba_cpu']:>10.2f}"
                f"{row['main_rss_mb']:>9.0f}{row['worker_rss_mb']:>11.0f}"
            )
    for runs in rows:
        if len(runs) > 1:
            print(
                f"{runs[0]['corpus']}: ratio best {min(map(wall_ratio, runs)):.2f} median "
                f"{statistics.median(map(wall_ratio, runs)):.2f}; cpu ratio best "
                f"{min(map(cpu_ratio, runs)):.2f} median {statistics.median(map(cpu_ratio, runs)):.2f}"
            )
    small, large = rows[0][0], rows[-1][0]
    growth = large["main_rss_mb"] / small["main_rss_mb"]
    scale = large["articles"] / small["articles"]
    print(f"peak RSS of the importing process grows {growth:.2f}x for {scale:.1f}x the articles")
    print(
        "ratio: import wall time / jieba.cut wall time; cpu ratio: the same in CPU seconds, workers "
        "included; main cpu: the importing process alone (database writes) / jieba.cut CPU seconds"
    )


def wall_ratio(row: dict) -> float:
    return row["import_wall"] / row["jieba_wall"]


def cpu_ratio(row: dict) -> float:
    return row["import_cpu"] / row["jieba_cpu"]


if __name__ == "__main__":
    main()
