"""Column layout: a story printed right below another, with no title or dateline between them,
opens on its date ("2 月 6 日，"); the stray spaces around the date's digits may make its first
line as wide as a full one, yet after a sentence's end it opens another paragraph and so another
story. Pure: no database.

The page below is made up for this test; the expected articles were written from reading it.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page
from importer.reading.layout import Column
from importer.reading.reflow import _column_continues, printed_lines

# Two stories in one column; the second opens on its date right after the first one's last, full
# line. Their titles follow both bodies.
DATE_LEAD_AFTER_A_FULL_LINE = """\
 本报兰州讯（通讯员张 华）2月

3日，兰州市政协召开主席会议，研

究部署今年协商计划和调研视察等

重点工作。市政协主席刘宏主持会

议并讲话，副主席王平出席会议。

会议要求，要紧扣全市中心工

作，精心选题，深入调研，切实提

高协商质量，为发展贡献智慧力量。

2 月 6 日，永登县政协召开专题

协商会，围绕乡村旅游提质增效建

言献策。县政协主席马林主持会议。

与会委员提出意见建议二十条，

县政府有关部门作了回应。（李红）

兰州市政协召开主席会议

永登县政协召开乡村旅游专题协商会
"""

# One story opening on a quote whose scene, its date first, goes on in the same paragraph.
DATE_AFTER_A_QUOTE = """\
 本报会宁讯（通讯员赵 刚）“水

窖修好了，今年再也不愁吃水了。”

3 月 9 日，在会宁县丁家沟镇的

村子里，村民们向来访委员说起变

化。会宁县政协组织委员就农村饮

水安全开展专题视察，提出建议。

视察组要求，要建好管好用好

供水工程，让群众喝上放心水。

会宁县政协视察农村饮水安全工作
"""

# Two stories; the second's lead breaks its first line early, leaving it short of the column.
SHORT_FIRST_LINE_OF_A_LEAD = """\
 本报兰州讯（通讯员张 华）2月

3日，兰州市政协召开主席会议，研

究部署今年协商计划和调研视察等

重点工作。市政协主席刘宏主持会

议并讲话。

2 月 6 日，永登县政

协召开专题协商会，围绕乡村旅游

提质增效建言献策。县政协主席马

林主持会议。（李红）

兰州市政协召开主席会议

永登县政协召开乡村旅游专题协商会
"""


class DateLeadTests(SimpleTestCase):
    def test_a_date_after_a_full_line_ending_a_sentence_opens_a_story(self):
        segments = segment_page(read_page("date_lead.txt", DATE_LEAD_AFTER_A_FULL_LINE.encode()))
        self.assertEqual(
            [segment.headline for segment in segments],
            ["兰州市政协召开主席会议", "永登县政协召开乡村旅游专题协商会"],
        )
        self.assertTrue(segments[1].paragraphs[0].startswith("2月6日，永登县政协召开专题协商会"))

    def test_a_date_after_a_quote_sets_its_scene_in_the_same_story(self):
        segments = segment_page(read_page("date_after_quote.txt", DATE_AFTER_A_QUOTE.encode()))
        self.assertEqual([segment.headline for segment in segments], ["会宁县政协视察农村饮水安全工作"])
        self.assertIn("吃水了。”3月9日，在会宁县丁家沟镇", segments[0].paragraphs[0])

    def test_a_short_first_line_of_a_lead_runs_on(self):
        segments = segment_page(read_page("short_lead.txt", SHORT_FIRST_LINE_OF_A_LEAD.encode()))
        self.assertEqual(
            [segment.headline for segment in segments],
            ["兰州市政协召开主席会议", "永登县政协召开乡村旅游专题协商会"],
        )
        self.assertTrue(segments[1].paragraphs[0].startswith("2月6日，永登县政协召开专题协商会"))

    def test_a_lead_runs_on_past_a_line_wider_than_the_column_measured_for_it(self):
        # Where a story meets a narrower column, the width estimate of its lines may lean to the
        # narrower one; its lead's third line then measures as set across columns.
        lead = printed_lines(
            [
                "2 月 6 日，永登县政协机关党支",
                "部组织党员干部走进城关镇敬老院，",
                "开展“送温暖、献爱心”志愿服务活动，",
            ]
        )
        narrow = Column(24, 24)
        self.assertTrue(_column_continues(lead[:2], 30, lead[2], narrow, narrow))
