"""Segmentation: pages cut into articles with their titles, datelines and bylines. Pure: no database.

The expected articles below were written from reading each page, not from the program's output.
"""

# ruff: noqa: E501 -- page text must keep its printed lines, and one expected article is one row.

from pathlib import Path

from django.test import SimpleTestCase

from importer.parsing import titles
from importer.parsing.segment import feature_start, segment_page
from importer.reading import read_page

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# (headline, kicker, subtitle, column, dateline, correspondents, photographers, kind)
EXPECTED = {
    "000": [
        ("嘉峪关市政协召开党组理论学习中心组(扩大)会议", None, "行而不辍抓学习 驰而不息抓落实", None,
         "嘉峪关", ["苏天泰"], [], "news"),
        ("嘉峪关市政协在酒泉市开展专题考察调研", None, "相邻相知双城联动 合力合作共建新路", None,
         "酒泉", ["张海超", "刘津津"], [], "news"),
        ("武威市政协召开五届七次常委会会议", None, "扎实推进乡村建设 努力打造和美乡村", None,
         "武威", ["康天琴"], [], "news"),
        ("定西市政协召开五届十次常委会会议", None, "真正把协商在基层实践好落实好", None,
         "定西", ["张强"], [], "news"),
        ("庆阳市政协“智慧政协”云平台上线运行", None, None, None, "庆阳", ["张烨"], [], "news"),
        ("打造委员履职“新阵地” 搭建服务群众“新平台”", None, "——安定区政协创建委员联络工作室小记", None,
         None, ["安艳贞"], [], "feature"),
        (None, None, None, None, None, [], ["郭海军"], "photo"),
        (None, None, None, None, None, [], ["鱼勇", "赵婷婷"], "photo"),
        ("陇西县政协召开党组理论学习中心组(扩大)会议暨主席会议", None, "真正以作风大转变推动工作大提升", None,
         "陇西", ["杨军林"], [], "news"),
        ("通渭县政协召开“三抓三促”行动推进会议", None, "以工作高质量发展实效检验“三抓三促”行动成效", None,
         "通渭", ["苟晓龙"], [], "news"),
    ],
    "001": [
        ("委员“动”起来 工作“活”起来 履职“实”起来", None, "——古浪县政协用心用情搭建平台为履职工作注入源头活水",
         "推进社会主义协商民主广泛多层制度化发展新实践", None, ["王梅梅", "朱莹霞"], [], "feature"),
        ("兰州市政协开展“夏日送清凉·慰问暖人心”活动", "兰州市政协", None, None, "兰州", ["陈熙强"], [], "news"),
        ("酒泉市政协调研第六届敦煌文博会展筹备情况", "酒泉市政协", None, None, "酒泉", ["刘津津"], [], "news"),
        ("玉门市政协开展风光电新能源建设监督视察", None, None, None, None, [], ["陈刚"], "photo"),
        ("西固区政协加快推进棚户区改造重点项目建设", "西固区政协", None, None, "西固",
         ["曾立玺", "王美琪"], [], "news"),
        ("甘州区政协聚力打造优质农产品品牌", "甘州区政协", None, None, "甘州", ["任学军"], [], "news"),
        ("临洮县政协：建言全县“十四五”规划实施", None, None, None, "临洮", ["甘文景"], [], "news"),
        ("提振干部精气神 展现政协新作为", None, None, None, None, [], [], "feature"),
    ],
    "002": [
        ("嘉峪关市政协召开党组理论学习中心组（扩大）会议", None, "坚定站位强定力 团结民主聚合力", None,
         "嘉峪关", ["苏天泰"], [], "news"),
        ("两当县政协十届二次会议开幕", None, "建言献策谋大事 参政议政促发展", None, "两当", ["罗琼"], [], "news"),
        ("白银市政协召开党组理论学习中心组（扩大）会议", None, "增强履职效能 坚持双向发力", None,
         "白银", ["张子慧"], [], "news"),
        ("牢记职责使命 主动担当作为", None, "——礼县政协推进各项工作在实践中创新发展扫描", None,
         None, ["李正轩"], [], "feature"),
        ("金昌市政协召开专题学习会议", None, "转变观念提信心 对标对表转作风", None, "金昌", ["陆漪洁"], [], "news"),
        ("金塔县政协召开党组理论学习中心组会议", "金塔县政协", None, None, "金塔", ["马学钢"], [], "news"),
        ("民乐县政协十届二次会议召开", None, "踔厉奋发新征程 勇担重任显作为", None, "民乐", ["李育才"], [], "news"),
        ("西和县政协开展春节前“送温暖”慰问活动", None, None, None, None, [], ["赵婷婷"], "photo"),
    ],
    "003": [
        ("定西市政协召开省政协专项课题研究推进会议", "定西市政协", None, None, "定西", ["郑天旺"], [], "news"),
        ("陇西县政协召开十一届十二次常委会会议", "陇西县政协", None, None, "陇西",
         ["张鹏程", "杨军林"], [], "news"),
        ("玉门市政协调研督查政协协商向基层延伸工作", "玉门市政协", None, "调研视察", "玉门", ["谢雯"], [], "news"),
        ("环县政协关注优化营商环境惠企政策落实", "环县政协", None, None, "环县", ["米建勇"], [], "news"),
        ("两当县政协助推全县教育“双减”政策落实", "两当县政协", None, None, "两当", ["罗琼"], [], "news"),
        ("结对认亲显真情 帮扶关爱暖人心", None, "——高台县政协开展“结对帮扶·爱心高台”建设工程行动小记",
         "“结对帮扶·爱心甘肃”", None, ["赵辉"], [], "feature"),
        ("徽县政协促进银企对接 助力银企共赢", "徽县政协", None, None, None, [], ["李旭红"], "photo"),
        (None, None, None, None, None, [], [], "feature"),
    ],
    "004": [
        ("兰州市政协开展委员联系服务界别群众工作观摩互鉴活动", None, None, None, "兰州",
         ["陈熙强", "汪国华"], [], "news"),
        ("酒泉市政协助推酒泉市与泉州市友好城市建设开花结果", None, None, None, "酒泉", ["刘津津"], [], "news"),
        ("临夏市政协召开提案办理进展情况汇报座谈会", None, None, None, "临夏", ["马旭"], [], "news"),
        (None, None, None, None, None, [], [], "feature"),
        ("宁县政协检查指导软弱涣散党组织整顿及防汛备汛工作", "宁县政协", None, None, "宁县", ["邓良"], [], "news"),
        ("临泽县政协加快推进“一库两册”文史资料征编工作", "临泽县政协", None, None, "临泽", ["王建文"], [], "news"),
        ("通渭县政协：让老百姓共享生态林业建设成果", None, None, None, "通渭", ["蒲旭红"], [], "news"),
        ("高台县政协：聚焦全县上半年经济社会发展情况", None, None, None, "高台", ["赵红燕"], [], "news"),
        ("甘谷县政协：提升服务管理能力 打造和谐物业环境", None, None, "调研视察", "甘谷", ["李瑾"], [], "news"),
    ],
}  # fmt: skip

