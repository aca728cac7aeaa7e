"""The ESF indicator conditions of ``rules/esf_indicators.py`` as frappe.qb criteria: aggregation in the database.

One query sums every figure by gender (``SUM(CASE WHEN ... THEN 1 ELSE 0 END)``); the drill-down lists the
names behind one figure with the same criterion.
"""

import frappe
from frappe.query_builder import Case, Interval
from frappe.query_builder.functions import Cast, Coalesce, Count, Max, NullIf, Sum, Trim
from pypika.terms import LiteralValue, Term
from pypika.utils import format_alias_sql

from mehrwert_quartier.rules import esf_indicators as esf


class TimestampDiff(Term):
	"""MariaDB ``TIMESTAMPDIFF(YEAR, a, b)``: whole years from a to b, like ``esf_indicators.age_at``."""

	def __init__(self, start, end):
		super().__init__()
		self.start, self.end = start, end

	def get_sql(self, with_alias: bool = False, **kwargs):
		sql = f"TIMESTAMPDIFF(YEAR,{self.start.get_sql(**kwargs)},{self.end.get_sql(**kwargs)})"
		# with its alias when selected (the worklist's age as detail was read back under no name)
		return format_alias_sql(sql, self.alias, **kwargs) if with_alias else sql


def criterion(cond, table, params: dict):
	"""The SQL form of a condition of ``esf_indicators`` on ``table`` (the Participant table)."""
	match cond:
		case esf.Eq(field, value):
			return table[field] == value
		case esf.In(field, values):
			return table[field].isin(list(values))
		case esf.IsSet(field):
			return table[field].isnotnull() & (table[field] != "")
		case esf.AgeAtEntry(low, high):
			# an anonymised participant keeps only the age at entry (data protection)
			age = Coalesce(TimestampDiff(table.date_of_birth, table.entry_date), table.age_at_entry)
			parts = []
			if low is not None:
				parts.append(age >= low)
			if high is not None:
				parts.append(age <= high)
			return _and(parts)
		# a comparison with NULL is never true in SQL, as a missing date never holds in ``esf.holds``
		case esf.DateWithin(field, base, days):
			return (table[field] >= table[base]) & (table[field] <= table[base] + Interval(days=days))
		case esf.OnOrAfter(field, other):
			return table[field] >= table[other]
		case esf.UpTo(field, param):
			return table[field] <= params[param]
		case esf.From(field, param):
			return table[field] >= params[param]
		case esf.All(parts):
			return _and([criterion(p, table, params) for p in parts])
		case esf.AnyOf(parts):
			result = None
			for part in parts:
				term = criterion(part, table, params)
				result = term if result is None else result | term
			return result if result is not None else LiteralValue("0=1")
	raise TypeError(f"unknown condition {cond!r}")


def _and(parts):
	result = None
	for part in parts:
		result = part if result is None else result & part
	return result if result is not None else LiteralValue("1=1")


def participant_base(area: str | None):
	participant = frappe.qb.DocType("Participant")
	query = frappe.qb.from_(participant)
	if area:
		query = query.where(participant.programme_area == area)
	return participant, query


def figures_by_gender(params: dict, period: bool, area: str | None) -> dict[str, dict]:
	"""figure key -> {gender: count, "Total": count}, from one aggregate query."""
	participant, query = participant_base(area)
	columns = []
	for key, indicator in esf.FIGURE_KEYS.items():
		term = criterion(esf.full_condition(indicator, period), participant, params)
		columns.append(Sum(Case().when(term, 1).else_(0)).as_(_alias(key)))
	rows = (
		query.select(participant.gender, *columns)
		.where(participant.esf_complete == 1)  # in every figure's scope: filtered once, before the sums
		.where(participant.gender.isin(list(esf.GENDERS)))
		.groupby(participant.gender)
		.run(as_dict=True)
	)
	table = {}
	for key in esf.FIGURE_KEYS:
		row = {gender: 0 for gender in esf.GENDERS}
		for record in rows:
			row[record.gender] = int(record[_alias(key)] or 0)
		row["Total"] = sum(row.values())
		table[key] = row
	return table


def figure_names(key: str, gender: str | None, params: dict, period: bool, area: str | None) -> list[str]:
	"""The participants behind one figure (optionally one gender)."""
	indicator = esf.FIGURE_KEYS[key]
	participant, query = participant_base(area)
	query = query.select(participant.name).where(
		criterion(esf.full_condition(indicator, period), participant, params)
	)
	query = query.where(participant.gender.isin([gender] if gender else list(esf.GENDERS)))
	return [row[0] for row in query.run()]


