# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt
"""ESF data-quality worklist: per participant what keeps it from counting or what is overdue.

Each check of ``rules/data_quality.py`` runs as one query (frappe.qb); likely duplicates are looked for only
among records whose dates of birth are equal or swapped (the intake rule needs that to reach its threshold)
and scored with the intake rule. One click assigns a ToDo to the responsible counsellor.
"""

from datetime import date

import frappe
from frappe import _
from frappe.query_builder import Case, Interval
from frappe.query_builder.functions import Concat_ws, Count, IfNull
from frappe.utils import getdate, today
from pypika.terms import CustomFunction, Function, ValueWrapper

from mehrwert_quartier.data_protection.restriction import sees_restricted
from mehrwert_quartier.reporting.esf_query import TimestampDiff
from mehrwert_quartier.rules.data_quality import ADULT_AGE, DUE_DAYS, ISSUES
from mehrwert_quartier.rules.duplicates import likely_pairs_in_blocks

REPORT = "ESF Data Quality"
Year, Month, Day = (CustomFunction(f, ["d"]) for f in ("YEAR", "MONTH", "DAY"))
Least, Greatest = (CustomFunction(f, ["a", "b"]) for f in ("LEAST", "GREATEST"))


def execute(filters: dict | None = None):
	filters = frappe._dict(filters or {})
	frappe.has_permission("Participant", "read", throw=True)
	issue = filters.get("issue")
	if issue and issue not in ISSUES:
		frappe.throw(_("Unknown issue {0}").format(issue))
	rows = worklist(filters, getdate(filters.get("as_of") or today()))
	return columns(), rows, None, None, summary(rows)


PERSON = ("name", "full_name", "responsible_counsellor", "programme_area", "entry_date")


def worklist(filters, as_of: date) -> list[dict]:
	"""One row per participant and issue; each check returns the person's columns with a detail and a date,
	so no second look-up and no formatting per row (the desk formats the date column)."""
	labels = {code: _(label) for code, label in ISSUES.items()}
	order = {code: i for i, code in enumerate(ISSUES)}
	rows = []
	found = simple_checks(filters, as_of) if filters.get("issue") != "likely_duplicate" else {}
	if filters.get("issue") in (None, "", "likely_duplicate"):
		found["likely_duplicate"] = likely_duplicates(filters, as_of)
	for code, records in found.items():
		if filters.get("issue") and filters.issue != code:
			continue
		for record in records:
			rows.append(
				{
					"participant": record["name"],
					"full_name": record["full_name"],
					"issue_code": code,
					"issue": labels[code],
					"detail": record.get("detail"),
					"date": record.get("day"),
					"responsible_counsellor": record["responsible_counsellor"],
					"programme_area": record["programme_area"],
					"entry_date": record["entry_date"],
				}
			)
	rows.sort(key=lambda r: (r["responsible_counsellor"] or "", order[r["issue_code"]], r["participant"]))
	return rows


def base(filters, person: bool = True):
	p = frappe.qb.DocType("Participant")
	query = frappe.qb.from_(p)
	if person:
		query = query.select(*(p[f] for f in PERSON))
	if filters.get("programme_area"):
		query = query.where(p.programme_area == filters.programme_area)
	if filters.get("responsible_counsellor"):
		query = query.where(p.responsible_counsellor == filters.responsible_counsellor)
	if not sees_restricted(None):  # restricted by a data subject request (Art. 18): only the DPO sees it
		query = query.where(p.restricted == 0)
	return p, query


def simple_checks(filters, as_of: date) -> dict[str, list[dict]]:
	"""Every check but the duplicates in one scan: a flag per check, a row for each record with any flag."""
	p, query = base(filters)
	area = frappe.qb.DocType("Postcode Area")
	age = TimestampDiff(p.date_of_birth, p.entry_date)
	no_state = (p.exit_status.isnull() | (p.exit_status == "")) & (p.exit_qualification == 0)
	has_state = p.exit_status.isnotnull() & (p.exit_status != "")
	# code -> (condition, detail, day)
	checks = {
		"entry_missing": (p.esf_complete == 0, p.esf_missing, None),
		"entry_late": (
			p.esf_entry_recorded_on > p.entry_date + Interval(days=DUE_DAYS),
			None,
			p.esf_entry_recorded_on,
		),
		"exit_missing": ((p.exit_date + Interval(days=DUE_DAYS) < as_of) & no_state, None, p.exit_date),
		"follow_up_overdue": (
			(p.follow_up_due < as_of) & p.follow_up_done_on.isnull(),
			None,
			p.follow_up_due,
		),
		"status_without_exit": (has_state & p.exit_date.isnull(), p.exit_status, None),
		"under_18": (age < ADULT_AGE, age, None),
		"outside_area": (p.postcode.isnotnull() & (p.postcode != "") & area.name.isnull(), p.postcode, None),
	}
	# one bit per check: fewer columns to read back than one flag each
	bits = None
	for i, (condition, _detail, _day) in enumerate(checks.values()):
		term = Case().when(condition, 1 << i).else_(0)
		bits = term if bits is None else bits + term
	# a detail or date only where its check holds: most are NULL, which the driver reads for nothing
	values, columns = [], []
	for code, (condition, detail, day) in checks.items():
		for kind, term in (("detail", detail), ("day", day)):
			if term is not None:
				values.append(Case().when(condition, term))
				columns.append((code, kind))
	any_issue = None
	for condition, _detail, _day in checks.values():
		any_issue = condition if any_issue is None else any_issue | condition
	# plain tuples: a dict per row costs more than the query
	rows = query.left_join(area).on(area.postcode == p.postcode).select(bits, *values).where(any_issue).run()
	width = len(PERSON)
	position = {column: width + 1 + i for i, column in enumerate(columns)}
	found: dict[str, list[dict]] = {code: [] for code in checks}
	for row in rows:
		bits_of_row = row[width]
		for i, code in enumerate(checks):
			if bits_of_row & (1 << i):
				detail, day = position.get((code, "detail")), position.get((code, "day"))
				found[code].append(
					{
						**dict(zip(PERSON, row[:width], strict=True)),
						"detail": None if detail is None else row[detail],
						"day": None if day is None else row[day],
					}
				)
	return found


