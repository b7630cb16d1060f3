"""The reader's filters of the article and meeting listings (CONTRACTS.md §4), with facet counts."""

import datetime
import functools
import re
from typing import ClassVar

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Case, CharField, Count, Func, QuerySet, Value, When
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from organizations.models import Level, Organization, Person

from . import search
from .models import Article, ArticleCommittee, ArticleMeeting, Kind, Meeting, MeetingType

CODE = re.compile(r"62\d{4}")
SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")
DIRECTORY_FIELDS = ("pk", "code", "division_name", "level", "parent_id")


def committee_directory() -> list[dict]:
    """The 101 committees as plain values in code order: the region choices and the region facet."""
    return list(Organization.objects.order_by("code").values(*DIRECTORY_FIELDS))


def prefecture_by_committee(directory: list[dict]) -> dict[int, int]:
    """Each prefecture's and county's committee id to its prefecture's (the province has none)."""
    prefectures = {c["pk"] for c in directory if c["level"] == Level.PREFECTURE}
    return {
        c["pk"]: c["pk"] if c["pk"] in prefectures else c["parent_id"]
        for c in directory
        if c["pk"] in prefectures or c["parent_id"] in prefectures
    }


class RegionField(forms.ModelChoiceField):
    """A committee named by its GB/T 2260 division code (621100) or its slug (dingxi-shi)."""

    default_error_messages: ClassVar[dict] = {
        "invalid_choice": _("没有找到这个地区的政协组织，请从列表中选择。")
    }

    def to_python(self, value: str | None) -> Organization | None:
        if value in self.empty_values:
            return None
        value = str(value).strip()
        # Shape first: hostile strings never reach the database.
        if CODE.fullmatch(value):
            lookup = {"code": value}
        elif SLUG.fullmatch(value):
            lookup = {"slug": value}
        else:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        try:
            return self.queryset.get(**lookup)
        except Organization.DoesNotExist:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice") from None


class RegionFilter(django_filters.ModelChoiceFilter):
    field_class = RegionField


class PersonField(forms.ModelChoiceField):
    default_error_messages: ClassVar[dict] = {"invalid_choice": _("没有找到这位人物。")}


class PersonFilter(django_filters.ModelChoiceFilter):
    field_class = PersonField


def date_filter(field_name: str, lookup_expr: str, label: str) -> django_filters.DateFilter:
    """An inclusive date bound, entered as YYYY-MM-DD (a date picker where the browser has one)."""
    return django_filters.DateFilter(
        field_name=field_name,
        lookup_expr=lookup_expr,
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("请输入有效日期，格式为 YYYY-MM-DD。")},
    )


