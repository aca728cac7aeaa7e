"""A participant restricted by a data subject request (GDPR Art. 18; an erasure inside the ESF retention period
becomes one) and its linked records over HTTP: no route shows them, counts them or finds them for any demo role
but the Data Protection Officer (docs/data-protection.md).

The module restricts a demo participant with consultations through the request workflow, as the DPO would,
and lifts the restriction afterwards (the demo data stays usable for the other tests)."""

import json

import pytest
from conftest import message, refused
from mehrwert_quartier.security.promises import ROLES
from samples import sample_names

DPO = "Data Protection Officer"
OUTSIDERS = [r for r in ROLES if r != DPO]
NOWHERE = "zz-no-such-record-7d2f"
LINKED = ("Consultation", "Consent", "Coaching Plan", "Referral", "Placement", "Event Registration")


def rows(admin, doctype: str, filters: list, fields: list[str], **params) -> list[dict]:
	answer = admin.get(
		f"/api/resource/{doctype}",
		params={"filters": json.dumps(filters), "fields": json.dumps(fields), **params},
	)
	return answer.json().get("data") or []


def choose(admin) -> str:
	"""A demo participant with a consultation, in the search index, that no other security test uses as its
	sample."""
	samples = set(sample_names(admin).values())
	taken = {
		row.get("participant")
		for doctype in LINKED
		if sample_names(admin).get(doctype)
		for row in rows(admin, doctype, [["name", "=", sample_names(admin)[doctype]]], ["participant"])
	}
	consultations = rows(
		admin, "Consultation", [], ["participant"], order_by="creation asc", limit_page_length=200
	)
	for name in dict.fromkeys(row["participant"] for row in consultations):
		person = rows(admin, "Participant", [["name", "=", name]], ["restricted", "anonymised", "last_name"])
		if not name or name in samples | taken or not person or person[0]["restricted"]:
			continue
		if person[0]["anonymised"] or not person[0]["last_name"]:
			continue
		indexed = admin.method("frappe.utils.global_search.search", text=person[0]["last_name"], limit=500)
		if name in indexed.text:
			return name
	pytest.skip("no demo participant with a consultation to restrict")


def workflow(admin, doc: dict, action: str) -> dict:
	answer = admin.method("frappe.model.workflow.apply_workflow", doc=doc, action=action)
	assert answer.status_code == 200, answer.text[:500]
	return message(answer)


@pytest.fixture(scope="module")
def restricted(admin):
	"""(participant, last name, [(doctype, name) of the participant and its linked records])."""
	name = choose(admin)
	person = admin.get(f"/api/resource/Participant/{name}").json()["data"]
	# a Version and a comment of the participant, so that their routes have something to hide
	admin.put(f"/api/resource/Participant/{name}", json={"skills": (person.get("skills") or "") + " ."})
	admin.method(
		"frappe.desk.form.utils.add_comment",
		reference_doctype="Participant",
		reference_name=name,
		content="Sicherheitstest: eingeschränkt",
		comment_email="Administrator",
		comment_by="Administrator",
	)
	created = admin.post(
		"/api/resource/Data Subject Request",
		json={
			"request_type": "Restriction",
			"participant": name,
			"requester_name": "Sicherheitstest",
			"received_on": "2026-11-30",
			"identity_evidence": "Personalausweis",
			"decision": "Granted",
		},
	)
	assert created.status_code == 200, created.text[:500]
	doc = created.json()["data"]
	for action in ("Confirm Identity", "Decide", "Carry Out"):
		doc = workflow(admin, doc, action)
	assert rows(admin, "Participant", [["name", "=", name]], ["restricted"])[0]["restricted"] == 1
	records = [("Participant", name)]
	for doctype in LINKED:
		records += [
			(doctype, r["name"]) for r in rows(admin, doctype, [["participant", "=", name]], ["name"])
		]
	yield name, person["last_name"], records
	admin.method("frappe.client.set_value", doctype="Participant", name=name, fieldname="restricted", value=0)
	admin.delete(f"/api/resource/Data Subject Request/{doc['name']}")


