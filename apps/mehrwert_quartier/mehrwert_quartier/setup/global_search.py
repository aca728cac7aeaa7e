"""The app's DocTypes in the desk's search bar (Global Search Settings), added at install/migrate.

Frappe fills the settings from the hook ``global_search_doctypes`` only in the setup wizard, which this
app's sites skip (setup/erpnext_setup.py); without a row the search bar never shows a participant.
"""

import frappe


def search_doctypes() -> list[str]:
	hooks = frappe.get_hooks("global_search_doctypes", app_name="mehrwert_quartier") or {}
	return [d["doctype"] for d in hooks.get("Default", [])]


def add_search_doctypes() -> None:
	settings = frappe.get_single("Global Search Settings")
	listed = {row.document_type for row in settings.allowed_in_global_search}
	missing = [d for d in search_doctypes() if d not in listed and frappe.db.exists("DocType", d)]
	if not missing:
		return
	for doctype in missing:
		settings.append("allowed_in_global_search", {"document_type": doctype})
	settings.save(ignore_permissions=True)
	frappe.cache.hdel("global_search", "search_priorities")


def remove_search_doctypes() -> None:
	frappe.db.delete("Global Search DocType", {"document_type": ("in", search_doctypes() or [""])})
	frappe.db.delete("__global_search", {"doctype": ("in", search_doctypes() or [""])})
	frappe.cache.hdel("global_search", "search_priorities")