class ArticleFilter(django_filters.FilterSet):
    """Filters of /articles/ and the RSS feed; `q` orders by relevance, the rest keep newest first."""

    q = django_filters.CharFilter(method="filter_search", label=_("关键词"), strip=True)
    region = RegionFilter(
        queryset=Organization.objects.all(), to_field_name="code", method="filter_region", label=_("地区")
    )
    meeting_type = django_filters.MultipleChoiceFilter(
        choices=MeetingType.choices,
        method="filter_meeting_type",
        label=_("会议类型"),
        widget=forms.CheckboxSelectMultiple,
    )
    kind = django_filters.ChoiceFilter(choices=Kind.choices, label=_("体裁"), empty_label=_("全部体裁"))
    date_after = date_filter("event_date", "gte", _("起始日期"))
    date_before = date_filter("event_date", "lte", _("截止日期"))
    person = PersonFilter(queryset=Person.objects.all(), method="filter_person", label=_("人物"))

    class Meta:
        model = Article
        fields = ("q", "region", "meeting_type", "kind", "date_after", "date_before", "person")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.search_conditions: dict[str, Func | None] = {}
        # The search's matches once `narrow_search_to` has them: the facets then filter by id
        # instead of asking the full-text index again in each of their queries.
        self.matched_ids: list[int] | None = None

    @functools.cached_property
    def committees(self) -> list[dict]:
        """The committee directory, read once for the region facet and the region choices."""
        return committee_directory()

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Only the matches, still newest first: the listing ranks them (`search.RankedMatches`).

        The condition is built once per filterset, though the facets filter several querysets.
        """
        if not value:
            return queryset
        if self.matched_ids is not None:
            return queryset.filter(pk__in=self.matched_ids)
        return search.matching(queryset, self.search_condition(value, queryset.db))

    def search_condition(self, value: str, using: str) -> Func | None:
        if value not in self.search_conditions:
            self.search_conditions[value] = search.match_condition(value, using)
        return self.search_conditions[value]

    def filter_region(self, queryset: QuerySet, name: str, value: Organization | None) -> QuerySet:
        return queryset.in_region(value) if value else queryset

    def filter_meeting_type(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        return queryset.of_meeting_types(value) if value else queryset

    def filter_person(self, queryset: QuerySet, name: str, value: Person | None) -> QuerySet:
        return queryset.mentioning(value) if value else queryset

    def chosen(self) -> dict:
        """The valid, non-empty filter values; none when any is invalid (the listing is then empty)."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.form.cleaned_data.items() if value not in (None, "", [])}

    def query_params(self) -> list[tuple[str, str]]:
        """The chosen filters as query parameters in a fixed order: committees by code, people by id."""
        params = []
        for name, value in self.chosen().items():
            if isinstance(value, Organization):
                params.append((name, value.code))
            elif isinstance(value, Person):
                params.append((name, str(value.pk)))
            elif isinstance(value, list):
                params.extend((name, item) for item in value)
            elif isinstance(value, datetime.date):
                params.append((name, value.isoformat()))
            else:
                params.append((name, str(value)))
        return params

    def filtered_without(self, excluded: str) -> QuerySet:
        """The articles every valid filter except `excluded` selects: the base of that filter's facet."""
        queryset = self.queryset.all()
        if not self.is_bound or not self.is_valid():
            return queryset
        for name, value in self.form.cleaned_data.items():
            if name != excluded:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def facet_counts(self) -> dict:
        """How many articles each choice would show, given the other filters, in one query.

        Also "total", the number of articles all filters select: the kind facet already counts them.
        """
        parts = [
            *kind_rows(self.filtered_without("kind")),
            *meeting_type_rows(self.filtered_without("meeting_type")),
            *region_rows(self.filtered_without("region"), prefecture_by_committee(self.committees)),
        ]
        tally = FacetTally(parts[0].union(*parts[1:], all=True))
        chosen_kind = self.chosen().get("kind")
        kinds = tally.counts["kind"]
        return {
            "meeting_type": tally.counts["meeting_type"],
            "kind": kinds,
            "region": tally.counts["region"],
            # The province includes every article, so its count is the count with no region chosen.
            "all_regions": tally.totals["region"],
            "total": kinds.get(chosen_kind, 0) if chosen_kind else sum(kinds.values()),
        }

    def search_matches(self) -> list[int]:
        """Ids of the search's matches (its words alone): `search.newest_match_ids`."""
        condition = self.search_condition(self.chosen()["q"], self.queryset.db)
        return search.newest_match_ids(search.matching(self.queryset, condition))

    def narrow_search_to(self, ids: list[int]) -> None:
        """Filter by these ids, all of the search's matches, instead of asking the full-text index.

        Every facet counts among the matches, and on SQLite each query through the index lists all
        of them again (30 ms for a word in 100k articles); by id the facets cost what a rare word's do.
        """
        self.matched_ids = ids

    def refiltered(self) -> QuerySet:
        """The listing's articles filtered again: by id, once `narrow_search_to` knows the matches."""
        return self.filter_queryset(self.queryset.all())


