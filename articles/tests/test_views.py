"""Reader pages: the listing, article, meeting and e-paper pages, hostile input and query counts."""

import datetime
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import search
from articles.models import Kind, MeetingType
from articles.tests.factories import make_article, make_meeting, make_page, make_person

LISTING = reverse("articles:list")
HOSTILE = [
    "x" * 10_000,
    "\x00",
    "a\x00b",
    "\"'<>&",
    "' OR 1=1 --",
    "\u202e\ufeff\u0301",
    "🙂",
    "%00",
    "NEAR(",
    "..\\..",
]


class ListingTests(TestCase):
    fixtures = ("organizations",)

    @classmethod
    def setUpTestData(cls):
        cls.articles = [
            make_article(
                f"兰州市政协召开会议{number}", region="620100", event_date=datetime.date(2023, 1, 1 + number)
            )
            for number in range(25)
        ]

    def test_pages_of_twenty_newest_first(self):
        response = self.client.get(LISTING)
        shown = [item.pk for item in response.context["object_list"]]
        self.assertEqual(shown, [article.pk for article in self.articles[::-1][:20]])
        self.assertContains(response, "共 25 篇")

    def test_pagination_keeps_the_filters(self):
        response = self.client.get(LISTING, {"region": "620100", "kind": "news"})
        self.assertContains(response, 'href="?region=620100&amp;kind=news&amp;page=2"')

    def test_page_past_the_end_shows_the_last_page(self):
        response = self.client.get(LISTING, {"page": "99999"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["page_obj"].number, 2)

    def test_page_that_is_not_a_number_is_not_found(self):
        for value in ["abc", "1.5", "9" * 5000, "\x00"]:
            with self.subTest(value=value[:10]):
                self.assertEqual(self.client.get(LISTING, {"page": value}).status_code, 404)

    def test_canonical_link_names_the_valid_filters_in_order(self):
        response = self.client.get(LISTING, {"kind": "news", "region": "lanzhou-shi", "page": "2"})
        self.assertContains(
            response,
            '<link rel="canonical" href="http://testserver/articles/?region=620100&amp;kind=news&amp;page=2">',
        )

    def test_hostile_input_never_fails(self):
        for name in ["q", "region", "meeting_type", "kind", "date_after", "date_before", "person"]:
            for value in HOSTILE:
                with self.subTest(name=name, value=value[:10]):
                    response = self.client.get(LISTING, {name: value})
                    self.assertEqual(response.status_code, 200)

    def test_hostile_search_shows_results_or_an_empty_page(self):
        response = self.client.get(LISTING, {"q": '兰州" (会议* -'})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["page_obj"].paginator.count, 25)

    def test_search_results_are_highlighted(self):
        response = self.client.get(LISTING, {"q": "兰州"})
        self.assertContains(response, "<mark>兰州</mark>")
        self.assertContains(response, "<h1>搜索“兰州”</h1>", html=True)

    def test_a_search_beyond_the_count_limit_says_more_than_and_shows_no_counts(self):
        with mock.patch.object(search, "COUNT_LIMIT", 10):
            broad = self.client.get(LISTING, {"q": "兰州"})
            broad_news = self.client.get(LISTING, {"q": "兰州", "kind": "news", "page": "9"})
        self.assertContains(broad, "找到超过 10 篇")
        self.assertNotContains(broad, "（25）")
        self.assertEqual([o["count"] for o in broad.context["kind_options"]], [None] * len(Kind.choices))
        self.assertEqual(broad.context["page_obj"].paginator.num_pages, 1)
        # The kind chosen: counted by the search itself, and paged no further than the limit.
        self.assertContains(broad_news, "找到超过 10 篇")
        self.assertEqual(broad_news.context["page_obj"].number, 1)

    def test_a_search_within_the_count_limit_is_counted_exactly_with_its_facets(self):
        with mock.patch.object(search, "COUNT_LIMIT", 25):
            response = self.client.get(LISTING, {"q": "兰州"})
        self.assertContains(response, "共 25 篇")
        self.assertIn(
            {"value": "news", "label": "消息", "count": 25, "chosen": False}, response.context["kind_options"]
        )

    def test_page_size_is_one_of_the_offered_sizes(self):
        for value, size in [("50", 25), ("100", 25), ("20", 20), ("7", 20), ("1000", 20), ("x", 20)]:
            with self.subTest(value=value):
                response = self.client.get(LISTING, {"page_size": value})
                self.assertEqual(len(response.context["object_list"]), size)

    def test_canonical_link_keeps_a_chosen_page_size(self):
        response = self.client.get(LISTING, {"page_size": "50"})
        self.assertContains(
            response, '<link rel="canonical" href="http://testserver/articles/?page_size=50">'
        )

    def test_listing_takes_the_same_few_queries_at_every_page_size(self):
        def queries(**params) -> int:
            with CaptureQueriesContext(connection) as captured:
                self.client.get(LISTING, params)
            return len(captured)

        for filters in [{}, {"region": "620100", "meeting_type": "standing"}, {"q": "兰州"}]:
            with self.subTest(filters=filters):
                small, large = queries(**filters), queries(page_size="100", **filters)
                self.assertEqual(small, large)
                self.assertLessEqual(large, 8)

    def test_query_count_does_not_grow_with_results(self):
        with CaptureQueriesContext(connection) as few:
            self.client.get(LISTING, {"region": "620100", "date_before": "2023-01-05"})
        with CaptureQueriesContext(connection) as many:
            self.client.get(LISTING, {"region": "620100"})
        self.assertEqual(len(few), len(many))


