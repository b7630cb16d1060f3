"""List items as the listing prints them (`reader.article_item`), and their addresses."""

import datetime

from django.test import TestCase
from django.urls import reverse, set_script_prefix

from articles.models import Article, MeetingType, article_addresses
from articles.tests.factories import make_article, make_meeting

LISTING = reverse("articles:list")


class ArticleAddressTests(TestCase):
    def tearDown(self):
        set_script_prefix("/")

    def test_addresses_are_what_reverse_gives(self):
        address = article_addresses()
        for pk in (1, 42, 987_654_321_987, 10**15):
            with self.subTest(pk=pk):
                self.assertEqual(address(pk), reverse("articles:detail", args=[pk]))

    def test_addresses_keep_the_script_prefix(self):
        set_script_prefix("/portal/")
        self.assertEqual(article_addresses()(7), "/portal/articles/7/")


class ListItemTests(TestCase):
    fixtures = ("organizations",)

    @classmethod
    def setUpTestData(cls):
        meeting = make_meeting("620100", MeetingType.CONSULTATION, datetime.date(2023, 6, 8))
        cls.article = make_article(
            "兰州市政协<b>协商</b>议政 & 建言",
            region="620100",
            kicker="引题<i>",
            subtitle="副题<script>",
            meetings=(meeting,),
        )
        cls.undated = make_article("无日期的稿件", region=None, event_date=None)

    def item(self, article: Article, **params) -> str:
        """The listing's markup of one article, from its <article> to its </article>."""
        html = self.client.get(LISTING, params).content.decode()
        start = html.index(f'<a href="{article.get_absolute_url()}">')
        return html[html.rindex('<article class="item">', 0, start) : html.index("</article>", start)]

    def test_item_escapes_every_text(self):
        item = self.item(self.article)
        self.assertIn('<p class="item__kicker">引题&lt;i&gt;</p>', item)
        self.assertIn("兰州市政协&lt;b&gt;协商&lt;/b&gt;议政 &amp; 建言</a>", item)
        self.assertIn('<p class="item__deck">副题&lt;script&gt;</p>', item)
        self.assertNotIn("<script>", item)

    def test_item_shows_date_committee_and_meeting_type(self):
        item = self.item(self.article)
        self.assertIn('<time datetime="2023-06-08">2023年6月8日</time>', item)
        self.assertIn("<span>兰州市政协</span>", item)
        self.assertIn(f'<span class="tag">{MeetingType.CONSULTATION.label}</span>', item)

    def test_undated_item_without_committee_leaves_both_out(self):
        item = self.item(self.undated)
        self.assertNotIn("<time", item)
        self.assertNotIn("<span>", item)
        self.assertIn('<p class="item__meta">\n    \n    \n    \n  </p>', item)

    def test_search_item_highlights_and_shows_a_snippet_not_the_subtitle(self):
        item = self.item(self.article, q="协商")
        self.assertIn("<mark>协商</mark>", item)
        self.assertIn('<p class="item__snippet">', item)
        self.assertNotIn("item__deck", item)

    def test_home_page_prints_the_same_item(self):
        home = self.client.get(reverse("articles:home")).content.decode()
        self.assertIn(self.item(self.article), home)
