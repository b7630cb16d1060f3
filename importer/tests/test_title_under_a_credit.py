"""Column layout: a line reading as a whole title right under a photo's credit is the caption's
title, even when it is as wide as a paragraph's indented first line and a full line follows it: a
story opens on its dateline or its date, and a scene on a quote, never on a committee's headline."""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

PAGE = """\
近日，山丹县政协委员深入城关镇敬老院，看望慰问孤寡老

人，送去棉衣棉被等过冬物资。

本报记者 王 五 摄

山丹县政协走访慰问敬老院老人

“孩子们的作业本干净了，字也写得

工整了。”说起这些年的变化，张老

师笑着翻开一摞作业本给我们看。

今年56岁的张华，是县政协委员、

城关小学教师，从教三十余年。

——记县政协委员、城关小学教师张华

通讯员 李 四

一支粉笔写春秋
"""


class TitleUnderACreditTests(SimpleTestCase):
    def test_the_line_under_a_credit_titles_the_caption(self):
        segments = segment_page(read_page("page.txt", PAGE.encode()))
        self.assertEqual(
            [(s.kind, s.headline, s.photographers) for s in segments],
            [("photo", "山丹县政协走访慰问敬老院老人", ["王五"]), ("feature", "一支粉笔写春秋", [])],
        )
        self.assertTrue(segments[1].body.startswith("“孩子们的作业本"))
