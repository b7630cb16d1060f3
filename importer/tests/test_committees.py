"""Committee mentions, the primary committee and the subject committees of an article."""

from django.test import SimpleTestCase

from importer.parsing.committees import article_committees, dateline_committee, find_mentions, lead_sentence
from importer.parsing.directory import Directory

DIRECTORY = Directory.from_fixture()


def codes(text, context=None):
    return [mention.code for mention in find_mentions(text, DIRECTORY, context)]


class MentionTests(SimpleTestCase):
    def test_named_forms(self):
        cases = [
            ("嘉峪关市政协召开会议", ["620200"]),
            ("陇西政协召开常委会会议", ["621122"]),
            ("政协两当县第十届委员会常务委员会", ["621228"]),
            ("中国人民政治协商会议民乐县第十届委员会第二次会议", ["620722"]),
            ("酒泉市政协主席王海明", ["620900"]),
            ("临夏州政协召开会议", ["622900"]),
            ("张家川县政协", ["620525"]),
            ("阿克塞县政协建议", ["620924"]),
            ("宁县政协主席姚德学带队", ["621026"]),
            ("甘肃省政协", ["620000"]),
        ]
        for text, expected in cases:
            with self.subTest(text=text):
                self.assertEqual(codes(text), expected)

    def test_relative_forms_resolve_from_context(self):
        cases = [
            ("省政协党组书记", "620981", "620000"),
            ("市政协主席李玉祥", "620981", "620981"),  # 玉门市 is a county-level city
            ("市政协召开提案办理座谈会", "622901", "622901"),  # 临夏市
            ("主持召开市政协党组会议", "620200", "620200"),  # 嘉峪关市
            ("县政协主席刘树武", "621122", "621122"),
            ("市政协五届二次会议", "621122", "621100"),  # the county's prefecture
            ("州政协", "622901", "622900"),
            ("区政协主席张君明", "620104", "620104"),
            ("县政协主席", None, None),
        ]
        for text, context, expected in cases:
            with self.subTest(text=text):
                self.assertEqual(codes(text, context), [expected])

    def test_generic_plurals_are_not_mentions(self):
        for text in [
            "各县区政协主席",
            "市县政协",
            "全市政协系统",
            "两市政协系统",
            "赴省市政协对接",
            "市州政协第一名",
        ]:
            with self.subTest(text=text):
                self.assertEqual(codes(text, "621100"), [])

    def test_bare_places_are_not_mentions(self):
        for text in [
            "深入临洮县、渭源县、陇西县和安定区",
            "定西市基本现代化",
            "来酒泉市考察",
            "共商两当发展大计",
        ]:
            with self.subTest(text=text):
                self.assertEqual(codes(text, "621100"), [])


