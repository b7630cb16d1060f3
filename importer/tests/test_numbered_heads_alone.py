"""Column layout: a feature's numbered section head printed alone ("一、围绕中心建言献策"), one
phrase as long as a column line, stays a paragraph of its own: it is no first line of the
paragraph after it. Pure: no database.

The page below is made up for this test; the expected body was written from reading it.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

# A feature's body with two one-phrase numbered heads, then its "——" subtitle, byline and title.
FEATURE_WITH_NUMBERED_HEADS = """\
今年以来，山丹县政协紧紧围绕县委中

心工作履职尽责，取得了新的成效。

一、围绕中心建言献策

县政协就现代农业发展、文旅融合等课

题开展调研视察 12 次，提出意见建议

60 余条。

二、服务民生履职为民

县政协组织委员开展“送医下乡”等活

动，帮助群众解决实际困难 30 余件。

——山丹县政协履职工作综述

通讯员 周 敏

履职尽责显担当 协商建言谱新篇
"""


class NumberedHeadsAloneTests(SimpleTestCase):
    def test_a_numbered_head_stays_its_own_paragraph(self):
        [segment] = segment_page(read_page("numbered_heads.txt", FEATURE_WITH_NUMBERED_HEADS.encode()))
        self.assertEqual(
            [paragraph[:10] for paragraph in segment.paragraphs],
            [
                "今年以来，山丹县政协",
                "一、围绕中心建言献策",
                "县政协就现代农业发展",
                "二、服务民生履职为民",
                "县政协组织委员开展“",
            ],
        )
