"""Title lines on pages nobody tuned the importer against: what names a committee, which line of a
run is the headline, where a story really starts. Pure: no database.
"""

# ruff: noqa: E501 -- page text must keep its printed lines.

from django.test import SimpleTestCase

from importer.parsing import titles
from importer.parsing.drafts import Block, ReadPage
from importer.parsing.segment import segment_page
from importer.reading import read_page
from importer.reading.layout import COLUMN


def headlines_and_decks(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (segment.headline, segment.subtitle) for segment in segment_page(read_page("page.txt", text.encode()))
    ]


class TitleCommitteeTests(SimpleTestCase):
    def test_titles_opening_on_a_place_name_it(self):
        for title, name in [
            ("瓜州县政协开展送科技下乡活动", "瓜州县"),
            ("秦州区政协召开常委会会议", "秦州区"),
            ("两当县政协十届二次会议开幕", "两当县"),
            ("积石山政协调研", "积石山"),
            ("环县政协关注营商环境", "环县"),
            ("武都区政协召开主席会议", "武都区"),
            ("积石山保安族东乡族撒拉族自治县政协召开常委会会议", "积石山保安族东乡族撒拉族自治县"),
            ("阿克塞哈萨克族自治县政协视察牧区", "阿克塞哈萨克族自治县"),
        ]:
            with self.subTest(title=title):
                self.assertEqual(titles.committee_name(title), name)

    def test_every_committee_or_a_slogan_before_zhengxie_names_none(self):
        for title in [
            "全市政协系统提案工作会议召开",
            "各级政协组织要凝聚共识",
            "市县政协联动开展调研",
            "新时代讲好政协故事凝聚合力",
        ]:
            with self.subTest(title=title):
                self.assertIsNone(titles.committee_name(title))


# A column page: a placeless story about a city-wide work meeting, then a county story; the run of
# titles after both holds the county headline, the meeting's title (no committee: "全市政协系统")
# and the first story's one-phrase deck, which also says "政协".
SYSTEM_MEETING_COLUMN_PAGE = """\
 本报讯（记者 王 芳）5月6日，全市

政协系统提案工作会议在酒泉召开。市

政协主席出席会议并讲话。

会议要求，要在新时代讲好政协故事，

为全市发展凝聚合力。

 本报金塔讯（通讯员李 文）5月7日，

金塔县政协召开主席会议，研究部署

近期重点工作。

金塔县政协召开主席会议

新时代讲好政协故事凝聚合力

全市政协系统提案工作会议召开
"""


class EventHeadlineTests(SimpleTestCase):
    def test_of_two_titles_naming_no_committee_the_event_is_the_headline(self):
        self.assertEqual(
            headlines_and_decks(SYSTEM_MEETING_COLUMN_PAGE),
            [
                ("全市政协系统提案工作会议召开", "新时代讲好政协故事凝聚合力"),
                ("金塔县政协召开主席会议", None),
            ],
        )


class OpeningCommitteeTests(SimpleTestCase):
    def test_a_place_holding_a_level_character_is_named(self):
        self.assertEqual(titles.opening_committee("5月30日，瓜州县政协组织委员走进乡镇。"), "瓜州县")
        self.assertEqual(titles.opening_committee("6月2日，秦州区政协召开主席会议。"), "秦州区")
        self.assertEqual(titles.opening_committee("6月3日，武都区政协视察油橄榄产业。"), "武都区")

    def test_an_autonomous_county_in_full_is_named(self):
        for paragraph in [
            "7月9日，积石山保安族东乡族撒拉族自治县政协召开常委会会议。",
            "7月9日，政协积石山保安族东乡族撒拉族自治县第十届委员会第三次会议开幕。",
        ]:
            with self.subTest(paragraph=paragraph):
                self.assertEqual(titles.opening_committee(paragraph), "积石山保安族东乡族撒拉族自治县")

    def test_a_time_word_before_a_level_names_no_committee(self):
        for paragraph in [
            "会议确定，今年县政协将围绕三个议题开展协商。",
            "去年市政协共收到提案300件。",
            "会后，县政协主席带队察看了现场。",
        ]:
            with self.subTest(paragraph=paragraph):
                self.assertIsNone(titles.opening_committee(paragraph))
                self.assertEqual(titles.unnamed_levels(paragraph), {paragraph[paragraph.index("政协") - 1]})


