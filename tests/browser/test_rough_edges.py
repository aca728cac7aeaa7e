"""Issue 15, rough edges, as users meet them in the desk: defaults of a new participant and of a placement
from Find Candidates, the waitlist and target-group warnings of a registration, the consent warning of a
consultation, readable names, Find Units in German number format with reasons, one Aktionen menu."""

import re
import secrets
from datetime import date, datetime, timedelta

from conftest import desk, insert, login, new_participant
from playwright.sync_api import expect

COUNSELLOR = "beratung@mehrwert.example"
COACH = "coaching@mehrwert.example"


def first(page, doctype: str, filters: dict | None = None, fields=("name",)) -> dict:
	return page.evaluate(
		"([doctype, filters, fields]) => frappe.xcall('frappe.client.get_list', {doctype, filters, fields,"
		" limit_page_length: 1}).then((r) => r[0])",
		[doctype, filters or {}, list(fields)],
	)


def dialog_text(page) -> str:
	dialog = page.locator(".modal.show .modal-body").last
	expect(dialog).to_be_visible()
	return dialog.inner_text()


def test_a_new_participant_starts_with_the_counsellor_and_today(page, base_url):
	desk(page, base_url)
	page.goto(f"{base_url}/app/participant/new")
	page.wait_for_function("() => window.cur_frm && cur_frm.is_new() && cur_frm.doc.entry_date")
	values = page.evaluate("() => [cur_frm.doc.responsible_counsellor, cur_frm.doc.entry_date]")
	assert values == [COUNSELLOR, date.today().isoformat()]


def test_place_from_find_candidates_fills_employer_start_and_counsellor(page, base_url):
	desk(page, base_url)
	vacancy = first(page, "Job Vacancy", {"status": "Open"}, ("name", "employer", "employer_type"))
	person = new_participant(page)
	page.evaluate(
		"([participant, vacancy]) => frappe.new_doc('Placement', {participant, vacancy})",
		[person["name"], vacancy["name"]],
	)
	page.wait_for_function("() => window.cur_frm && cur_frm.doc.employer && cur_frm.doc.counsellor")
	doc = page.evaluate("() => cur_frm.doc")
	assert (doc["employer_type"], doc["employer"]) == (
		vacancy["employer_type"],
		vacancy["employer"],
	)
	assert doc["start_date"] and doc["counsellor"] == COUNSELLOR
	page.keyboard.press("Control+s")
	page.wait_for_function("() => window.cur_frm && !cur_frm.is_new()")
	assert re.fullmatch(r"PL-\d{4}-\d{5}", page.evaluate("() => cur_frm.doc.name"))


def event(page, **values) -> dict:
	start = datetime.now().replace(microsecond=0) + timedelta(days=14)
	return insert(
		page,
		{
			"doctype": "Programme Event",
			"event_title": f"Probe {secrets.token_hex(3)}",
			"event_type": "Workshop",
			"service": "QS Arbeit",
			"starts_on": start.isoformat(sep=" "),
			"ends_on": (start + timedelta(hours=2)).isoformat(sep=" "),
			**values,
		},
	)


def register(page, event_name: str, participant: str) -> None:
	page.evaluate(
		"([event, participant]) => frappe.new_doc('Event Registration', {event, participant,"
		" attendee_type: 'Participant'})",
		[event_name, participant],
	)
	page.wait_for_function(
		"() => window.cur_frm && cur_frm.doctype === 'Event Registration' && cur_frm.is_new()"
	)
	page.wait_for_timeout(500)
	page.keyboard.press("Control+s")


def test_a_full_event_says_the_registration_went_on_the_waitlist(page, base_url):
	desk(page, base_url)
	full = event(page, capacity=1)
	insert(
		page,
		{
			"doctype": "Event Registration",
			"event": full["name"],
			"attendee_type": "Participant",
			"participant": new_participant(page)["name"],
		},
	)
	register(page, full["name"], new_participant(page)["name"])
	text = dialog_text(page)
	assert "ausgebucht" in text and "Warteliste" in text, text
	assert re.fullmatch(r"ANM-\d{4}-\d{5}", page.evaluate("() => cur_frm.doc.name"))


