"""A story whose dateline opens on a quote ("本报X讯 “……。”") tells when and where in the next
words; a column line ending the quote may fall short of its column, so the date opens a paragraph
of its own, yet it is the rest of the lead, no other story. Pure: no database.

The page below is made up for this test; the expected articles were written from reading it.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

# One story: its dateline's quote ends on a short line, its date follows. Its title follows it.
QUOTE_THEN_DATE = """\
 本报会宁讯（通讯员赵 刚）“水窖

修好了，不愁吃水了。”

3 月 9 日，在会宁县丁家沟镇的村

子里，村民们向来访委员说起变化。

会宁县政协组织委员就农村饮水安

全开展专题视察，提出意见建议。

会宁县政协视察农村饮水安全工作
"""


class QuotedLeadTests(SimpleTestCase):
    def test_the_date_after_a_quoted_lead_goes_on_with_it(self):
        segments = segment_page(read_page("quoted_lead.txt", QUOTE_THEN_DATE.encode()))
        self.assertEqual([segment.headline for segment in segments], ["会宁县政协视察农村饮水安全工作"])
        self.assertEqual(segments[0].dateline, "会宁")
        self.assertIn("不愁吃水了。”3月9日，在会宁县丁家沟镇的村子里，", segments[0].paragraphs[0])
