"""Column layout: an unpunctuated line clearly wider than the column, after a paragraph's last
sentence, is a title set in its own type, even when it reads as no title (no committee opens it,
one phrase). Running text never overflows its column. Pure: no database.

The page below is made up for this test; the expected articles were written from reading it.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

# Two stories whose last lines run the column's full width and end their sentences, then their
# titles: the first, two characters wider than the column, names the whole system, not a
# committee; the second names its committee, and its deck follows it.
WIDE_TITLE_AFTER_A_FULL_LINE = """\
 本报张掖讯（通讯员李 明）5 月 6 日，

张掖市政协召开动员会议，安排部署全市

政协系统委员履职能力提升专项行动工作，

市政协主席王刚出席会议并讲话。

 本报山丹讯（通讯员赵 丽）5 月 7 日，

山丹县政协组织部分委员深入清泉镇等

地，就农村供水工程建设情况开展视察。

视察组要求，有关部门要加快工程建设

进度，确保群众早日喝上放心水安全水。

全市政协系统开展委员履职能力提升专项行动

山丹县政协视察农村供水工程建设情况

确保群众喝上放心水
"""


class OverflowingTitleTests(SimpleTestCase):
    def test_a_line_wider_than_its_column_after_a_sentence_end_is_a_title(self):
        segments = segment_page(read_page("overflowing_titles.txt", WIDE_TITLE_AFTER_A_FULL_LINE.encode()))
        self.assertEqual(
            [(segment.headline, segment.subtitle, segment.paragraphs[-1][-6:]) for segment in segments],
            [
                ("全市政协系统开展委员履职能力提升专项行动", None, "会议并讲话。"),
                ("山丹县政协视察农村供水工程建设情况", "确保群众喝上放心水", "心水安全水。"),
            ],
        )