def count_incomplete(params: dict, period: bool, area: str | None) -> int:
	"""Incomplete records in scope; a record without an entry date belongs to every period (it has no date)."""
	participant, query = participant_base(area)
	dated = participant.entry_date <= params["cut_off"]
	if period:
		dated = dated & (participant.entry_date >= params["from_date"])
	query = query.select(Count("*")).where(participant.esf_complete == 0)
	return query.where(participant.entry_date.isnull() | dated).run()[0][0]


def _alias(key: str) -> str:
	return "f_" + key.replace(":", "_")


# EECO19: supported micro, small and medium enterprises --------------------------------------------------
def supported_query(params: dict, period: bool, area: str | None):
	"""One row per business (doctype, name) with at least one support step done up to the cut-off (or in the
	period): headcount, business type, number of cases; the case type of persons coached is left out."""
	case = frappe.qb.DocType("Enterprise Support Case")
	step = frappe.qb.DocType("Enterprise Support Step")
	lead, prospect, customer = (frappe.qb.DocType(d) for d in ("Lead", "Prospect", "Customer"))
	done = (
		(step.step_status == "Done")
		& step.completed_on.isnotnull()
		& (step.completed_on <= params["cut_off"])
	)
	if period:
		done = done & (step.completed_on >= params["from_date"])
	employees = Case()
	business_type = Case()
	for table, doctype in ((lead, "Lead"), (prospect, "Prospect"), (customer, "Customer")):
		employees = employees.when(case.business_doctype == doctype, headcount(table.mq_employees))
		business_type = business_type.when(case.business_doctype == doctype, table.mq_business_type)
	query = (
		frappe.qb.from_(case)
		.join(step)
		.on((step.parent == case.name) & (step.parenttype == "Enterprise Support Case"))
		.left_join(lead)
		.on((case.business_doctype == "Lead") & (lead.name == case.business))
		.left_join(prospect)
		.on((case.business_doctype == "Prospect") & (prospect.name == case.business))
		.left_join(customer)
		.on((case.business_doctype == "Customer") & (customer.name == case.business))
		.select(
			case.business_doctype,
			case.business,
			Max(employees).as_("employees"),
			Max(business_type).as_("business_type"),
			Count(case.name).distinct().as_("cases"),
		)
		.where(done)
		.where(case.case_type.notin(list(esf.PERSON_CASE_TYPES)))
		.groupby(case.business_doctype, case.business)
	)
	if area:
		query = query.where(case.programme_area == area)
	return query


def supported_enterprises(params: dict, period: bool, area: str | None) -> list[dict]:
	"""The supported businesses (drill-down, cards) with their size class; persons coached left out."""
	rows = supported_query(params, period, area).run(as_dict=True)
	return [
		frappe._dict(row, size_class=esf.size_class(row.employees))
		for row in rows
		if esf.is_supported_enterprise(None, row.business_type)
	]


def headcount(field):
	"""The headcount, stored as text (blank: unknown), as a number; NULL stays NULL (``rules/headcount.py``)."""
	return Cast(NullIf(Trim(field), ""), "SIGNED")


UNKNOWN_HEADCOUNT, NOT_SME = "Headcount unknown", "Not an SME (250 employees or more)"


def enterprise_counts(params: dict, period: bool, area: str | None) -> dict[str, int]:
	"""size class (and "Total") -> number of supported businesses, counted in the database."""
	business = supported_query(params, period, area).as_("business")
	size = Case().when(business.employees.isnull(), UNKNOWN_HEADCOUNT)
	for label, low, high in esf.SIZE_CLASSES:
		size = size.when(business.employees.between(low, high), label)
	size = size.else_(NOT_SME)
	rows = (
		frappe.qb.from_(business)
		.select(size.as_("size_class"), Count("*").as_("n"))
		.where(business.business_type.isnull() | business.business_type.notin(list(esf.NOT_ENTERPRISE_TYPES)))
		.groupby(size)
		.run(as_dict=True)
	)
	counts = {label: 0 for label, _low, _high in esf.SIZE_CLASSES} | {UNKNOWN_HEADCOUNT: 0, NOT_SME: 0}
	counts.update({row.size_class: int(row.n) for row in rows})
	counts["Total"] = sum(counts[label] for label, _low, _high in esf.SIZE_CLASSES)
	return counts


def enterprise_figures(params: dict, period: bool, area: str | None) -> dict[str, list[dict]]:
	"""size class label (and "Total") -> the supported SMEs; 250+ staff and unknown headcounts apart."""
	rows = supported_enterprises(params, period, area)
	groups: dict[str, list[dict]] = {label: [] for label, _low, _high in esf.SIZE_CLASSES}
	groups[UNKNOWN_HEADCOUNT] = [r for r in rows if r.employees is None]
	groups[NOT_SME] = [r for r in rows if r.employees is not None and r.size_class is None]
	for row in rows:
		if row.size_class:
			groups[row.size_class].append(row)
	groups["Total"] = [r for r in rows if r.size_class]
	return groups
