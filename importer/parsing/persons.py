"""People named with a title: "[committee][title、title…]NAME" followed by a verb or punctuation.

Names are not in any dictionary, so a name is read from its shape: a known surname, two or three
characters (four with a compound surname), and a word boundary right after it. The two-character
reading is tried first, so "王毅主持" is 王毅 and "李艾婷代表" is 李艾婷.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from importer.parsing.committees import Mention, find_mentions
from importer.parsing.directory import Directory
from importer.parsing.drafts import PersonDraft
from importer.parsing.numerals import NUMERAL_CHARS

# Common Chinese surnames (the most frequent few hundred, with the Hui surnames common in Gansu),
# without characters that far more often start a word after a title (和, 在, 会, 要, 都, 来, 全,
# 应, 时, 由, 对, 就, 智, 信, 利, 相, 初, 门, 位…).
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武"
    "戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾阳穆司卓古吉"
    "缪车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬师仇栾隋商刁沙荣巫寇桑郎"
    "甄丛仲虞敖巩明佘池查麻苑迟匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟蔺藺楼盘厉伊"
    "仝郜海阚屠朴盖廉禹井祖漆巴丰支卿国狄晋芮扈晁阙浦戈伏鹿薄"
    "邸雍辜羊乌母裘亓修邰赫杭况那宿鲜逯隆茹诸慕亢嵇哈湛宾戎勾茅呼尉冶斯束檀"
    "昝幸奉衡富尧鱼敏喇妥拓虎"
)
COMPOUND_SURNAMES = (
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "夏侯", "宇文",
    "长孙", "独孤", "端木", "百里", "呼延", "南宫", "西门", "司徒", "申屠", "澹台", "轩辕",
)  # fmt: skip
_PUNCTUATION = r"，。、,；;：:！？!?()（）“”《》\s"
# What may follow a name in a sentence; the strong verbs alone also follow names read without a
# known surname (Tibetan names such as "才让东智" have none).
_STRONG_FOLLOWER = r"[，。、,；;：:！？!?)）“”\s]|$|主持|出席|带队|带领|代表|参加|一同|陪同|讲话|表示|说"
_NAME_FOLLOWER = re.compile(
    rf"{_STRONG_FOLLOWER}|一起|一边|在|对|向|就|率|牵头|负责|立即|和|与|及|等|同志|教授|指出|强调|要求|建议|提出|认为|"
    r"介绍|宣读|作|致辞|"
    r"发言|先后|分别|也|还|到|赴|深入|看望|慰问|调研|视察|考察|检查|参观|听取|主讲|领学|传达|通报|为|以|"
    r"从|通过|并|将|会见|接见|一行|同|结合|围绕"
)
_STRONG_NAME_FOLLOWER = re.compile(_STRONG_FOLLOWER)
# Given-name characters that are really grammar ("委员们", "主任的").
_NOT_IN_NAME = frozenset("们的了和与及是等会议员于")
# Characters of the words that follow a title without a name ("委员工作站", "主席会议成员").
_NOT_IN_UNKNOWN_NAME = _NOT_IN_NAME | frozenset(
    "工作站室组团队部局处科机关单位在对向为把被将有以上下各全每本该此其之这中心委"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")

# A title is an optional body and a role; a chain joins titles with "、", and a later title may
# name its own body ("委员、华藏寺镇岔口驿村党支部书记") as long as that is not a committee.
_BODY = r"(?:机关党组|党组|[省市州县区](?:委(?:常委)?|人大常委会|政府|纪委监委|委统战部))"
# "总书记" follows the name it belongs to; "常委会", "委员会" are bodies, not roles.
_ROLE = (
    r"(?:(?:常务)?副?(?:主席|秘书长|主任|主委|(?<!总)书记|省长|市长|州长|县长|区长|部长|厅长|局长|处长|院长|组长|会长|"
    r"理事长|总经理|经理|董事长|校长|所长|站长|馆长|社长)|党组成员|常委|委员)(?!会)"
)
_OTHER_BODY = rf"(?:(?!政协)[^{_PUNCTUATION}]){{0,15}}?"
# A profession held beside a CPPCC post ("委员、县果业技术推广中心高级农艺师"), right before a name
# (a known surname): a school's "教师进修学校" is an organisation, not a post.
_PROFESSION = (
    r"(?:(?:正?高级|副高级|主任|副主任|主治|助理|[一二三]级)?"
    r"(?:农艺师|畜牧师|兽医师|工程师|经济师|会计师|统计师|规划师|建筑师|医师|药师|护师|教师|律师)"
    r"|(?:副)?(?:研究员|教授))"
    rf"(?=[{''.join(sorted(SURNAMES))}])"
)
# The lookahead (every character a body or role can start with) spares trying each role at each position.
_TITLE_CHAIN = re.compile(
    rf"(?=[机党省市州县区常副主秘书部厅局处院组会理总经董校所站馆社委])"
    rf"{_BODY}?{_ROLE}(?:、(?:{_BODY}|{_OTHER_BODY})(?:{_PROFESSION}|{_ROLE}))*"
)
_NON_CPPCC_BODY = re.compile(
    r"[省市州县区](?:委|人大|政府|纪委)|部长|厅长|局长|处长|院长|省长|市长|州长|县长|区长"
)
# A title without a committee starts a phrase: after punctuation or a conjunction.
_PHRASE_START = set("，。、,；;：:（(\n和与及由其中")
# The organisation printed before a title ("横梁乡春晖新村党总支书记"): back to the clause start,
# short, with no grammar inside.
_ORGANISATION_BEFORE = re.compile(
    rf"(?:^|(?<=[{_PUNCTUATION}]))[^{_PUNCTUATION}的了在是把被将对向由为和与及等说]{{2,20}}$"
)
# A member's title printed after the name, then a verb or punctuation.
_ROLE_AFTER_NAME = re.compile(r"(?:委员|常委)(?=说|表示|建议|认为|所在|介绍|指出|提出|告诉|的|[，,。])")
# A post counted by a quantity ("一名副主席", "两位常委", "每名委员") is a post, not its holder: what
# follows is the rest of the sentence, not a name.
_QUANTITY_BEFORE = re.compile(rf"(?:[{NUMERAL_CHARS}]+|几|数|多|每|各)[名位个]$")
_QUANTITY_REACH = 8  # characters: a numeral of up to seven digits and its measure word
# "何志远,是市政协委员、…站长": the holder named before "是" and a committee's title with no name after it.
_COPULA_BEFORE = re.compile(r"[,，]?是$")
# A strong verb after two or three characters suggests a name the rules do not accept.
_LIKELY_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}(?=主持|出席|带队|带领|代表|参加|一同|陪同|讲话|表示)")


@dataclass(frozen=True)
class PersonsFound:
    persons: list[PersonDraft]
    doubtful: list[str]  # names read without the name rules' support, or titled text with no name read


def find_persons(
    text: str, directory: Directory, primary: str | None, local: str | None = None
) -> PersonsFound:
    """Titled people in printed order, each listed once with the first title printed; "县政协" below
    the primary committee is the `local` one's (committees.ArticleCommittees.local)."""
    mentions = find_mentions(text, directory, primary, local)
    ending_at = {mention.end: mention for mention in mentions}
    found: list[tuple[int, PersonDraft]] = _members_named_first(text, primary)
    doubtful = []
    for chain in _TITLE_CHAIN.finditer(text):
        committee = ending_at.get(chain.start())
        title = chain.group()
        # Only a committee right before the title vouches for a name without a known surname.
        allow_unknown = committee is not None
        if committee is None and not _starts_phrase(text, chain.start()):
            organisation = _ORGANISATION_BEFORE.search(text, max(0, chain.start() - 21), chain.start())
            if organisation is None:
                continue
            committee = next((m for m in mentions if organisation.start() <= m.start < chain.start()), None)
            title = text[committee.end if committee else organisation.start() : chain.end()]
            region = committee.code if committee else None
        else:
            region = _person_committee(title, committee, primary)
        if _counted(text, committee.start if committee else chain.start()):
            continue
        names = read_names(text, chain.end(), allow_unknown)
        if not names and committee is not None and (named := _named_before_copula(text, committee.start)):
            found.append((named[0], PersonDraft(named[1], title, region)))
            continue
        if not names and committee is not None and (likely := _LIKELY_NAME.match(text, chain.end())):
            doubtful.append(committee.text + title + likely.group())
        for name, known in names:
            if not known:
                doubtful.append(name)
            found.append((chain.end(), PersonDraft(name, title, region)))
    persons: dict[str, PersonDraft] = {}
    for _, person in sorted(found, key=lambda item: item[0]):
        persons.setdefault(person.name, person)
    return PersonsFound(list(persons.values()), doubtful)