# A column page of my own: three bodies, then their titles in another order with a deck among
# them, a caption with no title, a caption whose title is glued after its photo credit. Titles are
# set shorter than the column, as on the seed pages.
OWN_COLUMN_PAGE = """\
 本报武山讯（通讯员李 明）3 月 2
日，武山县政协召开十届五次常委会会

议，审议通过了全县农村人居环境整治

调研报告。

会议要求，要聚焦乡村振兴重点任务，

深入开展调查研究，切实提高建言资政

质量。

 本报秦安讯（通讯员王 芳 赵小军）3
月 3 日，秦安县政协组织委员调研农村

饮水安全工作，先后深入五个乡镇查看

供水工程。

调研组指出，要守牢饮水安全底线，加

快管网改造，让群众喝上放心水。

 本报漳县讯 3 月 4 日，漳县政协组织

部分委员视察义务教育均衡发展情况，

实地察看了三所学校的办学条件。

（马 丽）

漳县政协视察教育均衡发展

守牢饮水底线 喝上放心水

武山县政协召开常委会会议

秦安县政协调研饮水安全

3月5日，岷县政协组织委员在中寨镇开展义诊活动，为群众免费检查身体、发放药品。

通讯员 王强 摄影报道

3月6日，宕昌县政协机关干部走访慰问困难群众，送去米面油等生活物资。 通讯员 陈 晨 摄影报道宕昌县政协开展春季走访慰问活动
"""

# A paragraph page of my own: a kicker, a labelled commentary, an untitled caption, and a
# continuation whose printed headline comes before its mark and section heads after it.
OWN_PARAGRAPH_PAGE = """\
省政协

召开十三届二次主席会议

本报兰州讯（通讯员张 三）3月1日,省政协召开十三届二次主席会议,研究部署近期重点工作。会议听取了各专门委员会关于上半年工作情况的汇报,并对下一阶段工作提出了明确要求和具体安排部署

意见。

会议强调,要围绕中心服务大局,扎实做好各项工作。

短评

让协商成果落地见效

协商成果只有落地见效,才能真正惠及群众。各级政协要盯住协商成果转化,推动问题解决。(李四)

3月2日,康县政协组织委员在城关镇开展法律咨询服务活动,为群众解答法律问题。

赵五 摄影报道

提振精神再出发

(续二版)

抓好协商议政

省政协持续深化协商议政工作,全年召开协商会议十余次,形成了一批高质量成果。

抓好民主监督

省政协围绕重点工作开展民主监督,推动解决了一批群众关心的问题。
"""


def seed_segments(prefix: str):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return segment_page(read_page(path.name, path.read_bytes()))


def summary(segment) -> tuple:
    return (
        segment.headline,
        segment.kicker,
        segment.subtitle,
        segment.column,
        segment.dateline,
        segment.correspondents,
        segment.photographers,
        segment.kind,
    )


class SeedSegmentationTests(SimpleTestCase):
    def test_each_seed_has_the_articles_a_reader_sees(self):
        for prefix, expected in EXPECTED.items():
            segments = seed_segments(prefix)
            with self.subTest(seed=prefix, count=True):
                self.assertEqual(len(segments), len(expected))
            for position, (segment, article) in enumerate(zip(segments, expected, strict=False), start=1):
                with self.subTest(seed=prefix, position=position):
                    self.assertEqual(summary(segment), article)

    def test_bodies_lose_dateline_prefix_and_trailing_byline(self):
        segments = seed_segments("000")
        self.assertTrue(segments[0].paragraphs[0].startswith("6月8日,嘉峪关市政协党组书记"))
        self.assertTrue(segments[3].paragraphs[-1].endswith("开展专题视察。"))
        self.assertNotIn("(杨军林)", segments[8].body)

    def test_photo_credit_is_removed_from_the_caption(self):
        caption = seed_segments("001")[3]
        self.assertTrue(caption.body.endswith("积极建言献策。"))

    def test_continuations_keep_section_heads_in_the_body(self):
        continuation = seed_segments("001")[-1]
        self.assertTrue(continuation.continuation)
        self.assertEqual(continuation.paragraphs[0], "突出“细”字抓落实 努力提升工作质效")
        self.assertIn("突出“实”字抓效能 全面汇聚发展合力", continuation.paragraphs)
        unprinted = seed_segments("003")[-1]
        self.assertTrue(unprinted.continuation)
        self.assertEqual(unprinted.paragraphs[0], "加强市县联动,广泛凝聚上下招商协同力")

    def test_column_feature_keeps_its_section_heads(self):
        feature = seed_segments("002")[3]
        self.assertIn("重视学习 提升履职能力", feature.paragraphs)
        self.assertIn("聚焦中心 主动履行职责", feature.paragraphs)
        dingxi = seed_segments("004")[3]
        self.assertTrue(dingxi.paragraphs[0].startswith("今年以来，定西市政协"))
        self.assertIn("‖创品牌，将群众“愿望清单”作为委员“履职清单”", dingxi.paragraphs)

    def test_title_without_body_is_a_review_reason_not_an_article(self):
        segments = seed_segments("004")
        orphan = "甘州区政协委员工作站开展协商议事活动助力民生问题解决"
        carriers = [segment for segment in segments if f"未配对的标题：{orphan}" in segment.review_reasons]
        self.assertEqual(len(carriers), 1)
        self.assertNotIn(orphan, [segment.headline for segment in segments])

    def test_line_ranges_cover_body_and_own_titles(self):
        segments = seed_segments("001")
        self.assertEqual((segments[1].first_line, segments[1].last_line), (33, 45))
        self.assertEqual(segments[1].line_ranges, [(33, 45)])
        ningxian = seed_segments("004")[4]
        self.assertEqual((ningxian.first_line, ningxian.last_line), (356, 413))
        self.assertEqual(ningxian.line_ranges, [(356, 413)])
        first = seed_segments("002")[0]
        self.assertEqual(first.first_line, 1)
        self.assertEqual(first.line_ranges[-1], (511, 511))
        self.assertLess(len(first.line_ranges), 6)

    def test_segments_come_in_printed_order_of_bodies(self):
        for prefix in EXPECTED:
            lines = [segment.first_line for segment in seed_segments(prefix)]
            with self.subTest(seed=prefix):
                self.assertEqual(lines, sorted(lines))


