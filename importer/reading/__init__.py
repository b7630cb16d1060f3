"""Reading stage: the bytes of a page file -> a ReadPage of reflowed, normalised blocks. Pure."""

from importer.parsing.drafts import ReadPage

from .decode import decode_page
from .errors import PageError
from .layout import detect_layout
from .reflow import reflow

__all__ = ["PageError", "read_page"]


def read_page(filename: str, data: bytes) -> ReadPage:
    """Decode, detect the layout and reflow one page file; raises PageError for unreadable files."""
    raw_lines = decode_page(filename, data).split("\n")
    layout = detect_layout(raw_lines)
    return ReadPage(filename, layout, reflow(raw_lines, layout), tuple(raw_lines))
