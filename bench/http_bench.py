"""How fast the site answers readers over HTTP, and how that holds from 1k to 100k articles.

For each size, a synthetic archive (bench/_synthetic.py) is built once and cached by size in a
temporary directory (SQLite files; databases on a PostgreSQL server), keyed by a hash of the code
and data that shape it. Against it, gunicorn runs on 127.0.0.1 with production settings
(`portal.settings.prod`, DEBUG off) twice: with the configured cache (pages repeated: "cached") and
with `CACHE_URL=dummycache://` ("uncached"). wrk loads each page, and /healthz as the ceiling, at 16
connections for a few seconds and reports requests/s, p50 and p99. In-process, the listing's query
counts at page sizes 20 and 100, search latency and a LIKE scan are measured, and the slowest SQL of
each page is kept. Then the issue's targets are printed with PASS/FAIL. See bench/README.md.

SQLite always; PostgreSQL too when DATABASE_URL names a server, or with --postgres on a throwaway
cluster (scripts/pg-throwaway.sh).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SIZES = (1_000, 10_000, 100_000)
CONNECTIONS = 16
WRK_THREADS = 2
POSTGRES_SCHEMES = ("postgres://", "postgresql://", "pgsql://", "psql://")
# What the cached archive depends on: change any of these and it is built again.
ARCHIVE_INPUTS = (
    "bench/_synthetic.py",
    "articles/migrations/*.py",
    "organizations/migrations/*.py",
    "importer/**/*.py",
    "seeds/*.txt",
    "fixtures/organizations.json",
)
SEARCH_SAMPLES = 20
SEARCH_BUDGET_SECONDS = 5.0
# Queries measured in-process give up after this long; a page that slow is not loaded over HTTP either,
# since each request would hold a gunicorn worker for its whole timeout.
QUERY_DEADLINE_SECONDS = 5.0
SLOW_PAGE_MS = 1000
SLOW_QUERIES_KEPT = 3
# wrk prints its own summary; this script adds one JSON line with the percentiles we report.
WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "socket_errors": %d, "bad_status": %d, '
      .. '"p50_us": %d, "p95_us": %d, "p99_us": %d}\\n',
    summary.requests, summary.duration,
    errors.connect + errors.read + errors.write + errors.timeout, errors.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""

# Targets (the issue's), checked in `report_targets`.
CACHED_SHARE_OF_CEILING = 0.6
UNCACHED_LISTING_SHARE_OF_CEILING = 0.15
POSTGRES_SHARE_OF_SQLITE = 0.7
MAX_LISTING_QUERIES = 8
MAX_P99_MS_AT_100K = 100
MAX_SEARCH_P95_MS_AT_100K = 50
MAX_COMMON_OVER_RARE = 3
MAX_SEARCH_OVER_LIKE = 0.1
MAX_P50_GROWTH = 1.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated article counts")
    parser.add_argument("--duration", type=int, default=3, help="seconds of load per page and mode")
    parser.add_argument("--warmup", type=int, default=1, help="seconds of unmeasured load first")
    parser.add_argument("--postgres", action="store_true", help="also run on a throwaway PostgreSQL cluster")
    parser.add_argument("--postgres-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--results", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--build", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.sizes = sorted(int(size) for size in args.sizes.split(","))
    if args.build:
        build_in_child(args.build)
    elif args.measure:
        print(json.dumps(measure_in_process(args.measure)))
    elif args.postgres_only:
        args.results.write_text(json.dumps(run_postgres(args)))
    else:
        run_everything(args)


# The parent: which databases, which sizes.


def run_everything(args: argparse.Namespace) -> None:
    if not shutil.which("wrk"):
        sys.exit("http_bench: wrk is not installed (apt-get install wrk)")
    collect_static()
    results = run_sqlite(args)
    if is_postgres(os.environ.get("DATABASE_URL", "")):
        results += run_postgres(args)
    elif args.postgres:
        results += run_postgres_throwaway(args)
    report(results, args)


def run_sqlite(args: argparse.Namespace) -> list[dict]:
    directory = cache_directory()
    results = []
    for size in args.sizes:
        path = directory / f"bench_{size}.sqlite3"
        if not path.exists():
            building = path.with_suffix(".building")
            building.unlink(missing_ok=True)
            run_child(["--build", str(size)], f"sqlite:///{building}")
            building.rename(path)
        results.append(measure_size(f"sqlite:///{path}", size, args))
    return results


def run_postgres(args: argparse.Namespace) -> list[dict]:
    server = os.environ["DATABASE_URL"]
    results = []
    for size in args.sizes:
        name = f"http_bench_{archive_key()}_{size}"
        if not database_exists(server, name):
            building = f"{name}_building"
            recreate_database(server, building)
            run_child(["--build", str(size)], with_database(server, building))
            rename_database(server, building, name)
        results.append(measure_size(with_database(server, name), size, args))
    return results


def run_postgres_throwaway(args: argparse.Namespace) -> list[dict]:
    """This script again inside scripts/pg-throwaway.sh, for the PostgreSQL part only."""
    with tempfile.TemporaryDirectory(prefix="http-bench-") as workdir:
        results = Path(workdir) / "postgres.json"
        command = [
            str(ROOT / "scripts" / "pg-throwaway.sh"),
            PYTHON,
            str(Path(__file__).resolve()),
            "--postgres-only",
            "--results",
            str(results),
            "--sizes",
            ",".join(map(str, args.sizes)),
            "--duration",
            str(args.duration),
            "--warmup",
            str(args.warmup),
        ]
        completed = subprocess.run(command, cwd=ROOT)
        if completed.returncode == 3:
            print("http_bench: no PostgreSQL server binaries; PostgreSQL skipped", file=sys.stderr)
            return []
        completed.check_returncode()
        return json.loads(results.read_text())


def is_postgres(url: str) -> bool:
    return url.startswith(POSTGRES_SCHEMES)


def archive_key() -> str:
    """A short hash of everything the synthetic archive is built from."""
    digest = hashlib.sha256()
    for pattern in ARCHIVE_INPUTS:
        for path in sorted(ROOT.glob(pattern)):
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cache_directory() -> Path:
    directory = Path(tempfile.gettempdir()) / "portal-http-bench" / archive_key()
    directory.mkdir(parents=True, exist_ok=True)
    return directory


def child_environment(database_url: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT), **extra}


def run_child(arguments: list[str], database_url: str) -> str:
    """This script in a child process, where Django is set up for one database."""
    command = [PYTHON, str(Path(__file__).resolve()), *arguments]
    environment = child_environment(database_url, CACHE_URL="dummycache://")
    completed = subprocess.run(command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, text=True)
    completed.check_returncode()
    return completed.stdout


def collect_static() -> None:
    """The production settings serve static files from a manifest, which collectstatic writes."""
    environment = {**production_environment(), "DATABASE_URL": "sqlite:///:memory:"}
    command = [PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"]
    subprocess.run(command, cwd=ROOT, env=environment, check=True)


# PostgreSQL databases, one per size, managed over a plain connection.


def admin_connection(server: str):
    import environ
    import psycopg

    config = environ.Env.db_url_config(server)
    return psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname=config["NAME"],
        autocommit=True,
    )


def database_exists(server: str, name: str) -> bool:
    with admin_connection(server) as connection:
        return (
            connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None
        )


def recreate_database(server: str, name: str) -> None:
    with admin_connection(server) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def rename_database(server: str, old: str, new: str) -> None:
    with admin_connection(server) as connection:
        connection.execute(f'ALTER DATABASE "{old}" RENAME TO "{new}"')


def with_database(url: str, name: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))


# One size: in-process measurements in a child, then HTTP load on gunicorn.


def measure_size(database_url: str, size: int, args: argparse.Namespace) -> dict:
    measured = json.loads(run_child(["--measure", str(size)], database_url).splitlines()[-1])
    print(f"{measured['vendor']} {size}: loading over HTTP", file=sys.stderr)
    measured["http"] = {}
    for mode, uncached in (("cached", False), ("uncached", True)):
        # Cached, a slow page costs one render per worker; uncached, every request holds a worker.
        limit = SLOW_PAGE_MS if uncached else QUERY_DEADLINE_SECONDS * 1000
        loadable = {
            name: path
            for name, path in measured["urls"].items()
            if (measured["pages"][name]["ms"] or float("inf")) <= limit
        }
        with gunicorn(database_url, uncached) as base:
            urls = {"ceiling": "/healthz", **loadable}
            measured["http"][mode] = {
                name: load(base, path, args.duration, args.warmup) for name, path in urls.items()
            }
    return measured


def production_environment() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.prod",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Plain HTTP on the loopback: no redirect to HTTPS.
        "SECURE_SSL_REDIRECT": "false",
        "PYTHONPATH": str(ROOT),
    }


@contextmanager
def gunicorn(database_url: str, uncached: bool) -> Iterator[str]:
    """gunicorn serving the site on a free loopback port; yields its base URL."""
    if uncached:
        with serving(database_url, CACHE_URL="dummycache://", PAGE_CACHE_SECONDS="0") as base:
            yield base
        return
    # Shared by the workers, as production's cache must be (portal.W001): a worker recycled by
    # max_requests, or one that has not seen a page yet, finds what the others rendered.
    with (
        tempfile.TemporaryDirectory(prefix="portal-page-cache-") as directory,
        serving(database_url, CACHE_URL=f"filecache://{directory}") as base,
    ):
        yield base


@contextmanager
def serving(database_url: str, **settings: str) -> Iterator[str]:
    """gunicorn with `settings` in its environment, answering on a free port."""
    port = free_port()
    environment = {**production_environment(), "DATABASE_URL": database_url, **settings}
    command = [PYTHON, "-m", "gunicorn", "portal.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    # Several servers may run at once (tests, benchmarks): none takes the shared control socket.
    command += ["--no-control-socket", "--log-level", "warning"]
    if not (ROOT / "gunicorn.conf.py").exists():
        command += ["--workers", str(os.cpu_count() or 1)]
    server = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base + "/healthz", server)
        warm_up(base)
        yield base
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(url: str, server: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=10):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} within {timeout} s")


def warm_up(base: str) -> None:
    """Every worker past its first requests (imports, connections) before anything is measured."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_REPORT)
        script.flush()
        wrk(base + "/healthz", 2, script.name)


