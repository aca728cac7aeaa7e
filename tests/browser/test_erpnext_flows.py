"""Current Frappe/ERPNext v15 in the desk: forms with editable Datetime fields render (Frappe's own
air-datepicker fork), ERPNext's own Lead conversions work for the business coach on the German site, and the
website shows no foreign branding."""

import re
from urllib.parse import unquote

from conftest import login
from playwright.sync_api import expect

COUNSELLOR = "beratung@mehrwert.example"
COACH = "coaching@mehrwert.example"
EVENT_FIELDS = ["starts_on", "ends_on", "location", "programme_area", "trainer", "capacity"]


def page_errors(page) -> list[str]:
	return [e for e in page.errors if e.startswith("pageerror")]


def open_desk(page, base_url, user):
	login(page, base_url, user)
	page.wait_for_url(re.compile(r"/app"))


def expect_event_form_complete(page):
	for fieldname in EVENT_FIELDS:
		expect(page.locator(f'.frappe-control[data-fieldname="{fieldname}"]').first).to_be_visible()
	assert page_errors(page) == []


def test_programme_event_form_renders_every_section_new_and_existing(page, base_url):
	"""The registry's air-datepicker 2.2.3 made every editable Datetime field crash (set_datepicker) and the
	form stopped after its first section."""
	open_desk(page, base_url, COUNSELLOR)
	page.goto(f"{base_url}/app/programme-event/new")
	expect_event_form_complete(page)
	starts = page.locator('.frappe-control[data-fieldname="starts_on"] input')
	starts.click()
	expect(page.locator(".datepicker.active").first).to_be_visible()
	# Frappe's fork adds seconds to the time picker
	expect(page.locator(".datepicker.active .datepicker--time-row").first).to_be_attached()
	assert page.locator(".datepicker.active .datepicker--time-row input").count() == 3
	starts.press("Escape")
	name = page.evaluate(
		"""() => frappe.xcall("frappe.client.get_list", {doctype: "Programme Event", limit_page_length: 1})"""
	)[0]["name"]
	page.goto(f"{base_url}/app/programme-event/{name}")
	expect_event_form_complete(page)
	expect(page.get_by_role("button", name="Teilnahmeliste")).to_be_visible()


def open_new_lead(page, base_url) -> str:
	"""A lead the coach entered (the demo leads have their opportunities already)."""
	name = page.evaluate(
		"""() => frappe.xcall("frappe.client.insert", {doc: {doctype: "Lead", first_name: "Aylin",
			last_name: "Demir " + Date.now(), company_name: "Änderungsschneiderei Demir " + Date.now(),
			mq_programme_area: "Grünau"}})"""
	)["name"]
	page.goto(f"{base_url}/app/lead/{name}")
	expect(page.locator(".page-title").first).to_be_visible()
	return name


def create_from_lead(page, target: str, dialog: bool = False):
	page.get_by_role("button", name="Erstellen").click()
	page.locator(".dropdown-menu.show").get_by_text(target, exact=True).click()
	if dialog:  # ERPNext asks whether to make a prospect of the lead too (ticked): as offered
		confirm = page.locator(".modal.show .btn-primary")
		expect(confirm).to_have_text("Erstellen")
		confirm.click()


def save_and_expect_saved(page, route: str) -> str:
	page.wait_for_url(re.compile(rf"/app/{route}/new"))
	doctype = route.title()
	page.wait_for_function(
		f"() => window.cur_frm && cur_frm.doctype === '{doctype}' && cur_frm.doc.__islocal"
	)
	page.locator(".layout-main-section:visible input:visible").first.click()
	page.keyboard.press("Control+s")
	page.wait_for_url(re.compile(rf"/app/{route}/(?!new)[^/?]+$"), timeout=30000)
	assert page.locator(".modal.show .msgprint").count() == 0
	return unquote(page.url.rsplit("/", 1)[-1])


def test_business_coach_converts_a_lead_with_erpnexts_buttons(page, base_url):
	"""Create > Opportunity used to fail with "Chance-Typ: Sales konnte nicht gefunden werden"."""
	failed = []
	page.on("response", lambda r: r.status >= 400 and "/socket.io/" not in r.url and failed.append(r.url))
	open_desk(page, base_url, COACH)
	lead = open_new_lead(page, base_url)
	create_from_lead(page, "Chance", dialog=True)
	opportunity = save_and_expect_saved(page, "opportunity")
	record = page.evaluate(
		"""(name) => frappe.xcall("frappe.client.get", {doctype: "Opportunity", name})""", opportunity
	)
	assert (record["opportunity_from"], record["party_name"]) == ("Lead", lead)
	assert record["opportunity_type"] == "Business Advice"

	lead = open_new_lead(page, base_url)
	create_from_lead(page, "Kunde")
	customer = save_and_expect_saved(page, "customer")
	record = page.evaluate(
		"""(name) => frappe.xcall("frappe.client.get", {doctype: "Customer", name})""", customer
	)
	assert (record["lead_name"], record["mq_programme_area"]) == (lead, "Grünau")
	assert failed == []
	assert page_errors(page) == []


def test_the_website_shows_no_foreign_branding(page, base_url):
	"""The rebranded fork used before showed its own footer and settings page."""
	page.goto(f"{base_url}/login")
	footer = page.locator("footer").first.inner_text()
	assert "Nexelya" not in footer and "Nexelya" not in page.content()
	page.goto(f"{base_url}/about")
	assert "Nexelya" not in page.content()