class PrimaryCommitteeTests(SimpleTestCase):
    def primary(self, headline=None, paragraphs=("",), dateline=None, subtitle=None):
        return article_committees(headline, subtitle, list(paragraphs), dateline, DIRECTORY).primary

    def test_headline_first(self):
        primary = self.primary(
            "嘉峪关市政协在酒泉市开展专题考察调研", ["6月9日,嘉峪关市政协考察调研组来酒泉市"], "酒泉"
        )
        self.assertEqual(primary, "620200")

    def test_deck_of_a_feature(self):
        primary = self.primary(
            "委员“动”起来", ["“前一茬收的蔬菜价格咋样?”"], subtitle="——古浪县政协用心用情搭建平台"
        )
        self.assertEqual(primary, "620622")

    def test_lead_subject_without_headline(self):
        self.assertEqual(self.primary(None, ["近日,灵台县政协机关全体干部深入贯彻落实活动要求。"]), "620822")

    def test_dateline_when_nothing_is_named(self):
        self.assertEqual(self.primary("召开十一届十二次常委会会议", ["7月6日,召开会议。"], "陇西"), "621122")

    def test_ambiguous_dateline_prefers_the_committee_in_the_text(self):
        body = "7月17日,临夏市政协召开提案办理进展情况汇报座谈会。"
        self.assertEqual(dateline_committee("临夏", body, DIRECTORY), "622901")
        self.assertEqual(dateline_committee("临夏", "会议召开。", DIRECTORY), "622900")
        self.assertEqual(self.primary("召开提案办理座谈会", ["7月17日,市政协召开座谈会。"], "临夏"), "622901")
        self.assertEqual(self.primary("召开常委会会议", ["7月17日,州政协召开会议。"], "临夏"), "622900")

    def test_a_lower_relative_form_under_a_prefectures_dateline_is_its_only_committee_of_that_level(self):
        # 金昌市 has one district (金川区) and one county (永昌县); 天水市 has two districts.
        def primary(relative: str, dateline: str) -> str | None:
            return self.primary("视察供暖工作", [f"3月2日,{relative}组织委员视察供暖工作。"], dateline)

        self.assertEqual(primary("区政协", "金昌"), "620302")
        self.assertEqual(primary("县政协", "金昌"), "620321")
        self.assertEqual(primary("区政协", "天水"), "620500")  # which of its two districts: not said
        self.assertEqual(primary("市政协", "金昌"), "620300")

    def test_relative_headline_resolves_through_the_dateline(self):
        self.assertEqual(self.primary("市政协召开常委会会议", ["会议召开。"], "玉门"), "620981")

    def test_body_is_the_last_resort(self):
        result = article_committees(
            "提振干部精气神",
            None,
            ["为政之要,贵在落实。", "省政协始终坚持问题导向。省政协还建立清单。"],
            None,
            DIRECTORY,
        )
        self.assertEqual((result.primary, result.inferred_from_body), ("620000", True))

    def test_relative_subject_resolves_through_the_place_in_the_headline(self):
        """A review that calls its committee "市政协" and names the counties it worked with: the
        committee is the 市 the headline names, not the first county in the body."""
        result = article_committees(
            "凝心聚力助推定西高质量发展",
            None,
            [
                "市政协围绕全市中心工作,组织委员深入安定区、通渭县开展调研,提出建议20条。",
                "陇西县政协推动解决群众急难愁盼问题,漳县政协组织委员开展民主监督。",
                "市政协将持续深化履职实践。",
            ],
            None,
            DIRECTORY,
        )
        self.assertEqual((result.primary, result.regions), ("621100", ["621100", "621122", "621125"]))

    def test_relative_subject_resolves_through_the_committees_it_names(self):
        """No place in the headline: "市政协" is the 市 above the county committees the body names."""
        result = article_committees(
            "在履职为民上用心用情",
            None,
            ["市政协坚持把群众满意作为标准。", "临洮县政协推动新修道路;市政协还组织委员开展义诊。"],
            None,
            DIRECTORY,
        )
        self.assertEqual((result.primary, result.regions), ("621100", ["621100", "621124"]))

    def test_a_relative_form_no_named_committee_matches_is_left_alone(self):
        """ "县政协" cannot be a district's committee: the district named in the body stays primary."""
        result = article_committees(
            "在履职为民上用心用情",
            None,
            ["县政协坚持为民履职。", "安定区政协组织委员开展调研。"],
            None,
            DIRECTORY,
        )
        self.assertEqual(result.primary, "621102")

    def test_nothing_found(self):
        result = article_committees("提振干部精气神", None, ["为政之要,贵在落实。"], None, DIRECTORY)
        self.assertEqual((result.primary, result.regions), (None, []))

    def test_lead_sentence_skips_the_dateline(self):
        self.assertEqual(
            lead_sentence("本报陇西讯(通讯员张三)6月13日,会议召开。会议要求"), "6月13日,会议召开。"
        )


