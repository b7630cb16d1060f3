"""Chinese numerals as printed in the paper: session numbers ("十一届"), counts, spelled-out years.

cn2an handles numerals with units ("二十二", "一百零三"); years are printed digit by digit
("二〇二三", and in PDF extractions often with a Latin "O" for 〇), which cn2an reads only in part.
"""

import re

import cn2an

# Characters a numeral may be made of, for use inside other modules' regexes.
NUMERAL_CHARS = "〇零一二三四五六七八九十百千万两0-9"

_DIGIT_VALUES = {"〇": 0, "零": 0, "O": 0, "o": 0, "○": 0, "Ｏ": 0, "两": 2}
_DIGIT_VALUES.update({char: value for value, char in enumerate("零一二三四五六七八九") if value})
_UNIT_CHARS = re.compile("[十百千万亿]")


def chinese_to_int(text: str) -> int:
    """The value of an Arabic or Chinese numeral; raises ValueError when `text` is not one."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not _UNIT_CHARS.search(text):
        return _digit_by_digit(text)
    try:
        return int(cn2an.cn2an(text.replace("两", "二"), "normal"))
    except ValueError as error:
        raise ValueError(f"not a Chinese numeral: {text!r}") from error


def _digit_by_digit(text: str) -> int:
    """Numerals without units are positional: "二〇二三" is 2023, "二O二三" too."""
    if not text or any(char not in _DIGIT_VALUES and not char.isdigit() for char in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    value = 0
    for char in text:
        value = value * 10 + (int(char) if char.isdigit() else _DIGIT_VALUES[char])
    return value
