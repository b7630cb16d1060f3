"""Chinese full-text search: segmentation with jieba, shared by indexing and querying.

Indexing and querying must segment the same way, so both go through `segment`.
"""

import jieba

jieba.setLogLevel(60)  # jieba logs its dictionary loading at INFO on every process start


def segment(text: str) -> list[str]:
    """Search-engine segmentation: words plus their dictionary sub-words (乡村振兴 → 乡村, 振兴, 乡村振兴)."""
    return [token for token in jieba.cut_for_search(text) if token.strip()]


def index_text(*parts: str) -> str:
    """The space-separated tokens stored in Article.search_text for the database's full-text index."""
    return " ".join(token for part in parts if part for token in segment(part))
