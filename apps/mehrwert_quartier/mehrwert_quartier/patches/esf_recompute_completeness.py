"""ESF reporting (issue 13, docs/reports.md): recompute what every ESF figure reads from the participants.

Months of unemployment were an Int, which Frappe stores as NOT NULL DEFAULT 0: a blank read back as 0, and
the next save made the record complete. The field is now text, so unknown stays blank. Stored values:
- participants who are not unemployed: blank (the months apply only to the unemployed);
- unemployed with 0: blank (unknown). A stored 0 cannot be told apart from a blank that was read back as 0;
  the record drops out of the counts and the data-quality worklist asks the counsellor to confirm the months
  (a real "under one month" is typed in again as 0);
- unemployed with 1 or more: kept.
Results upon leaving: "Gained a qualification" was one choice of the state at exit; it now is a check beside
the state (the state stays blank: it was not recorded). The state refers to the exit date where no day is
given. Six months after leaving: "Improved labour market situation" becomes "Employed" (the kind of
improvement was never recorded, so it stays blank and EECR06 does not count it), "No improvement" becomes
"Not employed". Complete records get the day their entry data became complete from their creation.
Then completeness (sensitive answers may be blank, household situation is optional) and long-term
unemployment are derived again for every participant with the rules of ``rules/esf.py``.
"""

import frappe

from mehrwert_quartier.qs_arbeit.doctype.participant.participant import as_date, missing_labels
from mehrwert_quartier.rules.esf import (
	ENTRY_DATA_FIELDS,
	is_long_term_unemployed,
	missing_entry_fields,
	parse_months,
)


def execute():
	participant = frappe.qb.DocType("Participant")
	(
		frappe.qb.update(participant)
		.set(participant.unemployment_months, None)
		.where(
			(participant.labour_market_status.isnull())
			| (participant.labour_market_status != "Unemployed")
			| (participant.unemployment_months == "0")
			| (participant.unemployment_months == "")
		)
	).run()
	migrate_results(participant)
	fields = [
		"name",
		"esf_complete",
		"esf_missing",
		"esf_entry_recorded_on",
		"long_term_unemployed",
		*ENTRY_DATA_FIELDS,
	]
	for row in frappe.get_all("Participant", fields=fields, limit_page_length=0):
		recompute(row)


def migrate_results(participant) -> None:
	(
		frappe.qb.update(participant)
		.set(participant.exit_qualification, 1)
		.set(participant.exit_status, None)
		.where(participant.exit_status == "Gained a qualification")
	).run()
	(
		frappe.qb.update(participant)
		.set(participant.exit_status_on, participant.exit_date)
		.where(participant.exit_status.isnotnull() & (participant.exit_status != ""))
		.where(participant.exit_status_on.isnull())
	).run()
	for old, new in (("Improved labour market situation", "Employed"), ("No improvement", "Not employed")):
		(
			frappe.qb.update(participant)
			.set(participant.follow_up_result, new)
			.where(participant.follow_up_result == old)
		).run()
	(
		frappe.qb.update(participant)
		.set(participant.esf_entry_recorded_on, frappe.query_builder.functions.Date(participant.creation))
		.where(participant.esf_entry_recorded_on.isnull())
	).run()


def recompute(row: dict) -> None:
	data = {field: row.get(field) for field in ENTRY_DATA_FIELDS}
	for field in ("entry_date", "date_of_birth", "exit_date", "exit_status_on"):
		data[field] = as_date(data[field])
	try:
		months = parse_months(data["unemployment_months"])
	except ValueError:
		months = None
	data["unemployment_months"] = months
	missing = missing_entry_fields(data)
	values = {
		"unemployment_months": None if months is None else str(months),
		"esf_complete": int(not missing),
		"esf_missing": missing_labels(tuple(missing)) or None,
		"esf_entry_recorded_on": row.get("esf_entry_recorded_on") if not missing else None,
		"long_term_unemployed": int(is_long_term_unemployed(data["labour_market_status"], months)),
	}
	changed = {k: v for k, v in values.items() if (row.get(k) or None) != (v or None)}
	if changed:
		frappe.db.set_value("Participant", row["name"], changed, update_modified=False)
