# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt
"""Programme activity per period and programme area, for the yearly narrative report.

Every figure is one grouped query (frappe.qb) with a column per district and the total; reach per 1,000
residents uses the residents recorded on each Programme Area (master data).
"""

from collections import defaultdict
from datetime import datetime, time

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Coalesce, Concat, Count, Date, Sum
from frappe.utils import getdate

from mehrwert_quartier.rules.activity import per_thousand, total_residents

TOTAL = "__total__"
NO_AREA = "__none__"
NOTHING = [("", {})]  # a figure without records is a row of zeros, not missing from the report


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	if not (filters.get("from_date") and filters.get("to_date")):
		frappe.throw(_("A period needs a from date and a to date"))
	period = (getdate(filters.from_date), getdate(filters.to_date))
	if period[0] > period[1]:
		frappe.throw(_("The from date lies after the to date"))
	areas = districts(filters.get("programme_area"))
	context = frappe._dict(period=period, areas=areas, start=datetime.combine(period[0], time.min))
	context.restrict = areas if filters.get("programme_area") else None
	context.end = datetime.combine(period[1], time.max)
	rows = []
	for section, figures in SECTIONS:
		for label, compute in figures:
			for sub_label, values in compute(context):
				rows.append(
					row(_(section), _(label) + (f": {_(sub_label)}" if sub_label else ""), values, areas)
				)
	rows += reach_rows(rows, areas)
	return columns(areas), rows, residents_note(areas)


def districts(area: str | None) -> list[str]:
	"""The columns: the districts of the programme (or the chosen area and its districts)."""
	pa = frappe.qb.DocType("Programme Area")
	query = frappe.qb.from_(pa).select(pa.name).where(pa.is_active == 1).where(pa.area_type == "District")
	if area:
		if not frappe.db.exists("Programme Area", area):
			frappe.throw(_("Unknown programme area {0}").format(area))
		query = query.where((pa.name == area) | (pa.part_of == area))
	return [r[0] for r in query.orderby(pa.name).run()]


def row(section: str, label: str, values: dict, areas: list[str]) -> dict:
	return {
		"section": section,
		"figure": label,
		**{area_key(a): values.get(a, 0) for a in areas},
		"total": values.get(TOTAL, 0),
	}


def area_key(area: str) -> str:
	return "area_" + frappe.scrub(area)


def tally(query, area_term, value, key_term=None, areas=None, distinct_total=None) -> list[tuple]:
	"""[(key, {area: value, TOTAL: value})] from one grouped query (and one more for a distinct total)."""
	grouped = query.select(area_term.as_("area"), value.as_("v")).groupby(area_term)
	if key_term is not None:
		grouped = grouped.select(key_term.as_("k")).groupby(key_term)
	if areas is not None:
		grouped = grouped.where(area_term.isin(areas or [""]))
	result: dict = defaultdict(dict)
	for record in grouped.run(as_dict=True):
		key = (record.get("k") or "not recorded") if key_term is not None else ""
		number = float(record.v or 0)
		result[key][record.area or NO_AREA] = number
		result[key][TOTAL] = result[key].get(TOTAL, 0) + number
	if distinct_total is not None:
		totals = query.select(distinct_total.as_("v"))
		if key_term is not None:
			totals = totals.select(key_term.as_("k")).groupby(key_term)
		if areas is not None:
			totals = totals.where(area_term.isin(areas or [""]))
		for record in totals.run(as_dict=True):
			key = (record.get("k") or "not recorded") if key_term is not None else ""
			result[key][TOTAL] = float(record.v or 0)
	return sorted(result.items(), key=lambda item: str(item[0])) or NOTHING


def scope(ctx) -> list[str] | None:
	"""Area restriction of a query: None when every area counts (no filter), else the chosen districts."""
	return ctx.restrict


# QS Arbeit ----------------------------------------------------------------------------------------------
def participants_entered(ctx):
	p = frappe.qb.DocType("Participant")
	query = frappe.qb.from_(p).where(p.entry_date.between(*ctx.period))
	return tally(query, p.programme_area, Count("*"), areas=scope(ctx))


def participants_active(ctx):
	p = frappe.qb.DocType("Participant")
	query = frappe.qb.from_(p).where(p.entry_date <= ctx.period[1])
	query = query.where(p.exit_date.isnull() | (p.exit_date >= ctx.period[0]))
	return tally(query, p.programme_area, Count("*"), areas=scope(ctx))


