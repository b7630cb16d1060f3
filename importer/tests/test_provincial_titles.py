"""Titles naming the provincial committee only as "省政协": the one provincial committee, so a
title opening on it names its committee and is the headline beside a one-phrase deck."""

from django.test import SimpleTestCase

from importer.parsing import titles
from importer.parsing.segment import segment_page
from importer.reading import read_page

HEADLINE = "省政协召开城乡供水一体化专题议政会"
DECK = "让安全好水流进千家万户"
LEAD = (
    "本报讯（记者张三）3月5日，省政协召开城乡供水一体化专题议政会，"
    "围绕农村供水保障建言献策。省政协主席李四出席会议并讲话。"
)
SECOND = "会议要求，要加快管网建设，让安全好水流进千家万户。"

# The deck printed above its headline, as paragraph pages sometimes print it.
PARAGRAPH_PAGE = f"{DECK}\n\n{HEADLINE}\n\n{LEAD}\n\n{SECOND}\n"

# The same story set in a 15-character column, its titles printed after it, deck first.
COLUMN_PAGE = """\
 本报讯（记者张三）3月5日，省政

协召开城乡供水一体化专题议政

会，围绕农村供水保障建言献策。

省政协主席李四出席会议并讲话。

会议要求，要加快管网建设，让安

全好水流进千家万户。

让安全好水流进千家万户

省政协召开城乡供水一体化专题议政会
"""


def _titles(text: str) -> list[tuple[str | None, str | None]]:
    return [(s.headline, s.subtitle) for s in segment_page(read_page("page.txt", text.encode()))]


class ProvincialCommitteeTests(SimpleTestCase):
    def test_provincial_committee_is_named_and_bare_levels_are_not(self):
        self.assertEqual(titles.committee_name(HEADLINE), "省")
        self.assertIsNone(titles.committee_name("市政协召开常委会议"))
        self.assertIsNone(titles.committee_name("县政协开展专题视察"))

    def test_provincial_committee_is_mentioned_only_as_such(self):
        self.assertTrue(titles.mentions_committee("省", LEAD))
        self.assertTrue(titles.mentions_committee("省", "政协甘肃省第十三届委员会常务委员会第十次会议"))
        self.assertFalse(titles.mentions_committee("省", "全省各级政协组织要落实省委部署。"))

    def test_deck_printed_above_a_provincial_headline_stays_the_deck(self):
        self.assertEqual(_titles(PARAGRAPH_PAGE), [(HEADLINE, DECK)])

    def test_column_titles_of_a_provincial_story_keep_their_roles(self):
        self.assertEqual(_titles(COLUMN_PAGE), [(HEADLINE, DECK)])
