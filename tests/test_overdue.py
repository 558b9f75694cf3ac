"""A page knows when it is overdue: past its next-review date, by the reader's own
clock, it says so under the dateline, in its language, with a link to the updates
log. Before that day nothing shows, nor without JavaScript. The build itself never
reads the clock (tests/test_story_dates.py)."""
from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from conftest import LANGS, page_url_path
from explainer.data import load_ui

SLUG = ""   # the home page: its dateline carries a next-review date


def review_day(pages, lang) -> dt.date:
    time = pages[(SLUG, lang)].select_one(".dateline__review time[datetime]")
    assert time is not None, f"the home page ({lang}) shows no next-review date: pick a page that does"
    return dt.date.fromisoformat(time["datetime"]), time.get_text(strip=True)


def open_at(browser, url: str, day: dt.date, javascript: bool = True):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime.combine(day, dt.time(12)))
    page.goto(url)
    if javascript:
        page.wait_for_function("document.documentElement.classList.contains('js')")
    return context, page


@pytest.mark.parametrize("lang", LANGS)
def test_the_notice_shows_the_day_after_the_review_date_and_not_before(browser, base_url, pages, lang):
    day, shown_date = review_day(pages, lang)
    url = base_url + page_url_path(SLUG, lang)
    t = load_ui()[lang]

    for when in (day - dt.timedelta(days=30), day):
        context, page = open_at(browser, url, when)
        expect(page.locator(".overdue-notice")).to_have_count(0)
        context.close()

    context, page = open_at(browser, url, day + dt.timedelta(days=1))
    notice = page.locator(".overdue-notice")
    expect(notice).to_have_count(1)
    expected = t["overdue.text"].replace("{date}", shown_date) + " " + t["overdue.link"]
    expect(notice).to_have_text(expected)
    # Right after the dateline, a plain paragraph whose link goes where the dateline's does.
    assert page.evaluate("document.querySelector('.dateline').nextElementSibling.className") == "overdue-notice"
    link = notice.get_by_role("link", name=t["overdue.link"])
    assert link.get_attribute("href") == page.locator(".dateline__log").get_attribute("href")
    # The keyboard reaches it; nothing moves.
    link.focus()
    expect(link).to_be_focused()
    assert page.evaluate("getComputedStyle(document.querySelector('.overdue-notice')).animationName") == "none"
    context.close()


def test_without_javascript_no_notice_shows_and_the_dateline_still_gives_the_date(browser, base_url, pages):
    lang = LANGS[0]
    day, shown_date = review_day(pages, lang)
    context, page = open_at(browser, base_url + page_url_path(SLUG, lang), day + dt.timedelta(days=400), javascript=False)
    expect(page.locator(".overdue-notice")).to_have_count(0)
    expect(page.locator(".dateline__review")).to_contain_text(shown_date)
    context.close()
