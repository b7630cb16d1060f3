"""Column layout: a kicker printed between two titles that name no committee ("扎实开展……活动" /
"白银市政协" / "召开……会议") goes with the one its committee's story tells; the other is the deck
of the headline above it. Pure: no database.

The page below is made up for this test; the expected articles were written from reading it.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

# Two stories, then their titles: the first story's headline and its deck (an event with no
# committee), the second story's kicker, and the rest of its headline (an event with no committee).
KICKER_BETWEEN_TWO_EVENTS = """\
 本报讯（记者 王 芳）5 月 8 日，省政

协主席陈明主持召开十二届八次主席会

议，研究部署委员“三下乡”活动。

会议要求，委员要深入基层一线，为群

众送政策、送技术、送温暖、送健康。

 本报白银讯（通讯员刘 静）5 月 9 日，

白银市政协召开五届九次常委会会议，

围绕黄河流域生态保护开展专题议政。

会议要求，常委要带头调研、带头建言，

以高质量履职助推全市高质量发展。

省政协召开十二届八次主席会议

扎实开展委员“三下乡”活动

白银市政协

召开五届九次常委会会议
"""


class KickerBetweenTitlesTests(SimpleTestCase):
    def test_a_kicker_goes_with_the_event_its_committee_reports(self):
        segments = segment_page(read_page("kicker_between_titles.txt", KICKER_BETWEEN_TWO_EVENTS.encode()))
        self.assertEqual(
            [(segment.headline, segment.kicker, segment.subtitle) for segment in segments],
            [
                ("省政协召开十二届八次主席会议", None, "扎实开展委员“三下乡”活动"),
                ("白银市政协召开五届九次常委会会议", "白银市政协", None),
            ],
        )
