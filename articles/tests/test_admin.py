"""The editors' workplace: article list filters, review and publishing, the change form beside the
source text, and editors' accounts made by `create_editor`."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, reverse_lazy

from articles.models import (
    Article,
    ArticleCommittee,
    ArticleMeeting,
    Byline,
    Kind,
    Layout,
    Meeting,
    MeetingType,
    SourcePage,
    Status,
)
from articles.search import search
from organizations.models import Level, Organization

CHANGELIST = reverse_lazy("admin:articles_article_changelist")
EDITOR_PASSWORD = "review-the-pages-2024"


def change_url(article: Article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def make_page(filename: str = "000_test.txt") -> SourcePage:
    page, _ = SourcePage.objects.get_or_create(
        filename=filename, defaults={"text": "本报兰州讯\n整版原文", "layout": Layout.PARAGRAPH}
    )
    return page


def province() -> Organization:
    committee, _ = Organization.objects.get_or_create(
        code="620000",
        defaults={
            "name": "甘肃省政协",
            "division_name": "甘肃省",
            "level": Level.PROVINCE,
            "slug": "gansu",
        },
    )
    return committee


def make_article(**kwargs) -> Article:
    """An article on a test page about `committee` (the province unless given), linked as primary."""
    kwargs.setdefault("source_page", make_page())
    kwargs.setdefault("committee", province())
    kwargs.setdefault("position", kwargs["source_page"].articles.count() + 1)
    kwargs.setdefault("headline", f"第{kwargs['position']}篇稿件")
    kwargs.setdefault("body", "会议强调，要深入学习。")
    article = Article.objects.create(**kwargs)
    ArticleCommittee.objects.create(article=article, organization=article.committee)
    return article


def report(article: Article, meeting_type: str) -> Meeting:
    meeting = Meeting.objects.create(
        organization=article.committee,
        meeting_type=meeting_type,
        date=article.event_date,
        title=f"{MeetingType(meeting_type).label}（{article.pk}）",
    )
    ArticleMeeting.objects.create(article=article, meeting=meeting)
    return meeting


def listed(response) -> set[str]:
    return {article.headline for article in response.context["cl"].result_list}


def change_form_data(response) -> dict:
    """The POST data of the change form exactly as the GET rendered it, inlines included."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update({f"{management.prefix}-{key}": value for key, value in management.initial.items()})
        forms.extend(formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is not None and value is not False:
                data[form.add_prefix(name)] = value
    return data


def by_division(division_name: str) -> Organization:
    return Organization.objects.get(division_name=division_name)


@pytest.fixture
def committees(db) -> None:
    call_command("loaddata", "organizations", verbosity=0)


@pytest.fixture
def newsroom(committees) -> dict[str, Article]:
    """Three articles that differ in every filtered attribute."""
    other_page = make_page("001_test.txt")
    articles = {
        "province": make_article(
            headline="省政协召开常委会会议", event_date=datetime.date(2023, 6, 8), kind=Kind.NEWS
        ),
        "county": make_article(
            headline="陇西县政协视察乡村振兴",
            committee=by_division("陇西县"),
            source_page=other_page,
            event_date=datetime.date(2023, 7, 2),
            kind=Kind.PHOTO,
            status=Status.PUBLISHED,
            needs_review=True,
            review_reasons=["日期不确定"],
        ),
        "prefecture": make_article(
            headline="兰州市政协党组理论学习",
            committee=by_division("兰州市"),
            event_date=datetime.date(2024, 3, 15),
            kind=Kind.FEATURE,
            subtitle="学深悟透",
            edited=True,
        ),
    }
    report(articles["province"], MeetingType.STANDING)
    report(articles["prefecture"], MeetingType.PARTY_STUDY)
    return articles


FILTERS = [
    ({}, {"province", "county", "prefecture"}),
    ({"region": "621100"}, {"county"}),
    ({"region": "620100"}, {"prefecture"}),
    ({"region": "620000"}, {"province"}),
    ({"region": "620200"}, set()),
    ({"meeting_type": "standing"}, {"province"}),
    ({"meeting_type": "party_study"}, {"prefecture"}),
    ({"meeting_type": "plenary"}, set()),
    ({"kind": "photo"}, {"county"}),
    ({"status": "published"}, {"county"}),
    ({"status": "draft"}, {"province", "prefecture"}),
    ({"needs_review__exact": "1"}, {"county"}),
    ({"needs_review__exact": "0"}, {"province", "prefecture"}),
    ({"edited__exact": "1"}, {"prefecture"}),
    ({"event_date__year": "2023"}, {"province", "county"}),
    ({"event_date__year": "2023", "event_date__month": "7"}, {"county"}),
    ({"q": "乡村振兴"}, {"county"}),
    ({"q": "学深悟透"}, {"prefecture"}),
    ({"q": "兰州市政协"}, {"prefecture"}),
    ({"region": "621100", "kind": "news"}, set()),
]


@pytest.mark.parametrize(("params", "expected"), FILTERS)
def test_changelist_filters_list_the_right_articles(admin_client, newsroom, params, expected):
    response = admin_client.get(CHANGELIST, params)
    assert response.status_code == 200
    assert listed(response) == {newsroom[key].headline for key in expected}


def test_source_page_filter_lists_that_pages_articles(admin_client, newsroom):
    page = newsroom["county"].source_page
    response = admin_client.get(CHANGELIST, {"source_page__id__exact": page.pk})
    assert listed(response) == {newsroom["county"].headline}


def test_prefecture_includes_counties_but_not_other_prefectures(admin_client, committees):
    county = make_article(headline="玉门市政协协商议事", committee=by_division("玉门市"))
    make_article(headline="天水市政协主席会议", committee=by_division("天水市"))
    response = admin_client.get(CHANGELIST, {"region": by_division("酒泉市").code})
    assert listed(response) == {county.headline}


def test_region_filter_offers_province_and_14_prefectures(admin_client, committees):
    response = admin_client.get(CHANGELIST)
    region = next(spec for spec in response.context["cl"].filter_specs if spec.parameter_name == "region")
    names = [title for _, title in region.lookup_choices]
    assert len(names) == 15
    assert names[0] == "甘肃省政协"
    assert "临夏回族自治州政协" in names
    assert "陇西县政协" not in names


def test_flagged_filter_lists_only_flagged_articles(admin_client, db):
    flagged = {make_article(needs_review=True, review_reasons=["标题存疑"]).headline for _ in range(3)}
    make_article()
    response = admin_client.get(CHANGELIST, {"needs_review__exact": "1"})
    assert listed(response) == flagged


def test_changelist_shows_first_words_of_body_when_headline_is_missing(admin_client, db):
    make_article(headline="", body="图为委员们在田间地头调研")
    response = admin_client.get(CHANGELIST)
    assert "图为委员们在田间地头调研" in response.content.decode()


def run_action(client, action: str, articles: list[Article]):
    return client.post(
        CHANGELIST, {"action": action, "_selected_action": [a.pk for a in articles]}, follow=True
    )


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_publish_sets_status_and_first_published_time(admin_client, db):
    first_published = datetime.datetime(2023, 1, 1, tzinfo=datetime.UTC)
    draft = make_article()
    already = make_article(status=Status.PUBLISHED, published_at=first_published)
    response = run_action(admin_client, "publish", [draft, already])
    draft.refresh_from_db()
    already.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.published_at is not None
    assert already.published_at == first_published
    assert messages_of(response) == ["已发布 1 篇稿件；1 篇原已发布，未改动。"]


def test_publishing_a_flagged_article_warns_the_editor(admin_client, db):
    flagged = make_article(needs_review=True)
    response = run_action(admin_client, "publish", [flagged])
    assert "其中 1 篇仍标记为待核，请尽快核对。" in messages_of(response)


def test_unpublish_withdraws_and_republishing_keeps_first_published_time(admin_client, db):
    article = make_article()
    run_action(admin_client, "publish", [article])
    article.refresh_from_db()
    first_published = article.published_at
    response = run_action(admin_client, "unpublish", [article, make_article()])
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert messages_of(response) == ["已撤回 1 篇稿件；1 篇原本未发布，未改动。"]
    run_action(admin_client, "publish", [article])
    article.refresh_from_db()
    assert (article.status, article.published_at) == (Status.PUBLISHED, first_published)


def test_actions_only_touch_selected_articles(admin_client, db):
    selected, other = make_article(), make_article()
    run_action(admin_client, "publish", [selected])
    other.refresh_from_db()
    assert other.status == Status.DRAFT
    assert other.published_at is None


def post_change_form(client, article: Article, **changes):
    data = change_form_data(client.get(change_url(article)))
    data.update(changes)
    return client.post(change_url(article), data)


def test_saving_a_correction_marks_the_article_edited(admin_client, db):
    article = make_article(headline="错字标题")
    response = post_change_form(admin_client, article, headline="正确标题")
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.edited) == ("正确标题", True)


