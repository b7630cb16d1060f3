"""Reading stage: decoding, layout detection, reflow and normalisation. Pure: no database."""

import re
from pathlib import Path

from django.test import SimpleTestCase
from hypothesis import given, settings
from hypothesis import strategies as st

from importer.reading import PageError, read_page
from importer.reading.decode import MAX_PAGE_BYTES
from importer.reading.layout import Column, column_widths
from importer.reading.normalize import (
    display_width,
    join_names,
    normalize_byline,
    normalize_paragraph,
    normalize_title,
    remove_inner_spaces,
)
from importer.reading.reflow import PrintedLine, _column_continues

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# A passage set in a 17-character column, as the PDF extraction prints it: letter-spaced digits,
# a dateline split inside its byline, a single newline inside a paragraph, a leading space.
COLUMN_PASSAGE = """\
 本报临泽讯（通讯员王建文 李 瑾）为庆
祝人民政协成立 75周年，县政协把编辑

出版文史资料作为今年的重点任务，集中

在 4 月至 9 月全力推进征编工作。

县政协为此成立了 3 个工作专班，由主

要领导担任总策划，聘请了 3 名资深老

同志为顾问。

加快推进文史资料征编工作

临泽县政协
"""


class NormalizeTests(SimpleTestCase):
    def test_body_text_loses_letter_spacing(self):
        cases = {
            "1 月 29日": "1月29日",
            "2023 年": "2023年",
            "罗 琼": "罗琼",
            "二 O 二三年": "二O二三年",
            "想 共 识 ，努 力": "想共识，努力",
            "议事活动 1000 多次": "议事活动1000多次",
            "本报定西讯 6月8日,": "本报定西讯6月8日,",
            "思想 and 党的": "思想 and 党的",
            "GDP 增长 5 %": "GDP 增长5 %",
            "  两端空格  ": "两端空格",
            "通报了2 023年": "通报了2023年",
            "1 1月8日，": "11月8日，",
        }
        for raw, expected in cases.items():
            with self.subTest(raw=raw):
                self.assertEqual(remove_inner_spaces(raw), expected)

    def test_titles_keep_the_space_between_phrases(self):
        cases = {
            "行而不辍抓学习 驰而不息抓落实": "行而不辍抓学习 驰而不息抓落实",
            "委员“动”起来 工作“活”起来 履职“实”起来": "委员“动”起来 工作“活”起来 履职“实”起来",
            "人民政协成立 75周年": "人民政协成立75周年",
            "金 塔县政协": "金塔县政协",
        }
        for raw, expected in cases.items():
            with self.subTest(raw=raw):
                self.assertEqual(normalize_title(raw), expected)

    def test_bylines_separate_people_and_join_split_names(self):
        cases = {
            "张海超 刘津津": "张海超 刘津津",
            "张 烨": "张烨",
            "陈熙强 汪国 华": "陈熙强 汪国华",
            "王 建 文": "王建文",
            "鱼勇  赵 婷婷": "鱼勇 赵婷婷",
        }
        for raw, expected in cases.items():
            with self.subTest(raw=raw):
                self.assertEqual(join_names(raw), expected)

    def test_byline_lines_keep_role_and_credit(self):
        cases = {
            "通讯员 鱼勇 赵 婷婷 摄影报道": "通讯员 鱼勇 赵婷婷 摄影报道",
            "郭海军  摄影报道": "郭海军 摄影报道",
            "通讯员 安 艳贞": "通讯员 安艳贞",
        }
        for raw, expected in cases.items():
            with self.subTest(raw=raw):
                self.assertEqual(normalize_byline(raw), expected)

    def test_paragraphs_keep_byline_spans_as_bylines(self):
        cases = {
            "本报两当讯（通讯员罗 琼）1月 29日，": "本报两当讯（通讯员罗琼）1月29日，",
            "本报兰州讯(通讯员陈熙强 汪国华)7月16日": "本报兰州讯(通讯员陈熙强 汪国华)7月16日",
            "城市目标。 （李 瑾）": "城市目标。（李瑾）",
            "建言献策。通讯员 陈刚 摄影报道": "建言献策。 通讯员 陈刚 摄影报道",
        }
        for raw, expected in cases.items():
            with self.subTest(raw=raw):
                self.assertEqual(normalize_paragraph(raw), expected)

    def test_full_width_punctuation_is_kept_as_printed(self):
        self.assertEqual(remove_inner_spaces("会议（扩大）, 好 ！"), "会议（扩大）,好！")

    def test_display_width_counts_chinese_as_two(self):
        self.assertEqual(display_width("1月29日，ab"), 11)


