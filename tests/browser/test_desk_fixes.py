"""Issue 15, broken items 2 and 4-8, as users meet them: the partner's landing page, the consultation
calendar, the search bar, Find Offers and languages, discontinuing a coaching plan, printing to PDF."""

import re
import secrets
from datetime import date, timedelta

from conftest import desk, insert, login, new_participant
from playwright.sync_api import expect

COUNSELLOR = "beratung@mehrwert.example"
PARTNER = "jobcenter@partner.example"


def test_a_partner_lands_on_the_partner_portal(page, base_url):
	login(page, base_url, PARTNER)
	page.wait_for_url(re.compile(r"/partner$"))
	expect(page.get_by_role("heading", name="Partnerportal")).to_be_visible()
	expect(page.get_by_text("Nicht zulässig")).to_have_count(0)
	apps = page.evaluate("() => fetch('/api/method/frappe.apps.get_apps').then((r) => r.json())")
	assert all(a["name"] != "mehrwert_quartier" for a in apps.get("message", [])), apps


def test_the_consultation_calendar_shows_a_consultation_at_its_time(page, base_url):
	failures = []
	page.on("response", lambda r: r.status >= 500 and failures.append(f"{r.status} {r.url}"))
	desk(page, base_url)
	person = new_participant(page)
	insert(
		page,
		{
			"doctype": "Consultation",
			"participant": person["name"],
			"consultation_type": "First contact",
			"consultation_date": date.today().isoformat(),
			"start_time": "10:30:00",
			"duration_minutes": 45,
		},
	)
	page.goto(f"{base_url}/app/consultation/view/calendar/default")
	event = page.locator(".fc-event", has_text=person["last_name"])
	expect(event).to_be_visible()
	expect(event).to_contain_text("10:30")
	assert failures == []


def test_the_search_bar_finds_a_participant(page, base_url):
	desk(page, base_url)
	name = page.evaluate(
		"() => frappe.xcall('frappe.client.get_value', {doctype: 'Participant', fieldname: 'full_name',"
		" filters: {full_name: ['is', 'set']}}).then((r) => r.full_name)"
	)
	page.fill("#navbar-search", name)
	page.locator(".awesomplete li", has_text="Suche nach").first.click()
	results = page.locator(".search-dialog .modal-body, .modal.show .modal-body").first
	expect(results).to_contain_text(name, timeout=15000)


def test_find_offers_scores_a_course_in_a_language_the_participant_speaks(page, base_url):
	desk(page, base_url)
	person = new_participant(page, languages="Englisch, Arabisch")
	provider = page.evaluate(
		"() => frappe.xcall('frappe.client.get_value', {doctype: 'Training Provider', fieldname: 'name'})"
		".then((r) => r.name)"
	)
	title = f"Job coaching in English {secrets.token_hex(3)}"
	start = (date.today() + timedelta(days=10)).isoformat()
	insert(
		page,
		{
			"doctype": "Training Offer",
			"offer_title": title,
			"provider": provider,
			"category": "Job Application Training",
			"language_of_instruction": "English",
			"start_date": start,
			"last_reviewed": date.today().isoformat(),
		},
	)
	page.goto(f"{base_url}/app/participant/{person['name']}")
	page.get_by_role("button", name="Aktionen").click()
	page.locator("a.dropdown-item:visible", has_text="Angebote finden").click()
	row = page.locator(".modal.show tr", has_text=title)
	expect(row).to_contain_text("Unterricht in einer Sprache, die die/der Teilnehmende spricht")


def test_discontinuing_a_coaching_plan_is_named_so_and_asks_first(page, base_url):
	desk(page, base_url)
	person = new_participant(page)
	plan = insert(page, {"doctype": "Coaching Plan", "participant": person["name"]})
	page.goto(f"{base_url}/app/coaching-plan/{plan['name']}")
	actions = page.locator(".page-actions .actions-btn-group > button")
	actions.click()
	menu = page.locator(".page-actions .actions-btn-group .dropdown-menu")
	expect(menu.get_by_text("Abbruch dokumentieren")).to_be_visible()
	expect(menu.get_by_text("Abbrechen", exact=True)).to_have_count(0)
	menu.get_by_text("Abbruch dokumentieren").click()
	dialog = page.locator(".modal.show")
	expect(dialog).to_contain_text("Förderplan")
	dialog.get_by_role("button", name="Nein").click()
	page.wait_for_timeout(1000)
	status = "() => frappe.xcall('frappe.client.get_value', {doctype: 'Coaching Plan', filters: {name: %r},"
	status += " fieldname: 'status'}).then((r) => r.status)"
	assert page.evaluate(status % plan["name"]) == "Draft"
	actions.click()
	menu.get_by_text("Abbruch dokumentieren").click()
	page.locator(".modal.show").get_by_role("button", name="Ja").click()
	expect(page.locator(".indicator-pill", has_text="Abgebrochen").first).to_be_visible()
	assert page.evaluate(status % plan["name"]) == "Discontinued"


def test_a_participant_prints_as_pdf(page, base_url):
	desk(page, base_url)
	person = new_participant(page)
	response = page.request.get(
		f"{base_url}/api/method/frappe.utils.print_format.download_pdf",
		params={"doctype": "Participant", "name": person["name"]},
	)
	assert response.status == 200, response.text()[:500]
	assert response.body()[:4] == b"%PDF"
