# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt
"""ESF Plus common output and result indicators by gender, from the participant records."""

import frappe
from frappe import _
from frappe.utils import getdate

from mehrwert_quartier.qs_arbeit.doctype.participant.participant import esf_counted_filters
from mehrwert_quartier.rules.esf_indicators import GENDERS, OUTPUT_INDICATORS, RESULT_INDICATORS, count

FIELDS = [
	"name",
	"gender",
	"entry_date",
	"date_of_birth",
	"age_at_entry",
	"labour_market_status",
	"long_term_unemployed",
	"isced_level",
	"disability",
	"foreign_background",
	"third_country_national",
	"minority",
	"homelessness",
	"exit_status",
	"follow_up_result",
]
GENDER_LABELS = {"Female": "Women", "Male": "Men", "Non-binary": "Non-binary"}


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	participants = [
		normalise(p)
		for p in frappe.get_list("Participant", filters=scope(filters), fields=FIELDS, limit_page_length=0)
	]
	incomplete = frappe.db.count("Participant", {**scope(filters, counted=False), "esf_complete": 0})
	rows = [
		row(_("Output (at entry)"), indicator, counts)
		for indicator, counts in count(participants, OUTPUT_INDICATORS).items()
	]
	rows += [
		row(_("Result"), indicator, counts)
		for indicator, counts in count(participants, RESULT_INDICATORS).items()
	]
	summary = [
		{
			"label": _("Counted participants"),
			"value": len(participants),
			"indicator": "Green",
			"datatype": "Int",
		},
		{
			"label": _("Not counted: ESF entry data incomplete"),
			"value": incomplete,
			"indicator": "Red",
			"datatype": "Int",
		},
	]
	return columns(), rows, None, None, summary


def scope(filters, counted: bool = True) -> dict:
	conditions = esf_counted_filters() if counted else {}
	if filters.get("from_date") and filters.get("to_date"):
		conditions["entry_date"] = ("between", [filters.from_date, filters.to_date])
	if filters.get("programme_area"):
		conditions["programme_area"] = filters.programme_area
	return conditions


def normalise(p: dict) -> dict:
	for field in ("entry_date", "date_of_birth"):
		p[field] = getdate(p[field]) if p.get(field) else None
	return p


def row(group: str, indicator: str, counts: dict) -> dict:
	return {
		"group": group,
		"indicator": _(indicator),
		**{g.lower(): counts[g] for g in GENDERS},
		"total": counts["Total"],
	}


def columns() -> list[dict]:
	return [
		{"fieldname": "group", "label": _("Indicator Type"), "fieldtype": "Data", "width": 140},
		{"fieldname": "indicator", "label": _("Indicator"), "fieldtype": "Data", "width": 420},
		*(
			{"fieldname": g.lower(), "label": _(GENDER_LABELS[g]), "fieldtype": "Int", "width": 100}
			for g in GENDERS
		),
		{"fieldname": "total", "label": _("Total"), "fieldtype": "Int", "width": 100},
	]
