"""The listing's filters (CONTRACTS.md §4): each filter, combinations, facet counts and bad values."""

import datetime
from unittest import mock

from django.db import connection
from django.http import QueryDict
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import search
from articles.filters import ArticleFilter
from articles.models import Article, Kind, MeetingType
from articles.tests.factories import make_article, make_meeting, make_person
from organizations.models import Organization, prefecture_by_committee

LISTING = reverse("articles:list")


class ArticleFilterTests(TestCase):
    fixtures = ("organizations",)

    @classmethod
    def setUpTestData(cls):
        standing = make_meeting("621100", MeetingType.STANDING, datetime.date(2023, 6, 8))
        county_standing = make_meeting("621122", MeetingType.STANDING, datetime.date(2023, 6, 2))
        consultation = make_meeting("621102", MeetingType.CONSULTATION, datetime.date(2023, 5, 20))
        wuwei_standing = make_meeting("620600", MeetingType.STANDING, datetime.date(2023, 6, 9))
        cls.leader = make_person("张强", "621100")
        cls.dingxi = make_article(
            "定西市政协召开常委会会议",
            region="621100",
            meetings=(standing,),
            persons=((cls.leader, "主席"),),
            event_date=datetime.date(2023, 6, 8),
        )
        cls.longxi = make_article(
            "陇西县政协召开常委会会议",
            region="621122",
            meetings=(county_standing,),
            event_date=datetime.date(2023, 6, 2),
        )
        cls.anding = make_article(
            "安定区政协召开协商座谈会",
            region="621102",
            meetings=(consultation,),
            kind=Kind.FEATURE,
            event_date=datetime.date(2023, 5, 20),
        )
        cls.wuwei = make_article(
            "武威市政协召开常委会会议",
            region="620600",
            meetings=(wuwei_standing,),
            event_date=datetime.date(2023, 6, 9),
        )
        cls.joint = make_article(
            "定西市和陇西县政协联合调研",
            region="621100",
            regions=("621122",),
            event_date=datetime.date(2023, 4, 1),
        )
        cls.draft = make_article("定西市政协草稿", region="621100", meetings=(standing,), published=False)

    def listed(self, **params) -> list[Article]:
        """The articles the listing shows, in its order (it shows them as `ListedArticle`s)."""
        response = self.client.get(LISTING, params)
        self.assertEqual(response.status_code, 200)
        shown = [item.pk for item in response.context["object_list"]]
        articles = Article.objects.in_bulk(shown)
        return [articles[pk] for pk in shown]

    def test_no_filter_lists_published_newest_first(self):
        self.assertEqual(self.listed(), [self.wuwei, self.dingxi, self.longxi, self.anding, self.joint])

    def test_prefecture_includes_counties(self):
        self.assertEqual(self.listed(region="621100"), [self.dingxi, self.longxi, self.anding, self.joint])

    def test_region_by_slug_equals_region_by_code(self):
        self.assertEqual(self.listed(region="longxi-xian"), self.listed(region="621122"))
        self.assertEqual(self.listed(region="621122"), [self.longxi, self.joint])

    def test_province_includes_everything(self):
        self.assertEqual(self.listed(region="620000"), self.listed())

    def test_unknown_region_shows_a_message_and_nothing(self):
        for value in ["629999", "no-such-place", "DROP TABLE", "陇西", "x" * 10_000, "621100\x00"]:
            with self.subTest(value=value[:20]):
                response = self.client.get(LISTING, {"region": value})
                self.assertEqual(response.status_code, 200)
                self.assertEqual(list(response.context["object_list"]), [])
                self.assertContains(response, "没有找到这个地区的政协组织")

    def test_meeting_type_is_repeatable_and_means_any(self):
        self.assertEqual(self.listed(meeting_type="consultation"), [self.anding])
        both = self.listed(meeting_type=["standing", "consultation"])
        self.assertEqual(both, [self.wuwei, self.dingxi, self.longxi, self.anding])

    def test_unknown_meeting_type_is_a_form_error(self):
        response = self.client.get(LISTING, {"meeting_type": "party"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(list(response.context["object_list"]), [])
        self.assertContains(response, 'role="alert"')

    def test_kind(self):
        self.assertEqual(self.listed(kind="feature"), [self.anding])

    def test_dates_are_inclusive(self):
        self.assertEqual(
            self.listed(date_after="2023-06-02", date_before="2023-06-08"), [self.dingxi, self.longxi]
        )

    def test_impossible_date_is_a_form_error_not_a_crash(self):
        for value in ["2023-13-45", "2023-02-30", "99999-01-01", "yesterday", "2023-06-08\x00"]:
            with self.subTest(value=value):
                response = self.client.get(LISTING, {"date_after": value})
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "请输入有效日期")
                self.assertEqual(list(response.context["object_list"]), [])

    def test_a_bad_date_keeps_what_was_typed_and_is_described_by_its_error(self):
        response = self.client.get(LISTING, {"date_after": "2023-13-45", "date_before": "2023-06-08"})
        self.assertContains(
            response,
            '<input type="date" name="date_after" value="2023-13-45" aria-invalid="true"'
            ' aria-describedby="id_date_after_error" id="id_date_after">',
        )
        self.assertContains(response, '<li id="id_date_after_error"><a href="#id_date_after">起始日期</a>')
        self.assertContains(
            response, '<input type="date" name="date_before" value="2023-06-08" id="id_date_before">'
        )

    def test_person(self):
        self.assertEqual(self.listed(person=self.leader.pk), [self.dingxi])

    def test_bad_person_is_a_form_error(self):
        for value in ["abc", "999999", "9" * 40, "-1", "1\x00"]:
            with self.subTest(value=value):
                response = self.client.get(LISTING, {"person": value})
                self.assertEqual(response.status_code, 200)
                self.assertEqual(list(response.context["object_list"]), [])

    def test_filters_combine(self):
        self.assertEqual(self.listed(region="621100", meeting_type="standing"), [self.dingxi, self.longxi])
        self.assertEqual(
            self.listed(region="621100", meeting_type="standing", date_before="2023-06-05"), [self.longxi]
        )
        found = self.listed(region="621100", q="常委会", kind="news")
        self.assertCountEqual(found, [self.dingxi, self.longxi])

    def test_search_combines_with_region(self):
        self.assertEqual(self.listed(q="常委会", region="620600"), [self.wuwei])

    def test_facets_count_each_choice_given_the_other_filters(self):
        data = QueryDict("region=621100&meeting_type=standing")
        filterset = ArticleFilter(data, queryset=Article.objects.published())
        facets = filterset.facet_counts()
        # Meeting types: counted within 定西市 whatever type is chosen.
        self.assertEqual(facets["meeting_type"], {"standing": 2, "consultation": 1})
        self.assertEqual(facets["kind"], {"news": 2})
        dingxi, longxi, wuwei = (self.dingxi.committee, self.longxi.committee, self.wuwei.committee)
        # Regions: counted among standing-committee articles anywhere; 定西市 counts its counties once.
        self.assertEqual(facets["region"][dingxi.pk], 2)
        self.assertEqual(facets["region"][longxi.pk], 1)
        self.assertEqual(facets["region"][wuwei.pk], 1)
        self.assertEqual(facets["all_regions"], 3)

    def test_a_search_narrowed_to_its_matches_ids_counts_the_same_facets(self):
        # 政协 is in all five published headlines; four are within 定西市 and its counties.
        data = QueryDict("q=政协&region=621100")
        counted = ArticleFilter(data, queryset=Article.objects.published()).facet_counts()
        self.assertEqual((counted["total"], counted["all_regions"]), (4, 5))
        narrowed = ArticleFilter(data, queryset=Article.objects.published())
        matches = narrowed.newest_matches(filtered=False)
        self.assertEqual(len(matches), 5)
        narrowed.narrow_search_to(matches)
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(narrowed.facet_counts(), counted)
        # Neither FTS5's MATCH nor PostgreSQL's @@: the full-text index is not asked again.
        self.assertNotRegex(" ".join(query["sql"] for query in queries), "MATCH|@@")
        self.assertCountEqual(narrowed.refiltered(), [self.dingxi, self.longxi, self.anding, self.joint])

    def test_search_matches_are_the_newest_first_up_to_the_limit(self):
        filterset = ArticleFilter(QueryDict("q=政协"), queryset=Article.objects.published())
        newest = [self.wuwei.pk, self.dingxi.pk, self.longxi.pk, self.anding.pk, self.joint.pk]
        self.assertEqual(filterset.newest_matches(filtered=False), newest)
        with mock.patch.object(search, "COUNT_LIMIT", 2):
            self.assertEqual(filterset.newest_matches(filtered=False), newest[:3])

    def test_each_committee_rolls_up_to_its_prefecture(self):
        directory = Organization.objects.directory()
        prefectures = prefecture_by_committee(directory)
        by_code = {committee["code"]: committee["pk"] for committee in directory}
        self.assertEqual(len(directory), 101)
        self.assertEqual(len(prefectures), 100)  # all but the province
        self.assertEqual(prefectures[by_code["621122"]], by_code["621100"])  # 陇西县 in 定西市
        self.assertEqual(prefectures[by_code["621100"]], by_code["621100"])
        self.assertNotIn(by_code["620000"], prefectures)

    def test_prefecture_facet_counts_an_article_once(self):
        facets = ArticleFilter({}, queryset=Article.objects.published()).facet_counts()
        self.assertEqual(facets["region"][self.dingxi.committee.pk], 4)

    def test_facets_take_a_constant_number_of_queries(self):
        def queries_for_facets() -> int:
            filterset = ArticleFilter({"region": "621100"}, queryset=Article.objects.published())
            with CaptureQueriesContext(connection) as queries:
                filterset.facet_counts()
            return len(queries)

        queries_for_facets()  # the index, built once for this version of the archive
        before = queries_for_facets()
        for number in range(10):
            make_article(f"临洮县政协会议{number}", region="621124")
        queries_for_facets()
        self.assertEqual(queries_for_facets(), before)

    def test_a_filtered_page_reads_the_archive_version_once_and_its_rows(self):
        query = {"region": "621100", "meeting_type": "standing", "kind": "news"}
        self.client.get(LISTING, query)  # the index, built once for this version of the archive
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(LISTING, query)
        self.assertEqual(len(response.context["object_list"]), 2)
        version, rows = (query["sql"] for query in queries)
        self.assertIn("articles_archiveversion", version)
        self.assertIn("articles_articlemeeting", rows)

    def test_listing_shows_counts_beside_choices(self):
        response = self.client.get(LISTING, {"region": "621100"})
        self.assertContains(response, '常委会会议 <span class="count">（2）</span>', html=False)
        self.assertContains(response, '<option value="621122">陇西县（2）</option>', html=True)

    def test_listing_marks_the_chosen_meeting_types_and_kind(self):
        response = self.client.get(LISTING, {"meeting_type": "standing", "kind": "feature"})
        standing = (
            '<input type="checkbox" name="meeting_type" value="standing" id="id_meeting_type_1" checked>'
        )
        self.assertContains(response, standing, html=True)
        plenary = '<input type="checkbox" name="meeting_type" value="plenary" id="id_meeting_type_0">'
        self.assertContains(response, plenary, html=True)
        # Each facet counts under the other filters: the one feature reports a consultation.
        consultation = '<label for="id_meeting_type_5">协商会 <span class="count">（1）</span></label>'
        self.assertContains(response, consultation, html=True)
        self.assertContains(response, '<option value="feature" selected>通讯（0）</option>', html=True)
        self.assertContains(response, '<option value="news">消息（3）</option>', html=True)


class FormClassTests(TestCase):
    fixtures = ("organizations",)

    def test_filtersets_share_one_form_class_and_keep_their_own_values(self):
        published = Article.objects.published()
        news = ArticleFilter(QueryDict("kind=news&region=620100"), published)
        commentary = ArticleFilter(QueryDict("kind=commentary&region=bogus!"), published)
        self.assertIs(type(news.form), type(commentary.form))
        self.assertTrue(news.is_valid())
        self.assertFalse(commentary.is_valid())
        self.assertEqual(news.form.cleaned_data["kind"], Kind.NEWS)
        self.assertEqual(news.form.cleaned_data["region"].code, "620100")
        self.assertEqual(commentary.form.cleaned_data["kind"], Kind.COMMENTARY)
        self.assertIn("region", commentary.form.errors)
        self.assertFalse(news.form.errors)
        self.assertIsNot(news.form.fields["region"], commentary.form.fields["region"])

    def test_each_filterset_has_its_own_filters_bound_to_it(self):
        published = Article.objects.published()
        first = ArticleFilter(QueryDict("region=621100"), published)
        second = ArticleFilter(QueryDict("region=620100"), published)
        for name in first.filters:
            with self.subTest(name=name):
                self.assertIsNot(first.filters[name], second.filters[name])
                self.assertIs(first.filters[name].parent, first)
        # A filter with a method calls its own filterset's, not the declared filter's (it has none).
        self.assertEqual(first.filters["region"].filter.method, first.filter_region)
        self.assertEqual(second.filters["region"].filter.method, second.filter_region)

    def test_a_region_is_resolved_from_the_archive_index_without_a_query(self):
        published = Article.objects.published()
        ArticleFilter(QueryDict("region=621100"), published).is_valid()  # builds the index
        with CaptureQueriesContext(connection) as queries:
            chosen = ArticleFilter(QueryDict("region=longxi-xian"), published).chosen()["region"]
        self.assertEqual([query["sql"] for query in queries if "organization" in query["sql"]], [])
        self.assertEqual(
            (chosen.code, chosen.parent_id), ("621122", Organization.objects.get(code="621100").pk)
        )
        self.assertEqual(chosen.name, "陇西县政协")  # a deferred field, read when asked for
