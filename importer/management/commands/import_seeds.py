"""Import newspaper page files (text extracted from the printed pages) into the database.

This is the one way pages become articles, meetings and people on the site, so it must be safe to
run again and again: a page that parses as before writes nothing, editors' changes survive, and a bad
file is reported and skipped while the others import (the exit status says something failed).
Reading and parsing live in `importer.reading` / `importer.parsing`, writing in `importer.loading`;
this command wires them together, runs parsing and word segmentation (the costly, pure part) in
worker processes while the main process writes, and reports.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import traceback
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import jieba
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from tqdm import tqdm

from importer.loading import (
    Committees,
    PageResult,
    UnknownCommittee,
    committees_by_code,
    import_session,
    load_page,
    page_fingerprints,
    plan_page,
    search_texts_to_write,
    stored_fingerprints,
)
from importer.parsing.directory import Directory
from importer.parsing.drafts import PageDraft
from importer.parsing.page import load_manifest, parse_page
from importer.reading import PageError
from importer.reading.decode import decode_page

ORGANIZATIONS_FIXTURE = settings.BASE_DIR / "fixtures" / "organizations.json"
# Below this many files the run is over before a progress bar would tell anyone anything.
PROGRESS_MIN_FILES = 20
# Files parsed ahead of the one being written, per worker: enough that a long page or a commit that
# waits on the disk leaves no worker idle, few enough that memory does not grow with the corpus.
READ_AHEAD_PER_WORKER = 4


@dataclass
class ParsedFile:
    """One page file after the pure stages: its draft, text, fingerprints and segmented articles, or
    why it failed."""

    path: Path
    page: PageDraft | None = None
    text: str = ""
    prints: dict[int, str] = field(default_factory=dict)
    search_texts: dict[int, str] = field(default_factory=dict)
    failure: str | None = None
    traceback: str | None = None


@dataclass
class Tally:
    """Totals over the run for the summary."""

    imported: int = 0
    failed: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_as_edited: int = 0
    removed: int = 0
    kept_removed: int = 0
    flagged: int = 0

    def add(self, result: PageResult) -> None:
        self.imported += 1
        for counter in ("created", "updated", "unchanged", "kept_as_edited", "removed", "flagged"):
            setattr(self, counter, getattr(self, counter) + getattr(result, counter))
        self.kept_removed += len(result.kept_removed)

    def summary(self, dry_run: bool) -> str:
        lines = [
            f"文件：导入 {self.imported}，失败 {self.failed}",
            f"稿件：新建 {self.created}，更新 {self.updated}，未变 {self.unchanged}，"
            f"保留编辑版本 {self.kept_as_edited + self.kept_removed}，删除 {self.removed}，"
            f"待审 {self.flagged}",
        ]
        if dry_run:
            lines.insert(0, "试运行：以下为将要进行的改动，数据库未写入。")
        return "\n".join(lines)


class Command(BaseCommand):
    help = "导入版面文本文件（默认 seeds/ 下全部 *.txt）；重复导入只写入有变化的稿件，保留编辑的修改。"

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "paths", nargs="*", metavar="PATH", type=Path, help="版面文件或目录（目录取其中的 *.txt）"
        )
        parser.add_argument("--dry-run", action="store_true", help="只解析并报告将要进行的改动，不写数据库")
        parser.add_argument(
            "--jobs", type=int, default=os.cpu_count() or 1, help="解析、分词的并行进程数（默认 CPU 核数）"
        )

    def handle(self, *args, paths: list[Path], dry_run: bool, jobs: int, **options) -> None:
        self.verbosity = options["verbosity"]
        self.traceback = options["traceback"]
        files = page_files(paths or [Path(settings.SEEDS_DIR)])
        committees = committees_by_code()
        if not committees and not dry_run:
            raise CommandError("数据库中没有政协组织：请先运行 manage.py loaddata organizations")
        tally = Tally()
        progress = self.progress(files)
        with import_session():
            for parsed in parse_files(progress, Directory.from_fixture(ORGANIZATIONS_FIXTURE), jobs, dry_run):
                result = self.load(parsed, committees, dry_run)
                if result is None:
                    tally.failed += 1
                    self.report_failure(f"{parsed.path}: {parsed.failure}", parsed.traceback, progress)
                else:
                    tally.add(result)
                    self.report_page(result)
        self.stdout.write(tally.summary(dry_run))
        if tally.failed:
            raise CommandError(f"{tally.failed} 个文件导入失败（见上方各行）", returncode=1)

    def load(self, parsed: ParsedFile, committees: Committees, dry_run: bool) -> PageResult | None:
        """Write a parsed file (or plan it, in a dry run); None when it failed, with the reason set."""
        if parsed.failure:
            return None
        if dry_run:
            return plan_page(parsed.page, parsed.text, parsed.prints).result
        try:
            return load_page(parsed.page, parsed.text, committees, parsed.search_texts, parsed.prints)
        except (DatabaseError, UnknownCommittee) as error:
            parsed.failure = f"写入数据库出错，本文件未导入：{type(error).__name__}: {error}"
            parsed.traceback = traceback.format_exc()
            return None

    def progress(self, files: list[Path]) -> tqdm:
        shown = len(files) >= PROGRESS_MIN_FILES and self.verbosity >= 1 and self.stderr.isatty()
        return tqdm(files, file=sys.stderr, disable=not shown, unit="页", desc="导入")

    def report_failure(self, line: str, stack: str | None, progress: tqdm) -> None:
        """One line per bad file; with --traceback, the stack too, for whoever fixes the parser."""
        if self.traceback and stack:
            line = f"{line}\n{stack}"
        if progress.disable:
            self.stderr.write(line)
        else:
            progress.write(line, file=sys.stderr)

    def report_page(self, result: PageResult) -> None:
        if result.kept_removed and self.verbosity >= 1:
            positions = "、".join(str(position) for position in result.kept_removed)
            self.stdout.write(f"{result.filename}: 第 {positions} 篇已不在解析结果中，编辑修改过，予以保留")
        if self.verbosity >= 2:
            self.stdout.write(
                f"{result.filename}: 新建 {result.created}，更新 {result.updated}，未变 {result.unchanged}，"
                f"保留编辑版本 {result.kept_as_edited}，删除 {result.removed}"
            )


def page_files(paths: list[Path]) -> list[Path]:
    """The files to import: each file given, and every *.txt in each directory given, sorted."""
    files = []
    for path in paths:
        files.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return files


# The pure stages, in worker processes.

_directory: Directory | None = None


def parse_files(
    files: Iterable[Path], directory: Directory, jobs: int, dry_run: bool
) -> Iterator[ParsedFile]:
    """Parse and segment files in order, in `jobs` worker processes, a bounded number ahead.

    Each task carries the stored fingerprints of its page, read just before it is handed out, so
    workers segment only the articles that will be written (none in a dry run).
    """
    manifests: dict[Path, dict[str, int]] = {}

    def tasks() -> Iterator[tuple]:
        for path in files:
            if path.parent not in manifests:
                manifests[path.parent] = load_manifest(path.parent)
            stored = None if dry_run else stored_fingerprints(path.name)
            yield path, manifests[path.parent].get(path.name), stored

    if jobs <= 1:
        set_directory(directory)
        yield from (parse_file(*task) for task in tasks())
        return
    jieba.initialize()  # once here rather than in every worker; forked workers share it
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs, initializer=set_directory, initargs=(directory,)) as pool:
        pending = deque()
        for task in tasks():
            pending.append(pool.apply_async(parse_file, task))
            if len(pending) >= jobs * READ_AHEAD_PER_WORKER:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def set_directory(directory: Directory) -> None:
    global _directory
    _directory = directory


def parse_file(path: Path, year_override: int | None, stored: dict[int, str] | None) -> ParsedFile:
    """Read, parse and segment one file; a bad file comes back with a reason instead of raising."""
    try:
        data = path.read_bytes()
        page = parse_page(path.name, data, _directory, year_override=year_override)
        text = decode_page(path.name, data)
    except PageError as error:
        return ParsedFile(path, failure=error.reason)
    except OSError as error:
        return ParsedFile(path, failure=f"无法读取（{error.strerror}）")
    except Exception as error:  # a parser bug on one page must not stop the batch; it is reported
        return ParsedFile(
            path, failure=f"解析出错：{type(error).__name__}: {error}", traceback=traceback.format_exc()
        )
    if not page.articles:
        return ParsedFile(path, failure="未解析出任何稿件（不像报纸版面）")
    prints = page_fingerprints(page)
    search_texts = {} if stored is None else search_texts_to_write(page, stored, prints)
    return ParsedFile(path, page=page, text=text, prints=prints, search_texts=search_texts)
