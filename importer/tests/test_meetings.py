"""Meetings reported in the headline and lead: type, numbers, title, holder."""

from datetime import date

from django.test import SimpleTestCase

from importer.parsing.directory import Directory
from importer.parsing.meetings import meeting_type, reported_meetings

DIRECTORY = Directory.from_fixture()


def summary(headline, lead, primary, body=()):
    return [
        (m.region_code, m.meeting_type, m.session, m.sequence, m.expanded, m.title)
        for m in reported_meetings(headline, lead, DIRECTORY, primary, body=list(body))
    ]


class MeetingTypeTests(SimpleTestCase):
    def test_taxonomy(self):
        cases = [
            ("党组理论学习中心组(扩大)会议", "party_study"),
            ("党组理论学习中心组会议", "party_study"),
            ("党组会议", "party_study"),
            ("专题学习会议", "study"),
            ("五届七次常委会会议", "standing"),
            ("“聚力打造优质农产品品牌”专题议政性常委会会议", "standing"),
            ("常务委员会第十次会议", "standing"),
            ("十一届二十二次主席会议", "chairs"),
            ("主席办公会", "chairs"),
            ("第十届委员会第二次会议", "plenary"),
            ("十届二次会议", "plenary"),
            ("第一次全体会议", "plenary"),
            ("双月协商座谈会", "consultation"),
            ("“持续优化营商环境”专题协商会", "consultation"),
            ("协商议事会", "consultation"),
            ("专题座谈会", "consultation"),
            ("提案办理进展情况汇报座谈会", "proposal"),
            ("重点提案督办会", "proposal"),
            ("政情通报会", "briefing"),
            ("“三抓三促”行动推进会议", "work"),
            ("结对帮扶行动动员部署会议", "work"),
            ("机关工作会议", "work"),
            ("启动仪式", None),
            ("专题视察", None),
        ]
        for phrase, expected in cases:
            with self.subTest(phrase=phrase):
                self.assertEqual(meeting_type(phrase), expected)

    def test_an_enlarged_marker_before_the_meeting_word_keeps_the_type(self):
        cases = [
            ("十届十五次主席(扩大)会议", "chairs"),
            ("主席（扩大）会", "chairs"),
            ("六届九次常委会（扩大）会议", "standing"),
            ("党组(扩大)会议", "party_study"),
            ("机关工作(扩大)会议", "work"),
            ("专题学习(扩大)会", "study"),
            ("第十届委员会第二次全体(扩大)会议", "plenary"),
        ]
        for phrase, expected in cases:
            with self.subTest(phrase=phrase):
                self.assertEqual(meeting_type(phrase), expected)

    def test_an_opening_without_a_type_is_a_plenary(self):
        self.assertEqual(meeting_type("全县政协委员大会会议", opening=True), "plenary")
        self.assertIsNone(meeting_type("全县政协委员大会会议"))


