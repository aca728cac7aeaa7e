# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from mehrwert_quartier.qs_arbeit.employers import employer_name
from mehrwert_quartier.rules.languages import german_names


class JobVacancy(Document):
	def validate(self):
		self.set_employer_name()
		self.languages = german_names(self.languages) or None
		self.check_numbers()

	def set_employer_name(self):
		self.employer_name = employer_name(self.employer_type, self.employer)

	def check_numbers(self):
		if (self.positions or 0) < 1:
			frappe.throw(_("A vacancy has at least one position"))
		if self.hours_per_week is not None and not 0 <= self.hours_per_week <= 60:
			frappe.throw(_("Hours per week must lie between 0 and 60"))