def _display_width_as_defined(text: str) -> int:
    """The definition display_width() computes faster: one half-em per character, one more per
    wide one (is_wide: U+2000 and above)."""
    return len(text) + len(re.sub(r"[\x00-\u1fff]+", "", text))


# Any text, with the characters either side of the narrow/wide boundary and some common on the pages.
_ANY_TEXT = st.text(st.one_of(st.characters(), st.sampled_from("\x00\u1fff\u2000\uffff 　中a1·“”，。")))


@given(text=_ANY_TEXT)
@settings(max_examples=500, deadline=None)
def test_display_width_is_the_defined_width(text):
    assert display_width(text) == _display_width_as_defined(text)


class DecodeTests(SimpleTestCase):
    def test_unreadable_files_raise_page_error_with_the_reason(self):
        cases = {
            "empty": (b"", "为空"),
            "binary": ("正文".encode() + b"\x00\x01", "NUL"),
            "gbk": ("甘肃政协报".encode("gbk"), "UTF-8"),
            "huge": (b"a" * (MAX_PAGE_BYTES + 1), "2 MB"),
        }
        for name, (data, reason) in cases.items():
            with self.subTest(name=name), self.assertRaises(PageError) as raised:
                read_page(f"{name}.txt", data)
            self.assertEqual(raised.exception.filename, f"{name}.txt")
            self.assertIn(reason, raised.exception.reason)
            self.assertIn(f"{name}.txt", str(raised.exception))

    def test_bom_and_windows_line_endings_are_accepted(self):
        page = read_page("p.txt", "\ufeff金塔县政协\r\n\r\n本报金塔讯 会议召开。\r\n".encode())
        self.assertEqual([block.text for block in page.blocks], ["金塔县政协", "本报金塔讯会议召开。"])
        self.assertEqual(page.raw_lines[0], "金塔县政协")

    def test_whitespace_only_page_has_no_blocks(self):
        self.assertEqual(read_page("blank.txt", b" \n\n\t\n").blocks, ())


class LayoutTests(SimpleTestCase):
    def test_seed_layouts(self):
        expected = {
            "000": "paragraph",
            "001": "paragraph",
            "002": "column",
            "003": "paragraph",
            "004": "column",
        }
        for prefix, layout in expected.items():
            path = next(SEEDS.glob(f"{prefix}_*.txt"))
            with self.subTest(seed=path.name):
                self.assertEqual(read_page(path.name, path.read_bytes()).layout, layout)


class ReflowTests(SimpleTestCase):
    def test_column_passage_reflows_into_paragraphs_and_titles(self):
        page = read_page("column.txt", COLUMN_PASSAGE.encode())
        self.assertEqual(page.layout, "column")
        self.assertEqual(
            [(block.text, block.line, block.end_line) for block in page.blocks],
            [
                (
                    "本报临泽讯（通讯员王建文 李瑾）为庆祝人民政协成立75周年，县政协把编辑出版文史资料"
                    "作为今年的重点任务，集中在4月至9月全力推进征编工作。",
                    1,
                    6,
                ),
                ("县政协为此成立了3个工作专班，由主要领导担任总策划，聘请了3名资深老同志为顾问。", 8, 12),
                ("加快推进文史资料征编工作", 14, 14),
                ("临泽县政协", 16, 16),
            ],
        )

    def test_paragraph_layout_rejoins_paragraphs_cut_by_a_column_change(self):
        seed = next(SEEDS.glob("000_*.txt"))
        page = read_page(seed.name, seed.read_bytes())
        block = next(block for block in page.blocks if block.line == 7)
        self.assertEqual(block.end_line, 9)
        self.assertIn("部分章节和《求是》杂志", block.text)
        joined = next(block for block in page.blocks if block.line == 11)
        self.assertIn("增强“四个意识”", joined.text)

    def test_paragraph_layout_keeps_titles_and_bylines_apart(self):
        seed = next(SEEDS.glob("000_*.txt"))
        page = read_page(seed.name, seed.read_bytes())
        texts = [block.text for block in page.blocks]
        expected = (
            "行而不辍抓学习 驰而不息抓落实",
            "——安定区政协创建委员联络工作室小记",
            "通讯员 安艳贞",
            "(杨军林)",
        )
        for text in expected:
            with self.subTest(text=text):
                self.assertIn(text, texts)

    def test_column_seed_splits_titles_from_a_feature_set_in_a_narrower_column(self):
        seed = next(SEEDS.glob("002_*.txt"))
        page = read_page(seed.name, seed.read_bytes())
        texts = [block.text for block in page.blocks]
        self.assertIn("两当县政协十届二次会议开幕", texts)
        self.assertTrue(any(text.startswith("推进实践创新是县级政协组织的重要使命") for text in texts))
        self.assertIn("重视学习 提升履职能力", texts)
        caption = next(text for text in texts if text.startswith("春节前夕"))
        self.assertTrue(caption.endswith("送去新春祝福和问候。 通讯员 赵婷婷 摄影报道"))

    def test_section_head_printed_over_two_lines_is_one_block(self):
        seed = next(SEEDS.glob("004_*.txt"))
        page = read_page(seed.name, seed.read_bytes())
        self.assertIn("‖强平台，建好委员联系服务群众“主阵地”", [block.text for block in page.blocks])

    def test_page_text_is_the_reflowed_blocks(self):
        seed = next(SEEDS.glob("002_*.txt"))
        page = read_page(seed.name, seed.read_bytes())
        self.assertIn("时和在二O二三年春节团拜会上", page.text)


