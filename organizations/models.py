"""Gansu's 101 CPPCC committees, the people who serve on them and the titles they hold."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    PROVINCE = "province", _("省级")
    PREFECTURE = "prefecture", _("市州级")
    COUNTY = "county", _("县级")


DIRECTORY_FIELDS = ("pk", "code", "division_name", "level", "parent_id", "slug")


class OrganizationQuerySet(models.QuerySet):
    def in_region(self, organization: "Organization") -> "OrganizationQuerySet":
        """The committee and every committee below it (a prefecture includes its counties)."""
        if organization.level == Level.PROVINCE:
            return self.all()
        return self.filter(Q(pk=organization.pk) | Q(parent=organization.pk))

    def prefectures(self) -> "OrganizationQuerySet":
        return self.filter(level=Level.PREFECTURE)

    def directory(self) -> list[dict]:
        """The committees as plain values in code order: region choices and region counts."""
        return list(self.order_by("code").values(*DIRECTORY_FIELDS))


def prefecture_by_committee(directory: list[dict]) -> dict[int, int]:
    """Each prefecture's and county's committee id to its prefecture's (the province has none)."""
    prefectures = {c["pk"] for c in directory if c["level"] == Level.PREFECTURE}
    return {
        c["pk"]: c["pk"] if c["pk"] in prefectures else c["parent_id"]
        for c in directory
        if c["pk"] in prefectures or c["parent_id"] in prefectures
    }


class OrganizationManager(models.Manager.from_queryset(OrganizationQuerySet)):
    def get_by_natural_key(self, code: str) -> "Organization":
        return self.get(code=code)


class Organization(models.Model):
    """The CPPCC committee of one administrative division, keyed by the division's GB/T 2260 code."""

    name = models.CharField(_("名称"), max_length=40, unique=True, help_text=_("如：陇西县政协"))
    division_name = models.CharField(_("行政区划"), max_length=40, help_text=_("如：陇西县"))
    code = models.CharField(
        _("区划代码"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^62\d{4}$", _("甘肃省的六位 GB/T 2260 代码"))],
    )
    level = models.CharField(_("层级"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    slug = models.SlugField(_("拼音标识"), max_length=60, unique=True)
    short_names = models.JSONField(
        _("简称"), default=list, blank=True, help_text=_("报纸上的简称，如：陇西、陇西政协")
    )

    objects = OrganizationManager()

    class Meta:
        verbose_name = _("政协组织")
        verbose_name_plural = _("政协组织")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level=Level.PROVINCE, parent__isnull=True)
                | (~Q(level=Level.PROVINCE) & Q(parent__isnull=False)),
                name="organization_only_province_is_root",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organizations:committee", args=[self.slug])

    def natural_key(self) -> tuple[str]:
        return (self.code,)

    @classmethod
    def from_directory(cls, row: dict, using: str) -> "Organization":
        """The committee of a `directory()` row, its other fields deferred: read if asked for.

        The region filter resolves its choice this way, without a query per request.
        """
        known = {"id": row["pk"], **{name: row[name] for name in DIRECTORY_FIELDS if name != "pk"}}
        fields = [field.attname for field in cls._meta.concrete_fields if field.attname in known]
        return cls.from_db(using, fields, [known[name] for name in fields])

    @property
    def prefecture(self) -> "Organization | None":
        """The prefecture-level committee this one belongs to (itself for a prefecture)."""
        if self.level == Level.PREFECTURE:
            return self
        if self.level == Level.COUNTY:
            return self.parent
        return None


class PersonQuerySet(models.QuerySet):
    def with_roles(self) -> "PersonQuerySet":
        return self.select_related("organization").prefetch_related("roles")


class Person(models.Model):
    """Someone named in the paper; identified by name within a committee (two 王毅 are two people)."""

    name = models.CharField(_("姓名"), max_length=20)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("所在政协"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
        help_text=_("不在政协任职者留空"),
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("人物")
        verbose_name_plural = _("人物")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "organization"],
                condition=Q(organization__isnull=False),
                name="person_unique_within_committee",
            ),
            models.UniqueConstraint(
                fields=["name"], condition=Q(organization__isnull=True), name="person_unique_outside_cppcc"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.organization}）" if self.organization_id else self.name

    def get_absolute_url(self) -> str:
        return reverse("organizations:person", args=[self.pk])


class Role(models.Model):
    """A title a person was printed with, and the span of dates the paper shows it."""

    person = models.ForeignKey(Person, verbose_name=_("人物"), on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(_("职务"), max_length=80)
    first_seen = models.DateField(_("最早见报"), null=True, blank=True)
    last_seen = models.DateField(_("最近见报"), null=True, blank=True)

    class Meta:
        verbose_name = _("职务")
        verbose_name_plural = _("职务")
        ordering = ["person", "first_seen", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "title"], name="role_unique_title_per_person"),
            models.CheckConstraint(
                condition=Q(first_seen__isnull=True)
                | Q(last_seen__isnull=True)
                | Q(first_seen__lte=models.F("last_seen")),
                name="role_seen_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person.name} {self.title}"

    @property
    def organization(self) -> Organization | None:
        return self.person.organization
