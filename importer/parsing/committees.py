"""Which CPPCC committees an article names, and which one it is chiefly about.

A bare place ("陇西县", "定西市") is not a committee: only place plus 政协, or the formal forms
"政协X…委员会" / "中国人民政治协商会议X…", are. Relative forms ("市政协") mean the article's own
committee or one above it, so the primary committee is found first from the named forms.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from importer.parsing.directory import Directory

# A committee other than the primary one is a subject when an action follows it in the same
# clause ("肃州区政协组织委员开展…", "酒泉市政协主席王海明一同考察调研") but not as an attribute
# ("市政协举办的…展"), or when it is a partner ("与玉门市政协…", "联合金塔县政协…").
_ACTION = re.compile(
    r"[^，。,；;：:！？!?\n]{0,12}?"
    r"(?:召开|组织|开展|举办|举行|深入|赴|前往|来到|调研|视察|考察|建议|制定|出台|选派|借助|依托|围绕|聚焦|"
    r"协商|推动|助力|坚持|注重|探索|创新|建立|启动|成立|邀请|联合|牵头|承办|参加|出席|走访|慰问|开通|"
    r"提出|指导|督导|带队|带领|主持)(?!的)"
)
_PARTNER = ("与", "联合", "会同", "携手", "协同")
_SENTENCE_END = re.compile(r"[。！？!?]")
# "本报陇西讯(通讯员…)" at the start of a lead, if the segmenter left it there.
LEADING_DATELINE = re.compile(r"^\s*本报\S{1,8}?讯\s*(?:[(（][^)）]*[)）])?\s*")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    code: str | None
    relative: bool

    @property
    def formal(self) -> bool:
        """The committee's formal name ("中国人民政治协商会议两当县…"), part of a session's title."""
        return self.text.startswith(("中国人民政治协商会议", "政协"))


def find_mentions(
    text: str, directory: Directory, context_code: str | None = None, local_code: str | None = None
) -> list[Mention]:
    """Committee mentions in printed order; relative ones resolved against `context_code`, or
    against `local_code` when they name a level below it ("县政协" in a story led by "省政协")."""
    return list(_resolved_mentions(text, directory, context_code, local_code))


@lru_cache(maxsize=256)
def _resolved_mentions(
    text: str, directory: Directory, context_code: str | None, local_code: str | None
) -> tuple[Mention, ...]:
    """The extractors ask again for the mentions of a text they share, in the same article's
    context: on a page, four asks in ten repeat one already answered."""
    return tuple(_mention(match, directory, context_code, local_code) for match in _matches(text, directory))


@lru_cache(maxsize=256)
def _matches(text: str, directory: Directory) -> tuple[re.Match[str], ...]:
    """Scanning is the costly part and each article's paragraphs are scanned by several extractors."""
    return tuple(directory.mention_re.finditer(text))


def _mention(
    match: re.Match[str], directory: Directory, context_code: str | None, local_code: str | None = None
) -> Mention:
    relative = match.group("relative")
    if relative:
        code = directory.resolve_relative(relative, context_code)
        if code is None and local_code:
            code = directory.resolve_relative(relative, local_code)
    else:
        code = _resolve_place(match.group("formal") or match.group("named"), directory, context_code)
    return Mention(match.start(), match.end(), match.group(), code, relative is not None)


def _resolve_place(place: str, directory: Directory, context_code: str | None) -> str | None:
    """An ambiguous place ("临夏") is the context's committee if that is a candidate, else the highest."""
    if context_code in directory.codes_for_place(place):
        return context_code
    return directory.highest_for_place(place)


def lead_sentence(paragraph: str) -> str:
    """The first sentence of a paragraph, after any "本报X讯(…)" dateline."""
    paragraph = LEADING_DATELINE.sub("", paragraph)
    end = _SENTENCE_END.search(paragraph)
    return paragraph[: end.end()] if end else paragraph


def dateline_committee(dateline: str | None, text: str, directory: Directory) -> str | None:
    """The committee of "本报X讯"; an ambiguous X prefers a candidate the text names, even relatively."""
    if not dateline:
        return None
    codes = directory.codes_for_place(dateline)
    if len(codes) <= 1:
        return _only_child_meant(codes[0], text, directory) if codes else None
    mentions = find_mentions(text, directory)
    named = [mention.code for mention in mentions if mention.code in codes]
    # "市政协" in a 临夏 article names the city, "州政协" the prefecture.
    levels = [mention.text[0] for mention in mentions if mention.relative]
    by_level = [
        code for level in levels for code in codes if directory.get(code).division_name.endswith(level)
    ]
    chosen = named or by_level
    return chosen[0] if chosen else directory.highest_for_place(dateline)


def _only_child_meant(code: str, text: str, directory: Directory) -> str:
    """The committee a county's correspondent means under a prefecture's dateline.

    "本报金昌讯 … 区政协" : the text's own committee ("区政协", its first relative form) is of a
    level neither the dateline's committee nor any above it has, so it is below it; when the
    dateline's committee has one committee of that level, that one is meant.
    """
    level = _relative_level(text, directory)
    if level is None or directory.resolve_relative(level, code):
        return code
    below = [child.code for child in directory.children(code) if child.division_name.endswith(level)]
    return below[0] if len(below) == 1 else code


