"""New records in bulk: every step of ``Document.insert`` for each record, the database writes of many at once.

``Document.insert`` (frappe/model/document.py, version 15) runs for one record: defaults, timestamps, the link
check, the create permission, ``before_insert``, naming, ``before_validate``/``validate``/``before_save`` of the
controller and the hooks, Frappe's own checks (mandatory values, types, choices, lengths), the INSERT,
``after_insert``, ``on_update``, cache clearing, the desk notice, the global search, the version, ``on_change``.

:meth:`BulkInserter.prepare` runs the steps before the INSERT for one record; :meth:`BulkInserter.flush` writes
the prepared records with one INSERT per table and then runs the steps after it, record by record. Batched
instead of repeated: the naming series (read once and locked as Frappe does, counted in memory, written back
at the flush), the document cache and the global search queue (one call each for all names), the desk notice
(one list update per flush), the version (Frappe writes one for a new record only when it knows where it came from, ``updater_reference``).

Only for DocTypes registered with ``"bulk_insert": True`` (hooks.py): their rules for a new record must not
read other new records of the same file, which are written only at the flush.
``partner_exchange/test_bulk_insert.py`` compares the steps with the source of ``Document.insert`` of the installed Frappe.
"""

import json

import frappe
import redis
from frappe.core.doctype.file.utils import relink_mismatched_files
from frappe.desk.form.document_follow import follow_document
from frappe.utils import global_search

from mehrwert_quartier.partner_exchange.keys import check_columns
from mehrwert_quartier.partner_exchange.overrides import overridden
from mehrwert_quartier.partner_exchange.series import SeriesCounter
from mehrwert_quartier.partner_exchange.triggers import Triggers


class BulkInserter:
	def __init__(self, doctype: str, ignore_permissions: bool = False, write: bool = True):
		"""``write=False``: a dry run, rolled back afterwards; nothing goes to the search queue or the desk."""
		self.doctype = doctype
		self.ignore_permissions = ignore_permissions
		self.write = write
		self.pending: list = []
		self.series = SeriesCounter()
		self.follow = bool(frappe.get_cached_value("User", frappe.session.user, "follow_created_documents"))
		self.triggers = Triggers(doctype)
		self.defaults = None

	def prepare(self, doc, isolated: bool = False):
		"""Everything ``Document.insert`` does before the INSERT; raises what it would raise, and then takes
		back the record's series number. ``isolated``: inside a savepoint, so that what the record's hooks
		wrote before the error is rolled back too (importing the valid rows only)."""
		saved = self.series.state()
		if isolated:
			frappe.db.savepoint("mq_bulk_row")
		try:
			self.run_steps_before_insert(doc)
		except Exception:
			self.series.restore(saved)
			if isolated:
				frappe.db.rollback(save_point="mq_bulk_row")
			raise
		if isolated:
			frappe.db.release_savepoint("mq_bulk_row")
		self.pending.append(doc)

	def run_steps_before_insert(self, doc):
		doc.flags.notifications_executed = []
		doc.flags.ignore_permissions = self.ignore_permissions
		doc.set("__islocal", True)
		self.triggers.attach(doc)
		self.set_defaults(doc)
		doc.set_user_and_timestamp()
		forget_unnamed_save(doc)
		doc.set_docstatus()
		doc.check_permission("create")  # before the link check: a refused user learns nothing of links
		doc.check_if_latest()
		doc._validate_links()
		doc.run_method("before_insert")
		with self.series.counting():
			doc.set_new_name()
		doc.set_parent_in_children()
		doc.validate_higher_perm_levels()
		doc.flags.in_insert = True
		doc.run_before_save_methods()
		doc._validate()
		doc.set_docstatus()
		doc.flags.in_insert = False

	def set_defaults(self, doc):
		"""``Document._set_defaults``, with the defaults of a new record computed once per inserter."""
		if frappe.flags.in_import:
			return
		if self.defaults is None:
			self.defaults = frappe.new_doc(self.doctype, as_dict=True)
		doc.update_if_missing(self.defaults)
		for df in doc.meta.get_table_fields():
			defaults = frappe.new_doc(df.options, parent_doc=doc, parentfield=df.fieldname, as_dict=True)
			for child in doc.get(df.fieldname) or []:
				if child.is_new():
					child.update_if_missing(defaults)

	def flush(self) -> list:
		"""Write the prepared records, then run the steps after the INSERT; returns the written records."""
		docs, self.pending = self.pending, []
		if not docs:
			return docs
		self.series.write_back()
		insert_rows(
			self.doctype, [doc.get_valid_dict(convert_dates_to_str=True, ignore_virtual=True) for doc in docs]
		)
		children: dict[str, list[dict]] = {}
		for doc in docs:
			for child in doc.get_all_children():
				children.setdefault(child.doctype, []).append(
					child.get_valid_dict(convert_dates_to_str=True, ignore_virtual=True)
				)
		for child_doctype, rows in children.items():
			insert_rows(child_doctype, rows)
		frappe.cache.delete_value([frappe.get_document_cache_key(self.doctype, doc.name) for doc in docs])
		search_values: list[dict] = []
		with overridden(global_search, "sync_value_in_queue", search_values.append):
			for doc in docs:
				self.after_insert(doc)
		if self.write:
			queue_for_search(search_values)
			frappe.publish_realtime(
				"list_update",
				{"doctype": self.doctype, "name": docs[-1].name, "user": frappe.session.user},
				after_commit=True,
			)
		return docs

	def after_insert(self, doc):
		"""``Document.insert`` after the INSERT, with ``run_post_save_methods`` for the save action."""
		doc.run_method("after_insert")
		doc.flags.in_insert = True
		relink_mismatched_files(doc)
		doc.run_method("on_update")
		global_search.update_global_search(doc)
		if doc.flags.updater_reference:  # Version.for_insert writes nothing without it
			doc.save_version()
		doc.run_method("on_change")
		if (doc.doctype, doc.name) in frappe.flags.currently_saving:
			frappe.flags.currently_saving.remove((doc.doctype, doc.name))
		doc.flags.in_insert = False
		for attribute in ("__islocal", "__unsaved"):
			if hasattr(doc, attribute):
				delattr(doc, attribute)
		if self.follow:
			follow_document(doc.doctype, doc.name, frappe.session.user)
		self.triggers.detach(doc)


def forget_unnamed_save(doc):
	"""``set_user_and_timestamp`` notes the record in ``frappe.flags.currently_saving`` before it has its name,
	and the note is never taken back: thousands of records made every later look-up in that list slower."""
	saving = frappe.flags.currently_saving
	if saving and saving[-1] == (doc.doctype, doc.name):
		saving.pop()


def queue_for_search(values: list[dict]):
	"""What ``sync_value_in_queue`` does for each value, in one push."""
	if not values:
		return
	try:
		redis.Redis.lpush(
			frappe.cache, frappe.cache.make_key("global_search_queue"), *map(json.dumps, values)
		)
	except redis.exceptions.ConnectionError:
		for value in values:
			global_search.sync_value(value)


def insert_rows(doctype: str, rows: list[dict], chunk: int = 500):
	"""One parameterised multi-row INSERT per ``chunk`` rows; the columns are the DocType's own."""
	columns = list(rows[0])
	check_columns(doctype, columns)
	names = ", ".join(f"`{column}`" for column in columns)
	placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
	for start in range(0, len(rows), chunk):
		part = rows[start : start + chunk]
		values = [row.get(column) for row in part for column in columns]
		query = f"insert into `tab{doctype}` ({names}) values {', '.join([placeholders] * len(part))}"  # nosemgrep
		frappe.db.sql(query, values)
