"""Integrity rules the database itself enforces on committees, people and their roles."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from organizations.models import Level, Organization, Person, Role


def make_committee(division_name: str, code: str, level: str, parent: Organization | None) -> Organization:
    return Organization.objects.create(
        name=f"{division_name}政协",
        division_name=division_name,
        code=code,
        level=level,
        parent=parent,
        slug=f"test-{code}",
    )


@pytest.fixture
def province(db) -> Organization:
    return make_committee("甘肃省", "620000", Level.PROVINCE, None)


@pytest.fixture
def prefecture(province) -> Organization:
    return make_committee("定西市", "621100", Level.PREFECTURE, province)


@pytest.fixture
def county(prefecture) -> Organization:
    return make_committee("陇西县", "621122", Level.COUNTY, prefecture)


def test_same_name_in_two_committees_is_two_people(prefecture, county):
    Person.objects.create(name="王毅", organization=prefecture)
    Person.objects.create(name="王毅", organization=county)
    assert Person.objects.filter(name="王毅").count() == 2


def test_same_name_twice_in_one_committee_is_rejected(county):
    Person.objects.create(name="王毅", organization=county)
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(name="王毅", organization=county)


def test_same_name_twice_outside_any_committee_is_rejected(db):
    Person.objects.create(name="王毅")
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(name="王毅")


def test_same_name_inside_and_outside_a_committee_is_two_people(county):
    Person.objects.create(name="王毅", organization=county)
    Person.objects.create(name="王毅")
    assert Person.objects.filter(name="王毅").count() == 2


def test_role_last_seen_before_first_seen_is_rejected(county):
    person = Person.objects.create(name="王毅", organization=county)
    with pytest.raises(IntegrityError), transaction.atomic():
        Role.objects.create(
            person=person,
            title="主席",
            first_seen=datetime.date(2023, 6, 8),
            last_seen=datetime.date(2023, 6, 7),
        )


@pytest.mark.parametrize(
    ("first_seen", "last_seen"),
    [
        (datetime.date(2023, 6, 8), datetime.date(2023, 6, 8)),
        (datetime.date(2023, 6, 8), datetime.date(2024, 1, 2)),
        (datetime.date(2023, 6, 8), None),
        (None, None),
    ],
)
def test_role_with_dates_in_order_or_open_is_accepted(county, first_seen, last_seen):
    person = Person.objects.create(name="王毅", organization=county)
    Role.objects.create(person=person, title="主席", first_seen=first_seen, last_seen=last_seen)
    assert person.roles.count() == 1


def test_same_title_twice_for_one_person_is_rejected(county):
    person = Person.objects.create(name="王毅", organization=county)
    Role.objects.create(person=person, title="主席")
    with pytest.raises(IntegrityError), transaction.atomic():
        Role.objects.create(person=person, title="主席")


@pytest.mark.parametrize(
    ("division_name", "code", "level"),
    [("陇西县", "621122", Level.COUNTY), ("定西市", "621100", Level.PREFECTURE)],
)
def test_committee_below_the_province_without_parent_is_rejected(db, division_name, code, level):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_committee(division_name, code, level, None)


def test_province_with_a_parent_is_rejected(province):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_committee("另一省", "629900", Level.PROVINCE, province)
