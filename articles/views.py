"""The reader's pages: home, the article listing and search, articles, meetings and the e-paper.

Readers only ever see published articles: every queryset here starts from `published()`.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.http import Http404
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from organizations.models import Organization

from . import search
from .facets import FacetIndex, IndexedArticles, facet_index
from .filters import ArticleFilter, MeetingFilter
from .models import (
    Article,
    ArticleCommittee,
    ArticleMeeting,
    Headline,
    Kind,
    ListedArticle,
    Meeting,
    MeetingType,
    Mention,
    SourcePage,
)
from .models import Status as ArticleStatus

# What a broad search shows beside its choices: no numbers (`ArticleListView.search_facets`).
NO_COUNTS = {"meeting_type": None, "kind": None, "region": None, "all_regions": None, "total": None}
HOME_LATEST = 10
PER_PREFECTURE = 4
CHART_MONTHS = 12
RELATED = 5


def published_articles() -> QuerySet:
    """Published articles with what every list shows beside the headline."""
    return (
        Article.objects.for_readers()
        .select_related("committee")
        .prefetch_related(Prefetch("meetings", Meeting.objects.order_by()))
    )


def reported_meetings() -> QuerySet:
    """Meetings reported by at least one published article, with the number of those articles."""
    return (
        Meeting.objects.reported()
        .select_related("organization")
        .annotate(article_count=Count("articles", filter=Q(articles__status=ArticleStatus.PUBLISHED)))
        .newest_first()
    )


def pages_in_print() -> QuerySet:
    """Source pages carrying at least one published article."""
    published = Article.objects.published().filter(source_page=OuterRef("pk"))
    return SourcePage.objects.filter(Exists(published))


class ReaderListMixin:
    """Shared policy of the public lists: page size, and page numbers that never fail loudly."""

    paginate_by = 20

    def known_count(self) -> int | None:
        """The number of items when the view has counted them already, sparing the paginator's COUNT."""
        return None

    def paginate_queryset(self, queryset: QuerySet, page_size: int):
        """A number past the end shows the last page; something that is not a number is a 404."""
        paginator: Paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        known = self.known_count()
        if known is not None:
            paginator.count = known
        try:
            page = paginator.page(self.request.GET.get(self.page_kwarg) or 1)
        except PageNotAnInteger:
            raise Http404("页码无效") from None
        except EmptyPage:
            page = paginator.page(paginator.num_pages)
        return paginator, page, page.object_list, page.has_other_pages()


class HomeView(TemplateView):
    """The newest articles, each prefecture's newest and a chart of each prefecture's months.

    All from the archive's index (`articles.facets`): a prefecture's articles are those its region
    filter lists (its counties' included), so each block and chart row adds up to what its link shows.
    """

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        index = facet_index()
        prefectures = list(Organization.objects.prefectures().order_by("code"))
        months = index.chart_months(index.everything, CHART_MONTHS)
        counts = {
            (prefecture.pk, month): count
            for prefecture in prefectures
            for month, count in zip(
                months, index.monthly_counts(index.in_region(prefecture), months), strict=True
            )
        }
        return super().get_context_data(
            latest=IndexedArticles(index, index.everything)[:HOME_LATEST],
            prefectures=self.latest_by_prefecture(index, prefectures),
            # Entry points only: the listing counts each type.
            meeting_types=MeetingType.choices,
            chart_rows=[(p.division_name, p.get_absolute_url(), p.pk) for p in prefectures],
            chart_counts=counts,
            chart_months=months,
            **kwargs,
        )

    @staticmethod
    def latest_by_prefecture(
        index: FacetIndex, prefectures: list[Organization]
    ) -> list[tuple[Organization, list[Headline]]]:
        """Each prefecture with its newest articles' titles, counties included, read in one query."""
        wanted = {p.pk: index.ids_at(index.in_region(p), 0, PER_PREFECTURE) for p in prefectures}
        rows = Article.objects.for_readers().headlines([pk for ids in wanted.values() for pk in ids])
        by_pk = {row.pk: row for row in rows}
        return [(p, [by_pk[pk] for pk in wanted[p.pk] if pk in by_pk]) for p in prefectures]


