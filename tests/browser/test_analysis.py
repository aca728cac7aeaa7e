"""Issue 18: the business coach's area profile with its chart and the training needs analysis, in German,
without a page error; the project lead opens the area profile by postcode."""

import re
from pathlib import Path

from conftest import guide_shot, login
from playwright.sync_api import expect

COACH = "coaching@mehrwert.example"
LEAD = "projektleitung@mehrwert.example"
PERIOD = "from_date=2026-01-01&to_date=2026-12-31"
SHOTS = Path(__file__).resolve().parents[2] / ".test-results" / "screenshots"
SHOTS.mkdir(parents=True, exist_ok=True)


def test_the_area_profile_shows_its_figures_and_chart_to_the_business_coach(page, base_url):
	login(page, base_url, COACH)
	page.wait_for_url(re.compile(r"/app"))
	page.goto(f"{base_url}/app/query-report/Area Profile?{PERIOD}")
	expect(page.get_by_text("Bekannte Betriebe").first).to_be_visible(timeout=30000)
	expect(page.get_by_text("Leerstehende Gewerbeeinheiten").first).to_be_visible()
	expect(page.get_by_text("Vorperiode").first).to_be_visible()
	expect(page.locator(".chart-container svg, .frappe-chart").first).to_be_visible(timeout=20000)
	guide_shot(page, "area-profile")
	assert not page.errors, page.errors


def test_the_project_lead_sees_the_area_profile_by_postcode(page, base_url):
	login(page, base_url, LEAD)
	page.wait_for_url(re.compile(r"/app"))
	page.goto(f"{base_url}/app/query-report/Area Profile?{PERIOD}&columns_by=Postcode")
	expect(page.get_by_text("04315").first).to_be_visible(timeout=30000)
	expect(page.get_by_text("04209").first).to_be_visible()
	assert not page.errors, page.errors


def test_the_training_needs_analysis_suggests_events_in_german(page, base_url):
	login(page, base_url, COACH)
	page.wait_for_url(re.compile(r"/app"))
	page.goto(f"{base_url}/app/query-report/Training Needs Analysis?{PERIOD}")
	expect(page.get_by_text("Digitalisierung").first).to_be_visible(timeout=30000)
	expect(page.get_by_text("Veranstaltung planen").first).to_be_visible()
	page.screenshot(path=str(SHOTS / "training-needs.png"))
	assert not page.errors, page.errors
