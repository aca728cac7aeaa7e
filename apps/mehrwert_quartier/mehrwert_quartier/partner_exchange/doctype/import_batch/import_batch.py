# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, get_datetime, now_datetime

from mehrwert_quartier.partner_exchange import partners, profiles, runner
from mehrwert_quartier.partner_exchange.messages import bilingual
from mehrwert_quartier.partner_exchange.registry import importable_doctypes
from mehrwert_quartier.partner_exchange.rows import Mapping

# written by the runner only (issue 11, leak 7): read-only in the form and refused through any other route
COMPUTED_FIELDS = (
	"status",
	"uploaded_by",
	"uploaded_on",
	"validated_on",
	"imported_on",
	"total_rows",
	"new_rows",
	"updated_rows",
	"unchanged_rows",
	"error_rows",
	"error_report",
	"changes",
	"log",
	"mapping",
)


class ImportBatch(Document):
	# begin: auto-generated types
	# end: auto-generated types

	def before_insert(self):
		for fieldname in COMPUTED_FIELDS:
			self.set(fieldname, None)
		self.uploaded_by = frappe.session.user
		self.uploaded_on = now_datetime()
		self.status = "Uploaded"

	def validate(self):
		self.check_doctype_is_importable()
		self.check_file_is_private()
		self.check_computed_fields_unchanged()
		partners.scope_batch(self)

	def check_computed_fields_unchanged(self):
		if self.is_new() or self.flags.mq_runner:
			return
		if any(self.computed_field_changed(f) for f in COMPUTED_FIELDS):
			frappe.throw(
				_("Status, counts, changes and log are set by the import and cannot be changed"),
				frappe.PermissionError,
			)

	def computed_field_changed(self, fieldname: str) -> bool:
		old, new = self.get_doc_before_save().get(fieldname), self.get(fieldname)
		fieldtype = self.meta.get_field(fieldname).fieldtype
		if fieldtype == "Datetime":
			return (get_datetime(old) if old else None) != (get_datetime(new) if new else None)
		if fieldtype == "Int":
			return cint(old) != cint(new)
		return (old or "") != (new or "")

	def own_file(self) -> str | None:
		"""The File row of ``import_file`` attached to this batch by its owner (issue 11, leak 1), or None."""
		filters = {
			"file_url": self.import_file,
			"attached_to_doctype": self.doctype,
			"attached_to_name": self.name,
			"owner": self.owner,
		}
		return (
			frappe.db.get_value("File", filters, "name", order_by="creation asc")
			if self.import_file
			else None
		)

	def check_doctype_is_importable(self):
		if self.import_doctype not in importable_doctypes():
			frappe.throw(
				_("{0} cannot be imported").format(_(self.import_doctype)), title=_("Not Importable")
			)

	def check_file_is_private(self):
		if self.import_file and not self.import_file.startswith("/private/files/"):
			frappe.throw(_("The uploaded file must be private"), title=_("Public File"))

	def add_log(self, message: str):
		self.log = f"{self.log or ''}{now_datetime():%d.%m.%Y %H:%M:%S} {message}\n"

	def check_may_run(self, action: str):
		if partners.is_partner():
			# partners may not edit batches: the system writes their batch after these checks
			self.check_permission("read")
			self.flags.ignore_permissions = True
		else:
			self.check_permission("write")
		partners.check_may_import(self.import_doctype)
		if not self.own_file():
			frappe.throw(bilingual("foreign_file"), frappe.PermissionError, title=_("Import Batch"))
		self.flags.mq_runner = True
		if action == "import" and self.status not in ("Validated", "Failed"):
			frappe.throw(_("Validate the file before importing it"), title=_("Not Validated"))
		if self.status == "Imported":
			frappe.throw(_("This batch has already been imported"), title=_("Already Imported"))

	@frappe.whitelist()
	def validate_file(self) -> dict:
		"""Dry run: counts and changes per row, nothing is written."""
		self.check_may_run("validate")
		return runner.start(self, "validate")

	@frappe.whitelist()
	def confirm_mapping(self, mapping: str | dict) -> dict:
		"""The user's mapping (columns, values, values for the whole file): kept as the Import Profile of the
		organisation, DocType and header shape, then the dry run."""
		self.check_may_run("validate")
		if self.status not in ("Uploaded", "Needs Mapping", "Validated", "Rejected"):
			frappe.throw(_("The mapping can only be changed before the import"), title=_("Import Batch"))
		data = frappe.parse_json(mapping) if isinstance(mapping, str) else mapping
		chosen = Mapping.from_dict(profiles.check_mapping(self.import_doctype, data or {}))
		headers = (frappe.parse_json(self.mapping or "{}") or {}).get("headers") or []
		self.import_profile = profiles.save_profile(self, headers, chosen) if headers else self.import_profile
		self.mapping = frappe.as_json({"confirmed": True, "chosen": chosen.as_dict()})
		return runner.start(self, "validate")

	@frappe.whitelist()
	def import_rows(self) -> dict:
		"""Upsert the rows by natural key: all or nothing, or only the valid rows."""
		self.check_may_run("import")
		return runner.start(self, "import")
