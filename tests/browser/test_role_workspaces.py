"""Issue 15: each role lands on its own workspace after login, sees its "My Day" block, and the user guide's
pictures (docs/guide/) are taken here, so that they show what the desk shows (conftest.guide_shot)."""

import re

from conftest import guide_shot, login
from playwright.sync_api import expect

COUNSELLOR = "beratung@mehrwert.example"
COACH = "coaching@mehrwert.example"
LEAD = "projektleitung@mehrwert.example"
DPO = "datenschutz@mehrwert.example"
PARTNER = "jobcenter@partner.example"


def land(page, base_url, user: str, workspace_slug: str) -> None:
	login(page, base_url, user)
	page.wait_for_url(re.compile(rf"/app/{workspace_slug}$"))
	page.wait_for_function("() => window.frappe && frappe.xcall")
	page.wait_for_load_state("networkidle")


def day_block(page):
	"""The "My Day" block lives in a shadow root; Playwright's CSS locators pierce it."""
	return page.locator(".mq-day")


def test_the_counsellor_lands_on_qs_arbeit_with_the_day(page, base_url):
	land(page, base_url, COUNSELLOR, "qs-arbeit")
	expect(page.locator(".page-title").first).to_contain_text("QS Arbeit")
	block = day_block(page)
	for title in (
		"Meine Fälle",
		"Meine offenen Wiedervorlagen und Aufgaben",
		"Beratungen heute",
		"Beratungen diese Woche",
		"Meine Teilnehmenden ohne gültige Einwilligung",
	):
		expect(block).to_contain_text(title)
	expect(block.locator("[data-section=caseload] li").first).to_be_visible()
	expect(page.get_by_text("Importe mit offenem Handlungsbedarf").first).to_be_visible()
	assert [e for e in page.errors if e.startswith("pageerror")] == []
	guide_shot(page, "beratung-arbeitsbereich")
	page.goto(f"{base_url}/app/consultation/view/calendar/default")
	expect(page.locator(".fc-view").first).to_be_visible()
	guide_shot(page, "beratung-kalender")
	page.goto(f"{base_url}/app/participant/new")
	page.wait_for_function("() => window.cur_frm && cur_frm.is_new() && cur_frm.doc.entry_date")
	guide_shot(page, "beratung-neue-teilnehmende")


def test_the_business_coach_lands_on_qs_wirtschaft_with_the_day(page, base_url):
	land(page, base_url, COACH, "qs-wirtschaft")
	block = day_block(page)
	for title in (
		"Meine Unterstützungsfälle",
		"Meine Schritte fällig innerhalb einer Woche",
		"Leer stehende Gewerbeeinheiten",
	):
		expect(block).to_contain_text(title)
	expect(block.locator("[data-section=units] li").first).to_be_visible()
	expect(block).to_contain_text("m²")
	guide_shot(page, "coaching-arbeitsbereich")
	page.get_by_text("Pipeline (Kanban)").first.click()
	expect(page.locator(".kanban-column").first).to_be_visible()
	guide_shot(page, "coaching-pipeline")


def test_the_project_lead_lands_on_the_programme_workspace(page, base_url):
	land(page, base_url, LEAD, "mehrwertquartier")
	expect(page.locator(".page-title").first).to_contain_text("MehrWertQuartier")
	guide_shot(page, "projektleitung-arbeitsbereich")


def test_the_data_protection_officer_lands_on_the_data_protection_workspace(page, base_url):
	land(page, base_url, DPO, "datenschutz")
	expect(page.locator(".page-title").first).to_contain_text("Datenschutz")
	expect(page.locator(".shortcut-widget-box").filter(has_text="Betroffenenanfrage").first).to_be_visible()
	guide_shot(page, "datenschutz-arbeitsbereich")


def test_the_data_protection_officer_sees_no_buttons_they_cannot_use(page, base_url):
	login(page, base_url, DPO)
	page.wait_for_url(re.compile(r"/app"))
	page.wait_for_function("() => window.frappe && frappe.xcall")
	name = page.evaluate(
		"() => frappe.xcall('frappe.client.get_list', {doctype: 'Participant', limit_page_length: 1})"
		".then((r) => r[0].name)"
	)
	page.goto(f"{base_url}/app/participant/{name}")
	page.wait_for_function("(n) => window.cur_frm && cur_frm.docname === n", arg=name)
	page.wait_for_load_state("networkidle")
	for label in ("Angebote finden", "Dublette zusammenführen", "Passende Stellen finden"):
		expect(page.locator(".page-actions").get_by_text(label)).to_have_count(0)
	guide_shot(page, "datenschutz-teilnehmende")


def test_the_partner_portal_for_the_guide(page, base_url):
	login(page, base_url, PARTNER)
	page.wait_for_url(re.compile(r"/partner$"))
	expect(page.get_by_role("heading", name="Partnerportal")).to_be_visible()
	guide_shot(page, "partner-portal")
