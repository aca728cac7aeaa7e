"""The Data Protection Officer's desk (issue 14): the workspace, the anonymisation preview, the access export
of a participant (workbook and printable summary as PDF) and the access log of the forms opened."""

import re

from conftest import login
from playwright.sync_api import expect

DPO = "datenschutz@mehrwert.example"


def logged_in(page, base_url):
	login(page, base_url, DPO)
	page.wait_for_url(re.compile(r"/app"))


def test_the_dpo_workspace_leads_to_requests_reports_and_settings(page, base_url):
	logged_in(page, base_url)
	page.goto(f"{base_url}/app/datenschutz")
	for label in (
		"Betroffenenanfrage",
		"Vorschau der Anonymisierung",
		"Zugriffsprotokoll – Übersicht",
		"Einwilligungen – Übersicht",
		"Verzeichnis von Verarbeitungstätigkeiten",
		"Programmeinstellungen",
	):
		expect(page.locator(".shortcut-widget-box").filter(has_text=label).first).to_be_visible(timeout=15000)
	page.wait_for_load_state("networkidle")
	# the settings are a Single: its shortcut must not count records (get_count answered HTTP 500)
	assert page.errors == [], page.errors
	page.locator(".shortcut-widget-box").filter(
		has_text="Verzeichnis von Verarbeitungstätigkeiten"
	).first.click()
	page.wait_for_url(re.compile(r"/app/query-report/Records"))
	expect(page.locator(".dt-scrollable").get_by_text("Besondere Kategorien (Art. 9)").first).to_be_visible(
		timeout=15000
	)


def test_the_settings_shortcut_opens_the_one_record_without_counting(page, base_url):
	"""Programme Settings is a Single: a shortcut that counted its records got HTTP 500 on every landing."""
	logged_in(page, base_url)
	page.goto(f"{base_url}/app/datenschutz")
	page.wait_for_load_state("networkidle")
	page.locator(".shortcut-widget-box").filter(has_text="Programmeinstellungen").first.click()
	page.wait_for_url(re.compile(r"/app/programme-settings$"))
	expect(page.locator(".page-title:visible").first).to_contain_text("Programmeinstellungen")
	assert page.errors == [], page.errors


def test_the_dpo_exports_everything_about_a_participant_and_the_reading_is_logged(page, base_url):
	logged_in(page, base_url)
	name = page.evaluate(
		"""() => frappe.xcall("frappe.client.get_list", {doctype: "Participant", limit_page_length: 1})"""
	)[0]["name"]
	page.goto(f"{base_url}/app/participant/{name}")
	page.get_by_role("button", name="Datenschutz").click()
	page.locator(".dropdown-menu .dropdown-item").filter(has_text="Auskunftsexport").first.click()
	dialog = page.locator(".modal.show").filter(has_text="Druckbare Zusammenfassung (PDF)")
	expect(dialog).to_be_visible(timeout=30000)
	pdf_url = dialog.get_by_role("link", name="Druckbare Zusammenfassung (PDF)").get_attribute("href")
	workbook_url = dialog.get_by_role("link", name="Arbeitsmappe (alle Datensätze)").get_attribute("href")
	assert pdf_url.endswith(".pdf") and workbook_url.endswith(".xlsx"), (pdf_url, workbook_url)
	pdf = page.request.get(f"{base_url}{pdf_url}")
	assert pdf.status == 200 and pdf.body()[:4] == b"%PDF", pdf.text()[:300]
	assert page.request.get(f"{base_url}{workbook_url}").body()[:2] == b"PK"
	dialog.locator(".btn-modal-close").first.click()
	expect(page.locator(".attachment-row").filter(has_text=".pdf").first).to_be_visible(timeout=20000)
	expect(page.locator(".attachment-row").filter(has_text=".xlsx").first).to_be_visible()
	logged = page.evaluate(
		"""(name) => frappe.xcall("frappe.client.get_list", {doctype: "Personal Data Access",
			fields: ["action"], filters: {reference_name: name, user: frappe.session.user}})""",
		name,
	)
	assert {"Read", "Access export"} <= {row["action"] for row in logged}
