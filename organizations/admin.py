"""Admin for the committees and the people the paper names; also the targets of the article form's
autocomplete widgets, so every admin here has `search_fields` and a queryset that names its rows in
one query."""

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import Level, Organization, Person, Role


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("name", "level", "parent", "division_name", "code", "slug")
    list_filter = ("level", ("parent", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("parent",)
    search_fields = ("name", "division_name", "code")
    fields = ("name", "division_name", "code", "level", "parent", "slug", "short_names")
    autocomplete_fields = ("parent",)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet, search_term: str
    ) -> tuple[QuerySet, bool]:
        """Also match short names ("陇西"), which editors type more often than the formal name.

        JSON text is stored escaped on SQLite, so a database LIKE cannot find Chinese in it; with
        101 committees, matching in Python is portable and cheap.
        """
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if not term:
            return results, may_have_duplicates
        matches = [
            pk
            for pk, short_names in queryset.values_list("pk", "short_names")
            if any(term in short_name for short_name in short_names)
        ]
        return results | queryset.filter(pk__in=matches), may_have_duplicates


class CommitteeLevelFilter(admin.SimpleListFilter):
    """People by the level of the committee they serve on, or none at all."""

    title = _("所在政协层级")
    parameter_name = "level"
    OUTSIDE = "none"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [*Level.choices, (self.OUTSIDE, _("不在政协任职"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == self.OUTSIDE:
            return queryset.filter(organization__isnull=True)
        if self.value() in Level.values:
            return queryset.filter(organization__level=self.value())
        return queryset


class RoleInline(admin.TabularInline):
    model = Role
    fields = ("title", "first_seen", "last_seen")
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name", "organization", "titles")
    list_filter = (CommitteeLevelFilter,)
    search_fields = ("name", "organization__name")
    autocomplete_fields = ("organization",)
    inlines = (RoleInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).with_roles()

    @admin.display(description=_("职务"))
    def titles(self, person: Person) -> str:
        return "、".join(role.title for role in person.roles.all())


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ("person", "title", "first_seen", "last_seen")
    list_filter = ("person__organization__level",)
    search_fields = ("title", "person__name")
    autocomplete_fields = ("person",)
    date_hierarchy = "last_seen"

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("person__organization")
