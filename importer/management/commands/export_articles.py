"""Write the stored articles as JSON Lines (CONTRACTS.md §2).

The export is how other tools, and the checks of the importer, read what the database holds without
depending on its schema: one JSON object per article, in source then page order.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from importer.export import export_records


class Command(BaseCommand):
    help = "将数据库中的稿件以 JSON Lines 格式输出到标准输出（按来源文件、版面顺序）。"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--source", metavar="FILE", help="只导出这个来源文件（文件名或路径）的稿件")

    def handle(self, *args, source: str | None = None, **options) -> None:
        filename = Path(source).name if source else None
        for record in export_records(filename):
            self.stdout.write(json.dumps(record, ensure_ascii=False))
