"""People named with a title: name boundaries, title chains, committees."""

from django.test import SimpleTestCase

from importer.parsing.directory import Directory
from importer.parsing.persons import find_persons, read_name

DIRECTORY = Directory.from_fixture()


def persons(text, primary=None):
    return [(p.name, p.title, p.region_code) for p in find_persons(text, DIRECTORY, primary).persons]


class NameBoundaryTests(SimpleTestCase):
    def test_two_characters_first_then_three(self):
        cases = [
            ("王毅主持召开", "王毅"),
            ("王毅、酒泉市政协主席", "王毅"),
            ("鞠毅主持", "鞠毅"),
            ("李艾婷代表政协", "李艾婷"),
            ("张新社主持召开", "张新社"),
            ("王海明带队调研", "王海明"),
            ("刘树武出席并讲话", "刘树武"),
            ("向钧立即主持", "向钧"),
            ("庄国泰在会上", "庄国泰"),
            ("王建太与机关", "王建太"),
            ("胡昌升在白银调研", "胡昌升"),
            ("李隆基参加", "李隆基"),
            ("姚德学带队", "姚德学"),
            ("亢丰年说", "亢丰年"),
            ("敏学军出席会议", "敏学军"),
            ("欧阳明出席", "欧阳明"),
            ("欧阳晓东表示", "欧阳晓东"),
            ("马永福参加会议", "马永福"),
            ("王亮。", "王亮"),
            ("赵丽华结合分管工作发言", "赵丽华"),
            ("孙建国围绕主题发言", "孙建国"),
        ]
        for text, expected in cases:
            with self.subTest(text=text):
                self.assertEqual(read_name(text, 0), expected)

    def test_not_names(self):
        for text in ["会议成员", "和委员们", "们先后深入", "工作室", "主动当好", "关于“政协委员”"]:
            with self.subTest(text=text):
                self.assertIsNone(read_name(text, 0))


