"""Column layout: a line reading as a whole title ("庄浪县政协围绕梯田农业机械化开展"), between a full
line ending a sentence and a full punctuated line, is running text; a stray space in the line after
those ("点 12个；") does not make the punctuated line an indented first line. Pure: no database.

The page below is made up for this test; the expected articles were written from reading it.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

# One story: its second paragraph runs through a line opening on a committee and naming what it
# did, set as wide as the lines around it; the line after next holds a stray space. Its title
# follows its body.
COMMITTEE_LINE_IN_A_PARAGRAPH = """\
 本报平凉讯（通讯员李 明）3月

2日，平凉市政协召开党组会议，传达

学习全国两会精神，研究部署全年重

点工作。市政协主席高振军主持会议。

会议要求，各县区政协要把群

众急难愁盼作为履职着力点，组织委

员深入基层为群众办好事900余件。

庄浪县政协围绕梯田农业机械化开展

专题调研，推动新建宜机化梯田示范

点 12个；崇信县政协围绕农村养老服

务开展民主监督，推动建成互助幸福

院23所，让群众得到实惠。

平凉市政协召开党组会议
"""


class RunningTextThroughATitleLineTests(SimpleTestCase):
    def test_a_stray_space_below_makes_no_indented_first_line(self):
        segments = segment_page(read_page("runs_through.txt", COMMITTEE_LINE_IN_A_PARAGRAPH.encode()))
        self.assertEqual([segment.headline for segment in segments], ["平凉市政协召开党组会议"])
        self.assertIn("开展专题调研，推动新建宜机化梯田示范点12个", segments[0].paragraphs[-1])
