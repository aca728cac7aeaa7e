# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt
"""ESF data-quality worklist: per participant what keeps it from counting or what is overdue.

Each check of ``rules/data_quality.py`` runs as one query (frappe.qb); likely duplicates are looked for only
among records whose dates of birth are equal or swapped (the intake rule needs that to reach its threshold)
and scored with the intake rule. One click assigns a ToDo to the responsible counsellor.
"""

from collections import defaultdict
from datetime import date

import frappe
from frappe import _
from frappe.query_builder import Interval
from frappe.query_builder.functions import Count
from frappe.utils import getdate, today
from pypika.terms import CustomFunction

from mehrwert_quartier.reporting.esf_query import TimestampDiff
from mehrwert_quartier.rules.data_quality import ADULT_AGE, DUE_DAYS, ISSUES
from mehrwert_quartier.rules.duplicates import LIKELY, duplicate_score

REPORT = "ESF Data Quality"
Year, Month, Day = (CustomFunction(f, ["d"]) for f in ("YEAR", "MONTH", "DAY"))
Least, Greatest = (CustomFunction(f, ["a", "b"]) for f in ("LEAST", "GREATEST"))
Concat3 = CustomFunction("CONCAT_WS", ["sep", "a", "b", "c"])


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	frappe.has_permission("Participant", "read", throw=True)
	issue = filters.get("issue")
	if issue and issue not in ISSUES:
		frappe.throw(_("Unknown issue {0}").format(issue))
	rows = worklist(filters, getdate(filters.get("as_of") or today()))
	return columns(), rows, None, None, summary(rows)


def worklist(filters, as_of: date) -> list[dict]:
	found: dict[str, list[tuple[str, str]]] = defaultdict(list)
	for code, check in CHECKS.items():
		if filters.get("issue") and filters.issue != code:
			continue
		for name, detail in check(filters, as_of):
			found[name].append((code, detail))
	if not found:
		return []
	p = frappe.qb.DocType("Participant")
	people = {
		row.name: row
		for row in frappe.qb.from_(p)
		.select(p.name, p.full_name, p.responsible_counsellor, p.programme_area, p.entry_date)
		.where(p.name.isin(list(found)))
		.run(as_dict=True)
	}
	order = list(ISSUES)
	rows = []
	for name, issues in found.items():
		person = people[name]
		for code, detail in sorted(issues, key=lambda i: order.index(i[0])):
			rows.append(
				{
					"participant": name,
					"full_name": person.full_name,
					"issue_code": code,
					"issue": _(ISSUES[code]),
					"detail": detail,
					"responsible_counsellor": person.responsible_counsellor,
					"programme_area": person.programme_area,
					"entry_date": person.entry_date,
				}
			)
	return sorted(
		rows,
		key=lambda r: (r["responsible_counsellor"] or "", order.index(r["issue_code"]), r["participant"]),
	)


def base(filters):
	p = frappe.qb.DocType("Participant")
	query = frappe.qb.from_(p)
	if filters.get("programme_area"):
		query = query.where(p.programme_area == filters.programme_area)
	if filters.get("responsible_counsellor"):
		query = query.where(p.responsible_counsellor == filters.responsible_counsellor)
	return p, query


def _entry_missing(filters, as_of):
	p, query = base(filters)
	return query.select(p.name, p.esf_missing).where(p.esf_complete == 0).run()


def _entry_late(filters, as_of):
	p, query = base(filters)
	rows = query.select(p.name, p.esf_entry_recorded_on).where(
		p.esf_entry_recorded_on > p.entry_date + Interval(days=DUE_DAYS)
	)
	return [(name, _("complete since {0}").format(frappe.format(day, "Date"))) for name, day in rows.run()]


def _exit_missing(filters, as_of):
	p, query = base(filters)
	rows = query.select(p.name, p.exit_date).where(
		(p.exit_date + Interval(days=DUE_DAYS) < as_of)
		& (p.exit_status.isnull() | (p.exit_status == ""))
		& (p.exit_qualification == 0)
	)
	return [(name, _("exit on {0}").format(frappe.format(day, "Date"))) for name, day in rows.run()]


def _follow_up_overdue(filters, as_of):
	p, query = base(filters)
	rows = query.select(p.name, p.follow_up_due).where(
		(p.follow_up_due < as_of) & p.follow_up_done_on.isnull()
	)
	return [(name, _("due on {0}").format(frappe.format(day, "Date"))) for name, day in rows.run()]


def _status_without_exit(filters, as_of):
	p, query = base(filters)
	rows = query.select(p.name, p.exit_status).where(
		p.exit_status.isnotnull() & (p.exit_status != "") & p.exit_date.isnull()
	)
	return [(name, _(status)) for name, status in rows.run()]


def _under_18(filters, as_of):
	p, query = base(filters)
	age = TimestampDiff(p.date_of_birth, p.entry_date)
	rows = query.select(p.name, age).where(
		p.date_of_birth.isnotnull() & p.entry_date.isnotnull() & (age < ADULT_AGE)
	)
	return [(name, _("{0} years at entry").format(years)) for name, years in rows.run()]