class OwnPageTests(SimpleTestCase):
    def test_column_page_pairs_shuffled_titles_by_content(self):
        segments = segment_page(read_page("own-column.txt", OWN_COLUMN_PAGE.encode()))
        self.assertEqual(
            [summary(segment) for segment in segments],
            [
                ("武山县政协召开常委会会议", None, None, None, "武山", ["李明"], [], "news"),
                ("秦安县政协调研饮水安全", None, "守牢饮水底线 喝上放心水", None,
                 "秦安", ["王芳", "赵小军"], [], "news"),
                ("漳县政协视察教育均衡发展", None, None, None, "漳县", ["马丽"], [], "news"),
                (None, None, None, None, None, [], ["王强"], "photo"),
                ("宕昌县政协开展春季走访慰问活动", None, None, None, None, [], ["陈晨"], "photo"),
            ],
        )  # fmt: skip
        self.assertEqual(
            segments[0].paragraphs[0],
            "3月2日，武山县政协召开十届五次常委会会议，审议通过了全县农村人居环境整治调研报告。",
        )
        self.assertEqual(
            segments[2].body,
            "3月4日，漳县政协组织部分委员视察义务教育均衡发展情况，实地察看了三所学校的办学条件。",
        )

    def test_paragraph_page_with_commentary_caption_and_continuation(self):
        segments = segment_page(read_page("own-paragraph.txt", OWN_PARAGRAPH_PAGE.encode()))
        self.assertEqual(
            [summary(segment) for segment in segments],
            [
                ("省政协召开十三届二次主席会议", "省政协", None, None, "兰州", ["张三"], [], "news"),
                ("让协商成果落地见效", None, None, "短评", None, ["李四"], [], "commentary"),
                (None, None, None, None, None, [], ["赵五"], "photo"),
                ("提振精神再出发", None, None, None, None, [], [], "feature"),
            ],
        )
        self.assertTrue(segments[0].paragraphs[0].endswith("具体安排部署意见。"))
        self.assertTrue(segments[3].continuation)
        self.assertEqual(
            segments[3].paragraphs,
            [
                "抓好协商议政",
                "省政协持续深化协商议政工作,全年召开协商会议十余次,形成了一批高质量成果。",
                "抓好民主监督",
                "省政协围绕重点工作开展民主监督,推动解决了一批群众关心的问题。",
            ],
        )

    def test_date_lead_after_another_committee_starts_an_article(self):
        text = (
            "本报华池讯 5月6日,华池县政协召开常委会会议。\n\n会议要求,要抓好落实。\n\n"
            "今年以来,合水县政协把调研工作作为重点,组织委员开展调研十余次。\n"
        )
        segments = segment_page(read_page("cue.txt", text.encode()))
        self.assertEqual([segment.body[:5] for segment in segments], ["5月6日,", "今年以来,"])


class EmptyPageTests(SimpleTestCase):
    def test_pages_without_articles_give_no_segments(self):
        cases = {
            "empty text": "\n",
            "whitespace": "  \n\t\n\u3000\n",
            "masthead only": "甘肃政协报\n\n第3版\n",
        }
        for name, text in cases.items():
            with self.subTest(name=name):
                self.assertEqual(segment_page(read_page("p.txt", text.encode())), [])


# A paragraph page: a feature whose section heads carry event words ("调研") and whose sections
# speak of "县政协" without naming it again.
FEATURE_WITH_SECTION_HEADS = """\
守好一方净土 护好一江清水

——玛曲县政协助力黄河首曲生态保护纪实

通讯员 才让卓玛

近年来,玛曲县政协把助力黄河首曲生态保护作为履职重点,调研、协商、监督协同发力。

聚焦保护 在调研中找准症结

县政协组织委员深入8个乡镇、30多个牧业村,围绕草原退化治理开展专题调研。

聚力协商 在议政中凝聚共识

县政协先后召开黄河首曲湿地保护专题协商会2次,推动出台湿地管护员选聘办法。
"""

# A column page: a paragraph whose first line the reflow leaves on its own, a sentence's first
# line that opens with a committee, then a continuation from another page under its mark.
COLUMN_RUNNING_TEXT = """\
 本报酒泉讯（通讯员张海超）6 月 9 日，嘉

峪关市政协考察调研组来酒泉市，就文

旅融合进行专题考察调研。

调研组先后前往北大河商业

步行街、祁连苇海大景区、酒

泉文化创意产业园实地查看，全

面了解酒泉市文旅融合发展的经验做

法。

嘉峪关市政协在酒泉市开展专题考察调研

（接一版）

加强市县联动 凝聚招商合力

酒泉市政协建立资源信息共享、工作联

合出击机制，分赴周边省市开展专题调

研，推进项目融合发展。

酒泉市政协也积极 指导各

县（市、区）政协进行差异化招商、差

异化发展，开展主导产业链条招商。
"""


