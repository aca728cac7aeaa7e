"""Validate and import the rows of an Import Batch: links, existing records by natural key, the DocType's own
rules (each row is inserted or saved inside a savepoint, then rolled back on a dry run), upsert on commit.
"""

from dataclasses import dataclass, field

import frappe
from frappe import _
from frappe.utils import cint, flt, getdate, strip_html

from mehrwert_quartier.partner_exchange.messages import bilingual
from mehrwert_quartier.partner_exchange.rows import Inspection, Row
from mehrwert_quartier.partner_exchange.spec import NUMBER_TYPES, FieldSpec

PROGRESS_EVERY = 100
COMMIT_EVERY = 500


@dataclass
class Outcome:
	counts: dict[str, int] = field(
		default_factory=lambda: dict.fromkeys(("new", "update", "unchanged", "error"), 0)
	)
	changes: list[dict] = field(default_factory=list)  # per row: row, action, name, changes


def process(
	inspection: Inspection,
	doctype: str,
	key: list[str],
	write: bool,
	progress=None,
	partial=False,
	as_system=False,
):
	"""Check every row against the database; with ``write`` keep the rows that pass.

	``partial``: commit every few hundred rows (valid rows only), so that a retry after a dead worker finds the
	rows already written by their natural key and neither duplicates nor loses any.
	``as_system``: save without the user's permissions (partner batches, checked in ``partners.py``)."""
	specs = {s.fieldname: s for s in inspection.match.columns.values()}
	outcome = Outcome()
	links = LinkCache()
	for index, row in enumerate(inspection.rows, start=1):
		if not row.errors:
			check_links(row, specs, links)
		action, name, changes = ("error", None, {})
		if not row.errors:
			queued = len(getattr(frappe.local, "_realtime_log", ()))
			action, name, changes = apply_row(row, doctype, key, specs, write, as_system)
			drop_record_events(doctype, queued)
		outcome.counts[action] += 1
		entry = {"row": row.number, "action": action, "name": name, "changes": changes}
		if row.errors:
			entry["errors"] = [message for _column, message in row.errors]
		outcome.changes.append(entry)
		if partial and write and index % COMMIT_EVERY == 0:
			frappe.db.commit()  # nosemgrep: resumable import, see docstring
		if progress and index % PROGRESS_EVERY == 0:
			progress(index, len(inspection.rows))
	return outcome


def apply_row(
	row: Row, doctype: str, key: list[str], specs: dict[str, FieldSpec], write: bool, as_system=False
):
	existing = find_existing(row, doctype, key)
	if existing is False:
		return "error", None, {}
	doc = frappe.get_doc(doctype, existing) if existing else frappe.new_doc(doctype)
	changes = diff(doc, row.values, specs)
	if existing and not changes:
		return "unchanged", existing, {}
	for fieldname, value in row.values.items():
		spec = specs[fieldname]
		if spec.fieldtype == "Table MultiSelect":
			doc.set(fieldname, [{spec.child_field: v} for v in value])
		else:
			doc.set(fieldname, value)
	doc.flags.ignore_permissions = as_system
	frappe.db.savepoint("mq_import_row")
	try:
		doc.save() if existing else doc.insert()
	except Exception as e:
		frappe.db.rollback(save_point="mq_import_row")
		row.add_error(None, bilingual("rule", message=error_text(e)))
		return "error", existing, changes
	finally:
		frappe.clear_messages()
	if write:
		frappe.db.release_savepoint("mq_import_row")
	else:
		frappe.db.rollback(save_point="mq_import_row")
	return ("update" if existing else "new"), doc.name if write or existing else None, changes


def find_existing(row: Row, doctype: str, key: list[str]):
	"""The name of the record with the row's natural key, None for a new record, False when ambiguous."""
	values = [row.values.get(f) for f in key]
	if any(v is None or v == "" for v in values):
		names = frappe.get_all(doctype, filters=dict(zip(key, values, strict=True)), pluck="name", limit=2)
	else:
		names = key_lookup(doctype, key, values)
	if len(names) > 1:
		row.add_error(key[0], bilingual("rule", message=_("More than one record has this key")))
		return False
	return names[0] if names else None


def drop_record_events(doctype: str, queued: int):
	"""Drop the desk events of the row's record from the queue Frappe sends after the commit.

	Every save queues a ``doc_update`` and a ``list_update`` event and first compares it with the whole queue:
	thousands of rows in one transaction made that quadratic (and a dry run announced records it rolled back)."""
	events = getattr(frappe.local, "_realtime_log", None)
	if events:
		events[queued:] = [
			e
			for e in events[queued:]
			if not (e[0] in ("doc_update", "list_update") and (e[1] or {}).get("doctype") == doctype)
		]


def key_lookup(doctype: str, key: list[str], values: list) -> list[str]:
	"""What ``frappe.get_all(doctype, filters=key = values, limit=2)`` finds, as one plain query: this runs for
	every row, and get_all builds its query in Python each time (the key's fieldnames come from hooks.py)."""
	conditions = " and ".join(f"`{fieldname}` = %s" for fieldname in key)
	query = f"select name from `tab{doctype}` where {conditions} limit 2"  # nosemgrep
	return frappe.db.sql_list(query, values)


def diff(doc, values: dict, specs: dict[str, FieldSpec]) -> dict:
	changes = {}
	for fieldname, new in values.items():
		spec = specs[fieldname]
		old = doc.get(fieldname)
		if spec.fieldtype == "Table MultiSelect":
			old = sorted(r.get(spec.child_field) for r in old or [])
			same = old == new
		elif spec.fieldtype == "Date":
			old = str(getdate(old)) if old else None
			same = old == new
		elif spec.fieldtype in NUMBER_TYPES:
			same = old is not None and flt(old) == flt(new)
		elif spec.fieldtype in ("Int", "Check"):
			same = old is not None and cint(old) == cint(new)
		else:
			same = (old or "") == (new or "")
		if not same:
			changes[fieldname] = [old, new]
	return changes


def check_links(row: Row, specs: dict[str, FieldSpec], links: "LinkCache"):
	for fieldname, value in row.values.items():
		spec = specs[fieldname]
		if not spec.link:
			continue
		for item in value if isinstance(value, list) else [value]:
			if not links.exists(spec.link, item):
				row.add_error(fieldname, bilingual("bad_link", value=item, target=_(spec.link, lang="de")))


class LinkCache:
	def __init__(self):
		self.known: dict[tuple[str, str], bool] = {}

	def exists(self, doctype: str, name: str) -> bool:
		if (doctype, name) not in self.known:
			self.known[(doctype, name)] = bool(frappe.db.exists(doctype, name))
		return self.known[(doctype, name)]


def error_text(error: Exception) -> str:
	text = strip_html(str(error)).strip()
	if isinstance(error, frappe.DuplicateEntryError) or not text:
		return _("The record could not be saved ({0})").format(type(error).__name__)
	return text