def consultation_figures(ctx) -> dict[str, list[tuple]]:
	"""Consultations by type, by channel and their hours from one scan, grouped by area, type and channel."""
	if "consultations" not in ctx:
		c, p = frappe.qb.DocType("Consultation"), frappe.qb.DocType("Participant")
		query = frappe.qb.from_(c).left_join(p).on(p.name == c.participant)
		query = query.where(c.consultation_date.between(*ctx.period))
		if ctx.restrict is not None:
			query = query.where(p.programme_area.isin(ctx.restrict or [""]))
		rows = (
			query.select(
				p.programme_area.as_("area"),
				c.consultation_type.as_("kind"),
				c.channel.as_("channel"),
				Count("*").as_("n"),
				Sum(c.duration_minutes).as_("minutes"),
			)
			.groupby(p.programme_area, c.consultation_type, c.channel)
			.run(as_dict=True)
		)
		by_type, by_channel, hours = defaultdict(dict), defaultdict(dict), {}
		for row in rows:
			area = row.area or NO_AREA
			for table, key in (
				(by_type, row.kind or "not recorded"),
				(by_channel, row.channel or "not recorded"),
			):
				for column in (area, TOTAL):
					table[key][column] = table[key].get(column, 0) + row.n
			for column in (area, TOTAL):
				hours[column] = hours.get(column, 0) + float(row.minutes or 0) / 60
		ctx.consultations = {
			"type": sorted(by_type.items()) or NOTHING,
			"channel": sorted(by_channel.items()) or NOTHING,
			"hours": [("", hours)],
		}
	return ctx.consultations


def consultations_by_type(ctx):
	return consultation_figures(ctx)["type"]


def consultations_by_channel(ctx):
	return consultation_figures(ctx)["channel"]


def consultation_hours(ctx):
	return consultation_figures(ctx)["hours"]


def _events(ctx):
	e = frappe.qb.DocType("Programme Event")
	query = frappe.qb.from_(e).where(e.starts_on.between(ctx.start, ctx.end))
	return e, query.where(e.status.isin(["Held", "Documented"]))


def events_held(ctx):
	e, query = _events(ctx)
	return tally(query, e.programme_area, Count("*"), areas=scope(ctx))


def event_attendance(ctx):
	e, query = _events(ctx)
	r = frappe.qb.DocType("Event Registration")
	query = query.join(r).on(r.event == e.name).where(r.status == "Attended")
	return tally(query, e.programme_area, Count("*"), areas=scope(ctx))


def event_hours(ctx):
	e, query = _events(ctx)
	r = frappe.qb.DocType("Event Registration")
	query = query.join(r).on(r.event == e.name).where(r.status == "Attended")
	query = query.where(r.attendee_type == "Participant")
	return tally(
		query, e.programme_area, Sum(Coalesce(r.attended_hours, e.duration_hours, 0)), areas=scope(ctx)
	)


def referrals_by_status(ctx):
	r, p = frappe.qb.DocType("Referral"), frappe.qb.DocType("Participant")
	query = frappe.qb.from_(r).left_join(p).on(p.name == r.participant)
	query = query.where(Coalesce(r.proposed_on, Date(r.creation)).between(*ctx.period))
	return tally(query, p.programme_area, Count("*"), key_term=r.status, areas=scope(ctx))


def placements_by_type(ctx):
	pl, p = frappe.qb.DocType("Placement"), frappe.qb.DocType("Participant")
	query = (
		frappe.qb.from_(pl)
		.left_join(p)
		.on(p.name == pl.participant)
		.where(pl.start_date.between(*ctx.period))
	)
	return tally(query, p.programme_area, Count("*"), key_term=pl.placement_type, areas=scope(ctx))


def job_to_job(ctx):
	pl, p = frappe.qb.DocType("Placement"), frappe.qb.DocType("Participant")
	query = (
		frappe.qb.from_(pl)
		.left_join(p)
		.on(p.name == pl.participant)
		.where(pl.start_date.between(*ctx.period))
	)
	query = query.where(pl.placement_type == "Job-to-job Change")
	return tally(query, p.programme_area, Count("*"), areas=scope(ctx))


# QS Wirtschaft ------------------------------------------------------------------------------------------
def _business(case):
	"""Unique businesses (a business is a Lead, Prospect or Customer)."""
	return Count(Concat(case.business_doctype, ":", case.business)).distinct()


def businesses_reached(ctx):
	case = frappe.qb.DocType("Enterprise Support Case")
	reached = Coalesce(case.outreach_visit_date, Date(case.creation))
	query = frappe.qb.from_(case).where(reached.between(*ctx.period))
	return tally(
		query, case.programme_area, _business(case), areas=scope(ctx), distinct_total=_business(case)
	)


def _supported(ctx):
	case, step = frappe.qb.DocType("Enterprise Support Case"), frappe.qb.DocType("Enterprise Support Step")
	query = (
		frappe.qb.from_(case)
		.join(step)
		.on((step.parent == case.name) & (step.parenttype == "Enterprise Support Case"))
	)
	return case, query.where((step.step_status == "Done") & step.completed_on.between(*ctx.period))