class ListingItemTests(TestCase):
    """What each listed article shows, whether the listing filters or searches."""

    fixtures = ("organizations",)

    @classmethod
    def setUpTestData(cls):
        plenary = make_meeting("621100", MeetingType.PLENARY, datetime.date(2023, 6, 8), title="五届三次会议")
        chairs = make_meeting("621100", MeetingType.CHAIRS, datetime.date(2023, 6, 8), title="主席会议")
        cls.joint = make_article(
            "定西市政协召开全体会议暨主席会议",
            kicker="定西市政协",
            subtitle="<script>alert(1)</script>",
            region="621100",
            meetings=(plenary, chairs),
        )
        cls.caption = make_article(
            "",
            kind=Kind.PHOTO,
            region="621100",
            event_date=None,
            body="定西市政协委员深入田间地头察看小麦长势，了解农民收入和农业生产情况，听取种植户意见建议。",
        )

    def test_an_item_shows_title_date_committee_meetings_and_deck_escaped(self):
        response = self.client.get(LISTING, {"region": "621100"})
        self.assertContains(
            response,
            f"""<article class="item">
              <p class="item__kicker">定西市政协</p>
              <h3 class="item__headline"><a href="/articles/{self.joint.pk}/">召开全体会议暨主席会议</a></h3>
              <p class="item__meta"><time datetime="2023-06-08">2023年6月8日</time> <span>定西市政协</span>
                <span class="tag">全体会议</span><span class="tag">主席会议</span></p>
              <p class="item__deck">&lt;script&gt;alert(1)&lt;/script&gt;</p>
            </article>""",
            html=True,
        )

    def test_an_untitled_undated_caption_shows_its_opening_words(self):
        response = self.client.get(LISTING, {"region": "621100"})
        opening = self.caption.body[:30]
        self.assertContains(
            response,
            f"""<article class="item">
              <h3 class="item__headline"><a href="/articles/{self.caption.pk}/">{opening}</a></h3>
              <p class="item__meta"><span>定西市政协</span></p>
            </article>""",
            html=True,
        )

    def test_a_search_item_shows_the_same_values_and_a_snippet(self):
        response = self.client.get(LISTING, {"q": "主席会议"})
        self.assertContains(response, '<span class="tag">全体会议</span><span class="tag">主席会议</span>')
        self.assertContains(response, '<p class="item__kicker">定西市政协</p>')
        self.assertContains(response, '<time datetime="2023-06-08">2023年6月8日</time>')
        self.assertContains(response, '<p class="item__snippet">')
        self.assertNotContains(response, "<script>")


