"""@-mentions (issue 11, leak 11): the desk's list of staff users is for desk users only."""

import frappe
from frappe.desk import search


@frappe.whitelist()
def get_names_for_mentions(search_term: str):
	"""Frappe's mention list; users without desk access (portal partners) get none."""
	if (
		frappe.session.user == "Guest"
		or not frappe.get_cached_doc("User", frappe.session.user).has_desk_access()
	):
		return []
	return search.get_names_for_mentions(search_term)
