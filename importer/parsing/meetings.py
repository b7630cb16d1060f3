"""The meetings an article reports, as opposed to meetings it merely refers to.

A meeting is reported when the headline or the lead sentence says a committee held it ("X政协召开…
会议", "…主持召开…", "…第二次会议开幕"). Meetings whose decisions or spirit are cited ("按照…十届二次
会议做出的安排", "传达学习…会议精神") are not reported meetings.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial

from importer.parsing.committees import Mention, find_mentions, lead_sentence
from importer.parsing.directory import Directory
from importer.parsing.drafts import MeetingDraft
from importer.parsing.numerals import NUMERAL_CHARS, chinese_to_int

# Types in the order they are tried: the party group's study before study in general, the
# chairs' and standing committee's meetings before the numbered plenary form they share.
MEETING_TYPES = (
    ("party_study", re.compile(r"党组|理论学习中心组")),
    ("study", re.compile(r"学习会")),
    ("standing", re.compile(r"常委会|常务委员会")),
    ("chairs", re.compile(r"主席(?:会议|办公会|会)")),
    ("proposal", re.compile(r"提案.*会|提案督办")),
    ("consultation", re.compile(r"协商座谈会|专题协商会|双月协商|协商议事|协商会|协商活动|座谈会")),
    ("briefing", re.compile(r"通报会")),
    ("work", re.compile(r"推进会|动员部署会|部署会|工作会议|调度会")),
    ("plenary", re.compile(r"届.*次(?:全体)?会议$|全体会议$")),
)
_OPENING_VERBS = ("开幕", "闭幕")

# The lookahead lets the engine skip most positions with one character-class test.
_HELD_BY_SUBJECT = re.compile(r"(?=[主组召举])(?:主持|组织)?(?:召开|举行)了?")
# "开展…协商(议事)活动" reports a consultation too, though 开展 alone reports no meeting.
_CONSULTATION_ACTIVITY = re.compile(r"开展了?(?P<phrase>[^，。,；;！？!?\n]{2,40}?协商(?:议事)?活动)")
_HELD_PASSIVE = re.compile(
    r"(?:会议|会)(?:在[^，。,；;]{1,20})?(?:隆重|胜利|顺利)?(?P<verb>召开|举行|开幕|闭幕)"
)
# A clause runs to the next punctuation mark outside quotes ("召开了“…，…”等协商座谈会").
_CLAUSE = re.compile(r"(?:“[^”\n]*”|[^，。,；;：:！？!?\n“])*")
_CLAUSE_START = re.compile(r"[，。,；;：:！？!?\n]|\d日|日至\d+日")
# A party group's study session is printed as a 集体学习 as often as a 会议.
_MEETING_WORD = re.compile(r"会议|会(?![会议])|集体学习")
# A party body printed between the committee and the verb holds the meeting and names it
# ("县政协党组理论学习中心组举行第6次集体学习").
_PARTY_BODY = re.compile(r"党组(?:(?:理论学习)?中心组)?|理论学习中心组")
# "全省政协系统…工作会议在兰州召开": the meeting of every committee of a level is its committee's.
_SYSTEM_SUBJECT = re.compile(r"全(?P<level>[省市州县区])政协系统")
# Between the committee and the verb: the committee attends someone else's meeting.
_ATTENDING = re.compile(r"参加|出席|列席|应邀")
_SESSION = re.compile(rf"第?(?P<n>[{NUMERAL_CHARS}]+)届")
_SEQUENCE = re.compile(rf"第?(?P<n>[{NUMERAL_CHARS}]+)次")
_EXPANDED = re.compile(r"[(（]扩大[)）]")
# "先后召开党组会议和主席办公会议": two sittings, each its own meeting (a joint one says "暨").
_SITTINGS_APART = re.compile(r"(?<=会议)[和及与](?=[^和及与]*会议$)")
# "召开了“…”“…”等协商座谈会": several meetings of one kind, titled by the kind.
_LISTED_TOPICS = re.compile(r"^.*(?:”|》)等(?=[^”》]*会)")


def meeting_type(phrase: str, opening: bool = False) -> str | None:
    """The taxonomy code of a meeting phrase; an opening or closing without a type is a plenary.

    "(扩大)" may stand between the body and the meeting word ("主席(扩大)会议"); it says who
    attends, not what kind of meeting it is, so the type is read without it.
    """
    phrase = _EXPANDED.sub("", phrase)
    for code, pattern in MEETING_TYPES:
        if pattern.search(phrase):
            return code
    return "plenary" if opening and phrase.endswith("会议") else None


def reported_meetings(
    headline: str | None,
    lead: str,
    directory: Directory,
    primary: str | None,
    event_date: date | None = None,
    body: list[str] = (),
) -> list[MeetingDraft]:
    """Meetings the lead sentence reports, completed by those the headline reports, in printed order.

    `body` holds further paragraphs to search (a feature's): there a meeting counts only when the
    sentence names the committee holding it.
    """
    meetings = _meetings_in(lead_sentence(lead), directory, primary, event_date)
    for meeting in _meetings_in(headline or "", directory, primary, event_date):
        _merge(meetings, meeting)
    for paragraph in body:
        for meeting in _meetings_in(paragraph, directory, primary, event_date, named_holder=True):
            _merge(meetings, meeting)
    return meetings


def meeting_reported_before(
    texts: Sequence[str], reported: Sequence[MeetingDraft], directory: Directory, primary: str | None
) -> MeetingDraft | None:
    """The numbered meeting an earlier story on the page reported that one of `texts` names after
    its committee ("——市政协十五届第9次常委会议大会发言摘编"), nearest story first, or None.

    A digest of a meeting's speeches, or a sidebar to its report, names the meeting without saying
    it was held, often by the relative form alone ("市政协"): the same committee, type, session and
    sequence make it the meeting the earlier story reported. A relative form means the article's
    own committee, or with none known the one the earlier meeting was held by.
    """
    for meeting in reversed(reported):
        if meeting.session is None or meeting.sequence is None:
            continue
        for text in texts:
            named = _numbered_meetings_named(text, directory, primary or meeting.region_code)
            if any(_same_meeting(other, meeting) for other in named):
                return meeting
    return None


def _numbered_meetings_named(text: str, directory: Directory, context_code: str) -> list[MeetingDraft]:
    """Meetings printed right after a committee's name, held or only named."""
    drafts = []
    for mention in find_mentions(text, directory, context_code):
        clause = _CLAUSE.match(text, mention.end).group()
        word = _MEETING_WORD.search(clause)
        if mention.code and word:
            drafts += _drafts(clause[: word.end()], False, mention.code, None)
    return drafts


def _same_meeting(one: MeetingDraft, other: MeetingDraft) -> bool:
    return (one.region_code, one.meeting_type, one.session, one.sequence) == (
        other.region_code,
        other.meeting_type,
        other.session,
        other.sequence,
    )


def _merge(meetings: list[MeetingDraft], meeting: MeetingDraft) -> None:
    """Add a meeting, or complete the known one of its type with the numbers it lacks."""
    same = next(
        (index for index, known in enumerate(meetings) if known.meeting_type == meeting.meeting_type), None
    )
    if same is None:
        meetings.append(meeting)
    else:
        meetings[same] = _completed(meetings[same], meeting)


def _completed(meeting: MeetingDraft, other: MeetingDraft) -> MeetingDraft:
    return dataclasses.replace(
        meeting,
        session=meeting.session or other.session,
        sequence=meeting.sequence or other.sequence,
        expanded=meeting.expanded or other.expanded,
    )


def _meetings_in(
    text: str, directory: Directory, primary: str | None, event_date: date | None, named_holder: bool = False
) -> list[MeetingDraft]:
    mentions = find_mentions(text, directory, primary)
    meetings = []
    system_holder = partial(directory.resolve_relative, context_code=primary)
    for phrase_start, phrase_end, opening, holder, body in _phrases(text, mentions, system_holder):
        if named_holder and not holder:
            continue
        prefix = next((m for m in mentions if m.start == phrase_start), None)
        phrase = body + text[prefix.end if prefix else phrase_start : phrase_end]
        # A session keeps the committee's formal name in its title; "市政协党组…会议" is "党组…会议".
        title_prefix = prefix.text if prefix and prefix.formal else ""
        region = holder or (prefix.code if prefix else None) or primary
        if region:
            for sitting in _SITTINGS_APART.split(phrase):
                meetings += _drafts(sitting, opening, region, event_date, title_prefix)
    return meetings


def _phrases(text: str, mentions: list[Mention], system_holder: Callable[[str], str | None]):
    """(start, end, opening, holder code, holding body) of each meeting phrase a reporting verb
    governs; the holding body (`_holding_body`) is part of the meeting's name, printed before it.

    A passive "…会议在…召开" counts only when a committee is its subject: one named, or every
    committee of a level ("全省政协系统"), whose meeting `system_holder` gives to that level's.
    """
    for verb in _HELD_BY_SUBJECT.finditer(text):
        clause = _CLAUSE.match(text, verb.end()).group()
        words = list(_MEETING_WORD.finditer(clause))
        holder = _holder(text, verb.start(), mentions)
        if words and (holder is not False):
            body = _holding_body(text, verb.start(), mentions)
            yield verb.end(), verb.end() + words[-1].end(), False, holder or None, body
    for passive in _HELD_PASSIVE.finditer(text):
        start = _clause_start(text, passive.start())
        phrase_mentions = [m for m in mentions if start <= m.start < passive.start()]
        system = _SYSTEM_SUBJECT.match(text, start)
        if phrase_mentions or system:
            end = passive.start() + len(passive.group()) - len(passive.group("verb"))
            end = start + _last_meeting_word_end(text[start:end])
            opening = passive.group("verb") in _OPENING_VERBS
            if phrase_mentions:
                yield phrase_mentions[0].start, end, opening, phrase_mentions[0].code, ""
            else:
                yield start, end, opening, system_holder(system.group("level")), ""
    for activity in _CONSULTATION_ACTIVITY.finditer(text):
        holder = _holder(text, activity.start(), mentions)
        if holder:
            yield activity.start("phrase"), activity.end("phrase"), False, holder, ""


def _holder(text: str, verb_start: int, mentions: list[Mention]) -> str | bool | None:
    """The committee holding the meeting: the last one named before the verb in its sentence.

    False when the sentence shows the subject is not a committee holding it (it attends, or no
    committee is named before the verb although text is); None when the text starts with the verb.
    """
    sentence_start = max(text.rfind(mark, 0, verb_start) for mark in "。！？!?\n") + 1
    before = [m for m in mentions if sentence_start <= m.start and m.end <= verb_start]
    if not before:
        return None if not text[sentence_start:verb_start].strip() else False
    if _ATTENDING.search(text, before[-1].end, verb_start):
        return False
    return before[-1].code


def _holding_body(text: str, verb_start: int, mentions: list[Mention]) -> str:
    """The party body whose name is all that stands between the committee and the verb: the
    committee's party group or study group holds the meeting ("县政协党组理论学习中心组举行…");
    "" when anything else stands there ("县政协党组书记、主席X主持召开…")."""
    named = [mention for mention in mentions if mention.end <= verb_start]
    between = text[named[-1].end : verb_start] if named else ""
    return between if _PARTY_BODY.fullmatch(between) else ""


def _clause_start(text: str, position: int) -> int:
    starts = [match.end() for match in _CLAUSE_START.finditer(text, 0, position)]
    return starts[-1] if starts else 0


def _last_meeting_word_end(phrase: str) -> int:
    words = list(_MEETING_WORD.finditer(phrase))
    return words[-1].end() if words else len(phrase)


def _drafts(
    phrase: str, opening: bool, region: str, event_date: date | None, title_prefix: str = ""
) -> list[MeetingDraft]:
    """One draft per part of a joint meeting ("…会议暨…主席会议"), in printed order.

    A joint meeting is one sitting: every part carries the whole printed title, and a part printed
    without numbers ("党组…会议暨十一届二十二次主席会议") carries the numbers the sitting is given.
    """
    parts = [_LISTED_TOPICS.sub("", part) for part in phrase.lstrip("了").split("暨")]
    title = title_prefix + "暨".join(parts)
    sessions = [_number(_SESSION, part) for part in parts]
    sequences = [_number(_SEQUENCE, part) for part in parts]
    joint_session = next(filter(None, sessions), None)
    joint_sequence = next(filter(None, sequences), None)
    drafts = []
    for part, session, sequence in zip(parts, sessions, sequences, strict=True):
        code = meeting_type(part, opening)
        if code:
            drafts.append(
                MeetingDraft(
                    region_code=region,
                    meeting_type=code,
                    title=title,
                    session=session or joint_session,
                    sequence=sequence or joint_sequence,
                    expanded=bool(_EXPANDED.search(part)),
                    date=event_date,
                )
            )
    return drafts


def _number(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    if not match:
        return None
    try:
        return chinese_to_int(match.group("n"))
    except ValueError:
        return None