def answers(session, doctype: str, name: str) -> dict:
	"""Each route's answer about one record (filtered to it where the route takes filters)."""
	by_name = [[doctype, "name", "=", name]]
	field = f"`tab{doctype}`.`name`"
	method = session.method
	return {
		"get": session.get(f"/api/resource/{doctype}/{name}"),
		"client.get": method("frappe.client.get", doctype=doctype, name=name),
		"client.get_value": method(
			"frappe.client.get_value", doctype=doctype, filters={"name": name}, fieldname="name"
		),
		"getdoc": method("frappe.desk.form.load.getdoc", doctype=doctype, name=name),
		"docinfo": method("frappe.desk.form.load.get_docinfo", doctype=doctype, name=name),
		"list": session.get(f"/api/resource/{doctype}", params={"filters": json.dumps(by_name)}),
		"client.get_list": method("frappe.client.get_list", doctype=doctype, filters=by_name),
		"reportview.get": method(
			"frappe.desk.reportview.get", doctype=doctype, fields=[field], filters=by_name
		),
		"reportview.get_list": method(
			"frappe.desk.reportview.get_list", doctype=doctype, fields=[field], filters=by_name
		),
		"search_link": method("frappe.desk.search.search_link", doctype=doctype, txt=name),
		"export": method(
			"frappe.desk.reportview.export_query",
			doctype=doctype,
			file_format_type="CSV",
			fields=[field],
			filters=by_name,
		),
		"print": method("frappe.www.printview.get_html_and_style", doc=doctype, name=name),
		"pdf": session.get(
			"/api/method/frappe.utils.print_format.download_pdf", params={"doctype": doctype, "name": name}
		),
		"versions": session.get(
			"/api/resource/Version",
			params={"filters": json.dumps([["ref_doctype", "=", doctype], ["docname", "=", name]])},
		),
		"comments": session.get(
			"/api/resource/Comment",
			params={
				"filters": json.dumps([["reference_doctype", "=", doctype], ["reference_name", "=", name]])
			},
		),
		"files": session.get(
			"/api/resource/File",
			params={
				"filters": json.dumps(
					[["attached_to_doctype", "=", doctype], ["attached_to_name", "=", name]]
				)
			},
		),
	}


def counts(session, doctype: str, name: str) -> dict:
	"""Routes that count: their answer for the record must equal their answer for a record that does not exist."""

	def ask(value):
		flt = [[doctype, "name", "=", value]]
		return {
			"client.get_count": session.method("frappe.client.get_count", doctype=doctype, filters=flt),
			"reportview.get_count": session.method(
				"frappe.desk.reportview.get_count", doctype=doctype, filters=flt
			),
			"group_by_count": session.method(
				"frappe.desk.listview.get_group_by_count", doctype=doctype, current_filters=flt, field="owner"
			),
		}

	return {route: (hit, ask(NOWHERE)[route]) for route, hit in ask(name).items()}


def outcome(answer):
	return "refused" if refused(answer) or answer.status_code >= 400 else message(answer)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_no_route_shows_the_restricted_records(sessions, restricted, role):
	_participant, _last_name, records = restricted
	leaks = []
	for doctype, name in records:
		for route, answer in answers(sessions[role], doctype, name).items():
			if not refused(answer) and answer.status_code < 400 and name in answer.text:
				leaks.append(f"{route} {doctype} {name}: {answer.text[:200]}")
		for route, (hit, miss) in counts(sessions[role], doctype, name).items():
			if outcome(hit) != outcome(miss):
				leaks.append(f"{route} {doctype} {name}: {outcome(hit)} != {outcome(miss)}")
	assert not leaks, "\n".join(leaks)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_searches_and_reports_do_not_find_the_restricted_participant(sessions, restricted, role):
	participant, last_name, _records = restricted
	session = sessions[role]
	found = {
		"global search": session.method("frappe.utils.global_search.search", text=last_name, limit=500),
		"search_widget": session.method(
			"frappe.desk.search.search_widget", doctype="Participant", txt=last_name, page_length=500
		),
		"ESF Data Quality": session.method(
			"frappe.desk.query_report.run", report_name="ESF Data Quality", filters={}
		),
		"mentions": session.method("frappe.desk.search.get_names_for_mentions", search_term=last_name),
	}
	leaks = [
		route for route, answer in found.items() if answer.status_code == 200 and participant in answer.text
	]
	assert not leaks, f"{leaks} name {participant}"


def test_the_dpo_still_reads_them(sessions, restricted):
	participant, last_name, records = restricted
	session = sessions[DPO]
	assert len(records) > 1, "the participant has linked records"
	for doctype, name in records:
		answer = session.get(f"/api/resource/{doctype}/{name}")
		assert answer.status_code == 200 and answer.json()["data"]["name"] == name, answer.text[:300]
	found = session.method("frappe.utils.global_search.search", text=last_name, limit=500)
	assert participant in found.text
