"""Whitelisted Frappe methods the app replaces (``override_whitelisted_methods`` in hooks.py).

- ``frappe.desk.listview.get_group_by_count``: Frappe counts the assignments of the sidebar's "Assigned
  To" group with a query that checks no permission at all (leak 2); here the records come from
  ``frappe.get_list``, under the user's read rules and the query guard.
- ``frappe.desk.form.load.getdoc`` / ``get_docinfo`` and ``frappe.desk.form.save.savedocs`` / ``cancel``
  (which answer with the form's docinfo): ``docinfo.versions`` (timeline, activity) keeps only changes of
  fields the user may read (leaks 4, 6); Frappe v15 has no docinfo hook.
- ``frappe.utils.global_search.search`` (the search bar): Frappe checks only that the user may read the
  DocType, not the record; here every hit is checked with ``frappe.has_permission`` (a participant restricted
  by a data subject request, issue 14, was found by everyone who reads participants).
"""

import frappe
from frappe.desk import listview
from frappe.desk.form import load, save
from frappe.query_builder import Order
from frappe.query_builder.functions import Count
from frappe.utils import global_search

from mehrwert_quartier.data_protection import access_log
from mehrwert_quartier.security.versions import filter_docinfo_versions


@frappe.whitelist()
@frappe.read_only()
def get_group_by_count(doctype: str, current_filters: str, field: str) -> list[dict]:
	if field != "assigned_to":
		return listview.get_group_by_count(doctype, current_filters, field)
	names = frappe.get_list(
		doctype, filters=frappe.parse_json(current_filters), pluck="name", limit_page_length=0, order_by=""
	)
	if not names:
		return []
	todo, user = frappe.qb.DocType("ToDo"), frappe.qb.DocType("User")
	count = Count("*").as_("count")
	return (
		frappe.qb.from_(todo)
		.from_(user)
		.select(todo.allocated_to.as_("name"), count)
		.where(
			(todo.status != "Cancelled")
			& (todo.allocated_to == user.name)
			& (user.user_type == "System User")
			& (todo.reference_type == doctype)
			& (todo.reference_name.isin(names))
		)
		.groupby(todo.allocated_to)
		.orderby(count, order=Order.desc)
		.limit(50)
		.run(as_dict=True)
	)


@frappe.whitelist()
def search(text: str, start: int = 0, limit: int = 20, doctype: str = "") -> list[dict]:
	"""The search bar's hits the user may read, record by record."""
	hits = global_search.search(text, start=start, limit=limit, doctype=doctype)
	return [hit for hit in hits if readable(hit.doctype, hit.name)]


def readable(doctype: str, name: str) -> bool:
	try:
		return bool(frappe.has_permission(doctype, "read", name))
	except frappe.DoesNotExistError:  # an index entry of a deleted record
		frappe.clear_last_message()
		return False


@frappe.whitelist()
def getdoc(doctype, name):
	result = load.getdoc(doctype, name)
	filter_docinfo_versions(frappe.response.get("docinfo"))
	access_log.after_read(doctype, name)  # issue 14: who opened which participant's data
	return result


@frappe.whitelist()
def get_docinfo(doc=None, doctype=None, name=None):
	result = load.get_docinfo(doc, doctype, name)
	filter_docinfo_versions(frappe.response.get("docinfo"))
	return result


@frappe.whitelist(methods=["POST", "PUT"])
def savedocs(doc, action):
	result = save.savedocs(doc, action)
	filter_docinfo_versions(frappe.response.get("docinfo"))
	return result


@frappe.whitelist(methods=["POST", "PUT"])
def cancel(doctype=None, name=None, workflow_state_fieldname=None, workflow_state=None):
	result = save.cancel(doctype, name, workflow_state_fieldname, workflow_state)
	filter_docinfo_versions(frappe.response.get("docinfo"))
	return result
