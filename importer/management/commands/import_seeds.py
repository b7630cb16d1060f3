"""Import newspaper page files (text extracted from the printed pages) into the database.

This is the one way pages become articles, meetings and people on the site, so it must be safe to
run again and again: a page that parses as before writes nothing, editors' changes survive, and a bad
file is reported and skipped while the others import (the exit status says something failed).
Reading and parsing live in `importer.reading` / `importer.parsing`, writing in `importer.loading`;
this command only wires them together and reports.
"""

import sys
import traceback
from dataclasses import dataclass, fields
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from tqdm import tqdm

from importer.loading import (
    Committees,
    PageResult,
    UnknownCommittee,
    committees_by_code,
    load_page,
    plan_page,
)
from importer.parsing.directory import Directory
from importer.parsing.drafts import PageDraft
from importer.parsing.page import load_manifest, parse_page
from importer.reading import PageError
from importer.reading.decode import decode_page

ORGANIZATIONS_FIXTURE = settings.BASE_DIR / "fixtures" / "organizations.json"
# Below this many files the run is over before a progress bar would tell anyone anything.
PROGRESS_MIN_FILES = 20


class FileFailed(Exception):
    """One page file could not be imported; the reason is for the operator's eyes."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path


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
        files = f"文件：导入 {self.imported}，失败 {self.failed}"
        articles = (
            f"稿件：新建 {self.created}，更新 {self.updated}，未变 {self.unchanged}，"
            f"保留编辑版本 {self.kept_as_edited + self.kept_removed}，删除 {self.removed}，"
            f"待审 {self.flagged}"
        )
        lines = [files, articles]
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

    def handle(self, *args, paths: list[Path], dry_run: bool, **options) -> None:
        self.verbosity = options["verbosity"]
        self.traceback = options["traceback"]
        files = page_files(paths or [Path(settings.SEEDS_DIR)])
        directory = Directory.from_fixture(ORGANIZATIONS_FIXTURE)
        committees = committees_by_code()
        if not committees and not dry_run:
            raise CommandError("数据库中没有政协组织：请先运行 manage.py loaddata organizations")
        tally = Tally()
        manifests: dict[Path, dict[str, int]] = {}
        progress = self.progress(files)
        for path in progress:
            try:
                page, text = self.parse(path, directory, manifests)
                result = self.load(path, page, text, committees, dry_run)
            except FileFailed as failure:
                tally.failed += 1
                self.report_failure(str(failure), progress)
            else:
                tally.add(result)
                self.report_page(result)
        self.stdout.write(tally.summary(dry_run))
        if tally.failed:
            raise CommandError(f"{tally.failed} 个文件导入失败（见上方各行）", returncode=1)

    def parse(self, path: Path, directory: Directory, manifests: dict) -> tuple[PageDraft, str]:
        if path.parent not in manifests:
            manifests[path.parent] = load_manifest(path.parent)
        try:
            data = path.read_bytes()
            page = parse_page(path.name, data, directory, year_override=manifests[path.parent].get(path.name))
            text = decode_page(path.name, data)
        except PageError as error:
            raise FileFailed(path, error.reason) from error
        except OSError as error:
            raise FileFailed(path, f"无法读取（{error.strerror}）") from error
        except Exception as error:  # a parser bug on one page must not stop the batch; it is reported
            self.show_traceback()
            raise FileFailed(path, f"解析出错：{type(error).__name__}: {error}") from error
        if not page.articles:
            raise FileFailed(path, "未解析出任何稿件（不像报纸版面）")
        return page, text

    def load(
        self, path: Path, page: PageDraft, text: str, committees: Committees, dry_run: bool
    ) -> PageResult:
        if dry_run:
            return plan_page(page, text).result
        try:
            return load_page(page, text, committees)
        except (DatabaseError, UnknownCommittee) as error:
            self.show_traceback()
            raise FileFailed(
                path, f"写入数据库出错，本文件未导入：{type(error).__name__}: {error}"
            ) from error

    def progress(self, files: list[Path]) -> tqdm:
        shown = len(files) >= PROGRESS_MIN_FILES and self.verbosity >= 1 and self.stderr.isatty()
        return tqdm(files, file=sys.stderr, disable=not shown, unit="页", desc="导入")

    def report_failure(self, line: str, progress: tqdm) -> None:
        if progress.disable:
            self.stderr.write(line)
        else:
            progress.write(line, file=sys.stderr)

    def report_page(self, result: PageResult) -> None:
        if result.kept_removed and self.verbosity >= 1:
            positions = "、".join(str(position) for position in result.kept_removed)
            self.stdout.write(f"{result.filename}: 第 {positions} 篇已不在解析结果中，编辑修改过，予以保留")
        if self.verbosity >= 2:
            counts = ", ".join(f"{f.name}={getattr(result, f.name)}" for f in fields(result)[1:])
            self.stdout.write(f"{result.filename}: {counts}")

    def show_traceback(self) -> None:
        """With --traceback, the stack of an unexpected error, for whoever fixes the parser."""
        if self.traceback:
            self.stderr.write(traceback.format_exc())


def page_files(paths: list[Path]) -> list[Path]:
    """The files to import: each file given, and every *.txt in each directory given, sorted."""
    files = []
    for path in paths:
        files.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return files
