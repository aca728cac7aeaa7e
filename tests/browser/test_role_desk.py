"""Issue 15, "Done when": every demo role that may opens the list, a new form (where it may create) and an
existing record of every DocType the app adds or extends (generated from the promise table,
mehrwert_quartier/security/promises.py), and sees no console error and no English string from the list of
strings once found untranslated. The partner, a portal user, opens its portal only.

One browser context per role (one login each); the desk routes between pages as a user clicking would
(``frappe.set_route``), so that 200 pages take minutes, not a boot each."""

import base64
import io
import re

import pytest
from conftest import login
from mehrwert_quartier.security.promises import PROMISES, ROLES, allowed
from openpyxl import Workbook
from playwright.sync_api import expect

STAFF = [r for r in ROLES if r not in ("Guest", "Programme Partner")]

# English strings users met in the German desk (issue 15). Whole words, case-sensitive.
UNTRANSLATED = [
	"Integration follow-up",
	"Monate)",
	"Business Advice",
	"Recruiting Support",
	"Training Need",
	"B2B Cooperation",
	"Event Participation",
	"Attendance Sheet",
	"District",
	"Programme Territory",
	"Message",
	"Units Proposed",
	"Neu Teilnehmende/r",
	"in In Betreuung",
	"Not Permitted",
	"Not Saved",
	"Draft",
	"Open for Registration",
	"Waitlisted",
	"Registered",
]
UNTRANSLATED_RE = re.compile("|".join(rf"(?<![\w-]){re.escape(s)}(?![\w-])" for s in UNTRANSLATED))

# console messages a browser prints for the desk itself, not for the app: the socket.io realtime server
# does not run beside the test server
NOISE = (
	"socket.io",
	"ERR_CONNECTION_REFUSED",
	"WebSocket",
	# Chromium on frappe-charts drawing into a form dashboard not laid out yet (Frappe's own chart code)
	"attribute width: A negative value is not valid",
)
# a Single DocType has one record, named like the DocType, and no list (tests/security/samples.py alike)
SINGLES = {"Programme Settings"}


def slug(doctype: str) -> str:
	return doctype.lower().replace(" ", "-")


def cases() -> list[tuple[str, str, str]]:
	"""(role, doctype, view) for every view a role may open: list and record with read, new with create."""
	out = []
	for role in STAFF:
		for doctype in PROMISES:
			if not allowed(role, doctype, "read"):
				continue
			if doctype in SINGLES:
				out.append((role, doctype, "record"))
				continue
			out += [(role, doctype, "list"), (role, doctype, "record")]
			if allowed(role, doctype, "create"):
				out.append((role, doctype, "new"))
	return out


@pytest.fixture(scope="module")
def desks(browser, base_url):
	"""One logged-in desk page per role, made on first use."""
	pages = {}

	def get(role: str):
		if role not in pages:
			context = browser.new_context(locale="de-DE", viewport={"width": 1366, "height": 900})
			page = context.new_page()
			page.set_default_timeout(30000)
			page.errors = []
			page.on(
				"pageerror",
				lambda error, page=page: page.errors.append(f"pageerror: {error}"),
			)
			page.on(
				"console",
				lambda msg, page=page: (
					msg.type == "error"
					and not any(n in msg.text + msg.location.get("url", "") for n in NOISE)
					and page.errors.append(f"console: {msg.text} {msg.location.get('url', '')}")
				),
			)
			page.on(
				"response",
				lambda r, page=page: (
					r.status >= 400
					and not any(n in r.url for n in NOISE)
					and page.errors.append(f"HTTP {r.status}: {r.request.method} {r.url}")
				),
			)
			login(page, base_url, ROLES[role])
			page.wait_for_url(re.compile(r"/app"))
			page.wait_for_function("() => window.frappe && frappe.boot && frappe.xcall && frappe.container")
			# the landing workspace loads first, as it does for a user (routing away mid-load is Frappe's race)
			page.wait_for_load_state("networkidle")
			pages[role] = page
		return pages[role]

	yield get
	for page in pages.values():
		page.context.close()


