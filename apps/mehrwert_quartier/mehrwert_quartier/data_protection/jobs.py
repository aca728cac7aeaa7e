"""The daily retention job: what is past its retention date is anonymised or deleted, once the Data Protection
Officer switched it on (Programme Settings). ``due()`` is what the next run does (the preview report)."""

import frappe
from frappe import _
from frappe.utils import getdate, now_datetime, today

from mehrwert_quartier.data_protection.anonymise import anonymise_participants
from mehrwert_quartier.data_protection.retention import (
	SETTINGS,
	get_rules,
	reason_text,
	refresh_all_participants,
)
from mehrwert_quartier.rules.retention import ACCESS_LOG, IMPORT_FILE, record_retention

ACCESS_LOG_DOCTYPE = "Personal Data Access"


def daily() -> None:
	refresh_all_participants()
	if not frappe.db.get_single_value(SETTINGS, "anonymisation_enabled"):
		return
	summary = run()
	frappe.db.set_single_value(
		SETTINGS,
		{
			"last_run_on": now_datetime(),
			"last_run_summary": _(
				"{0} participants anonymised, {1} import batches emptied, {2} access log entries deleted"
			).format(summary["participants"], summary["batches"], summary["access_logs"]),
		},
	)
	frappe.db.commit()


def run(on=None) -> dict:
	plan = due(on)
	names = [row["record"] for row in plan if row["doctype"] == "Participant"]
	for start in range(0, len(names), 50):
		anonymise_participants(names[start : start + 50])
		frappe.db.commit()
	batches = [row["record"] for row in plan if row["doctype"] == "Import Batch"]
	for batch in batches:
		empty_batch(batch)
	logs = [row["record"] for row in plan if row["doctype"] == ACCESS_LOG_DOCTYPE]
	if logs:
		frappe.db.delete(ACCESS_LOG_DOCTYPE, {"name": ("in", logs)})
	return {"participants": len(names), "batches": len(batches), "access_logs": len(logs)}


def due(on=None) -> list[dict]:
	"""Every record the next run anonymises or deletes: doctype, record, kind, keep until, reason."""
	day = getdate(on or today())
	rows = [
		{
			"doctype": "Participant",
			"record": p.name,
			"kind": _("ESF participant") if p.entry_date else _("Walk-in contact"),
			"retention_until": p.retention_until,
			"reason": p.retention_reason,
		}
		for p in frappe.get_all(
			"Participant",
			filters={"anonymised": 0, "retention_until": ("<", day)},
			fields=["name", "entry_date", "retention_until", "retention_reason"],
			order_by="retention_until asc",
		)
	]
	rules = get_rules()
	for batch in frappe.get_all(
		"Import Batch",
		filters=[["import_file", "is", "set"]],
		fields=["name", "imported_on", "validated_on", "uploaded_on", "creation"],
	):
		ended = batch.imported_on or batch.validated_on or batch.uploaded_on or batch.creation
		retention = record_retention(IMPORT_FILE, getdate(ended), rules)
		if retention.due(day):
			rows.append(row_of("Import Batch", batch.name, IMPORT_FILE, retention))
	if frappe.db.table_exists(ACCESS_LOG_DOCTYPE):
		for log in frappe.get_all(ACCESS_LOG_DOCTYPE, fields=["name", "creation"], order_by="creation asc"):
			retention = record_retention(ACCESS_LOG, getdate(log.creation), rules)
			if not retention.due(day):
				break
			rows.append(row_of(ACCESS_LOG_DOCTYPE, log.name, ACCESS_LOG, retention))
	return rows


def row_of(doctype: str, name: str, kind: str, retention) -> dict:
	return {
		"doctype": doctype,
		"record": name,
		"kind": _(kind),
		"retention_until": retention.until,
		"reason": reason_text(retention),
	}


def empty_batch(name: str) -> None:
	"""An import batch past its period keeps its counts and status; the files and the row lists go."""
	batch = frappe.db.get_value("Import Batch", name, ["import_file", "error_report"], as_dict=True)
	for url in (batch.import_file, batch.error_report):
		for file in frappe.get_all("File", filters={"file_url": url}, pluck="name") if url else []:
			frappe.delete_doc("File", file, ignore_permissions=True, force=True, delete_permanently=True)
	frappe.db.set_value(
		"Import Batch",
		name,
		{"import_file": None, "error_report": None, "changes": None},
		update_modified=False,
	)
