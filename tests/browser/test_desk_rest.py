"""Issue 15, the rest (docs/desk.md), as users meet it in the desk: the digest of overdue follow-ups in the
counsellor's bell, the business coach's Opportunity form without ERPNext's sales fields, the support case's
business search, readable names of new Programme Events."""

import re
import secrets
from datetime import datetime, timedelta

from conftest import desk, login
from playwright.sync_api import expect

COUNSELLOR = "beratung@mehrwert.example"
COACH = "coaching@mehrwert.example"


def test_the_counsellor_finds_the_digest_of_overdue_follow_ups_in_the_bell(page, base_url):
	desk(page, base_url, COUNSELLOR)
	page.locator(".notifications-icon").first.click()
	item = page.locator(".notification-item", has_text="überfällige Wiedervorlage").first
	expect(item).to_be_visible()
	item.click()
	page.wait_for_url(re.compile(r"/app/todo\?"))
	expect(page.locator(".list-row-container").first).to_be_visible()
	filters = page.evaluate("() => cur_list.filter_area.get().map((f) => [f[1], f[2]])")
	assert ["date", "<"] in filters and ["allocated_to", "="] in filters, filters


def open_new(page, base_url, route: str) -> None:
	page.goto(f"{base_url}/app/{route}/new")
	page.wait_for_function("() => window.cur_frm && cur_frm.is_new()")
	page.wait_for_load_state("networkidle")


def test_the_opportunity_form_shows_no_sales_fields(page, base_url):
	desk(page, base_url, COACH)
	open_new(page, base_url, "opportunity")
	field = lambda name: page.locator(f'.frappe-control[data-fieldname="{name}"]').first  # noqa: E731
	for name in ("opportunity_type", "sales_stage", "mq_employees", "mq_programme_area"):
		expect(field(name)).to_be_visible()
	for name in ("no_of_employees", "opportunity_amount", "currency", "territory", "source", "probability"):
		expect(field(name)).to_be_hidden()
	assert "Artikel" not in page.locator(".form-tabs-list").inner_text()
	assert [e for e in page.errors if e.startswith("pageerror")] == []


def test_a_support_case_finds_the_business_by_name_and_sets_its_type(page, base_url):
	desk(page, base_url, COACH)
	lead = page.evaluate(
		"() => frappe.xcall('frappe.client.get_list', {doctype: 'Lead', fields: ['name', 'company_name'],"
		" filters: {company_name: ['is', 'set']}, limit_page_length: 1}).then((r) => r[0])"
	)
	open_new(page, base_url, "enterprise-support-case")
	search = page.locator(".mq-business-search input")
	expect(search).to_be_visible()
	search.click()
	search.press_sequentially(lead["company_name"][:12], delay=50)
	choice = page.locator(".mq-business-search li", has_text=lead["company_name"]).first
	expect(choice).to_be_visible()
	choice.click()
	page.wait_for_function("() => cur_frm.doc.business")
	assert page.evaluate("() => [cur_frm.doc.business_doctype, cur_frm.doc.business]") == [
		"Lead",
		lead["name"],
	]


def test_a_new_programme_event_gets_a_readable_name(page, base_url):
	desk(page, base_url, COUNSELLOR)
	start = datetime.now().replace(microsecond=0) + timedelta(days=21)
	event = page.evaluate(
		"(doc) => frappe.xcall('frappe.client.insert', {doc})",
		{
			"doctype": "Programme Event",
			"event_title": f"Namensprobe {secrets.token_hex(3)}",
			"event_type": "Workshop",
			"service": "QS Arbeit",
			"starts_on": start.isoformat(sep=" "),
			"ends_on": (start + timedelta(hours=2)).isoformat(sep=" "),
		},
	)
	assert re.fullmatch(r"VA-\d{4}-\d{5}", event["name"]), event["name"]


FAILING_CALLS = [
	# an unexpected server error (HTTP 500): an unknown column in a list query
	(
		"frappe.desk.reportview.get",
		{"doctype": "Lead", "fields": '["name"]', "order_by": "no_such_column desc"},
	),
	# an argument of the wrong type (FrappeTypeError, HTTP 417), raised without a message
	("mehrwert_quartier.qs_wirtschaft.business_search.search_businesses", {"limit": "viele"}),
]
TRACEBACK = re.compile(r"Traceback|File \"|\n\s+at |Error: .*\n")


def test_a_server_error_shows_a_clear_message_and_no_traceback(page, base_url):
	desk(page, base_url, COACH)
	page.errors.clear()
	for method, args in FAILING_CALLS:
		page.evaluate(
			"([method, args]) => new Promise((done) => frappe.call({method, args, always: () => done()}))",
			[method, args],
		)
		dialog = page.locator(".modal.show .modal-body").last
		expect(dialog).to_contain_text("Der Server konnte diese Anfrage nicht ausführen")
		assert dialog.inner_text().count("Der Server konnte") == 1, dialog.inner_text()
		page.wait_for_timeout(500)  # the dialog's fade-in
		page.evaluate("() => frappe.hide_msgprint(true)")
		expect(page.locator(".modal.show")).to_have_count(0)
	assert not [e for e in page.errors if TRACEBACK.search(e)], page.errors
	assert [e for e in page.errors if "Failed to load resource" not in e] == [], page.errors
