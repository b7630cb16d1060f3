"""Column layout: a lead opening on its date, set in a column of another width than the paragraph
before it, or after a title line wider than its column, opens another article, even when both
speak of the same committee (a continued story about the provincial committee, then a report of
that committee's meeting). Pure: no database.

The pages below are made up for these tests; the expected articles were written from reading them.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

# A continuation set in a wide column, a report of the same committee's meeting in a narrower one
# with no dateline and a trailing byline, then the titles of both.
CONTINUATION_THEN_A_DATED_LEAD = """\
（接一版）

省政协各专门委员会结合各自职能，深入

基层开展调研视察，形成了一批有分量的

调研报告，为决策提供参考。

省政协主席陈明强调，要坚持问题导向，

把调研成果转化为推动发展的实际举措。

5 月 8 日，省政协主席陈明主持召

开十二届八次主席会议，研究部署委

员“三下乡”活动有关事项。

会议要求，委员要深入基层一线，

为群众送政策、送技术、送健康。

（王 芳）

调研成果转化为发展举措

省政协召开十二届八次主席会议
"""

# The same in one column width: the continued story's headline, set wider than the column, is
# printed between its body and the report's lead.
HEADLINE_WIDER_THAN_THE_COLUMN = """\
（接一版）

省政协各专门委员会结合各自职能，深

入基层开展调研视察，形成了一批有分

量的调研报告，为决策提供参考。

省政协主席陈明强调，要坚持问题导向，

把调研成果转化为推动发展的实际举措。

全省政协系统深入开展“委员履职年”主题活动

5 月 8 日，省政协主席陈明主持召开

十二届八次主席会议，研究部署委员“三

下乡”活动有关事项。

会议要求，委员要深入基层一线，为

群众送政策、送技术、送健康。

省政协召开十二届八次主席会议
"""


class DatedLeadInAnotherColumnTests(SimpleTestCase):
    def test_a_dated_lead_in_a_narrower_column_opens_another_article(self):
        segments = segment_page(read_page("dated_lead.txt", CONTINUATION_THEN_A_DATED_LEAD.encode()))
        self.assertEqual(
            [(segment.headline, segment.paragraphs[0][:8], len(segment.paragraphs)) for segment in segments],
            [
                ("调研成果转化为发展举措", "省政协各专门委员", 2),
                ("省政协召开十二届八次主席会议", "5月8日，省政协", 2),
            ],
        )

    def test_a_dated_lead_after_a_headline_wider_than_its_column_opens_another_article(self):
        segments = segment_page(read_page("headline.txt", HEADLINE_WIDER_THAN_THE_COLUMN.encode()))
        self.assertEqual(
            [(segment.headline, segment.paragraphs[0][:8], len(segment.paragraphs)) for segment in segments],
            [
                ("全省政协系统深入开展“委员履职年”主题活动", "省政协各专门委员", 2),
                ("省政协召开十二届八次主席会议", "5月8日，省政协", 2),
            ],
        )
