"""Column layout: a body's last line, full and ending a sentence, may be followed by its page's
run of titles whose first lines are slogans: unpunctuated, as wide as the column, reading neither
as two phrases nor as a committee's event. Two or more lines with no punctuation at all are no
running text, so they are titles, not the paragraph going on. Pure: no database.

The page below is made up for this test; the expected articles were written from reading it.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

# Two stories; the second's last line is full and ends a sentence; then a deck of the first, the
# second's slogan headline (its body names its committee only as 县政协) and the first's titles.
SLOGANS_AFTER_A_FULL_LAST_LINE = """\
 本报白银讯（通讯员张 伟）5月6

日，白银市政协召开党组理论学习中

心组学习会，学习了有关文件精神。

会议要求，要以创新精神推动政

协工作提质增效，在服务大局中展现

新作为。

 本报会宁讯（通讯员李 娜）5月7

日，县政协组织委员就全县小杂粮产

业发展情况开展专题调研。

调研组建议，要延伸产业链条，

培育龙头企业，让“会宁小杂粮”走

向更大的市场，带动群众持续增收。

以创新精神推动政协工作提质增效

为小杂粮产业发展把脉问诊

召开党组理论学习中心组学习会

白银市政协
"""


class TitlesAfterALastSentenceTests(SimpleTestCase):
    def test_unpunctuated_lines_after_a_full_last_line_are_titles(self):
        segments = segment_page(read_page("slogans.txt", SLOGANS_AFTER_A_FULL_LAST_LINE.encode()))
        self.assertEqual(
            [(segment.headline, segment.subtitle) for segment in segments],
            [
                ("白银市政协召开党组理论学习中心组学习会", "以创新精神推动政协工作提质增效"),
                ("为小杂粮产业发展把脉问诊", None),
            ],
        )
        self.assertTrue(segments[1].paragraphs[-1].endswith("带动群众持续增收。"))
