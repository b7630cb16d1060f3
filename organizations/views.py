"""Committee directory, committee pages and person pages, as readers see them (published articles only)."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.views.generic import DetailView, ListView

from articles.facets import IndexedArticles, choice_counts, facet_index
from articles.models import Article, ListedMeeting, Meeting, Mention
from articles.models import Status as ArticleStatus
from articles.views import CHART_MONTHS

from .models import Level, Organization, Person, Role

COMMITTEE_ARTICLES = 20
COMMITTEE_MEETINGS = 20


def published_mentions() -> QuerySet:
    return Mention.objects.filter(article__status=ArticleStatus.PUBLISHED)


class CommitteeListView(ListView):
    """The 101 committees grouped by prefecture, each with the number of published articles about it.

    The numbers come from the archive's index (`articles.facets`): counted in SQL, each meant
    reading every linked article's row for its status, 330 ms of CPU at 100k articles.
    """

    template_name = "organizations/committee_list.html"

    def get_queryset(self) -> QuerySet:
        return Organization.objects.order_by("code")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        index = facet_index()
        counts = choice_counts(index.committees, index.everything)
        groups: dict[int, dict] = {}
        province = None
        for organization in context["object_list"]:
            organization.article_count = counts.get(organization.pk, 0)
            if organization.level == Level.PROVINCE:
                province = organization
            elif organization.level == Level.PREFECTURE:
                groups[organization.pk] = {"prefecture": organization, "counties": []}
            else:
                groups[organization.parent_id]["counties"].append(organization)
        context.update(province=province, groups=list(groups.values()))
        return context


class CommitteeDetailView(DetailView):
    """One committee: its meetings, the articles about it and its counties over time, its leaders."""

    template_name = "organizations/committee_detail.html"

    def get_queryset(self) -> QuerySet:
        return Organization.objects.select_related("parent")

    def get_context_data(self, **kwargs):
        committee = self.object
        index = facet_index()
        selected = index.in_region(committee)
        months = index.chart_months(selected, CHART_MONTHS)
        counts = index.monthly_counts(selected, months)
        return super().get_context_data(
            articles=IndexedArticles(index, selected)[:COMMITTEE_ARTICLES],
            article_total=selected.bit_count(),
            meetings=self.latest_meetings(committee),
            leaders=self.leaders(committee),
            children=committee.children.order_by("code"),
            chart_rows=[(committee.division_name, "", committee.pk)],
            chart_counts={(committee.pk, month): count for month, count in zip(months, counts, strict=True)},
            chart_months=months,
            **kwargs,
        )

    @staticmethod
    def latest_meetings(committee: Organization) -> list[ListedMeeting]:
        """The committee's newest reported meetings, along `meeting_newest_by_organization`.

        Without their article counts (the page shows none): counting grouped every meeting the
        committee ever held before the newest could be taken, a cost growing with the archive.
        """
        newest = Meeting.objects.reported().filter(organization=committee).newest_first()
        return newest[:COMMITTEE_MEETINGS].listed()

    @staticmethod
    def leaders(committee: Organization) -> QuerySet:
        """People of this committee seen in published articles, most often mentioned first.

        A mention counts unless its article is unpublished: the few unpublished articles are
        listed once, from the status index, where checking each mention's article read every
        article row (its status lies past the body, on SQLite's overflow pages): 25-55 ms of CPU
        and 100-470 ms in all for a committee's 7,000 mentions at 100k articles.
        """
        unpublished = Article.objects.filter(status=ArticleStatus.DRAFT).values("pk")
        return (
            committee.people.annotate(
                mention_count=Count("mentions", filter=~Q(mentions__article__in=unpublished))
            )
            .filter(mention_count__gt=0)
            .prefetch_related(Prefetch("roles", Role.objects.order_by("first_seen", "title")))
            .order_by("-mention_count", "name")
        )


class PersonDetailView(DetailView):
    """A person: the titles printed over time and every published article naming them."""

    template_name = "organizations/person_detail.html"

    def get_queryset(self) -> QuerySet:
        mentioned = published_mentions().filter(person=OuterRef("pk"))
        return (
            Person.objects.filter(Exists(mentioned))
            .select_related("organization")
            .prefetch_related(Prefetch("roles", Role.objects.order_by("first_seen", "title")))
        )

    def get_context_data(self, **kwargs):
        mentions = (
            published_mentions()
            .filter(person=self.object)
            .select_related("article__committee")
            .order_by("-article__event_date", "-article__pk")
        )
        return super().get_context_data(mentions=mentions, **kwargs)