class ArticlePageTests(TestCase):
    fixtures = ("organizations",)

    @classmethod
    def setUpTestData(cls):
        cls.meeting = make_meeting(
            "621100", MeetingType.STANDING, datetime.date(2023, 6, 8), title="五届十次常委会会议"
        )
        cls.chair = make_person("王明", "621100")
        cls.article = make_article(
            "兰州市政协开展专题调研活动",
            kicker="兰州市政协",
            subtitle="真正把协商在基层实践好",
            column="调研视察",
            dateline="定西",
            region="621100",
            regions=("621122",),
            meetings=(cls.meeting,),
            persons=((cls.chair, "党组书记、主席"),),
            correspondents=("苏天泰",),
            body="6月8日，定西市政协召开五届十次常委会会议。\n会议要求，要围绕中心争先进位。",
        )
        cls.same_meeting = make_article("陇西县委员热议常委会会议", region="621122", meetings=(cls.meeting,))
        cls.same_committee = make_article("定西市政协调研文旅", region="621100")
        cls.draft = make_article("定西市政协草稿", region="621100", meetings=(cls.meeting,), published=False)

    def test_shows_the_printed_article(self):
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(response, '<p class="story__kicker">兰州市政协</p>', html=True)
        self.assertContains(response, "<h1>开展专题调研活动</h1>", html=True)
        self.assertContains(response, '<p class="story__deck">真正把协商在基层实践好</p>', html=True)
        self.assertContains(response, '<p class="story__column">调研视察</p>', html=True)
        self.assertContains(response, '<strong class="story__dateline">本报定西讯</strong>', html=True)
        self.assertContains(response, '<time datetime="2023-06-08">2023年6月8日</time>', html=True)
        self.assertContains(response, "<p>会议要求，要围绕中心争先进位。</p>", html=True)
        self.assertContains(response, "通讯员 苏天泰")

    def test_links_committees_meeting_people_and_source_page(self):
        response = self.client.get(self.article.get_absolute_url())
        self.assertContains(response, '<a href="/committees/dingxi-shi/">定西市政协</a>', html=True)
        self.assertContains(response, '<a href="/committees/longxi-xian/">陇西县政协</a>', html=True)
        self.assertContains(
            response, f'<a href="/meetings/{self.meeting.pk}/">定西市政协五届十次常委会会议</a>', html=True
        )
        self.assertContains(response, "定西市政协党组书记、主席")
        self.assertContains(response, f'<a href="/people/{self.chair.pk}/">王明</a>', html=True)
        self.assertContains(response, f'href="/pages/{self.article.source_page_id}/"')

    def test_related_articles_share_the_meeting_or_committee_and_are_published(self):
        response = self.client.get(self.article.get_absolute_url())
        self.assertEqual([other.pk for other in response.context["same_meeting"]], [self.same_meeting.pk])
        self.assertEqual([other.pk for other in response.context["same_committee"]], [self.same_committee.pk])
        self.assertContains(
            response, f'<a href="/articles/{self.same_meeting.pk}/">陇西县委员热议常委会会议</a>', html=True
        )
        self.assertContains(
            response, f'<a href="/articles/{self.same_committee.pk}/">定西市政协调研文旅</a>', html=True
        )
        self.assertNotContains(response, "定西市政协草稿")

    def test_related_articles_are_the_newest_five_undated_last(self):
        dated = [
            make_article(f"定西市政协调研{day}", region="621100", event_date=datetime.date(2024, 1, day))
            for day in range(1, 6)
        ]
        make_article("定西市政协无日期稿件", region="621100", event_date=None)
        response = self.client.get(self.article.get_absolute_url())
        self.assertEqual(
            [other.pk for other in response.context["same_committee"]], [a.pk for a in reversed(dated)]
        )

    def test_unpublished_article_is_not_found(self):
        self.assertEqual(self.client.get(self.draft.get_absolute_url()).status_code, 404)

    def test_unpublished_articles_are_not_listed(self):
        for url in [
            LISTING,
            reverse("articles:home"),
            self.meeting.get_absolute_url(),
            self.draft.source_page.get_absolute_url(),
        ]:
            with self.subTest(url=url):
                self.assertNotContains(self.client.get(url), "定西市政协草稿")