def test_a_corrected_body_is_searchable(admin_client, db):
    article = make_article()
    post_change_form(admin_client, article, body="委员们调研文旅融合发展")
    assert list(search(Article.objects.all(), "文旅融合")) == [article]


def test_clearing_needs_review_resolves_the_flag(admin_client, db):
    article = make_article(needs_review=True, review_reasons=["人名存疑"])
    data = change_form_data(admin_client.get(change_url(article)))
    del data["needs_review"]
    admin_client.post(change_url(article), data)
    article.refresh_from_db()
    assert (article.needs_review, article.edited) == (False, True)


def test_adding_a_byline_inline_marks_the_article_edited(admin_client, db):
    article = make_article()
    response = post_change_form(
        admin_client,
        article,
        **{
            "bylines-TOTAL_FORMS": "1",
            "bylines-0-name": "苏天泰",
            "bylines-0-role": "correspondent",
            "bylines-0-position": "0",
            "bylines-0-article": str(article.pk),
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert list(Byline.objects.filter(article=article).values_list("name", flat=True)) == ["苏天泰"]
    assert article.edited


def test_saving_without_changes_keeps_the_importers_version(admin_client, db):
    article = make_article()
    response = post_change_form(admin_client, article)
    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.edited


def test_publishing_through_the_form_sets_published_time(admin_client, db):
    article = make_article()
    post_change_form(admin_client, article, status=Status.PUBLISHED)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.published_at is not None


def test_change_page_shows_the_source_text_escaped_in_a_pre(admin_client, db):
    article = make_article(source_text="本报临洮讯\n  <通讯员  张 烨>\n会议强调")
    response = admin_client.get(change_url(article))
    assert response.status_code == 200
    pre = (
        '<pre class="source-text" style="white-space: pre-wrap">'
        "本报临洮讯\n  &lt;通讯员  张 烨&gt;\n会议强调</pre>"
    )
    assert pre in response.content.decode()


def test_change_page_lists_review_reasons(admin_client, db):
    article = make_article(needs_review=True, review_reasons=["日期不确定", "人名存疑"])
    response = admin_client.get(change_url(article))
    assert "<ul><li>日期不确定</li><li>人名存疑</li></ul>" in response.content.decode()


def changelist_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CHANGELIST, {"all": ""})
    assert response.status_code == 200
    return len(queries)


def make_reported_articles(count: int, committee: Organization) -> None:
    for _ in range(count):
        day = datetime.date(2023, 1, 1) + datetime.timedelta(days=Article.objects.count())
        article = make_article(committee=committee, event_date=day)
        report(article, MeetingType.CHAIRS)


def test_changelist_query_count_does_not_grow_with_rows(admin_client, committees):
    committee = by_division("陇西县")
    make_reported_articles(5, committee)
    with_five = changelist_queries(admin_client)
    make_reported_articles(20, committee)
    assert Article.objects.count() == 25
    assert changelist_queries(admin_client) == with_five


def test_committee_autocomplete_finds_a_committee_by_short_name(admin_client, committees):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "article", "field_name": "committee", "term": "陇西"},
    )
    assert [result["text"] for result in response.json()["results"]] == ["陇西县政协"]


