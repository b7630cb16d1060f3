"""Paragraph layout: a feature's numbered section head whose two phrases a comma sets apart
("一、聚焦发展大局,建言资政有深度") is set alone, a block and a paragraph of its own, not the
opening of the paragraph after it: the "、" after its number is no clause mark of running text.
Pure: no database.

The page below is made up for this test; the expected body was written from reading it.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

# Paragraph layout: a 综述 with its title, "——" subtitle and byline first, then two numbered heads.
FEATURE_WITH_COMMA_HEADS = """\
协商聚合力 履职见担当

——山丹县政协年度工作综述

本报记者 高 远

一年来,山丹县政协坚持围绕中心、服务大局,把协商民主贯穿履职全过程,在助推县域经济社会高质量发展中展现了新担当、新作为。

一、聚焦发展大局,建言资政有深度

全年围绕现代农业、文旅融合、生态保护等重点课题开展调研视察12次,形成调研报告和建议案9篇,多项建议被县委、县政府采纳。

二、践行为民宗旨,联系群众有温度

全县建成委员工作室8个,组织委员开展“委员进社区”活动,帮助解决群众急难愁盼问题30余件。
"""


class CommaSectionHeadTests(SimpleTestCase):
    def test_a_numbered_head_with_a_comma_is_a_block_of_its_own(self):
        page = read_page("comma_heads.txt", FEATURE_WITH_COMMA_HEADS.encode())
        self.assertEqual(
            [block.text[:8] for block in page.blocks][3:],
            [
                "一年来,山丹县政",
                "一、聚焦发展大局",
                "全年围绕现代农业",
                "二、践行为民宗旨",
                "全县建成委员工作",
            ],
        )

    def test_the_feature_keeps_its_heads_as_paragraphs(self):
        [segment] = segment_page(read_page("comma_heads.txt", FEATURE_WITH_COMMA_HEADS.encode()))
        self.assertEqual(segment.paragraphs[1], "一、聚焦发展大局,建言资政有深度")
