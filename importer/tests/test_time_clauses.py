"""A paragraph opening on a short clause that says when ("担任市政协委员后，") names a committee
without being about it: the words before "市政协" are no place, and the paragraph goes on with the
story before it. Pure: no database.

The page below is made up for this test; the expected articles were written from reading it.
"""

from django.test import SimpleTestCase

from importer.parsing import titles
from importer.parsing.segment import segment_page
from importer.reading import read_page

# One story about a member; its third paragraph opens on when she became one. Its title follows.
MEMBER_STORY = """\
 本报天水讯（通讯员王 芳）3月

5日，在天水市麦积区的蔬菜大棚

里，市政协委员刘英正给种植户讲

解病虫害防治技术。

多年来，刘英跑遍了全区的蔬

菜基地，解决技术难题。

担任市政协委员后，她把履职和

本职结合起来，提交提案八件，多

件被列为重点提案。（赵明）

天水市政协委员刘英：把技术送到大棚里
"""


class TimeClauseTests(SimpleTestCase):
    def test_a_clause_saying_when_names_no_opening_committee(self):
        for paragraph, committee in [
            ("担任市政协委员后，她把履职和本职结合起来。", None),
            ("会宁县政协换届以来，全县委员……", None),
            ("今年以来，定西市政协围绕……", "定西市"),
            ("瓜州县政协主席李明在调研时，指出……", "瓜州县"),
        ]:
            with self.subTest(paragraph=paragraph):
                self.assertEqual(titles.opening_committee(paragraph), committee)

    def test_a_paragraph_opening_on_when_goes_on_with_its_story(self):
        segments = segment_page(read_page("time_clause.txt", MEMBER_STORY.encode()))
        self.assertEqual([segment.headline for segment in segments], ["天水市政协委员刘英：把技术送到大棚里"])
        self.assertTrue(segments[0].paragraphs[-1].startswith("担任市政协委员后，她把履职"))
