# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from mehrwert_quartier.rules.portfolio import (
	REFERRAL_DATE_FIELD,
	check_referral_dates,
	check_referral_transition,
)
from mehrwert_quartier.validation import rule_check


class Referral(Document):
	def validate(self):
		self.check_status_transition()
		self.stamp_status_date()
		self.check_dates()
		self.set_counsellor()

	def check_status_transition(self):
		before = self.get_doc_before_save()
		with rule_check("Referral"):
			check_referral_transition(before.status if before else None, self.status)

	def stamp_status_date(self):
		fieldname = REFERRAL_DATE_FIELD[self.status]
		if not self.get(fieldname):
			self.set(fieldname, today())

	def check_dates(self):
		dates = {f: getdate(self.get(f)) if self.get(f) else None for f in set(REFERRAL_DATE_FIELD.values())}
		with rule_check("Referral"):
			check_referral_dates(dates)

	def set_counsellor(self):
		if not self.counsellor:
			self.counsellor = frappe.session.user