def _outside_area(filters, as_of):
	p, query = base(filters)
	area = frappe.qb.DocType("Postcode Area")
	rows = (
		query.left_join(area)
		.on(area.postcode == p.postcode)
		.select(p.name, p.postcode)
		.where(p.postcode.isnotnull() & (p.postcode != "") & area.name.isnull())
	)
	return [(name, postcode) for name, postcode in rows.run()]


def birthday_key(p):
	born = p.date_of_birth
	return Concat3("-", Year(born), Least(Month(born), Day(born)), Greatest(Month(born), Day(born)))


def _likely_duplicate(filters, as_of):
	"""Pairs scored by the intake rule among records sharing a (possibly swapped) date of birth."""
	p, query = base(filters)
	inner = frappe.qb.DocType("Participant")
	shared = (
		frappe.qb.from_(inner)
		.select(birthday_key(inner))
		.where(inner.date_of_birth.isnotnull())
		.groupby(birthday_key(inner))
		.having(Count("*") > 1)
	)
	rows = (
		query.select(p.name, p.first_name, p.last_name, p.date_of_birth, p.postcode, birthday_key(p).as_("k"))
		.where(p.date_of_birth.isnotnull() & birthday_key(p).isin(shared))
		.run(as_dict=True)
	)
	groups = defaultdict(list)
	for row in rows:
		row.date_of_birth = getdate(row.date_of_birth)
		groups[row.k].append(row)
	found = []
	for members in groups.values():
		for i, a in enumerate(members):
			for b in members[i + 1 :]:
				match = duplicate_score(a, b)
				if match.score >= LIKELY:
					found.append((a.name, _("with {0} (score {1})").format(b.name, match.score)))
					found.append((b.name, _("with {0} (score {1})").format(a.name, match.score)))
	return found


CHECKS = {
	"entry_missing": _entry_missing,
	"entry_late": _entry_late,
	"exit_missing": _exit_missing,
	"follow_up_overdue": _follow_up_overdue,
	"status_without_exit": _status_without_exit,
	"under_18": _under_18,
	"outside_area": _outside_area,
	"likely_duplicate": _likely_duplicate,
}


def summary(rows: list[dict]) -> list[dict]:
	return [
		{
			"label": _("Participants with an open issue"),
			"value": len({r["participant"] for r in rows}),
			"indicator": "Red" if rows else "Green",
			"datatype": "Int",
		},
		{"label": _("Open issues"), "value": len(rows), "indicator": "Orange", "datatype": "Int"},
	]


def columns() -> list[dict]:
	return [
		{
			"fieldname": "participant",
			"label": _("Participant"),
			"fieldtype": "Link",
			"options": "Participant",
			"width": 150,
		},
		{"fieldname": "full_name", "label": _("Full Name"), "fieldtype": "Data", "width": 180},
		{"fieldname": "issue", "label": _("Issue"), "fieldtype": "Data", "width": 300},
		{"fieldname": "detail", "label": _("Detail"), "fieldtype": "Data", "width": 220},
		{
			"fieldname": "responsible_counsellor",
			"label": _("Responsible Counsellor"),
			"fieldtype": "Link",
			"options": "User",
			"width": 200,
		},
		{
			"fieldname": "programme_area",
			"label": _("Programme Area"),
			"fieldtype": "Link",
			"options": "Programme Area",
			"width": 140,
		},
		{"fieldname": "entry_date", "label": _("Entry Date"), "fieldtype": "Date", "width": 100},
		{"fieldname": "assign", "label": _("ToDo"), "fieldtype": "Data", "width": 110},
		{"fieldname": "issue_code", "label": _("Issue Code"), "fieldtype": "Data", "hidden": 1},
	]


def open_participant_count() -> int:
	"""Participants with at least one open issue today (the number card of QS Arbeit)."""
	names = set()
	for check in CHECKS.values():
		names.update(name for name, _detail in check(frappe._dict(), getdate(today())))
	return len(names)


@frappe.whitelist(methods=["POST"])
def assign_todo(participant: str, issue: str) -> str:
	"""One ToDo for the responsible counsellor (else the current user) to clear this issue; the same open
	ToDo is returned when it exists. Needs write permission on the participant."""
	if issue not in ISSUES:
		frappe.throw(_("Unknown issue {0}").format(issue))
	if not frappe.get_cached_doc("Report", REPORT).is_permitted():
		frappe.throw(_("Not permitted"), frappe.PermissionError)
	doc = frappe.get_doc("Participant", participant)
	doc.check_permission("write")
	assignee = doc.responsible_counsellor or frappe.session.user
	if not frappe.has_permission("Participant", "read", doc, user=assignee):
		frappe.throw(_("{0} may not read this participant").format(assignee), frappe.PermissionError)
	description = _("ESF data quality: {0} ({1})").format(_(ISSUES[issue]), doc.full_name)
	existing = frappe.db.get_value(
		"ToDo",
		{
			"reference_type": "Participant",
			"reference_name": participant,
			"allocated_to": assignee,
			"status": "Open",
			"description": description,
		},
	)
	if existing:
		return existing
	todo = frappe.get_doc(
		{
			"doctype": "ToDo",
			"allocated_to": assignee,
			"assigned_by": frappe.session.user,
			"date": today(),
			"reference_type": "Participant",
			"reference_name": participant,
			"description": description,
		}
	)
	return todo.insert(ignore_permissions=True).name
