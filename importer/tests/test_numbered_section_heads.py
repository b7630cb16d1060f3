"""Column layout: a feature's numbered section head ("二、聚焦民生关切 在履职为民上用心用情") is set
in its own type, often wider than the column, and stays a line of its own: joined to the paragraph
under it, it widened that paragraph's column, and the paragraph's lines then passed for short
ones ending it early. Pure: no database.

The page below is made up for this test; the expected paragraphs were written from reading it.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

# The rest of a 综述 begun on another page: two numbered section heads, each wider than the
# column, over a paragraph whose first sentence ends on a full line.
NUMBERED_HEADS = """\
（接一版）

一、突出协商重点 在服务大局上主动作为

县政协围绕乡村振兴确定年度重

点协商议题6项，组织委员深入乡镇、

村社和企业开展专题调研，形成调研

报告8篇，提出的推动特色产业提质

增效、完善农村基础设施等建议被县

委县政府采纳，一批群众关心的难题

得到解决。

二、聚焦群众期盼 在为民履职上出实招

县政协深化“委员进村组”活动，组

织委员在义诊送药、助学帮困等方面

为群众办实事300余件。
"""


class NumberedSectionHeadTests(SimpleTestCase):
    def test_a_numbered_section_head_is_a_paragraph_of_its_own(self):
        [segment] = segment_page(read_page("numbered_heads.txt", NUMBERED_HEADS.encode()))
        self.assertEqual(
            segment.paragraphs,
            [
                "一、突出协商重点 在服务大局上主动作为",
                "县政协围绕乡村振兴确定年度重点协商议题6项，组织委员深入乡镇、村社和企业开展专题调研，"
                "形成调研报告8篇，提出的推动特色产业提质增效、完善农村基础设施等建议被县委县政府采纳，"
                "一批群众关心的难题得到解决。",
                "二、聚焦群众期盼 在为民履职上出实招",
                "县政协深化“委员进村组”活动，组织委员在义诊送药、助学帮困等方面为群众办实事300余件。",
            ],
        )
