"""Column layout: a run of titles may end on a one-phrase deck (no space, no committee) right
before the lead of a story printed with no dateline, opening on its date. Printed after a line
reading as a whole title, the deck is in that title's run, not the lead's first words. Pure: no
database.

The page below is made up for this test; the expected articles were written from reading it.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

# A story's headline and one-phrase deck, then a story opening on its date, its title after it.
DECK_BEFORE_A_DATED_LEAD = """\
 本报临泽讯（通讯员赵 云）6月3

日，临泽县政协召开协商座谈会，围

绕玉米制种产业发展大计协商议政。

会议要求，要强化科技支撑，推动

制种产业提质增效。

临泽县政协召开协商座谈会

共商玉米制种产业发展大计

6 月 4 日，高台县政协召开十届八

次常委会会议，审议通过了有关调研

报告。

高台县政协召开十届八次常委会会议
"""


class DeckBeforeADatedLeadTests(SimpleTestCase):
    def test_a_deck_after_its_headline_is_no_part_of_the_next_lead(self):
        segments = segment_page(read_page("deck.txt", DECK_BEFORE_A_DATED_LEAD.encode()))
        self.assertEqual(
            [(segment.headline, segment.subtitle) for segment in segments],
            [
                ("临泽县政协召开协商座谈会", "共商玉米制种产业发展大计"),
                ("高台县政协召开十届八次常委会会议", None),
            ],
        )
        self.assertTrue(segments[1].paragraphs[0].startswith("6月4日"))
