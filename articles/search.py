"""Chinese full-text search: segmentation with jieba, shared by indexing and querying.

Indexing and querying must segment the same way, so both go through `segment`. The database does
the matching: on SQLite an FTS5 table over `Article.search_text`, kept in sync by triggers (migration
0002); on PostgreSQL a stored `search_vector` column, `to_tsvector('simple', search_text)`, with a
GIN index (migration 0003). Relevance is computed from `search_text` for the newest matches only
(`relevance`, `RANKED_MATCHES`), so a word in every article is about as fast as a rare one.
Query text is reader input: it is segmented, stripped of operators and quoted here, never handed
to MATCH or to_tsquery as typed.
"""

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import jieba
from django.db import connections
from django.db.models import (
    BooleanField,
    Case,
    F,
    FloatField,
    Func,
    QuerySet,
    Value,
    When,
)
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import ListedArticle

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


class FTS5Match(Func):
    """The article's row is among the FTS5 matches of `match`.

    With many matches the id gets a unary plus, so SQLite cannot look every match up by primary
    key: reading `status` and `event_date` from rows whose texts spill onto overflow pages costs
    200-400 ms for 100k matches, while checking ids against the match list along the (status,
    event_date) index costs 15-40 ms. With few matches the lookups are the cheap way (a rare word:
    11 lookups instead of a walk over the whole index). The matches are counted (`fts5_count`) to
    choose, and only when the condition is compiled: the listing itself walks the index instead
    (`fts5_newest_ids`).
    """

    conditional = True
    output_field = BooleanField()

    def __init__(self, match: str) -> None:
        super().__init__(F("pk"), Value(match))
        self.match = match
        # Shared by the copies Django makes of an expression, so one request counts once.
        self.counted: dict[str, int] = {}

    def many(self, using: str) -> bool:
        if using not in self.counted:
            self.counted[using] = fts5_count(self.match, using)
        return self.counted[using] > FEW_MATCHES

    def as_sql(self, compiler, connection, **extra_context):
        pk_sql, pk_params = compiler.compile(self.source_expressions[0])
        match_sql, match_params = compiler.compile(self.source_expressions[1])
        column = f"+{pk_sql}" if self.many(connection.alias) else pk_sql
        ids = f"SELECT rowid & {FTS5_ID_MASK} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH {match_sql}"
        return f"{column} IN ({ids})", (*pk_params, *match_params)


# Above this many FTS5 matches, checking ids along the date index beats looking each match up.
FEW_MATCHES = 10_000
# An FTS5 row's key is the article's date, then its id in the low bits (migration 0005).
FTS5_ID_BITS = 32
FTS5_ID_MASK = (1 << FTS5_ID_BITS) - 1
# Keys read by the first query while walking the matches newest first (each next one reads twice
# as many).
FTS5_WALK = 2000


def fts5_count(match: str, using: str) -> int:
    """Rows matching `match` in the FTS5 index alone: milliseconds even for 100k matches."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])
        return cursor.fetchone()[0]


def fts5_newest_ids(match: str, using: str, accepts: Callable[[int], bool], limit: int) -> list[int]:
    """Ids of the newest articles matching `match` that `accepts` takes, newest first, `limit` at most.

    The FTS5 rows are keyed by date then id, so walking their keys down lists the matches newest
    first: the newest thousand of a word in every one of 100k articles are its first thousand
    rows (0.4 ms), where ordering the matches by the articles' dates sorts them all (20-70 ms).
    `accepts` leaves out what the listing does not show (unpublished, other filters).
    """
    found: list[int] = []
    below: list[int] = []
    size = FTS5_WALK
    with connections[using].cursor() as cursor:
        while len(found) < limit:
            bound = " AND rowid < %s" if below else ""
            matches = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s{bound}"
            cursor.execute(f"{matches} ORDER BY rowid DESC LIMIT %s", [match, *below, size])
            keys = [key for (key,) in cursor.fetchall()]
            found.extend(pk for key in keys if accepts(pk := key & FTS5_ID_MASK))
            if len(keys) < size:
                break
            below = [keys[-1]]
            size *= 2  # what `accepts` takes is rare this far down: fewer, longer reads
    return found[:limit]


class VectorMatch(Func):
    """The article's stored `search_vector` (migration 0003) matches every word of `words`."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, words: str) -> None:
        super().__init__(F("pk"), Value(words))

    def as_sql(self, compiler, connection, **extra_context):
        pk = self.source_expressions[0]  # resolved to the article table's column, under its alias
        words_sql, words_params = compiler.compile(self.source_expressions[1])
        table = compiler.quote_name_unless_alias(pk.alias)
        return f"{table}.search_vector @@ plainto_tsquery('simple'::regconfig, {words_sql})", words_params


