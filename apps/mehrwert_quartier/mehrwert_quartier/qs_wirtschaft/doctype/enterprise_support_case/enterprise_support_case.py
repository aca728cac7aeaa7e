# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from mehrwert_quartier.rules.analysis import INNOVATION_AREAS, innovation_score
from mehrwert_quartier.rules.enterprise_support import check_business_doctype, check_needs_assessed
from mehrwert_quartier.validation import rule_check

# the field that holds a business's name, by DocType
NAME_FIELDS = {"Lead": "company_name", "Prospect": "company_name", "Customer": "customer_name"}


class EnterpriseSupportCase(Document):
	def validate(self):
		self.check_business()
		self.set_business_details()
		self.check_needs()
		self.score_innovation()

	def check_business(self):
		self.apply_rule(check_business_doctype, self.business_doctype)

	def set_business_details(self):
		name_field = NAME_FIELDS[self.business_doctype]
		values = frappe.db.get_value(
			self.business_doctype, self.business, [name_field, "mq_programme_area"], as_dict=True
		)
		if not values:
			return  # link validation reports the missing record
		self.business_name = values.get(name_field) or self.business
		if not self.programme_area:
			self.programme_area = values.mq_programme_area

	def check_needs(self):
		self.apply_rule(check_needs_assessed, self.status, [row.topic for row in self.needs])

	def score_innovation(self):
		"""The innovation check's score: the sum of its six ratings. A check is done when it has a date
		(the reports count those): the date defaults to today and goes with the ratings."""
		with rule_check("Enterprise Support Case"):
			score = innovation_score({f: self.get(f) for f, _label in INNOVATION_AREAS})
		self.innovation_score = score or 0
		if score is None:
			self.innovation_checked_on = None
		elif not self.innovation_checked_on:
			self.innovation_checked_on = frappe.utils.today()

	def apply_rule(self, rule, *args):
		with rule_check("Enterprise Support Case"):
			rule(*args)