# Each facet is one or more GROUP BY queries of rows (tag, choice, count), all run as one
# UNION ALL; the "region:all" row carries the number of articles the region facet counted.


class FacetTally:
    """The facet rows read into counts per facet and choice, and the region facet's total.

    A prefecture's rolled-up row, which counts its counties' articles too without counting an
    article about both twice, stands for it instead of its own row.
    """

    def __init__(self, rows) -> None:
        self.counts: dict[str, dict] = {"kind": {}, "meeting_type": {}, "region": {}}
        self.totals: dict[str, int] = {"region": 0}
        rolled_up: dict[int, int] = {}
        for tag, choice, count in rows:
            facet, _, what = tag.partition(":")
            if what == "all":
                self.totals[facet] = count
            elif what == "prefecture":
                rolled_up[int(choice)] = count
            elif facet == "region":
                self.counts[facet][int(choice)] = count
            else:
                self.counts[facet][choice] = count
        self.counts["region"].update(rolled_up)


def kind_rows(articles: QuerySet) -> list[QuerySet]:
    return [articles.order_by().values_list(Value("kind:"), "kind").annotate(count=Count("pk"))]


def meeting_type_rows(articles: QuerySet) -> list[QuerySet]:
    """Articles per type of the meetings they report.

    Counted from the meeting links of the articles' ids: joining the articles themselves would
    read each one's row for its status, behind its long texts (four times slower on SQLite).
    """
    links = ArticleMeeting.objects.filter(article__in=articles.order_by().values("pk")).order_by()
    typed = links.values_list(Value("meeting_type:"), "meeting__meeting_type").annotate(
        count=Count("article", distinct=True)
    )
    return [typed]


def total_row(articles: QuerySet, facet: str) -> QuerySet:
    return articles.values_list(Value(f"{facet}:all"), Value("")).annotate(count=Count("pk"))


def region_rows(articles: QuerySet, prefectures: dict[int, int]) -> list[QuerySet]:
    """Articles per committee (its own), per prefecture (counties included), and their number.

    Counted from the committee links of the articles' ids, like `meeting_type_rows`; each link's
    prefecture comes from `prefectures` (`prefecture_by_committee`), not from a join per link.
    """
    articles = articles.order_by()
    links = ArticleCommittee.objects.filter(article__in=articles.values("pk")).order_by()
    committee = Cast("organization", CharField())
    own = links.values_list(Value("region:own"), committee).annotate(count=Count("article"))
    by_prefecture: dict[int, list[int]] = {}
    for committee_id, prefecture in prefectures.items():
        by_prefecture.setdefault(prefecture, []).append(committee_id)
    prefecture = Case(
        *(When(organization__in=ids, then=Value(str(pk))) for pk, ids in by_prefecture.items()),
        output_field=CharField(),
    )
    rolled_up = (
        links.annotate(prefecture=prefecture)
        .filter(prefecture__isnull=False)
        .values_list(Value("region:prefecture"), "prefecture")
        .annotate(count=Count("article", distinct=True))
    )
    return [own, rolled_up, total_row(articles, "region")]


class MeetingFilter(django_filters.FilterSet):
    """Filters of /meetings/, named like the article listing's."""

    region = RegionFilter(
        queryset=Organization.objects.all(), to_field_name="code", method="filter_region", label=_("地区")
    )
    meeting_type = django_filters.MultipleChoiceFilter(
        field_name="meeting_type",
        choices=MeetingType.choices,
        label=_("会议类型"),
        widget=forms.CheckboxSelectMultiple,
    )
    date_after = date_filter("date", "gte", _("起始日期"))
    date_before = date_filter("date", "lte", _("截止日期"))

    class Meta:
        model = Meeting
        fields = ("region", "meeting_type", "date_after", "date_before")

    def filter_region(self, queryset: QuerySet, name: str, value: Organization | None) -> QuerySet:
        return queryset.in_region(value) if value else queryset
