"""Chinese full-text search: segmentation with jieba, shared by indexing and querying.

Indexing and querying must segment the same way, so both go through `segment`. The database does
the matching: on SQLite an FTS5 table over `Article.search_text`, kept in sync by triggers; on
PostgreSQL a GIN index on `to_tsvector('simple', search_text)` (both created by migration 0002).
Query text is reader input: it is segmented, stripped of operators and quoted here, never handed
to MATCH or to_tsquery as typed.
"""

import math
import re

import jieba
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connections
from django.db.models import F, FloatField, Func, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from jieba import finalseg

jieba.setLogLevel(60)  # jieba logs its dictionary loading at INFO on every process start

FTS_TABLE = "articles_article_fts"
# Longer input only slows jieba down; no reader types a 10 kB question.
MAX_QUERY_CHARS = 200
MAX_QUERY_TOKENS = 24


def segment(text: str) -> list[str]:
    """Search-engine segmentation: words plus their dictionary sub-words (乡村振兴 → 乡村, 振兴, 乡村振兴).

    The tokens of `jieba.cut_for_search` (whitespace dropped), computed by `_cut` and
    `_with_sub_words` in about 0.65 of the time jieba itself takes: segmentation is the costliest
    step of an import, and indexing and querying both come through here.
    """
    return [token for token in _with_sub_words(_cut(text), jieba.dt.FREQ) if token.strip()]


def _cut(text: str) -> list[str]:
    """`jieba.cut(text)` (accurate mode, HMM for unknown words), token for token.

    jieba's own code builds a DAG dict and takes `max` over generated tuples per character; this
    walks the same dictionary in one loop per character (`_route`) with identical arithmetic, so
    the same route wins, ties included.
    """
    tokenizer = jieba.dt
    tokenizer.check_initialized()
    frequencies, log_total = tokenizer.FREQ, math.log(tokenizer.total)
    tokens: list[str] = []
    for block in _HAN.split(text):
        if not block:
            continue
        if _HAN.match(block):
            _cut_block(block, frequencies, log_total, tokens)
            continue
        for piece in _SKIP.split(block):
            if _SKIP.match(piece):
                tokens.append(piece)
            else:
                tokens.extend(piece)  # punctuation and other symbols, one token per character
    return tokens


_HAN = jieba.re_han_default  # runs of Chinese, Latin letters and digits: what the dictionary segments
_SKIP = jieba.re_skip_default


def _route(block: str, frequencies: dict[str, int], log_total: float) -> list[int]:
    """For each start in `block`, the end of the word jieba's most probable route takes from there.

    jieba's `get_DAG` + `calc`: words are dictionary entries with a count (pure prefixes have 0), a
    character without one is a word of count 1, and of equal scores the longer word wins.
    """
    size = len(block)
    score = [0.0] * (size + 1)
    ends = [0] * size
    for start in range(size - 1, -1, -1):
        best, end = None, start + 1
        stop = start + 1
        count = frequencies.get(block[start])
        while count is not None:
            if count:
                value = math.log(count) - log_total + score[stop]
                if best is None or value >= best:
                    best, end = value, stop
            if stop == size:
                break
            stop += 1
            count = frequencies.get(block[start:stop])
        score[start] = 0.0 - log_total + score[start + 1] if best is None else best
        ends[start] = end
    return ends


def _cut_block(block: str, frequencies: dict[str, int], log_total: float, tokens: list[str]) -> None:
    """jieba's `__cut_DAG`: words of the route; runs of single characters go to the HMM."""
    ends = _route(block, frequencies, log_total)
    start, run_start = 0, None
    while start < len(block):
        end = ends[start]
        if end - start == 1:
            run_start = start if run_start is None else run_start
        else:
            if run_start is not None:
                _cut_run(block[run_start:start], frequencies, tokens)
                run_start = None
            tokens.append(block[start:end])
        start = end
    if run_start is not None:
        _cut_run(block[run_start:], frequencies, tokens)


def _cut_run(run: str, frequencies: dict[str, int], tokens: list[str]) -> None:
    """Single characters in a row: a name or other unknown word for the HMM, unless a dictionary word."""
    if len(run) == 1:
        tokens.append(run)
    elif not frequencies.get(run):
        tokens.extend(finalseg.cut(run))
    else:
        tokens.extend(run)


def _with_sub_words(words: list[str], frequencies: dict[str, int]) -> list[str]:
    """jieba's `cut_for_search`: before each word of 3+ characters, its dictionary 2- and 3-grams."""
    tokens: list[str] = []
    for word in words:
        length = len(word)
        if length > 2:
            tokens.extend(gram for i in range(length - 1) if frequencies.get(gram := word[i : i + 2]))
        if length > 3:
            tokens.extend(gram for i in range(length - 2) if frequencies.get(gram := word[i : i + 3]))
        tokens.append(word)
    return tokens


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