class ArticleListView(ReaderListMixin, FilterView):
    """/articles/: the listing, its filters with facet counts, and search."""

    filterset_class = ArticleFilter
    template_name = "articles/article_list.html"
    page_sizes = (20, 50, 100)

    def get_queryset(self) -> QuerySet:
        return published_articles().newest_first()

    def get_paginate_by(self, queryset: QuerySet) -> int:
        """`page_size` if it is one of `page_sizes`; anything else gets the default."""
        size = self.request.GET.get("page_size", "")
        return int(size) if size in {str(choice) for choice in self.page_sizes} else self.paginate_by

    def get(self, request, *args, **kwargs):
        """FilterView's, without its filtered queryset: the listing pages `matches` instead
        (`get_context_data`), and building that queryset's filters costs 2 ms per request."""
        self.filterset = self.get_filterset(self.get_filterset_class())
        self.object_list = self.filterset.queryset.none()
        context = self.get_context_data(filter=self.filterset, object_list=self.object_list)
        return self.render_to_response(context)

    def paginate_queryset(self, queryset: QuerySet, page_size: int):
        return super().paginate_queryset(self.matches, page_size)

    def known_count(self) -> int | None:
        """Counted already, with the facets or the search; an invalid filter lists nothing."""
        if self.filterset.is_bound and not self.filterset.is_valid():
            return 0
        return self.match_count.value

    def get_context_data(self, **kwargs):
        cleaned = self.filterset.chosen()
        query = cleaned.get("q")
        if query:
            self.facets = facets = self.search_facets(query, only_query=set(cleaned) == {"q"})
        else:
            self.facets = facets = self.filterset.facet_counts()
            self.match_count = search.MatchCount(facets["total"], exact=True)
            self.matches = self.filterset.indexed()
        context = super().get_context_data(**kwargs)
        context.update(
            query=query or "",
            match_count=self.match_count,
            chosen_person=cleaned.get("person"),
            region_choices=RegionChoices(
                self.filterset.index, facets["region"], facets["all_regions"], cleaned.get("region")
            ),
            meeting_type_options=choice_options(
                MeetingType.choices, facets["meeting_type"], cleaned.get("meeting_type") or []
            ),
            kind_options=choice_options(Kind.choices, facets["kind"], [cleaned.get("kind")]),
            canonical_url=self.canonical_url(context["page_obj"]),
        )
        return context

    def search_facets(self, query: str, only_query: bool) -> dict:
        """A search's facets, its ranked matches and their count; counted up to COUNT_LIMIT only.

        Like a search engine's "about N results", a search finding more than COUNT_LIMIT articles
        is neither counted to the end nor paged past COUNT_LIMIT, and its choices carry no counts:
        counting every region, type and kind over all the articles holding a common word would
        mean listing them all. Its matches narrowed by the other filters may still be fewer, and
        are then counted exactly.
        """
        filterset, rows = self.filterset, published_articles()
        newest = filterset.newest_matches(filtered=False)
        if len(newest) > search.COUNT_LIMIT:
            found = newest if only_query else filterset.newest_matches(filtered=True)
            self.matches = search.RankedMatches(query, rows, found)
            self.match_count = self.matches.total()
            return NO_COUNTS
        filterset.narrow_search_to(newest)
        facets = filterset.facet_counts()
        found = filterset.index.ids_at(filterset.selected(), 0, search.COUNT_LIMIT + 1)
        self.matches = search.RankedMatches(query, rows, found)
        self.match_count = search.MatchCount(facets["total"], exact=True)
        return facets

    def canonical_url(self, page) -> str:
        """The listing's address with its valid filters in a fixed order, so one view has one URL."""
        params = self.filterset.query_params()
        if page and page.paginator.per_page != self.paginate_by:
            params.append(("page_size", page.paginator.per_page))
        if page and page.number > 1:
            params.append(("page", page.number))
        query = f"?{urlencode(params)}" if params else ""
        return self.request.build_absolute_uri(self.request.path) + query


def choice_options(choices, counts: dict[str, int] | None, chosen: list) -> list[dict]:
    """A filter's choices, each with its count (None when the facet was not counted)."""
    return [
        {
            "value": value,
            "label": label,
            "count": None if counts is None else counts.get(value, 0),
            "chosen": value in chosen,
        }
        for value, label in choices
    ]