def test_registering_a_man_for_an_event_for_migrant_women_warns(page, base_url):
	desk(page, base_url)
	women = event(page, target_group="Migrant Women", capacity=20)
	register(page, women["name"], new_participant(page, gender="Male")["name"])
	assert "richtet sich an Frauen" in dialog_text(page)


def test_confidential_notes_without_consent_warn(page, base_url):
	desk(page, base_url)
	person = new_participant(page)
	page.evaluate(
		"(participant) => frappe.new_doc('Consultation', {participant, consultation_type: 'First contact'})",
		person["name"],
	)
	page.wait_for_function("() => window.cur_frm && cur_frm.doctype === 'Consultation' && cur_frm.is_new()")
	page.evaluate("() => cur_frm.set_value('confidential_notes', 'Vertraulich: Probe')")
	page.keyboard.press("Control+s")
	assert "keine gültige Einwilligung" in dialog_text(page)


def test_find_units_explains_the_scores_in_german_with_floor_space_and_rent(page, base_url):
	desk(page, base_url, COACH)
	lead = first(page, "Lead")
	request = insert(
		page,
		{
			"doctype": "Settlement Request",
			"business_doctype": "Lead",
			"business": lead["name"],
			"min_floor_space": 10,
			"max_floor_space": 60,
		},
	)
	page.goto(f"{base_url}/app/settlement-request/{request['name']}")
	page.wait_for_function("(n) => window.cur_frm && cur_frm.docname === n", arg=request["name"])
	expect(page.locator(".page-actions").get_by_role("button", name="Aktionen")).to_have_count(1)
	page.locator(".page-actions").get_by_role("button", name="Gewerbeeinheiten finden").click()
	table = page.locator(".modal.show table")
	expect(table).to_be_visible(timeout=20000)
	text = table.inner_text()
	assert "m²" in text, text
	assert re.search(r"\b\d+,\d\b", text), text  # a German decimal comma in the scores
	assert not re.search(r"\b\d+\.\d{3}\b(?! m²)", text.split("m²")[-1]), text
	assert "Fläche im gewünschten Rahmen" in text or "Größer als gewünscht" in text, text


def pdf(page, base_url, doctype: str, name: str, print_format: str) -> bytes:
	response = page.request.get(
		f"{base_url}/api/method/frappe.utils.print_format.download_pdf",
		params={"doctype": doctype, "name": name, "format": print_format},
	)
	assert response.status == 200, response.text()[:500]
	return response.body()


def test_the_coaching_plan_and_the_consultation_record_print_as_pdf(page, base_url):
	desk(page, base_url)
	person = new_participant(page)
	plan = insert(page, {"doctype": "Coaching Plan", "participant": person["name"]})
	assert pdf(page, base_url, "Coaching Plan", plan["name"], "Coaching Plan Record")[:4] == b"%PDF"
	consultation = insert(
		page,
		{
			"doctype": "Consultation",
			"participant": person["name"],
			"consultation_type": "First contact",
			"topics": "Bewerbung",
		},
	)
	assert pdf(page, base_url, "Consultation", consultation["name"], "Consultation Record")[:4] == b"%PDF"
	html = page.evaluate(
		"(name) => frappe.xcall('frappe.www.printview.get_html_and_style', {doc: 'Coaching Plan', name,"
		" print_format: 'Coaching Plan Record'}).then((r) => r.html)",
		plan["name"],
	)
	assert "Unterschrift der/des Teilnehmenden" in html and "Förderplan" in html


def test_the_print_view_names_the_formats_in_german(page, base_url):
	desk(page, base_url)
	event_name = first(page, "Programme Event")["name"]
	page.goto(f"{base_url}/app/print/Programme Event/{event_name}")
	expect(page.locator(".print-preview, .print-format").first).to_be_visible(timeout=20000)
	selector = page.locator("[data-fieldname=print_format] input").first
	page.wait_for_timeout(1000)
	selector.click()
	page.keyboard.type("Teil", delay=100)
	choice = page.get_by_role("option", name="Teilnahmeliste").first
	expect(choice).to_be_visible(timeout=20000)
	expect(page.get_by_role("option", name="Attendance Sheet")).to_have_count(0)
	choice.click()
	expect(selector).to_have_value("Teilnahmeliste")
