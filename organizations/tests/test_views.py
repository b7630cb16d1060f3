"""Committee directory, committee and person pages as readers see them."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import MeetingType
from articles.tests.factories import make_article, make_meeting, make_person
from organizations.models import Role


class CommitteeDirectoryTests(TestCase):
    fixtures = ("organizations",)

    def test_lists_the_101_committees_grouped_by_prefecture_with_published_counts(self):
        make_article("陇西县政协会议", region="621122")
        make_article("陇西县政协草稿", region="621122", published=False)
        response = self.client.get(reverse("organizations:committees"))
        groups = response.context["groups"]
        self.assertEqual(len(groups), 14)
        self.assertEqual(sum(1 + len(group["counties"]) for group in groups) + 1, 101)
        dingxi = next(group for group in groups if group["prefecture"].code == "621100")
        self.assertEqual(
            [county.division_name for county in dingxi["counties"]][:3], ["安定区", "通渭县", "陇西县"]
        )
        longxi = next(county for county in dingxi["counties"] if county.code == "621122")
        self.assertEqual(longxi.article_count, 1)
        self.assertContains(response, '<a href="/committees/longxi-xian/">陇西县政协</a>', html=True)


class CommitteePageTests(TestCase):
    fixtures = ("organizations",)

    @classmethod
    def setUpTestData(cls):
        cls.meeting = make_meeting(
            "621100", MeetingType.STANDING, datetime.date(2023, 6, 8), title="五届十次常委会会议"
        )
        cls.chair = make_person("张强", "621100")
        make_article(
            "定西市政协召开五届十次常委会会议",
            region="621100",
            meetings=(cls.meeting,),
            persons=((cls.chair, "主席"),),
        )
        make_article("陇西县政协调研", region="621122", event_date=datetime.date(2023, 5, 4))
        make_article("定西市政协草稿", region="621100", published=False)

    def test_shows_meetings_articles_with_counties_and_leaders(self):
        response = self.client.get(reverse("organizations:committee", args=["dingxi-shi"]))
        self.assertContains(response, "<h1>定西市政协</h1>", html=True)
        self.assertEqual(response.context["article_total"], 2)
        self.assertEqual([meeting.pk for meeting in response.context["meetings"]], [self.meeting.pk])
        self.assertContains(
            response,
            f'<li><a href="/meetings/{self.meeting.pk}/">五届十次常委会会议</a>'
            ' <span class="muted">2023年6月8日 · 常委会会议</span></li>',
            html=True,
        )
        self.assertEqual(list(response.context["leaders"]), [self.chair])
        self.assertContains(response, "主席")
        self.assertContains(response, "<title>定西市 2023年5月：1 篇</title>", html=True)
        self.assertNotContains(response, "定西市政协草稿")

    def test_unknown_committee_is_not_found(self):
        self.assertEqual(self.client.get("/committees/no-such-place/").status_code, 404)

    def test_leaders_are_ordered_by_published_mentions_and_drafts_do_not_count(self):
        deputy = make_person("李华", "621100")
        drafted = make_person("赵敏", "621100")
        for number in range(2):
            make_article(f"定西市政协调研{number}", region="621100", persons=((deputy, "副主席"),))
        for number in range(3):  # unpublished: neither counted for the chair nor listing 赵敏
            make_article(
                f"定西市政协草稿{number}",
                region="621100",
                persons=((self.chair, "主席"), (drafted, "常委")),
                published=False,
            )
        response = self.client.get(reverse("organizations:committee", args=["dingxi-shi"]))
        leaders = [(person.name, person.mention_count) for person in response.context["leaders"]]
        self.assertEqual(leaders, [("李华", 2), ("张强", 1)])
        self.assertNotContains(response, "赵敏")

    def test_lists_the_newest_reported_meetings_undated_last(self):
        undated = make_meeting("621100", MeetingType.STUDY, None, title="专题学习会")
        make_article("定西市政协专题学习", region="621100", meetings=(undated,))
        dated = []
        for day in range(1, 19):
            meeting = make_meeting(
                "621100", MeetingType.CONSULTATION, datetime.date(2024, 3, day), title=f"协商会{day}"
            )
            make_article(f"定西市政协协商会{day}", region="621100", meetings=(meeting,))
            dated.append(meeting)
        unreported = make_meeting("621100", MeetingType.WORK, datetime.date(2024, 4, 1), title="未见报会议")
        make_article("定西市政协草稿会议", region="621100", meetings=(unreported,), published=False)
        response = self.client.get(reverse("organizations:committee", args=["dingxi-shi"]))
        # 18 new meetings, the fixture's of 2023, then the undated one: the twenty shown.
        self.assertEqual(
            [meeting.pk for meeting in response.context["meetings"]],
            [meeting.pk for meeting in [*dated[::-1], self.meeting, undated]],
        )
        self.assertContains(
            response,
            f'<li><a href="/meetings/{undated.pk}/">专题学习会</a>'
            ' <span class="muted">专题学习会</span></li>',
            html=True,
        )
        self.assertNotContains(response, "未见报会议")

    def test_query_count_does_not_grow_with_articles(self):
        def queries() -> int:
            with CaptureQueriesContext(connection) as captured:
                self.client.get(reverse("organizations:committee", args=["dingxi-shi"]))
            return len(captured)

        before = queries()
        for number in range(20):
            person = make_person(f"委员{number}", "621100")
            make_article(
                f"定西市政协会议{number}",
                region="621100",
                meetings=(self.meeting,),
                persons=((person, "常委"),),
            )
        self.assertEqual(queries(), before)


class PersonPageTests(TestCase):
    fixtures = ("organizations",)

    @classmethod
    def setUpTestData(cls):
        cls.person = make_person("王毅", "620200")
        cls.first = make_article(
            "嘉峪关市政协召开党组会议",
            region="620200",
            event_date=datetime.date(2023, 6, 8),
            persons=((cls.person, "副主席"),),
        )
        cls.second = make_article(
            "嘉峪关市政协开展调研",
            region="620200",
            event_date=datetime.date(2023, 9, 1),
            persons=((cls.person, "主席"),),
        )
        Role.objects.filter(person=cls.person, title="副主席").update(
            first_seen=datetime.date(2023, 6, 8), last_seen=datetime.date(2023, 6, 8)
        )
        Role.objects.filter(person=cls.person, title="主席").update(first_seen=datetime.date(2023, 9, 1))
        cls.hidden = make_person("李四", "620200")
        make_article("嘉峪关草稿", region="620200", persons=((cls.hidden, "委员"),), published=False)

    def test_roles_over_time_and_every_mention(self):
        response = self.client.get(self.person.get_absolute_url())
        self.assertContains(response, "<h1>王毅</h1>", html=True)
        self.assertEqual([role.title for role in response.context["person"].roles.all()], ["副主席", "主席"])
        self.assertEqual(
            [mention.article for mention in response.context["mentions"]], [self.second, self.first]
        )

    def test_person_seen_only_in_drafts_is_not_found(self):
        self.assertEqual(self.client.get(self.hidden.get_absolute_url()).status_code, 404)

    def test_query_count_does_not_grow_with_mentions(self):
        def queries() -> int:
            with CaptureQueriesContext(connection) as captured:
                self.client.get(self.person.get_absolute_url())
            return len(captured)

        before = queries()
        for number in range(20):
            make_article(
                f"嘉峪关市政协会议{number}", region="620200", persons=((self.person, f"职务{number % 3}"),)
            )
        self.assertEqual(queries(), before)
