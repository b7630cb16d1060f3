"""Column layout: a 通讯's byline printed right before its body ("□ 本报记者 …"), after the title of
a photo printed before it. Pure: no database.

The page below is made up for these tests; the expected articles were written from reading it.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

# A news story, a photo caption set across the columns with its credit, the photo's title, then a
# 通讯 opening on its byline, with two section heads; the titles of the story and the 通讯 follow.
PAGE = """\
  本报永登讯（通讯员 刘 方）4 月

2 日，永登县政协组织部分委员视察

城乡供水一体化工作。县政协主席王

林带队。

视察组建议，要加快管网延伸，确保

群众喝上放心水。

4月8日，山丹县政协组织委员走进马场等地，对文旅融合发展情况进行调研。 通讯员 陈 立 摄影报道

山丹县政协调研文旅融合发展

□ 本报记者 赵 新 通讯员 何 平

清晨，走进高台县巷道镇的温室

大棚，一株株番茄挂满枝头。“委员

帮我们请来了专家，今年的收成错

不了。”种植户老王笑着说。

去年以来，高台县政协组织农业界

委员深入乡村，结对帮扶种植户。

技术送到田间

委员们把课堂搬到大棚里，手把手

传授嫁接、滴灌等实用技术。

销路拓到城里

县政协牵线搭桥，帮助合作社与城

区超市签订供货协议，解决销路难

题。

高台县政协：委员课堂开进温室大棚

永登县政协视察城乡供水一体化工作
"""


class ColumnTopBylineTests(SimpleTestCase):
    def setUp(self):
        self.segments = segment_page(read_page("column_top_byline.txt", PAGE.encode()))

    def test_the_photos_title_stays_the_photos(self):
        self.assertEqual(
            [(s.headline, s.kind) for s in self.segments],
            [
                ("永登县政协视察城乡供水一体化工作", "news"),
                ("山丹县政协调研文旅融合发展", "photo"),
                ("高台县政协：委员课堂开进温室大棚", "feature"),
            ],
        )

    def test_the_byline_names_the_features_correspondents(self):
        self.assertEqual(self.segments[2].correspondents, ["赵新", "何平"])
        self.assertEqual(self.segments[1].correspondents, [])

    def test_the_feature_opens_on_its_scene_and_keeps_its_section_heads(self):
        paragraphs = self.segments[2].paragraphs
        self.assertTrue(paragraphs[0].startswith("清晨，"))
        self.assertEqual((paragraphs[2], paragraphs[4]), ("技术送到田间", "销路拓到城里"))
        self.assertEqual(self.segments[2].line_ranges, [(17, 45)])
