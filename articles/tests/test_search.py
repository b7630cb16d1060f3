"""Full-text search: segmentation shared with the index, ranking, highlighting, hostile queries."""

import datetime
from unittest import mock, skipUnless

from django.db import connection
from django.http import QueryDict
from django.test import SimpleTestCase, TestCase
from hypothesis import given
from hypothesis import strategies as st

from articles import search
from articles.filters import ArticleFilter
from articles.models import Article
from articles.tests.factories import make_article, make_person

HOSTILE_QUERIES = [
    '"',
    '""乡村振兴"',
    "乡村 OR 振兴 NOT 陇西",
    "NEAR(乡村 振兴)",
    "乡村*",
    "search_text:乡村",
    "^乡村",
    "(((",
    "-- ; DROP TABLE articles_article",
    "'; SELECT 1; --",
    "乡村\x00振兴",
    "\x00",
    "_",
    "%_%",
    "\u202e陇西\u200b",
    "🙂🙂 陇西",
    "ｑｕｏｔｅ “三抓三促”",
    "乡" * 10_000,
    "a b " * 5_000,
    " " * 50,
]


def found(query: str) -> list[str]:
    return [article.headline for article in search.search(Article.objects.published(), query)]


def ranked_matches(query: str, rows=None) -> search.RankedMatches:
    """The matches as the listing pages them: ids listed once, newest first, then ranked."""
    published = Article.objects.published()
    newest = search.newest_match_ids(search.matching(published, query))
    return search.RankedMatches(query, published if rows is None else rows, newest)


