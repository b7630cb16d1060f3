"""The 101 committees in memory, so that parsing thousands of articles needs no database.

The paper names a committee in many ways: "嘉峪关市政协", "陇西政协", "政协两当县第十届委员会",
"中国人民政治协商会议民乐县…", and relative to the article's own committee ("县政协"). Every way
of naming a place is compiled once into one alternation, longest first, so the regex engine
prefers "临夏市" to "临夏".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# The stem of a division name is how the paper often prints the place: "张家川回族自治县" is
# "张家川" or "张家川县", "临夏回族自治州" is "临夏州", "东乡族自治县" is "东乡县".
_AUTONOMOUS = re.compile(
    r"^(?P<stem>.*?)(?:(?P<ethnic>回|藏|东乡|保安|撒拉|裕固|蒙古|哈萨克|土)族)+自治(?P<base>[州县])$"
)
_PLAIN = re.compile(r"^(?P<stem>.+)(?P<base>[省市州县区])$")
RELATIVE_LEVELS = "省市州县区"
_LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}  # the highest first; any other level last
FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "organizations.json"


@dataclass(frozen=True)
class Committee:
    code: str
    name: str
    division_name: str
    level: str
    parent_code: str | None
    short_names: tuple[str, ...] = ()

    def place_forms(self) -> set[str]:
        """Every way the paper prints this committee's place, before "政协" or after "政协"."""
        forms = {self.division_name, _without_cppcc(self.name)}
        # Formal short names ("政协陇西县委员会") are matched through the division name; relative
        # ones ("省政协") through the level character.
        forms.update(_without_cppcc(short) for short in self.short_names if not short.startswith("政协"))
        autonomous = _AUTONOMOUS.match(self.division_name)
        if autonomous:
            stem = autonomous.group("stem") or autonomous.group("ethnic")
            forms.add(stem + autonomous.group("base"))
        else:
            plain = _PLAIN.match(self.division_name)
            stem = plain.group("stem") if plain else ""
        if len(stem) >= 2:  # "环县", "漳县": a one-character stem is no name on its own
            forms.add(stem)
        return {form for form in forms if len(form) >= 2}


def _without_cppcc(name: str) -> str:
    return name.removesuffix("政协")


class Directory:
    """An immutable index of committees by code and by every printed form of their place."""

    def __init__(self, committees: Iterable[Committee]) -> None:
        self._by_code = {committee.code: committee for committee in committees}
        self._children: dict[str, list[Committee]] = {}
        places: dict[str, list[str]] = {}
        for committee in self._by_code.values():
            if committee.parent_code:
                self._children.setdefault(committee.parent_code, []).append(committee)
            for form in committee.place_forms():
                places.setdefault(form, []).append(committee.code)
        self._places = {form: tuple(codes) for form, codes in places.items()}
        self._highest = {form: min(codes, key=self._level_rank) for form, codes in self._places.items()}
        longest_first = sorted(self._places, key=len, reverse=True)
        self.place_pattern = "|".join(re.escape(form) for form in longest_first) or "(?!)"
        self.mention_re = _compile_mention_re(self.place_pattern, {form[0] for form in self._places})
        self.place_re = re.compile(self.place_pattern)
        self.province = next((c for c in self._by_code.values() if c.parent_code is None), None)

    @classmethod
    def from_entries(cls, entries: Iterable[dict]) -> Directory:
        """Entries with the Organization fields code, name, division_name, level, parent, short_names."""
        return cls(
            Committee(
                code=entry["code"],
                name=entry["name"],
                division_name=entry["division_name"],
                level=entry["level"],
                parent_code=_parent_code(entry.get("parent", entry.get("parent_code"))),
                short_names=tuple(entry.get("short_names") or ()),
            )
            for entry in entries
        )

    @classmethod
    def from_fixture(cls, path: str | Path = FIXTURE) -> Directory:
        """Read the organizations fixture (Django serialization with natural keys)."""
        records = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls.from_entries(
            record["fields"] for record in records if record.get("model") == "organizations.organization"
        )

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, code: str) -> Committee:
        return self._by_code[code]

    def parent(self, code: str) -> Committee | None:
        parent_code = self._by_code[code].parent_code
        return self._by_code.get(parent_code) if parent_code else None

    def children(self, code: str) -> tuple[Committee, ...]:
        return tuple(self._children.get(code, ()))

    def codes_for_place(self, place: str) -> tuple[str, ...]:
        """Committees printed as `place` ("临夏": the prefecture, the city and the county)."""
        return self._places.get(place, ())

    def highest_for_place(self, place: str) -> str | None:
        """The committee of the highest level printed as `place` ("临夏": the prefecture), the first
        listed of equals. Worked out once: every committee mention naming a place asks it."""
        return self._highest.get(place)

    def _level_rank(self, code: str) -> int:
        return _LEVEL_RANK.get(self._by_code[code].level, len(_LEVEL_RANK))

    def codes_for_places_in(self, text: str) -> list[str]:
        """Committees whose place `text` prints, committee or not, in printed order; an ambiguous
        place gives every candidate."""
        return [code for match in self.place_re.finditer(text) for code in self._places[match.group()]]

    def resolve_relative(self, level_char: str, context_code: str | None) -> str | None:
        """The committee meant by "省政协", "市政协", "县政协"… in an article about `context_code`.

        "市政协" in a 玉门市 article is 玉门市 itself; in a 陇西县 article it is the prefecture above.
        """
        if level_char == "省":
            return self.province.code if self.province else None
        code = context_code
        while code:
            committee = self._by_code[code]
            if committee.level != "province" and committee.division_name.endswith(level_char):
                return code
            code = committee.parent_code
        return None


def _parent_code(parent: object) -> str | None:
    """A parent given as a natural key (["620000"]), a plain code, or nothing."""
    if isinstance(parent, list | tuple):
        return parent[0] if parent else None
    return str(parent) if parent else None


def _compile_mention_re(place_pattern: str, first_chars: set[str]) -> re.Pattern[str]:
    """Named forms ("陇西县政协", "政协两当县", "中国人民政治协商会议民乐县") and relative ones ("县政协").

    A relative form preceded by another level or a quantifier is a generic plural ("各县区政协",
    "市县政协", "全市政协系统", "两市政协") and is not a mention. The leading lookahead lets the
    engine skip most positions with one character-class test instead of trying every place.
    """
    starts = re.escape("".join(sorted(first_chars | set("中政" + RELATIVE_LEVELS))))
    return re.compile(
        rf"(?=[{starts}])(?:"
        rf"(?:中国人民政治协商会议|政协)(?P<formal>{place_pattern})"
        rf"|(?P<named>{place_pattern})政协"
        rf"|(?<![各全两几诸每{RELATIVE_LEVELS}乡镇])(?P<relative>[{RELATIVE_LEVELS}])政协(?!系统)"
        r")"
    )
