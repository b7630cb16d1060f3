"""The editors' workplace: the importer fills articles and flags doubtful ones; editors review them
beside the source text, correct them and publish them here.

An article saved with changes through the admin is marked `edited`, so a re-import keeps the editor's
version; clearing `needs_review` is how an editor resolves a flag.
"""

from django.contrib import admin, messages
from django.db.models import Count, Q, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from organizations.models import Level, Organization

from .models import (
    Article,
    ArticleCommittee,
    ArticleMeeting,
    Byline,
    Meeting,
    MeetingType,
    Mention,
    SourcePage,
    Status,
)
from .search import INDEXED_FIELDS, article_index_text

admin.site.site_header = _("甘肃政协报 编辑后台")
admin.site.site_title = _("甘肃政协报 编辑后台")
admin.site.index_title = _("稿件审核与发布")


def source_block(text: str) -> SafeString:
    """Source text exactly as extracted, line breaks and column spacing kept, for checking by eye."""
    return format_html('<pre class="source-text" style="white-space: pre-wrap">{}</pre>', text)


class RegionFilter(admin.SimpleListFilter):
    """The province's own committee, or a prefecture together with its counties."""

    title = _("地区")
    parameter_name = "region"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        committees = Organization.objects.filter(level__in=[Level.PROVINCE, Level.PREFECTURE])
        return [(committee.code, committee.name) for committee in committees.order_by("code")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() is None:
            return queryset
        committee = Organization.objects.filter(code=self.value()).first()
        if committee is None:
            return queryset.none()
        if committee.level == Level.PROVINCE:
            # "All committees" would be every article; the editor picking 甘肃省政协 means its own.
            return queryset.filter(committee_links__organization=committee)
        return queryset.in_region(committee)


class MeetingTypeFilter(admin.SimpleListFilter):
    title = _("会议类型")
    parameter_name = "meeting_type"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return MeetingType.choices

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() in MeetingType.values:
            return queryset.of_meeting_types([self.value()])
        return queryset


class ArticleCommitteeInline(admin.TabularInline):
    model = ArticleCommittee
    fields = ("organization", "position")
    autocomplete_fields = ("organization",)
    extra = 0


class ArticleMeetingInline(admin.TabularInline):
    model = ArticleMeeting
    fields = ("meeting", "position")
    autocomplete_fields = ("meeting",)
    extra = 0


class MentionInline(admin.TabularInline):
    model = Mention
    fields = ("person", "title", "role", "position")
    autocomplete_fields = ("person", "role")
    extra = 0


class BylineInline(admin.TabularInline):
    model = Byline
    fields = ("name", "role", "position")
    extra = 0


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "committee",
        "event_date",
        "kind",
        "status",
        "needs_review",
        "edited",
    )
    list_filter = (
        RegionFilter,
        MeetingTypeFilter,
        "kind",
        "status",
        "needs_review",
        "edited",
        ("source_page", admin.RelatedOnlyFieldListFilter),
    )
    list_select_related = ("committee",)
    date_hierarchy = "event_date"
    search_fields = ("headline", "subtitle", "body", "committee__name")
    actions = ("publish", "unpublish")
    autocomplete_fields = ("committee",)
    readonly_fields = (
        "review_reasons_list",
        "edited",
        "published_at",
        "source_page",
        "position",
        "source_text_block",
    )
    fieldsets = (
        (_("标题"), {"fields": ["kicker", "headline", "subtitle", "column"]}),
        (_("正文"), {"fields": ["body", "dateline", "event_date", "kind"]}),
        (_("关联"), {"fields": ["committee"]}),
        (
            _("审核"),
            {"fields": ["status", "needs_review", "review_reasons_list", "edited", "published_at"]},
        ),
        (_("来源"), {"fields": ["source_page", "position"]}),
        (_("原文"), {"fields": ["source_text_block"], "classes": ["source-column"]}),
    )
    inlines = (ArticleCommitteeInline, ArticleMeetingInline, MentionInline, BylineInline)

    @admin.display(description=_("标题"), ordering="headline")
    def title(self, article: Article) -> str:
        return str(article)

    @admin.display(description=_("待核原因"))
    def review_reasons_list(self, article: Article) -> SafeString | str:
        if not article.review_reasons:
            return self.get_empty_value_display()
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", [(r,) for r in article.review_reasons])
        )

    @admin.display(description=_("原始文本"))
    def source_text_block(self, article: Article) -> SafeString:
        return source_block(article.source_text)

    def save_model(self, request: HttpRequest, article: Article, form: ModelForm, change: bool) -> None:
        if article.status == Status.PUBLISHED and article.published_at is None:
            article.published_at = timezone.now()
        if not change or any(name in form.changed_data for name in INDEXED_FIELDS):
            article.search_text = article_index_text(article)
        super().save_model(request, article, form, change)

    def save_related(self, request: HttpRequest, form: ModelForm, formsets: list, change: bool) -> None:
        """Mark the article as the editor's once anything in it, or in its inlines, has changed."""
        super().save_related(request, form, formsets, change)
        if form.has_changed() or any(formset.has_changed() for formset in formsets):
            Article.objects.filter(pk=form.instance.pk).update(edited=True)
            form.instance.edited = True

    @admin.action(description=_("发布所选稿件"), permissions=["change"])
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        now = timezone.now()
        selected = queryset.count()
        drafts = Article.objects.filter(
            pk__in=list(queryset.exclude(status=Status.PUBLISHED).values_list("pk", flat=True))
        )
        flagged = drafts.filter(needs_review=True).count()
        drafts.filter(published_at__isnull=True).update(published_at=now)
        published = drafts.update(status=Status.PUBLISHED, updated_at=now)
        self.message_user(request, f"已发布 {published} 篇稿件；{selected - published} 篇原已发布，未改动。")
        if flagged:
            self.message_user(request, f"其中 {flagged} 篇仍标记为待核，请尽快核对。", messages.WARNING)

    @admin.action(description=_("撤回所选稿件"), permissions=["change"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet) -> None:
        selected = queryset.count()
        published = Article.objects.filter(
            pk__in=list(queryset.filter(status=Status.PUBLISHED).values_list("pk", flat=True))
        )
        withdrawn = published.update(status=Status.DRAFT, updated_at=timezone.now())
        self.message_user(
            request, f"已撤回 {withdrawn} 篇稿件；{selected - withdrawn} 篇原本未发布，未改动。"
        )


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("title", "organization", "meeting_type", "session", "sequence", "date", "article_count")
    list_filter = ("meeting_type", "organization__level", "expanded")
    list_select_related = ("organization",)
    date_hierarchy = "date"
    search_fields = ("title", "organization__name")
    autocomplete_fields = ("organization",)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        queryset = super().get_queryset(request).select_related("organization")
        return queryset.annotate(article_count=Count("articles"))

    @admin.display(description=_("报道篇数"), ordering="article_count")
    def article_count(self, meeting: Meeting) -> int:
        return meeting.article_count


class PageArticleInline(admin.TabularInline):
    """The page's articles in printed order, each linking to its change form."""

    model = Article
    fields = ("position", "headline", "kind", "status", "needs_review", "edited")
    readonly_fields = fields
    ordering = ("position",)
    show_change_link = True
    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: SourcePage | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: SourcePage | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: SourcePage | None = None) -> bool:
        return False


@admin.register(SourcePage)
class SourcePageAdmin(admin.ModelAdmin):
    """Pages exist only as the importer read them; the admin shows them, never edits them."""

    list_display = ("filename", "layout", "year", "article_count", "flagged_count", "imported_at")
    list_filter = ("layout", "year")
    search_fields = ("filename",)
    fields = ("filename", "layout", "year", "year_evidence", "imported_at", "text_block")
    readonly_fields = fields
    inlines = (PageArticleInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(
                article_count=Count("articles"),
                flagged_count=Count("articles", filter=Q(articles__needs_review=True)),
            )
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description=_("稿件数"), ordering="article_count")
    def article_count(self, page: SourcePage) -> int:
        return page.article_count

    @admin.display(description=_("待核稿件"), ordering="flagged_count")
    def flagged_count(self, page: SourcePage) -> int:
        return page.flagged_count

    @admin.display(description=_("原文"))
    def text_block(self, page: SourcePage) -> SafeString:
        return source_block(page.text)
