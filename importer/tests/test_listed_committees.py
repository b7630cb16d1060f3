"""A paragraph opening on several committees ("A市政协、B市政协和…作了交流发言") goes on the story it
is in: a story's lead opens on the one committee it is about. Pure: no database.

The page below is made up for these tests; the expected articles were written from reading it.
"""

from django.test import SimpleTestCase

from importer.parsing import titles
from importer.parsing.segment import segment_page
from importer.reading import read_page

# Column layout: a provincial meeting whose third paragraph lists the committees that spoke.
PAGE = """\
 本报讯（记者 汪 洋）5 月 12 日，全省

政协系统提案工作会议在兰州召开。省

政协副主席赵明出席会议并讲话。

会议总结了去年全省政协系统提案

工作，部署了今年重点任务。

酒泉市政协、天水市政协和省政协提

案委员会作了交流发言。

赵明强调，要提高提案质量，推动

提案办理协商走深走实。

全省政协系统提案工作会议召开
"""


class ListedCommitteesTests(SimpleTestCase):
    def test_a_list_of_committees_is_no_lead(self):
        self.assertTrue(titles.opens_on_a_list("酒泉市政协、天水市政协和省政协提案委员会作了交流发言。"))
        self.assertFalse(titles.opens_on_a_list("酒泉市政协召开十届五次常委会会议。"))

    def test_the_paragraph_listing_committees_stays_in_its_story(self):
        segments = segment_page(read_page("listed.txt", PAGE.encode()))
        self.assertEqual(
            [(segment.headline, len(segment.paragraphs)) for segment in segments],
            [("全省政协系统提案工作会议召开", 4)],
        )
