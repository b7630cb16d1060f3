"""Paragraph layout: beside a headline naming its committee, a title line naming none is the deck,
also when it tells an event ("扎实开展……活动") and is printed above the headline. Pure: no database.

The page below is made up for this test; the expected articles were written from reading it.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

# Two stories, each with a deck printed above its headline: the first deck tells an event.
EVENT_DECK_ABOVE_HEADLINE = """\
扎实开展委员“三下乡”活动

省政协召开十二届八次主席会议

本报讯(记者 王 芳)5月8日,省政协主席陈明主持召开十二届八次主席会议,研究部署委员“三下乡”活动有关事项。

会议要求,委员要深入基层一线,为群众送政策、送技术、送健康。

守护母亲河 建言生态美

白银市政协召开五届九次常委会会议

本报白银讯(通讯员刘 静)5月9日,白银市政协召开五届九次常委会会议,围绕黄河流域生态保护开展专题议政。
"""


class EventDeckAboveHeadlineTests(SimpleTestCase):
    def test_an_event_line_beside_a_committee_headline_is_its_deck(self):
        segments = segment_page(read_page("event_deck.txt", EVENT_DECK_ABOVE_HEADLINE.encode()))
        self.assertEqual(
            [(segment.headline, segment.subtitle) for segment in segments],
            [
                ("省政协召开十二届八次主席会议", "扎实开展委员“三下乡”活动"),
                ("白银市政协召开五届九次常委会会议", "守护母亲河 建言生态美"),
            ],
        )
