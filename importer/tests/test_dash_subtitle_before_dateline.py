"""Column layout: a feature's "——" subtitle, then a one-phrase title, then a body opening on its
dateline. The title is no first line of that body ("本报X讯" opens its body), so the "——" line is
the feature's subtitle, not a section head inside it."""

from django.test import SimpleTestCase

from importer.parsing.segment import SUBTITLE as SUBTITLE_ITEM
from importer.parsing.segment import page_items, segment_page
from importer.reading import read_page

SUBTITLE = "——县政协常委会议大会发言摘编"

PAGE = f"""\
在3月2日召开的县政协常委会议上，

4位常委围绕乡村旅游发展作大会发

言。现摘编如下。

县政协常委王五说：“要把特色民宿

和农家乐串成线，打造精品线路。”

县政协常委赵六建议，加大对乡村旅

游从业人员的培训力度。

{SUBTITLE}

把乡村旅游做成富民产业

 本报山丹讯（通讯员李四）3月5日，

山丹县政协组织委员视察城区供水管

网改造工程，要求压实责任，确保按

期完工。

山丹县政协视察城区供水管网改造
"""


class DashSubtitleBeforeDatelineTests(SimpleTestCase):
    def test_dash_line_stays_a_subtitle_item(self):
        items = page_items(read_page("page.txt", PAGE.encode()))
        self.assertEqual([item.kind for item in items if item.text == SUBTITLE], [SUBTITLE_ITEM])

    def test_dash_line_before_a_title_and_a_dateline_is_the_feature_subtitle(self):
        segments = segment_page(read_page("page.txt", PAGE.encode()))
        self.assertEqual(
            [(s.headline, s.subtitle, s.paragraphs[0][:5]) for s in segments],
            [
                ("把乡村旅游做成富民产业", SUBTITLE, "在3月2日"),
                ("山丹县政协视察城区供水管网改造", None, "3月5日，"),
            ],
        )