class HomeTests(TestCase):
    fixtures = ("organizations",)

    def test_prefectures_with_their_counties_items_and_the_chart(self):
        county = make_article(
            "陇西县政协召开常委会会议", region="621122", event_date=datetime.date(2023, 5, 3)
        )
        own = make_article("武威市政协调研", region="620600", event_date=datetime.date(2023, 6, 9))
        response = self.client.get("/")
        prefectures = dict(response.context["prefectures"])
        by_name = {prefecture.division_name: articles for prefecture, articles in prefectures.items()}
        self.assertEqual(len(by_name), 14)
        self.assertEqual([a.title for a in by_name["定西市"]], ["陇西县政协召开常委会会议"])
        self.assertEqual(by_name["兰州市"], [])
        # A county's article names its county; a prefecture's own article names nothing beside it.
        self.assertContains(
            response,
            f'<li><a href="/articles/{county.pk}/">陇西县政协召开常委会会议</a>'
            ' <span class="muted">陇西县</span></li>',
            html=True,
        )
        self.assertContains(response, f'<li><a href="/articles/{own.pk}/">武威市政协调研</a></li>', html=True)
        self.assertContains(response, "<svg", count=1)
        self.assertContains(response, "<title>定西市 2023年5月：1 篇</title>", html=True)
        self.assertContains(response, "<title>武威市 2023年6月：1 篇</title>", html=True)
        self.assertContains(response, 'href="/articles/?meeting_type=standing"')

    def test_home_query_count_is_constant(self):
        def queries() -> int:
            with CaptureQueriesContext(connection) as captured:
                self.client.get("/")
            return len(captured)

        make_article("兰州市政协会议", region="620100")
        before = queries()
        for number in range(10):
            make_article(f"县政协会议{number}", region="621124")
        self.assertEqual(queries(), before)


class MeetingPagesTests(TestCase):
    fixtures = ("organizations",)

    @classmethod
    def setUpTestData(cls):
        cls.standing = make_meeting(
            "621122", MeetingType.STANDING, datetime.date(2023, 6, 2), title="常委会会议"
        )
        cls.chairs = make_meeting("620600", MeetingType.CHAIRS, datetime.date(2023, 5, 2), title="主席会议")
        cls.unreported = make_meeting(
            "620100", MeetingType.STANDING, datetime.date(2023, 5, 5), title="草稿会议"
        )
        make_article("陇西县政协召开常委会会议", region="621122", meetings=(cls.standing,))
        make_article("武威市政协召开主席会议", region="620600", meetings=(cls.chairs,))
        make_article("兰州草稿", region="620100", meetings=(cls.unreported,), published=False)

    def listed(self, **params):
        response = self.client.get(reverse("articles:meetings"), params)
        self.assertEqual(response.status_code, 200)
        return list(response.context["object_list"])

    def test_lists_meetings_reported_by_published_articles(self):
        self.assertEqual(self.listed(), [self.standing, self.chairs])

    def test_filters_by_region_type_and_date(self):
        self.assertEqual(self.listed(region="621100"), [self.standing])
        self.assertEqual(self.listed(meeting_type="chairs"), [self.chairs])
        self.assertEqual(self.listed(date_after="2023-06-01"), [self.standing])
        self.assertEqual(self.listed(date_after="2023-13-45"), [])

    def test_meeting_page_lists_its_articles(self):
        response = self.client.get(self.standing.get_absolute_url())
        self.assertContains(response, "<h1>常委会会议</h1>", html=True)
        self.assertContains(response, "陇西县政协召开常委会会议")

    def test_meeting_known_only_from_drafts_is_not_found(self):
        self.assertEqual(self.client.get(self.unreported.get_absolute_url()).status_code, 404)