class RunningTextTests(SimpleTestCase):
    def test_feature_section_heads_with_event_words_stay_in_the_body(self):
        segments = segment_page(read_page("feature.txt", FEATURE_WITH_SECTION_HEADS.encode()))
        self.assertEqual(len(segments), 1)
        self.assertEqual(segments[0].headline, "守好一方净土 护好一江清水")
        self.assertIn("聚力协商 在议政中凝聚共识", segments[0].paragraphs)
        self.assertTrue(segments[0].body.endswith("推动出台湿地管护员选聘办法。"))

    def test_column_lines_read_as_titles_stay_in_running_text(self):
        segments = segment_page(read_page("running.txt", COLUMN_RUNNING_TEXT.encode()))
        self.assertEqual(
            [(segment.headline, segment.continuation) for segment in segments],
            [("嘉峪关市政协在酒泉市开展专题考察调研", False), (None, True)],
        )
        self.assertIn("调研组先后前往北大河商业步行街、祁连苇海大景区", segments[0].body)
        self.assertEqual(segments[1].paragraphs[0], "加强市县联动 凝聚招商合力")
        self.assertEqual(segments[1].kind, "feature")
        self.assertTrue(segments[1].body.endswith("开展主导产业链条招商。"))


# A column page where a one-phrase deck and its headline both say what one body says, and a
# title printed twice on a line that no body on the page says.
COLUMN_SHARED_BODY = """\
 本报陇西讯（通讯员杨军林）6 月 13 日，陇

西县政协召开主席会议。会议要求，要

汲取教训、引起警醒，真正以作风大转

变推动工作大提升。

 本报通渭讯（通讯员苟晓龙）6 月 9 日，通

渭县政协召开推进会议。会议强调，以

工作高质量发展实效检验行动成效。

真正以作风大转变推动工作大提升

陇西县政协召开主席会议

通渭县政协召开推进会议

甘州区政协开展协商议事活动甘州区政协开展协商议事活动
"""


class TitlePairingTests(SimpleTestCase):
    def setUp(self):
        self.page = read_page("shared.txt", COLUMN_SHARED_BODY.encode())
        self.segments = segment_page(self.page)

    def test_deck_and_headline_of_one_body_are_both_paired(self):
        self.assertEqual(
            [(segment.headline, segment.subtitle) for segment in self.segments],
            [("陇西县政协召开主席会议", "真正以作风大转变推动工作大提升"), ("通渭县政协召开推进会议", None)],
        )

    def test_title_no_body_says_is_a_review_reason_of_the_nearest_article(self):
        self.assertIn("未配对的标题：甘州区政协开展协商议事活动", self.segments[1].review_reasons)

    def test_source_text_is_the_articles_own_lines(self):
        longxi = self.segments[0]
        self.assertEqual(longxi.line_ranges, [(1, 7), (15, 17)])
        text = self.page.source_text(longxi.line_ranges)
        self.assertTrue(text.startswith(" 本报陇西讯（通讯员杨军林）"))
        self.assertTrue(
            text.endswith("变推动工作大提升。\n…\n真正以作风大转变推动工作大提升\n\n陇西县政协召开主席会议")
        )
        self.assertNotIn("通渭", text)


# A column feature opening on a quote: a later paragraph names its committee for the first time,
# and after the body come its "——" subtitle, byline, banner and slogan title.
COLUMN_FEATURE = """\
“前一茬收的蔬菜价格咋样？”

“好着哩，今年效益不错。”在横梁乡

春晖新村，县政协委员正在走访种植大户。

今年以来，古浪县政协先后组织委员

举办培训班，推动协商成果转化落实，

为乡村振兴提供了强大助力。

——古浪县政协用心用情搭建平台为履职工作注入源头活水

通讯员 王梅梅 朱莹霞

推进社会主义协商民主广泛多层制度化发展新实践

委员“动”起来 工作“活”起来 履职“实”起来
"""


class ColumnFeatureTests(SimpleTestCase):
    def test_feature_opening_without_dateline_keeps_its_later_paragraphs(self):
        segments = segment_page(read_page("feature.txt", COLUMN_FEATURE.encode()))
        self.assertEqual(
            [summary(segment) for segment in segments],
            [
                ("委员“动”起来 工作“活”起来 履职“实”起来", None, "——古浪县政协用心用情搭建平台为履职工作注入源头活水",
                 "推进社会主义协商民主广泛多层制度化发展新实践", None, ["王梅梅", "朱莹霞"], [], "feature"),
            ],
        )  # fmt: skip
        self.assertTrue(segments[0].body.endswith("为乡村振兴提供了强大助力。"))


# A column news story followed at once by a feature opening on two quotes that name nobody; the
# feature's committee is named first in its third paragraph, and no title line stands between them.
COLUMN_NEWS_THEN_FEATURE = """\
 本报华亭讯（通讯员周 凯）5 月 9 日，华

亭市政协召开专题协商会，围绕煤炭产

业转型升级协商议政。

会议指出，华亭市政协要持续跟踪协

商成果落实，助推产业提质增效。

“这条路修通以后，果子运出去

方便多了。”

“是啊，以前下一场雨就出不了

村。”

这是在静宁县政协委员工作站的协商

现场，委员和群众围坐在一起拉家常。

今年以来，静宁县政协坚持把协商

议事室建在群众家门口，推动解决了

一批群众急难愁盼问题。

——静宁县政协推进基层协商工作纪实

通讯员 马 丽

把协商议事室建在群众家门口

华亭市政协召开专题协商会
"""


class NewsThenFeatureTests(SimpleTestCase):
    def setUp(self):
        self.segments = segment_page(read_page("news-feature.txt", COLUMN_NEWS_THEN_FEATURE.encode()))

    def test_feature_takes_its_quoted_opening_back_from_the_news_story(self):
        self.assertEqual(
            [summary(segment) for segment in self.segments],
            [
                ("华亭市政协召开专题协商会", None, None, None, "华亭", ["周凯"], [], "news"),
                ("把协商议事室建在群众家门口", None, "——静宁县政协推进基层协商工作纪实", None, None,
                 ["马丽"], [], "feature"),
            ],
        )  # fmt: skip
        self.assertTrue(self.segments[0].body.endswith("助推产业提质增效。"))
        self.assertTrue(self.segments[1].body.startswith("“这条路修通以后，果子运出去方便多了。”"))

    def test_each_article_covers_only_its_own_lines(self):
        news, feature = self.segments
        self.assertEqual(news.line_ranges, [(1, 9), (35, 35)])
        self.assertEqual(feature.line_ranges, [(11, 33)])


