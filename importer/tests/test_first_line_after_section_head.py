"""Column layout: a paragraph's first line with no punctuation, after a feature's section head, is
no title though the line after it falls short of a full one (a line may end a character early):
it is as wide as an indented first line and the line after it is wider. Pure: no database.

The page below is made up for this test; the expected blocks were written from reading it.
"""

from django.test import SimpleTestCase

from importer.reading.reflow import reflow

# The rest of a feature: a paragraph, a section head, and a paragraph whose first line names the
# committee and has no punctuation, its second line a character short.
SECTION_THEN_UNPUNCTUATED_FIRST_LINE = """\
（接一版）

过去一年，市政协围绕全市重点

任务，组织开展调研视察四十二项，

形成调研报告和建议案三十一篇，多

篇得到市委市政府主要领导批示。

强化协商议政建言资政有深度

市政协持续深化委员联系群众

工作，全市建成各级委员工作室

（站）三百余个，加强同界别群众的

联系，助力解决群众急难愁盼问题。

全年举办委员读书活动和履职培

训班十八期，推动委员履职由“数量

型”向“质量型”转变，履职能力得到

明显提升，委员作用发挥更加充分。
"""


class FirstLineAfterSectionHeadTests(SimpleTestCase):
    def test_an_unpunctuated_first_line_runs_on_into_its_paragraph(self):
        blocks = [block.text for block in reflow(SECTION_THEN_UNPUNCTUATED_FIRST_LINE.splitlines(), "column")]
        self.assertIn("强化协商议政建言资政有深度", blocks)
        self.assertIn(
            "市政协持续深化委员联系群众工作，全市建成各级委员工作室（站）三百余个，", "\n".join(blocks)
        )