def _members_named_first(text: str, primary: str | None) -> list[tuple[int, PersonDraft]]:
    """ "马成虎委员说", "张三常委表示": a member of the article's committee, named before the title."""
    found = []
    for role in _ROLE_AFTER_NAME.finditer(text):
        for length in (2, 3):
            start = role.start() - length
            name = text[start : role.start()]
            if (
                start >= 0
                and name[0] in SURNAMES
                and _starts_phrase(text, start)
                and _is_given_name(name[1:])
            ):
                found.append((start, PersonDraft(name, role.group(), primary)))
                break
    return found


def _named_before_copula(text: str, position: int) -> tuple[int, str] | None:
    """ "今年48岁的何志远,是…政协委员": where the name a committee's post is predicated of starts,
    and the name; it opens a phrase or follows "的", which fixes its length."""
    copula = _COPULA_BEFORE.search(text, max(0, position - 2), position)
    if copula is None:
        return None
    for length in (2, 3):
        start = copula.start() - length
        name = text[start : copula.start()]
        if start < 0 or not (_starts_phrase(text, start) or text[start - 1] == "的"):
            continue
        if name[0] in SURNAMES and _is_given_name(name[1:]):
            return start, name
    return None


def _counted(text: str, position: int) -> bool:
    """Whether a quantity stands right before the post that starts at `position`."""
    return _QUANTITY_BEFORE.search(text, max(0, position - _QUANTITY_REACH), position) is not None


