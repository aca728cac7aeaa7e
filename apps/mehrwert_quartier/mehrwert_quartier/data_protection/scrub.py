"""Where Frappe keeps copies of a record: history, comments, mails, ToDos, logs, search index, deleted records.

Used by anonymise.py. Deletions go straight to the database (no Deleted Document of what is removed); rows of
logs that only mention a person are redacted in place.
"""

import json
import re

import frappe
from frappe.query_builder import Criterion

from mehrwert_quartier.rules.identifiers import Person, redact

# DocType -> (field naming the DocType, field naming the record) of rows that belong to a document
BELONGS_TO = {
	"Version": ("ref_doctype", "docname"),
	"Comment": ("reference_doctype", "reference_name"),
	"Communication": ("reference_doctype", "reference_name"),
	"ToDo": ("reference_type", "reference_name"),
	"Activity Log": ("reference_doctype", "reference_name"),
	"View Log": ("reference_doctype", "reference_name"),
	"Notification Log": ("document_type", "document_name"),
	"Email Queue": ("reference_doctype", "reference_name"),
	"Document Follow": ("ref_doctype", "ref_docname"),
	"DocShare": ("share_doctype", "share_name"),
	"Deleted Document": ("deleted_doctype", "deleted_name"),
}
# logs searched for a person's identifiers after the targeted deletions; rows found are redacted
SWEPT = (
	"Comment",
	"Communication",
	"Version",
	"Activity Log",
	"Error Log",
	"Notification Log",
	"Email Queue",
	"ToDo",
	"Scheduled Job Log",
	"Access Log",
	"Route History",
	"Data Import Log",
	"Integration Request",
	"Prepared Report",
	"Personal Data Access",
)
TEXT_TYPES = {
	"Data",
	"Small Text",
	"Text",
	"Long Text",
	"Code",
	"Text Editor",
	"HTML Editor",
	"Markdown Editor",
	"JSON",
	"Dynamic Link",
	"Read Only",
}
# tables without a DocType: (table, key columns, text columns)
RAW_TABLES = (("__global_search", ("doctype", "name"), ("content", "title")),)


def merged_duplicates(participant: str) -> list[str]:
	"""Participants merged into this one: their names stand in the merge comments of the record."""
	words = set()
	for content in frappe.get_all(
		"Comment",
		filters={"reference_doctype": "Participant", "reference_name": participant},
		pluck="content",
	):
		words.update(re.findall(r"[\w-]+", re.sub(r"<[^>]+>", " ", content or "")))
	if not words:
		return []
	return frappe.get_all(
		"Deleted Document",
		filters={"deleted_doctype": "Participant", "deleted_name": ("in", sorted(words))},
		pluck="deleted_name",
	)


def deleted_participant_data(names: list[str]) -> list[dict]:
	if not names:
		return []
	rows = frappe.get_all(
		"Deleted Document",
		filters={"deleted_doctype": "Participant", "deleted_name": ("in", names)},
		pluck="data",
	)
	return [json.loads(data) for data in rows if data]


def delete_deleted_documents(doctype: str, names: list[str]) -> None:
	if names:
		frappe.db.delete("Deleted Document", {"deleted_doctype": doctype, "deleted_name": ("in", names)})


def by_doctype(documents: list[tuple[str, str]]) -> dict[str, list[str]]:
	grouped: dict[str, list[str]] = {}
	for doctype, name in documents:
		grouped.setdefault(doctype, []).append(name)
	return grouped


def delete_attachments(documents: list[tuple[str, str]]) -> int:
	"""Files attached to the documents, from the disk too (when no other File row points at them)."""
	count = 0
	for doctype, names in by_doctype(documents).items():
		for file in frappe.get_all(
			"File", filters={"attached_to_doctype": doctype, "attached_to_name": ("in", names)}, pluck="name"
		):
			frappe.delete_doc("File", file, ignore_permissions=True, force=True, delete_permanently=True)
			count += 1
	return count


def delete_history(documents: list[tuple[str, str]]) -> int:
	"""Versions, comments, mails, ToDos, logs, shares of the documents."""
	count = 0
	grouped = by_doctype(documents)
	mails = [
		row.parent
		for doctype, names in grouped.items()
		for row in frappe.get_all(
			"Communication Link",
			filters={"link_doctype": doctype, "link_name": ("in", names)},
			fields=["parent"],
		)
	]
	for doctype, names in grouped.items():
		mails += frappe.get_all(
			"Communication",
			filters={"reference_doctype": doctype, "reference_name": ("in", names)},
			pluck="name",
		)
	if mails:
		count += delete_attachments([("Communication", m) for m in mails])
		frappe.db.delete("Communication Link", {"parent": ("in", mails)})
		frappe.db.delete("Communication", {"name": ("in", mails)})
		count += len(mails)
	for log, (type_field, name_field) in BELONGS_TO.items():
		if not frappe.db.table_exists(log):
			continue
		for doctype, names in grouped.items():
			filters = {type_field: doctype, name_field: ("in", names)}
			count += frappe.db.count(log, filters)
			frappe.db.delete(log, filters)
	return count


def delete_global_search(documents: list[tuple[str, str]]) -> None:
	for doctype, names in by_doctype(documents).items():
		frappe.db.delete("__global_search", {"doctype": doctype, "name": ("in", names)})


def like(term: str) -> str:
	return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def text_columns(doctype: str) -> list[str]:
	meta = frappe.get_meta(doctype)
	return [df.fieldname for df in meta.fields if df.fieldtype in TEXT_TYPES and not df.is_virtual]


def matching(table, columns: list[str], terms: list[str]):
	return Criterion.any([table[column].like(like(term)) for column in columns for term in terms])


def sweep(people: list[Person]) -> int:
	"""Log rows that still name a person: Deleted Documents are deleted, other rows redacted."""
	terms = sorted({t for p in people for t in p.search_terms()})
	if not terms:
		return 0
	count = 0
	deleted = frappe.qb.DocType("Deleted Document")
	count += len(
		frappe.qb.from_(deleted).select(deleted.name).where(matching(deleted, ["data"], terms)).run()
	)
	frappe.qb.from_(deleted).delete().where(matching(deleted, ["data"], terms)).run()
	for doctype in SWEPT:
		if not frappe.db.table_exists(doctype):
			continue
		columns = text_columns(doctype)
		if doctype == "Version":
			columns.append("data")
		count += redact_rows(frappe.qb.DocType(doctype), ("name",), columns, terms, people)
	for table_name, keys, columns in RAW_TABLES:
		count += redact_rows(frappe.qb.Table(table_name), keys, list(columns), terms, people)
	return count


def redact_rows(table, keys: tuple[str, ...], columns: list[str], terms: list[str], people) -> int:
	columns = sorted(set(columns))
	rows = (
		frappe.qb.from_(table)
		.select(*(table[k] for k in keys), *(table[c] for c in columns))
		.where(matching(table, columns, terms))
		.run(as_dict=True)
	)
	for row in rows:
		values = {c: redact(row[c], people) for c in columns if isinstance(row[c], str)}
		query = frappe.qb.update(table)
		for column, value in values.items():
			query = query.set(table[column], value)
		for key in keys:
			query = query.where(table[key] == row[key])
		query.run()
	return len(rows)