# A paragraph page whose title lines are as many as its paragraphs: most lines are short, most
# of the text is in long ones.
TITLE_HEAVY_PARAGRAPH_PAGE = "\n\n".join(
    [
        "甘南州政协召开党组理论学习中心组(扩大)会议暨十二届二十三次主席会议",
        "学深悟透强根基 实干担当促发展",
        "本报合作讯(通讯员卓玛草)1月8日,甘南州政协党组书记、主席杨华东主持召开州政协党组理论学习中心组"
        "(扩大)会议暨十二届二十三次主席会议。会议传达学习了中央经济工作会议精神,审议了年度协商计划。",
        "临夏州政协",
        "开展民族团结进步创建专题视察",
        "本报临夏讯(通讯员马俊)1月9日,临夏州政协副主席马文清带领部分州政协委员,深入临夏市、积石山县,"
        "就全州民族团结进步示范州创建工作开展专题视察,听取有关部门工作汇报。",
        "凝心聚力谋发展 履职尽责显担当",
    ]
)

# Column lines where a byline, a photo credit and two titles meet the line breaks.
COLUMN_BREAKS_PAGE = """\
 本报合作讯（通讯员赵磊 杨

帆）11 月 6 日，合作市政协主席李红梅主

持召开十届二十三次主席会议，研究讨

论了年度重点工作推进情况。

 本报西固讯（通讯员曾立玺

王美琪）8 月 17日，西固区政协开展棚

户区改造重点项目进展情况专题视察。

近日，灵台县政协机关全体干部深入贯彻落实“结对帮扶”活动要求，先后

在帮扶对象家中开展结对帮扶活动，努力帮助协调解决实际困难。 通讯

员 郭海军 摄影报道

西固区政协视察棚户区改造项目

合作市政协召开十届二十三次主席会议

优化服务增活力 协商赋能促发展

永靖县政协召开优化营商环境专题协商会

“有事到工作站商量，比以前

方便多了。”在天祝县华藏寺镇政

协委员工作站，前来反映问题的群

众说。
"""


class LayoutOfTitleHeavyPagesTests(SimpleTestCase):
    def test_paragraph_page_with_many_title_lines_is_paragraph_layout(self):
        page = read_page("titles.txt", TITLE_HEAVY_PARAGRAPH_PAGE.encode())
        self.assertEqual(page.layout, "paragraph")

    def test_long_title_line_is_not_joined_to_the_next_title(self):
        page = read_page("titles.txt", TITLE_HEAVY_PARAGRAPH_PAGE.encode())
        self.assertEqual(
            [block.text for block in page.blocks[:2]],
            [
                "甘南州政协召开党组理论学习中心组(扩大)会议暨十二届二十三次主席会议",
                "学深悟透强根基 实干担当促发展",
            ],
        )


