"""What production throws at the site: a database restart under load, an import killed midway, backups.

Most of these need PostgreSQL (a server to restart, a database a subprocess shares with the test,
pg_dump) and skip on SQLite with the reason. Restarting needs the throwaway cluster that
scripts/test.sh starts (scripts/pg-throwaway.sh sets PGDATA and PG_BIN for the test run).
"""

import io
import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from articles.models import Article, Meeting, SourcePage
from articles.tests.factories import make_article, make_meeting
from organizations.models import Organization, Person

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(settings.BASE_DIR)
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else "python3"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
REQUESTS_AFTER_RESTART = 100
# Models whose rows an import writes, counted to compare two imports.
IMPORTED_MODELS = (
    "SourcePage",
    "Article",
    "ArticleCommittee",
    "ArticleMeeting",
    "Meeting",
    "Mention",
    "Byline",
)


def require_postgresql(why: str) -> None:
    if connection.vendor != "postgresql":
        pytest.skip(f"needs PostgreSQL: {why}")


def require_throwaway_cluster() -> tuple[Path, Path]:
    """The cluster's data and bin directories, which only the throwaway cluster hands us."""
    require_postgresql("restarts the database server")
    if not (os.environ.get("PGDATA") and os.environ.get("PG_BIN")):
        pytest.skip("needs the throwaway cluster of scripts/test.sh (PGDATA and PG_BIN unset)")
    return Path(os.environ["PGDATA"]), Path(os.environ["PG_BIN"])


def database_url(name: str | None = None) -> str:
    """The test database (or another on the same server) as DATABASE_URL for a subprocess."""
    config = connection.settings_dict
    password = f":{urllib.parse.quote(config['PASSWORD'])}" if config["PASSWORD"] else ""
    address = f"{config['HOST']}:{config['PORT'] or 5432}"
    return f"postgres://{config['USER']}{password}@{address}/{name or config['NAME']}"


def subprocess_environment(url: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "DATABASE_URL": url, **extra}


def manage(*args: str, url: str | None = None) -> str:
    command = [PYTHON, "manage.py", *args]
    environment = subprocess_environment(url or database_url())
    completed = subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def export_in_process() -> str:
    out = io.StringIO()
    call_command("export_articles", stdout=out)
    return out.getvalue()


def row_counts() -> Counter:
    from django.apps import apps

    return Counter({name: apps.get_model("articles", name).objects.count() for name in IMPORTED_MODELS})


def delete_imported_rows() -> None:
    """Everything an import wrote, leaving the committees."""
    Article.objects.all().delete()
    Meeting.objects.all().delete()
    Person.objects.all().delete()
    SourcePage.objects.all().delete()


@pytest.fixture
def committees() -> None:
    call_command("loaddata", "organizations", verbosity=0)


# PostgreSQL restarted under load.


@contextmanager
def serve(**environment: str) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [PYTHON, "-m", "gunicorn", "portal.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", "2", "--no-control-socket", "--log-level", "warning"]
    env = subprocess_environment(database_url(), CACHE_URL="dummycache://", **environment)
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/healthz")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if fetch(url) == 200:
            return
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {timeout} s")


def fetch(url: str) -> int | str:
    """The status of a GET, or what went wrong instead."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        return f"{type(error).__name__}: {error}"


def restart_postgresql(data: Path, bin_dir: Path) -> None:
    """pg_ctl restart as the server's user; the server keeps the options it was started with."""
    command = [str(bin_dir / "pg_ctl"), "restart", "-D", str(data), "-m", "fast", "-w"]
    command += ["-l", str(data.parent / "server.log")]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, cwd=data.parent, check=True, capture_output=True, timeout=60)


def hammer(url: str, stop: threading.Event, statuses: list) -> None:
    while not stop.is_set():
        statuses.append(fetch(url))


@pytest.mark.parametrize("pool", [False, True], ids=["persistent-connections", "connection-pool"])
def test_pages_answer_after_postgresql_restarts_under_load(committees, pool):
    data, bin_dir = require_throwaway_cluster()
    meeting = make_meeting("620000", "standing")
    articles = [make_article(f"省政协召开常委会会议{number}", meetings=(meeting,)) for number in range(5)]
    urls = ["/articles/", "/", *(article.get_absolute_url() for article in articles)]
    environment = {"DATABASE_POOL": "true"} if pool else {"CONN_MAX_AGE": "600"}
    try:
        with serve(**environment) as base:
            assert [fetch(base + url) for url in urls * 2] == [200] * len(urls) * 2
            stop, during = threading.Event(), []
            loaders = [
                threading.Thread(target=hammer, args=(base + "/articles/", stop, during)) for _ in range(4)
            ]
            for loader in loaders:
                loader.start()
            restart_postgresql(data, bin_dir)
            stop.set()
            for loader in loaders:
                loader.join()
            with ThreadPoolExecutor(8) as requests:
                after = list(
                    requests.map(fetch, (base + urls[n % len(urls)] for n in range(REQUESTS_AFTER_RESTART)))
                )
    finally:
        connection.close()  # the restart killed this process's connection too; teardown needs a new one
    assert during, "no request was in flight during the restart"
    assert [status for status in after if status != 200] == []


