"""Chinese full-text search: segmentation with jieba, shared by indexing and querying.

Indexing and querying must segment the same way, so both go through `segment`. The database does
the matching: on SQLite an FTS5 table over `Article.search_text`, kept in sync by triggers; on
PostgreSQL a GIN index on `to_tsvector('simple', search_text)` (both created by migration 0002).
Query text is reader input: it is segmented, stripped of operators and quoted here, never handed
to MATCH or to_tsquery as typed.
"""

import re

import jieba
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connections
from django.db.models import F, FloatField, Func, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

jieba.setLogLevel(60)  # jieba logs its dictionary loading at INFO on every process start

FTS_TABLE = "articles_article_fts"
# Longer input only slows jieba down; no reader types a 10 kB question.
MAX_QUERY_CHARS = 200
MAX_QUERY_TOKENS = 24


def segment(text: str) -> list[str]:
    """Search-engine segmentation: words plus their dictionary sub-words (乡村振兴 → 乡村, 振兴, 乡村振兴)."""
    return [token for token in jieba.cut_for_search(text) if token.strip()]


# The fields whose words go into Article.search_text; a change to any of them re-indexes the article.
INDEXED_FIELDS = ("headline", "subtitle", "body")


def article_index_text(article: object) -> str:
    """Article.search_text for an Article or an importer draft: both carry the indexed fields."""
    return index_text(*(getattr(article, name) or "" for name in INDEXED_FIELDS))


def index_text(*parts: str) -> str:
    """The space-separated tokens stored in Article.search_text for the database's full-text index."""
    return " ".join(token for part in parts if part for token in segment(part))


def query_tokens(query: str) -> list[str]:
    """The words of a reader's query, segmented like the index; punctuation and operators dropped."""
    text = query.replace("\x00", " ")[:MAX_QUERY_CHARS]
    words = (token for token in segment(text) if any(char.isalnum() for char in token))
    return list(dict.fromkeys(words))[:MAX_QUERY_TOKENS]


def fts5_match(tokens: list[str]) -> str:
    """An FTS5 MATCH expression requiring every token, each a quoted string so none acts as an operator."""
    return " AND ".join('"{}"'.format(token.replace('"', '""')) for token in tokens)


class FTS5Rank(Func):
    """bm25 of the article's row in the FTS5 table: lower is more relevant, so it is negated."""

    output_field = FloatField()

    def __init__(self, match: str) -> None:
        super().__init__(F("pk"), Value(match))

    def as_sql(self, compiler, connection, **extra_context):
        pk_sql, pk_params = compiler.compile(self.source_expressions[0])
        match_sql, match_params = compiler.compile(self.source_expressions[1])
        sql = (
            f"(SELECT -bm25({FTS_TABLE}) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH {match_sql} AND {FTS_TABLE}.rowid = {pk_sql})"
        )
        return sql, (*match_params, *pk_params)


class SimpleVector(Func):
    """The exact expression of the PostgreSQL GIN index, so the planner can use it."""

    template = "to_tsvector('simple'::regconfig, %(expressions)s)"
    output_field = SearchVectorField()


def search(queryset: QuerySet, query: str) -> QuerySet:
    """Articles matching every word of `query`, most relevant first, newer first among equals.

    Annotates `search_rank`. An empty query, or one with no words, matches nothing.
    """
    tokens = query_tokens(query)
    if not tokens:
        return queryset.none()
    if connections[queryset.db].vendor == "postgresql":
        return _search_postgresql(queryset, tokens)
    return _search_sqlite(queryset, tokens)


def _search_sqlite(queryset: QuerySet, tokens: list[str]) -> QuerySet:
    match = fts5_match(tokens)
    matching = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])
    return _by_relevance(queryset.filter(pk__in=matching).annotate(search_rank=FTS5Rank(match)))


def _search_postgresql(queryset: QuerySet, tokens: list[str]) -> QuerySet:
    tsquery = SearchQuery(" ".join(tokens), config="simple", search_type="plain")
    vector = SimpleVector("search_text")
    matching = queryset.annotate(search_vector=vector).filter(search_vector=tsquery)
    return _by_relevance(matching.annotate(search_rank=SearchRank(vector, tsquery)))


def _by_relevance(queryset: QuerySet) -> QuerySet:
    return queryset.order_by(F("search_rank").desc(), F("event_date").desc(nulls_last=True), "-pk")


def _token_pattern(query: str) -> re.Pattern | None:
    tokens = sorted(query_tokens(query), key=len, reverse=True)
    if not tokens:
        return None
    # A run of adjacent words (乡村 + 振兴) becomes one mark.
    return re.compile("(?:{})+".format("|".join(re.escape(token) for token in tokens)), re.IGNORECASE)


def highlight(text: str, query: str) -> SafeString:
    """`text` escaped, with every query word wrapped in <mark>."""
    pattern = _token_pattern(query)
    if pattern is None:
        return escape(text)
    return _mark(text, pattern)


def snippet(text: str, query: str, width: int = 120) -> SafeString:
    """About `width` characters of `text` around the first query word, highlighted and escaped."""
    text = " ".join(text.split())
    pattern = _token_pattern(query)
    found = pattern.search(text) if pattern else None
    start = max(0, found.start() - width // 4) if found else 0
    excerpt = text[start : start + width]
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(text) else ""
    body = _mark(excerpt, pattern) if pattern else escape(excerpt)
    return mark_safe(f"{prefix}{body}{suffix}")


def _mark(text: str, pattern: re.Pattern) -> SafeString:
    pieces = []
    position = 0
    for found in pattern.finditer(text):
        pieces.append(escape(text[position : found.start()]))
        pieces.append(f"<mark>{escape(found.group())}</mark>")
        position = found.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))
