"""A new user logs into the desk: German labels, the app's workspace, the partner list."""

import re
from pathlib import Path

from conftest import login
from playwright.sync_api import expect

COUNSELLOR = "beratung@mehrwert.example"
SHOTS = Path(__file__).resolve().parents[2] / ".test-results" / "screenshots"
SHOTS.mkdir(parents=True, exist_ok=True)


def test_login_lands_in_the_german_desk_with_the_workspace(page, base_url):
    login(page, base_url, COUNSELLOR)
    page.wait_for_url(re.compile(r"/app"))
    page.goto(f"{base_url}/app/mehrwertquartier")
    expect(page.locator(".page-title").first).to_contain_text("MehrWertQuartier")
    expect(page.get_by_text("Partnerorganisation").first).to_be_visible()
    expect(page.get_by_text("Programmgebiet").first).to_be_visible()
    expect(page.get_by_text("Stammdaten").first).to_be_visible()
    page.screenshot(path=str(SHOTS / "workspace.png"))


def test_partner_list_shows_the_programme_partners_in_german(page, base_url):
    login(page, base_url, COUNSELLOR)
    page.wait_for_url(re.compile(r"/app"))
    page.goto(f"{base_url}/app/partner-organisation")
    expect(page.locator(".page-title").first).to_contain_text("Partnerorganisation")
    expect(page.get_by_text("Jobcenter Leipzig").first).to_be_visible()
    page.screenshot(path=str(SHOTS / "partner-list.png"))


def test_wrong_password_is_refused(page, base_url):
    login(page, base_url, COUNSELLOR, password="falsch")
    expect(
        page.locator(".login-content .page-card-head, .btn-login").first
    ).to_be_visible()
    page.wait_for_timeout(1500)
    assert "/app" not in page.url
