"""A 通讯's byline printed under its title, and the "(下转第N版)" mark closing a body that goes on
on another page. Pure: no database.

The pages below are made up for these tests; the expected articles were written from reading them.
"""

from django.test import SimpleTestCase

from importer.parsing.bylines import feature_byline
from importer.parsing.segment import segment_page
from importer.reading import read_page
from importer.reading.normalize import normalize_block

# Paragraph layout: a news story, then a 通讯 with its byline under the title, two unnumbered section
# heads, and a body cut mid-sentence by the jump to another page.
TOP_BYLINE_PAGE = """\
景泰县政协视察农村饮水安全工作

本报景泰讯(通讯员 李 平)3月6日,景泰县政协组织部分委员视察农村饮水安全工作。县政协主席赵立新带队。

视察组建议,要加快老旧管网改造,确保群众喝上放心水。

古浪县政协:“田间课堂”开进农家小院

□ 本报记者 陈 晨 通讯员 何 静 高 原

“跟着委员学技术,今年的西瓜收成翻了一番。”种植户老张笑着说。

去年以来,古浪县政协组织农业界委员走进乡村,开办“田间课堂”32期,培训农民1200余人次。

课堂办在地头上

委员们把课堂搬到大棚里、田埂边,手把手传授嫁接、滴灌和病虫害防治技术。

服务送到心坎上

县政协还建立委员联系农户制度,每名委员联系5户种植户,定期上门了解生产经营中的困难,帮助解决销路难、

(下转第4版)
"""

# Column layout: a body cut by the jump, its title printed after it (read right before the jump mark
# had a kind of its own; kept so that it stays so).
JUMP_COLUMN_PAGE = """\
  本报临泽讯（通讯员 马 丽）4月2日，
临泽县政协召开专题协商会，围绕
发展戈壁农业建言献策。县政协主
席王强主持会议，委员们围绕设施
农业、节水灌溉等作了发言，提出

（下转第3版）

临泽县政协召开专题协商会
"""


class TopBylineTests(SimpleTestCase):
    def setUp(self):
        self.segments = segment_page(read_page("top_byline.txt", TOP_BYLINE_PAGE.encode()))

    def test_a_byline_under_the_title_keeps_the_feature_one_article(self):
        self.assertEqual(
            [(s.headline, s.kind, s.correspondents) for s in self.segments],
            [
                ("景泰县政协视察农村饮水安全工作", "news", ["李平"]),
                ("古浪县政协:“田间课堂”开进农家小院", "feature", ["陈晨", "何静", "高原"]),
            ],
        )

    def test_the_features_section_heads_stay_in_its_body(self):
        paragraphs = self.segments[1].paragraphs
        self.assertEqual(len(paragraphs), 6)
        self.assertEqual((paragraphs[2], paragraphs[4]), ("课堂办在地头上", "服务送到心坎上"))
        self.assertIsNone(self.segments[1].subtitle)

    def test_the_jump_mark_is_no_body_text(self):
        self.assertTrue(self.segments[1].paragraphs[-1].endswith("销路难、"))
        self.assertNotIn("下转", self.segments[1].body)


class JumpMarkTests(SimpleTestCase):
    def test_column_body_ends_before_the_jump_mark_and_keeps_its_title(self):
        segments = segment_page(read_page("jump.txt", JUMP_COLUMN_PAGE.encode()))
        self.assertEqual(len(segments), 1)
        self.assertEqual(segments[0].headline, "临泽县政协召开专题协商会")
        self.assertTrue(segments[0].body.endswith("提出"))
        # The mark is the article's own line, not a title left for an editor to place.
        self.assertEqual(segments[0].review_reasons, [])
        self.assertEqual(segments[0].line_ranges, [(1, 9)])


class TopBylineReadingTests(SimpleTestCase):
    def test_box_and_roles_of_a_top_byline(self):
        cases = {
            "□ 本报记者 陈 晨 通讯员 何 静 高 原": (
                "本报记者 陈晨 通讯员 何静 高原",
                ["陈晨", "何静", "高原"],
            ),
            "■本报记者 欧阳 明": ("本报记者 欧阳明", ["欧阳明"]),
            "通讯员 王梅梅 朱莹霞": ("通讯员 王梅梅 朱莹霞", ["王梅梅", "朱莹霞"]),
        }
        for printed, (normalized, names) in cases.items():
            with self.subTest(printed=printed):
                self.assertEqual(normalize_block(printed), normalized)
                self.assertEqual(feature_byline(normalize_block(printed)), names)
