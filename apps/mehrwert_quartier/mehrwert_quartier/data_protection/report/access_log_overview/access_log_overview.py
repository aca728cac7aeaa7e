# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt
"""Who read or exported participant data, by user or by person and day; users reading unusually many records
in a day (more than the threshold of the Programme Settings) are flagged."""

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Date

LOG = "Personal Data Access"


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	frappe.only_for(("Data Protection Officer", "System Manager"))
	by_person = filters.get("group_by") == "Participant"
	threshold = frappe.db.get_single_value("Programme Settings", "access_flag_threshold") or 40
	log = frappe.qb.DocType(LOG)
	key = log.participant if by_person else log.user
	query = (
		frappe.qb.from_(log)
		.select(
			key.as_("key"),
			Date(log.accessed_on).as_("day"),
			Count(log.reference_name).distinct().as_("records"),
			Count("*").as_("accesses"),
		)
		.where(key.isnotnull())
		.groupby(key, Date(log.accessed_on))
		.orderby(Date(log.accessed_on), order=frappe.qb.desc)
	)
	if filters.get("from_date"):
		query = query.where(Date(log.accessed_on) >= filters.from_date)
	if filters.get("to_date"):
		query = query.where(Date(log.accessed_on) <= filters.to_date)
	if filters.get("user"):
		query = query.where(log.user == filters.user)
	if filters.get("participant"):
		query = query.where(log.participant == filters.participant)
	rows = query.run(as_dict=True)
	for row in rows:
		row["flagged"] = int(not by_person and row.records > threshold)
	return columns(by_person), rows


def columns(by_person: bool) -> list[dict]:
	key = (
		{
			"fieldname": "key",
			"label": _("Participant"),
			"fieldtype": "Link",
			"options": "Participant",
			"width": 160,
		}
		if by_person
		else {"fieldname": "key", "label": _("User"), "fieldtype": "Link", "options": "User", "width": 220}
	)
	return [
		key,
		{"fieldname": "day", "label": _("Day"), "fieldtype": "Date", "width": 110},
		{"fieldname": "records", "label": _("Records"), "fieldtype": "Int", "width": 100},
		{"fieldname": "accesses", "label": _("Accesses"), "fieldtype": "Int", "width": 100},
		{"fieldname": "flagged", "label": _("Unusually Many"), "fieldtype": "Check", "width": 130},
	]