def go(page, route: list[str]) -> None:
	"""Route inside the desk and wait until the page has rendered and its requests have answered."""
	page.evaluate("(route) => frappe.set_route(...route)", route)
	page.wait_for_function("(route) => frappe.get_route_str() === route.join('/')", arg=route)
	settle(page)


def settle(page) -> None:
	page.wait_for_function("() => !frappe.request.ajax_count && !frappe.dom.freeze_count")
	page.wait_for_timeout(400)
	page.wait_for_function("() => !frappe.request.ajax_count")


def visible_text(page) -> str:
	return page.evaluate("() => document.body.innerText")


def first_name(page, doctype: str) -> str | None:
	return page.evaluate(
		"(doctype) => frappe.xcall('frappe.client.get_list', {doctype, fields: ['name'], limit_page_length: 1,"
		" order_by: 'modified desc'}).then((r) => r.length ? r[0].name : null)",
		doctype,
	)


# a DocType each staff role may import (partner_exchange: Business Coaches import no participants)
IMPORT_DOCTYPE = {"Business Coach": "Commercial Unit"}


def own_import_batch(page, role: str) -> str:
	"""Staff read only their own import batches: a dry run of a small workbook through the upload API."""
	book = Workbook()
	book.active.append(["Vorname", "Nachname", "Postleitzahl"])
	book.active.append(["Rolle", "Rundgang", "04315"])
	content = io.BytesIO()
	book.save(content)
	return page.evaluate(
		"([import_doctype, filedata]) => frappe.xcall('mehrwert_quartier.partner_exchange.api.upload',"
		" {import_doctype, filename: 'rundgang.xlsx', filedata}).then((r) => r.name)",
		[
			IMPORT_DOCTYPE.get(role, "Participant"),
			base64.b64encode(content.getvalue()).decode(),
		],
	)


@pytest.mark.parametrize(("role", "doctype", "view"), cases(), ids=lambda v: slug(v))
def test_every_role_opens_every_view_in_german_without_errors(desks, role, doctype, view):
	page = desks(role)
	page.errors.clear()
	if view == "list":
		go(page, ["List", doctype, "List"])
		expect(page.locator(".frappe-list:visible").first).to_be_visible()
	elif view == "new":
		page.evaluate("(doctype) => frappe.new_doc(doctype)", doctype)
		# a new record opens as a form, or as Frappe's quick entry dialog for DocTypes with few fields
		page.wait_for_function(
			"(dt) => (window.cur_frm && cur_frm.doctype === dt && cur_frm.is_new()"
			" && frappe.get_route()[0] === 'Form') || document.querySelector('.modal.show .modal-title')",
			arg=doctype,
		)
		settle(page)
	else:
		name = doctype if doctype in SINGLES else first_name(page, doctype)
		if not name and doctype == "Import Batch":
			name = own_import_batch(page, role)
		assert name, f"the demo data has no {doctype} {role} may read"
		go(page, ["Form", doctype, name])
		page.wait_for_function(
			"([dt, name]) => window.cur_frm && cur_frm.doctype === dt && cur_frm.docname === name"
			" && cur_frm.layout && cur_frm.layout.wrapper",
			arg=[doctype, name],
		)
		settle(page)
		expect(page.locator(".form-layout:visible").first).to_be_visible()
	found = sorted(set(UNTRANSLATED_RE.findall(visible_text(page))))
	page.evaluate("() => frappe.ui.hide_open_dialog && frappe.ui.hide_open_dialog()")
	assert page.errors == [], page.errors
	assert found == [], f"English on {doctype} ({view}) as {role}: {found}"


def test_the_partner_opens_its_portal_in_german_without_errors(page, base_url):
	login(page, base_url, ROLES["Programme Partner"])
	page.wait_for_url(re.compile(r"/partner$"))
	page.wait_for_load_state("networkidle")
	expect(page.get_by_role("heading", name="Partnerportal")).to_be_visible()
	errors = [e for e in page.errors if not any(n in e for n in NOISE)]
	assert errors == []
	assert UNTRANSLATED_RE.findall(page.evaluate("() => document.body.innerText")) == []
