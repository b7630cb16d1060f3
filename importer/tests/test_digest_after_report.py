"""Column layout: a digest or feature printed right after a news story, no title between them.

A digest of speeches opens on a note naming the meeting in full and announcing the excerpts
("在……会议上，……现摘编如下。"); its "——" subtitle names the meeting by level only, so it names no
committee other than the story's. A feature opening on a quote followed by a paragraph on "这"
("这条小巷的变化，……") opens with both.
"""

from django.test import SimpleTestCase

from importer.parsing.segment import feature_start, segment_page
from importer.reading import read_page

DIGEST_SUBTITLE = "——县政协常委会议大会发言摘编"

# A news story, then a digest of the speeches at its meeting with its subtitle, then the titles.
REPORT_THEN_DIGEST = f"""\
 本报临泽讯（通讯员王五）3月2日，

临泽县政协召开十届八次常委会议，

围绕乡村旅游发展开展专题议政。县

政协主席李明主持会议。

会议指出，要发挥特色资源优势，推

动乡村旅游提质增效。

在3月2日召开的县政协十届八次常委

会议上，4位常委作大会发言。现摘编

如下。

县政协常委赵六说：“要把特色民宿

和农家乐串成线，打造精品线路。”

县政协常委钱七建议，加大对乡村旅

游从业人员的培训力度。

{DIGEST_SUBTITLE}

临泽县政协召开十届八次常委会议

把乡村旅游做成富民产业
"""

# The same without the digest's subtitle: its note alone says another piece begins.
REPORT_THEN_UNTITLED_DIGEST = REPORT_THEN_DIGEST.replace(f"{DIGEST_SUBTITLE}\n\n", "")

# A story announcing excerpts of its own meeting ("会上，") goes on through them.
REPORT_WITH_ITS_OWN_EXCERPTS = REPORT_THEN_UNTITLED_DIGEST.replace(
    "在3月2日召开的县政协十届八次常委", "会上，4位常委围绕乡村旅游作大会"
).replace("会议上，4位常委作大会发言。现摘编", "发言，提出意见建议。现摘编")


def openings(page: str) -> list[str]:
    return [segment.paragraphs[0][:8] for segment in segment_page(read_page("page.txt", page.encode()))]


class DigestAfterReportTests(SimpleTestCase):
    def test_digest_with_a_subtitle_naming_the_meeting_by_level_is_cut_from_the_report(self):
        segments = segment_page(read_page("page.txt", REPORT_THEN_DIGEST.encode()))
        self.assertEqual(openings(REPORT_THEN_DIGEST), ["3月2日，临泽县", "在3月2日召开的"])
        self.assertEqual([segment.subtitle for segment in segments], [None, DIGEST_SUBTITLE])
        self.assertTrue(segments[0].body.endswith("推动乡村旅游提质增效。"))

    def test_digest_note_opens_another_piece_without_a_subtitle(self):
        self.assertEqual(openings(REPORT_THEN_UNTITLED_DIGEST), ["3月2日，临泽县", "在3月2日召开的"])

    def test_story_announcing_excerpts_of_its_own_meeting_stays_whole(self):
        self.assertEqual(openings(REPORT_WITH_ITS_OWN_EXCERPTS), ["3月2日，临泽县"])

    def test_digest_note_cut_before_its_last_sentence_still_opens_the_digest(self):
        paragraphs = ["3月2日，临泽县政协召开常委会议。", "会议指出，要推动乡村旅游提质增效。",
                      "在3月2日召开的县政协常委会议上，4位常委作大会发言。", "现摘编如下。",
                      "县政协常委赵六说：“要打造精品线路。”"]  # fmt: skip
        self.assertEqual(feature_start(paragraphs, ["临泽县"], DIGEST_SUBTITLE), 2)

    def test_a_subtitle_naming_no_other_committee_cuts_nothing_without_a_digest_note(self):
        paragraphs = ["3月2日，临泽县政协召开常委会议。", "会议指出，要推动乡村旅游提质增效。",
                      "县政协常委赵六说：“要打造精品线路。”"]  # fmt: skip
        self.assertIsNone(feature_start(paragraphs, ["临泽县"], DIGEST_SUBTITLE))


class QuoteThenDemonstrativeTests(SimpleTestCase):
    SUBTITLE = "——民乐县政协推进委员工作站建设纪实"

    def test_paragraph_on_this_takes_the_quote_before_it_into_the_feature(self):
        paragraphs = ["4月2日，山丹县政协视察春耕。", "视察组建议，加强项目的全过程监管。",
                      "“路灯修好了，出门再也不用摸黑了。”",
                      "这条小巷的变化，源于委员工作站组织的一次协商议事活动。",
                      "近年来，民乐县政协把委员工作站建设作为重点。"]  # fmt: skip
        self.assertEqual(feature_start(paragraphs, ["山丹"], self.SUBTITLE), 2)

    def test_paragraph_on_this_after_the_story_stays_in_the_story(self):
        paragraphs = ["4月2日，山丹县政协视察春耕。", "视察组建议，加强全过程监管。",
                      "这是县政协今年开展的第三次视察。",
                      "近年来，民乐县政协把委员工作站建设作为重点。"]  # fmt: skip
        self.assertEqual(feature_start(paragraphs, ["山丹"], self.SUBTITLE), 3)