class SearchTests(TestCase):
    fixtures = ("organizations",)

    @classmethod
    def setUpTestData(cls):
        cls.wang = make_person("王毅", "620200")
        cls.rural = make_article(
            "定西市政协召开常委会会议",
            region="621100",
            body="会议围绕乡村振兴专题协商议政。\n着力在乡村振兴、化解矛盾上提对策。",
        )
        cls.campaign = make_article(
            "武威市政协召开五届七次常委会会议",
            region="620600",
            body="要攻坚克难抓效能，结合“三抓三促”行动，着力在聚焦中心履职上下功夫。",
        )
        cls.longxi = make_article(
            "陇西县政协开展专题视察",
            region="621122",
            body="委员们深入临洮县、渭源县、陇西县和安定区，就示范村建设开展专题视察。",
        )
        cls.person = make_article(
            "嘉峪关市政协召开党组理论学习中心组会议",
            region="620200",
            body="6月8日，嘉峪关市政协党组书记、主席王毅主持召开会议。",
            persons=((cls.wang, "党组书记、主席"),),
        )
        cls.draft = make_article("未发布的乡村振兴稿件", region="621100", published=False)

    def test_finds_words_of_a_phrase(self):
        self.assertEqual(found("乡村振兴"), [self.rural.headline])

    def test_finds_a_slogan_in_quotes(self):
        self.assertEqual(found("三抓三促"), [self.campaign.headline])

    def test_finds_a_county_short_name(self):
        self.assertEqual(found("陇西"), [self.longxi.headline])

    def test_finds_a_person_by_name(self):
        self.assertEqual(found("王毅"), [self.person.headline])

    def test_every_word_must_match(self):
        self.assertEqual(found("乡村振兴 陇西"), [])
        self.assertEqual(found("陇西 专题视察"), [self.longxi.headline])

    def test_unpublished_articles_are_never_found(self):
        self.assertNotIn(self.draft.headline, found("乡村振兴"))
        self.assertNotIn(self.draft.headline, found("未发布"))

    def test_empty_query_matches_nothing(self):
        for query in ["", "   ", "，。！？", '"*()']:
            with self.subTest(query=query):
                self.assertEqual(found(query), [])

    def test_more_relevant_articles_rank_first(self):
        passing = make_article(
            "省政协召开会议", body="会议听取了多项工作汇报，涉及教育、医疗、交通等，也提到乡村振兴。" * 3
        )
        focused = make_article(
            "乡村振兴专题协商会", body="乡村振兴是重点。乡村振兴要抓产业。乡村振兴要抓人才。"
        )
        headlines = found("乡村振兴")
        self.assertLess(headlines.index(focused.headline), headlines.index(passing.headline))

    def test_newer_article_first_among_equally_relevant(self):
        old = make_article("白银市政协调研文旅", region="620400", event_date=datetime.date(2022, 3, 1))
        new = make_article("白银市政协调研文旅", region="620400", event_date=datetime.date(2023, 9, 1))
        ranked = list(search.search(Article.objects.published(), "文旅"))
        self.assertEqual(ranked, [new, old])

    def test_only_the_newest_matches_are_ranked_then_older_ones_follow_by_date(self):
        def dated(headline: str, year: int, body: str) -> Article:
            return make_article(headline, body=body, event_date=datetime.date(year, 1, 1))

        dense = dated("陇南市政协调研", 2020, "花椒花椒花椒。")
        older = dated("陇南市政协视察", 2021, "看了花椒基地。" + "其他工作。" * 30)
        sparse = dated("陇南市政协座谈", 2022, "也谈到花椒。" + "其他工作。" * 50)
        newest = dated("陇南市政协协商", 2023, "花椒产业，花椒品牌。")
        everything = search.search(Article.objects.published(), "花椒")
        self.assertEqual(everything.first(), dense)  # all four ranked: the densest first
        with mock.patch.object(search, "RANKED_MATCHES", 2):
            ranked = list(search.search(Article.objects.published(), "花椒"))
            self.assertEqual(ranked, [newest, sparse, older, dense])
            pages = ranked_matches("花椒")
            self.assertEqual(pages.count(), 4)
            self.assertEqual(
                [row.pk for row in [*pages[0:1], *pages[1:3], *pages[3:4]]], [a.pk for a in ranked]
            )

    def test_the_newest_matches_follow_dates_as_editors_change_them(self):
        def newest() -> list[int]:
            filterset = ArticleFilter(QueryDict("q=政协"), queryset=Article.objects.published())
            return filterset.newest_matches(filtered=False)

        self.assertEqual(
            newest(), search.newest_match_ids(search.matching(Article.objects.published(), "政协"))
        )
        self.longxi.event_date = datetime.date(2031, 1, 1)
        self.longxi.save()
        self.assertEqual(newest()[0], self.longxi.pk)
        # An UPDATE of the date alone (a bulk correction) moves the article too.
        Article.objects.filter(pk=self.rural.pk).update(event_date=datetime.date(2032, 1, 1))
        self.assertEqual(newest()[:2], [self.rural.pk, self.longxi.pk])
        self.longxi.event_date = None  # undated: listed after every dated match
        self.longxi.save()
        self.assertEqual(newest()[-1], self.longxi.pk)
        self.rural.delete()
        self.assertNotIn(self.rural.pk, newest())

    def test_count_is_exact_up_to_the_limit_then_says_at_least(self):
        matches = search.matching(Article.objects.published(), "政协").count()
        self.assertEqual(matches, 4)
        for limit, expected in ((5, (4, True)), (4, (4, True)), (3, (3, False)), (1, (1, False))):
            with self.subTest(limit=limit), mock.patch.object(search, "COUNT_LIMIT", limit):
                pages = ranked_matches("政协")
                total = pages.total()
                self.assertEqual((total.value, total.exact), expected)
                self.assertEqual(pages.count(), expected[0])

    def test_pages_read_from_the_given_rows_are_the_same_matches_in_the_same_order(self):
        def pages(rows=None) -> list[int]:
            ranked = ranked_matches("政协", rows)
            return [row.pk for row in [*ranked[0:2], *ranked[2:4]]]

        expected = [row.pk for row in search.search(Article.objects.published(), "政协")]
        self.assertEqual(len(expected), 4)
        self.assertEqual(pages(), expected)
        self.assertEqual(pages(Article.objects.select_related("committee")), expected)

    def test_pages_carry_what_a_listed_search_result_shows(self):
        (row,) = ranked_matches("乡村振兴")[0:20]
        self.assertEqual((row.pk, row.title, row.body), (self.rural.pk, self.rural.headline, self.rural.body))
        self.assertEqual(row.committee_name, "定西市政协")

    def test_an_article_unpublished_after_the_listing_is_left_out_of_the_ranked_page(self):
        pages = ranked_matches("乡村振兴")
        self.assertEqual([row.title for row in pages[0:20]], [self.rural.headline])
        # The draft's id among the listed ones, as if it was withdrawn between the two reads.
        stale = search.RankedMatches("乡村振兴", Article.objects.published(), [self.draft.pk, self.rural.pk])
        self.assertEqual([row.title for row in stale[0:20]], [self.rural.headline])

    def test_search_texts_come_in_the_order_asked_without_unknown_ids(self):
        published = Article.objects.published()
        texts = search.search_texts(published, [self.longxi.pk, 10**9, self.rural.pk])
        self.assertEqual(
            texts, [(self.longxi.pk, self.longxi.search_text), (self.rural.pk, self.rural.search_text)]
        )
        self.assertEqual(search.search_texts(published, []), [])

    @skipUnless(connection.vendor == "postgresql", "the stored search vector is PostgreSQL's")
    def test_postgresql_keeps_the_search_vector_in_the_row(self):
        """Stored MAIN (migration 0006): testing a row's vector reads no TOAST table."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT attstorage FROM pg_attribute "
                "WHERE attrelid = 'articles_article'::regclass AND attname = 'search_vector'"
            )
            self.assertEqual(cursor.fetchone(), ("m",))

    def test_relevance_counts_whole_tokens_and_favours_short_texts(self):
        self.assertEqual(search.relevance("乡村 振兴", ["乡"]), 0)
        self.assertGreater(
            search.relevance("乡村 乡村 振兴", ["乡村"]), search.relevance("乡村 振兴 振兴", ["乡村"])
        )
        self.assertGreater(
            search.relevance("乡村 振兴", ["乡村"]), search.relevance("乡村 " + "振兴 " * 800, ["乡村"])
        )
        both = search.relevance("乡村 振兴", ["乡村", "振兴"])
        self.assertAlmostEqual(both, 2 * search.relevance("乡村 振兴", ["乡村"]))

    def test_hostile_queries_return_results_or_nothing(self):
        for query in HOSTILE_QUERIES:
            with self.subTest(query=query[:40]):
                results = found(query)
                self.assertIsInstance(results, list)
        self.assertEqual(found('""乡村振兴"'), [self.rural.headline])
        self.assertEqual(found("\u202e陇西\u200b"), [self.longxi.headline])

    def test_query_tokens_are_quoted_for_fts5(self):
        self.assertEqual(search.fts5_match(['a"b', "陇西"]), '"a""b" AND "陇西"')

    def test_query_drops_tokens_without_word_characters(self):
        self.assertEqual(search.query_tokens("“三抓三促” OR *"), ["三", "抓三促", "OR"])

    def test_index_follows_updates_and_deletes(self):
        article = make_article("临夏州政协调研", region="622900", body="调研牛羊产业发展。")
        self.assertEqual(found("牛羊"), [article.headline])
        Article.objects.filter(pk=article.pk).update(
            search_text=search.index_text("临夏州政协调研", "调研花椒")
        )
        self.assertEqual(found("牛羊"), [])
        self.assertEqual(found("花椒"), [article.headline])
        article.delete()
        self.assertEqual(found("花椒"), [])


class HighlightTests(TestCase):
    def test_marks_query_words_as_one_run(self):
        self.assertEqual(search.highlight("推进乡村振兴战略", "乡村振兴"), "推进<mark>乡村振兴</mark>战略")

    def test_escapes_text_and_query(self):
        html = search.highlight('<script>alert("陇西")</script>', "<b>陇西</b>")
        self.assertEqual(html, "&lt;script&gt;alert(&quot;<mark>陇西</mark>&quot;)&lt;/script&gt;")

    def test_snippet_starts_near_the_first_match(self):
        text = "前言。" * 100 + "会议围绕乡村振兴展开。" + "后记。" * 100
        html = search.snippet(text, "乡村振兴", width=60)
        self.assertTrue(html.startswith("…"))
        self.assertIn("<mark>乡村振兴</mark>", html)
        self.assertTrue(html.endswith("…"))

    def test_no_words_means_plain_escaped_text(self):
        self.assertEqual(search.highlight("a<b", '"'), "a&lt;b")


class RelevanceTests(SimpleTestCase):
    # Sub-words of one another, and "" for a doubled space, so words touch and contain each other.
    WORDS = st.lists(
        st.sampled_from(["乡村", "振兴", "乡", "村", "政协", "政协委员", ""]), min_size=1, max_size=30
    )

    @given(WORDS, st.data())
    def test_relevance_counts_each_occurrence_of_the_whole_word(self, words, data):
        token = data.draw(st.sampled_from(["乡村", "乡", "政协"]))
        norm = (
            search.BM25_K1 * (1 - search.BM25_B)
            + search.BM25_K1 * search.BM25_B * len(words) / search.TYPICAL_TOKENS
        )
        frequency = words.count(token)
        expected = frequency * (search.BM25_K1 + 1) / (frequency + norm)
        self.assertAlmostEqual(search.relevance(" ".join(words), [token]), expected)

    @given(WORDS, st.sampled_from(["乡村", "乡", "村", "政协", "政协委员", "委员"]))
    def test_word_count_is_the_count_among_the_space_separated_words(self, words, word):
        self.assertEqual(search.word_count(" ".join(words), word), words.count(word))