# An import killed midway.


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The seeds plus as many renamed copies, as page files the importer has not seen."""
    directory = tmp_path / "pages"
    directory.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, directory / seed.name)
        shutil.copy(seed, directory / f"9{seed.name}")
    return directory


def test_import_killed_midway_then_rerun_ends_like_an_uninterrupted_one(committees, corpus):
    require_postgresql("the import runs in a subprocess on the test database (SQLite's is in memory)")
    importing = ["import_seeds", str(corpus), "--jobs", "1"]
    manage(*importing)
    uninterrupted, uninterrupted_counts = manage("export_articles"), row_counts()
    delete_imported_rows()

    files = len(list(corpus.glob("*.txt")))
    killed_after = kill_after_first_file(importing)
    assert 1 <= killed_after < files, "the import was not killed midway"
    manage(*importing)

    assert manage("export_articles") == uninterrupted
    assert row_counts() == uninterrupted_counts


def kill_after_first_file(arguments: list[str]) -> int:
    """Start the import, SIGKILL it (workers too) once a file has committed; the files committed then."""
    command = [PYTHON, "manage.py", *arguments]
    importer = subprocess.Popen(
        command,
        cwd=ROOT,
        env=subprocess_environment(database_url()),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    try:
        while not SourcePage.objects.exists():
            assert importer.poll() is None, "the import ended before a file committed"
            assert time.monotonic() < deadline, "no file committed within 60 s"
            time.sleep(0.02)
    finally:
        os.killpg(importer.pid, signal.SIGKILL)
        importer.wait(timeout=30)
    assert importer.returncode == -signal.SIGKILL
    return SourcePage.objects.count()


# Backups.


@pytest.fixture
def imported(committees) -> str:
    """The seeds imported; returns their export."""
    call_command("import_seeds", jobs=1, verbosity=0, stdout=io.StringIO())
    exported = export_in_process()
    assert exported.count("\n") == Article.objects.count() > 0
    return exported


def test_dumpdata_then_loaddata_preserves_the_export(imported, tmp_path):
    dump = tmp_path / "dump.json"
    call_command(
        "dumpdata", "organizations", "articles", natural_foreign=True, natural_primary=True, output=str(dump)
    )
    term = json.loads(imported.splitlines()[0])["headline"][:4]
    found = list(Article.objects.search(term).values_list("source_page__filename", "position"))
    delete_imported_rows()
    assert Article.objects.count() == 0

    call_command("loaddata", str(dump), verbosity=0)

    assert export_in_process() == imported
    assert Organization.objects.count() == 101
    assert list(Article.objects.search(term).values_list("source_page__filename", "position")) == found


def test_pg_dump_restored_into_a_new_database_preserves_the_export(imported, tmp_path):
    require_postgresql("pg_dump and pg_restore")
    bin_dir = server_bin_dir()
    config = connection.settings_dict
    server = ["-h", config["HOST"], "-p", str(config["PORT"] or 5432), "-U", config["USER"]]
    environment = {**os.environ, "PGPASSWORD": config["PASSWORD"] or ""}
    dump = tmp_path / "portal.dump"
    subprocess.run(
        [str(bin_dir / "pg_dump"), *server, "-Fc", "-f", str(dump), config["NAME"]],
        env=environment,
        check=True,
    )
    restored = f"{config['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{restored}"')
        cursor.execute(f'CREATE DATABASE "{restored}"')
    try:
        subprocess.run(
            [str(bin_dir / "pg_restore"), *server, "--no-owner", "-d", restored, str(dump)],
            env=environment,
            check=True,
        )
        assert manage("export_articles", url=database_url(restored)) == manage("export_articles") == imported
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored}"')


def server_bin_dir() -> Path:
    """The server's own client tools (PG_BIN), else the newest installed: pg_dump must not be older."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    installed = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_dump"), key=lambda path: int(path.parts[-3])
    )
    if not installed:
        pytest.skip("needs pg_dump from /usr/lib/postgresql/*/bin")
    return installed[-1].parent
