"""Column layout: a feature's titles are printed in the first run of titles after it. A two-phrase
slogan printed in a later run, beside another story's headline, is that story's deck, however few
words it shares with either body; the one-phrase title right after the feature is its headline."""

from django.test import SimpleTestCase

from importer.parsing.segment import segment_page
from importer.reading import read_page

PAGE = """\
 本报山丹讯（通讯员李四）3月2日，

山丹县政协召开养老服务专题协商会，

围绕完善社区养老服务体系建言献策，

提出意见建议20余条。

山丹县政协召开养老服务专题协商会

“以前守着好山好水没收入，现在开

起了农家乐，一年能挣十几万。”说起

乡村旅游，村民老王满脸笑容。

近年来，县政协委员深入村社调研，

推动乡村旅游提档升级。

——县政协助力乡村旅游发展小记

让乡村旅游成为富民产业

 本报民乐讯（通讯员赵六）3月5日，

民乐县政协组织委员视察城区供水管

网改造工程，要求压实责任，确保按

期完工。

民乐县政协视察城区供水管网改造

凝心聚力谋发展 履职尽责建新功
"""


class FeatureTitleRunTests(SimpleTestCase):
    def test_slogan_in_a_later_run_stays_with_its_own_run(self):
        segments = segment_page(read_page("page.txt", PAGE.encode()))
        self.assertEqual(
            [(s.headline, s.subtitle) for s in segments],
            [
                ("山丹县政协召开养老服务专题协商会", None),
                ("让乡村旅游成为富民产业", "——县政协助力乡村旅游发展小记"),
                ("民乐县政协视察城区供水管网改造", "凝心聚力谋发展 履职尽责建新功"),
            ],
        )
