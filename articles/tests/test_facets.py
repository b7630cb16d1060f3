"""The bitmap index of the published archive: its bit arithmetic, its agreement with the SQL
filters on a random archive, and its rebuilding when, and only when, the archive changes."""

import datetime
import random
from unittest import mock

from django.db import connection, transaction
from django.http import QueryDict
from django.test import SimpleTestCase, TestCase
from django.test.utils import CaptureQueriesContext
from hypothesis import given
from hypothesis import strategies as st

from articles import search
from articles.facets import bitmap, facet_index, lowest_positions, span, without_lowest
from articles.filters import ArticleFilter
from articles.models import ArchiveVersion, Article, Kind, Meeting, MeetingType
from articles.tests.factories import make_article, make_meeting, make_person
from organizations.models import Level, Organization

positions_sets = st.sets(st.integers(min_value=0, max_value=400), max_size=80)


class BitArithmeticTests(SimpleTestCase):
    @given(positions_sets)
    def test_a_bitmap_holds_exactly_its_positions(self, positions):
        bits = bitmap(positions, 401)
        self.assertEqual(bits.bit_count(), len(positions))
        self.assertEqual({p for p in range(401) if bits >> p & 1}, positions)

    @given(positions_sets, st.integers(0, 100), st.integers(0, 100))
    def test_lowest_positions_are_a_slice_of_the_sorted_positions(self, positions, start, length):
        expected = sorted(positions)[start : start + length]
        self.assertEqual(lowest_positions(bitmap(positions, 401), start, start + length), expected)

    @given(positions_sets, st.integers(0, 100))
    def test_without_lowest_clears_that_many_set_bits(self, positions, count):
        kept = sorted(positions)[count:]
        self.assertEqual(without_lowest(bitmap(positions, 401), count), bitmap(kept, 401))

    @given(st.integers(0, 300), st.integers(0, 300))
    def test_a_span_is_the_range(self, start, stop):
        self.assertEqual(span(start, stop), bitmap(range(start, stop), 301))


