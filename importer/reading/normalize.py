"""Spaces inside Chinese text: which ones the typesetting added and which ones the text means.

Column pages are set with letter-spacing, so their text arrives as "1 月 29日" or "罗 琼". Body text
drops every space that touches Chinese; a title keeps the space between its two phrases; a byline
keeps the space between two names. Punctuation is kept as printed.
"""

import re

_SPACES = re.compile(r"[ \t\u3000\u00a0]+")
_NARROW = re.compile(r"[\x00-\u1fff]")  # one character outside is_wide(), for counting in C
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_NAME_LIST = r"[\u4e00-\u9fff·]{1,4}(?:[ \u3000]+[\u4e00-\u9fff·]{1,4}){0,5}"
# Byline spans inside a paragraph whose inner spaces separate names.
_BYLINE_SPANS = re.compile(
    rf"(?<=[(（])(?:通讯员|记者|本报记者)[ \u3000]*{_NAME_LIST}(?=[)）])"
    rf"|(?<=[(（]){_NAME_LIST}(?=[)）]\s*$)"
)
_ROLE = r"(?:通讯员|记者|本报记者)"
# "本报记者 扎西措 摄": a credit closing on "摄" alone names a role, and opens its line or follows
# the caption's last sentence ("拍摄" ends many a sentence's words, never after a full stop).
_TAKEN_BY = rf"(?:^|(?<=[。！？!?”]))[ \u3000]*{_ROLE}[ \u3000]*{_NAME_LIST}[ \u3000]*摄"
# A photo credit at the end of a printed line or block: it ends the caption.
_CREDIT_END = re.compile(rf"(?:摄影?报道|{_TAKEN_BY})$")
_CREDIT_SPAN = re.compile(rf"(?:{_ROLE}?[ \u3000]*{_NAME_LIST}[ \u3000]*摄影?报道|{_TAKEN_BY})\s*$")
_BYLINE_ROLES = re.compile(rf"({_ROLE})([ \u3000]*)")
_BYLINE_MARK = r"[□■][ \u3000]*"  # the box some pages print before a byline under a title
AUTHOR_MARK = "□"
_CREDIT_TAIL = re.compile(r"[ \u3000]*(摄影?报道|摄)\s*$")


def is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def is_wide(char: str) -> bool:
    """Whether the character takes a full em in print: CJK, full-width punctuation, “”, —, …"""
    return ord(char) >= 0x2000


def display_width(text: str) -> int:
    """Printed width of a line in half-em units (CJK and full-width 2, ASCII 1).

    Every character counts two less one per narrow character: the paper's lines are mostly wide,
    so listing the few narrow ones costs less than building the string of the wide ones."""
    return 2 * len(text) - len(_NARROW.findall(text))


def _latin_token_length(text: str, index: int, step: int) -> int:
    """Length of the run of Latin letters that starts at `index` and extends in direction `step`."""
    length = 0
    while 0 <= index < len(text) and text[index].isascii() and text[index].isalpha():
        length += 1
        index += step
    return length


def _space_is_typesetting(text: str, start: int, end: int) -> bool:
    """Whether the space text[start:end] is letter-spacing rather than a word separator.

    A space touching Chinese goes, unless the other side is a Latin word ("思想 and 党的"); a
    lone Latin letter set between Chinese characters ("二 O 二三年") is a Chinese numeral.
    """
    if start == 0 or end == len(text):
        return True
    left, right = text[start - 1], text[end]
    if left.isdigit() and right.isdigit():
        return True  # a number cut by letter-spacing ("2 023年", "1 1月"): no text sets two numbers apart
    if not (is_wide(left) or is_wide(right)):
        return False
    if right.isascii() and right.isalpha():
        return _latin_token_length(text, end, 1) == 1
    if left.isascii() and left.isalpha():
        return _latin_token_length(text, start - 1, -1) == 1
    return True


def remove_inner_spaces(text: str) -> str:
    """Body text: drop every space inside Chinese text, keep one space between Latin/number words."""
    return _SPACES.sub(
        lambda match: "" if _space_is_typesetting(text, match.start(), match.end()) else " ",
        text,
    ).strip()


def join_names(text: str) -> str:
    """Byline names: "张海超 刘津津" are two people, "张 烨" is one.

    A one-character piece is half of a letter-spaced name and joins its neighbour.
    """
    pieces = text.split()
    names: list[str] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        if len(piece) == 1 and index + 1 < len(pieces):
            names.append(piece + pieces[index + 1])
            index += 2
            continue
        if len(piece) == 1 and names:
            names[-1] += piece
        else:
            names.append(piece)
        index += 1
    return " ".join(names)


def _is_phrase(token: str) -> bool:
    """A title phrase: at least three characters, Chinese (or quotes) at both ends."""
    return len(token) >= 3 and all(is_wide(char) for char in (token[0], token[-1]))