def test_source_page_shows_its_text_and_links_its_articles(admin_client, db):
    article = make_article(headline="页面上的稿件")
    response = admin_client.get(reverse("admin:articles_sourcepage_change", args=[article.source_page.pk]))
    content = response.content.decode()
    assert "整版原文" in content
    assert change_url(article) in content


def test_source_pages_cannot_be_added_by_hand(admin_client, db):
    assert admin_client.get(reverse("admin:articles_sourcepage_add")).status_code == 403


def test_meeting_changelist_searches_titles_and_counts_reports(admin_client, db):
    article = make_article(event_date=datetime.date(2023, 6, 8))
    meeting = report(article, MeetingType.CONSULTATION)
    make_article()
    response = admin_client.get(reverse("admin:articles_meeting_changelist"), {"q": "协商会"})
    assert [(m.pk, m.article_count) for m in response.context["cl"].result_list] == [(meeting.pk, 1)]


def create_editor(username: str = "editor", **options) -> StringIO:
    out = StringIO()
    call_command("create_editor", username, stdout=out, **options)
    return out


@pytest.fixture
def editor_client(client, db):
    create_editor(password=EDITOR_PASSWORD, email="editor@example.com")
    client.login(username="editor", password=EDITOR_PASSWORD)
    return client


def test_editor_can_open_the_article_list_and_change_page(editor_client):
    article = make_article()
    assert editor_client.get(CHANGELIST).status_code == 200
    assert editor_client.get(change_url(article)).status_code == 200