class OpeningCommitteeTests(SimpleTestCase):
    def test_a_paragraph_opening_on_a_committee_names_it(self):
        for paragraph, name in [
            ("今年以来，定西市政协把委员联系服务界别群众工作作为履职新途径。", "定西市"),
            ("7月5日，环县政协组织部分委员开展专项监督。", "环县"),
            ("张家川县政协召开十届三次会议。", "张家川县"),
        ]:
            with self.subTest(paragraph=paragraph):
                self.assertEqual(titles.opening_committee(paragraph), name)

    def test_words_that_are_no_place_before_a_committee_name_nothing(self):
        for paragraph in [
            "希望两市政协系统进一步加强合作交流。",
            "这是在安定区政协教卫体委员联络活动室的活动现场。",
            "会上，各县政协主席作了交流发言。",
            "会议决定，由县政协副主席周文军牵头，组织委员开展专题调研。",
        ]:
            with self.subTest(paragraph=paragraph):
                self.assertIsNone(titles.opening_committee(paragraph))

    def test_a_story_goes_on_through_a_paragraph_putting_its_committee_in_charge(self):
        """ "由县政协……牵头": the committee after a preposition is no paragraph's subject, so the
        paragraph is the story's, not a new article."""
        page = (
            "民勤县政协召开主席会议\n\n"
            "本报民勤讯(通讯员 周 敏)4月9日,民勤县政协召开十届十二次主席会议,研究年度视察工作。\n\n"
            "会议决定,由县政协副主席周文军牵头,组织委员对防沙治沙工作开展专题视察。\n"
        )
        segments = segment_page(read_page("in_charge.txt", page.encode()))
        self.assertEqual(len(segments), 1)
        self.assertEqual(len(segments[0].paragraphs), 2)


# A feature's subtitle and byline follow its body, but its slogan title is printed only in the
# run after the next story, among that story's titles.
COLUMN_FEATURE_TITLED_LATER = """\
今年以来，会宁县政协把委员工作站

建在乡镇，组织委员下沉一线听民声。

各工作站围绕产业发展开展协商，推

动解决了一批实际问题。

——会宁县政协推进委员工作站建设侧记

通讯员 李 静

 本报靖远讯（通讯员王 涛）6 月 3 日，

靖远县政协召开主席会议，研究部署

下半年重点工作。

靖远县政协召开主席会议

委员下沉听民声 协商议事解民忧
"""


class FeatureTitledLaterTests(SimpleTestCase):
    def test_slogan_printed_in_a_later_run_titles_the_feature(self):
        segments = segment_page(read_page("later.txt", COLUMN_FEATURE_TITLED_LATER.encode()))
        self.assertEqual(
            [summary(segment) for segment in segments],
            [
                ("委员下沉听民声 协商议事解民忧", None, "——会宁县政协推进委员工作站建设侧记", None, None,
                 ["李静"], [], "feature"),
                ("靖远县政协召开主席会议", None, None, None, "靖远", ["王涛"], [], "news"),
            ],
        )  # fmt: skip


# A news story closed by its trailing byline, then right after it and with no title between them
# a feature opening on a scene: neither a quote nor a committee marks where it begins.
COLUMN_BYLINE_THEN_FEATURE = """\
 本报山丹讯 4月2日，山丹县政协组织委

员视察全县春耕备耕工作，实地察看了农

资储备和农机检修情况。（周 丽）

傍晚，祁连山下的村庄升起炊烟，

几位委员还在田埂上和农户商量着

种子和化肥的事。

今年以来，民乐县政协把委员联系

农户作为履职的重要内容，帮助解决

了一批生产中的实际困难。

——民乐县政协委员服务春耕生产侧记

通讯员 张 宁

山丹县政协视察春耕备耕工作

委员田间问需 履职服务春耕
"""


# How the two pages below read: a news story from 山丹, then a feature from 民乐 with its subtitle.
NEWS_THEN_SCENE_FEATURE = [
    ("山丹县政协视察春耕备耕工作", None, None, None, "山丹", ["周丽"], [], "news"),
    ("委员田间问需 履职服务春耕", None, "——民乐县政协委员服务春耕生产侧记", None, None, ["张宁"], [], "feature"),
]  # fmt: skip


class TrailingBylineTests(SimpleTestCase):
    def test_trailing_byline_ends_the_story_before_a_feature_opening_on_a_scene(self):
        segments = segment_page(read_page("byline.txt", COLUMN_BYLINE_THEN_FEATURE.encode()))
        self.assertEqual([summary(segment) for segment in segments], NEWS_THEN_SCENE_FEATURE)
        self.assertTrue(segments[1].body.startswith("傍晚，祁连山下的村庄升起炊烟"))


# A news story set 18 characters wide, then with no title between them a feature set 13 wide that
# opens on a scene: neither a quote nor a committee marks where it begins, only the column width.
COLUMN_NEWS_THEN_NARROWER_FEATURE = """\
 本报山丹讯（通讯员周 丽）4月2日，山丹

县政协组织部分委员视察全县春耕备耕工

作，先后来到位奇镇、陈户镇等地，实地

察看农资储备、农机检修和种子供应情况。

视察组建议，要加强农资市场监管，

确保农资质量和价格稳定，及时做好农技

指导服务，为全年粮食丰收打好基础。

傍晚，祁连山下的村庄升起

炊烟，几位委员还在田埂上和

农户商量着种子和化肥的事。

“有委员帮着出主意，今年

种啥心里有底了。”农户老

王笑着说。

这是民乐县政协委员联系农

户的一个场景。今年以来，民

乐县政协把委员联系农户作为

履职的重要内容，帮助解决了

一批生产中的实际困难。

——民乐县政协委员服务春耕生产侧记

通讯员 张 宁

山丹县政协视察春耕备耕工作

委员田间问需 履职服务春耕
"""