def load(base: str, path: str, duration: int, warmup: int) -> dict:
    """wrk at CONNECTIONS connections: requests/s, latency percentiles in ms, errors."""
    check_ok(base + path)
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_REPORT)
        script.flush()
        if warmup:
            drain(base, wrk(base + path, warmup, script.name))
        stats = wrk(base + path, duration, script.name)
        drain(base, stats)
    if not stats["requests"]:  # every request outlasted the run: no latency was measured
        return {"rps": 0.0, "p50": math.inf, "p95": math.inf, "p99": math.inf, "errors": 0}
    return {
        "rps": stats["requests"] / (stats["duration_us"] / 1e6),
        "p50": stats["p50_us"] / 1000,
        "p95": stats["p95_us"] / 1000,
        "p99": stats["p99_us"] / 1000,
        "errors": stats["socket_errors"] + stats["bad_status"],
    }


def check_ok(url: str) -> None:
    with urllib.request.urlopen(url, timeout=60) as response:
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")


def drain(base: str, stats: dict) -> None:
    """Wait for the requests wrk left in flight when it stopped, so they don't slow the next run.

    A threaded worker answers /healthz beside them, so the answer alone proves nothing; those
    requests finish within about the run's p99 latency.
    """
    time.sleep(stats["p99_us"] / 1e6 + 0.2)
    check_ok(base + "/healthz")


