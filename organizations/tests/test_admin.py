"""The committees' and people's admin, and the "editors" group that decides what editors may touch."""

import importlib
from io import StringIO
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from organizations.models import Organization, Person, Role

EDITOR_PERMISSIONS = {
    "view_article", "change_article",
    "view_articlecommittee", "add_articlecommittee", "change_articlecommittee", "delete_articlecommittee",
    "view_articlemeeting", "add_articlemeeting", "change_articlemeeting", "delete_articlemeeting",
    "view_mention", "add_mention", "change_mention", "delete_mention",
    "view_byline", "add_byline", "change_byline", "delete_byline",
    "view_meeting", "add_meeting", "change_meeting",
    "view_person", "add_person", "change_person",
    "view_role", "add_role", "change_role",
    "view_organization",
    "view_sourcepage",
}  # fmt: skip
EDITOR_PASSWORD = "review-the-pages-2024"

editors_migration = importlib.import_module("organizations.migrations.0002_editors_group")


def editor_codenames() -> set[str]:
    return set(Group.objects.get(name="editors").permissions.values_list("codename", flat=True))


@pytest.fixture
def committees(db) -> None:
    call_command("loaddata", "organizations", verbosity=0)


@pytest.fixture
def editor_client(client, db):
    call_command("create_editor", "editor", password=EDITOR_PASSWORD, stdout=StringIO())
    client.login(username="editor", password=EDITOR_PASSWORD)
    return client


def test_editors_group_has_exactly_the_editing_permissions(db):
    assert editor_codenames() == EDITOR_PERMISSIONS


def test_editors_group_grants_nothing_on_accounts_sessions_or_the_log(db):
    apps_granted = set(
        Group.objects.get(name="editors").permissions.values_list("content_type__app_label", flat=True)
    )
    assert apps_granted == {"articles", "organizations"}


def test_editors_migration_reverses_and_reapplies_cleanly(db):
    schema_editor = SimpleNamespace(connection=connection)
    editors_migration.remove_editors_group(apps, schema_editor)
    assert not Group.objects.filter(name="editors").exists()
    editors_migration.create_editors_group(apps, schema_editor)
    editors_migration.create_editors_group(apps, schema_editor)
    assert editor_codenames() == EDITOR_PERMISSIONS


def changelist(client, model: str, **params):
    return client.get(reverse(f"admin:organizations_{model}_changelist"), params)


def changelist_queries(client, model: str, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = changelist(client, model, all="", **params)
    assert response.status_code == 200
    return len(queries)


def listed(response) -> list[str]:
    return [str(row) for row in response.context["cl"].result_list]


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("陇西", ["陇西县政协"]),  # a short name only
        ("621122", ["陇西县政协"]),
        ("张家川", ["张家川回族自治县政协"]),
        ("临夏州", ["临夏回族自治州政协"]),
    ],
)
def test_committee_search_matches_names_codes_and_short_names(admin_client, committees, term, expected):
    assert listed(changelist(admin_client, "organization", q=term)) == expected


def test_committee_list_filters_by_level_and_parent(admin_client, committees):
    jiuquan = Organization.objects.get(division_name="酒泉市")
    response = changelist(admin_client, "organization", level="county", parent__id__exact=jiuquan.pk)
    assert len(listed(response)) == 7
    assert "玉门市政协" in listed(response)


def test_committee_list_query_count_does_not_grow_with_rows(admin_client, committees):
    assert changelist_queries(admin_client, "organization", level="prefecture") == changelist_queries(
        admin_client, "organization", level="county"
    )


def test_committee_short_names_are_editable(admin_client, committees):
    longxi = Organization.objects.get(division_name="陇西县")
    response = admin_client.get(reverse("admin:organizations_organization_change", args=[longxi.pk]))
    assert 'name="short_names"' in response.content.decode()


@pytest.fixture
def people(committees) -> dict[str, Person]:
    city = Person.objects.create(name="王毅", organization=Organization.objects.get(division_name="嘉峪关市"))
    county = Person.objects.create(name="李明", organization=Organization.objects.get(division_name="陇西县"))
    outsider = Person.objects.create(name="张华")
    Role.objects.create(person=city, title="党组书记、主席")
    Role.objects.create(person=city, title="委员")
    return {"prefecture": city, "county": county, "none": outsider}


@pytest.mark.parametrize(
    ("level", "expected"),
    [("prefecture", "prefecture"), ("county", "county"), ("none", "none")],
)
def test_people_filter_by_committee_level(admin_client, people, level, expected):
    response = changelist(admin_client, "person", level=level)
    assert listed(response) == [str(people[expected])]


def test_people_list_shows_titles_in_a_fixed_number_of_queries(admin_client, people):
    response = changelist(admin_client, "person")
    assert "党组书记、主席、委员" in response.content.decode()
    with_three = changelist_queries(admin_client, "person")
    for index in range(10):
        Role.objects.create(person=Person.objects.create(name=f"委员{index}"), title="委员")
    assert changelist_queries(admin_client, "person") == with_three


def test_person_change_page_edits_roles_inline(admin_client, people):
    response = admin_client.get(reverse("admin:organizations_person_change", args=[people["prefecture"].pk]))
    content = response.content.decode()
    assert 'name="roles-TOTAL_FORMS"' in content
    assert 'value="党组书记、主席"' in content


def test_editor_can_add_a_person_but_not_change_a_committee(editor_client, committees):
    longxi = Organization.objects.get(division_name="陇西县")
    response = editor_client.post(
        reverse("admin:organizations_person_add"),
        {
            "name": "赵刚",
            "organization": longxi.pk,
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert Person.objects.filter(name="赵刚", organization=longxi).exists()
    change = reverse("admin:organizations_organization_change", args=[longxi.pk])
    assert editor_client.get(change).status_code == 200
    assert 'name="short_names"' not in editor_client.get(change).content.decode()
    assert editor_client.post(change, {"name": "改名政协"}).status_code == 403
