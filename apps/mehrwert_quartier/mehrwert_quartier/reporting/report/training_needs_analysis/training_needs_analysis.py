# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt
"""Training needs analysis (issue 18, Analyse unternehmensspezifischer Bildungsbedarfe): per topic, area and
sector, the businesses naming the topic in a needs assessment and the training-need entries of the support
cases (employees concerned, urgent entries), with the planned and held Programme Events on the topic in the
area beside them and what to do about it. A tree: topic, then area, then sector. Exported as a workbook
through the app's formula-safe writer (``download``).
"""

import json
from collections import defaultdict

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Count, Sum

from mehrwert_quartier.partner_exchange.xlsx import write_rows
from mehrwert_quartier.reporting import analysis as a
from mehrwert_quartier.rules.analysis import NOT_RECORDED, TRAINING_TOPICS, training_action

REPORT = "Training Needs Analysis"
PLANNED, HELD = ("Planned", "Open for Registration"), ("Held", "Documented")
METRICS = ("needs_businesses", "entries", "employees", "urgent", "events_planned", "events_held")


def execute(filters: dict | None = None):
	ctx = a.context(filters)
	figures = defaultdict(lambda: defaultdict(float))  # (topic, area, sector) with None above -> metrics
	for compute in (needs, entries, events):
		for key, values in compute(ctx).items():
			for metric, value in values.items():
				figures[key][metric] += value
	for (topic, area, sector), values in list(figures.items()):  # additive metrics roll up
		if sector is not None:
			for metric in ("entries", "employees", "urgent"):
				figures[(topic, area, None)][metric] += values.get(metric, 0)
				figures[(topic, None, None)][metric] += values.get(metric, 0)
		elif area is not None:
			for metric in ("events_planned", "events_held"):
				figures[(topic, None, None)][metric] += values.get(metric, 0)
	return columns(), tree(figures)


def tree(figures: dict) -> list[dict]:
	rows = []
	order = {t: i for i, t in enumerate(TRAINING_TOPICS)}
	for key in sorted(figures, key=lambda k: (order.get(k[0], 99), k[1] or "", k[2] or "")):
		topic, area, sector = key
		values = figures[key]
		level = 0 if area is None else 1 if sector is None else 2
		row = {
			"id": "|".join(k for k in key if k is not None),
			"parent_id": "|".join(k for k in key[:level] if k is not None) if level else None,
			"indent": level,
			"topic": _(topic),
			"programme_area": area or "",
			"sector": _(sector) if sector else "",
			**{m: values.get(m, 0) for m in METRICS},
		}
		if level < 2:
			demand = row["needs_businesses"] + row["entries"]
			row["action"] = _(training_action(demand, row["events_planned"], row["events_held"]))
		rows.append(row)
	return rows


def case_query(ctx):
	case = frappe.qb.DocType("Enterprise Support Case")
	query, terms = a.with_business(frappe.qb.from_(case), case)
	query = query.where(a.reached_on(case).between(ctx.start, ctx.end))
	return case, query.where(case.programme_area.isin(ctx.areas or [""])), terms["mq_sector"]


def needs(ctx) -> dict:
	"""Distinct businesses per topic at each level of the tree: one grouped query per level."""
	case, query, sector = case_query(ctx)
	need = frappe.qb.DocType("Enterprise Support Need")
	query = query.join(need).on((need.parent == case.name) & (need.parenttype == "Enterprise Support Case"))
	businesses = Count(a.business_id(case)).distinct().as_("n")
	out = {}
	for levels in (
		(need.topic,),
		(need.topic, case.programme_area),
		(need.topic, case.programme_area, sector),
	):
		grouped = query.select(*(t.as_(f"g{i}") for i, t in enumerate(levels)), businesses).groupby(*levels)
		for r in grouped.run(as_dict=True):
			key = (r.g0, r.get("g1"), (r.get("g2") or NOT_RECORDED) if len(levels) == 3 else None)
			out[key] = {"needs_businesses": float(r.n)}
	return out


def entries(ctx) -> dict:
	case, query, sector = case_query(ctx)
	entry = frappe.qb.DocType("Enterprise Training Need")
	query = query.join(entry).on(
		(entry.parent == case.name) & (entry.parenttype == "Enterprise Support Case")
	)
	query = query.select(
		entry.topic.as_("topic"),
		case.programme_area.as_("area"),
		sector.as_("sector"),
		Count("*").as_("entries"),
		Sum(entry.employees_concerned).as_("employees"),
		Sum(Case().when(entry.urgency == "High", 1).else_(0)).as_("urgent"),
	).groupby(entry.topic, case.programme_area, sector)
	return {
		(r.topic, r.area, r.sector or NOT_RECORDED): {
			m: float(r[m] or 0) for m in ("entries", "employees", "urgent")
		}
		for r in query.run(as_dict=True)
	}


def events(ctx) -> dict:
	e = frappe.qb.DocType("Programme Event")
	query = frappe.qb.from_(e).where(e.topic.isnotnull() & (e.topic != ""))
	query = query.where(e.starts_on.between(a.since(ctx.start), a.until(ctx.end)))
	query = query.where(e.programme_area.isin(ctx.areas or [""]))
	planned, held = (Sum(Case().when(e.status.isin(s), 1).else_(0)) for s in (PLANNED, HELD))
	query = query.select(
		e.topic.as_("topic"), e.programme_area.as_("area"), planned.as_("planned"), held.as_("held")
	).groupby(e.topic, e.programme_area)
	return {
		(r.topic, r.area, None): {"events_planned": float(r.planned or 0), "events_held": float(r.held or 0)}
		for r in query.run(as_dict=True)
	}


def columns() -> list[dict]:
	def number(fieldname, label, width=120):
		return {"fieldname": fieldname, "label": label, "fieldtype": "Int", "width": width}

	return [
		{"fieldname": "topic", "label": _("Training Topic"), "fieldtype": "Data", "width": 220},
		{"fieldname": "programme_area", "label": _("Programme Area"), "fieldtype": "Data", "width": 140},
		{"fieldname": "sector", "label": _("Sector (WZ 2008)"), "fieldtype": "Data", "width": 220},
		number("needs_businesses", _("Businesses naming it in the needs assessment"), 150),
		number("entries", _("Training-need entries")),
		number("employees", _("Employees concerned")),
		number("urgent", _("Urgent entries")),
		number("events_planned", _("Events planned")),
		number("events_held", _("Events held")),
		{"fieldname": "action", "label": _("Suggested action"), "fieldtype": "Data", "width": 180},
	]


@frappe.whitelist()
def download(filters: str | None = None):
	"""The analysis as a workbook (formula-safe writer) for users who may run the report."""
	if not frappe.get_doc("Report", REPORT).is_permitted():
		frappe.throw(_("You may not run the report {0}").format(_(REPORT)), frappe.PermissionError)
	parsed = json.loads(filters) if filters else {}
	if not isinstance(parsed, dict):
		frappe.throw(_("The filters are not valid"))
	cols, rows = execute(parsed)
	content = write_rows(
		[c["label"] for c in cols],
		([r.get(c["fieldname"]) for c in cols] for r in rows),
		sheet_title="Bildungsbedarfe",
	)
	frappe.response["filename"] = f"bildungsbedarfe-{a.context(parsed).start.isoformat()}.xlsx"
	frappe.response["filecontent"] = content
	frappe.response["type"] = "download"
