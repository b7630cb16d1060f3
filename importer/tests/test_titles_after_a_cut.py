"""Column layout: a body cut at a clause mark ("……和办理时限，", its rest on another page) is
followed by its page's run of titles; the run's first line may not read as a whole title (its
verb is no event word), yet the run after it shows that no sentence goes on there. Pure: no
database.

The page below is made up for this test; the expected articles were written from reading it.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

# Two stories, the second cut at a comma; the titles of both follow, the first naming no event.
CUT_BODY_BEFORE_TITLES = """\
 本报武威讯（通讯员李 明）3月2

日，武威市政协召开大会，对年度履

职成绩突出的二十名委员予以表彰。

会议号召，全体委员要向受表彰

的委员学习，立足岗位建功立业。

 本报凉州讯（通讯员王 芳）3月5

日，凉州区政协召开十届三次常委会

会议，协商讨论区政府工作报告。

会议要求，要建立协商成果督办

机制，对每一项协商成果明确

责任单位、具体措施和办理时限，

武威市政协表彰年度优秀委员

凉州区政协召开十届三次常委会会议
"""


class TitlesAfterACutBodyTests(SimpleTestCase):
    def test_a_title_run_after_a_body_cut_at_a_comma_stays_out_of_it(self):
        segments = segment_page(read_page("cut_body.txt", CUT_BODY_BEFORE_TITLES.encode()))
        self.assertEqual(
            [segment.headline for segment in segments],
            ["武威市政协表彰年度优秀委员", "凉州区政协召开十届三次常委会会议"],
        )
        self.assertTrue(segments[1].paragraphs[-1].endswith("明确责任单位、具体措施和办理时限，"))