class ReportedMeetingTests(SimpleTestCase):
    def test_held_by_the_committee_in_the_lead(self):
        self.assertEqual(
            summary(
                "嘉峪关市政协召开党组理论学习中心组(扩大)会议",
                "6月8日,嘉峪关市政协党组书记、主席王毅主持召开市政协党组理论学习中心组(扩大)会议。会议传达学习了…",
                "620200",
            ),
            [("620200", "party_study", None, None, True, "党组理论学习中心组(扩大)会议")],
        )

    def test_session_and_sequence(self):
        cases = [
            ("6月9日,武威市政协主席鞠毅主持召开市政协五届七次常委会会议。", "620600", ("standing", 5, 7)),
            ("7月6日,陇西政协召开十一届十二次常委会会议。", "621122", ("standing", 11, 12)),
            ("1月5日,合作市政协召开十届二十三次主席会议。", "623001", ("chairs", 10, 23)),
            ("1月29日,中国人民政治协商会议两当县第十届委员会第二次会议开幕。", "621228", ("plenary", 10, 2)),
            (
                "1月29日至31日,中国人民政治协商会议民乐县第十届委员会第二次会议召开。",
                "620722",
                ("plenary", 10, 2),
            ),
            ("1月10日,县政协第十一届委员会第三次会议胜利闭幕。", "621122", ("plenary", 11, 3)),
            ("3月2日,省政协召开十三届一百零三次主席会议。", "620000", ("chairs", 13, 103)),
        ]
        for lead, primary, expected in cases:
            with self.subTest(lead=lead):
                (meeting,) = summary(None, lead, primary)
                self.assertEqual(meeting[1:4], expected)
                self.assertEqual(meeting[0], primary)

    def test_plenary_keeps_the_formal_name_in_its_title(self):
        ((*_, title),) = summary(
            None, "1月29日,中国人民政治协商会议两当县第十届委员会第二次会议开幕。", "621228"
        )
        self.assertEqual(title, "中国人民政治协商会议两当县第十届委员会第二次会议")
        ((*_, title),) = summary("两当县政协十届二次会议开幕", "", "621228")
        self.assertEqual(title, "十届二次会议")

    def test_joint_meeting_is_one_draft_per_part_titled_whole(self):
        """One sitting: each part keeps the printed joint title and the numbers the sitting carries."""
        joint = "党组理论学习中心组(扩大)会议暨十一届二十二次主席会议"
        meetings = summary(
            "陇西县政协召开党组理论学习中心组(扩大)会议暨主席会议",
            f"6月13日,陇西县政协党组书记、主席刘树武主持召开县政协{joint}。",
            "621122",
        )
        self.assertEqual(
            meetings,
            [
                ("621122", "party_study", 11, 22, True, joint),
                ("621122", "chairs", 11, 22, False, joint),
            ],
        )

    def test_every_combination_of_joint_meeting_is_titled_whole(self):
        cases = [
            ("六届九次常委会会议暨“加快数字经济发展”专题协商会", "620400", ["standing", "consultation"]),
            ("九届十五次主席会议暨机关工作推进会议", "620981", ["chairs", "work"]),
            ("专题学习会暨“优化营商环境”双月协商座谈会", "621121", ["study", "consultation"]),
        ]
        for joint, primary, types in cases:
            with self.subTest(joint=joint):
                meetings = summary(None, f"5月20日,市政协召开{joint}。", primary)
                self.assertEqual([m[1] for m in meetings], types)
                self.assertEqual({m[5] for m in meetings}, {joint})

    def test_a_joint_plenary_keeps_the_formal_name_in_its_whole_title(self):
        joint = "中国人民政治协商会议两当县第十届委员会第二次会议暨常务委员会第五次会议"
        meetings = summary(None, f"1月29日,{joint}召开。", "621228")
        self.assertEqual([(m[1], m[5]) for m in meetings], [("plenary", joint), ("standing", joint)])

    def test_enlarged_meeting_is_flagged(self):
        lead = "6月3日,玉门市政协党组书记、主席张三主持召开九届十五次主席（扩大）会议,研究近期工作。"
        self.assertEqual(
            summary(None, lead, "620981"),
            [("620981", "chairs", 9, 15, True, "九届十五次主席（扩大）会议")],
        )

    def test_headline_completes_the_lead(self):
        meetings = summary("民乐县政协十届二次会议召开", "1月29日,大会在县会议中心召开。", "620722")
        self.assertEqual(meetings, [("620722", "plenary", 10, 2, False, "十届二次会议")])

    def test_second_clause_of_the_lead(self):
        lead = "7月15日,高台县政协组织全体政协委员进行视察观摩,并召开政情通报会,通报了全县上半年情况。"
        self.assertEqual(
            summary(None, lead, "620724"), [("620724", "briefing", None, None, False, "政情通报会")]
        )

    def test_consultation_activity(self):
        lead = "8月17日,西固区政协开展全区棚户区改造重点项目进展情况专题视察协商活动,组织委员视察了项目。"
        self.assertEqual(
            summary(None, lead, "620104"),
            [("620104", "consultation", None, None, False, "全区棚户区改造重点项目进展情况专题视察协商活动")],
        )

    def test_meetings_referred_to_are_not_reported(self):
        cases = [
            (
                "嘉峪关市政协召开专题会议",
                "要按照省政协十三届一次会议、市政协十届二次会议做出的安排部署。",
                "620200",
            ),
            (None, "6月8日,定西市政协组织委员视察,通报了市政协五届二次会议以来提案办理进展情况。", "621100"),
            (None, "7月5日,县政协主席出席县委召开的经济工作会议。", "621122"),
            (None, "6月12日,庆阳市政协“智慧政协”云平台上启动仪式在中国电信庆阳分公司举行。", "621000"),
            ("庆阳市政协“智慧政协”云平台上线运行", "近日,县委召开工作会议。", "621000"),
        ]
        for headline, lead, primary in cases:
            with self.subTest(lead=lead):
                self.assertEqual(summary(headline, lead, primary), [])

    def test_lead_meeting_holder_is_the_committee_named_before_the_verb(self):
        lead = "7月7日,定西市政协召开“地方政协工作高质量发展”课题研究推进会议,传达学习6月28日省政协会议精神。"
        meetings = summary("定西市政协召开省政协专项课题研究推进会议", lead, "621100")
        self.assertEqual(
            meetings,
            [("621100", "work", None, None, False, "“地方政协工作高质量发展”课题研究推进会议")],
        )

    def test_two_sittings_held_one_after_the_other_are_two_meetings(self):
        lead = "3月2日,民乐县政协先后召开党组会议和主席办公会议,研究年度工作。"
        self.assertEqual(
            summary(None, lead, "620722"),
            [
                ("620722", "party_study", None, None, False, "党组会议"),
                ("620722", "chairs", None, None, False, "主席办公会议"),
            ],
        )

    def test_a_level_wide_system_meeting_is_held_by_that_levels_committee(self):
        lead = "5月6日,全市政协系统理论研究工作会议在酒泉召开。"
        self.assertEqual(
            summary("全市政协系统理论研究工作会议召开", lead, "620924"),
            [("620900", "work", None, None, False, "全市政协系统理论研究工作会议")],
        )
        lead = "5月6日,全省政协系统调研工作推进会在兰州召开。"
        self.assertEqual(
            summary(None, lead, None), [("620000", "work", None, None, False, "全省政协系统调研工作推进会")]
        )

    def test_a_passive_meeting_with_no_committee_as_subject_is_not_reported(self):
        for lead in ["5月6日,全市经济工作会议在酒泉召开。", "5月6日,全国政协系统工作会议在北京召开。"]:
            with self.subTest(lead=lead):
                self.assertEqual(summary(None, lead, "620900"), [])

    def test_feature_body_meetings_need_a_named_holder(self):
        body = [
            "县政协主席向钧立即主持召开县政协机关结对帮扶行动动员部署会议,传达学习有关会议精神。",
            "随后召开了全县干部大会。",
        ]
        self.assertEqual(
            summary(
                "结对认亲显真情",
                "为深入贯彻落实指示精神,连日来,高台县政协组织机关干部开展行动。",
                "620724",
                body,
            ),
            [("620724", "work", None, None, False, "机关结对帮扶行动动员部署会议")],
        )

    def test_listed_topics_are_titled_by_their_kind(self):
        body = [
            "省政协组织召开了“加强社区治理,推进基层治理”“加强生态环境保护,助力美丽甘肃建设”等协商座谈会。"
        ]
        self.assertEqual(
            summary(None, "为政之要,贵在落实。", "620000", body),
            [("620000", "consultation", None, None, False, "协商座谈会")],
        )

    def test_date_is_the_event_date(self):
        (meeting,) = reported_meetings(
            None, "6月9日,通渭县政协召开推进会议。", DIRECTORY, "621121", date(2023, 6, 9)
        )
        self.assertEqual(meeting.date, date(2023, 6, 9))

    def test_a_party_bodys_collective_study_is_party_study(self):
        """The party group (or its study group) named between the committee and the verb holds the
        session and names it; "第3次" numbers it in Arabic."""
        cases = [
            (
                "3月14日,永登县政协党组理论学习中心组举行第3次集体学习,专题研讨。",
                ("620121", "party_study", None, 3, False, "党组理论学习中心组第3次集体学习"),
            ),
            (
                "5月8日,山丹县政协党组中心组举行集体学习。",
                ("620725", "party_study", None, None, False, "党组中心组集体学习"),
            ),
            ("5月9日,山丹县政协党组召开会议。", ("620725", "party_study", None, None, False, "党组会议")),
        ]
        for lead, expected in cases:
            with self.subTest(lead=lead):
                self.assertEqual(summary(None, lead, expected[0]), [expected])

    def test_a_collective_study_of_anyone_else_is_no_meeting(self):
        for lead in (
            "3月14日,永登县政协机关举行集体学习。",
            "3月14日,永登县政协党组书记、主席王林主持召开集体学习。",
        ):
            with self.subTest(lead=lead):
                self.assertEqual(summary(None, lead, "620121"), [])
