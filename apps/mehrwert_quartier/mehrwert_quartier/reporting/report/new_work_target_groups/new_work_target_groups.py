# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt
"""New forms of work in the neighbourhood (issue 18, Zielgruppenanalyse): solo self-employed, social
entrepreneurs and creative self-employed per programme area: how many are known, reached and supported in
the period, their needs from the needs assessments, the support given and its outcomes. One row per target
group (its total) with a row per area under it; each column is one grouped query (docs/qs-wirtschaft.md).
"""

from collections import defaultdict

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Date

from mehrwert_quartier.reporting import analysis as a
from mehrwert_quartier.rules.analysis import NEED_TOPICS, NEW_WORK_TYPES

# the columns whose total over the areas is a distinct count of its own (a business in two areas' cases)
DISTINCT = ("reached", "supported")


def execute(filters: dict | None = None):
	ctx = a.context(filters)
	by_area, by_group = defaultdict(lambda: defaultdict(float)), defaultdict(lambda: defaultdict(float))
	for compute in (known, reached, supported, needs, referrals, completed, settled):
		for (group, area, metric), value in compute(ctx).items():
			if area == a.TOTAL:
				by_group[group][metric] = value
				continue
			by_area[(group, area)][metric] += value
			if metric not in DISTINCT and not metric.startswith("need_"):
				by_group[group][metric] += value
	rows = []
	for group in NEW_WORK_TYPES:
		rows.append(
			{"target_group": _(group), "programme_area": _("All areas"), "indent": 0, **by_group[group]}
		)
		for area in ctx.areas:
			rows.append(
				{"target_group": _(group), "programme_area": area, "indent": 1, **by_area[(group, area)]}
			)
	return columns(), rows


def cell(rows, metric: str, key: str | None = None, total: bool = False) -> dict:
	"""{(group, area or TOTAL, metric): value} from rows with grp, area (unless total), n (and k)."""
	return {
		(r.grp, a.TOTAL if total else r.area, f"{metric}_{frappe.scrub(r.k)}" if key else metric): float(r.n)
		for r in rows
		if r.grp in NEW_WORK_TYPES and (total or r.area)
	}


def run(query, group, area, value, key=None, total: bool = False):
	query = query.select(group.as_("grp"), value.as_("n")).groupby(group)
	if not total:
		query = query.select(area.as_("area")).groupby(area)
	if key is not None:
		query = query.select(key.as_("k")).groupby(key)
	return query.run(as_dict=True)


def known(ctx) -> dict:
	out = {}
	for _doctype, t, query in a.business_sources():
		query = query.where((t.creation <= a.until(ctx.end)) & t.mq_business_type.isin(NEW_WORK_TYPES))
		query = a.restrict(ctx, query, t.mq_programme_area)
		for key, value in cell(
			run(query, t.mq_business_type, t.mq_programme_area, Count("*")), "known"
		).items():
			out[key] = out.get(key, 0) + value
	return out


def cases(ctx):
	"""(case, query, group term) of the support cases of new-work businesses in the chosen areas."""
	case = frappe.qb.DocType("Enterprise Support Case")
	query, terms = a.with_business(frappe.qb.from_(case), case)
	query = query.where(terms["mq_business_type"].isin(NEW_WORK_TYPES))
	return case, a.restrict(ctx, query, case.programme_area), terms["mq_business_type"]


def distinct(ctx, query, case, group, metric: str) -> dict:
	businesses = Count(a.business_id(case)).distinct()
	return {
		**cell(run(query, group, case.programme_area, businesses), metric),
		**cell(run(query, group, None, businesses, total=True), metric, total=True),
	}


def reached(ctx) -> dict:
	case, query, group = cases(ctx)
	query = query.where(a.reached_on(case).between(ctx.start, ctx.end))
	return distinct(ctx, query, case, group, "reached")


def supported(ctx) -> dict:
	case, query, group = cases(ctx)
	step = frappe.qb.DocType("Enterprise Support Step")
	query = query.join(step).on((step.parent == case.name) & (step.parenttype == "Enterprise Support Case"))
	query = query.where((step.step_status == "Done") & step.completed_on.between(ctx.start, ctx.end))
	return {
		**distinct(ctx, query, case, group, "supported"),
		**cell(run(query, group, case.programme_area, Count("*")), "steps_done"),
	}


def needs(ctx) -> dict:
	"""Businesses naming each topic in a needs assessment of a case reached by the end of the period."""
	case, query, group = cases(ctx)
	need = frappe.qb.DocType("Enterprise Support Need")
	query = query.join(need).on((need.parent == case.name) & (need.parenttype == "Enterprise Support Case"))
	query = query.where(a.reached_on(case) <= ctx.end)
	businesses = Count(a.business_id(case)).distinct()
	return {
		**cell(run(query, group, case.programme_area, businesses, need.topic), "need", key=True),
		**cell(run(query, group, None, businesses, need.topic, total=True), "need", key=True, total=True),
	}


def referrals(ctx) -> dict:
	case, query, group = cases(ctx)
	ref = frappe.qb.DocType("Enterprise Support Referral")
	query = query.join(ref).on((ref.parent == case.name) & (ref.parenttype == "Enterprise Support Case"))
	query = query.where(ref.referral_date.between(ctx.start, ctx.end))
	return cell(run(query, group, case.programme_area, Count("*")), "referrals")


def completed(ctx) -> dict:
	case, query, group = cases(ctx)
	query = query.where((case.status == "Completed") & Date(case.modified).between(ctx.start, ctx.end))
	return cell(run(query, group, case.programme_area, Count("*")), "completed")


def settled(ctx) -> dict:
	s = frappe.qb.DocType("Settlement Request")
	query, terms = a.with_business(frappe.qb.from_(s), s)
	query = query.where(terms["mq_business_type"].isin(NEW_WORK_TYPES))
	query = query.where((s.status == "Settled") & s.commercial_unit.isnotnull())
	query = a.restrict(ctx, query.where(Date(s.modified).between(ctx.start, ctx.end)), s.programme_area)
	return cell(run(query, terms["mq_business_type"], s.programme_area, Count("*")), "settled")


def columns() -> list[dict]:
	def number(fieldname, label, width=110):
		return {"fieldname": fieldname, "label": label, "fieldtype": "Int", "width": width}

	return [
		{"fieldname": "target_group", "label": _("Target Group"), "fieldtype": "Data", "width": 180},
		{"fieldname": "programme_area", "label": _("Programme Area"), "fieldtype": "Data", "width": 150},
		number("known", _("Known businesses")),
		number("reached", _("Businesses reached")),
		number("supported", _("Businesses supported")),
		*(number(f"need_{frappe.scrub(t)}", _("Need: {0}").format(_(t)), 130) for t in NEED_TOPICS),
		number("steps_done", _("Support steps done")),
		number("referrals", _("Referrals to advisers")),
		number("completed", _("Cases completed")),
		number("settled", _("Settlements into vacant units")),
	]
