# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt
"""Records of processing activities (GDPR Art. 30), generated from the DocTypes on the site: per DocType and
category of personal data the fields, whether they are special categories, the roles reading them and the
retention rule."""

import frappe
from frappe import _

from mehrwert_quartier.data_protection.retention import get_rules
from mehrwert_quartier.rules.processing import PROCESSING, SPECIAL, category_of

DATA_TYPES = {"Data", "Small Text", "Text", "Long Text", "Date", "Select", "Int", "Check", "Link", "Attach"}


def execute(filters: dict | None = None):
	frappe.only_for(("Data Protection Officer", "Project Lead", "System Manager"))
	rules = get_rules()
	rows = []
	for doctype, (purpose, kinds) in PROCESSING.items():
		if not frappe.db.exists("DocType", doctype):
			continue
		meta = frappe.get_meta(doctype)
		by_category: dict[str, list] = {}
		for df in meta.fields:
			category = category_of(df.fieldname)
			if category and df.fieldtype in DATA_TYPES:
				by_category.setdefault(category, []).append(df)
		retention = "; ".join(
			f"{_(k)}: {rules[k].years} {_('Years')}, {rules[k].months} {_('Months')} ({rules[k].legal_source})"
			for k in kinds
		)
		for category, fields in by_category.items():
			rows.append(
				{
					"doctype": doctype,
					"purpose": _(purpose),
					"category": _(category),
					"special": int(category == SPECIAL),
					"fields": ", ".join(_(df.label) for df in fields),
					"roles": ", ".join(_(r) for r in readers(doctype, {df.permlevel for df in fields})),
					"retention": retention,
				}
			)
	return columns(), rows


def readers(doctype: str, levels: set[int]) -> list[str]:
	"""Roles with read permission at every permlevel of the fields (Custom DocPerm replaces DocPerm)."""
	table = "Custom DocPerm" if frappe.db.exists("Custom DocPerm", {"parent": doctype}) else "DocPerm"
	roles = None
	for level in levels:
		found = set(
			frappe.get_all(table, filters={"parent": doctype, "permlevel": level, "read": 1}, pluck="role")
		)
		roles = found if roles is None else roles & found
	return sorted(roles or [])


def columns() -> list[dict]:
	return [
		{
			"fieldname": "doctype",
			"label": _("Document Type"),
			"fieldtype": "Data",
			"width": 170,
		},
		{"fieldname": "purpose", "label": _("Purpose"), "fieldtype": "Data", "width": 260},
		{"fieldname": "category", "label": _("Category of Personal Data"), "fieldtype": "Data", "width": 200},
		{"fieldname": "special", "label": _("Special Category"), "fieldtype": "Check", "width": 90},
		{"fieldname": "fields", "label": _("Fields"), "fieldtype": "Data", "width": 300},
		{"fieldname": "roles", "label": _("Roles Reading Them"), "fieldtype": "Data", "width": 300},
		{"fieldname": "retention", "label": _("Retention Rule"), "fieldtype": "Data", "width": 400},
	]
