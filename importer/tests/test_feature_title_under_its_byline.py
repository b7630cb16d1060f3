"""Column layout: a feature's "——" subtitle and byline follow its body, and with no two-phrase
slogan in the run of titles after them, a one-phrase title naming no committee there is the
feature's headline, though a figure of speech shares few words with the body it titles."""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

PAGE = """\
 本报山丹讯（通讯员李四）3月2日，

山丹县政协召开养老服务专题协商会，

围绕完善社区养老服务体系建言献策，

提出意见建议20余条。

山丹县政协召开养老服务专题协商会

“孩子们的作业本干净了，字也写得

工整了。”说起这些年的变化，张老

师笑着翻开一摞作业。

今年56岁的张华，是县政协委员、

城关小学教师，从教三十余年。

——记县政协委员、城关小学教师张华

通讯员 王 五

一支粉笔写春秋

（接一版）

委员们还围绕农村饮水安全提出建议

12条，有关部门已逐条办理答复。
"""


class FeatureTitleUnderItsBylineTests(SimpleTestCase):
    def test_one_phrase_title_under_the_byline_is_the_features(self):
        segments = segment_page(read_page("page.txt", PAGE.encode()))
        self.assertEqual(
            [(s.headline, s.subtitle, s.correspondents) for s in segments[:2]],
            [
                ("山丹县政协召开养老服务专题协商会", None, ["李四"]),
                ("一支粉笔写春秋", "——记县政协委员、城关小学教师张华", ["王五"]),
            ],
        )


# Two stories, then the feature; the second story's headline is printed in the run after the
# feature, before the feature's own title.
TITLE_LATER_IN_THE_RUN = """\
 本报山丹讯（通讯员李四）3月2日，

山丹县政协召开养老服务专题协商会，

围绕完善社区养老服务体系建言献策，

提出意见建议20余条。

 本报民乐讯（通讯员赵六）3月5日，

民乐县政协组织委员视察城区供水管

网改造工程，要求压实责任，确保按

期完工。

山丹县政协召开养老服务专题协商会

“孩子们的作业本干净了，字也写得

工整了。”说起这些年的变化，张老

师笑着翻开一摞作业。

今年56岁的张华，是县政协委员、

城关小学教师，从教三十余年。

——记县政协委员、城关小学教师张华

通讯员 王 五

民乐县政协视察城区供水管网改造

一支粉笔写春秋
"""


class FeatureTitleLaterInTheRunTests(SimpleTestCase):
    def test_one_phrase_title_after_another_storys_headline_is_still_the_features(self):
        segments = segment_page(read_page("page.txt", TITLE_LATER_IN_THE_RUN.encode()))
        self.assertEqual(
            [(s.headline, s.subtitle) for s in segments],
            [
                ("山丹县政协召开养老服务专题协商会", None),
                ("民乐县政协视察城区供水管网改造", None),
                ("一支粉笔写春秋", "——记县政协委员、城关小学教师张华"),
            ],
        )