class ColumnLineBreakTests(SimpleTestCase):
    def setUp(self):
        self.texts = [block.text for block in read_page("breaks.txt", COLUMN_BREAKS_PAGE.encode()).blocks]

    def test_byline_broken_inside_a_name_is_one_name(self):
        self.assertTrue(self.texts[0].startswith("本报合作讯（通讯员赵磊 杨帆）11月6日，"))

    def test_byline_broken_between_two_names_keeps_them_apart(self):
        self.assertTrue(self.texts[1].startswith("本报西固讯（通讯员曾立玺 王美琪）8月17日，"))

    def test_photo_credit_with_its_role_word_cut_ends_the_caption(self):
        self.assertTrue(self.texts[2].endswith("努力帮助协调解决实际困难。 通讯员 郭海军 摄影报道"))

    def test_titles_as_wide_as_the_column_stay_apart(self):
        self.assertEqual(
            self.texts[3:7],
            [
                "西固区政协视察棚户区改造项目",
                "合作市政协召开十届二十三次主席会议",
                "优化服务增活力 协商赋能促发展",
                "永靖县政协召开优化营商环境专题协商会",
            ],
        )
        self.assertTrue(self.texts[7].startswith("“有事到工作站商量，比以前方便多了。”"))


# A body whose last line is full and ends a sentence, then its titles with no blank line
# wider than the others: a two-phrase deck and a headline naming its committee.
COLUMN_BODY_THEN_TITLES = """\
 本报山丹讯（通讯员刘 洋）4 月 2 日，

山丹县政协召开党组会议，传达学习全

国两会精神，研究部署今年重点工作。

会议要求，要把学习成果转化为推动工

作的实际行动，在服务大局中彰显作为。

学深悟透强根基 履职尽责显担当

山丹县政协召开党组会议

会议要求，要把学习成果转化为推动工

作的实际行动，在服务大局中彰显作为。

山丹县政协召开党组会议
"""


class TitlesAfterAFullLineTests(SimpleTestCase):
    def test_titles_printed_after_a_full_sentence_line_stay_titles(self):
        texts = [block.text for block in read_page("titles.txt", COLUMN_BODY_THEN_TITLES.encode()).blocks]
        self.assertEqual(
            texts[1:],
            [
                "会议要求，要把学习成果转化为推动工作的实际行动，在服务大局中彰显作为。",
                "学深悟透强根基 履职尽责显担当",
                "山丹县政协召开党组会议",
                "会议要求，要把学习成果转化为推动工作的实际行动，在服务大局中彰显作为。",
                "山丹县政协召开党组会议",
            ],
        )


# Photo captions set across columns whose credit the line break cut, and a colon title printed
# wider than the column right before a caption.
COLUMN_CUT_CREDITS = """\
 本报岷县讯（通讯员包 强）3 月 1 日，

岷县政协召开主席会议，研究部署近期

重点工作。

岷县政协：聚焦中药材产业高质量发展

近日，宕昌县政协组织委员走进养老服务机构，开展慰问活动，详

细了解老人生活起居情况。 通讯员 陈晨

摄影报道

3月2日，康县政协组织委员深入乡村学校，开展送教下乡活动，为

孩子们送去学习用品。 通讯员 鱼勇 赵婷婷 摄影

报道
"""


class CutCreditTests(SimpleTestCase):
    def setUp(self):
        self.texts = [block.text for block in read_page("credits.txt", COLUMN_CUT_CREDITS.encode()).blocks]

    def test_credit_cut_before_its_last_word_ends_the_caption(self):
        self.assertEqual(
            self.texts[2],
            "近日，宕昌县政协组织委员走进养老服务机构，开展慰问活动，详细了解老人生活起居情况。"
            " 通讯员 陈晨 摄影报道",
        )

    def test_credit_word_cut_in_two_is_one_word(self):
        self.assertTrue(self.texts[3].endswith("送去学习用品。 通讯员 鱼勇 赵婷婷 摄影报道"))

    def test_colon_title_before_a_caption_stays_a_title(self):
        self.assertEqual(self.texts[1], "岷县政协：聚焦中药材产业高质量发展")


# A news story set 18 characters wide, then with no title between them a feature set 14 wide that
# opens on a quote; inside the feature a quoted name left open at a line's end and a book title
# whose dash opens a line.
COLUMN_WIDTH_CHANGE = """\
 本报肃南讯（通讯员安 娜）4月6日，

肃南县政协召开十届六次常委会会议，听

取全县草原生态保护工作情况通报，审议

通过了关于牧区基础设施建设的调研报告。

会议强调，要坚持生态优先、绿色发

展，推动草原保护与牧民增收相互促进，

守护好祁连山的绿水青山，为建设生态美、

产业兴、百姓富的新肃南多作贡献。

“草场围栏修好了，牛羊有

了去处，我们心里也踏实了。”

说起这两年的变化，牧民们打开

了话匣子。

肃南县政协组织开展“走进

牧区、倾听民声”活动，委员

们深入各乡镇收集意见建议。

县政协还编辑了《祁连山下

——肃南民俗》一书，记录了裕

固族的传统习俗。
"""


