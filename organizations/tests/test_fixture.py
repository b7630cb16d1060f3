"""The reference fixture of Gansu's 101 CPPCC committees, checked against the GB/T 2260 divisions."""

from collections import Counter

import pytest
from django.core.management import call_command

from organizations.models import Level, Organization

# Counties per prefecture, from the GB/T 2260 table (嘉峪关 is a prefecture-level city with none).
COUNTIES_PER_PREFECTURE = {
    "兰州市": 8,
    "嘉峪关市": 0,
    "金昌市": 2,
    "白银市": 5,
    "天水市": 7,
    "武威市": 4,
    "张掖市": 6,
    "平凉市": 7,
    "酒泉市": 7,
    "庆阳市": 8,
    "定西市": 7,
    "陇南市": 9,
    "临夏回族自治州": 8,
    "甘南藏族自治州": 8,
}

# County-level divisions whose parent is easy to get wrong: county-level cities, shared stems,
# autonomous counties, and a county renamed from 县 to 市.
TRICKY_PARENTS = [
    ("玉门市", "酒泉市"),
    ("敦煌市", "酒泉市"),
    ("临夏市", "临夏回族自治州"),
    ("临夏县", "临夏回族自治州"),
    ("华亭市", "平凉市"),
    ("合作市", "甘南藏族自治州"),
    ("白银区", "白银市"),
    ("张家川回族自治县", "天水市"),
    ("天祝藏族自治县", "武威市"),
    ("肃南裕固族自治县", "张掖市"),
    ("阿克塞哈萨克族自治县", "酒泉市"),
    ("积石山保安族东乡族撒拉族自治县", "临夏回族自治州"),
]

# Slugs whose pinyin depends on polyphonic characters or on how the generic part is shortened.
EXPECTED_SLUGS = [
    ("甘肃省", "gansu"),
    ("临夏回族自治州", "linxia-zhou"),
    ("临夏市", "linxia-shi"),
    ("临夏县", "linxia-xian"),
    ("张家川回族自治县", "zhangjiachuan-xian"),
    ("宕昌县", "dangchang-xian"),
    ("碌曲县", "luqu-xian"),
    ("华亭市", "huating-shi"),
    ("漳县", "zhang-xian"),
    ("岷县", "min-xian"),
    ("会宁县", "huining-xian"),
    ("镇原县", "zhenyuan-xian"),
    ("合水县", "heshui-xian"),
    ("崆峒区", "kongtong-qu"),
    ("民乐县", "minle-xian"),
    ("康乐县", "kangle-xian"),
    ("武都区", "wudu-qu"),
    ("两当县", "liangdang-xian"),
]

SLUG_SUFFIX_BY_LEVEL = {
    Level.PREFECTURE: ("-shi", "-zhou"),
    Level.COUNTY: ("-qu", "-xian", "-shi"),
}


@pytest.fixture
def committees(db) -> list[Organization]:
    call_command("loaddata", "organizations", verbosity=0)
    return list(Organization.objects.select_related("parent"))


def by_division(committees: list[Organization]) -> dict[str, Organization]:
    return {committee.division_name: committee for committee in committees}


def duplicates(values) -> list:
    return [value for value, count in Counter(values).items() if count > 1]


def test_fixture_holds_101_committees(committees):
    assert len(committees) == 101


def test_levels_are_one_province_14_prefectures_86_counties(committees):
    assert Counter(c.level for c in committees) == {
        Level.PROVINCE: 1,
        Level.PREFECTURE: 14,
        Level.COUNTY: 86,
    }


def test_province_is_the_only_root_and_parent_of_every_prefecture(committees):
    province = by_division(committees)["甘肃省"]
    assert province.parent is None
    assert [c for c in committees if c.parent is None] == [province]
    assert all(c.parent == province for c in committees if c.level == Level.PREFECTURE)


def test_every_county_belongs_to_a_prefecture(committees):
    counties = [c for c in committees if c.level == Level.COUNTY]
    assert {c.parent.level for c in counties} == {Level.PREFECTURE}


def test_counties_per_prefecture_match_the_division_table(committees):
    counted = Counter(c.parent.division_name for c in committees if c.level == Level.COUNTY)
    prefectures = [c.division_name for c in committees if c.level == Level.PREFECTURE]
    assert {name: counted[name] for name in prefectures} == COUNTIES_PER_PREFECTURE


