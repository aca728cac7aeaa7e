# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import get_datetime

from mehrwert_quartier.maps import check_doc_location
from mehrwert_quartier.programme_events.seats import fill_free_seats, seats_taken
from mehrwert_quartier.rules.events import duration_hours
from mehrwert_quartier.validation import rule_check


class ProgrammeEvent(Document):
	def validate(self):
		self.set_duration()
		self.check_capacity()
		check_doc_location(self)

	def set_duration(self):
		with rule_check("Invalid Dates"):
			self.duration_hours = duration_hours(get_datetime(self.starts_on), get_datetime(self.ends_on))

	def check_capacity(self):
		if self.capacity and self.capacity < 0:
			frappe.throw(_("Capacity cannot be negative"))
		if self.capacity and not self.is_new() and self.capacity < seats_taken(self.name):
			frappe.throw(
				_("Capacity cannot be below the {0} seats already taken").format(seats_taken(self.name)),
				title=_("Capacity"),
			)

	def on_update(self):
		before = self.get_doc_before_save()
		if before and (self.capacity or 0) != (before.capacity or 0):
			fill_free_seats(self.name)