class ColumnWidthChangeTests(SimpleTestCase):
    def setUp(self):
        self.texts = [block.text for block in read_page("change.txt", COLUMN_WIDTH_CHANGE.encode()).blocks]

    def test_each_article_is_measured_in_its_own_column(self):
        widths = [36, 38, 32, 36, 38, 36, 38, 32, 24, 28, 28, 26, 28, 28, 28, 10]
        columns = column_widths(widths)
        self.assertEqual({column.width for column in columns[:8]}, {38})
        self.assertEqual({column.width for column in columns[8:]}, {28})

    def test_wide_article_after_a_narrow_one_is_not_a_run_of_titles(self):
        columns = column_widths([28] * 8 + [36, 38, 36, 36, 38, 36, 36, 38])
        self.assertEqual({column.width for column in columns[8:]}, {38})

    def test_story_ends_at_its_last_sentence_before_the_feature_set_narrower(self):
        self.assertEqual(
            self.texts[1],
            "会议强调，要坚持生态优先、绿色发展，推动草原保护与牧民增收相互促进，"
            "守护好祁连山的绿水青山，为建设生态美、产业兴、百姓富的新肃南多作贡献。",
        )
        self.assertTrue(self.texts[2].startswith("“草场围栏修好了，牛羊有了去处"))

    def test_line_leaving_a_quote_open_runs_on(self):
        self.assertIn(
            "肃南县政协组织开展“走进牧区、倾听民声”活动，委员们深入各乡镇收集意见建议。", self.texts
        )

    def test_dash_inside_a_book_title_is_running_text_not_a_subtitle(self):
        self.assertEqual(self.texts[-1], "县政协还编辑了《祁连山下——肃南民俗》一书，记录了裕固族的传统习俗。")


# A full line that ends a sentence, then a line indented two characters: a new paragraph.
COLUMN_INDENTED_START = """\
 本报高台讯（通讯员韩 梅）3月8日，

高台县政协召开主席会议，传达学习全

国两会精神，研究部署近期重点工作。

会议要求，要把学习成果转化为履

职尽责的实际行动，确保各项工作落实。

“委员联络站建起来以后，我们反

映问题有了固定的地方。”
"""


class IndentedStartTests(SimpleTestCase):
    def test_indented_line_after_a_full_sentence_line_opens_a_paragraph(self):
        texts = [block.text for block in read_page("indent.txt", COLUMN_INDENTED_START.encode()).blocks]
        self.assertEqual(
            texts[1:],
            [
                "会议要求，要把学习成果转化为履职尽责的实际行动，确保各项工作落实。",
                "“委员联络站建起来以后，我们反映问题有了固定的地方。”",
            ],
        )


class BlockColumnWidthTests(SimpleTestCase):
    def test_column_blocks_carry_the_width_of_their_own_column(self):
        blocks = read_page("change.txt", COLUMN_WIDTH_CHANGE.encode()).blocks
        news, feature = blocks[1], blocks[2]
        self.assertTrue(feature.text.startswith("“草场围栏修好了"))
        self.assertGreaterEqual(news.column_width - feature.column_width, 4)

    def test_paragraph_blocks_have_no_column_width(self):
        page = read_page("003.txt", (SEEDS / "003_986e0c7b9918cc38.txt").read_bytes())
        self.assertEqual(page.layout, "paragraph")
        self.assertEqual({block.column_width for block in page.blocks}, {None})

    def test_wide_story_between_datelines_is_no_run_of_titles(self):
        narrow = [28, 26, 28, 28, 12, 24, 28, 28, 28, 10]
        wide = [30, 36, 36, 36, 20, 32, 36, 18]
        widths = narrow + wide + narrow
        datelines = [len(narrow), len(narrow + wide)]
        columns = column_widths(widths, datelines, datelines)
        self.assertEqual({column.width for column in columns[len(narrow) : len(narrow + wide)]}, {36})


