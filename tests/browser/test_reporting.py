"""Issue 13: the Project Lead's Programme workspace shows the ESF number cards and charts in German; the
ESF report drills down from a figure to the participants behind it; the worklist assigns a ToDo."""

import re
from pathlib import Path

from conftest import login
from playwright.sync_api import expect

LEAD = "projektleitung@mehrwert.example"
COUNSELLOR = "beratung@mehrwert.example"
SHOTS = Path(__file__).resolve().parents[2] / ".test-results" / "screenshots"
SHOTS.mkdir(parents=True, exist_ok=True)


def test_the_programme_workspace_shows_the_esf_dashboards_to_the_project_lead(page, base_url):
	login(page, base_url, LEAD)
	page.wait_for_url(re.compile(r"/app"))
	page.goto(f"{base_url}/app/programme")
	expect(page.get_by_text("ESF-Teilnehmende (kumuliert)").first).to_be_visible(timeout=20000)
	expect(page.get_by_text("Unterstützte KMU (kumuliert)").first).to_be_visible()
	expect(page.get_by_text("Eintritte je Monat").first).to_be_visible()
	card = page.locator(".number-card-widget, .widget.number-widget-box").first
	expect(card).not_to_contain_text("Loading", timeout=20000)
	page.screenshot(path=str(SHOTS / "programme-workspace.png"))


def test_a_figure_of_the_esf_report_opens_the_list_behind_it(page, base_url):
	login(page, base_url, LEAD)
	page.wait_for_url(re.compile(r"/app"))
	page.goto(f"{base_url}/app/query-report/ESF Plus Indicators?mode=Cumulative&cut_off_date=2026-12-31")
	expect(page.get_by_text("Gesamtzahl der Teilnehmenden").first).to_be_visible(timeout=30000)
	link = page.locator("a.mq-drill").first
	expect(link).to_be_visible()
	link.click()
	page.wait_for_url(re.compile(r"/app/participant"), timeout=20000)
	expect(page.locator(".list-row-container").first).to_be_visible(timeout=20000)
	page.screenshot(path=str(SHOTS / "esf-drill-down.png"))


def test_the_data_quality_worklist_assigns_a_todo_in_one_click(page, base_url):
	login(page, base_url, COUNSELLOR)
	page.wait_for_url(re.compile(r"/app"))
	page.goto(f"{base_url}/app/query-report/ESF Data Quality")
	button = page.locator("button.mq-assign").first
	expect(button).to_be_visible(timeout=30000)
	button.click()
	expect(button).to_have_text("Zugewiesen", timeout=20000)
	page.screenshot(path=str(SHOTS / "data-quality.png"))
