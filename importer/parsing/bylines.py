"""Bylines: the dateline's correspondents, trailing "(张强)", feature bylines and photo credits."""

import re

from importer.reading.normalize import AUTHOR_MARK, join_names

_NAMES = r"[\u4e00-\u9fff·]{1,4}(?: [\u4e00-\u9fff·]{1,4}){0,5}"
_ROLE = r"(?:通讯员|记者|本报记者)"
DATELINE = re.compile(
    rf"^本报(?P<place>[\u4e00-\u9fff]{{0,8}}?)讯\s*(?:[(（]{_ROLE}?\s*(?P<names>{_NAMES})\s*[)）])?\s*"
)
_TRAILING = re.compile(
    rf"(?<=[。！？!?”.])\s*[(（](?P<names>{_NAMES})[)）]\s*$|^[(（](?P<alone>{_NAMES})[)）]$"
)
# "通讯员 X Y 摄影报道" anywhere in a block; "本报记者 X 摄" only closing it, after a sentence or alone.
_CREDIT = re.compile(
    rf"\s*(?:{_ROLE}\s*)?(?P<names>{_NAMES})\s*摄影?报道"
    rf"|(?:^|(?<=[。！？!?”]))\s*{_ROLE}\s*(?P<taken>{_NAMES})\s*摄$"
)
_FEATURE_BYLINE = re.compile(rf"^{_ROLE}\s*(?P<names>{_NAMES}(?:\s+{_ROLE}\s*{_NAMES})*)$")
_AUTHOR_BYLINE = re.compile(rf"^{AUTHOR_MARK}\s*(?P<names>{_NAMES})$")
_ROLE_WORD = re.compile(_ROLE)


def split_names(text: str) -> list[str]:
    """ "张海超 刘津津" -> two names; "张 烨" -> one."""
    return join_names(text).split()


def opens_with_dateline(text: str) -> bool:
    """Whether text opens on "本报X讯" or, with no place, "本报讯": an article's first words."""
    return bool(DATELINE.match(text))


def split_dateline(text: str) -> tuple[str | None, list[str], str]:
    """ "本报X讯(通讯员A B)正文" -> (X, [A, B], 正文), "本报讯(记者A)正文" -> (None, [A], 正文);
    text without a dateline comes back whole."""
    match = DATELINE.match(text)
    if not match:
        return None, [], text
    names = split_names(match.group("names")) if match.group("names") else []
    return match.group("place") or None, names, text[match.end() :]


def split_trailing_byline(text: str) -> tuple[str, list[str]]:
    """ "……专题视察。(张强)" -> ("……专题视察。", ["张强"]); also a block that is only "(杨军林)"."""
    match = _TRAILING.search(text)
    if not match:
        return text, []
    return text[: match.start()].rstrip(), split_names(match.group("names") or match.group("alone"))


def split_credit(text: str) -> tuple[str, list[str], str]:
    """A photo credit "通讯员 X Y 摄影报道" or "本报记者 X 摄" in a block: (text before,
    photographers, text after). Every credit has a "摄": most blocks have none and skip the search."""
    match = _CREDIT.search(text) if "摄" in text else None
    if not match:
        return text, [], ""
    names = split_names(match.group("names") or match.group("taken"))
    return text[: match.start()].rstrip(), names, text[match.end() :].strip()


def feature_byline(text: str) -> list[str]:
    """Names of a byline line "通讯员 王梅梅 朱莹霞" printed under a feature's title, else []; a line
    naming staff and correspondents ("本报记者 王梅梅 通讯员 朱莹霞") gives every name, an author's
    ("□ 马骁", `is_author_byline`) its author."""
    match = _FEATURE_BYLINE.match(text) or _AUTHOR_BYLINE.match(text)
    if not match:
        return []
    return [name for names in _ROLE_WORD.split(match.group("names")) for name in split_names(names)]


def is_author_byline(text: str) -> bool:
    """A byline naming no reporter's role, only its writer ("□ 马骁"): a signed piece, a commentary."""
    return bool(_AUTHOR_BYLINE.match(text))
