"""Column layout: a story continued from another page under its headline reprinted right above
its "（续一版）" mark. The reprint is the continued story's, at the top of the page or at its foot,
and it says nothing of how the rest of the page prints its titles: after their bodies. Pure: no
database.

The pages below are made up for these tests; the expected articles were written from reading them.
"""

from django.test import SimpleTestCase

from importer.parsing.directory import Directory
from importer.parsing.page import parse_page
from importer.parsing.segment import segment_page
from importer.reading import read_page

DIRECTORY = Directory.from_fixture()

CONTINUED = """\
省政协十二届十次常委会会议闭幕

（续一版）

会议要求，全省政协系统要聚焦乡村

振兴，深入开展调查研究，提高建言

质量，把协商成果转化为发展实效。

省政协主席孙正平主持闭幕会并讲话。
"""

# The titles of the two news stories, printed after them: the deck shares more words with the
# continued story ("聚焦乡村振兴", "提高建言质量") than with the story it belongs to.
NEWS = """\
 本报定西讯（通讯员 刘 芳）3月5

日，安定区政协召开十届九次常委会

会议，审议通过了区政协年度协商计

划。区政协主席李志刚主持会议。

会议强调，要聚焦乡村产业发展开

展专题调研，提出务实管用的建议。

 本报临洮讯（通讯员 王 磊）3月6

日，临洮县政协组织部分委员视察县

城冬季供暖工作。县政协副主席赵红

带队。视察组建议，要加快老旧供热

管网改造，确保群众温暖过冬。

安定区政协召开十届九次常委会会议

聚焦乡村振兴 提高建言质量

临洮县政协视察县城冬季供暖工作
"""


def headlines(page: str) -> list[tuple[str | None, str | None, bool]]:
    segments = segment_page(read_page("reprint.txt", page.encode()))
    return [(segment.headline, segment.subtitle, segment.continuation) for segment in segments]


class ReprintedHeadlineTests(SimpleTestCase):
    def test_a_page_opening_on_a_reprinted_headline_still_prints_its_other_titles_after_their_bodies(self):
        self.assertEqual(
            headlines(CONTINUED + "\n" + NEWS),
            [
                ("省政协十二届十次常委会会议闭幕", None, True),
                ("安定区政协召开十届九次常委会会议", "聚焦乡村振兴 提高建言质量", False),
                ("临洮县政协视察县城冬季供暖工作", None, False),
            ],
        )

    def test_a_reprinted_headline_at_the_foot_is_the_continued_storys(self):
        self.assertEqual(
            headlines(NEWS + "\n" + CONTINUED),
            [
                ("安定区政协召开十届九次常委会会议", "聚焦乡村振兴 提高建言质量", False),
                ("临洮县政协视察县城冬季供暖工作", None, False),
                ("省政协十二届十次常委会会议闭幕", None, True),
            ],
        )

    def test_a_meeting_named_only_in_the_reprinted_headline_is_the_continued_storys(self):
        continued = parse_page("reprint.txt", (NEWS + "\n" + CONTINUED).encode(), DIRECTORY).articles[-1]
        self.assertEqual(
            [(meeting.meeting_type, meeting.session, meeting.sequence) for meeting in continued.meetings],
            [("standing", 12, 10)],
        )
        self.assertEqual(continued.kind, "news")
