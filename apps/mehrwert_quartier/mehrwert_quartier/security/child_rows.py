"""A child row is visible only where its parent is (issue 11, leak 5).

Frappe v15 checks a list of child rows (``/api/resource/<child>?parent=<parent doctype>``,
``frappe.client.get_list``) against the parent DocType's role rules only: the parent's user permissions,
``permission_query_conditions`` and shares do not apply, so rows of records the user may not open come
back. This ``permission_query_conditions`` hook for every DocType (``"*"``) limits the rows of a child
table to parents the user can list, through the table fields the user may read.
"""

import frappe
from frappe.model import table_fields
from frappe.utils.caching import request_cache


def child_row_conditions(user: str | None = None, doctype: str | None = None) -> str:
	user = user or frappe.session.user
	if not doctype or user == "Administrator" or not frappe.get_meta(doctype).istable:
		return ""
	table = f"`tab{doctype}`"
	clauses = [
		_parent_clause(table, parent, fields, user) for parent, fields in parent_tables(doctype).items()
	]
	clauses = [clause for clause in clauses if clause]
	return "(" + " or ".join(clauses) + ")" if clauses else "1=0"


@request_cache
def parent_tables(child_doctype: str) -> dict[str, list]:
	"""{parent DocType: [table fields holding ``child_doctype``]} over DocFields and Custom Fields."""
	parents: dict[str, list] = {}
	for source, parent_key in (("DocField", "parent"), ("Custom Field", "dt")):
		rows = frappe.get_all(
			source,
			filters={"options": child_doctype, "fieldtype": ["in", list(table_fields)]},
			fields=[parent_key, "fieldname"],
		)
		for row in rows:
			parents.setdefault(row[parent_key], []).append(row.fieldname)
	return {parent: fields for parent, fields in parents.items() if not frappe.get_meta(parent).istable}


def _parent_clause(table: str, parent: str, fieldnames: list, user: str) -> str:
	meta = frappe.get_meta(parent)
	readable = _readable_fields(meta, fieldnames, user)
	if not readable or meta.is_virtual or not frappe.has_permission(parent, "read", user=user):
		return ""
	if meta.issingle:
		parents = frappe.db.escape(parent)
	else:
		parents = _visible_parents(parent, user)
	if not parents:
		return ""
	escaped = ", ".join(frappe.db.escape(f) for f in readable)
	return (
		f"({table}.`parenttype` = {frappe.db.escape(parent)} and {table}.`parentfield` in ({escaped})"
		f" and {table}.`parent` in ({parents}))"
	)


def _readable_fields(meta, fieldnames: list, user: str) -> list:
	levels = meta.get_permlevel_access("read", user=user)
	return [f for f in fieldnames if (meta.get_field(f).permlevel if meta.get_field(f) else 0) in levels]


def _visible_parents(parent: str, user: str) -> str:
	"""The SQL of the parent's list query for ``user`` (its permission conditions), names only."""
	try:
		return frappe.get_list(parent, fields=["name"], user=user, run=0, order_by="", limit_page_length=0)
	except frappe.PermissionError:
		frappe.clear_last_message()
		return ""