class ColumnWidthChangeTests(SimpleTestCase):
    def test_feature_opening_on_a_scene_begins_where_the_column_narrows(self):
        segments = segment_page(read_page("width.txt", COLUMN_NEWS_THEN_NARROWER_FEATURE.encode()))
        self.assertEqual([summary(segment) for segment in segments], NEWS_THEN_SCENE_FEATURE)
        self.assertTrue(segments[0].body.endswith("为全年粮食丰收打好基础。"))
        self.assertTrue(segments[1].body.startswith("傍晚，祁连山下的村庄升起炊烟"))

    def test_feature_start_prefers_the_one_width_change_to_the_quotes(self):
        paragraphs = ["4月2日，山丹县政协视察春耕。", "视察组建议，加强监管。", "视察组还察看了种子供应。",
                      "“今年种啥心里有底了。”", "这是民乐县政协委员联系农户的一个场景。"]  # fmt: skip
        subtitle = "——民乐县政协委员服务春耕生产侧记"
        self.assertEqual(feature_start(paragraphs, ["山丹"], subtitle, [36, 36, 26, 26, 26]), 2)
        self.assertEqual(feature_start(paragraphs, ["山丹"], subtitle, [36, 36, None, 26, 26]), 3)
        self.assertEqual(feature_start(paragraphs, ["山丹"], subtitle), 3)
        # Two changes in reach are noise, not an article's edge: the quotes decide.
        self.assertEqual(feature_start(paragraphs, ["山丹"], subtitle, [36, 28, 36, 26, 26]), 3)


# A column page opening on a continuation mark and a section head: the story continued from another
# page, then a news story, then the titles of both printed after them.
COLUMN_PAGE_OPENING_ON_A_CONTINUATION = """\
（接二版）

强化学习 筑牢思想根基

县政协坚持把理论学习摆在首位，

全年组织集中学习十二次，委员履

职能力明显提升。

 本报岷县讯（通讯员杜 华）6月3日，

岷县政协召开主席会议，研究部署

下半年重点工作。

会议要求，要聚焦中心任务，扎实

开展调研视察。

岷县政协召开主席会议

抓理论学习 提升履职能力
"""


class ContinuationOpeningTests(SimpleTestCase):
    def test_column_page_opening_on_a_continuation_prints_titles_after_bodies(self):
        segments = segment_page(read_page("continued.txt", COLUMN_PAGE_OPENING_ON_A_CONTINUATION.encode()))
        self.assertEqual(
            [(segment.headline, segment.dateline, segment.continuation) for segment in segments],
            [("抓理论学习 提升履职能力", None, True), ("岷县政协召开主席会议", "岷县", False)],
        )
        self.assertEqual(segments[0].paragraphs[0], "强化学习 筑牢思想根基")


# A news story, then in a column of the same width a feature opening on a scene, a quote and the
# quote's speaker on a line of his own; the feature names its committee only in its fourth paragraph.
COLUMN_NEWS_THEN_SCENE_IN_THE_SAME_WIDTH = """\
 本报古浪讯（通讯员王 静）5月8日，

古浪县政协组织部分委员视察全县防沙

治沙工作，先后来到八步沙林场、黄花

滩等地，察看压沙造林和苗木管护情况。

视察组建议，要持续巩固治沙成

果，完善管护机制，确保造林成效，为

筑牢西部生态安全屏障多作贡献。

傍晚，腾格里沙漠边缘的小村

里，几位委员围坐在农家小院，和乡亲

们一起算着今年的收入账，说着合作社

的新打算，院子里不时传来阵阵笑声。

“葡萄卖上了好价钱，日子越

过越有奔头，明年还要再扩种几亩地，

让更多的乡亲跟着一起增收致富。”

村民老马笑着说。

这是凉州区政协委员联系群众

的一个场景。今年以来，凉州区政协组

织委员深入乡村，帮助群众解决了一批

急难愁盼问题，委员履职更有底气了。

——凉州区政协委员联系群众工作侧记

通讯员 赵 明

古浪县政协视察防沙治沙工作

委员在身边 群众心里暖
"""


class SceneOpeningTests(SimpleTestCase):
    def test_feature_takes_its_scene_quote_and_speaker_from_the_story_before_it(self):
        page = read_page("scene.txt", COLUMN_NEWS_THEN_SCENE_IN_THE_SAME_WIDTH.encode())
        news, feature = segment_page(page)
        self.assertTrue(news.body.endswith("为筑牢西部生态安全屏障多作贡献。"))
        self.assertEqual(feature.paragraphs[0][:5], "傍晚，腾格")
        self.assertEqual(feature.paragraphs[2], "村民老马笑着说。")

    def test_a_later_paragraph_speaking_of_what_the_story_named_stays_in_the_story(self):
        paragraphs = ["4月2日，山丹县政协召开春耕座谈会。", "会上，委员们交流了意见。",
                      "“今年种啥心里有底了。”", "这是民乐县政协委员联系农户的一个场景。"]  # fmt: skip
        self.assertEqual(feature_start(paragraphs, ["山丹"], "——民乐县政协委员服务春耕生产侧记"), 2)
        paragraphs[1] = "清晨，委员们走进田间。"
        self.assertEqual(feature_start(paragraphs, ["山丹"], "——民乐县政协委员服务春耕生产侧记"), 1)


# A news story in a 16-character column, then a feature set two characters narrower opening on a
# scene and a quote whose last line carries its closing "。”" past the narrower column's edge.
COLUMN_NEWS_THEN_SCENE_WITH_A_HANGING_QUOTE = """\
 本报永登讯（通讯员李 明）6月3日，

永登县政协组织部分委员视察全县苦水

玫瑰产业发展情况，先后来到苦水镇、

树屏镇等地，察看种植基地和加工企业。

视察组建议，要延伸产业链条，

培育龙头企业，打响特色品牌，让玫

瑰产业成为群众增收致富的好产业。

清晨，黄河边的小村子里，

几位委员围坐在农家小院，和乡

亲们一起商量着合作社的新打算。

“今年蘑菇卖上了好价钱，

日子越过越有奔头，明年还要再

扩种几亩大棚，日子肯定错不了。”

村民老马高兴地笑着说。

这是皋兰县政协委员履职的

一个场景。今年以来，皋兰县政

协组织委员深入乡村，帮助群众

解决了一批急难愁盼问题，委员

履职更有底气，群众心里更暖了。

——皋兰县政协委员联系群众工作侧记

通讯员 赵 明

永登县政协视察苦水玫瑰产业发展

委员在身边 群众心里暖
"""