@pytest.mark.parametrize(("county", "prefecture"), TRICKY_PARENTS)
def test_county_level_division_has_its_prefecture_as_parent(committees, county, prefecture):
    assert by_division(committees)[county].parent.division_name == prefecture


def test_jiayuguan_has_no_counties(committees):
    assert not by_division(committees)["嘉峪关市"].children.exists()


def test_county_code_extends_its_prefecture_code(committees):
    strays = [
        c.division_name for c in committees if c.level == Level.COUNTY and c.code[:4] != c.parent.code[:4]
    ]
    assert strays == []


def test_prefecture_codes_end_in_00(committees):
    assert all(c.code.endswith("00") for c in committees if c.level != Level.COUNTY)
    assert not any(c.code.endswith("00") for c in committees if c.level == Level.COUNTY)


@pytest.mark.parametrize("field", ["code", "name", "division_name", "slug"])
def test_field_is_unique_across_committees(committees, field):
    assert duplicates(getattr(c, field) for c in committees) == []


def test_name_is_division_name_followed_by_zhengxie(committees):
    assert [c.code for c in committees if c.name != f"{c.division_name}政协"] == []


@pytest.mark.parametrize(("division_name", "slug"), EXPECTED_SLUGS)
def test_slug_is_pinyin_of_stem_and_generic_part(committees, division_name, slug):
    assert by_division(committees)[division_name].slug == slug


def test_slug_suffix_matches_level(committees):
    mismatched = [
        c.slug
        for c in committees
        if c.level != Level.PROVINCE and not c.slug.endswith(SLUG_SUFFIX_BY_LEVEL[c.level])
    ]
    assert mismatched == []


def test_short_names_are_unique_across_committees(committees):
    assert duplicates(short for c in committees for short in c.short_names) == []


def test_short_names_never_name_another_committee(committees):
    clashes = [
        (c.division_name, short)
        for c in committees
        for short in c.short_names
        for other in committees
        if other != c and short in (other.name, other.division_name)
    ]
    assert clashes == []


def test_short_names_have_at_least_two_characters(committees):
    assert [short for c in committees for short in c.short_names if len(short) < 2] == []


def test_every_committee_has_its_formal_name_as_a_short_name(committees):
    missing = [c.division_name for c in committees if f"政协{c.division_name}委员会" not in c.short_names]
    assert missing == []


@pytest.mark.parametrize(
    ("stem", "owner"),
    [
        ("临夏", "临夏回族自治州"),
        ("白银", "白银市"),
        ("临夏州", "临夏回族自治州"),
        ("张家川", "张家川回族自治县"),
    ],
)
def test_shared_or_customary_short_form_belongs_to_one_committee(committees, stem, owner):
    assert [c.division_name for c in committees if stem in c.short_names] == [owner]


def test_single_character_stems_give_no_short_form(committees):
    one_character_stem = [c for c in committees if c.level == Level.COUNTY and len(c.division_name) == 2]
    assert len(one_character_stem) == 9
    assert all(c.short_names == [f"政协{c.division_name}委员会"] for c in one_character_stem)


def test_prefecture_region_is_itself_plus_exactly_its_counties(committees, django_assert_num_queries):
    for prefecture in (c for c in committees if c.level == Level.PREFECTURE):
        expected = {c.code for c in committees if c.code[:4] == prefecture.code[:4]}
        with django_assert_num_queries(1):
            region = {c.code for c in Organization.objects.in_region(prefecture)}
        assert region == expected, prefecture.division_name


def test_province_region_is_all_committees(committees, django_assert_num_queries):
    with django_assert_num_queries(1):
        region = list(Organization.objects.in_region(by_division(committees)["甘肃省"]))
    assert len(region) == 101


def test_every_committee_passes_model_validation(committees):
    for committee in committees:
        committee.full_clean()


def test_loading_the_fixture_twice_changes_nothing(committees):
    call_command("loaddata", "organizations", verbosity=0)
    assert Organization.objects.count() == 101
    assert sorted(Organization.objects.values_list("pk", flat=True)) == sorted(c.pk for c in committees)