@dataclass(frozen=True)
class RegionChoices:
    """What the region select shows (`reader.region_options`): the committees of `index`'s directory,
    each with its count (`counts` None: no counts; the province's is `total`), and the chosen one."""

    index: FacetIndex
    counts: dict[int, int] | None
    total: int | None
    chosen: Organization | None


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"

    def get_queryset(self) -> QuerySet:
        return (
            Article.objects.for_readers()
            .select_related("committee", "source_page")
            .prefetch_related(
                Prefetch("committee_links", ArticleCommittee.objects.select_related("organization")),
                Prefetch("meeting_links", ArticleMeeting.objects.select_related("meeting__organization")),
                Prefetch("mentions", Mention.objects.select_related("person__organization")),
                "bylines",
            )
        )

    def get_context_data(self, **kwargs):
        same_meeting, same_committee = self.related(self.object)
        return super().get_context_data(same_meeting=same_meeting, same_committee=same_committee, **kwargs)

    @staticmethod
    def related(article: Article) -> tuple[list[ListedArticle], list[ListedArticle]]:
        """The newest other articles reporting the article's meetings, and about its committee.

        Their ids first, along indexes (`article_committee_newest`), then both lists' titles in
        one query as the lists show them: no bodies, no models, no meetings prefetched.
        """
        others = (
            Article.objects.for_readers().newest_first().exclude(pk=article.pk).values_list("pk", flat=True)
        )
        meeting_ids = [link.meeting_id for link in article.meeting_links.all()]
        by_meeting = list(others.filter(meetings__in=meeting_ids).distinct()[:RELATED]) if meeting_ids else []
        by_committee = (
            list(others.filter(committee=article.committee_id)[:RELATED]) if article.committee_id else []
        )
        listed = ListedArticle.read(by_meeting + by_committee)
        by_pk = {other.pk: other for other in listed}

        def shown(ids: list[int]) -> list[ListedArticle]:
            return [by_pk[pk] for pk in ids if pk in by_pk]

        return shown(by_meeting), shown(by_committee)


class MeetingListView(ReaderListMixin, FilterView):
    filterset_class = MeetingFilter
    template_name = "articles/meeting_list.html"

    def get_queryset(self) -> QuerySet:
        return reported_meetings()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.filterset.form
        chosen = form.cleaned_data.get("region") if self.filterset.is_bound and form.is_valid() else None
        context["region_choices"] = RegionChoices(self.filterset.index, None, None, chosen)
        return context


class MeetingDetailView(DetailView):
    template_name = "articles/meeting_detail.html"

    def get_queryset(self) -> QuerySet:
        return reported_meetings()

    def get_context_data(self, **kwargs):
        articles = published_articles().newest_first().filter(meetings=self.object)
        mentions = (
            Mention.objects.filter(article__in=articles.values("pk"))
            .select_related("person")
            .order_by("article", "position")
        )
        people = {mention.person_id: mention for mention in mentions}
        listed = ListedArticle.read(list(articles.values_list("pk", flat=True)))
        return super().get_context_data(articles=listed, people=list(people.values()), **kwargs)


class SourcePageListView(ReaderListMixin, ListView):
    template_name = "articles/page_list.html"
    paginate_by = 50

    def get_queryset(self) -> QuerySet:
        published = Q(articles__status=ArticleStatus.PUBLISHED)
        return (
            pages_in_print().annotate(article_count=Count("articles", filter=published)).order_by("filename")
        )


class SourcePageDetailView(DetailView):
    """One page as printed: its articles in order, and the pages before and after it."""

    template_name = "articles/page_detail.html"

    def get_queryset(self) -> QuerySet:
        return pages_in_print().defer("text")

    def get_context_data(self, **kwargs):
        page = self.object
        pages = pages_in_print().only("pk", "filename")
        return super().get_context_data(
            articles=published_articles().filter(source_page=page).order_by("position"),
            previous_page=pages.filter(filename__lt=page.filename).order_by("-filename").first(),
            next_page=pages.filter(filename__gt=page.filename).order_by("filename").first(),
            **kwargs,
        )