class HangingPunctuationTests(SimpleTestCase):
    def test_closing_punctuation_past_the_edge_does_not_move_the_column_change(self):
        page = read_page("hanging.txt", COLUMN_NEWS_THEN_SCENE_WITH_A_HANGING_QUOTE.encode())
        news, feature = segment_page(page)
        self.assertTrue(news.body.endswith("让玫瑰产业成为群众增收致富的好产业。"))
        self.assertEqual(feature.paragraphs[0][:6], "清晨，黄河边")
        self.assertEqual(feature.paragraphs[2], "村民老马高兴地笑着说。")


# A paragraph page of my own: a six-character column label over a headline, a one-phrase deck
# printed above its headline, and a kicker with the deck printed between it and its title.
TITLE_ORDER_PARAGRAPH_PAGE = """\
委员履职风采

武山县政协开展助学帮扶活动

本报武山讯(通讯员刘 一)5月3日,武山县政协组织委员走访困难家庭学生,送去助学金和学习用品。

让协商成果惠及更多群众

漳县政协召开十届五次常委会会议

本报漳县讯(通讯员王二)5月6日,漳县政协召开十届五次常委会会议,协商推进城乡供水一体化。

岷县政协

把好事办到群众心坎上

召开提案办理协商会

本报岷县讯(通讯员张三)5月8日,岷县政协召开提案办理协商会,推动委员提案落地见效。
"""

# A column page of my own: two stories, then their titles in one run where a six-character label
# follows the headline it belongs to, as column pages print it.
LABEL_IN_A_COLUMN_RUN = """\
 本报武山讯（通讯员刘一）5 月 3 日，

武山县政协组织委员走访困难家庭学

生，送去助学金和学习用品。

 本报漳县讯（通讯员王二）5 月 6 日，

漳县政协召开十届五次常委会会议，协

商推进城乡供水一体化工作。

武山县政协开展助学帮扶活动

委员履职风采

漳县政协召开十届五次常委会会议
"""


class TitleOrderTests(SimpleTestCase):
    def test_label_deck_and_kicker_above_their_headline_take_their_own_slots(self):
        segments = segment_page(read_page("order.txt", TITLE_ORDER_PARAGRAPH_PAGE.encode()))
        self.assertEqual(
            [(segment.headline, segment.kicker, segment.subtitle, segment.column) for segment in segments],
            [
                ("武山县政协开展助学帮扶活动", None, None, "委员履职风采"),
                ("漳县政协召开十届五次常委会会议", None, "让协商成果惠及更多群众", None),
                ("岷县政协召开提案办理协商会", "岷县政协", "把好事办到群众心坎上", None),
            ],
        )

    def test_label_after_a_headline_in_a_column_run_is_that_articles_label(self):
        segments = segment_page(read_page("label.txt", LABEL_IN_A_COLUMN_RUN.encode()))
        self.assertEqual(
            [(segment.headline, segment.subtitle, segment.column) for segment in segments],
            [
                ("武山县政协开展助学帮扶活动", None, "委员履职风采"),
                ("漳县政协召开十届五次常委会会议", None, None),
            ],
        )


# A paragraph page: a story run on from the page before, then a story whose dateline names no place.
PLACELESS_DATELINE_PAGE = """\
(接一版)

市政协围绕重点课题组织委员深入县区、园区和企业开展专题调研,形成调研报告多篇,提出的建议被市委市政府采纳。

凝聚共识 汇聚力量

省政协召开常委会会议

本报讯(记者 王 明)3月2日,省政协召开常委会会议,审议通过了年度协商计划和年度工作要点,研究了有关人事事项。

会议强调,要围绕全省经济社会发展中的重点难点问题深入调查研究,提出更多有价值、可操作的意见建议。
"""


class PlacelessDatelineTests(SimpleTestCase):
    def test_dateline_without_a_place_opens_an_article_with_no_dateline(self):
        segments = segment_page(read_page("placeless.txt", PLACELESS_DATELINE_PAGE.encode()))
        self.assertEqual(
            [(s.headline, s.subtitle, s.dateline, s.correspondents, s.body[:5]) for s in segments],
            [
                (None, None, None, [], "市政协围绕"),
                ("省政协召开常委会会议", "凝聚共识 汇聚力量", None, ["王明"], "3月2日,"),
            ],
        )


# A column page: a feature whose section heads open with "——", its "——" subtitle and byline
# after its body, then its title in the run after them.
DASH_SECTION_HEADS_COLUMN_PAGE = """\
“以前看病要跑几十里山路，现在村
里就有了卫生室。”在山丹县位奇镇，
老李高兴地说。

今年以来，山丹县政协把助力乡村振
兴作为重要任务，组织委员在产业发
展、医疗卫生等方面主动作为。

——调研建言有深度

县政协围绕乡村医疗卫生服务开展专
题调研，形成调研报告 3 篇，有关建
议被县委县政府采纳。

——帮扶群众有温度

县政协机关干部和委员结对帮扶农户
80户，帮助销售农产品 200 余吨。

——山丹县政协助力乡村振兴工作综述

通讯员 王 刚

建言乡村振兴 彰显政协担当
"""


class DashSectionHeadTests(SimpleTestCase):
    def test_dash_section_heads_inside_a_feature_stay_in_its_body(self):
        segments = segment_page(read_page("dash.txt", DASH_SECTION_HEADS_COLUMN_PAGE.encode()))
        self.assertEqual(len(segments), 1)
        feature = segments[0]
        self.assertEqual(
            (feature.headline, feature.subtitle, feature.kind, feature.correspondents),
            ("建言乡村振兴 彰显政协担当", "——山丹县政协助力乡村振兴工作综述", "feature", ["王刚"]),
        )
        self.assertEqual(feature.paragraphs[2::2], ["——调研建言有深度", "——帮扶群众有温度"])


# A column page: a story run on from the page before, then a story whose lead opens on the
# committee's formal name and has no dateline; its titles follow both bodies.
FORMAL_NAME_LEAD_COLUMN_PAGE = """\
（接一版）

一、聚焦中心工作 在建言资政上发力

市政协围绕重点课题组织委员深入县

区开展专题调研，形成调研报告多篇，

有关建议被采纳。

3月2日，政协甘肃省第十三届委员

会常务委员会第十次会议在兰州召开，

审议通过了年度协商工作计划。

省政协十三届常委会第十次会议召开
"""


