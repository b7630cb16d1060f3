"""Column layout: titles printed between two bodies, right over the lead of a story that opens on
its date with no dateline, are titles, not that lead's first line. Pure: no database.

The pages below are made up for these tests; the expected articles were written from reading them.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

# A story whose last line is short, its title (no event word: "命名"), then a brief opening on its
# date, closed by a trailing byline, and the brief's title.
TITLE_AFTER_A_SHORT_LINE = """\
 本报肃南讯（通讯员安 静）5 月 6 日，

肃南县政协召开主席会议，研究部

署委员工作室建设工作。县政协主

席钟山主持会议。

会议要求，要把委员工作室建在群众

身边，让委员履职更接地气。

肃南县政协命名10个委员工作室

5 月 8日，民乐县政协组织部分委员

深入六坝镇等地，就高标准农田建设

开展专题视察。县政协副主席丁 宁

带队。（何 方）

民乐县政协视察高标准农田建设
"""

# A story whose last line runs the column's full width, then its deck and a headline naming its
# committee by level only, then a story of another body opening on its date.
TITLES_AFTER_A_FULL_LINE = """\
 本报临泽讯（通讯员 马 骏）5 月 9 日，

省政协副主席陈明带领调研组，深入

临泽县鸭暖镇等地，就湿地保护开展

专题调研，察看了湿地修复情况。

陈明指出，要坚持保护优先，统筹推进

湿地修复和生态旅游融合发展工作。

守护湿地生态 推动绿色发展

省政协调研组赴临泽县调研湿地保护

5 月 10日，省委统战部召开民族宗

教工作座谈会，听取各方意见建议。

会议要求，要巩固和发展团结奋进的

良好局面。（苏 敏）

省委统战部召开民族宗教工作座谈会
"""


def headlines_and_openings(text: str) -> list[tuple[str | None, str]]:
    segments = segment_page(read_page("titles_over_leads.txt", text.encode()))
    return [(segment.headline, segment.paragraphs[0].split("，")[0]) for segment in segments]


class TitlesOverALeadTests(SimpleTestCase):
    def test_a_title_after_a_short_last_line_is_no_first_line_of_the_brief(self):
        self.assertEqual(
            headlines_and_openings(TITLE_AFTER_A_SHORT_LINE),
            [("肃南县政协命名10个委员工作室", "5月6日"), ("民乐县政协视察高标准农田建设", "5月8日")],
        )

    def test_a_deck_and_headline_after_a_full_last_line_end_the_story_before(self):
        self.assertEqual(
            headlines_and_openings(TITLES_AFTER_A_FULL_LINE),
            [("省政协调研组赴临泽县调研湿地保护", "5月9日"), ("省委统战部召开民族宗教工作座谈会", "5月10日")],
        )
