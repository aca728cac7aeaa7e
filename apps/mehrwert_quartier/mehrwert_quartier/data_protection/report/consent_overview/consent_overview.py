# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt
"""Consents per purpose and recipient: valid, withdrawn, expired, and those expiring within the reminder period."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from mehrwert_quartier.data_protection.consents import expiring
from mehrwert_quartier.rules.consent import consent_status


def execute(filters: dict | None = None):
	frappe.only_for(("Data Protection Officer", "System Manager"))
	day = getdate(today())
	soon = {c.name for c in expiring(day)}
	table: dict[tuple, dict] = {}
	for c in frappe.get_all(
		"Consent", fields=["name", "purpose", "recipient", "withdrawn_on", "valid_until"], order_by="purpose"
	):
		row = table.setdefault(
			(c.purpose, c.recipient or ""),
			{
				"purpose": _(c.purpose),
				"recipient": c.recipient,
				"valid": 0,
				"withdrawn": 0,
				"expired": 0,
				"expiring": 0,
			},
		)
		status = consent_status(
			getdate(c.withdrawn_on) if c.withdrawn_on else None,
			getdate(c.valid_until) if c.valid_until else None,
			day,
		)
		row[status.lower()] += 1
		row["expiring"] += int(c.name in soon)
	return columns(), list(table.values())


def columns() -> list[dict]:
	return [
		{"fieldname": "purpose", "label": _("Purpose"), "fieldtype": "Data", "width": 240},
		{
			"fieldname": "recipient",
			"label": _("Recipient"),
			"fieldtype": "Link",
			"options": "Partner Organisation",
			"width": 220,
		},
		{"fieldname": "valid", "label": _("Valid"), "fieldtype": "Int", "width": 90},
		{"fieldname": "withdrawn", "label": _("Withdrawn"), "fieldtype": "Int", "width": 110},
		{"fieldname": "expired", "label": _("Expired"), "fieldtype": "Int", "width": 90},
		{"fieldname": "expiring", "label": _("Expiring Soon"), "fieldtype": "Int", "width": 120},
	]
