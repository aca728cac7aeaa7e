# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt
"""Area profile of the local economy (issue 18): per programme area or postcode, for a period and against
the period before it. Businesses by WZ 2008 section, business type, size class and founding cohort; reached
and supported businesses and their share of the known ones; vacant units, floor space, months vacant,
settlements; the innovation check per area and sector. Every figure is one grouped query with conditional
sums for both periods (docs/qs-wirtschaft.md, section "Area profile").
"""

from functools import partial

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Date
from pypika.terms import Function, LiteralValue, ValueWrapper

from mehrwert_quartier.reporting import analysis as a
from mehrwert_quartier.rules.analysis import FOUNDING_COHORTS, SIZE_CLASSES, change, share

VACANT = ("Vacant", "Under Renovation")


def execute(filters: dict | None = None):
	ctx = a.context(filters)
	rows = []
	for section, figures in SECTIONS:
		for label, compute, translate_key in figures:
			for key, values in sorted(compute(ctx).items(), key=lambda item: str(item[0])):
				sub = (_(key) if translate_key else key) if key else ""
				rows.append(row(ctx, _(section), _(label) + (f": {sub}" if sub else ""), values))
	supported = next(i for i, r in enumerate(rows) if r["figure"] == _("Businesses supported"))
	rows[supported + 1 : supported + 1] = share_rows(ctx, rows)
	return columns(ctx), rows, None, chart(ctx, rows)


def row(ctx, section: str, figure: str, values: dict) -> dict:
	now, before = values.get(a.TOTAL, [0, 0])
	difference, percent = change(now, before)
	return {
		"section": section,
		"figure": figure,
		**{a.column_key(c): values.get(c, [0, 0])[0] for c in ctx.columns},
		"total": now,
		"previous": before,
		"change": difference,
		"change_percent": percent,
	}


# businesses: the stock known at the end of each period -----------------------------------------------
def band(term, bands):
	case = Case()
	for label, low, high in bands:
		condition = term >= low if low is not None else None
		if high is not None:
			condition = term <= high if condition is None else condition & (term <= high)
		case = case.when(condition, label)
	return case.else_(None)


KEYS = {
	"sector": lambda t: t.mq_sector,
	"type": lambda t: t.mq_business_type,
	"size": lambda t: band(t.mq_employees, SIZE_CLASSES),
	"cohort": lambda t: band(t.mq_founding_year, FOUNDING_COHORTS),
}


def businesses_by(ctx, key: str | None = None):
	"""Known businesses at the end of the period and of the previous period, by a key (or in all)."""
	cache = ctx.setdefault("businesses", {})
	if key not in cache:
		result = None
		for _doctype, t, query in a.business_sources():
			query = a.restrict(ctx, query.where(t.creation <= a.until(ctx.end)), t.mq_programme_area)
			now, before = a.both(t.creation <= a.until(ctx.end), t.creation <= a.until(ctx.previous[1]))
			rows = a.grouped(query, a.business_column(ctx, t), now, before, KEYS[key](t) if key else None)
			result = a.collect(rows, result, "k" if key else None)
		cache[key] = result
	return cache[key]


def businesses_known(ctx):
	"""Every business has one business type (or none, "not recorded"): the known ones are their sum."""
	known = {"": {}}
	for cells in businesses_by(ctx, "type").values():
		for column, (now, before) in cells.items():
			total = known[""].setdefault(column, [0.0, 0.0])
			total[0], total[1] = total[0] + now, total[1] + before
	return known


# reach and support: distinct businesses, so their total is a query of its own ------------------------
def case_query(ctx, business: bool = False):
	"""The support cases in scope, joined to their business when asked (its postcode or sector)."""
	case = frappe.qb.DocType("Enterprise Support Case")
	query, terms = frappe.qb.from_(case), {}
	if business:
		query, terms = a.with_business(query, case)
	return case, a.restrict(ctx, query, case.programme_area), terms


def distinct_by_column(ctx, case, query, now, before):
	"""Distinct businesses by column (joining the business only for its postcode), and their total."""
	total = a.totals(query, now, before)
	terms = {}
	if ctx.by == a.BY_POSTCODE:
		query, terms = a.with_business(query, case)
	result = a.collect(a.grouped(query, a.case_column(ctx, case, terms), now, before), total=False)
	return a.set_totals(result, total)