class FormalNameLeadTests(SimpleTestCase):
    def test_a_lead_opening_on_the_formal_name_names_its_committee(self):
        leads = {
            "2月27日，政协甘肃省第十三届委员会常务委员会第十六次会议在兰州召开": "甘肃省",
            "2月26日，中国人民政治协商会议静宁县第十届委员会第五次会议开幕": "静宁县",
            "政协委员要坚持履职尽责": None,
        }
        for lead, name in leads.items():
            with self.subTest(lead=lead):
                self.assertEqual(titles.opening_committee(lead), name)

    def test_a_date_lead_on_another_committee_ends_a_continued_story(self):
        segments = segment_page(read_page("formal.txt", FORMAL_NAME_LEAD_COLUMN_PAGE.encode()))
        self.assertEqual(
            [(segment.headline, segment.body[:5]) for segment in segments],
            [(None, "一、聚焦中"), ("省政协十三届常委会第十次会议召开", "3月2日，")],
        )


# A paragraph page: a column label over a block of untitled briefs, each opening on its date and
# ending with its byline, then a titled story.
BRIEFS_PAGE = """\
简讯

3月2日,文县政协组织部分委员深入乡镇,就茶产业发展情况开展专题调研,实地察看茶园管护和茶叶加工情况,并提出意见建议。(任 杰)

3月3日,迭部县政协召开主席会议,传达学习有关会议精神,研究部署了年度重点协商议题和调研视察工作。县政协主席主持会议。(李 燕)

泾川县政协召开主席会议

本报泾川讯(通讯员赵 丽)3月5日,泾川县政协召开主席会议,传达学习了有关会议精神,邀请县委党校教师作了专题辅导,研究了近期重点工作。
"""


class BriefsTests(SimpleTestCase):
    def test_a_label_over_untitled_briefs_is_each_briefs_column_not_a_headline(self):
        segments = segment_page(read_page("briefs.txt", BRIEFS_PAGE.encode()))
        self.assertEqual(
            [(segment.headline, segment.column, segment.correspondents) for segment in segments],
            [(None, "简讯", ["任杰"]), (None, "简讯", ["李燕"]), ("泾川县政协召开主席会议", None, ["赵丽"])],
        )


# A column page: two stories that speak of their committee only as "县政协" / "区政协", one under
# a dateline naming the county's own place, one under the prefecture's; titles after both.
LEVEL_ONLY_COLUMN_PAGE = """\
 本报临潭讯（通讯员马 燕）6月 12日，

县政协主席带领部分委员，深入乡镇，

对全县农村改厕推进情况进行专题视察。

 本报金昌讯（通讯员李 文）3月3日，

区政协主席带领部分委员，对城区老旧

供热管网改造工作进行专题视察。

临潭县政协视察农村改厕推进情况

金川区政协视察城区供热管网改造工作
"""


class LevelOnlyPairingTests(SimpleTestCase):
    def test_title_pairs_with_a_body_naming_its_committee_only_by_level(self):
        segments = segment_page(read_page("levels.txt", LEVEL_ONLY_COLUMN_PAGE.encode()))
        self.assertEqual(
            [(segment.headline, segment.dateline) for segment in segments],
            [("临潭县政协视察农村改厕推进情况", "临潭"), ("金川区政协视察城区供热管网改造工作", "金昌")],
        )

    def test_a_body_naming_any_committee_has_no_unnamed_level(self):
        cases = {
            "区政协主席带领委员视察。": {"区"},
            "全县政协系统要聚焦。县政协副主席参加。": {"县"},
            "庆城县政协组织干部。县政协副主席参加。": set(),
        }
        for text, levels in cases.items():
            with self.subTest(text=text):
                self.assertEqual(titles.unnamed_levels(text), levels)


# As above, but a section's first line reads as a title: the line after it is narrowed by digits.
DASH_HEAD_THEN_FIRST_LINE_COLUMN_PAGE = DASH_SECTION_HEADS_COLUMN_PAGE.replace(
    "县政协机关干部和委员结对帮扶农户\n80户，帮助销售农产品 200 余吨。",
    "县政协机关干部和委员结对帮\n\n扶农户126户，通过“委员+合\n\n作社+农户”模式，帮助销售农产品30\n\n0 余吨。",
)


class DashHeadThenFirstLineTests(SimpleTestCase):
    def test_a_first_line_read_as_a_title_after_a_dash_head_opens_the_section(self):
        segments = segment_page(read_page("dash2.txt", DASH_HEAD_THEN_FIRST_LINE_COLUMN_PAGE.encode()))
        self.assertEqual([segment.headline for segment in segments], ["建言乡村振兴 彰显政协担当"])
        self.assertEqual(segments[0].paragraphs[4][:8], "——帮扶群众有温")
        self.assertTrue(segments[0].paragraphs[5].startswith("县政协机关干部和委员结对帮扶农户126户"))


# A column page: each story's titles right after its body; the second story's deck shares no
# words with its body.
DECK_BY_ITS_RUN_COLUMN_PAGE = """\
 本报临潭讯（通讯员马 燕）6月 12日，

临潭县政协主席带领部分委员，深入乡

镇，对农村改厕推进情况进行专题视察。

临潭县政协视察农村改厕推进情况

 本报民乐讯（通讯员李 文）1月10日，

政协民乐县第十届委员会第三次会议开

幕。县政协主席作工作报告。

凝心聚力谋新篇 同心筑梦启新程

民乐县政协十届三次会议开幕
"""


class DeckByItsRunTests(SimpleTestCase):
    def test_slogan_in_a_run_of_one_bodys_titles_is_that_bodys_deck(self):
        segments = segment_page(read_page("deckrun.txt", DECK_BY_ITS_RUN_COLUMN_PAGE.encode()))
        self.assertEqual(
            [(segment.headline, segment.subtitle) for segment in segments],
            [
                ("临潭县政协视察农村改厕推进情况", None),
                ("民乐县政协十届三次会议开幕", "凝心聚力谋新篇 同心筑梦启新程"),
            ],
        )