class IndexAgreesWithSqlTests(TestCase):
    """Random archives: every filter combination lists and counts what the SQL filters select."""

    fixtures = ("organizations",)

    @classmethod
    def setUpTestData(cls):
        chance = random.Random(20261122)
        committees = list(Organization.objects.order_by("code"))
        cls.counties = [c for c in committees if c.level == Level.COUNTY]
        cls.prefectures = [c for c in committees if c.level == Level.PREFECTURE]
        # A few regions many articles share, so combinations of filters still select some.
        cls.regions = [*chance.sample(cls.prefectures, 3), *chance.sample(cls.counties, 4)]
        local = [c for c in committees if c in cls.regions or c.parent in cls.regions]
        cls.person = make_person("王芳", local[0].code)
        cls.meetings: dict[tuple, Meeting] = {}
        for number in range(70):
            subject = chance.choice(local)
            date = (
                None
                if number % 17 == 0
                else datetime.date(2023, 1, 1) + datetime.timedelta(chance.randrange(400))
            )
            types = chance.sample(MeetingType.values, chance.choice((0, 1, 1, 2)))
            meetings = tuple(cls.meeting(subject.code, meeting_type, date) for meeting_type in types)
            make_article(
                f"{subject.name}会议{number}",
                region=subject.code,
                regions=tuple(c.code for c in chance.sample(local, chance.choice((0, 0, 1)))),
                meetings=meetings,
                persons=((cls.person, "主席"),) if number % 5 == 0 else (),
                kind=chance.choice(Kind.values),
                event_date=date,
                published=number % 9 != 4,
            )
        cls.chance = chance

    @classmethod
    def meeting(cls, code: str, meeting_type: str, date: datetime.date | None) -> Meeting:
        """One meeting per committee, type and date, as the importer keeps them."""
        key = (code, meeting_type, date)
        if key not in cls.meetings:
            cls.meetings[key] = make_meeting(code, meeting_type, date)
        return cls.meetings[key]

    def random_filters(self) -> QueryDict:
        chance = self.chance
        data = QueryDict(mutable=True)
        if chance.random() < 0.6:
            data["region"] = chance.choice([*self.regions, chance.choice(self.counties)]).code
        if chance.random() < 0.4:
            data.setlist("meeting_type", chance.sample(MeetingType.values, chance.choice((1, 2))))
        if chance.random() < 0.3:
            data["kind"] = chance.choice(Kind.values)
        if chance.random() < 0.3:
            data["date_after"] = f"2023-{chance.randrange(1, 13):02d}-01"
        if chance.random() < 0.3:
            data["date_before"] = f"2024-{chance.randrange(1, 3):02d}-15"
        if chance.random() < 0.15:
            data["person"] = str(self.person.pk)
        if chance.random() < 0.15:
            data["q"] = "会议"
        return data

    @staticmethod
    def sql_listing(data: QueryDict) -> list[int]:
        filterset = ArticleFilter(data, queryset=Article.objects.published().newest_first())
        return list(filterset.qs.values_list("pk", flat=True))

    def test_listing_pages_are_the_sql_filters_rows_in_order(self):
        for _ in range(60):
            data = self.random_filters()
            with self.subTest(filters=data.urlencode()):
                expected = self.sql_listing(data)
                filterset = ArticleFilter(data, queryset=Article.objects.published())
                listed = filterset.indexed()
                self.assertEqual(listed.count(), len(expected))
                self.assertEqual([a.pk for a in listed[0 : len(expected)]], expected)
                self.assertEqual([a.pk for a in listed[3:8]], expected[3:8])

    def test_each_choice_counts_what_choosing_it_would_list(self):
        for _ in range(25):
            data = self.random_filters()
            with self.subTest(filters=data.urlencode()):
                self.assert_facets_count_what_sql_lists(data)

    def test_facets_looked_up_for_one_choice_count_what_sql_lists(self):
        """No filter, or one region, meeting type or kind: the facets within it are looked up
        (`one_choice_tallies`), not counted."""
        regions = [*self.regions, *self.counties[:3]]
        singles = [
            "",
            *(f"region={region.code}" for region in regions),
            *(f"meeting_type={meeting_type}" for meeting_type in MeetingType.values),
            *(f"kind={kind}" for kind in Kind.values),
        ]
        for query in singles:
            with self.subTest(filters=query):
                self.assert_facets_count_what_sql_lists(QueryDict(query, mutable=True))

    def assert_facets_count_what_sql_lists(self, data: QueryDict) -> None:
        facets = ArticleFilter(data, queryset=Article.objects.published()).facet_counts()
        self.assertEqual(facets["total"], len(self.sql_listing(data)))
        for kind in Kind.values:
            chosen = data.copy()
            chosen["kind"] = kind
            self.assertEqual(facets["kind"].get(kind, 0), len(self.sql_listing(chosen)))
        for meeting_type in MeetingType.values:
            chosen = data.copy()
            chosen.setlist("meeting_type", [meeting_type])
            counted = facets["meeting_type"].get(meeting_type, 0)
            self.assertEqual(counted, len(self.sql_listing(chosen)))
        for region in [*self.regions, self.counties[0]]:
            chosen = data.copy()
            chosen["region"] = region.code
            self.assertEqual(facets["region"].get(region.pk, 0), len(self.sql_listing(chosen)))
        everywhere = data.copy()
        everywhere.pop("region", None)
        self.assertEqual(facets["all_regions"], len(self.sql_listing(everywhere)))

    def test_a_searchs_newest_matches_are_the_sql_filters_rows(self):
        # A small walk, so that SQLite's date-keyed index is read in many chunks.
        with mock.patch.object(search, "FTS5_WALK", 7):
            for _ in range(20):
                data = self.random_filters()
                data["q"] = self.chance.choice(["会议", "政协", "定西"])
                with self.subTest(filters=data.urlencode()):
                    filterset = ArticleFilter(data, queryset=Article.objects.published())
                    self.assertEqual(filterset.newest_matches(filtered=True), self.sql_listing(data))
                    alone = QueryDict(mutable=True)
                    alone["q"] = data["q"]
                    self.assertEqual(filterset.newest_matches(filtered=False), self.sql_listing(alone))

    def test_a_regions_chart_counts_its_articles_per_month(self):
        index = facet_index()
        for region in [*self.regions, *Organization.objects.filter(level=Level.PROVINCE)]:
            with self.subTest(region=region.name):
                articles = Article.objects.published().in_region(region)
                dates = sorted(articles.exclude(event_date=None).values_list("event_date", flat=True))
                months = index.chart_months(index.in_region(region), 12)
                if not dates:
                    self.assertEqual(months, [])
                    continue
                self.assertEqual(months[-1], dates[-1].replace(day=1))
                self.assertTrue(len(months) == 12 or months[0] == dates[0].replace(day=1))
                expected = [
                    sum(1 for date in dates if (date.year, date.month) == (month.year, month.month))
                    for month in months
                ]
                self.assertEqual(index.monthly_counts(index.in_region(region), months), expected)


class IndexVersionTests(TestCase):
    fixtures = ("organizations",)

    def setUp(self):
        self.article = make_article(
            "定西市政协召开常委会会议", region="621100", event_date=datetime.date(2024, 3, 1)
        )

    def test_an_unchanged_archive_reuses_the_index_with_one_query(self):
        index = facet_index("default")
        with CaptureQueriesContext(connection) as queries:
            self.assertIs(facet_index("default"), index)
        self.assertEqual(len(queries), 1)

    def test_its_repr_is_a_summary_at_any_size(self):
        make_article("临洮县政协视察", region="621124")
        index = facet_index()
        self.assertEqual(repr(index), f"<FacetIndex version={index.version} articles={len(index.ids)}>")

    def test_a_saved_change_rebuilds_the_index(self):
        before = facet_index("default")
        self.article.status = "draft"
        self.article.save()
        after = facet_index("default")
        self.assertNotEqual(after.version, before.version)
        self.assertNotIn(self.article.pk, after.positions)
        self.assertIn(self.article.pk, before.positions)

    def test_a_rolled_back_change_keeps_the_version(self):
        version = ArchiveVersion.current("default")
        with self.assertRaises(RuntimeError), transaction.atomic():
            make_article("临洮县政协视察", region="621124")
            self.assertNotEqual(ArchiveVersion.current("default"), version)
            raise RuntimeError
        self.assertEqual(ArchiveVersion.current("default"), version)

    def test_without_a_version_the_index_is_built_for_each_request(self):
        ArchiveVersion.objects.all().delete()
        self.assertIsNone(facet_index("default").version)
        make_article("临洮县政协视察", region="621124")  # writes a version again
        self.assertIsNotNone(facet_index("default").version)