def wrk(url: str, duration: int, script: str) -> dict:
    command = ["wrk", f"-t{WRK_THREADS}", f"-c{CONNECTIONS}", f"-d{duration}s", "--timeout", "10s"]
    completed = subprocess.run([*command, "-s", script, url], stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


# In a child process: building an archive, and what is measured inside Django.


def setup_django() -> None:
    import logging

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    import django

    django.setup()
    # A query cut off by `query_deadline` is reported in the results, not as a logged server error.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)


def build_in_child(size: int) -> None:
    setup_django()
    import _synthetic

    started = time.perf_counter()
    built = _synthetic.build(size)
    print(f"built {built} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def measure_in_process(size: int) -> dict:
    setup_django()
    import _synthetic
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the test client's "testserver" host in
    common, share = _synthetic.common_term()
    urls, listing = page_urls(common)
    pages = page_queries(urls)
    return {
        "vendor": connection.vendor,
        "size": size,
        "urls": urls,
        "listing_queries": listing_queries(listing),
        "search": search_timings({"common": common, "rare": _synthetic.RARE_TERM}, pages),
        "common_term": {"term": common, "share": share},
        "pages": pages,
    }


def page_urls(common_term: str) -> tuple[dict[str, str], dict[str, str]]:
    """The pages to load. The filtered listing is the prefecture and meeting type with the most
    articles together, so that it fills a page at every size and sizes compare like for like
    (the first prefecture's busiest type listed 7 articles at 1k, a full page at 100k)."""
    import _synthetic

    from articles.facets import facet_index
    from articles.models import Article
    from organizations.models import Organization

    index = facet_index()
    pairs = [
        (prefecture, meeting_type)
        for prefecture in Organization.objects.prefectures().order_by("code")
        for meeting_type in index.meeting_types
    ]
    prefecture, meeting_type = max(
        pairs, key=lambda pair: (index.in_region(pair[0]) & index.meeting_types[pair[1]]).bit_count()
    )
    listing = {"region": prefecture.code, "meeting_type": meeting_type}
    article = Article.objects.published().filter(meetings__isnull=False).order_by("-pk").first()
    urls = {
        "home": "/",
        "listing": "/articles/?" + urllib.parse.urlencode(listing),
        "article": article.get_absolute_url(),
        "search_common": "/articles/?" + urllib.parse.urlencode({"q": common_term}),
        "search_rare": "/articles/?" + urllib.parse.urlencode({"q": _synthetic.RARE_TERM}),
        "committee": prefecture.get_absolute_url(),
    }
    return urls, listing


def listing_queries(filters: dict[str, str]) -> dict[str, dict[int, int]]:
    """Queries one listing page costs at page sizes 20 and 100 (`page_size`), unfiltered and filtered."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts: dict[str, dict[int, int]] = {}
    for name, params in (("all", {}), ("filtered", filters)):
        counts[name] = {}
        for page_size in (20, 100):
            query = {**params, "page_size": str(page_size)}
            client.get("/articles/", query)  # warm: content types and the like are cached per process
            with CaptureQueriesContext(connection) as captured:
                client.get("/articles/", query)
            counts[name][page_size] = len(captured)
    return counts


def search_timings(terms: dict[str, str], pages: dict[str, dict]) -> dict[str, dict]:
    """Per term: p50/p95 of the whole search page in-process, and search vs a LIKE scan over bodies.

    Times are in ms; None where a call ran out of QUERY_DEADLINE_SECONDS.
    """
    from django.test import Client

    from articles import search
    from articles.models import Article

    client = Client()
    timings = {}
    for name, term in terms.items():
        # What the listing pages: the matches listed once (ids, newest first), ranked among the
        # newest (articles.search.RankedMatches).
        matching = search.matching(Article.objects.published(), term)
        scanned = Article.objects.published().filter(body__icontains=term).newest_first()
        page = None
        if pages[f"search_{name}"]["ms"] is not None:
            page = samples(lambda term=term: client.get("/articles/", {"q": term}))
        search_query = samples(lambda term=term: first_page(listed(term)), limit=5)
        like_query = samples(lambda scanned=scanned: first_page(scanned), limit=5)
        timings[name] = {
            "term": term,
            "matches": matching.count(),
            "page_p50": page and percentile(page, 50),
            "page_p95": page and percentile(page, 95),
            "search_query": search_query and statistics.median(search_query),
            "like_query": like_query and statistics.median(like_query),
        }
    return timings


def listed(term: str):
    """The search's matches as the listing pages a search alone (`ArticleListView.search_facets`):
    their ids listed once, newest first, then ranked, the rows read by id."""
    from articles import search
    from articles.filters import ArticleFilter
    from articles.views import published_articles

    filterset = ArticleFilter({"q": term}, queryset=published_articles())
    return search.RankedMatches(term, published_articles(), filterset.newest_matches(filtered=False))


def first_page(results) -> None:
    """What a listing page asks of its results: the count and the first 20."""
    results.count()
    list(results[:20])


def samples(call: Callable[[], object], limit: int = SEARCH_SAMPLES) -> list[float] | None:
    """Milliseconds per call after one warm-up call; fewer samples when calls are slow.

    None when a call's queries run out of QUERY_DEADLINE_SECONDS.
    """
    from django.db import OperationalError

    timings: list[float] = []
    deadline = time.perf_counter() + SEARCH_BUDGET_SECONDS
    try:
        with query_deadline(QUERY_DEADLINE_SECONDS):
            call()
        while len(timings) < limit and (len(timings) < 3 or time.perf_counter() < deadline):
            # Each call gets the whole deadline: one shared by all samples cut off a page of 0.4 s.
            with query_deadline(QUERY_DEADLINE_SECONDS):
                started = time.perf_counter()
                call()
                timings.append((time.perf_counter() - started) * 1000)
    except OperationalError:
        return None
    return timings


@contextmanager
def query_deadline(seconds: float) -> Iterator[None]:
    """Queries interrupted after `seconds`: the search of a common word can otherwise run for hours.

    SQLite checks a clock every few thousand virtual machine steps; PostgreSQL has statement_timeout.
    """
    from django.db import connection

    connection.ensure_connection()
    if connection.vendor == "sqlite":
        give_up = time.monotonic() + seconds
        connection.connection.set_progress_handler(lambda: int(time.monotonic() > give_up), 10_000)
        try:
            yield
        finally:
            connection.connection.set_progress_handler(None, 0)
        return
    with connection.cursor() as cursor:
        cursor.execute(f"SET statement_timeout = {int(seconds * 1000)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")


def percentile(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def page_queries(urls: dict[str, str]) -> dict[str, dict]:
    """Each page's time, query count and slowest queries, from one warm in-process request.

    A page whose queries run out of QUERY_DEADLINE_SECONDS has `ms` None.
    """
    from django.db import OperationalError, connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    pages = {}
    for name, url in urls.items():
        try:
            with query_deadline(QUERY_DEADLINE_SECONDS):
                client.get(url)
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url)
                    milliseconds = (time.perf_counter() - started) * 1000
        except OperationalError as error:
            pages[name] = {"ms": None, "queries": None, "slowest": [], "error": str(error)}
            continue
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        queries = sorted(captured.captured_queries, key=lambda query: float(query["time"]), reverse=True)
        pages[name] = {
            "ms": milliseconds,
            "queries": len(queries),
            "slowest": [(float(query["time"]) * 1000, query["sql"]) for query in queries[:SLOW_QUERIES_KEPT]],
        }
    return pages


# The report.

PAGES = ("ceiling", "home", "listing", "article", "search_common", "search_rare", "committee")
MODES = ("cached", "uncached")


def report(results: list[dict], args: argparse.Namespace) -> None:
    print(f"\nwrk: {CONNECTIONS} connections, {args.duration:g} s per page after {args.warmup:g} s warm-up")
    for result in results:
        print_size(result)
    print_slowest_queries(results)
    print("\ntargets")
    for line in report_targets(results):
        print(line)


def print_size(result: dict) -> None:
    common = result["common_term"]
    print(
        f"\n{result['vendor']}, {result['size']} articles  (common term {common['term']!r} in "
        f"{common['share']:.0%} of articles; '-': not loaded: uncached, slower than {SLOW_PAGE_MS} ms "
        "in-process; cached, timed out)"
    )
    columns = "".join(
        f"{mode + ' ' + column:>16}" for mode in MODES for column in ("req/s", "p50 ms", "p99 ms")
    )
    print(f"{'page':<14}{'queries':>8}{'in-proc ms':>11}{columns}{'errors':>8}")
    for name in PAGES:
        page = result["pages"].get(name, {"queries": 0, "ms": 0})
        cells = "".join(http_cells(result["http"][mode].get(name)) for mode in MODES)
        errors = sum(result["http"][mode].get(name, {}).get("errors", 0) for mode in MODES)
        print(f"{name:<14}{number(page['queries'], 'd', 8)}{number(page['ms'], '.0f', 11)}{cells}{errors:>8}")
    for name, timing in result["search"].items():
        print(
            f"search {name} {timing['term']!r}: {timing['matches']} matches; in-process page p50 "
            f"{number(timing['page_p50'], '.0f')} ms, p95 {number(timing['page_p95'], '.0f')} ms; count + "
            f"first 20: search {number(timing['search_query'], '.1f')} ms, LIKE scan "
            f"{number(timing['like_query'], '.1f')} ms"
        )
    print(f"listing queries by page size: {json.dumps(result['listing_queries'])}")


def http_cells(stats: dict | None) -> str:
    if stats is None:
        return f"{'-':>16}" * 3
    return f"{stats['rps']:>16.0f}{stats['p50']:>16.1f}{stats['p99']:>16.1f}"


def number(value: float | None, spec: str, width: int = 0) -> str:
    """A measured value, or "timeout" where it ran out of time."""
    text = "timeout" if value is None else format(value, spec)
    return f"{text:>{width}}"


def print_slowest_queries(results: list[dict]) -> None:
    for vendor in dict.fromkeys(result["vendor"] for result in results):
        largest = max((result for result in results if result["vendor"] == vendor), key=lambda r: r["size"])
        print(f"\nslowest queries, {vendor}, {largest['size']} articles (in-process, one warm request)")
        for name, page in largest["pages"].items():
            if page["ms"] is None:
                print(f"  {name:<14} timed out after {QUERY_DEADLINE_SECONDS:.0f} s: {page['error']}")
            for milliseconds, sql in page["slowest"][:2]:
                print(f"  {name:<14}{milliseconds:>8.1f} ms  {sql[:400]}")


def report_targets(results: list[dict]) -> Iterator[str]:
    by_key = {(result["vendor"], result["size"]): result for result in results}
    for result in results:
        label = f"{result['vendor']} {result['size']}"
        yield from ceiling_targets(result, label, by_key)
        counts = result["listing_queries"]
        flat = all(
            len(set(sizes.values())) == 1 and max(sizes.values()) <= MAX_LISTING_QUERIES
            for sizes in counts.values()
        )
        described = ", ".join(f"{name} {sizes['20']}/{sizes['100']}" for name, sizes in counts.items())
        yield verdict(
            flat,
            f"{label}: listing queries at page size 20/100: {described} (equal, <= {MAX_LISTING_QUERIES})",
        )
        if result["size"] >= 100_000:
            yield from large_size_targets(result, label)
    for vendor in dict.fromkeys(result["vendor"] for result in results):
        yield from growth_targets(by_key, vendor)


def ceiling_targets(result: dict, label: str, by_key: dict) -> Iterator[str]:
    cached, uncached = result["http"]["cached"], result["http"]["uncached"]
    for name in PAGES[1:]:
        share = rps(cached, name) / cached["ceiling"]["rps"]
        yield verdict(
            share >= CACHED_SHARE_OF_CEILING,
            f"{label}: cached {name} {share:.2f} of the ceiling (>= {CACHED_SHARE_OF_CEILING})",
        )
    if result["vendor"] == "sqlite":
        share = rps(uncached, "listing") / uncached["ceiling"]["rps"]
        yield verdict(
            share >= UNCACHED_LISTING_SHARE_OF_CEILING,
            f"{label}: uncached filtered listing {share:.2f} of the ceiling "
            f"(>= {UNCACHED_LISTING_SHARE_OF_CEILING})",
        )
        return
    sqlite = by_key.get(("sqlite", result["size"]))
    if sqlite and not rps(sqlite["http"]["uncached"], "listing"):
        yield f"n/a   {label}: uncached filtered listing vs SQLite's: SQLite's completed no request"
    elif sqlite:
        share = rps(uncached, "listing") / rps(sqlite["http"]["uncached"], "listing")
        yield verdict(
            share >= POSTGRES_SHARE_OF_SQLITE,
            f"{label}: uncached filtered listing {share:.2f} of SQLite's (>= {POSTGRES_SHARE_OF_SQLITE})",
        )


def rps(http: dict, name: str) -> float:
    """Requests per second; 0 for a page too slow to load, or one that answered with errors."""
    stats = http.get(name)
    return 0.0 if stats is None or stats["errors"] else stats["rps"]


def large_size_targets(result: dict, label: str) -> Iterator[str]:
    for mode in MODES:
        for name in PAGES[1:]:
            stats = result["http"][mode].get(name)
            p99 = "not loaded" if stats is None else f"{stats['p99']:.0f} ms"
            passed = stats is not None and not stats["errors"] and stats["p99"] < MAX_P99_MS_AT_100K
            yield verdict(passed, f"{label}: {mode} {name} p99 {p99} (< {MAX_P99_MS_AT_100K} ms)")
    search = result["search"]
    for name, timing in search.items():
        p95 = timing["page_p95"]
        yield verdict(
            p95 is not None and p95 < MAX_SEARCH_P95_MS_AT_100K,
            f"{label}: search {name} p95 {number(p95, '.0f')} ms in-process (< {MAX_SEARCH_P95_MS_AT_100K})",
        )
        if timing["search_query"] is None or timing["like_query"] is None:
            yield verdict(False, f"{label}: search {name} vs a LIKE scan: timed out")
            continue
        share = timing["search_query"] / timing["like_query"]
        yield verdict(
            share <= MAX_SEARCH_OVER_LIKE,
            f"{label}: search {name} {share:.2f} of a LIKE scan (<= {MAX_SEARCH_OVER_LIKE})",
        )
    common, rare = search["common"]["page_p95"], search["rare"]["page_p95"]
    ratio = None if common is None or rare is None else common / rare
    yield verdict(
        ratio is not None and ratio <= MAX_COMMON_OVER_RARE,
        f"{label}: common-term search p95 {number(ratio, '.1f')}x the rare term's "
        f"(<= {MAX_COMMON_OVER_RARE})",
    )


def growth_targets(by_key: dict, vendor: str) -> Iterator[str]:
    small, large = by_key.get((vendor, 1_000)), by_key.get((vendor, 100_000))
    if not (small and large):
        yield f"n/a   {vendor}: p50 growth from 1k to 100k articles needs both sizes"
        return
    for mode in MODES:
        for name in PAGES[1:]:
            before, after = small["http"][mode].get(name), large["http"][mode].get(name)
            growth = None if before is None or after is None else after["p50"] / before["p50"]
            yield verdict(
                growth is not None and growth <= MAX_P50_GROWTH,
                f"{vendor}: {mode} {name} p50 grows {number(growth, '.1f')}x from 1k to 100k "
                f"(<= {MAX_P50_GROWTH})",
            )


def verdict(passed: bool, text: str) -> str:
    return f"{'PASS' if passed else 'FAIL'}  {text}"


if __name__ == "__main__":
    main()
