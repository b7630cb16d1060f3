"""The reader's site in a real browser: filtering with the form controls, links, search, phone width."""

import datetime

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from articles.models import MeetingType
from articles.tests.factories import make_article, make_meeting

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def newsroom(transactional_db) -> dict:
    """A few days of the paper: 定西市 and its counties, and 武威市, with standing-committee meetings."""
    call_command("loaddata", "organizations", verbosity=0)
    dingxi_standing = make_meeting(
        "621100", MeetingType.STANDING, datetime.date(2023, 6, 8), title="五届十次常委会会议"
    )
    longxi_standing = make_meeting(
        "621122", MeetingType.STANDING, datetime.date(2023, 6, 2), title="十届八次常委会会议"
    )
    anding_consult = make_meeting(
        "621102", MeetingType.CONSULTATION, datetime.date(2023, 5, 20), title="协商座谈会"
    )
    wuwei_standing = make_meeting(
        "620600", MeetingType.STANDING, datetime.date(2023, 6, 9), title="五届七次常委会会议"
    )
    return {
        "dingxi": make_article(
            "定西市政协召开五届十次常委会会议",
            region="621100",
            meetings=(dingxi_standing,),
            subtitle="真正把协商在基层实践好",
            body="6月8日，定西市政协召开五届十次常委会会议。\n会议围绕乡村建设行动专题协商议政，着力在乡村振兴上提对策。",
            event_date=datetime.date(2023, 6, 8),
        ),
        "longxi": make_article(
            "陇西县政协召开十届八次常委会会议",
            region="621122",
            meetings=(longxi_standing,),
            event_date=datetime.date(2023, 6, 2),
        ),
        "anding": make_article(
            "安定区政协召开协商座谈会",
            region="621102",
            meetings=(anding_consult,),
            event_date=datetime.date(2023, 5, 20),
        ),
        "wuwei": make_article(
            "武威市政协召开五届七次常委会会议",
            region="620600",
            meetings=(wuwei_standing,),
            event_date=datetime.date(2023, 6, 9),
        ),
    }


def headlines(page: Page) -> list[str]:
    return page.locator(".results .item__headline").all_inner_texts()


@pytest.mark.browser
def test_filter_by_prefecture_and_meeting_type_with_the_keyboard(page: Page, newsroom, screenshot) -> None:
    page.goto("/articles/")
    page.get_by_label("地区").select_option("621100")
    standing = page.get_by_label("常委会会议")
    standing.focus()
    page.keyboard.press("Space")
    expect(standing).to_be_checked()
    page.get_by_role("button", name="筛选").press("Enter")

    expect(page).to_have_url(
        "/articles/?q=&region=621100&meeting_type=standing&kind=&date_after=&date_before="
    )
    assert sorted(headlines(page)) == sorted(
        ["定西市政协召开五届十次常委会会议", "陇西县政协召开十届八次常委会会议"]
    )
    expect(page.get_by_label("地区")).to_have_value("621100")
    expect(page.get_by_text("共 2 篇")).to_be_visible()
    screenshot()


@pytest.mark.browser
def test_open_an_article_and_follow_its_committee(page: Page, newsroom) -> None:
    page.goto("/articles/")
    page.get_by_role("link", name="定西市政协召开五届十次常委会会议").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("定西市政协召开五届十次常委会会议")
    page.locator(".story__facts").get_by_role("link", name="定西市政协", exact=True).click()
    expect(page).to_have_url("/committees/dingxi-shi/")
    expect(page.get_by_role("heading", level=1)).to_have_text("定西市政协")


@pytest.mark.browser
def test_search_shows_highlighted_results(page: Page, newsroom, screenshot) -> None:
    page.goto("/")
    page.get_by_role("searchbox", name="搜索新闻").fill("乡村振兴")
    page.get_by_role("searchbox", name="搜索新闻").press("Enter")
    assert headlines(page) == ["定西市政协召开五届十次常委会会议"]
    # Every query word is marked: 乡村 in 乡村建设 too, and the whole run in 乡村振兴.
    expect(page.locator(".results mark").filter(has_text="乡村振兴")).to_have_count(1)
    screenshot()


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/", "/articles/?region=621100", "/committees/", "/committees/dingxi-shi/"])
def test_phone_width_has_no_horizontal_scroll(page: Page, newsroom, screenshot, path: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow == 0
    screenshot()


@pytest.mark.browser
def test_article_page_at_phone_width(page: Page, newsroom, screenshot) -> None:
    page.set_viewport_size(PHONE)
    page.goto(newsroom["dingxi"].get_absolute_url())
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") == 0
    screenshot()
