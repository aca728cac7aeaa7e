# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt
"""What the next run of the daily retention job anonymises or deletes (data_protection/jobs.py)."""

import frappe
from frappe import _

from mehrwert_quartier.data_protection.jobs import due


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	frappe.only_for(("Data Protection Officer", "System Manager"))
	rows = due(filters.get("on_date"))
	enabled = frappe.db.get_single_value("Programme Settings", "anonymisation_enabled")
	message = (
		None
		if enabled
		else _(
			"The automatic anonymisation is switched off: nothing runs until the Data Protection Officer switches it on in the Programme Settings"
		)
	)
	return columns(), rows, message


def columns() -> list[dict]:
	return [
		{
			"fieldname": "doctype",
			"label": _("Kind of Record"),
			"fieldtype": "Data",
			"width": 150,
		},
		{
			"fieldname": "record",
			"label": _("Record"),
			"fieldtype": "Dynamic Link",
			"options": "doctype",
			"width": 160,
		},
		{"fieldname": "kind", "label": _("Retention Rule"), "fieldtype": "Data", "width": 200},
		{"fieldname": "retention_until", "label": _("Keep Until"), "fieldtype": "Date", "width": 110},
		{"fieldname": "reason", "label": _("Retention Reason"), "fieldtype": "Data", "width": 500},
	]