def businesses_supported(ctx):
	case, query = _supported(ctx)
	return tally(
		query, case.programme_area, _business(case), areas=scope(ctx), distinct_total=_business(case)
	)


def supported_by_need(ctx):
	case, query = _supported(ctx)
	need = frappe.qb.DocType("Enterprise Support Need")
	query = query.join(need).on((need.parent == case.name) & (need.parenttype == "Enterprise Support Case"))
	return tally(
		query,
		case.programme_area,
		_business(case),
		key_term=need.topic,
		areas=scope(ctx),
		distinct_total=_business(case),
	)


def cases_by_stage(ctx):
	case = frappe.qb.DocType("Enterprise Support Case")
	query = frappe.qb.from_(case).where(Date(case.creation) <= ctx.period[1])
	return tally(query, case.programme_area, Count("*"), key_term=case.status, areas=scope(ctx))


def settlements(ctx):
	s = frappe.qb.DocType("Settlement Request")
	query = frappe.qb.from_(s).where((s.status == "Settled") & s.commercial_unit.isnotnull())
	query = query.where(s.settled_on.between(*ctx.period))
	return tally(query, s.programme_area, Count("*"), areas=scope(ctx))


def relations_started(ctx):
	b = frappe.qb.DocType("Business Relation")
	query = frappe.qb.from_(b).where(b.start_date.between(*ctx.period))
	return tally(query, b.programme_area, Count("*"), areas=scope(ctx))


SECTIONS = [
	(
		"QS Arbeit",
		[
			("Participants entered", participants_entered),
			("Participants active", participants_active),
			("Consultations by type", consultations_by_type),
			("Consultations by channel", consultations_by_channel),
			("Contact hours in consultations", consultation_hours),
			("Contact hours at events", event_hours),
			("Events held", events_held),
			("Event attendance", event_attendance),
			("Referrals by status", referrals_by_status),
			("Placements by type", placements_by_type),
			("Job-to-job changes", job_to_job),
		],
	),
	(
		"QS Wirtschaft",
		[
			("Businesses reached", businesses_reached),
			("Businesses supported", businesses_supported),
			("Businesses supported by need topic", supported_by_need),
			("Support cases by stage", cases_by_stage),
			("Settlements into vacant units", settlements),
			("B2B relations started", relations_started),
		],
	),
]


def reach_rows(rows: list[dict], areas: list[str]) -> list[dict]:
	"""Participants entered and businesses reached per 1,000 residents (blank where residents are unknown),
	and the residents each column is divided by."""
	residents = dict(frappe.get_all("Programme Area", fields=["name", "residents"], as_list=True))
	territory = territory_of(areas)
	covers = bool(territory) and set(areas) == set(districts(territory))
	total = total_residents({a: residents.get(a) or None for a in areas}, residents.get(territory), covers)
	out = [
		{
			"section": _("Reach"),
			"figure": _("Residents"),
			**{area_key(a): residents.get(a) or None for a in areas},
			"total": total,
		}
	]
	for source, label in (
		(_("Participants entered"), _("Participants entered per 1,000 residents")),
		(_("Businesses reached"), _("Businesses reached per 1,000 residents")),
	):
		base = next(r for r in rows if r["figure"] == source)
		out.append(
			{
				"section": _("Reach"),
				"figure": label,
				**{area_key(a): per_thousand(base[area_key(a)], residents.get(a)) for a in areas},
				"total": per_thousand(base["total"], total),
			}
		)
	return out


def residents_note(areas: list[str]) -> str | None:
	"""Says where the reach stays blank: districts without residents on their Programme Area."""
	missing = [a for a in areas if not frappe.db.get_value("Programme Area", a, "residents")]
	if not missing:
		return None
	return _(
		"No residents recorded for {0}: their reach per 1,000 residents stays blank. The programme description"
		" gives the residents of the whole territory only; enter the districts' figures on their Programme Area."
	).format(", ".join(missing))


def territory_of(areas: list[str]) -> str | None:
	parents = {frappe.db.get_value("Programme Area", a, "part_of") for a in areas}
	return parents.pop() if len(parents) == 1 else None


def columns(areas: list[str]) -> list[dict]:
	return [
		{"fieldname": "section", "label": _("Service"), "fieldtype": "Data", "width": 130},
		{"fieldname": "figure", "label": _("Figure"), "fieldtype": "Data", "width": 380},
		*({"fieldname": area_key(a), "label": a, "fieldtype": "Float", "width": 140} for a in areas),
		{"fieldname": "total", "label": _("Total"), "fieldtype": "Float", "width": 110},
	]