def businesses_reached(ctx):
	case, query, _terms = case_query(ctx)
	reached = a.reached_on(case)
	query = query.where(reached.between(ctx.previous[0], ctx.end))
	now, before = a.distinct_both(case, a.in_period(ctx, reached, 0), a.in_period(ctx, reached, 1))
	return distinct_by_column(ctx, case, query, now, before)


def businesses_supported(ctx):
	case, query, _terms = case_query(ctx)
	step = frappe.qb.DocType("Enterprise Support Step")
	query = query.join(step).on((step.parent == case.name) & (step.parenttype == "Enterprise Support Case"))
	query = query.where((step.step_status == "Done") & step.completed_on.between(ctx.previous[0], ctx.end))
	done = step.completed_on
	now, before = a.distinct_both(case, a.in_period(ctx, done, 0), a.in_period(ctx, done, 1))
	return distinct_by_column(ctx, case, query, now, before)


# commercial units: today's status, vacant since "available from" ---------------------------------------
def unit_figures(ctx):
	if "units" not in ctx:
		u = frappe.qb.DocType("Commercial Unit")
		query = a.restrict(ctx, frappe.qb.from_(u).where(u.status.isin(VACANT)), u.programme_area)
		column = u.programme_area if ctx.by == a.BY_AREA else u.postcode
		ends = (ctx.end, ctx.previous[1])
		vacant = [u.available_from.isnull() | (u.available_from <= end) for end in ends]
		dated = [u.available_from.isnotnull() & (u.available_from <= end) for end in ends]
		months = [
			Function("TIMESTAMPDIFF", LiteralValue("MONTH"), u.available_from, ValueWrapper(end))
			for end in ends
		]
		figures = {
			"count": a.both(*vacant),
			"space": (a.both(*vacant, u.floor_space)),
			"dated": a.both(*dated),
			"months": (conditional_sum(dated[0], months[0]), conditional_sum(dated[1], months[1])),
		}
		query = query.select(column.as_("col")).groupby(column)
		for name, (now, before) in figures.items():
			query = query.select(now.as_(f"{name}_now"), before.as_(f"{name}_before"))
		rows = query.run(as_dict=True)
		ctx.units = {
			name: a.collect(
				[frappe._dict(col=r.col, now=r[f"{name}_now"], before=r[f"{name}_before"]) for r in rows]
			)
			for name in figures
		}
	return ctx.units


def conditional_sum(condition, value):
	return a.both(condition, condition, value)[0]


def ratio(numerator: dict, denominator: dict, digits: int = 1) -> dict:
	"""{key: {column: [now, before]}} of numerator / denominator (None where the denominator is 0)."""
	out = {}
	for key, cells in numerator.items():
		out[key] = {
			column: [
				round(cell[i] / denominator[key][column][i], digits) if denominator[key][column][i] else None
				for i in (0, 1)
			]
			for column, cell in cells.items()
		}
	return out


def vacant_units(ctx):
	return unit_figures(ctx)["count"]


def vacant_space(ctx):
	return unit_figures(ctx)["space"]


def months_vacant(ctx):
	figures = unit_figures(ctx)
	return ratio(figures["months"], figures["dated"])


def settlements(ctx):
	s, u = frappe.qb.DocType("Settlement Request"), frappe.qb.DocType("Commercial Unit")
	query = frappe.qb.from_(s).left_join(u).on(u.name == s.commercial_unit)
	query = query.where((s.status == "Settled") & s.commercial_unit.isnotnull())
	settled = Date(s.modified)
	query = a.restrict(ctx, query.where(settled.between(ctx.previous[0], ctx.end)), s.programme_area)
	now, before = a.both(a.in_period(ctx, settled, 0), a.in_period(ctx, settled, 1))
	column = s.programme_area if ctx.by == a.BY_AREA else u.postcode
	return a.collect(a.grouped(query, column, now, before))