# A news story's last paragraph, then its one-phrase deck, two whole titles (one of them another
# story's) and a feature opening on a quote, with no blank-line pattern to tell them apart.
COLUMN_TITLE_RUN_BEFORE_A_QUOTE = """\
 本报临潭讯（通讯员丁 娟）11月7

日，临潭县政协召开重点提案督办会，

听取承办单位关于农村寄宿制学校建

设提案的办理情况汇报。

会议要求，承办单位要把提案办理

与推动工作结合起来，确保办出实效。

切实把民生实事办好办实

临潭县政协召开重点提案督办会

永靖县政协开展营商环境专题视察

“这条路修通以后，果子运

出去方便多了。”在工作站门

口，几位果农和委员聊了起来。
"""


class TitleRunTests(SimpleTestCase):
    def test_whole_titles_after_a_deck_stay_apart_from_the_paragraph_after_them(self):
        page = read_page("run.txt", COLUMN_TITLE_RUN_BEFORE_A_QUOTE.encode())
        texts = [block.text for block in page.blocks]
        titles = ["切实把民生实事办好办实", "临潭县政协召开重点提案督办会", "永靖县政协开展营商环境专题视察"]
        self.assertEqual(texts[2:5], titles)
        self.assertTrue(texts[5].startswith("“这条路修通以后，果子运出去方便多了。”"))


# A sentence running on into a line that opens on a dash, and a paragraph's first line split in
# two phrases by a stray space and followed by a full line: running text, no subtitle, no title.
COLUMN_RUNNING_LINES = """\
 本报榆中讯（通讯员李 强）4月2日，

榆中县政协组织委员深入和平镇、金崖

镇、夏官营镇等地的农业龙头企业

——中药材产业园区、高原夏菜基地等

示范点，实地察看特色产业发展情况。

视察组建议，要持续延伸产业链，

推动特色农业提质增效、做大做强。

移动在线履职日渐成为 委员们的日

常。委员通过手机即可提交提案和社情

民意信息，履职服务更加便捷高效。

——榆中县政协推进智慧政协建设纪实

通讯员 李 强
"""


class RunningLineTests(SimpleTestCase):
    def setUp(self):
        self.texts = [block.text for block in read_page("lines.txt", COLUMN_RUNNING_LINES.encode()).blocks]

    def test_dash_line_after_a_sentence_stopped_mid_line_runs_on(self):
        self.assertIn("等地的农业龙头企业——中药材产业园区、高原夏菜基地等示范点，", self.texts[0])
        self.assertTrue(self.texts[0].endswith("实地察看特色产业发展情况。"))

    def test_first_line_split_by_a_stray_space_runs_on_into_a_full_line(self):
        self.assertTrue(self.texts[2].startswith("移动在线履职日渐成为委员们的日常。委员通过手机"))

    def test_subtitle_after_the_last_sentence_stands_alone(self):
        self.assertEqual(self.texts[3:], ["——榆中县政协推进智慧政协建设纪实", "通讯员 李强"])


# A whole title two characters wider than the line after it, a first line that opens on a quote
# and, with quotes counted half width where it was set, is barely indented.
COLUMN_TITLE_OVER_A_QUOTED_LINE = """\
 本报定西讯（通讯员王 芳）5月6日，

定西市政协召开主席会议，研究部署智

慧政协平台建设工作。会议要求，要加

快推进平台建设，提升委员履职效能。

定西市政协召开智慧政协平台建设推进会

“平台用起来以后，委员履职方便多

了，提交提案再也不用跑路了。”一位

委员说。近年来，委员们通过平台提交

提案和社情民意信息的数量逐年增加。
"""


class TitleOverQuotedLineTests(SimpleTestCase):
    def test_title_two_characters_wider_than_the_next_line_stays_a_title(self):
        page = read_page("quoted.txt", COLUMN_TITLE_OVER_A_QUOTED_LINE.encode())
        texts = [block.text for block in page.blocks]
        self.assertEqual(texts[1], "定西市政协召开智慧政协平台建设推进会")
        self.assertTrue(texts[2].startswith("“平台用起来以后，委员履职方便多了"))


