"""Everything held about one participant, in one workbook (GDPR Art. 15): the record, every linked record,
their history, comments, mails, files and access log entries. Written through the safe writer."""

import json

import frappe
from frappe import _
from frappe.utils import now_datetime

from mehrwert_quartier.data_protection.access_log import log_access
from mehrwert_quartier.data_protection.restriction import LINKED
from mehrwert_quartier.partner_exchange.xlsx import write_sheets

SKIPPED = {"doctype", "docstatus", "idx", "parent", "parentfield", "parenttype"}


def rows_of(doctype: str, records: list[dict]) -> list[list]:
	"""A sheet: one row per record, the fields as columns (labels in the header)."""
	if not records:
		return []
	meta = frappe.get_meta(doctype)
	fields = [f for f in records[0] if f not in SKIPPED]
	header = [_(meta.get_label(f)) if meta.get_field(f) else f for f in fields]
	return [header] + [[plain(r.get(f)) for f in fields] for r in records]


def plain(value):
	if isinstance(value, (list, dict)):
		return json.dumps(value, ensure_ascii=False, default=str)
	if value is None or isinstance(value, (int, float)):
		return value
	return str(value)


def collect(participant: str) -> list[tuple[str, list[list]]]:
	"""(sheet title, rows) for the participant and everything linked to it."""
	documents = [("Participant", participant)]
	sheets = [
		(_("Participant"), rows_of("Participant", [frappe.get_doc("Participant", participant).as_dict()]))
	]
	for doctype in LINKED:
		docs = [
			frappe.get_doc(doctype, n).as_dict()
			for n in frappe.get_all(doctype, {"participant": participant}, pluck="name")
		]
		documents += [(doctype, d.name) for d in docs]
		children = []
		for doc in docs:
			for value in doc.values():
				if isinstance(value, list):
					children += [{"parent": doc.name, **row} for row in value]
			for key in [k for k, v in doc.items() if isinstance(v, list)]:
				doc.pop(key)
		if docs:
			sheets.append((_(doctype)[:31], rows_of(doctype, docs)))
		if children:
			sheets.append((f"{_(doctype)[:24]} ({_('rows')})"[:31], rows_of(doctype, children)))
	for log, (type_field, name_field), fields in HISTORY:
		found = []
		for doctype, name in documents:
			found += frappe.get_all(log, filters={type_field: doctype, name_field: name}, fields=fields)
		if found:
			sheets.append((_(log)[:31], [fields] + [[plain(r.get(f)) for f in fields] for r in found]))
	return [(title, rows) for title, rows in sheets if rows]


HISTORY = (
	("Version", ("ref_doctype", "docname"), ["ref_doctype", "docname", "owner", "creation", "data"]),
	(
		"Comment",
		("reference_doctype", "reference_name"),
		["reference_doctype", "reference_name", "comment_type", "owner", "creation", "content"],
	),
	(
		"Communication",
		("reference_doctype", "reference_name"),
		["reference_doctype", "reference_name", "sender", "recipients", "subject", "creation", "content"],
	),
	(
		"File",
		("attached_to_doctype", "attached_to_name"),
		["attached_to_doctype", "attached_to_name", "file_name", "file_url", "creation"],
	),
	(
		"Personal Data Access",
		("reference_doctype", "reference_name"),
		["reference_doctype", "reference_name", "user", "action", "route", "accessed_on"],
	),
)


def build(participant: str) -> bytes:
	return write_sheets(collect(participant))


@frappe.whitelist(methods=["POST"])
def export_participant(participant: str) -> str:
	"""The access export as a private file attached to the participant; the file URL. DPO only."""
	frappe.only_for(("Data Protection Officer", "System Manager"))
	frappe.has_permission("Participant", "read", participant, throw=True)
	return save(participant, "Participant", participant)


def save(participant: str, doctype: str, name: str) -> str:
	content = build(participant)
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"auskunft-{participant}-{now_datetime():%Y%m%d%H%M%S}.xlsx",
			"content": content,
			"attached_to_doctype": doctype,
			"attached_to_name": name,
			"is_private": 1,
		}
	).insert(ignore_permissions=True)
	log_access("Participant", participant, "Access export", participant=participant)
	return file.file_url


def attach_export(request) -> None:
	"""A data subject request of type Access: the export attached to the request."""
	request.db_set("access_export", save(request.participant, request.doctype, request.name))