class RegionsTests(SimpleTestCase):
    def regions(self, headline, paragraphs, dateline=None):
        return article_committees(headline, None, paragraphs, dateline, DIRECTORY).regions

    def test_committees_acting_in_the_lead_follow_the_primary(self):
        regions = self.regions(
            "嘉峪关市政协在酒泉市开展专题考察调研",
            [
                "6月9日,嘉峪关市政协考察调研组来酒泉市。嘉峪关市政协主席王毅、酒泉市政协主席王海明一同考察调研。"
            ],
        )
        self.assertEqual(regions, ["620200", "620900"])

    def test_committees_acting_in_the_body_in_printed_order(self):
        regions = self.regions(
            "酒泉市政协助推招商",
            [
                "酒泉市政协建立机制。",
                "联合金塔县政协围绕核心技术招商;与玉门市政协紧盯产业链;肃州区政协组织委员开展视察。",
            ],
        )
        self.assertEqual(regions, ["620900", "620921", "620981", "620902"])

    def test_committees_merely_referred_to_are_not_subjects(self):
        regions = self.regions(
            "定西市政协召开省政协专项课题研究推进会议",
            [
                "7月7日,定西市政协召开课题研究推进会议,传达学习6月28日省政协课题专项研究工作推进会议精神。",
                "课题研究工作得到了省政协课题组的高度肯定。“礼县政协馆”在市政协举办的文创精品展上得到好评。",
            ],
        )
        self.assertEqual(regions, ["621100"])

    def test_a_county_committee_under_a_provincial_story_is_its_datelines(self):
        committees = article_committees(
            "省政协调研组赴临洮县调研",
            None,
            ["5月6日,省政协副主席带领调研组深入临洮县调研。县政协主席陪同调研。"],
            "临洮",
            DIRECTORY,
        )
        self.assertEqual((committees.primary, committees.local), ("620000", "621124"))
        self.assertEqual(committees.regions, ["620000", "621124"])

    def test_a_relative_form_below_the_primary_is_the_one_committee_of_the_article_there(self):
        lead = ["5月6日,张掖市政协和甘州区政协联合召开协商座谈会。市政协副主席主持,区政协主席出席。"]
        committees = article_committees("张掖市政协甘州区政协联合协商", None, lead, "张掖", DIRECTORY)
        self.assertEqual((committees.primary, committees.local), ("620700", "620702"))

    def test_two_committees_below_the_primary_leave_a_relative_form_unresolved(self):
        lead = ["5月6日,张掖市政协联合甘州区政协、临泽县政协召开协商座谈会。"]
        committees = article_committees("张掖市政协召开协商座谈会", None, lead, "张掖", DIRECTORY)
        self.assertEqual(committees.regions, ["620700", "620702", "620723"])
        self.assertIsNone(committees.local)

    def test_a_dateline_of_the_primary_or_above_it_is_no_local_committee(self):
        lead = ["5月6日,临洮县政协组织委员调研。市政协副主席参加。"]
        committees = article_committees("临洮县政协调研", None, lead, "定西", DIRECTORY)
        self.assertEqual((committees.primary, committees.local), ("621124", None))


class MostMentionedTests(SimpleTestCase):
    def test_of_committees_mentioned_as_often_the_one_above_the_others_is_primary(self):
        """A review naming no committee in its headline or lead: a county's committee and the
        province's each named once, the county as an example of the province's story."""
        result = article_committees(
            "让协商民主在基层落地生根",
            None,
            [
                "在基层,州政协探索建立了协商议事制度。",
                "市政协与永昌县政协联合开展议事活动。",
                "省政协主席表示,要让群众感受到协商就在身边。",
            ],
            None,
            DIRECTORY,
        )
        self.assertEqual((result.primary, result.inferred_from_body), ("620000", True))

    def test_the_most_mentioned_committee_still_wins_over_one_above_it(self):
        result = article_committees(
            "让协商民主在基层落地生根",
            None,
            ["州政协开展议事活动。", "永昌县政协组织委员调研。永昌县政协建立了制度。", "省政协给予肯定。"],
            None,
            DIRECTORY,
        )
        self.assertEqual(result.primary, "620321")
