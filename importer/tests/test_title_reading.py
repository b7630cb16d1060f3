"""Title lines on pages nobody tuned the importer against: what names a committee, which line of a
run is the headline, where a story really starts. Pure: no database.
"""

# ruff: noqa: E501 -- page text must keep its printed lines.

from django.test import SimpleTestCase

from importer.parsing import titles
from importer.parsing.segment import segment_page
from importer.reading import read_page


def headlines_and_decks(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (segment.headline, segment.subtitle) for segment in segment_page(read_page("page.txt", text.encode()))
    ]


class TitleCommitteeTests(SimpleTestCase):
    def test_titles_opening_on_a_place_name_it(self):
        for title, name in [
            ("瓜州县政协开展送科技下乡活动", "瓜州县"),
            ("秦州区政协召开常委会会议", "秦州区"),
            ("两当县政协十届二次会议开幕", "两当县"),
            ("积石山政协调研", "积石山"),
            ("环县政协关注营商环境", "环县"),
        ]:
            with self.subTest(title=title):
                self.assertEqual(titles.committee_name(title), name)

    def test_every_committee_or_a_slogan_before_zhengxie_names_none(self):
        for title in [
            "全市政协系统提案工作会议召开",
            "各级政协组织要凝聚共识",
            "市县政协联动开展调研",
            "新时代讲好政协故事凝聚合力",
        ]:
            with self.subTest(title=title):
                self.assertIsNone(titles.committee_name(title))


# A column page: a placeless story about a city-wide work meeting, then a county story; the run of
# titles after both holds the county headline, the meeting's title (no committee: "全市政协系统")
# and the first story's one-phrase deck, which also says "政协".
SYSTEM_MEETING_COLUMN_PAGE = """\
 本报讯（记者 王 芳）5月6日，全市

政协系统提案工作会议在酒泉召开。市

政协主席出席会议并讲话。

会议要求，要在新时代讲好政协故事，

为全市发展凝聚合力。

 本报金塔讯（通讯员李 文）5月7日，

金塔县政协召开主席会议，研究部署

近期重点工作。

金塔县政协召开主席会议

新时代讲好政协故事凝聚合力

全市政协系统提案工作会议召开
"""


class EventHeadlineTests(SimpleTestCase):
    def test_of_two_titles_naming_no_committee_the_event_is_the_headline(self):
        self.assertEqual(
            headlines_and_decks(SYSTEM_MEETING_COLUMN_PAGE),
            [
                ("全市政协系统提案工作会议召开", "新时代讲好政协故事凝聚合力"),
                ("金塔县政协召开主席会议", None),
            ],
        )