class QueryCountTests(TestCase):
    """Pages that list articles take as many queries for 25 articles as for 5."""

    fixtures = ("organizations",)

    def count_queries(self, url_for) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url_for())
        self.assertEqual(response.status_code, 200)
        return len(captured)

    def fill(self, number: int, meeting, page) -> None:
        for index in range(number):
            make_article(
                f"会议报道{index}",
                region="621122",
                regions=("621100",),
                meetings=(meeting,),
                source_page=page,
                kind=Kind.NEWS,
            )

    def test_listing_meeting_and_e_paper_pages(self):
        meeting = make_meeting("621122", MeetingType.STANDING, datetime.date(2023, 6, 2))
        page = make_page("200_count.txt")
        self.fill(5, meeting, page)
        urls = {
            "listing": lambda: LISTING,
            "search": lambda: f"{LISTING}?q=会议报道",
            "meeting": meeting.get_absolute_url,
            "meetings": lambda: reverse("articles:meetings"),
            "e-paper": page.get_absolute_url,
            "pages": lambda: reverse("articles:pages"),
        }
        few = {name: self.count_queries(url) for name, url in urls.items()}
        self.fill(20, meeting, page)
        for name, url in urls.items():
            with self.subTest(page=name):
                self.assertEqual(self.count_queries(url), few[name])


class ReaderColumnsTests(TestCase):
    """Reader pages never fetch the extracted page text or the index's tokens: both are body-sized."""

    fixtures = ("organizations",)

    def test_no_reader_page_selects_source_text_or_search_text(self):
        meeting = make_meeting("621122", MeetingType.STANDING, datetime.date(2023, 6, 2))
        article = make_article("陇西县政协召开常委会会议", region="621122", meetings=(meeting,))
        # (A search reads search_text, of its newest matches only, to rank them: see articles.search.)
        urls = [LISTING, reverse("articles:home"), article.get_absolute_url()]
        urls += [
            meeting.get_absolute_url(),
            article.source_page.get_absolute_url(),
            article.committee.get_absolute_url(),
        ]
        for url in urls:
            with self.subTest(url=url), CaptureQueriesContext(connection) as captured:
                self.assertContains(self.client.get(url), "陇西县政协召开常委会会议")
            selected = [query["sql"].split(" FROM ")[0] for query in captured]
            self.assertFalse([sql for sql in selected if "source_text" in sql or "search_text" in sql])


class NewestByCommitteeIndexTests(TestCase):
    """A committee's newest articles and meetings are read along indexes (migration 0007)."""

    def test_both_indexes_exist_on_this_database(self):
        tables = {
            "articles_article": "article_committee_newest",
            "articles_meeting": "meeting_newest_by_organization",
        }
        with connection.cursor() as cursor:
            for table, index in tables.items():
                with self.subTest(index=index):
                    self.assertIn(index, connection.introspection.get_constraints(cursor, table))


class EPaperTests(TestCase):
    fixtures = ("organizations",)

    def test_articles_in_printed_order_with_neighbouring_pages(self):
        first, second, third = (make_page(f"00{n}_page.txt") for n in range(3))
        make_article("第二篇", source_page=second, position=2)
        make_article("第一篇", source_page=second, position=1)
        make_article("前一版", source_page=first, position=1)
        make_article("后一版草稿", source_page=third, position=1, published=False)
        response = self.client.get(second.get_absolute_url())
        self.assertEqual([a.headline for a in response.context["articles"]], ["第一篇", "第二篇"])
        self.assertEqual(response.context["previous_page"], first)
        self.assertIsNone(response.context["next_page"])
        self.assertEqual(self.client.get(third.get_absolute_url()).status_code, 404)
        self.assertEqual(
            list(self.client.get(reverse("articles:pages")).context["object_list"]), [first, second]
        )
