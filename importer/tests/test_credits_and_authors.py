"""Photo credits closing on "摄" ("本报记者 X 摄", "通讯员 X 摄") and an author's byline ("□ X") over a
commentary. Pure: no database.

The pages below are made up for these tests; the expected articles were written from reading them.
"""

from django.test import SimpleTestCase

from importer.parsing.bylines import split_credit
from importer.parsing.segment import segment_page
from importer.reading import read_page

# Column layout: a story, then a photo caption set across the columns whose credit "本报记者 X 摄"
# ends its last line, the photo's title printed right after it, and the story's title.
COLUMN_PAGE = """\
  本报岷县讯（通讯员 罗 平）5 月

6 日，岷县政协组织委员视察中药材

市场建设。县政协主席孔林带队。

视察组建议，要完善市场设施，拓宽

销售渠道。

5月7日，宕昌县政协机关干部走进哈达铺镇，开展义务植树活动，栽下云杉、

油松等苗木500余株。 本报记者 鲁 川 摄

宕昌县政协开展义务植树活动

岷县政协视察中药材市场建设
"""

# Paragraph layout: a label over two untitled captions, each with its own credit line, then a
# commentary printed under its author's byline with an author's note closing it.
PARAGRAPH_PAGE = """\
镜头

5月8日,两当县政协组织文艺界委员走进云屏镇,为村民送去文艺演出。

本报记者 鲁 川 摄

5月9日,徽县政协机关干部走进伏家镇,帮助农户抢收油菜。

通讯员 何 平 杨建华 摄

履职要在实处用力

□ 陈 晓

履职尽责,贵在落实。徽县政协把委员联系群众作为履职的基本功,每月组织委员下沉社区,倾听群众呼声。

委员多走一步,群众就少跑一趟。把功夫下在实处,协商议政才有底气。

(作者系徽县政协委员)
"""

# Column layout: a story, then a commentary opening on its author's byline and closed by the
# author's note; both titles come after the bodies.
COLUMN_COMMENTARY_PAGE = """\
 本报肃南讯（通讯员安 静）5 月 6 日，

肃南县政协召开主席会议，研究部

署委员工作室建设工作。县政协主

席钟山主持会议。

□ 陈 晓

履职尽责，贵在落实。徽县政协把委

员联系群众作为履职的基本功，每月

组织委员下沉社区，倾听群众呼声。

委员多走一步，群众就少跑一趟。

（作者系徽县政协委员）

肃南县政协召开主席会议

委员履职贵在落实
"""


def summary(segment) -> tuple:
    return (segment.headline, segment.column, segment.kind, segment.correspondents, segment.photographers)


class CreditTests(SimpleTestCase):
    def test_a_credit_closing_on_she_after_a_sentence_names_its_photographers(self):
        self.assertEqual(
            split_credit("……抢收油菜。 通讯员 何平 杨建华 摄"), ("……抢收油菜。", ["何平", "杨建华"], "")
        )

    def test_she_inside_running_text_is_no_credit(self):
        text = "委员们接受记者采访拍摄"
        self.assertEqual(split_credit(text), (text, [], ""))

    def test_column_caption_ends_at_its_credit_and_the_title_is_the_photos(self):
        segments = segment_page(read_page("credit_column.txt", COLUMN_PAGE.encode()))
        self.assertEqual(
            [summary(segment) for segment in segments],
            [
                ("岷县政协视察中药材市场建设", None, "news", ["罗平"], []),
                ("宕昌县政协开展义务植树活动", None, "photo", [], ["鲁川"]),
            ],
        )
        self.assertTrue(segments[1].body.endswith("油松等苗木500余株。"))


class PhotoBlockAndCommentaryTests(SimpleTestCase):
    def setUp(self):
        self.segments = segment_page(read_page("credit_paragraph.txt", PARAGRAPH_PAGE.encode()))

    def test_each_caption_of_a_labelled_block_is_a_photo_with_its_photographers(self):
        self.assertEqual(
            [summary(segment) for segment in self.segments[:2]],
            [
                (None, "镜头", "photo", [], ["鲁川"]),
                (None, "镜头", "photo", [], ["何平", "杨建华"]),
            ],
        )

    def test_an_authors_byline_heads_a_commentary_and_is_no_label(self):
        commentary = self.segments[2]
        self.assertEqual(summary(commentary), ("履职要在实处用力", None, "commentary", ["陈晓"], []))
        self.assertTrue(commentary.body.endswith("协商议政才有底气。"))
        self.assertEqual(len(self.segments), 3)

    def test_the_authors_note_is_the_commentarys_and_no_title(self):
        commentary = self.segments[2]
        note_line = len(PARAGRAPH_PAGE.splitlines())  # the page's last line
        self.assertEqual(commentary.line_ranges[-1][1], note_line)
        self.assertFalse(any("作者" in reason for reason in commentary.review_reasons))


class ColumnCommentaryTests(SimpleTestCase):
    def test_the_authors_note_after_the_body_is_no_title_to_pair(self):
        segments = segment_page(read_page("commentary_column.txt", COLUMN_COMMENTARY_PAGE.encode()))
        self.assertEqual(
            [summary(segment) for segment in segments],
            [
                ("肃南县政协召开主席会议", None, "news", ["安静"], []),
                ("委员履职贵在落实", None, "commentary", ["陈晓"], []),
            ],
        )
        self.assertTrue(segments[1].body.endswith("群众就少跑一趟。"))
