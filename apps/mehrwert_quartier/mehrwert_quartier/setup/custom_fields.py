"""Custom fields on ERPNext/Frappe DocTypes, created at install/migrate and removed at uninstall.

Later features register their fields with the hook ``mq_custom_fields`` in hooks.py: a list of dotted
paths to functions returning ``{doctype: [field dicts]}``, as frappe's ``create_custom_fields`` takes.
"""

import importlib

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields


def get_app_custom_fields() -> dict[str, list[dict]]:
	fields: dict[str, list[dict]] = {}
	for path in frappe.get_hooks("mq_custom_fields", app_name="mehrwert_quartier"):
		# not frappe.get_attr: it refuses once the app is uninstalled, and the footprint reads this then
		module, function = path.rsplit(".", 1)
		for doctype, rows in getattr(importlib.import_module(module), function)().items():
			fields.setdefault(doctype, []).extend(rows)
	return fields


def create_app_custom_fields() -> None:
	fields = get_app_custom_fields()
	if fields:
		create_custom_fields(fields, ignore_validate=True)


def delete_app_custom_fields() -> None:
	for doctype, rows in get_app_custom_fields().items():
		for row in rows:
			name = frappe.db.get_value("Custom Field", {"dt": doctype, "fieldname": row["fieldname"]})
			if name:
				frappe.delete_doc("Custom Field", name, ignore_permissions=True, force=True)
		frappe.clear_cache(doctype=doctype)
