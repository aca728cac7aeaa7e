"""Document history shows no value and no change of a field the reader may not read (issue 11, leaks 4, 6).

A Version's ``data`` holds old and new values of every changed field of the referenced document. Frappe
v15 hands it out unfiltered: in ``docinfo.versions`` of the form (timeline and activity), and to readers
of Version records. Here every change is kept only where the reader may read the field at its permlevel
(child rows through their parent); a version left with no change is dropped from the timeline.
"""

import json

import frappe
from frappe import _
from frappe.core.doctype.version.version import Version
from frappe.model import get_permitted_fields

CHANGE_KEYS = ("changed", "added", "removed", "row_changed")


def readable(doctype: str, parenttype: str | None = None, user: str | None = None) -> set:
	return set(get_permitted_fields(doctype, parenttype=parenttype, user=user, ignore_virtual=True))


def redact_data(data: str | dict | None, ref_doctype: str, user: str | None = None) -> dict | None:
	"""The version ``data`` holding only changes ``user`` may read; None when nothing is left."""
	if not data or not ref_doctype or not frappe.db.exists("DocType", ref_doctype, cache=True):
		return None
	data = json.loads(data) if isinstance(data, str) else dict(data)
	allowed = readable(ref_doctype, user=user)
	meta = frappe.get_meta(ref_doctype)
	data["changed"] = [c for c in data.get("changed") or [] if c and c[0] in allowed]
	for key in ("added", "removed"):
		data[key] = [_redact_row(meta, row, allowed, user) for row in data.get(key) or []]
		data[key] = [row for row in data[key] if row]
	data["row_changed"] = [_redact_row_change(meta, c, allowed, user) for c in data.get("row_changed") or []]
	data["row_changed"] = [c for c in data["row_changed"] if c]
	if not any(data.get(key) for key in CHANGE_KEYS) and not data.get("comment"):
		return None
	return data


def _child_readable(meta, table_field: str, allowed: set, user: str | None) -> set | None:
	df = meta.get_field(table_field)
	if table_field not in allowed or not df or not df.options:
		return None
	return readable(df.options, parenttype=meta.name, user=user)


def _redact_row(meta, entry, allowed: set, user: str | None):
	"""``[table_field, row]`` of an added or removed child row, the row with readable fields only."""
	if not isinstance(entry, list | tuple) or len(entry) < 2 or not isinstance(entry[1], dict):
		return None
	child_allowed = _child_readable(meta, entry[0], allowed, user)
	if child_allowed is None:
		return None
	return [entry[0], {k: v for k, v in entry[1].items() if k in child_allowed}]


def _redact_row_change(meta, entry, allowed: set, user: str | None):
	"""``[table_field, idx, row name, [[field, old, new], …]]`` with readable fields only."""
	if not isinstance(entry, list | tuple) or len(entry) < 4:
		return None
	child_allowed = _child_readable(meta, entry[0], allowed, user)
	changes = [c for c in entry[3] or [] if child_allowed and c and c[0] in child_allowed]
	return [entry[0], entry[1], entry[2], changes] if changes else None


def filter_docinfo_versions(docinfo: dict | None) -> None:
	"""Redact ``docinfo.versions`` of a form in place (getdoc, get_docinfo, savedocs, cancel)."""
	if not docinfo or not docinfo.get("versions") or frappe.session.user == "Administrator":
		return
	kept = []
	for version in docinfo["versions"]:
		data = redact_data(version.get("data"), docinfo.get("doctype"))
		if data:
			kept.append({**version, "data": frappe.as_json(data, indent=None)})
	docinfo["versions"] = kept


def redact_version_rows(query, rows) -> None:
	"""Version rows of a list query: ``data`` redacted for the session user; as a list of values, whose
	columns cannot be told apart after the query, a query for ``data`` is refused."""
	if not isinstance(rows, list):
		return  # the SQL of a subquery (run=0)
	if query.as_list and any("data" in str(field) for field in query.fields or []):
		frappe.throw(_("Version history can only be listed as records."), frappe.PermissionError)
	for row in rows:
		if isinstance(row, dict) and "data" in row:
			row["data"] = _redacted_row_data(row)


def _redacted_row_data(row: dict) -> str | None:
	ref_doctype = row.get("ref_doctype")
	if not ref_doctype and row.get("name"):
		ref_doctype = frappe.db.get_value("Version", row["name"], "ref_doctype")
	data = redact_data(row.get("data"), ref_doctype)
	return frappe.as_json(data, indent=None) if data else None


def version_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	"""A Version is readable only by who may read the referenced document."""
	user = user or frappe.session.user
	if user == "Administrator" or not doc.get("ref_doctype") or not doc.get("docname"):
		return None
	if (
		not frappe.db.exists("DocType", doc.ref_doctype, cache=True)
		or frappe.get_meta(doc.ref_doctype).is_virtual
	):
		return None
	if not frappe.db.exists(doc.ref_doctype, doc.docname):
		return None
	return frappe.has_permission(doc.ref_doctype, "read", doc=doc.docname, user=user) or False


class RedactedVersion(Version):
	"""Version read as a document (``/api/resource/Version/…``, ``frappe.client.get``, the form): every read
	route calls ``apply_fieldlevel_read_permissions``, which here also redacts ``data``."""

	def apply_fieldlevel_read_permissions(self):
		super().apply_fieldlevel_read_permissions()
		if frappe.session.user != "Administrator":
			data = redact_data(self.data, self.ref_doctype)
			self.data = frappe.as_json(data, indent=None) if data else None
