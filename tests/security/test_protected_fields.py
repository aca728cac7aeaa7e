"""Every protected field (permlevel > 0) through every generic route: nothing revealed, not even by a count.

A route answers a matching and a non-matching filter on the field identically, or refuses; routes that
return data never carry the field or its value to a role the promise table does not name.
"""

import csv
import io
import json

import pytest
from conftest import message, refused
from mehrwert_quartier.security.promises import PROMISES, PROTECTED_FIELDS, ROLES
from samples import first

NOWHERE = "zz-no-such-value-9c1e"


def outsiders():
	for doctype, field, _level, readers in PROTECTED_FIELDS:
		for role in ROLES:
			if role not in readers:
				yield doctype, field, role


@pytest.fixture(scope="module")
def values(admin, sessions):
	"""(doctype, field) -> (a record with the field set, a matching filter value, the operator)."""
	from test_records_and_files import _upload

	# the partner's own batch: its per-row changes (permlevel 1) must not be told by a filter either
	_upload(sessions["Programme Partner"], "Referral", "participant,offer", "TN-00001,x")
	found = {}
	for doctype, field, _level, _readers in PROTECTED_FIELDS:
		name = first(admin, doctype, [[field, "is", "set"]]) or first(admin, doctype)
		doc = admin.get(f"/api/resource/{doctype}/{name}").json().get("data") or {}
		value = doc.get(field)
		if isinstance(value, int):
			found[doctype, field] = (name, value, "=", 1 - value if value in (0, 1) else -1)
		else:
			text = str(value or "")[:12] or ""
			found[doctype, field] = (name, f"%{text}%", "like", f"%{NOWHERE}%")
	return found


def outcome(answer):
	return "refused" if refused(answer) or answer.status_code >= 400 else message(answer)


def ask(session, route: str, doctype: str, field: str, op: str, value):
	flt = [[doctype, field, op, value]]
	name_field = f"`tab{doctype}`.`name`"
	if route == "client.get_count":
		return session.method("frappe.client.get_count", doctype=doctype, filters=flt)
	if route == "reportview.get_count":
		return session.method("frappe.desk.reportview.get_count", doctype=doctype, filters=flt)
	if route == "client.get_list":
		return session.method("frappe.client.get_list", doctype=doctype, filters=flt, limit_page_length=0)
	if route in ("reportview.get", "reportview.get_list"):
		return session.method(
			f"frappe.desk.{route}", doctype=doctype, fields=[name_field], filters=flt, page_length=500
		)
	if route == "listview.get_group_by_count":
		return session.method(
			"frappe.desk.listview.get_group_by_count", doctype=doctype, current_filters=flt, field="owner"
		)
	if route == "search.search_link":
		return session.method("frappe.desk.search.search_link", doctype=doctype, txt="", filters=flt)
	if route == "reportview.export_query":
		return session.method(
			"frappe.desk.reportview.export_query",
			doctype=doctype,
			file_format_type="CSV",
			fields=[name_field],
			filters=flt,
		)
	if route == "order_by":  # "asc" / "desc" instead of a value
		return session.method(
			"frappe.client.get_list", doctype=doctype, order_by=f"{field} {value}", limit_page_length=0
		)
	raise ValueError(route)


FILTER_ROUTES = [
	"client.get_count",
	"reportview.get_count",
	"client.get_list",
	"reportview.get",
	"reportview.get_list",
	"listview.get_group_by_count",
	"search.search_link",
	"reportview.export_query",
	"order_by",
]


@pytest.mark.parametrize("route", FILTER_ROUTES)
@pytest.mark.parametrize("doctype,field,role", list(outsiders()), ids=str)
def test_filter_reveals_nothing(sessions, values, route, doctype, field, role):
	_name, match, op, other = values[doctype, field]
	session = sessions[role]
	if route == "order_by":
		match, other = "asc", "desc"
	hit = ask(session, route, doctype, field, op, match)
	miss = ask(session, route, doctype, field, op, other)
	if route == "reportview.export_query":
		hit, miss = (a if refused(a) else a.content for a in (hit, miss))
		assert hit == miss or (refused(hit) and refused(miss))
		return
	assert outcome(hit) == outcome(miss), f"{route} tells {match!r} from {other!r}"


@pytest.mark.parametrize("doctype,field,role", list(outsiders()), ids=str)
def test_read_routes_never_carry_the_field(sessions, values, doctype, field, role):
	name, *_ = values[doctype, field]
	session = sessions[role]
	if "r" not in PROMISES[doctype].get(role, ""):
		assert refused(session.get(f"/api/resource/{doctype}/{name}"))
		return
	doc = session.get(f"/api/resource/{doctype}/{name}").json().get("data") or {}
	assert doc.get(field) in (None, 0, ""), f"{field} read through /api/resource"
	listed = session.method(
		"frappe.client.get_list", doctype=doctype, fields=["name", field], limit_page_length=5
	)
	assert refused(listed) or all(not row.get(field) for row in message(listed) or []), "get_list fields"
	loaded = session.method("frappe.desk.form.load.getdoc", doctype=doctype, name=name)
	versions = json.dumps(loaded.json().get("docinfo", {}).get("versions", []))
	assert field not in versions, "getdoc docinfo versions"
	history = session.get(
		"/api/resource/Version",
		params={"filters": json.dumps([["ref_doctype", "=", doctype]]), "fields": '["data"]', "limit": 500},
	)
	assert refused(history) or field not in history.text, "Version list"


@pytest.mark.parametrize("doctype,field,role", list(outsiders()), ids=str)
def test_print_and_export_never_carry_the_value(sessions, admin, values, doctype, field, role):
	name, *_ = values[doctype, field]
	value = (admin.get(f"/api/resource/{doctype}/{name}").json().get("data") or {}).get(field)
	session = sessions[role]
	printed = session.method("frappe.www.printview.get_html_and_style", doc=doctype, name=name)
	exported = session.method(
		"frappe.desk.reportview.export_query",
		doctype=doctype,
		file_format_type="CSV",
		fields=[f"`tab{doctype}`.`name`", f"`tab{doctype}`.`{field}`"],
		filters=[[doctype, "name", "=", name]],
	)
	if isinstance(value, str) and len(value) > 8:
		assert refused(printed) or value[:40] not in printed.text, "print"
	rows = [] if refused(exported) else list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
	assert all(len(row) <= 1 for row in rows), f"report builder export carries {field}: {rows[:2]}"
