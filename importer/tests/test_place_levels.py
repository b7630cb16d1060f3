"""A level character inside a place name ("瓜州县", "凉州区", "兰州市") is part of the place: a body
naming such a committee names one, and a title naming another committee does not fit it. Pure: no
database.
"""

from django.test import SimpleTestCase

from importer.parsing import titles


class UnnamedLevelTests(SimpleTestCase):
    def test_a_place_holding_a_level_character_names_its_committee(self):
        bodies = ["4月2日，瓜州县政协召开主席会议。", "凉州区政协组织委员视察。", "兰州市政协召开常委会议。"]
        for body in bodies:
            with self.subTest(body=body):
                self.assertEqual(titles.unnamed_levels(body), frozenset())

    def test_a_level_alone_or_after_a_count_names_none(self):
        self.assertEqual(titles.unnamed_levels("会上，区政协主席讲话。"), {"区"})
        self.assertEqual(titles.unnamed_levels("各市县政协要抓好落实。"), {"县"})

    def test_a_title_naming_another_committee_does_not_fit_the_body(self):
        body = titles.BodyProfile.of("4月2日，瓜州县政协组织委员调研枸杞产业发展情况。")
        self.assertEqual(titles.match_score("古浪县政协调研枸杞产业发展", body, "古浪县"), 0.0)
        self.assertGreater(titles.match_score("瓜州县政协调研枸杞产业发展", body, "瓜州县"), 0.5)
