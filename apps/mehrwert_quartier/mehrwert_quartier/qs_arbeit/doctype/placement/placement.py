# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from mehrwert_quartier.qs_arbeit.employers import employer_name
from mehrwert_quartier.rules.matching import checkpoint_dates
from mehrwert_quartier.todos import ensure_todo, user_language


class Placement(Document):
	def validate(self):
		self.take_employer_from_vacancy()
		self.set_employer_name()
		self.set_counsellor()
		self.schedule_checkpoints()

	def take_employer_from_vacancy(self):
		if self.vacancy and not self.employer:
			self.employer_type, self.employer = frappe.db.get_value(
				"Job Vacancy", self.vacancy, ["employer_type", "employer"]
			)

	def set_employer_name(self):
		self.employer_name = employer_name(self.employer_type, self.employer)

	def set_counsellor(self):
		if not self.counsellor:
			self.counsellor = (
				frappe.db.get_value("Participant", self.participant, "responsible_counsellor")
				or frappe.session.user
			)

	def schedule_checkpoints(self):
		"""Follow-up one, three and six months after the start; open checkpoints move with the start date."""
		rows = {row.months_after_start: row for row in self.checkpoints}
		for months, due in checkpoint_dates(getdate(self.start_date)):
			row = rows.get(months) or self.append("checkpoints", {"months_after_start": months})
			if not row.checked_on:
				row.due_date = due

	def on_update(self):
		self.remind_counsellor()
		self.fill_vacancy()

	def remind_counsellor(self):
		for row in self.checkpoints:
			if row.checked_on:
				continue
			todo = ensure_todo(
				row.todo,
				self.counsellor,
				row.due_date,
				self.doctype,
				self.name,
				checkpoint_text(
					self.counsellor, row.months_after_start, self.participant_name or self.participant
				),
			)
			if row.todo != todo:
				row.db_set("todo", todo)

	def fill_vacancy(self):
		if not self.vacancy:
			return
		positions = frappe.db.get_value("Job Vacancy", self.vacancy, "positions") or 1
		if frappe.db.count("Placement", {"vacancy": self.vacancy}) >= positions:
			frappe.db.set_value("Job Vacancy", self.vacancy, "status", "Filled")


def checkpoint_text(user: str, months: int, person: str) -> str:
	"""The ToDo of a checkpoint, in the counsellor's language, with the month in singular or plural."""
	lang = user_language(user)
	if int(months) == 1:
		return _("Integration follow-up after one month with {0}", lang).format(person)
	return _("Integration follow-up after {0} months with {1}", lang).format(months, person)