def _is_given_name(chars: str) -> bool:
    return all(_CJK.match(char) and char not in _NOT_IN_NAME for char in chars)


def _starts_phrase(text: str, position: int) -> bool:
    return position == 0 or text[position - 1] in _PHRASE_START


def _person_committee(title: str, committee: Mention | None, primary: str | None) -> str | None:
    """The committee named before the title; a bare CPPCC title is the article's committee."""
    if committee is not None:
        return committee.code
    return None if _NON_CPPCC_BODY.search(title) else primary


def read_names(text: str, start: int, allow_unknown: bool = False) -> list[tuple[str, bool]]:
    """The names after a title, "才让东智、李淑芳" being two; each with whether its surname is known."""
    names = []
    while True:
        name = read_name(text, start)
        known = name is not None
        if name is None and allow_unknown:
            name = _read_unknown_name(text, start)
        if name is None:
            return names
        names.append((name, known))
        start += len(name)
        if not text.startswith("、", start):
            return names
        start += 1


def read_name(text: str, start: int) -> str | None:
    """The name starting at `start`: the shortest reading that a name boundary follows."""
    compound = next((s for s in COMPOUND_SURNAMES if text.startswith(s, start)), None)
    if compound:
        lengths, surname_length = (3, 4), 2
    elif start < len(text) and text[start] in SURNAMES:
        lengths, surname_length = (2, 3), 1
    else:
        return None
    for length in lengths:
        candidate = text[start : start + length]
        given = candidate[surname_length:]
        if len(candidate) == length and _is_given_name(given) and _NAME_FOLLOWER.match(text, start + length):
            return candidate
    return None


def _read_unknown_name(text: str, start: int) -> str | None:
    """A name without a known surname, after a committee's title: two to four characters that
    punctuation or a strong verb follows."""
    for length in (2, 3, 4):
        candidate = text[start : start + length]
        if (
            len(candidate) == length
            and all(_CJK.match(char) and char not in _NOT_IN_UNKNOWN_NAME for char in candidate)
            and _STRONG_NAME_FOLLOWER.match(text, start + length)
        ):
            return candidate
    return None
