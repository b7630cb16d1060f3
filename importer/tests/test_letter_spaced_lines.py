"""Column layout: a justified line printed letter-spaced ("建 好 用 好 管 好 ……") is as wide as its
column, not wider, so the paragraph runs on through it. Pure: no database.

The page below is made up for this test; the expected blocks were written from reading it.
"""

from django.test import SimpleTestCase

from importer.reading import read_page

# A 16-character column; the second paragraph's third line is letter-spaced.
LETTER_SPACED_LINE = """\
 本报武威讯（通讯员周八）3月5日，

武威市政协组织委员视察城乡供暖工

作，实地察看了热源厂和换热站。

视察组指出，要把群众温暖过冬作

为民生实事，加大管网改造力度，

建 好 用 好 管 好 供 暖 设 施 ，让 城 乡 居 民 住

得安心、暖心。

武威市政协视察城乡供暖工作
"""


class LetterSpacedLineTests(SimpleTestCase):
    def test_a_letter_spaced_line_runs_on_in_its_paragraph(self):
        page = read_page("letter_spaced.txt", LETTER_SPACED_LINE.encode())
        self.assertEqual(
            [block.text for block in page.blocks][1:],
            [
                "视察组指出，要把群众温暖过冬作为民生实事，加大管网改造力度，建好用好管好供暖设施，"
                "让城乡居民住得安心、暖心。",
                "武威市政协视察城乡供暖工作",
            ],
        )
