"""RSS with the listing's filters, the sitemap and robots.txt: published articles only."""

import datetime
from xml.etree import ElementTree

from django.test import TestCase
from django.urls import reverse

from articles.models import MeetingType
from articles.tests.factories import make_article, make_meeting

FEED = reverse("articles:feed")


def titles(response) -> list[str]:
    return [item.findtext("title") for item in ElementTree.fromstring(response.content).iter("item")]


class FeedTests(TestCase):
    fixtures = ("organizations",)

    @classmethod
    def setUpTestData(cls):
        standing = make_meeting("621122", MeetingType.STANDING, datetime.date(2023, 6, 2))
        cls.longxi = make_article(
            "陇西县政协召开常委会会议",
            region="621122",
            meetings=(standing,),
            event_date=datetime.date(2023, 6, 2),
        )
        cls.wuwei = make_article(
            "武威市政协调研乡村振兴", region="620600", event_date=datetime.date(2023, 6, 9)
        )
        cls.draft = make_article("定西市政协草稿", region="621100", published=False)

    def test_latest_published_articles_newest_first(self):
        response = self.client.get(FEED)
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        self.assertEqual(titles(response), ["武威市政协调研乡村振兴", "陇西县政协召开常委会会议"])

    def test_takes_the_listing_filters(self):
        self.assertEqual(titles(self.client.get(FEED, {"region": "621100"})), ["陇西县政协召开常委会会议"])
        self.assertEqual(
            titles(self.client.get(FEED, {"meeting_type": "standing"})), ["陇西县政协召开常委会会议"]
        )
        self.assertEqual(titles(self.client.get(FEED, {"q": "乡村振兴"})), ["武威市政协调研乡村振兴"])

    def test_feed_links_to_the_filtered_listing(self):
        response = self.client.get(FEED, {"region": "dingxi-shi"})
        channel_link = ElementTree.fromstring(response.content).find("channel").findtext("link")
        self.assertEqual(channel_link, "http://testserver/articles/?region=621100")

    def test_bad_filters_give_an_empty_feed(self):
        for params in [
            {"region": "zzz"},
            {"date_after": "2023-13-45"},
            {"q": "\x00" * 3},
            {"person": "x" * 10_000},
        ]:
            with self.subTest(params=str(params)[:30]):
                response = self.client.get(FEED, params)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(titles(response), [])


class SitemapAndRobotsTests(TestCase):
    fixtures = ("organizations",)

    def test_sitemap_lists_published_articles_and_committees(self):
        published = make_article("陇西县政协会议", region="621122")
        draft = make_article("陇西县政协草稿", region="621122", published=False)
        content = self.client.get("/sitemap.xml").content.decode()
        self.assertIn(f"http://testserver{published.get_absolute_url()}</loc>", content)
        self.assertNotIn(f"http://testserver{draft.get_absolute_url()}</loc>", content)
        self.assertIn("http://testserver/committees/longxi-xian/</loc>", content)
        self.assertIn(f"http://testserver{published.source_page.get_absolute_url()}</loc>", content)

    def test_robots_points_to_the_sitemap_and_keeps_out_of_admin(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain")
        self.assertContains(response, "Disallow: /admin/")
        self.assertContains(response, "Sitemap: http://testserver/sitemap.xml")
