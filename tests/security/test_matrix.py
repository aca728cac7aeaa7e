"""The promise table over HTTP: every cell role x DocType x action, as the demo user of the role.

Allowed cells are probed without changing the demo data: create with an empty body (refused later by a
mandatory check, not by permission), write with a stale ``modified`` (refused by the timestamp check, which
Frappe runs after the permission check), delete through ``frappe.client.has_permission``. Refused cells
call the real route. Roles that read only their own records (¹ in the table) are probed on another's.
"""

import base64
import json

import pytest
from conftest import message, refused
from mehrwert_quartier.security.promises import OWN_ONLY, cells
from samples import sample_names

RECORD_ACTIONS = {"read", "write", "delete", "print"}


@pytest.fixture(scope="module")
def names(admin):
	names = dict(sample_names(admin))
	if not names.get("Import Batch"):
		csv = base64.b64encode(b"postcode,programme_area\n04318,Leipziger Osten\n").decode()
		answer = admin.method(
			"mehrwert_quartier.partner_exchange.api.upload",
			import_doctype="Postcode Area",
			filename="plz.csv",
			filedata=csv,
		)
		names["Import Batch"] = message(answer)["name"]
	return names


def probe(session, doctype: str, name: str, action: str):
	if action == "read":
		return session.get(f"/api/resource/{doctype}/{name}")
	if action == "count":
		return session.method("frappe.client.get_count", doctype=doctype)
	if action == "print":
		return session.method("frappe.www.printview.get_html_and_style", doc=doctype, name=name)
	if action == "export":
		return session.method(
			"frappe.desk.reportview.export_query",
			doctype=doctype,
			file_format_type="CSV",
			fields=[f"`tab{doctype}`.`name`"],
			filters=[[doctype, "name", "=", name]],
		)
	if action == "write":
		return session.put(f"/api/resource/{doctype}/{name}", json={"modified": "2000-01-01 00:00:00"})
	if action == "create":
		return session.post(f"/api/resource/{doctype}", json={})
	raise ValueError(action)


def probe_delete(session, doctype: str, name: str, allowed: bool):
	if allowed:
		answer = session.method(
			"frappe.client.has_permission", doctype=doctype, docname=name, perm_type="delete"
		)
		return answer, (message(answer) or {}).get("has_permission")
	answer = session.delete(f"/api/resource/{doctype}/{name}")
	return answer, not refused(answer)


@pytest.mark.parametrize("role,doctype,action,allowed", cells(), ids=lambda v: str(v))
def test_cell(sessions, admin, names, role, doctype, action, allowed):
	session, name = sessions[role], names[doctype]
	if (doctype, role) in OWN_ONLY and action in RECORD_ACTIONS:
		allowed = False  # another user's / organisation's record
	if action == "delete":
		answer, granted = probe_delete(session, doctype, name, allowed)
		assert granted == allowed, answer.text[:300]
		return
	answer = probe(session, doctype, name, action)
	if action == "create" and answer.status_code == 200:
		admin.delete(f"/api/resource/{doctype}/{answer.json()['data']['name']}")
	if allowed:
		assert not refused(answer), answer.text[:300]
		assert "PermissionError" not in answer.text, answer.text[:300]
	else:
		assert refused(answer), f"{answer.status_code}: {answer.text[:300]}"
		if action == "read" and answer.status_code == 200:
			assert json.loads(answer.text).get("data") is None
