# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from mehrwert_quartier.partner_exchange.profiles import check_mapping


class ImportProfile(Document):
	# begin: auto-generated types
	# end: auto-generated types

	def validate(self):
		self.check_doctype_is_importable()
		self.check_mapping_names_fields()

	def check_doctype_is_importable(self):
		from mehrwert_quartier.partner_exchange.registry import importable_doctypes

		if self.import_doctype not in importable_doctypes():
			frappe.throw(
				_("{0} cannot be imported").format(_(self.import_doctype)), title=_("Not Importable")
			)

	def check_mapping_names_fields(self):
		self.mapping = frappe.as_json(
			check_mapping(self.import_doctype, frappe.parse_json(self.mapping or "{}"))
		)
