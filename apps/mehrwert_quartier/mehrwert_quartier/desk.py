"""Where users land (issue 15): the apps-screen entry is for desk users; partners' home is the portal."""

import frappe


def has_app_permission() -> bool:
	"""The apps-screen entry: only users with desk access (portal users would land on a 403)."""
	if frappe.session.user == "Guest":
		return False
	return frappe.get_cached_value("User", frappe.session.user, "user_type") == "System User"