# A story set 19 characters wide ends on a full line closing its last sentence; a story set 12 wide
# follows with no title between them. Its first line opens on a date, whose half-width digits leave
# it barely narrower than its own full lines, and a stray space splits its third line in two phrases.
COLUMN_NARROWER_STORY_AFTER_A_FULL_LINE = """\
 本报临泽讯（通讯员马 林）5月6日，临泽

县政协召开十届八次常委会会议，听取全县

文化旅游产业发展情况通报，审议通过了关

于推进全域旅游发展的调研报告。会议要

求，要立足资源禀赋，打造精品线路，完善

配套设施，推动文旅产业提质增效，为全县

经济社会高质量发展贡献政协智慧和力量。

5月7日，高台县政协主席

王海带领部分委员，对全

县重点项目 建设情况进行

专题视察。

视察组先后来到工业园区、

物流中心等地，实地察看项

目进展情况，听取情况汇报。
"""


class NarrowerStoryTests(SimpleTestCase):
    def setUp(self):
        page = read_page("narrower.txt", COLUMN_NARROWER_STORY_AFTER_A_FULL_LINE.encode())
        self.texts = [block.text for block in page.blocks]

    def test_story_after_a_full_sentence_line_in_a_narrower_column_is_a_new_paragraph(self):
        self.assertTrue(self.texts[0].endswith("为全县经济社会高质量发展贡献政协智慧和力量。"))
        self.assertEqual(
            self.texts[1], "5月7日，高台县政协主席王海带领部分委员，对全县重点项目建设情况进行专题视察。"
        )

    def test_line_split_in_two_phrases_mid_sentence_is_running_text(self):
        self.assertEqual(len(self.texts), 3)


# A story set 15 characters wide ends on a full line closing its sentence; a feature set 17 wide
# follows with no title between them, its indented first line as wide as the story's full lines.
COLUMN_WIDER_FEATURE_AFTER_A_FULL_LINE = """\
 本报华池讯（通讯员高 原）6月2日，

华池县政协组织委员视察全县农村

饮水安全工作，先后来到城壕、乔

川等乡镇，实地察看了三处供水工

程和两处水源地的保护情况，听取

了县水务局的工作汇报。视察组要

求加快管网改造，让群众喝上放心

水，确保各项措施落到实处见效。

清晨，南梁镇的山坳里炊烟袅袅，

几位政协委员沿着新修的水渠一路察看，

不时停下脚步和正在浇地的群众拉起家

常，询问今年的收成和用水情况。这是

合水县政协委员下乡履职的一个场景。

今年以来，合水县政协组织委员深

入田间地头，帮助群众解决了一批生产

生活中的实际困难和问题。
"""

# A first line opening on a quote, one character short of a full line: the quote, set half width
# where the page was set, ate half of the two-character indent.
COLUMN_QUOTE_OPENING_AFTER_A_FULL_LINE = """\
 本报华池讯（通讯员高 原）6月2日，华

池县政协组织委员视察全县农村饮水安全

工作，实地察看了三处供水工程和水源地

保护情况，听取了有关部门的情况汇报。

“管网改好了，自来水通到了灶台边，

吃水再也不用挑了。”村民老李说。近年

来，县里持续加大投入，农村自来水普及

率逐年提高，群众生活条件明显改善。
"""


class ParagraphAfterAFullSentenceLineTests(SimpleTestCase):
    def texts(self, page: str) -> list[str]:
        return [block.text for block in read_page("full.txt", page.encode()).blocks]

    def test_first_line_of_a_wider_column_opens_a_paragraph(self):
        texts = self.texts(COLUMN_WIDER_FEATURE_AFTER_A_FULL_LINE)
        self.assertTrue(texts[0].endswith("确保各项措施落到实处见效。"))
        self.assertTrue(texts[1].startswith("清晨，南梁镇的山坳里炊烟袅袅，"))

    def test_line_opening_on_a_quote_a_character_short_opens_a_paragraph(self):
        texts = self.texts(COLUMN_QUOTE_OPENING_AFTER_A_FULL_LINE)
        self.assertEqual(len(texts), 2)
        self.assertTrue(texts[1].startswith("“管网改好了，自来水通到了灶台边，"))


# A story ending, its title, and the next title glued by a single line break to a story that opens
# on its date with no dateline: the title is not the first line of that story's paragraph.
COLUMN_TITLE_OVER_A_DATED_LEAD = """\
 本报永登讯（通讯员王 红）3 月 2 日，

永登县政协组织委员深入树屏镇、城

关镇等地，就农村供水工程建设情况开

展专题视察，实地察看水厂运行情况。

永登县政协视察农村供水工程建设

皋兰县政协调研设施农业发展工作
3 月 5 日，皋兰县政协主席李明带领

部分委员，深入石洞镇、忠和镇等地

的日光温室基地，调研设施农业发展

情况，听取了相关部门的工作汇报。
"""