@dataclass(frozen=True)
class ArticleCommittees:
    primary: str | None
    regions: list[str]
    inferred_from_body: bool
    local: str | None = None  # where the story happens, below the primary: its dateline's committee


def article_committees(
    headline: str | None,
    subtitle: str | None,
    paragraphs: list[str],
    dateline: str | None,
    directory: Directory,
    from_page: str | None = None,
) -> ArticleCommittees:
    """The primary committee and every committee that is a subject of the article, primary first.

    `from_page` is the committee the page's other stories give an article naming none outright
    (the holder of a meeting an earlier story reported): preferred to a guess from the body.
    """
    lead = paragraphs[0] if paragraphs else ""
    body = "\n".join(paragraphs)
    from_dateline = dateline_committee(dateline, body, directory)
    primary = (
        _first_code([headline or "", subtitle or "", lead_sentence(lead)], directory, from_dateline)
        or from_dateline
    )
    inferred = primary is None and from_page is not None
    primary = primary or from_page
    if primary is None:
        primary = _inferred_from_body(headline, subtitle, lead, body, directory)
        inferred = primary is not None
    local = from_dateline if from_dateline and _is_below(from_dateline, primary, directory) else None
    regions = [primary] if primary else []
    for code in _subjects(headline, subtitle, paragraphs, directory, primary, local):
        if code not in regions:
            regions.append(code)
    local = local or _sole_subject_below(regions, primary, directory)
    return ArticleCommittees(primary, regions, inferred, local)


def _sole_subject_below(regions: list[str], primary: str | None, directory: Directory) -> str | None:
    """The one subject committee under the primary ("市政协和崆峒区政协联合召开…"), which a later
    "区政协" then means; with several below the primary, a relative form stays unresolved."""
    below = [code for code in regions[1:] if _is_below(code, primary, directory)]
    return below[0] if len(below) == 1 else None


def _is_below(code: str, primary: str | None, directory: Directory) -> bool:
    """Whether a committee is under `primary` (a county under the province leading the story)."""
    parent = directory.parent(code)
    while parent is not None and parent.code != primary:
        parent = directory.parent(parent.code)
    return primary is not None and parent is not None


def _inferred_from_body(
    headline: str | None, subtitle: str | None, lead: str, body: str, directory: Directory
) -> str | None:
    """The committee of an article that names none outright in its headline, deck or lead sentence.

    The text may still call it "市政协": a writer calls the article's own committee so, and names
    outright the committees it works with. That committee is the one of the relative form's level
    the headline or deck names as a place; else the relative form means the committee of its level
    above those the body names, and the lead's first committee, or the body's most mentioned, wins.
    """
    level = _relative_level(body, directory)
    titled = _level_named_in_title(level, headline, subtitle, directory)
    if titled:
        return titled
    context = _level_above_named(level, body, directory)
    return _first_code([lead], directory, context) or _most_mentioned(body, directory, context)


def _relative_level(body: str, directory: Directory) -> str | None:
    """The level of the first relative form in the body ("市" of "市政协"); "省政协" needs no context."""
    relative = (m.text[0] for m in find_mentions(body, directory) if m.relative)
    return next((level for level in relative if level != "省"), None)


def _level_named_in_title(
    level: str | None, headline: str | None, subtitle: str | None, directory: Directory
) -> str | None:
    """The committee of that level whose place the headline or deck prints ("助推陇南发展")."""
    if level is None:
        return None
    named = directory.codes_for_places_in(f"{headline or ''}\n{subtitle or ''}")
    return next((code for code in named if directory.resolve_relative(level, code) == code), None)


def _level_above_named(level: str | None, body: str, directory: Directory) -> str | None:
    """The committee of that level at or above the first committee the body names outright."""
    if level is None:
        return None
    named = (m.code for m in find_mentions(body, directory) if m.code and not m.relative)
    return next(filter(None, (directory.resolve_relative(level, code) for code in named)), None)


def _first_code(texts: list[str], directory: Directory, context_code: str | None) -> str | None:
    for text in texts:
        for mention in find_mentions(text, directory, context_code):
            if mention.code:
                return mention.code
    return None


def _most_mentioned(body: str, directory: Directory, context_code: str | None = None) -> str | None:
    """The body's most mentioned committee; of several mentioned as often, one the others are under.

    A review naming a county's committee once and the province's once ("与永昌县政协联合开展……",
    "省政协主席…表示") tells the province's story with the county as an example, not the reverse.
    """
    counts = Counter(mention.code for mention in find_mentions(body, directory, context_code) if mention.code)
    if not counts:
        return None
    top = max(counts.values())
    tied = [code for code, count in counts.items() if count == top]
    above = (code for code in tied if any(_is_below(other, code, directory) for other in tied))
    return next(above, tied[0])


def _subjects(
    headline: str | None,
    subtitle: str | None,
    paragraphs: list[str],
    directory: Directory,
    primary: str | None,
    local: str | None = None,
) -> list[str]:
    """Committees that act in the headline, deck or body, in printed order."""
    codes = []
    for text in [headline or "", subtitle or "", *paragraphs]:
        codes += [
            mention.code
            for mention in find_mentions(text, directory, primary, local)
            if mention.code and _is_subject(text, mention)
        ]
    return codes


def _is_subject(text: str, mention: Mention) -> bool:
    return bool(_ACTION.match(text, mention.end)) or text[: mention.start].endswith(_PARTNER)
