"""A member named after her CPPCC post and a post elsewhere ("市政协常委、某大学教授X建议"),
and the verbs that follow a speaker's name in a digest of speeches. Pure: no database.
"""

from django.test import SimpleTestCase

from importer.parsing.directory import Directory
from importer.parsing.persons import find_persons

DIRECTORY = Directory.from_fixture()


def persons(text: str, primary: str) -> list[tuple[str, str, str | None]]:
    return [(p.name, p.title, p.region_code) for p in find_persons(text, DIRECTORY, primary).persons]


class PostsAfterTheCommitteeTests(SimpleTestCase):
    def test_an_institution_and_a_profession_after_a_standing_members_post(self):
        self.assertEqual(
            persons("市政协常委、西北民族大学副教授赵明远建议,加强民族文化研究。", "620100"),
            [("赵明远", "常委、西北民族大学副教授", "620100")],
        )

    def test_a_democratic_partys_chair_after_a_standing_members_post(self):
        self.assertEqual(
            persons("市政协常委、农工党兰州市委会副主委孙丽华提出,要完善社区医疗服务。", "620100"),
            [("孙丽华", "常委、农工党兰州市委会副主委", "620100")],
        )

    def test_a_speaker_named_before_suggesting_or_holding_a_view(self):
        for verb in ("建议", "提出", "认为"):
            with self.subTest(verb=verb):
                self.assertEqual(
                    persons(f"县政协委员李文涛{verb},要加强监督。", "620722"),
                    [("李文涛", "委员", "620722")],
                )
