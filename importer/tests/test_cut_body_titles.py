"""Column layout: a body cut mid-sentence (its rest printed on another page), then its titles.

A sentence stopped on a clause mark ("，") has no title in it: the short piece ending on the mark is
the paragraph's last, and a whole title after it that nothing continues is a title.
"""

from django.test import SimpleTestCase

from importer.reading import read_page

# A 16-character column; the body stops on a comma, its last piece short of the column.
SHORT_CUT_PIECE = """\
 本报山丹讯（通讯员李四）5月6日，

山丹县政协组织委员视察城区供水

管网改造工程，详细了解工程进度、

资金使用和质量监管等情况，要求

各施工单位倒排工期，压实责任，

明确完工时间，

山丹县政协视察城区供水管网改造
"""

# The same body, its last line as wide as the column, the title the page's last line or
# followed by another title.
FULL_CUT_LINE = """\
 本报山丹讯（通讯员李四）5月6日，

山丹县政协组织委员视察城区供水

管网改造工程，详细了解工程进度、

资金使用和质量监管等情况，要求

各施工单位倒排工期，明确完工时

间，加强质量监管和安全生产管理，

山丹县政协视察城区供水管网改造
"""

# A title-like line after a comma that the next lines continue is running text.
TITLE_LIKE_LINE_RUNNING_ON = """\
 本报山丹讯（通讯员李四）5月6日，

山丹县政协组织委员视察城区供水

管网改造工程，详细了解工程进度、

资金使用和质量监管等情况，会后

主席张三 主持召开县政协党组

理论学习中心组会议暨主席会议，

传达学习有关会议精神。
"""

BODY_START = (
    "本报山丹讯（通讯员李四）5月6日，山丹县政协组织委员视察城区供水管网改造工程，"
    "详细了解工程进度、资金使用和质量监管等情况，"
)


def _blocks(text: str) -> list[str]:
    return [block.text for block in read_page("cut.txt", text.encode()).blocks]


class CutBodyTests(SimpleTestCase):
    def test_short_piece_ending_on_a_comma_ends_its_paragraph(self):
        self.assertEqual(
            _blocks(SHORT_CUT_PIECE),
            [
                BODY_START + "要求各施工单位倒排工期，压实责任，明确完工时间，",
                "山丹县政协视察城区供水管网改造",
            ],
        )

    def test_whole_title_after_a_full_line_ending_on_a_comma_is_a_title(self):
        self.assertEqual(
            _blocks(FULL_CUT_LINE),
            [
                BODY_START + "要求各施工单位倒排工期，明确完工时间，加强质量监管和安全生产管理，",
                "山丹县政协视察城区供水管网改造",
            ],
        )

    def test_title_after_a_cut_followed_by_another_title_is_a_title(self):
        page = FULL_CUT_LINE + "\n把好事办好 把实事办实\n"
        self.assertEqual(_blocks(page)[1:], ["山丹县政协视察城区供水管网改造", "把好事办好 把实事办实"])

    def test_title_like_line_continued_by_running_text_runs_on(self):
        self.assertEqual(
            _blocks(TITLE_LIKE_LINE_RUNNING_ON),
            [
                BODY_START + "会后主席张三主持召开县政协党组理论学习中心组会议暨主席会议，"
                "传达学习有关会议精神。"
            ],
        )