def match_condition(query: str, using: str) -> Func | None:
    """The condition an article containing every word of `query` meets; None if it has no words.

    Build it once per request and filter with it as often as needed: on SQLite it counts the
    matches (once) to pick the cheaper plan.
    """
    tokens = query_tokens(query)
    if not tokens:
        return None
    if connections[using].vendor == "postgresql":
        return VectorMatch(" ".join(tokens))
    return FTS5Match(fts5_match(tokens))


def matching(queryset: QuerySet, query: str | Func | None) -> QuerySet:
    """The articles of `queryset` containing every word of `query`, in the queryset's own order.

    `query` is the reader's text or a `match_condition` built from it. An empty query, or one with
    no words, matches nothing.
    """
    condition = match_condition(query, queryset.db) if isinstance(query, str) else query
    return queryset.none() if condition is None else queryset.filter(condition)


# Relevance is ranked among the newest matches only, so a word found in every article costs what a
# rare one does: ranking reads each candidate's text, and the newest come from the date index.
RANKED_MATCHES = 200
# BM25's term-frequency saturation and length normalisation (Robertson's usual constants).
BM25_K1 = 1.2
BM25_B = 0.75
TYPICAL_TOKENS = 400  # about the seeds' average tokens per search_text: neither long nor short
# Counting every match of a word found in most articles reads them all (1 s for 100k on
# PostgreSQL); past this many a search says "at least", as search engines say "about".
COUNT_LIMIT = 1000


def relevance(search_text: str, tokens: list[str]) -> float:
    """BM25's term part, summed over the query's words, from the article's `search_text`.

    An article ranks high when the words recur in it, more so in a short one. BM25's inverse
    document frequency, which would weigh a rare query word above a common one, is left out: every
    match contains every word anyway, and it would cost a count per word. Computed here rather than
    in SQL: string functions over 200 long texts cost 15-40 ms per query word in the database,
    scanning them here under 1 ms, and both databases rank alike by construction.
    """
    length = search_text.count(" ") + 1
    norm = BM25_K1 * (1 - BM25_B) + BM25_K1 * BM25_B * length / TYPICAL_TOKENS
    score = 0.0
    for token in tokens:
        frequency = word_count(search_text, token)
        score += frequency * (BM25_K1 + 1) / (frequency + norm)
    return score


def word_count(search_text: str, word: str) -> int:
    """How often `word` (no spaces: a query token) is a whole word of the space-separated text.

    `str.find` jumps between occurrences in C, so a text is scanned once and only the few
    occurrences are looked at here: "政协" inside "政协委员" is no occurrence, "政协 政协" two.
    Building a copy of each text with doubled spaces for `str.count` cost ten times as much.
    """
    count, size, end = 0, len(word), len(search_text)
    found = search_text.find(word)
    while found >= 0:
        after = found + size
        if (found == 0 or search_text[found - 1] == " ") and (after == end or search_text[after] == " "):
            count += 1
        found = search_text.find(word, after)
    return count


NEWEST = (F("event_date").desc(nulls_last=True), F("pk").desc())


def ranked_ids(found: QuerySet, tokens: list[str]) -> dict[int, float]:
    """The RANKED_MATCHES newest articles of `found`, id to relevance, most relevant first.

    One query for ids and texts; among equals the newer article stays first.
    """
    newest = found.order_by(*NEWEST).values_list("pk", "search_text")[:RANKED_MATCHES]
    return by_relevance(newest, tokens)


def by_relevance(texts: Iterable[tuple[int, str]], tokens: list[str]) -> dict[int, float]:
    """Ids to relevance, most relevant first; among equals in the order given (a stable sort)."""
    scores = {pk: relevance(text, tokens) for pk, text in texts}
    return dict(sorted(scores.items(), key=lambda item: -item[1]))


