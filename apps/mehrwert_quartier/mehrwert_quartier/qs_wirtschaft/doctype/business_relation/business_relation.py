# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document

from mehrwert_quartier.qs_wirtschaft.business import business_details
from mehrwert_quartier.rules.b2b import OPEN_STATUSES, check_dates, check_no_duplicate, check_two_businesses
from mehrwert_quartier.validation import rule_check


class BusinessRelation(Document):
	def validate(self):
		self.set_business_details()
		self.check_businesses()
		self.check_dates()
		self.check_duplicate()

	def set_business_details(self):
		for prefix in ("business_a", "business_b"):
			details = business_details(self.get(f"{prefix}_doctype"), self.get(prefix))
			if details:
				self.set(f"{prefix}_name", details.title)
				if prefix == "business_a" and not self.programme_area:
					self.programme_area = details.programme_area

	def check_businesses(self):
		with rule_check("Business Relation"):
			check_two_businesses(
				(self.business_a_doctype, self.business_a), (self.business_b_doctype, self.business_b)
			)

	def check_dates(self):
		with rule_check("Business Relation"):
			check_dates(self.start_date, self.end_date)

	def check_duplicate(self):
		if self.status not in OPEN_STATUSES:
			return
		with rule_check("Business Relation"):
			check_no_duplicate(self.relation_type, self.open_relations_of_the_same_pair())

	def open_relations_of_the_same_pair(self) -> list[str]:
		first = (self.business_a_doctype, self.business_a)
		second = (self.business_b_doctype, self.business_b)
		found = []
		for a, b in ((first, second), (second, first)):
			filters = {
				"business_a_doctype": a[0],
				"business_a": a[1],
				"business_b_doctype": b[0],
				"business_b": b[1],
				"relation_type": self.relation_type,
				"status": ("in", OPEN_STATUSES),
				"name": ("!=", self.name or ""),
			}
			found += frappe.get_all("Business Relation", filters=filters, pluck="name")
		return sorted(found)
