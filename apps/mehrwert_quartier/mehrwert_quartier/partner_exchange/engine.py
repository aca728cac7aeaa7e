"""Validate and import the rows of an Import Batch: links, existing records by natural key, the DocType's own
rules, upsert on commit, chunk by chunk. New records of a ``bulk_insert`` DocType go through
:class:`~mehrwert_quartier.partner_exchange.bulk.BulkInserter`, everything else record by record inside a
savepoint. A dry run does all of it and then rolls back.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

import frappe
from frappe import _
from frappe.utils import cint, flt, get_datetime, getdate, global_search, strip_html

from mehrwert_quartier.partner_exchange.bulk import BulkInserter
from mehrwert_quartier.partner_exchange.keys import current_values, existing_names
from mehrwert_quartier.partner_exchange.lookups import Finder, resolve_links
from mehrwert_quartier.partner_exchange.messages import bilingual
from mehrwert_quartier.partner_exchange.meta_memo import fields_remembered
from mehrwert_quartier.partner_exchange.overrides import overridden
from mehrwert_quartier.partner_exchange.registry import get_config
from mehrwert_quartier.partner_exchange.rows import Inspection, Row
from mehrwert_quartier.partner_exchange.scope import PartnerScope
from mehrwert_quartier.partner_exchange.spec import NUMBER_TYPES, FieldSpec

CHUNK_ROWS = 500  # rows checked, written (and with ``partial`` committed) together
PREVIEW_ROWS = 500  # per-row changes kept for the batch's preview


@dataclass
class Outcome:
	counts: dict[str, int] = field(
		default_factory=lambda: dict.fromkeys(("new", "update", "unchanged", "error"), 0)
	)
	# the first PREVIEW_ROWS rows: row, action, name, changes
	changes: list[dict] = field(default_factory=list)

	def record(self, row: Row, action: str, name: str | None, changes: dict):
		self.counts[action] += 1
		if len(self.changes) >= PREVIEW_ROWS:
			return
		entry = {"row": row.number, "action": action, "name": name, "changes": changes}
		if row.errors:
			entry["errors"] = [message for _column, message in row.errors]
		self.changes.append(entry)


@dataclass
class Job:
	doctype: str
	key: list[str]
	specs: dict[str, FieldSpec]
	write: bool
	partial: bool
	as_system: bool
	bulk: bool
	links: "LinkCache" = field(default_factory=lambda: LinkCache())
	lookups: dict[str, FieldSpec] = field(default_factory=dict)  # the Link fields, with lookup columns
	seen: dict = field(default_factory=dict)  # natural key -> row number, after the links are found by name

	def __post_init__(self):
		if self.as_system:  # a partner's batch: links only inside the partner's organisation
			self.links = LinkCache(PartnerScope())


def process(
	inspection: Inspection,
	doctype: str,
	key: list[str],
	write: bool,
	progress=None,
	partial=False,
	as_system=False,
	bulk: bool | None = None,
):
	"""Check every row against the database; with ``write`` keep the rows that pass.

	``partial``: commit after every chunk (valid rows only), so that a retry after a dead worker finds the
	rows already written by their natural key and neither duplicates nor loses any.
	``as_system``: save without the user's permissions (partner batches, checked in ``partners.py``).
	``bulk``: new records through :class:`BulkInserter` (default: the DocType's ``bulk_insert`` setting)."""
	job = Job(
		doctype=doctype,
		key=key,
		specs=inspection.used_specs()
		if inspection.field_specs
		else {s.fieldname: s for s in inspection.match.columns.values()},
		write=write,
		partial=partial and write,
		as_system=as_system,
		bulk=uses_bulk_insert(doctype) if bulk is None else bulk,
	)
	outcome = Outcome()
	rows = inspection.rows
	if not write:
		frappe.db.savepoint("mq_import_dry_run")
	with fields_remembered(doctype), search_queue_unless(write):
		for start in range(0, len(rows), CHUNK_ROWS):
			for row, action, name, changes in run_chunk(rows[start : start + CHUNK_ROWS], job):
				outcome.record(row, action, name, changes)
			if job.partial:
				frappe.db.commit()  # nosemgrep: resumable import, see docstring
			if progress:
				progress(min(start + CHUNK_ROWS, len(rows)), len(rows))
	if not write:
		frappe.db.rollback(save_point="mq_import_dry_run")
	return outcome


def run_chunk(chunk: list[Row], job: Job) -> list[tuple]:
	"""The chunk in bulk; when writing it fails (a duplicate only the database sees, an error after the
	INSERT) the chunk again, record by record, to find and keep out the rows."""
	if job.bulk:
		earlier = [list(row.errors) for row in chunk]
		frappe.db.savepoint("mq_import_chunk")
		inserter = BulkInserter(job.doctype, job.as_system, job.write)
		try:
			return apply_chunk(chunk, job, inserter)
		except Exception:
			frappe.clear_messages()
		frappe.db.rollback(save_point="mq_import_chunk")
		for row, errors in zip(chunk, earlier, strict=True):
			row.errors = errors
	return apply_chunk(chunk, job, None)


def apply_chunk(chunk: list[Row], job: Job, inserter: BulkInserter | None) -> list[tuple]:
	for row in chunk:
		if not row.errors:
			resolve_links(row, job.specs, job.links)
		if not row.errors:
			check_links(row, job.specs, job.links)
		if not row.errors and any(row.extra.get(f) for f in job.key):
			check_duplicate(row, job)
	matches = existing_names(job.doctype, job.key, [row for row in chunk if not row.errors])
	found = [names[0] for names in matches.values() if len(names) == 1]
	current = current_values(job.doctype, found, job.specs) if found else {}
	results, prepared = [], []
	for row in chunk:
		names = matches.get(row.number, [])
		if len(names) > 1:
			row.add_error(job.key[0], bilingual("rule", message=_("More than one record has this key")))
		if row.errors:
			results.append((row, "error", None, {}))
		elif names:
			results.append((row, *update_row(row, names[0], current[names[0]], job)))
		elif inserter is None:
			results.append((row, *save_row(row, new_record(row, job), {}, job, existing=False)))
		else:
			doc = new_record(row, job)
			try:
				inserter.prepare(doc, isolated=job.partial)
			except Exception as e:
				row.add_error(None, bilingual("rule", message=error_text(e)))
			finally:
				frappe.clear_messages()
			results.append((row, "error" if row.errors else "new", None, diff({}, row.values, job.specs)))
			prepared.append((len(results) - 1, doc))
	if inserter:
		inserter.flush()
		frappe.clear_messages()
		for index, doc in prepared:
			row, action, _name, changes = results[index]
			if action == "new" and job.write:
				results[index] = (row, action, doc.name, changes)
	return results


@contextmanager
def search_queue_unless(write: bool):
	"""A dry run is rolled back, but Redis is not: records saved in it must not reach the global search."""
	if write:
		yield
		return
	with overridden(global_search, "sync_value_in_queue", lambda value: None):
		yield


def new_record(row: Row, job: Job):
	"""A new Document with the row's values; ``insert`` fills in the defaults (``_set_defaults``)."""
	return set_values(frappe.get_doc({"doctype": job.doctype}), row, job.specs)


def set_values(doc, row: Row, specs: dict[str, FieldSpec]):
	for fieldname, value in row.values.items():
		spec = specs[fieldname]
		if spec.fieldtype == "Table MultiSelect":
			doc.set(fieldname, [{spec.child_field: v} for v in value])
		else:
			doc.set(fieldname, value)
	return doc


def update_row(row: Row, name: str, current: dict, job: Job):
	changes = diff(current, row.values, job.specs)
	if not changes:
		return "unchanged", name, {}
	doc = set_values(frappe.get_doc(job.doctype, name), row, job.specs)
	return save_row(row, doc, changes, job, existing=True)


def save_row(row: Row, doc, changes: dict, job: Job, existing: bool):
	"""One record, inserted or saved inside a savepoint: a broken rule becomes the row's error."""
	changes = changes or diff({}, row.values, job.specs)
	doc.flags.ignore_permissions = job.as_system
	queued = len(getattr(frappe.local, "_realtime_log", ()))
	frappe.db.savepoint("mq_import_row")
	try:
		doc.save() if existing else doc.insert()
	except Exception as e:
		frappe.db.rollback(save_point="mq_import_row")
		# a partner never learns the stored state of a record it may not read from the message
		hidden = existing and job.as_system
		row.add_error(None, bilingual("rule_hidden") if hidden else bilingual("rule", message=error_text(e)))
		return "error", doc.name if existing else None, changes
	finally:
		frappe.clear_messages()
		drop_record_events(job.doctype, queued)
	frappe.db.release_savepoint("mq_import_row")
	return ("update" if existing else "new"), doc.name if job.write or existing else None, changes


def uses_bulk_insert(doctype: str) -> bool:
	return bool(get_config(doctype).get("bulk_insert"))


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


def diff(record, values: dict, specs: dict[str, FieldSpec]) -> dict:
	"""{fieldname: [stored, imported]} for the values that differ (``record``: a Document or a dict)."""
	changes = {}
	for fieldname, new in values.items():
		spec = specs[fieldname]
		old = record.get(fieldname)
		if spec.fieldtype == "Table MultiSelect":
			old = sorted(r.get(spec.child_field) for r in old or [])
			same = old == new
		elif spec.fieldtype == "Date":
			old = str(getdate(old)) if old else None
			same = old == new
		elif spec.fieldtype == "Datetime":
			old = str(get_datetime(old).replace(microsecond=0)) if old else None
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
	values = row.values
	for fieldname, value in values.items():
		spec = specs[fieldname]
		target = spec.link or (values.get(spec.dynamic_from) if spec.dynamic_from else None)
		if spec.dynamic_from and not target:
			column = specs[spec.dynamic_from].label_de if spec.dynamic_from in specs else spec.dynamic_from
			row.add_error(fieldname, bilingual("no_link_target", value=value, column=column))
			continue
		if not target:
			continue
		for item in value if isinstance(value, list) else [value]:
			if not links.exists(target, item):
				row.add_error(fieldname, bilingual("bad_link", value=item, target=_(target, lang="de")))


def check_duplicate(row: Row, job: Job):
	"""Two rows that name the same record by name (the same person twice in an attendance list)."""
	key = row.key(job.key)
	if not all(key):
		return
	first = job.seen.setdefault(key, row.number)
	if first != row.number:
		row.add_error(job.key[0], bilingual("duplicate_in_file", row=first))


class LinkCache:
	def __init__(self, scope: PartnerScope | None = None):
		self.known: dict[tuple[str, str], bool] = {}
		self.scope = scope
		self.finder = Finder(scope)

	def exists(self, doctype: str, name: str) -> bool:
		"""``doctype`` may come from the file (a Dynamic Link's DocType column): an unknown one has no records."""
		if (doctype, name) not in self.known:
			known_doctype = doctype == "DocType" or self.exists("DocType", doctype)
			if self.scope and self.scope.covers(doctype):
				self.known[(doctype, name)] = self.scope.allows(doctype, name)
			else:
				self.known[(doctype, name)] = known_doctype and bool(frappe.db.exists(doctype, name))
		return self.known[(doctype, name)]


def error_text(error: Exception) -> str:
	text = strip_html(str(error)).strip()
	if isinstance(error, frappe.DuplicateEntryError) or not text:
		return _("The record could not be saved ({0})").format(type(error).__name__)
	return text
