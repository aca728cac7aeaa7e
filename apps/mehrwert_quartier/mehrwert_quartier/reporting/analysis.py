"""Shared building blocks of QS Wirtschaft's analysis reports (issue 18): the known businesses, a support
case's business, the report's columns (programme areas or postcodes) and the period with the one before it.

A business is a Lead (not converted), a Prospect or an enabled Customer (as in the cross-selling
suggestions). Every figure is a grouped query whose conditional sums cover the period and the previous
period at once; Python only adds the groups up.
"""

from collections import defaultdict
from datetime import datetime, time

import frappe
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Coalesce, Concat, Count, Date, Sum
from frappe.utils import getdate

from mehrwert_quartier.reporting.report.programme_activity.programme_activity import districts
from mehrwert_quartier.rules.analysis import NOT_RECORDED, previous_period
from mehrwert_quartier.validation import rule_check

TOTAL = "__total__"
NO_COLUMN = "__none__"
BY_AREA, BY_POSTCODE = "Programme Area", "Postcode"
BUSINESS_DOCTYPES = ("Lead", "Prospect", "Customer")


def context(filters: dict | None) -> frappe._dict:
	"""The period, the previous period, the columns and the area restriction from the report's filters."""
	filters = frappe._dict(filters or {})
	if not (filters.get("from_date") and filters.get("to_date")):
		frappe.throw(_("A period needs a from date and a to date"))
	start, end = getdate(filters.from_date), getdate(filters.to_date)
	with rule_check("Period"):
		previous = previous_period(start, end)
	by = filters.get("columns_by") or BY_AREA
	if by not in (BY_AREA, BY_POSTCODE):
		frappe.throw(_("Unknown column choice {0}").format(by))
	ctx = frappe._dict(start=start, end=end, previous=previous, by=by, filters=filters)
	ctx.areas = districts(filters.get("programme_area"))
	ctx.restrict = ctx.areas if filters.get("programme_area") else None
	ctx.columns = ctx.areas if by == BY_AREA else postcodes(ctx.areas)
	return ctx


def postcodes(areas: list[str]) -> list[str]:
	return frappe.get_all(
		"Postcode Area", {"programme_area": ("in", areas or [""])}, pluck="postcode", order_by="postcode"
	)


def since(day) -> datetime:
	return datetime.combine(day, time.min)


def until(day) -> datetime:
	return datetime.combine(day, time.max)


def column_key(value: str) -> str:
	return "col_" + frappe.scrub(value)


def business_sources():
	"""[(doctype, table, query)] of the known businesses: converted leads and disabled customers left out."""
	out = []
	for doctype in BUSINESS_DOCTYPES:
		t = frappe.qb.DocType(doctype)
		query = frappe.qb.from_(t)
		if doctype == "Lead":
			query = query.where(t.status != "Converted")
		if doctype == "Customer":
			query = query.where(t.disabled == 0)
		out.append((doctype, t, query))
	return out


def business_column(ctx, t):
	return t.mq_programme_area if ctx.by == BY_AREA else t.mq_postcode


def with_business(query, case):
	"""The query joined to the case's business (Lead, Prospect or Customer): (query, {field: term})."""
	joined = {}
	for doctype in BUSINESS_DOCTYPES:
		t = frappe.qb.DocType(doctype).as_(f"b_{doctype.lower()}")
		query = query.left_join(t).on((case.business_doctype == doctype) & (t.name == case.business))
		joined[doctype] = t
	terms = {
		field: Coalesce(*(getattr(joined[d], field) for d in BUSINESS_DOCTYPES))
		for field in ("mq_postcode", "mq_sector", "mq_business_type", "mq_programme_area")
	}
	return query, terms


def case_column(ctx, case, terms):
	return case.programme_area if ctx.by == BY_AREA else terms["mq_postcode"]


def restrict(ctx, query, area_term):
	return query if ctx.restrict is None else query.where(area_term.isin(ctx.restrict or [""]))


def in_period(ctx, term, which: int):
	"""term within the period (which=0) or the previous period (which=1), as a condition."""
	start, end = (ctx.start, ctx.end) if which == 0 else ctx.previous
	return term.between(start, end)


def both(condition_now, condition_before, value=1):
	"""Two conditional sums: value where the first condition holds, and where the second does."""
	return (
		Sum(Case().when(condition_now, value).else_(0)),
		Sum(Case().when(condition_before, value).else_(0)),
	)


def business_id(case):
	return Concat(case.business_doctype, ":", case.business)


def distinct_both(case, condition_now, condition_before):
	"""Distinct businesses of the cases meeting each condition."""
	key = business_id(case)
	return (
		Count(Case().when(condition_now, key)).distinct(),
		Count(Case().when(condition_before, key)).distinct(),
	)


def reached_on(case):
	return Coalesce(case.outreach_visit_date, Date(case.creation))


def collect(rows, into=None, key_field: str | None = None, total: bool = True) -> dict:
	"""{key: {column: [now, before]}} from rows with col, now, before (and k); TOTAL summed unless total
	is False (distinct counts get their own total query)."""
	result = into if into is not None else defaultdict(lambda: defaultdict(lambda: [0.0, 0.0]))
	for row in rows:
		key = (row.get(key_field) or NOT_RECORDED) if key_field else ""
		for column in (row.get("col") or NO_COLUMN, TOTAL) if total else (row.get("col") or NO_COLUMN,):
			cell = result[key][column]
			cell[0] += float(row.now or 0)
			cell[1] += float(row.before or 0)
	return result


def set_totals(result: dict, rows, key_field: str | None = None) -> dict:
	for row in rows:
		key = (row.get(key_field) or NOT_RECORDED) if key_field else ""
		result[key][TOTAL] = [float(row.now or 0), float(row.before or 0)]
	return result


def grouped(query, column, now, before, key=None):
	"""Run a query grouped by the column (and a key) with two aggregates."""
	query = query.select(column.as_("col"), now.as_("now"), before.as_("before")).groupby(column)
	if key is not None:
		query = query.select(key.as_("k")).groupby(key)
	return query.run(as_dict=True)


def totals(query, now, before, key=None):
	query = query.select(now.as_("now"), before.as_("before"))
	if key is not None:
		query = query.select(key.as_("k")).groupby(key)
	return query.run(as_dict=True)