def birthday_key(p) -> tuple:
	"""Year, smaller and larger of day and month: equal for equal or swapped dates of birth."""
	born = p.date_of_birth
	return Year(born), Least(Month(born), Day(born)), Greatest(Month(born), Day(born))


FIELD_SEP, RECORD_SEP = "\x1f", "\x1e"  # ASCII unit and record separators: no name holds them
MEMBER = ("name", "first_name", "last_name", "postcode", "date_of_birth")


class GroupConcat(Function):
	"""MariaDB ``GROUP_CONCAT(term SEPARATOR sep)``."""

	def __init__(self, term, separator: str):
		super().__init__("GROUP_CONCAT", term)
		self.separator = separator

	def get_special_params_sql(self, **kwargs):
		return f"SEPARATOR {ValueWrapper(self.separator).get_sql(**kwargs)}"


def likely_duplicates(filters, as_of):
	"""Pairs scored by the intake rule among records sharing a (possibly swapped) date of birth.

	The database forms the blocks and sends one row per block with its members packed in one text: reading
	rows is what costs (the Python driver decodes them column by column), and a block has about three
	members. The name similarity of all pairs is computed in one call (``likely_pairs_in_blocks``).
	"""
	pairs = [
		(a["name"], b["name"], m.score) for a, b, m in likely_pairs_in_blocks(date_of_birth_blocks(filters))
	]
	if not pairs:
		return []
	# the person's columns only for the few records found
	p = frappe.qb.DocType("Participant")
	names = {name for a, b, _score in pairs for name in (a, b)}
	people = {r.name: r for r in base(filters)[1].where(p.name.isin(list(names))).run(as_dict=True)}
	found = []
	for a, b, score in pairs:
		found.append({**people[a], "detail": f"{b} ({score})"})
		found.append({**people[b], "detail": f"{a} ({score})"})
	return found


def date_of_birth_blocks(filters) -> list[list[dict]]:
	"""The records (name, names, postcode, date of birth) of each date-of-birth block of two or more."""
	p, query = base(filters, person=False)
	inner = frappe.qb.DocType("Participant")
	year, low, high = birthday_key(inner)
	shared = (
		frappe.qb.from_(inner)
		.select(year.as_("y"), low.as_("a"), high.as_("b"))
		.where(inner.date_of_birth.isnotnull())
		.groupby(year, low, high)
		.having(Count("*") > 1)
	).as_("shared")
	p_year, p_low, p_high = birthday_key(p)
	packed = Concat_ws(FIELD_SEP, *(IfNull(p[field], "") for field in MEMBER))
	rows = (
		query.join(shared)
		.on((p_year == shared.y) & (p_low == shared.a) & (p_high == shared.b))
		.select(shared.y, shared.a, shared.b, Count("*"), GroupConcat(packed, RECORD_SEP))
		.groupby(shared.y, shared.a, shared.b)
		.run()
	)
	blocks = []
	for y, a, b, count, members in rows:
		records = unpack(members, count)
		if records is None:  # cut off at group_concat_max_len, or a separator in a name: row by row
			key = (p_year == y) & (p_low == a) & (p_high == b)
			records = (
				base(filters, person=False)[1].select(*(p[f] for f in MEMBER)).where(key).run(as_dict=True)
			)
		blocks.append(records)
	return blocks


def unpack(members: str | None, count: int) -> list[dict] | None:
	"""The members of one block from its packed text; ``None`` when it cannot be read back whole."""
	records = [record.split(FIELD_SEP) for record in (members or "").split(RECORD_SEP)]
	if len(records) != count or any(len(values) != len(MEMBER) for values in records):
		return None
	try:
		return [
			{
				"name": name,
				"first_name": first or None,
				"last_name": last or None,
				"postcode": postcode or None,
				"date_of_birth": date.fromisoformat(born),
			}
			for name, first, last, postcode, born in records
		]
	except ValueError:
		return None


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
		{"fieldname": "date", "label": _("Date"), "fieldtype": "Date", "width": 100},
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
	filters = frappe._dict()
	found = simple_checks(filters, getdate(today()))
	found["likely_duplicate"] = likely_duplicates(filters, None)
	return len({record["name"] for records in found.values() for record in records})


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
