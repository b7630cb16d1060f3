"""The in-memory committee directory: forms of each place, lookups, relative forms."""

from django.test import SimpleTestCase

from importer.parsing.directory import Committee, Directory

ENTRIES = [
    {"code": "620000", "name": "甘肃省政协", "division_name": "甘肃省", "level": "province",
     "parent": None, "short_names": ["省政协", "甘肃政协", "政协甘肃省委员会"]},
    {"code": "621100", "name": "定西市政协", "division_name": "定西市", "level": "prefecture",
     "parent": ["620000"], "short_names": ["定西"]},
    {"code": "621122", "name": "陇西县政协", "division_name": "陇西县", "level": "county",
     "parent": ["621100"], "short_names": ["陇西", "陇西政协"]},
    {"code": "622900", "name": "临夏回族自治州政协", "division_name": "临夏回族自治州", "level": "prefecture",
     "parent": ["620000"], "short_names": []},
    {"code": "622901", "name": "临夏市政协", "division_name": "临夏市", "level": "county",
     "parent": ["622900"], "short_names": []},
    {"code": "622926", "name": "东乡族自治县政协", "division_name": "东乡族自治县", "level": "county",
     "parent": ["622900"], "short_names": []},
]  # fmt: skip


class DirectoryTests(SimpleTestCase):
    directory = Directory.from_entries(ENTRIES)

    def test_fixture_holds_the_101_committees(self):
        directory = Directory.from_fixture()
        self.assertEqual(len(directory), 101)
        self.assertEqual(directory.get("621122").parent_code, "621100")
        self.assertEqual(directory.province.code, "620000")

    def test_place_forms_include_stems_of_autonomous_divisions(self):
        cases = [
            ("622900", {"临夏回族自治州", "临夏州", "临夏"}),
            ("622926", {"东乡族自治县", "东乡县", "东乡"}),
            ("621122", {"陇西县", "陇西"}),
            ("620000", {"甘肃省", "甘肃"}),
        ]
        for code, forms in cases:
            with self.subTest(code=code):
                self.assertEqual(self.directory.get(code).place_forms(), forms)

    def test_one_character_stem_is_not_a_place(self):
        committee = Committee("621022", "环县政协", "环县", "county", "621000")
        self.assertEqual(committee.place_forms(), {"环县"})

    def test_ambiguous_place_lists_every_committee(self):
        self.assertEqual(set(self.directory.codes_for_place("临夏")), {"622900", "622901"})
        self.assertEqual(self.directory.codes_for_place("陇西"), ("621122",))
        self.assertEqual(self.directory.codes_for_place("兰州"), ())

    def test_parent_and_children(self):
        self.assertEqual(self.directory.parent("621122").code, "621100")
        self.assertIsNone(self.directory.parent("620000"))
        self.assertEqual({c.code for c in self.directory.children("622900")}, {"622901", "622926"})

    def test_relative_forms_resolve_against_the_article_committee(self):
        cases = [
            ("省", "621122", "620000"),
            ("县", "621122", "621122"),
            ("市", "621122", "621100"),  # a county article's 市政协 is its prefecture's
            ("市", "622901", "622901"),  # a county-level city's 市政协 is its own
            ("州", "622901", "622900"),
            ("区", "621122", None),
            ("县", None, None),
        ]
        for level, context, expected in cases:
            with self.subTest(level=level, context=context):
                self.assertEqual(self.directory.resolve_relative(level, context), expected)

    def test_longest_place_matches_first(self):
        match = self.directory.mention_re.search("临夏市政协召开会议")
        self.assertEqual(match.group("named"), "临夏市")