def normalize_title(text: str) -> str:
    """Title text: keep the space between two phrases ("行而不辍抓学习 驰而不息抓落实"), drop the rest."""
    tokens = text.split()
    if not tokens:
        return ""
    result = tokens[0]
    for token in tokens[1:]:
        if _is_phrase(token) and _is_phrase(result.rsplit(" ", 1)[-1]):
            result += " " + token
        else:
            result = remove_inner_spaces(result + " " + token)
    return result


def normalize_byline(text: str) -> str:
    """A byline as printed ("通讯员 X Y 摄影报道", "本报记者 X 摄", "通讯员X", "本报记者 X 通讯员 Y"),
    with the names of each role separated by one space. The box printed before a byline goes
    ("□ 本报记者 X"), unless no role follows it: then it alone says the names are a byline, an
    author's ("□ 马骁")."""
    text, marked = re.subn(f"^{_BYLINE_MARK}", "", text.strip())
    credit = _CREDIT_TAIL.search(text) if _BYLINE_ROLES.search(text) or "报道" in text else None
    # [names before any role, role, spaces after it, its names, role, spaces, names, ...]
    pieces = _BYLINE_ROLES.split(text[: credit.start()] if credit else text)
    byline = join_names(pieces[0])
    for role, spaces, names in zip(pieces[1::3], pieces[2::3], pieces[3::3], strict=True):
        byline += (" " if byline else "") + role + (" " if spaces else "") + join_names(names)
    if credit:
        return f"{byline} {credit.group(1)}"
    return f"{AUTHOR_MARK} {byline}" if marked and len(pieces) == 1 else byline


def normalize_paragraph(text: str) -> str:
    """Body text with its byline spans ("（通讯员罗 琼）", "通讯员 鱼勇 赵婷婷 摄影报道") kept as bylines."""
    pieces: list[str] = []
    last = 0
    spans = list(_BYLINE_SPANS.finditer(text)) if "（" in text or "(" in text else []
    credit = _CREDIT_SPAN.search(text) if "摄" in text else None
    for match in [*spans, credit] if credit else spans:
        pieces.append(remove_inner_spaces(text[last : match.start()]))
        byline = normalize_byline(match.group())
        credit_after_text = match is credit and match.start() > 0
        pieces.append(" " + byline if credit_after_text else byline)
        last = match.end()
    pieces.append(remove_inner_spaces(text[last:]))
    return "".join(pieces).strip()


_CLOSERS = "”’）)》」』】"
_SENTENCE_END = "。！？!?…."
_TRAILING_PAREN = re.compile(r"[(（][^()（）]{1,12}[)）]$")
_SENTENCE_PUNCTUATION = re.compile(r"[。！？!?；;]")
# "一、" opening a feature's numbered section head.
SECTION_NUMBER = re.compile(r"^[一二三四五六七八九十]{1,3}、")
BYLINE_LINE = re.compile(
    rf"^(?:(?:{_BYLINE_MARK})?(?:{_ROLE}[ \u3000]*{_NAME_LIST}[ \u3000]*)+(?:摄影?报道)?"
    rf"|{_NAME_LIST}[ \u3000]*摄影?报道|[(（][ \u3000]*{_NAME_LIST}[ \u3000]*[)）]"
    rf"|{_BYLINE_MARK}{_NAME_LIST})$"  # an author's name alone after the box: "□ 马 骁"
)


def ends_on_credit(text: str) -> bool:
    """Whether a printed line or block ends on a photo credit ("通讯员 X 摄影报道", "本报记者 X 摄").

    Every credit has a "摄": most lines have none and skip the search, which would try the
    credit's names at every character."""
    return "摄" in text and bool(_CREDIT_END.search(text))


def ends_sentence(text: str) -> bool:
    """Whether the text ends a sentence, looking past closing quotes and a byline "(张强)".

    The reflow asks it of every printed line: only one closing on a parenthesis is searched."""
    text = text.rstrip()
    if text.endswith((")", "）")):
        text = _TRAILING_PAREN.sub("", text).rstrip()
    text = text.rstrip(_CLOSERS)
    return bool(text) and text[-1] in _SENTENCE_END


def has_sentence_punctuation(text: str) -> bool:
    return bool(_SENTENCE_PUNCTUATION.search(text))


def is_title_like(text: str) -> bool:
    """Short, without sentence punctuation: a title, kicker, deck, label or section head."""
    return len(text) <= 40 and not has_sentence_punctuation(text) and not BYLINE_LINE.match(text)


def normalize_block(text: str) -> str:
    """Normalise a reflowed block by what it is: byline, title or body paragraph."""
    text = text.strip()
    if BYLINE_LINE.match(text):
        return normalize_byline(text)
    if is_title_like(text):
        return normalize_title(text)
    return normalize_paragraph(text)