class FindPersonsTests(SimpleTestCase):
    def test_title_chains_and_committees(self):
        cases = [
            ("6月8日,嘉峪关市政协党组书记、主席王毅主持会议", None, [("王毅", "党组书记、主席", "620200")]),
            ("县政协主席李艾婷代表常委会作报告", "621228", [("李艾婷", "主席", "621228")]),
            ("工作报告,副主席王亮代表县政协常委会作报告", "621228", [("王亮", "副主席", "621228")]),
            (
                "省政协党组成员、秘书长、机关党组书记王建太与机关各处室",
                "620000",
                [("王建太", "党组成员、秘书长、机关党组书记", "620000")],
            ),
            ("其中,省委书记、省人大常委会主任胡昌升在报告上批示", "620000",
             [("胡昌升", "省委书记、省人大常委会主任", None)]),
            ("学习了省两会精神及省委书记、省人大常委会主任胡昌升在白银调研时的讲话", "620400",
             [("胡昌升", "省委书记、省人大常委会主任", None)]),
            ("市政协主席李隆基参加启动仪式", "621000", [("李隆基", "主席", "621000")]),
            ("区政协主席张君明出席并讲话", "620104", [("张君明", "主席", "620104")]),
            ("宁县政协主席姚德学带队", None, [("姚德学", "主席", "621026")]),
            ("县政协委员亢丰年说", "620622", [("亢丰年", "委员", "620622")]),
            (
                "县政协委员、华藏寺镇岔口驿村党支部书记王国栋说",
                "620623",
                [("王国栋", "委员、华藏寺镇岔口驿村党支部书记", "620623")],
            ),
            ("。”横梁乡春晖新村党总支书记韦兴典说", "620622", [("韦兴典", "横梁乡春晖新村党总支书记", None)]),
        ]  # fmt: skip
        for text, primary, expected in cases:
            with self.subTest(text=text):
                self.assertEqual(persons(text, primary), expected)

    def test_two_committees_in_one_sentence(self):
        self.assertEqual(
            persons("嘉峪关市政协主席王毅、酒泉市政协主席王海明一同考察调研。"),
            [("王毅", "主席", "620200"), ("王海明", "主席", "620900")],
        )

    def test_a_title_shared_by_several_names(self):
        found = find_persons("州政协副主席才让东智、李淑芳,秘书长马永福参加会议。", DIRECTORY, "623000")
        self.assertEqual(
            [(p.name, p.title) for p in found.persons],
            [("才让东智", "副主席"), ("李淑芳", "副主席"), ("马永福", "秘书长")],
        )
        self.assertEqual(found.doubtful, ["才让东智"])  # read without a known surname

    def test_a_person_is_listed_once_with_the_first_title(self):
        text = "县政协党组书记、主席刘树武主持会议。会上,县政协主席刘树武讲话。"
        self.assertEqual(persons(text, "621122"), [("刘树武", "党组书记、主席", "621122")])

    def test_titles_without_names(self):
        for text in [
            "主席会议成员、各县区政协主席和部分市政协常委深入临洮县",
            "县政协主席会议成员率先垂范",
            "137名县政协委员下沉村(社区)",
            "建立了6个政协委员联络工作室",
            "习近平总书记关于“政协委员要更好联系群众”的指示",
            "环县政协组织部分委员开展“专项监督”活动",
            "补选了3名副主席、1名秘书长和3名常务委员",
        ]:
            with self.subTest(text=text):
                self.assertEqual(persons(text, "621100"), [])

    def test_a_post_counted_by_a_quantity_names_nobody(self):
        for text in [
            "每个委员之家由一名县政协副主席牵头负责。",
            "安排两位市政协常委联系协调,",
            "各组确定各一名副主席督促落实,",
            "推选3名政协委员参加评议。",
            "由每名县政协常委分包指导",
        ]:
            with self.subTest(text=text):
                self.assertEqual(persons(text, "621122"), [])

    def test_a_post_without_a_quantity_still_names_its_holder(self):
        text = "一是由一名县政协副主席带队,县政协副主席张慧带队督办。"
        self.assertEqual(persons(text, "621122"), [("张慧", "副主席", "621122")])

    def test_a_holder_put_in_charge_is_named(self):
        """ "由……副主席X牵头": the post's holder is the agent of the verb after the name, which a
        preposition before the committee does not change."""
        cases = [
            ("会议决定,由县政协副主席周文军牵头,组织委员开展调研。", [("周文军", "副主席", "621122")]),
            ("县政协秘书长何丽负责协调联络。", [("何丽", "秘书长", "621122")]),
        ]
        for text, expected in cases:
            with self.subTest(text=text):
                self.assertEqual(persons(text, "621122"), expected)

    def test_a_name_the_rules_reject_is_reported(self):
        found = find_persons("县政协主席中村一郎主持会议", DIRECTORY, "621122")
        self.assertEqual(found.persons, [])
        self.assertEqual(found.doubtful, ["县政协主席中村一郎"])

    def test_a_county_chair_under_a_provincial_story_serves_the_local_committee(self):
        text = "省政协副主席王毅带领调研组深入民乐县。县政协主席张三陪同调研。"
        found = find_persons(text, DIRECTORY, "620000", local="620722").persons
        self.assertEqual(
            [(p.name, p.title, p.region_code) for p in found],
            [("王毅", "副主席", "620000"), ("张三", "主席", "620722")],
        )

    def test_a_members_profession_is_part_of_the_title(self):
        cases = [
            (
                "县政协委员、县农技中心高级农艺师张红一边示范,一边讲解。",
                ("张红", "委员、县农技中心高级农艺师"),
            ),
            ("县政协委员、县人民医院主任医师王芳表示,要关注。", ("王芳", "委员、县人民医院主任医师")),
            ("县政协委员、县教师进修学校校长李明参加。", ("李明", "委员、县教师进修学校校长")),
        ]
        for text, (name, title) in cases:
            with self.subTest(text=text):
                self.assertEqual(persons(text, "620722"), [(name, title, "620722")])

    def test_members_named_before_their_title(self):
        cases = [
            ("介绍到。马成虎委员所在的工作室", [("马成虎", "委员", "621102")]),
            ("会上,王芳委员建议加快建设", [("王芳", "委员", "621102")]),
            ("各位委员的发言,部分委员,全体委员。政协委员说", []),
            ("区政协主席李明说。李明委员表示", [("李明", "主席", "621102")]),
        ]
        for text, expected in cases:
            with self.subTest(text=text):
                self.assertEqual(persons(text, "621102"), expected)

    def test_a_member_named_before_is_and_the_post(self):
        cases = [
            ("今年52岁的李明华,是市政协委员、县农技站站长。", [("李明华", "委员、县农技站站长", "620700")]),
            ("王芳是市政协常委。", [("王芳", "常委", "620700")]),
            ("他是市政协委员。他说", []),
        ]
        for text, expected in cases:
            with self.subTest(text=text):
                self.assertEqual(persons(text, "620700"), expected)
