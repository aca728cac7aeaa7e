"""Counsellors in the desk: the participant list in German and the duplicate check while entering."""

import re

from conftest import login
from playwright.sync_api import expect

COUNSELLOR = "beratung@mehrwert.example"


def logged_in(page, base_url):
    login(page, base_url, COUNSELLOR)
    page.wait_for_url(re.compile(r"/app"))


def test_participant_list_is_german_with_status_colours(page, base_url):
    logged_in(page, base_url)
    page.goto(f"{base_url}/app/participant")
    expect(page.locator(".page-title").first).to_contain_text("Teilnehmende")
    expect(page.locator(".list-row-container").first).to_be_visible()
    expect(page.locator(".list-row .indicator-pill").first).to_be_visible()


def test_entering_a_known_person_shows_the_likely_duplicate(page, base_url):
    logged_in(page, base_url)
    known = page.evaluate(
        """() => frappe.xcall("frappe.client.get_list", {doctype: "Participant",
			fields: ["name", "first_name", "last_name", "date_of_birth", "postcode"],
			filters: [["date_of_birth", "is", "set"]], limit_page_length: 1})"""
    )[0]
    year, month, day = known["date_of_birth"].split("-")
    page.goto(f"{base_url}/app/participant/new")
    page.locator('[data-fieldname="first_name"] input').fill(known["first_name"])
    page.locator('[data-fieldname="last_name"] input').fill(known["last_name"])
    page.locator('[data-fieldname="postcode"] input').fill(known["postcode"])
    dob = page.locator('[data-fieldname="date_of_birth"] input')
    dob.fill(f"{day}.{month}.{year}")
    dob.press("Escape")
    page.locator('[data-fieldname="last_name"] input').press("Tab")
    expect(page.get_by_text("Mögliche Dubletten")).to_be_visible(timeout=15000)
    expect(
        page.locator(f'a[href="/app/participant/{known["name"]}"]').first
    ).to_be_visible()
    expect(page.get_by_text("Gleiches Geburtsdatum").first).to_be_visible()
