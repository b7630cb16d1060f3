"""Column layout: a line that opens or ends on a conjunction ("并讲话。", "……主持会议并") goes on
with the clause beside it, though the line before or after reads as a whole title. Pure: no
database.

The pages below are made up for this test; the expected articles were written from reading them.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

_SECOND_STORY = """
 本报陇西讯（通讯员孙七）4月10日，

陇西县政协组织委员视察全县农田水

利建设，详细了解工程进度和管护情

况。

陇西县政协视察农田水利建设
"""

# After a short line ending a sentence, a line naming a committee and what it did, then a line
# opening on "并" and short of a full one: one paragraph, not a title over the rest.
OPENS_ON_CONJUNCTION = (
    """\
 本报定西讯（通讯员王五）4月9日，

定西市政协召开常委会会议，听取全

市文化旅游工作情况通报，审议有关

事项。

定西市政协主席张三主持会议

并讲话。市政协副主席李四、赵

六出席会议。

定西市政协召开常委会会议
"""
    + _SECOND_STORY
)

# The same story, its line cut after "并".
ENDS_ON_CONJUNCTION = (
    """\
 本报定西讯（通讯员王五）4月9日，

定西市政协召开常委会会议，听取全

市文化旅游工作情况通报，审议有关

事项。

定西市政协主席张三主持会议并

讲话。市政协副主席李四、赵

六出席会议。

定西市政协召开常委会会议
"""
    + _SECOND_STORY
)


class ClauseConjunctionTests(SimpleTestCase):
    def test_a_line_opening_on_a_conjunction_continues_the_line_before(self):
        self.assert_one_paragraph_per_sentence(OPENS_ON_CONJUNCTION)

    def test_a_line_ending_on_a_conjunction_runs_on(self):
        self.assert_one_paragraph_per_sentence(ENDS_ON_CONJUNCTION)

    def assert_one_paragraph_per_sentence(self, page: str) -> None:
        segments = segment_page(read_page("conjunction.txt", page.encode()))
        self.assertEqual(
            [segment.headline for segment in segments],
            ["定西市政协召开常委会会议", "陇西县政协视察农田水利建设"],
        )
        self.assertEqual(
            segments[0].paragraphs[-1], "定西市政协主席张三主持会议并讲话。市政协副主席李四、赵六出席会议。"
        )
