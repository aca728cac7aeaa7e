# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from mehrwert_quartier.qs_arbeit.contact_hours import refresh_contact_hours
from mehrwert_quartier.todos import ensure_todo


class Consultation(Document):
	# begin: auto-generated types
	# end: auto-generated types

	def validate(self):
		self.check_duration()
		self.check_follow_up_date()

	def on_update(self):
		self.schedule_follow_up()
		refresh_contact_hours(self.participant)

	def after_delete(self):
		refresh_contact_hours(self.participant)

	def check_duration(self):
		if self.duration_minutes and self.duration_minutes < 0:
			frappe.throw(_("The duration cannot be negative"))

	def check_follow_up_date(self):
		if self.follow_up_date and getdate(self.follow_up_date) < getdate(self.consultation_date):
			frappe.throw(_("The follow-up date lies before the consultation"))

	def schedule_follow_up(self):
		"""One ToDo for the counsellor per consultation; it moves with the follow-up date."""
		if not self.follow_up_date:
			return
		# the description names no confidential content: ToDos are visible to more people
		todo = ensure_todo(
			self.follow_up_todo,
			self.counsellor,
			self.follow_up_date,
			self.doctype,
			self.name,
			_("Follow-up consultation with {0}").format(self.participant_name or self.participant),
		)
		if self.follow_up_todo != todo:
			self.db_set("follow_up_todo", todo)
