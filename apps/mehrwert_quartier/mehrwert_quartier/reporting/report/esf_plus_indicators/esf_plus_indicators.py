# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt
"""ESF Plus common indicators by gender: cumulative up to a cut-off date or per period, by programme area.

Definitions in ``rules/esf_indicators.py``; the database sums them (``reporting/esf_query.py``). Each figure
drills down to the records behind it (``drill_down`` below; the list view applies the user's permissions).
"""

import json

import frappe
from frappe import _
from frappe.utils import getdate, today

from mehrwert_quartier.reporting import esf_query
from mehrwert_quartier.rules import esf_indicators as esf

GENDER_COLUMNS = {"Female": "female", "Male": "male", "Non-binary": "non_binary"}
GENDER_LABELS = {"Female": "Women", "Male": "Men", "Non-binary": "Non-binary"}
REPORT = "ESF Plus Indicators"


def execute(filters: dict | None = None):
	params, period, area = parse_filters(filters)
	figures = esf_query.figures_by_gender(params, period, area)
	rows = [figure_row(key, indicator, figures[key]) for key, indicator in esf.FIGURE_KEYS.items()]
	rows.insert(len(esf.INDICATORS), rate_row(figures))
	rows += enterprise_rows(esf_query.enterprise_counts(params, period, area))
	total = figures[esf.figure_key(esf.INDICATORS[0])]["Total"]
	summary = [
		{"label": _("Counted participants"), "value": total, "indicator": "Green", "datatype": "Int"},
		{
			"label": _("Not counted: ESF entry data incomplete"),
			"value": esf_query.count_incomplete(params, period, area),
			"indicator": "Red",
			"datatype": "Int",
		},
		{"label": _("Cut-off date"), "value": params["cut_off"], "indicator": "Blue", "datatype": "Date"},
	]
	return columns(), rows, None, None, summary


def parse_filters(filters) -> tuple[dict, bool, str | None]:
	"""(params for the conditions, whether per period, programme area); bad input gets a clear message."""
	filters = frappe._dict(filters or {})
	period = filters.get("mode") == "Period"
	if period:
		if not (filters.get("from_date") and filters.get("to_date")):
			frappe.throw(_("A period needs a from date and a to date"))
		params = {"from_date": getdate(filters.from_date), "cut_off": getdate(filters.to_date)}
		if params["from_date"] > params["cut_off"]:
			frappe.throw(_("The from date lies after the to date"))
	else:
		cut_off = filters.get("cut_off_date")
		params = {"cut_off": getdate(cut_off) if cut_off else esf.last_31_december(getdate(today()))}
	area = filters.get("programme_area") or None
	if area and not frappe.db.exists("Programme Area", area):
		frappe.throw(_("Unknown programme area {0}").format(area))
	return params, period, area


def figure_row(key: str, indicator: esf.Indicator, counts: dict) -> dict:
	return {
		"group": _(indicator.group),
		"code": indicator.code,
		"indicator": _(indicator.label),
		"figure": key,
		"kind": "Participant",
		**{column: counts[gender] for gender, column in GENDER_COLUMNS.items()},
		"total": counts["Total"],
	}


def rate_row(figures: dict) -> dict:
	"""Response rate of the six-month follow-ups: answered at or after the six-month mark / mark reached."""
	due = figures[esf.figure_key(esf.SUPPORT_FIGURES[2])]
	answered = figures[esf.figure_key(esf.SUPPORT_FIGURES[3])]
	return {
		"group": _("Result six months after leaving"),
		"code": "",
		"indicator": _("Response rate of the six-month follow-up (%)"),
		"figure": "",
		"kind": "Rate",
		**{
			column: esf.response_rate(answered[gender], due[gender])
			for gender, column in GENDER_COLUMNS.items()
		},
		"total": esf.response_rate(answered["Total"], due["Total"]),
	}


def enterprise_rows(counts: dict[str, int]) -> list[dict]:
	"""EECO19 by size class: entities have no gender, their gender columns stay empty."""
	rows = []
	for label, number in counts.items():
		rows.append(
			{
				"group": _("Entities"),
				"code": "EECO19" if label == "Total" else "",
				"indicator": _("Supported micro, small and medium enterprises")
				if label == "Total"
				else "\u2003" + _(label),
				"figure": f"EECO19:{label}",
				"kind": "Enterprise",
				"total": number,
			}
		)
	return rows


def columns() -> list[dict]:
	return [
		{"fieldname": "group", "label": _("Indicator Type"), "fieldtype": "Data", "width": 170},
		{"fieldname": "code", "label": _("Code"), "fieldtype": "Data", "width": 80},
		{"fieldname": "indicator", "label": _("Indicator"), "fieldtype": "Data", "width": 400},
		*(
			{"fieldname": column, "label": _(GENDER_LABELS[gender]), "fieldtype": "Float", "width": 100}
			for gender, column in GENDER_COLUMNS.items()
		),
		{"fieldname": "total", "label": _("Total"), "fieldtype": "Float", "width": 100},
		{"fieldname": "figure", "label": _("Figure"), "fieldtype": "Data", "hidden": 1},
		{"fieldname": "kind", "label": _("Kind"), "fieldtype": "Data", "hidden": 1},
	]


@frappe.whitelist()
def drill_down(filters: str | dict, figure: str, gender: str | None = None) -> dict:
	"""The records behind one figure: {"doctype", "names"}; the desk opens their list, where the user's
	permissions apply. Only for users who may run the report."""
	if not frappe.get_cached_doc("Report", REPORT).is_permitted():
		frappe.throw(_("Not permitted"), frappe.PermissionError)
	if isinstance(filters, str):
		filters = json.loads(filters or "{}")
	params, period, area = parse_filters(filters)
	if gender and gender not in esf.GENDERS:
		frappe.throw(_("Unknown gender {0}").format(gender))
	if figure.startswith("EECO19:"):
		groups = esf_query.enterprise_figures(params, period, area)
		label = figure.split(":", 1)[1]
		if label not in groups:
			frappe.throw(_("Unknown figure {0}").format(figure))
		frappe.has_permission("Enterprise Support Case", "read", throw=True)
		businesses = [row.business for row in groups[label]]
		return {
			"doctype": "Enterprise Support Case",
			"field": "business",
			"names": readable(businesses, "business"),
		}
	if figure not in esf.FIGURE_KEYS:
		frappe.throw(_("Unknown figure {0}").format(figure))
	frappe.has_permission("Participant", "read", throw=True)
	names = esf_query.figure_names(figure, gender, params, period, area)
	return {"doctype": "Participant", "field": "name", "names": readable(names, "name")}


def readable(names: list[str], field: str) -> list[str]:
	"""Only what the user may list (permission query conditions, user permissions) leaves the server."""
	if not names:
		return []
	doctype = "Participant" if field == "name" else "Enterprise Support Case"
	found = frappe.get_list(doctype, filters={field: ("in", names)}, pluck=field, limit_page_length=0)
	return sorted(set(found))