def search_texts(rows: QuerySet, ids: list[int]) -> list[tuple[int, str]]:
    """(id, search_text) of the articles `ids`, in that order, read by id alone.

    In plain SQL: Django's `pk__in` over 200 ids costs 2-4 ms of Python per query (each id is
    prepared as a lookup value), as much as reading the 200 texts. `rows` names the table and
    the database; its filters apply when the rows themselves are read.
    """
    if not ids:
        return []
    meta = rows.model._meta
    connection = connections[rows.db]
    table, key, text = (
        connection.ops.quote_name(name)
        for name in (meta.db_table, meta.pk.column, meta.get_field("search_text").column)
    )
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {key}, {text} FROM {table} WHERE {key} IN ({placeholders})", ids)
        texts = dict(cursor.fetchall())
    return [(pk, texts[pk]) for pk in ids if pk in texts]


def search(queryset: QuerySet, query: str) -> QuerySet:
    """Articles matching every word of `query` in reading order, annotated with `search_rank`.

    The reading order: the newest RANKED_MATCHES matches, most relevant first (newer first among
    equals), then every older match, newest first (its `search_rank` is None). The ranked ids are
    read when this is called. `RankedMatches` serves the same order a page at a time.
    """
    tokens = query_tokens(query)
    found = matching(queryset, query)
    if not tokens:
        return found
    scores = ranked_ids(found, tokens)
    rank = Case(*(When(pk=pk, then=Value(score)) for pk, score in scores.items()), output_field=FloatField())
    return found.annotate(search_rank=rank).order_by(F("search_rank").desc(nulls_last=True), *NEWEST)


def newest_match_ids(found: QuerySet) -> list[int]:
    """The ids of `found`, newest first, COUNT_LIMIT + 1 at most: all a listing pages or counts.

    One pass over the full-text index, where counting, ranking and paging `found` would each make
    their own (on SQLite each lists every match again: 30 ms for a word in 100k articles).
    """
    return list(found.order_by(*NEWEST).values_list("pk", flat=True)[: COUNT_LIMIT + 1])


@dataclass(frozen=True)
class MatchCount:
    """How many articles a search found: exactly `value`, or at least `value` when not `exact`."""

    value: int
    exact: bool


class RankedMatches:
    """A search's matches in `search`'s reading order, for a Paginator: `count()` and slices.

    `newest` is the matches' ids, newest first, COUNT_LIMIT + 1 at most (`newest_match_ids`,
    `fts5_newest_ids`): listed once, they give the count, the ranked head and every page, so no
    query goes through the full-text index again. A slice within the ranked head costs two
    queries: the head's texts, then the slice's rows from `rows` (an `ArticleQuerySet`) by id, as
    the lists show them with their bodies for the snippets (`ListedArticle.read`: a third of
    the time of reading them as models with their committees and meetings). A slice past the head
    is the matches in date order from the same offset (the head is exactly the newest ones).
    """

    def __init__(self, query: str, rows: QuerySet, newest: list[int]) -> None:
        self.rows = rows
        self.tokens = query_tokens(query)
        self.newest = newest

    def total(self) -> MatchCount:
        """The number of matches, exact up to COUNT_LIMIT; beyond it "at least COUNT_LIMIT"."""
        counted = len(self.newest)
        return MatchCount(min(counted, COUNT_LIMIT), exact=counted <= COUNT_LIMIT)

    def count(self) -> int:
        """What a Paginator pages through: at most COUNT_LIMIT matches, like a search engine."""
        return self.total().value

    def __getitem__(self, index: slice) -> list:
        start, stop = index.start or 0, index.stop
        rows = []
        if start < RANKED_MATCHES:
            rows += self.ranked(start, min(stop, RANKED_MATCHES))
        if stop > RANKED_MATCHES:
            rows += self.older(max(start, RANKED_MATCHES), stop)
        return rows

    def older(self, start: int, stop: int) -> list:
        """Rows `start` to `stop` of the matches past the ranked head, newest first."""
        return ListedArticle.read(self.newest[start:stop], self.rows.db, with_body=True)

    def ranked(self, start: int, stop: int) -> list:
        """Rows `start` to `stop` of the ranked head."""
        if not self.tokens:
            return []
        scores = by_relevance(search_texts(self.rows, self.newest[:RANKED_MATCHES]), self.tokens)
        return ListedArticle.read(list(scores)[start:stop], self.rows.db, with_body=True)


@functools.lru_cache(maxsize=256)
def _token_pattern(query: str) -> re.Pattern | None:
    """One pattern per query, however many titles and snippets a page highlights with it."""
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
