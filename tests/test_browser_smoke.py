"""Proves the browser plumbing end to end: Chromium, Playwright, the live server and screenshots."""

import pytest
from playwright.sync_api import Page, expect


@pytest.mark.browser
def test_admin_login_page_renders_in_chinese(page: Page, screenshot) -> None:
    page.goto("/admin/login/")

    expect(page.get_by_label("用户名")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    assert screenshot().stat().st_size > 0