# A paragraph page: a story's later paragraph speaks of "今年县政协", its own committee by level.
TIME_WORD_PARAGRAPH_PAGE = """\
金塔县政协召开主席会议

本报金塔讯(通讯员 李 文)1月10日,金塔县政协召开主席会议,传达学习县委经济工作会议精神,研究确定年度重点协商议题、调研视察课题和民主监督事项。

会议确定,今年县政协将围绕城区供热管网改造、农村饮水安全巩固提升2项议题开展重点协商,同时安排调研视察课题6个。

会议要求,各专委会要提前谋划、精心组织,做到每项协商议题都有调研支撑、有成果转化、有跟踪问效。

民乐县政协召开常委会会议

本报民乐讯(通讯员王 涛)1月11日,民乐县政协召开十届三次常委会会议,听取县政府关于全县经济社会发展情况的通报。
"""


class TimeWordLevelTests(SimpleTestCase):
    def test_a_paragraph_on_this_years_committee_stays_in_its_story(self):
        segments = segment_page(read_page("page.txt", TIME_WORD_PARAGRAPH_PAGE.encode()))
        self.assertEqual(
            [(segment.headline, len(segment.paragraphs)) for segment in segments],
            [("金塔县政协召开主席会议", 3), ("民乐县政协召开常委会会议", 1)],
        )


# A column page: the first story's headline wraps after "暨", the second's inside a numeral.
WRAPPED_HEADLINES_COLUMN_PAGE = """\
 本报民乐讯（通讯员王 涛）3月2日，

民乐县政协召开党组会议暨十届七次主

席会议，研究部署年度重点工作。

 本报永昌讯（通讯员赵 丽）3月3日，

永昌县政协召开十届五次常委会会议，

审议通过了年度协商计划。

民乐县政协召开党组会议暨

十届七次主席会议

永昌县政协召开十

届五次常委会会议
"""


class WrappedHeadlineTests(SimpleTestCase):
    def test_a_headline_stopping_on_a_joining_word_or_inside_a_numeral_goes_on(self):
        self.assertEqual(
            headlines_and_decks(WRAPPED_HEADLINES_COLUMN_PAGE),
            [
                ("民乐县政协召开党组会议暨十届七次主席会议", None),
                ("永昌县政协召开十届五次常委会会议", None),
            ],
        )

    def test_a_title_ending_where_a_title_can_end_does_not_go_on(self):
        for line, next_line in [
            ("永昌县政协召开十届五次常委会会议", "十届七次主席会议"),
            ("瓜州县政协交办126件提案", "2项议题"),
            ("凝聚共识 共谋发展", "和衷共济"),
        ]:
            with self.subTest(line=line):
                self.assertFalse(titles.continues_on(line, next_line))


# A column page, read: a provincial story, its deck and its headline (naming the committee only as
# "省政协"), then a placeless story opening on its date, then its title.
LEVEL_TITLE_BLOCKS = (
    (
        "本报民乐讯（通讯员王涛）3月2日，省政协副主席带领调研组深入民乐县调研设施农业提质增效工作。县政协主席陪同。",
        1,
        5,
    ),
    ("调研组先后察看了蔬菜大棚和冷链物流企业，听取了情况汇报。", 7, 9),
    ("设施农业提质增效", 11, 11),
    ("省政协调研组赴民乐县调研设施农业发展", 13, 13),
    ("3月4日，县委召开经济工作会议，部署今年任务。县委书记主持会议并讲话。（李文）", 15, 19),
    ("县委召开经济工作会议", 21, 21),
)


class LevelTitleTests(SimpleTestCase):
    def test_a_title_naming_a_committee_by_level_ends_its_story_before_a_dated_lead(self):
        blocks = tuple(Block(text, line, end, column_width=30) for text, line, end in LEVEL_TITLE_BLOCKS)
        page = ReadPage("page.txt", COLUMN, blocks, ("",) * 21)
        self.assertEqual(
            [(segment.headline, segment.subtitle, segment.correspondents) for segment in segment_page(page)],
            [
                ("省政协调研组赴民乐县调研设施农业发展", "设施农业提质增效", ["王涛"]),
                ("县委召开经济工作会议", None, ["李文"]),
            ],
        )


# A column page: a story's last line ends on its trailing byline, and a title follows.
BYLINE_ENDS_LINE_COLUMN_PAGE = """\
 本报讯（记者 王 涛）3月2日，省政协

召开主席会议，研究部署年度重点工作。

省政协主席主持会议并讲话。（李 文）

省政协召开主席会议研究部署年度工作
"""


class TrailingBylineLineTests(SimpleTestCase):
    def test_a_line_ending_on_a_trailing_byline_ends_its_paragraph(self):
        blocks = read_page("page.txt", BYLINE_ENDS_LINE_COLUMN_PAGE.encode()).blocks
        self.assertEqual([block.text for block in blocks][-1], "省政协召开主席会议研究部署年度工作")
