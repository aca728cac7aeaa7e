"""Everything held about one participant (GDPR Art. 15): the record, every linked record, the data subject
requests, their history, comments, mails, ToDos, files and access log entries. One action writes it twice: a
workbook (through the safe writer) and a printable summary (PDF, ``access_summary.py``), both kept as private
files, the action logged as an *Access export*."""

import json
from dataclasses import dataclass, field

import frappe
from frappe import _
from frappe.utils import now_datetime

from mehrwert_quartier.data_protection.access_log import log_access
from mehrwert_quartier.data_protection.restriction import LINKED
from mehrwert_quartier.partner_exchange.xlsx import write_sheets

SKIPPED = {"doctype", "docstatus", "idx", "parent", "parentfield", "parenttype"}
# records of the person besides the linked ones (field ``participant``)
OWN = (*LINKED, "Data Subject Request")


@dataclass
class Section:
	"""Records of one DocType: one sheet of the workbook, one chapter of the summary."""

	doctype: str
	records: list[dict]
	fields: list[str] = field(default_factory=list)  # the columns; default: every field of the first record
	history: bool = False  # a log about the records (Version, Comment, …): a table, not a form

	def __post_init__(self):
		self.fields = self.fields or [f for f in self.records[0] if f not in SKIPPED]

	@property
	def title(self) -> str:
		return _(self.doctype)

	def labels(self) -> list[str]:
		if self.history:
			return list(self.fields)
		meta = frappe.get_meta(self.doctype)
		return [_(meta.get_label(f)) if meta.get_field(f) else f for f in self.fields]

	def rows(self) -> list[list]:
		"""The sheet: header and one row per record."""
		return [self.labels()] + [[plain(r.get(f)) for f in self.fields] for r in self.records]


def plain(value):
	if isinstance(value, (list, dict)):
		return json.dumps(value, ensure_ascii=False, default=str)
	if value is None or isinstance(value, (int, float)):
		return value
	return str(value)


def gather(participant: str) -> list[Section]:
	"""The participant's record, every record of theirs with its child rows, then the logs about them all."""
	documents: list[tuple[str, str]] = []
	sections: list[Section] = []
	for doctype in ("Participant", *OWN):
		if not frappe.db.table_exists(doctype):
			continue
		names = (
			[participant]
			if doctype == "Participant"
			else frappe.get_all(doctype, {"participant": participant}, pluck="name", order_by="creation asc")
		)
		docs = [frappe.get_doc(doctype, n).as_dict() for n in names]
		documents += [(doctype, d.name) for d in docs]
		children: dict[str, list[dict]] = {}
		for doc in docs:
			for key in [k for k, v in doc.items() if isinstance(v, list)]:
				for row in doc.pop(key):
					children.setdefault(row.get("doctype") or doctype, []).append({"parent": doc.name, **row})
		if docs:
			sections.append(Section(doctype, docs))
		for child, rows in children.items():
			sections.append(Section(child, rows, ["parent", *(f for f in rows[0] if f not in SKIPPED)]))
	for log, (type_field, name_field), fields in HISTORY:
		found = []
		for doctype, name in documents:
			found += frappe.get_all(
				log, filters={type_field: doctype, name_field: name}, fields=fields, order_by="creation asc"
			)
		if found:
			sections.append(Section(log, found, fields, history=True))
	return sections


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
		"ToDo",
		("reference_type", "reference_name"),
		["reference_type", "reference_name", "allocated_to", "status", "date", "creation", "description"],
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


def collect(participant: str) -> list[tuple[str, list[list]]]:
	"""(sheet title, rows) for the participant and everything linked to it."""
	return [(s.title[:31], s.rows()) for s in gather(participant)]


def build(participant: str) -> bytes:
	return write_sheets(collect(participant))


@frappe.whitelist(methods=["POST"])
def export_participant(participant: str) -> dict[str, str]:
	"""The access export (workbook and printable summary) as private files attached to the participant;
	their URLs. DPO only."""
	if not {"Data Protection Officer", "System Manager"} & set(frappe.get_roles()):
		frappe.throw(_("Not permitted"), frappe.PermissionError)  # not frappe.only_for: it lets tests pass
	frappe.has_permission("Participant", "read", participant, throw=True)
	return save(participant, "Participant", participant)


def save(participant: str, doctype: str, name: str) -> dict[str, str]:
	from mehrwert_quartier.data_protection.access_summary import render_pdf

	sections = gather(participant)
	stamp = f"{now_datetime():%Y%m%d%H%M%S}"
	workbook = write_sheets([(s.title[:31], s.rows()) for s in sections])
	urls = {
		"workbook": attach(f"auskunft-{participant}-{stamp}.xlsx", workbook, doctype, name),
		"summary": attach(
			f"auskunft-{participant}-{stamp}.pdf", render_pdf(participant, sections), doctype, name
		),
	}
	log_access("Participant", participant, "Access export", participant=participant)
	return urls


def attach(file_name: str, content: bytes, doctype: str, name: str) -> str:
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name,
			"content": content,
			"attached_to_doctype": doctype,
			"attached_to_name": name,
			"is_private": 1,
		}
	).insert(ignore_permissions=True)
	return file.file_url


def attach_export(request) -> None:
	"""A data subject request of type Access: the workbook and the summary attached to the request."""
	urls = save(request.participant, request.doctype, request.name)
	request.db_set({"access_export": urls["workbook"], "access_summary": urls["summary"]})