# the innovation check, per area and sector --------------------------------------------------------------
def innovation(ctx):
	"""Checks and their scores from one query grouped by column and sector; the columns' figures are the
	sums over the sectors (every check has one sector, or none: "not recorded")."""
	if "innovation" not in ctx:
		case, query, terms = case_query(ctx, business=True)
		checked = case.innovation_checked_on
		query = query.where(checked.between(ctx.previous[0], ctx.end))
		column, sector = a.case_column(ctx, case, terms), terms["mq_sector"]
		periods = (a.in_period(ctx, checked, 0), a.in_period(ctx, checked, 1))
		count, score = a.both(*periods), a.both(*periods, case.innovation_score)
		query = query.select(column.as_("col"), sector.as_("k")).groupby(column, sector)
		query = query.select(count[0].as_("n_now"), count[1].as_("n_before"))
		rows = query.select(score[0].as_("s_now"), score[1].as_("s_before")).run(as_dict=True)
		counts = [frappe._dict(col=r.col, k=r.k, now=r.n_now, before=r.n_before) for r in rows]
		scores = [frappe._dict(col=r.col, k=r.k, now=r.s_now, before=r.s_before) for r in rows]
		ctx.innovation = {
			"count": a.collect(counts),
			"score": a.collect(scores),
			"sector_count": a.collect(counts, key_field="k"),
			"sector_score": a.collect(scores, key_field="k"),
		}
	return ctx.innovation


def innovation_checks(ctx):
	return innovation(ctx)["count"]


def innovation_score(ctx):
	figures = innovation(ctx)
	return ratio(figures["score"], figures["count"])


def innovation_by_sector(ctx):
	figures = innovation(ctx)
	return ratio(figures["sector_score"], figures["sector_count"])


SECTIONS = [
	(
		"Businesses",
		[
			("Known businesses", businesses_known, False),
			("Businesses by sector", partial(businesses_by, key="sector"), True),
			("Businesses by business type", partial(businesses_by, key="type"), True),
			("Businesses by size class", partial(businesses_by, key="size"), True),
			("Businesses by founding cohort", partial(businesses_by, key="cohort"), True),
		],
	),
	(
		"Reach and Support",
		[
			("Businesses reached", businesses_reached, False),
			("Businesses supported", businesses_supported, False),
		],
	),
	(
		"Vacancy and Settlement",
		[
			("Vacant commercial units", vacant_units, False),
			("Vacant floor space (m²)", vacant_space, False),
			("Average months vacant", months_vacant, False),
			("Settlements into vacant units", settlements, False),
		],
	),
	(
		"Innovation Check",
		[
			("Innovation checks done", innovation_checks, False),
			("Average innovation score (0-18)", innovation_score, False),
			("Average innovation score by sector", innovation_by_sector, True),
		],
	),
]


def share_rows(ctx, rows: list[dict]) -> list[dict]:
	"""Reached and supported businesses as a share (%) of the known businesses of the column."""
	known = next(r for r in rows if r["figure"] == _("Known businesses"))
	out = []
	for source, label in (
		(_("Businesses reached"), _("Share of known businesses reached (%)")),
		(_("Businesses supported"), _("Share of known businesses supported (%)")),
	):
		base = next(r for r in rows if r["figure"] == source)
		values = {
			key: share(base[key], known[key]) for key in [a.column_key(c) for c in ctx.columns] + ["total"]
		}
		values["previous"] = share(base["previous"], known["previous"])
		difference, percent = change(values["total"], values["previous"])
		out.append(
			{
				"section": _("Reach and Support"),
				"figure": label,
				**values,
				"change": difference,
				"change_percent": percent,
			}
		)
	return out


def chart(ctx, rows: list[dict]) -> dict:
	"""Businesses by business type, this period and the previous one."""
	prefix = _("Businesses by business type") + ": "
	typed = [r for r in rows if r["figure"].startswith(prefix)]
	return {
		"data": {
			"labels": [r["figure"][len(prefix) :] for r in typed],
			"datasets": [
				{"name": _("This period"), "values": [r["total"] for r in typed]},
				{"name": _("Previous period"), "values": [r["previous"] for r in typed]},
			],
		},
		"type": "bar",
		"barOptions": {"spaceRatio": 0.4},
	}


def columns(ctx) -> list[dict]:
	def number(fieldname, label, width, fieldtype="Float"):
		return {
			"fieldname": fieldname,
			"label": label,
			"fieldtype": fieldtype,
			"width": width,
			"precision": 1,
		}

	return [
		{"fieldname": "section", "label": _("Topic"), "fieldtype": "Data", "width": 150},
		{"fieldname": "figure", "label": _("Figure"), "fieldtype": "Data", "width": 380},
		*(number(a.column_key(c), c, 120) for c in ctx.columns),
		number("total", _("Total"), 100),
		number("previous", _("Previous period"), 120),
		number("change", _("Change"), 100),
		number("change_percent", _("Change (%)"), 100, "Percent"),
	]
