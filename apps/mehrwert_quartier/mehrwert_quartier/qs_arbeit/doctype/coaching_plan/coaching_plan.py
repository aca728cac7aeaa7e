# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from mehrwert_quartier.rules.coaching import check_plan, is_closed
from mehrwert_quartier.validation import rule_check


class CoachingPlan(Document):
	# begin: auto-generated types
	# end: auto-generated types

	def validate(self):
		self.set_end_date_when_closed()
		self.check_rules()

	def set_end_date_when_closed(self):
		if is_closed(self.status) and not self.end_date:
			self.end_date = today()

	def check_rules(self):
		start = getdate(self.start_date) if self.start_date else None
		end = getdate(self.end_date) if self.end_date else None
		with rule_check("Invalid Coaching Plan"):
			check_plan(self.status, len(self.goals), start, end)