class TitleOverDatedLeadTests(SimpleTestCase):
    def test_whole_title_before_a_line_opening_on_a_date_stays_a_title(self):
        page = read_page("dated.txt", COLUMN_TITLE_OVER_A_DATED_LEAD.encode())
        texts = [block.text for block in page.blocks]
        self.assertEqual(texts[1:3], ["永登县政协视察农村供水工程建设", "皋兰县政协调研设施农业发展工作"])
        self.assertTrue(texts[3].startswith("3月5日，皋兰县政协主席李明带领部分委员"))


# A byline broken after a letter-spaced name, the next name printed after a space at the start of
# the following line.
COLUMN_BYLINE_BROKEN_AFTER_A_SPACED_NAME = """\
 本报渭源讯（通讯员马 林
 陈晓东）4 月 3 日，渭源县政协组织

委员深入田家河乡调研中药材产业发

展情况，提出意见建议 12 条。
"""


class BylineBrokenAfterASpacedNameTests(SimpleTestCase):
    def test_space_opening_the_next_line_parts_two_names(self):
        page = read_page("byline.txt", COLUMN_BYLINE_BROKEN_AFTER_A_SPACED_NAME.encode())
        self.assertTrue(page.blocks[0].text.startswith("本报渭源讯（通讯员马林 陈晓东）4月3日，"))


# A dateline whose line ends with its byline of two names, the story's date on the next line.
COLUMN_DATELINE_ENDING_WITH_ITS_BYLINE = """\
 本报临洮讯（通讯员王静 李晓峰）

4 月 6 日，临洮县政协组织委员深入

洮阳镇、八里铺镇等地，调研城乡供水

工程建设情况，提出意见建议 8 条。
"""


class DatelineLineTests(SimpleTestCase):
    def test_dateline_ending_with_two_names_runs_on_into_the_date(self):
        page = read_page("dateline.txt", COLUMN_DATELINE_ENDING_WITH_ITS_BYLINE.encode())
        self.assertEqual(len(page.blocks), 1)
        self.assertTrue(page.blocks[0].text.startswith("本报临洮讯（通讯员王静 李晓峰）4月6日，临洮县政协"))


# A line reading as a whole title ("……县政协将以此次考察调研为") set as wide as the full line ending a
# sentence before it and the punctuated line after it, which is no indented first line.
COLUMN_TITLE_LIKE_LINE_IN_RUNNING_TEXT = """\
 本报山丹讯（通讯员李 四）6月2日，

山丹县政协组织委员考察焉支山文旅

项目建设情况。委员们认为，项目推

进有力，相关经验做法值得借鉴。

山丹县政协将以此次考察调研为

契机，持续助推文旅产业发展壮

大。

山丹县政协考察焉支山文旅项目
"""


class TitleLikeRunningLineTests(SimpleTestCase):
    def test_title_like_line_as_wide_as_the_running_lines_around_it_runs_on(self):
        page = read_page("running.txt", COLUMN_TITLE_LIKE_LINE_IN_RUNNING_TEXT.encode())
        self.assertEqual(
            [block.text for block in page.blocks],
            [
                "本报山丹讯（通讯员李四）6月2日，山丹县政协组织委员考察焉支山文旅项目建设情况。"
                "委员们认为，项目推进有力，相关经验做法值得借鉴。山丹县政协将以此次考察调研为契机，"
                "持续助推文旅产业发展壮大。",
                "山丹县政协考察焉支山文旅项目",
            ],
        )


class TitleAfterAParagraphEndTests(SimpleTestCase):
    """A whole title after a paragraph's short last line, the next article's first line no wider
    than it, in a column whose estimate leans to the narrower column before (so that first line
    measures as full there)."""

    def setUp(self):
        self.title = PrintedLine(17, "高台县政协视察设施农业高质量发展", 32, 1)
        self.first = PrintedLine(19, "傍晚，祁连山下的小村子里，几位政", 32, 1)
        self.column = Column(32, 32)

    def test_title_after_a_paragraph_end_stays_a_title(self):
        ended = (True, False)
        self.assertFalse(_column_continues([self.title], 32, self.first, self.column, self.column, ended))

    def test_same_lines_mid_paragraph_are_not_told_apart_from_running_text(self):
        self.assertTrue(_column_continues([self.title], 32, self.first, self.column, self.column))