def test_editor_can_correct_an_article(editor_client):
    article = make_article(headline="错字标题")
    assert post_change_form(editor_client, article, headline="正确标题").status_code == 302
    article.refresh_from_db()
    assert (article.headline, article.edited) == ("正确标题", True)


@pytest.mark.parametrize("url_name", ["admin:auth_user_changelist", "admin:auth_group_changelist"])
def test_editor_cannot_manage_accounts(editor_client, url_name):
    assert editor_client.get(reverse(url_name)).status_code == 403


def test_editor_cannot_delete_articles(editor_client):
    article = make_article()
    assert editor_client.get(reverse("admin:articles_article_delete", args=[article.pk])).status_code == 403


def test_create_editor_makes_a_staff_non_superuser_in_the_editors_group(db):
    out = create_editor(password=EDITOR_PASSWORD, email="editor@example.com")
    user = get_user_model().objects.get(username="editor")
    assert (user.is_staff, user.is_superuser, user.email) == (True, False, "editor@example.com")
    assert list(user.groups.values_list("name", flat=True)) == ["editors"]
    assert user.check_password(EDITOR_PASSWORD)
    assert out.getvalue() == "已创建编辑账号 editor（editors 组）。\n"


def test_create_editor_twice_changes_nothing(db):
    create_editor(password=EDITOR_PASSWORD, email="editor@example.com")
    out = create_editor(password=EDITOR_PASSWORD)
    users = get_user_model().objects.filter(username="editor")
    assert users.count() == 1
    user = users.get()
    assert list(user.groups.values_list("name", flat=True)) == ["editors"]
    assert (user.is_staff, user.is_superuser, user.email) == (True, False, "editor@example.com")
    assert user.check_password(EDITOR_PASSWORD)
    assert out.getvalue() == "已更新编辑账号 editor（editors 组）。\n"


def test_create_editor_turns_an_existing_superuser_into_an_editor(admin_user):
    create_editor(admin_user.username)
    admin_user.refresh_from_db()
    assert (admin_user.is_staff, admin_user.is_superuser) == (True, False)
    assert admin_user.check_password("password")


def test_create_editor_reads_the_password_from_the_environment(db, monkeypatch):
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", EDITOR_PASSWORD)
    create_editor()
    assert get_user_model().objects.get(username="editor").check_password(EDITOR_PASSWORD)


def test_create_editor_prompts_for_the_password_on_a_terminal(db, monkeypatch):
    monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt: EDITOR_PASSWORD)
    create_editor()
    assert get_user_model().objects.get(username="editor").check_password(EDITOR_PASSWORD)


def test_create_editor_rejects_mismatched_prompted_passwords(db, monkeypatch):
    monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter([EDITOR_PASSWORD, "something-else-entirely"])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    with pytest.raises(CommandError, match="不一致"):
        create_editor()
    assert not get_user_model().objects.exists()


def test_create_editor_without_a_password_and_no_terminal_fails(db, monkeypatch):
    monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="DJANGO_EDITOR_PASSWORD"):
        create_editor(interactive=False)
    assert not get_user_model().objects.exists()


def test_create_editor_rejects_a_weak_password(db):
    with pytest.raises(CommandError):
        create_editor(password="12345678")
    assert not get_user_model().objects.exists()
