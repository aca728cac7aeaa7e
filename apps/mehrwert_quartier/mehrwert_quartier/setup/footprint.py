"""What the app leaves in a site: used to prove that uninstall removes everything it added."""

import frappe

from mehrwert_quartier.setup.custom_fields import get_app_custom_fields
from mehrwert_quartier.setup.roles import ROLES


def app_modules() -> list[str]:
	return frappe.get_module_list("mehrwert_quartier")


def app_footprint() -> dict[str, list[str]]:
	"""Records of the app in the current site, by kind (empty lists after a clean uninstall)."""
	modules = app_modules()
	fields = get_app_custom_fields()
	custom_fields = [
		f"{row.dt}.{row.fieldname}"
		for row in frappe.get_all("Custom Field", fields=["dt", "fieldname", "module"])
		if row.module in modules or row.fieldname in {f["fieldname"] for f in fields.get(row.dt, [])}
	]
	return {
		"roles": frappe.get_all("Role", filters={"name": ("in", list(ROLES))}, pluck="name"),
		"doctypes": frappe.get_all("DocType", filters={"module": ("in", modules)}, pluck="name"),
		"module_defs": frappe.get_all("Module Def", filters={"app_name": "mehrwert_quartier"}, pluck="name"),
		"workspaces": frappe.get_all("Workspace", filters={"module": ("in", modules)}, pluck="name"),
		"custom_fields": sorted(custom_fields),
		"installed": ["mehrwert_quartier"] if "mehrwert_quartier" in frappe.get_installed_apps() else [],
	}

