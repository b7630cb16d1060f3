"""Articles read with the page around them: a second story about a meeting an earlier story on the
page reported, naming its committee only by the relative form. Pure: no database.

The page below is made up for these tests; the expected facts were written from reading it.
"""

# ruff: noqa: E501 -- page text must keep its printed lines.

from django.test import SimpleTestCase

from importer.parsing.directory import Directory
from importer.parsing.page import parse_page

DIRECTORY = Directory.from_fixture()

# A report of a standing committee meeting, a digest of its speeches naming the committee only as
# "州政协", and a digest of another meeting's speeches.
DIGEST_PAGE = """\
临夏州政协召开十二届第八次常委会议

本报临夏讯(通讯员 马 兰)3月20日,临夏州政协召开十二届第八次常委会议,围绕“发展特色农业”开展专题议政。州政协主席马光明主持会议。

会议审议通过了有关建议案。今年是人民政协成立75周年。

让特色农业走出大山

——州政协十二届第八次常委会议大会发言摘编

在3月20日召开的州政协十二届第八次常委会议上,4位常委围绕发展特色农业作大会发言。现摘编如下。

州政协副主席何文静代表农业和农村委员会发言时说,要培育壮大牛羊、花椒等特色产业。

把协商成果落到实处

——州政协十二届第七次常委会议大会发言摘编

在去年召开的州政协十二届第七次常委会议上,委员们围绕文旅融合作大会发言。现摘编如下。

州政协副主席何文静说,要完善景区配套设施,提升服务水平。
"""


class SharedMeetingTests(SimpleTestCase):
    def setUp(self):
        self.articles = parse_page("digest.txt", DIGEST_PAGE.encode(), DIRECTORY).articles

    def test_a_digest_of_a_reported_meeting_is_about_the_committee_that_held_it(self):
        report, digest = self.articles[0], self.articles[1]
        self.assertEqual(DIRECTORY.get(report.region_codes[0]).division_name, "临夏回族自治州")
        self.assertEqual(digest.region_codes[:1], report.region_codes[:1])
        self.assertEqual(
            [(p.name, p.region_code) for p in digest.persons], [("何文静", report.region_codes[0])]
        )

    def test_the_digest_reports_the_same_meeting(self):
        report, digest = self.articles[0], self.articles[1]
        self.assertEqual(
            [(m.meeting_type, m.session, m.sequence) for m in report.meetings], [("standing", 12, 8)]
        )
        self.assertEqual(digest.meetings, report.meetings)

    def test_a_meeting_no_story_on_the_page_reported_is_not_taken(self):
        self.assertEqual(len(self.articles), 3)
        self.assertEqual(self.articles[2].meetings, [])
