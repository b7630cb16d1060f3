"""The reader's filters of the article and meeting listings (CONTRACTS.md §4), with facet counts."""

import copy
import datetime
import functools
from typing import ClassVar

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Func, QuerySet
from django.utils.translation import gettext_lazy as _

from organizations.models import Organization, Person

from . import search
from .facets import FacetIndex, IndexedArticles, facet_index
from .models import Article, Kind, Meeting, MeetingType


class RegionField(forms.ModelChoiceField):
    """A committee named by its GB/T 2260 division code (621100) or its slug (dingxi-shi).

    Read from the archive index's directory (`FacetIndex.committee`), which every listing loads
    anyway: a query per request cost a twentieth of the uncached listing.
    """

    default_error_messages: ClassVar[dict] = {
        "invalid_choice": _("没有找到这个地区的政协组织，请从列表中选择。")
    }
    # The filterset's index, set on its form's own copy of the field (`ReaderFilterSet.form`).
    index: FacetIndex | None = None

    def to_python(self, value: str | None) -> Organization | None:
        if value in self.empty_values:
            return None
        index = facet_index(self.queryset.db) if self.index is None else self.index
        found = index.committee(str(value).strip())
        if found is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return found


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


class SharedParts(dict):
    """Declared filters or form fields, copied for each filterset or form without their parts.

    A FilterSet deep-copies its declared filters, and a form its fields, on every request: their
    widgets, choices and querysets too, some 390 copies and a twentieth of an uncached listing.
    Nothing here changes those parts after declaration, so each request gets filter and field
    objects of its own (what a request sets on them, `parent` and `model`, stays its own) around
    parts shared read-only.
    """

    def __deepcopy__(self, memo: dict) -> dict:
        return {name: copy_declared(part) for name, part in self.items()}


def copy_declared(part: django_filters.Filter | forms.Field) -> django_filters.Filter | forms.Field:
    copied = copy.copy(part)
    if isinstance(part, django_filters.Filter) and part.method is not None:
        copied.method = part.method  # binds the copy's FilterMethod to the copy and its filterset
    return copied


class ReaderFilterSet(django_filters.FilterSet):
    """A FilterSet whose form class is built once per class, its filters and fields copied
    shallowly (`SharedParts`).

    django-filter builds each filter's form field and a form class from them for every filterset
    (0.3 ms of a listing page). These fields depend on nothing of the request, and every form
    copies its class's fields, so the first filterset's class serves them all.
    """

    @classmethod
    def get_filters(cls) -> SharedParts:
        return SharedParts(super().get_filters())

    @functools.cached_property
    def index(self) -> FacetIndex:
        return facet_index(self.queryset.db)

    @property
    def form(self) -> forms.Form:
        """The form, its region field reading this filterset's index: the archive's version is read
        once per request."""
        if not hasattr(self, "_form"):
            for field in super().form.fields.values():
                if isinstance(field, RegionField):
                    field.index = self.index
        return self._form

    def get_form_class(self) -> type[forms.Form]:
        cls = type(self)
        if "form_class" not in cls.__dict__:
            cls.form_class = super().get_form_class()
            cls.form_class.base_fields = SharedParts(cls.form_class.base_fields)
        return cls.form_class


class ArticleFilter(ReaderFilterSet):
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

    @property
    def committees(self) -> list[dict]:
        """The committee directory of the region choices, as the index read it."""
        return self.index.directory

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

    @functools.cached_property
    def filter_selections(self) -> dict[str, int]:
        """Each valid filter's articles but the search's, as bitmaps of the index; none when any
        filter is invalid.

        The dates are one selection: no facet leaves them out. `queryset` must be the published
        articles, which the index holds.
        """
        chosen, index = self.chosen(), self.index
        selections = {}
        if "region" in chosen:
            selections["region"] = index.in_region(chosen["region"])
        if "meeting_type" in chosen:
            selections["meeting_type"] = index.of_meeting_types(chosen["meeting_type"])
        if "kind" in chosen:
            selections["kind"] = index.of_kind(chosen["kind"])
        if "date_after" in chosen or "date_before" in chosen:
            selections["date"] = index.between(chosen.get("date_after"), chosen.get("date_before"))
        if "person" in chosen:
            selections["person"] = index.of_ids(chosen["person"].mentions.values_list("article", flat=True))
        return selections

    @functools.cached_property
    def selections(self) -> dict[str, int]:
        """Every valid filter's articles as bitmaps, the search's matches (`all_matches`) included."""
        query = self.chosen().get("q")
        if query is None:
            return self.filter_selections
        return {"q": self.index.of_ids(self.all_matches(query)), **self.filter_selections}

    def all_matches(self, query: str) -> list[int]:
        """The search's matches: as narrowed to (`narrow_search_to`), else all of them."""
        if self.matched_ids is not None:
            return self.matched_ids
        condition = self.search_condition(query, self.queryset.db)
        return list(search.matching(self.queryset, condition).values_list("pk", flat=True))

    def facet_counts(self) -> dict:
        """How many articles each choice would list, given the other filters (`FacetIndex`).

        Also "total", the number all filters select, and "all_regions", the province's count.
        """
        return self.index.facet_counts(self.selections)

    def selected(self) -> int:
        """The articles every filter selects, as a bitmap of the index."""
        return self.index.all_of(self.selections.values())

    def indexed(self) -> IndexedArticles:
        """The articles every filter selects, newest first, paged and read by the index."""
        return IndexedArticles(self.index, self.selected())

    def newest_matches(self, *, filtered: bool) -> list[int]:
        """Ids of the search's matches, newest first, COUNT_LIMIT + 1 at most: of its words alone,
        or (`filtered`) those the other filters select too.

        SQLite walks its date-keyed full-text index (`search.fts5_newest_ids`), leaving out by the
        index what the listing does not show; PostgreSQL reads the newest along its date index.
        """
        using = self.queryset.db
        condition = self.search_condition(self.chosen()["q"], using)
        if isinstance(condition, search.FTS5Match):
            within = self.index.all_of(self.filter_selections.values() if filtered else ())
            limit = search.COUNT_LIMIT + 1
            return search.fts5_newest_ids(condition.match, using, self.index.accepts(within), limit)
        found = self.refiltered() if filtered else search.matching(self.queryset, condition)
        return search.newest_match_ids(found)

    def narrow_search_to(self, ids: list[int]) -> None:
        """Filter by these ids, all of the search's matches, instead of asking the full-text index.

        Every facet counts among the matches, and on SQLite each query through the index lists all
        of them again (30 ms for a word in 100k articles); by id the facets cost what a rare word's do.
        """
        self.matched_ids = ids
        self.__dict__.pop("selections", None)

    def refiltered(self) -> QuerySet:
        """The listing's articles filtered again: by id, once `narrow_search_to` knows the matches."""
        return self.filter_queryset(self.queryset.all())


class MeetingFilter(ReaderFilterSet):
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
