# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import now_datetime

from mehrwert_quartier.partner_exchange import partners, runner
from mehrwert_quartier.partner_exchange.registry import importable_doctypes


class ImportBatch(Document):
	# begin: auto-generated types
	# end: auto-generated types

	def before_insert(self):
		self.uploaded_by = frappe.session.user
		self.uploaded_on = now_datetime()
		self.status = "Uploaded"

	def validate(self):
		self.check_doctype_is_importable()
		self.check_file_is_private()
		partners.scope_batch(self)

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
	def import_rows(self) -> dict:
		"""Upsert the rows by natural key: all or nothing, or only the valid rows."""
		self.check_may_run("import")
		return runner.start(self, "import")
