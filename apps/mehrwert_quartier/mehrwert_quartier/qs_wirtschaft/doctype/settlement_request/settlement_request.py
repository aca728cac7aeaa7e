# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe.model.document import Document
from frappe.utils import getdate

from mehrwert_quartier.qs_wirtschaft.business import business_details
from mehrwert_quartier.rules.settlement import SettlementRequest as Wish
from mehrwert_quartier.rules.settlement import check_request
from mehrwert_quartier.rules.settlement_request import (
	check_settled_business,
	check_step,
	settlement_date,
	unit_change,
)
from mehrwert_quartier.validation import rule_check


class SettlementRequest(Document):
	def validate(self):
		self.set_business_details()
		self.check_wish()
		self.check_step()
		self.set_settlement_date()

	def on_update(self):
		self.update_unit()

	@property
	def previous_status(self) -> str | None:
		before = self.get_doc_before_save()
		return before.status if before else None

	def set_business_details(self):
		details = business_details(self.business_doctype, self.business)
		if details:
			self.business_name = details.title
			if not self.programme_area:
				self.programme_area = details.programme_area

	def check_wish(self):
		with rule_check("Settlement Request"):
			check_request(Wish(self.min_floor_space or 0, self.max_floor_space or None))

	def check_step(self):
		unit_status = self.commercial_unit and frappe.db.get_value(
			"Commercial Unit", self.commercial_unit, "status"
		)
		with rule_check("Settlement Request"):
			check_step(self.status, self.previous_status, self.commercial_unit, unit_status)
			check_settled_business(self.status, self.business_doctype)

	def set_settlement_date(self):
		settled_on = getdate(self.settled_on) if self.settled_on else None
		with rule_check("Settlement Request"):
			self.settled_on = settlement_date(self.status, settled_on, getdate())

	def update_unit(self):
		"""Reserved reserves the chosen unit, Settled lets it to the business, Withdrawn releases it."""
		new_status = unit_change(self.status, self.previous_status)
		if not new_status or not self.commercial_unit:
			return
		unit = frappe.get_doc("Commercial Unit", self.commercial_unit)
		if new_status == "Vacant" and unit.status != "Reserved":
			return  # the unit has moved on meanwhile: leave it
		unit.status = new_status
		unit.tenant = self.business if new_status == "Let" else None
		unit.save(ignore_permissions=True)  # a side effect of a workflow step the user may take
