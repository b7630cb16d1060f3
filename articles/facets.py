"""The published archive as bitmaps: facet counts and filtered pages without reading the archive.

Beside every region, meeting type and kind the listing shows how many articles choosing it would
list, given the other filters. Counted in SQL, that reads every link of every matching article on
each request: 0.3-1 s at 100k articles, and growing with the archive. Here every choice is a
bitmap over the published articles in listing order (bit i: the i-th newest), held as a Python
int, so a count is an AND and a popcount (microseconds, in C) and any filtered listing's page is
the positions of some of its set bits.

A process builds the index at an `ArchiveVersion` token and uses it while the token stays the
same: one indexed read per request. Building reads three narrow columns of the articles and of
their links (0.4-0.8 s at 100k articles); the index takes about 15 MB per process at 100k, most
of it the map from article id to position (the bitmaps themselves, one bit per article per
choice, about 2 MB).
"""

import bisect
import datetime
import threading
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.db import DEFAULT_DB_ALIAS

from organizations.models import Organization, prefecture_by_committee

from .models import ArchiveVersion, Article, ArticleCommittee, ArticleMeeting, ListedArticle

# The date key of an undated article: after every dated one, as the listing puts them last.
UNDATED = 1


def bitmap(positions: Iterable[int], size: int) -> int:
    """The int whose set bits are `positions`, built in a byte array (setting bits of an int
    one by one would copy it each time)."""
    bits = bytearray((size + 7) // 8)
    for position in positions:
        bits[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(bits, "little")


def span(start: int, stop: int) -> int:
    """The bits from `start` up to `stop` (excluded)."""
    return ((1 << stop) - 1) ^ ((1 << start) - 1) if stop > start else 0


def without_lowest(bits: int, count: int) -> int:
    """`bits` with its `count` lowest set bits cleared: a page's offset, found by bisection."""
    if count <= 0:
        return bits
    if count >= bits.bit_count():
        return 0
    low, high = 0, bits.bit_length()
    while low < high:  # the lowest cut with `count` set bits below it
        middle = (low + high) // 2
        if (bits & ((1 << middle) - 1)).bit_count() >= count:
            high = middle
        else:
            low = middle + 1
    return bits >> low << low


def lowest_positions(bits: int, start: int, stop: int) -> list[int]:
    """Positions of the `start`-th to the `stop`-th set bits, lowest first."""
    bits = without_lowest(bits, start)
    found = []
    while bits and len(found) < stop - start:
        lowest = bits & -bits
        found.append(lowest.bit_length() - 1)
        bits ^= lowest
    return found


def next_month(month: datetime.date) -> datetime.date:
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def last_months(newest: datetime.date, oldest: datetime.date, limit: int) -> list[datetime.date]:
    """The first days of up to `limit` months, oldest first, ending with `newest`'s month and
    starting no earlier than `oldest`'s."""
    months = [newest.replace(day=1)]
    first = oldest.replace(day=1)
    while len(months) < limit and months[-1] > first:
        months.append((months[-1] - datetime.timedelta(days=1)).replace(day=1))
    return months[::-1]


def grouped(pairs: Iterable[tuple], positions: dict[int, int]) -> dict:
    """Positions of the published articles per key, from (article id, key) pairs."""
    groups: dict = {}
    for article_id, key in pairs:
        position = positions.get(article_id)
        if position is not None:
            groups.setdefault(key, []).append(position)
    return groups


@dataclass(frozen=True, repr=False, eq=False)
class FacetIndex:
    """The published articles newest first, and per choice the bitmap of the articles it lists.

    Its repr is a summary: the bitmaps' digits would run to tens of thousands (and Python refuses
    to print ints past 4,300 digits, in a traceback's locals too).
    It is equal only to itself and hashed by identity: what is derived from one index once (the
    region select's markup, `reader.region_markup`) is cached by it.
    """

    version: int | None
    ids: array
    positions: dict[int, int]
    date_keys: array
    kinds: dict[str, int]
    meeting_types: dict[str, int]
    committees: dict[int, int]
    prefectures: dict[int, int]
    directory: list[dict]
    directory_keys: dict[str, dict]
    using: str
    # Per facet, its counts within everything and within each single choice of the other facets.
    tallies: dict[str, dict[int, dict]]

    @classmethod
    def build(cls, version: int | None, using: str) -> "FacetIndex":
        rows = Article.objects.using(using).published().newest_first().values_list("pk", "event_date", "kind")
        ids, date_keys, kind_pairs = array("q"), array("q"), []
        for pk, date, kind in rows:
            ids.append(pk)
            date_keys.append(-date.toordinal() if date else UNDATED)
            kind_pairs.append((pk, kind))
        positions = {pk: position for position, pk in enumerate(ids)}
        committee_links = ArticleCommittee.objects.using(using).values_list("article_id", "organization_id")
        meeting_links = ArticleMeeting.objects.using(using).values_list("article_id", "meeting__meeting_type")
        size = len(ids)

        def bitmaps(pairs: Iterable[tuple]) -> dict:
            return {key: bitmap(found, size) for key, found in grouped(pairs, positions).items()}

        committees = bitmaps(committee_links.order_by())
        directory = Organization.objects.using(using).directory()
        members: dict[int, list[int]] = {}
        for committee, prefecture in prefecture_by_committee(directory).items():
            members.setdefault(prefecture, []).append(committee)
        facets = {
            "kind": bitmaps(kind_pairs),
            "meeting_type": bitmaps(meeting_links.order_by()),
            "committee": committees,
            "prefecture": {
                prefecture: reduce(or_, (committees.get(pk, 0) for pk in committee_ids), 0)
                for prefecture, committee_ids in members.items()
            },
        }
        return cls(
            version=version,
            ids=ids,
            positions=positions,
            date_keys=date_keys,
            kinds=facets["kind"],
            meeting_types=facets["meeting_type"],
            committees=committees,
            prefectures=facets["prefecture"],
            directory=directory,
            directory_keys={key: row for row in directory for key in (row["code"], row["slug"])},
            using=using,
            tallies=one_choice_tallies(facets, (1 << size) - 1),
        )

    def __repr__(self) -> str:
        return f"<FacetIndex version={self.version} articles={len(self.ids)}>"

    @property
    def everything(self) -> int:
        return (1 << len(self.ids)) - 1

    def committee(self, key: str) -> Organization | None:
        """The committee whose division code or slug is `key`, from the directory: no query."""
        row = self.directory_keys.get(key)
        return None if row is None else Organization.from_directory(row, self.using)

    def in_region(self, organization: Organization) -> int:
        """The committee's articles and its counties' (`ArticleQuerySet.in_region`)."""
        if organization.parent_id is None:
            return self.everything
        if organization.pk in self.prefectures:
            return self.prefectures[organization.pk]
        return self.committees.get(organization.pk, 0)

    def of_meeting_types(self, types: Iterable[str]) -> int:
        return reduce(or_, (self.meeting_types.get(name, 0) for name in types), 0)

    def of_kind(self, kind: str) -> int:
        return self.kinds.get(kind, 0)

    def of_ids(self, ids: Iterable[int]) -> int:
        return bitmap((self.positions[pk] for pk in ids if pk in self.positions), len(self.ids))

    def accepts(self, selected: int) -> Callable[[int], bool]:
        """A test of article ids against `selected`: for walking ids the index did not list."""
        bits = selected.to_bytes((len(self.ids) + 7) // 8, "little")
        positions = self.positions

        def accepted(pk: int) -> bool:
            position = positions.get(pk)
            return position is not None and bool(bits[position >> 3] >> (position & 7) & 1)

        return accepted

    def between(self, after: datetime.date | None, before: datetime.date | None) -> int:
        """Articles dated within the bounds, both included; undated ones fall outside any bound."""
        dated = bisect.bisect_left(self.date_keys, UNDATED)
        start = bisect.bisect_left(self.date_keys, -before.toordinal(), hi=dated) if before else 0
        stop = bisect.bisect_right(self.date_keys, -after.toordinal(), hi=dated) if after else dated
        return span(start, stop)

    @property
    def facets(self) -> dict[str, dict]:
        """The bitmaps of each choice by facet, as `facet_tally` reads them."""
        return {
            "kind": self.kinds,
            "meeting_type": self.meeting_types,
            "committee": self.committees,
            "prefecture": self.prefectures,
        }

    def tally(self, facet: str, within: int) -> dict:
        """The facet's counts (`facet_tally`) within `within`: looked up when `within` is everything
        or one choice of another facet, else counted."""
        found = self.tallies[facet].get(within)
        return facet_tally(facet, self.facets, within) if found is None else found

    def date_at(self, position: int) -> datetime.date | None:
        key = self.date_keys[position]
        return None if key == UNDATED else datetime.date.fromordinal(-key)

    def chart_months(self, selected: int, limit: int) -> list[datetime.date]:
        """The last `limit` months up to the newest selected article's, none before the oldest's."""
        dated = selected & self.between(None, datetime.date.max)
        if not dated:
            return []
        newest = self.date_at((dated & -dated).bit_length() - 1)
        oldest = self.date_at(dated.bit_length() - 1)
        return last_months(newest, oldest, limit)

    def monthly_counts(self, selected: int, months: list[datetime.date]) -> list[int]:
        """How many selected articles each month holds."""
        return [
            (selected & self.between(month, next_month(month) - datetime.timedelta(days=1))).bit_count()
            for month in months
        ]

    def ids_at(self, selected: int, start: int, stop: int) -> list[int]:
        """The ids of the `start`-th to the `stop`-th selected articles, newest first."""
        return [self.ids[position] for position in lowest_positions(selected, start, stop)]

    def all_of(self, selections: Iterable[int]) -> int:
        """The articles every one of `selections` holds (all of them when there is none)."""
        return reduce(and_, selections, self.everything)

    def facet_counts(self, selections: dict[str, int]) -> dict:
        """The listing's facets given each filter's selection: each facet leaves out its own filter."""

        def all_but(excluded: str) -> int:
            return self.all_of(bits for name, bits in selections.items() if name != excluded)

        region_base = all_but("region")
        return {
            "meeting_type": self.tally("meeting_type", all_but("meeting_type")),
            "kind": self.tally("kind", all_but("kind")),
            "region": self.tally("region", region_base),
            # The province includes every article, so its count is the count with no region chosen.
            "all_regions": region_base.bit_count(),
            "total": all_but("").bit_count(),
        }


def choice_counts(bitmaps: dict, within: int) -> dict:
    """How many of the articles in `within` each choice of a facet's bitmaps lists."""
    return {choice: count for choice, bits in bitmaps.items() if (count := (bits & within).bit_count())}


def facet_tally(facet: str, facets: dict[str, dict], within: int) -> dict:
    """A facet's counts within `within`: for "region", per committee its own articles and per
    prefecture its counties' too."""
    if facet == "region":
        return choice_counts(facets["committee"], within) | choice_counts(facets["prefecture"], within)
    return choice_counts(facets[facet], within)


def one_choice_tallies(facets: dict[str, dict], everything: int) -> dict[str, dict[int, dict]]:
    """Each facet's counts within everything and within each single choice of the other facets,
    keyed by that choice's bitmap.

    Most listings filter by a region, a meeting type or both, so most of their facets count within
    exactly such a bitmap. Counted per request, the region facet alone is 115 popcounts of the
    whole archive (1 ms at 100k articles); counted here, once per index (24 ms at 100k), a request
    looks it up: a hash of the bitmap. Other combinations (dates, a search, two choices beside the
    counted facet) are counted as before.
    """
    others = {
        "region": ("meeting_type", "kind"),
        "meeting_type": ("committee", "prefecture", "kind"),
        "kind": ("committee", "prefecture", "meeting_type"),
    }
    tallies = {}
    for facet, other_facets in others.items():
        withins = [everything, *(bits for other in other_facets for bits in facets[other].values())]
        tallies[facet] = {within: facet_tally(facet, facets, within) for within in withins}
    return tallies


class IndexedArticles:
    """A filtered listing for a Paginator: counted and paged by the index, its page read by id
    as the lists show it (`ListedArticle.read`)."""

    def __init__(self, index: FacetIndex, selected: int) -> None:
        self.index = index
        self.selected = selected

    def count(self) -> int:
        return self.selected.bit_count()

    def __getitem__(self, page: slice) -> list:
        wanted = self.index.ids_at(self.selected, page.start or 0, page.stop)
        # An article unpublished since the index was read is left out, not shown.
        return ListedArticle.read(wanted, self.index.using)


_built: dict[str, FacetIndex] = {}
_building = threading.Lock()


def facet_index(using: str = DEFAULT_DB_ALIAS) -> FacetIndex:
    """The index at the archive's current version, built in this process at most once per version.

    Without a version (nothing has written one yet) the index is built for this request alone.
    """
    version = ArchiveVersion.current(using)
    if version is None:
        return FacetIndex.build(None, using)
    index = _built.get(using)
    if index is None or index.version != version:
        with _building:  # one thread builds; the others wait for it rather than build it again
            index = _built.get(using)
            if index is None or index.version != version:
                index = _built[using] = FacetIndex.build(version, using)
    return index
