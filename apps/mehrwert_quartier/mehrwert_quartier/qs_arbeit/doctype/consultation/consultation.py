# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

from datetime import datetime, timedelta

import frappe
from frappe import _
from frappe.desk.calendar import get_events as calendar_events
from frappe.model.document import Document
from frappe.utils import get_datetime, get_time, getdate

from mehrwert_quartier.qs_arbeit.contact_hours import refresh_contact_hours
from mehrwert_quartier.qs_arbeit.doctype.consent.consent import has_valid_consent
from mehrwert_quartier.todos import ensure_todo, user_language

DEFAULT_MINUTES = 60  # the calendar shows a consultation without a duration as one hour
CALENDAR_FIELDS = {"start": "starts_on", "end": "ends_on", "title": "participant_name", "allDay": "all_day"}


class Consultation(Document):
	# begin: auto-generated types
	# end: auto-generated types

	def validate(self):
		self.check_duration()
		self.check_follow_up_date()
		self.set_calendar_span()
		self.warn_without_consent()

	def on_update(self):
		self.schedule_follow_up()
		refresh_contact_hours(self.participant)

	def after_delete(self):
		refresh_contact_hours(self.participant)

	def warn_without_consent(self):
		"""Confidential notes about a participant who has no valid consent to counselling: saved, but warned."""
		if not self.confidential_notes or not self.has_value_changed("confidential_notes"):
			return
		if not has_valid_consent(self.participant, "Counselling", on_date=self.consultation_date):
			frappe.msgprint(
				_(
					"{0} has no valid consent to counselling on {1}: please record the consent before keeping"
					" confidential notes"
				).format(
					self.participant_name or self.participant, frappe.format(self.consultation_date, "Date")
				),
				title=_("Consent missing"),
				indicator="orange",
			)

	def check_duration(self):
		if self.duration_minutes and self.duration_minutes < 0:
			frappe.throw(_("The duration cannot be negative"))

	def check_follow_up_date(self):
		if self.follow_up_date and getdate(self.follow_up_date) < getdate(self.consultation_date):
			frappe.throw(_("The follow-up date lies before the consultation"))

	def set_calendar_span(self):
		"""``starts_on``/``ends_on`` of the calendar follow date, start time and duration; a consultation
		moved in the calendar (which sets ``starts_on``/``ends_on``) moves its date, time and duration."""
		if self.moved_in_calendar():
			start, end = get_datetime(self.starts_on), get_datetime(self.ends_on or self.starts_on)
			self.consultation_date = start.date()
			if not (self.all_day and start.time() == datetime.min.time()):
				self.start_time = start.time()
			if end > start and not self.all_day:
				self.duration_minutes = int((end - start).total_seconds() // 60)
		if self.start_time:  # Frappe fills a new Time field with the current time, to the microsecond
			self.start_time = get_time(self.start_time).replace(second=0, microsecond=0).strftime("%H:%M:%S")
		self.starts_on, self.ends_on, self.all_day = calendar_span(
			self.consultation_date, self.start_time, self.duration_minutes
		)

	def moved_in_calendar(self) -> bool:
		before = self.get_doc_before_save()
		if not before or not self.starts_on:
			return False
		if self.has_value_changed("consultation_date") or self.has_value_changed("start_time"):
			return False
		return self.has_value_changed("starts_on") or self.has_value_changed("ends_on")

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
			_("Follow-up consultation with {0}", user_language(self.counsellor)).format(
				self.participant_name or self.participant
			),
		)
		if self.follow_up_todo != todo:
			self.db_set("follow_up_todo", todo)


def calendar_span(day, start_time=None, minutes=None) -> tuple[datetime, datetime, int]:
	"""Start, end and all-day flag of a consultation in the calendar; without a time it fills the day."""
	day = getdate(day)
	if start_time in (None, ""):
		start = datetime.combine(day, datetime.min.time())
		return start, start, 1
	start = datetime.combine(day, get_time(start_time))
	return start, start + timedelta(minutes=minutes or DEFAULT_MINUTES), 0


@frappe.whitelist()
def get_events(start: str, end: str, filters: str | list | None = None) -> list[dict]:
	"""The consultation calendar: the user's permissions, filters checked by Frappe's list query."""
	frappe.has_permission("Consultation", "read", throw=True)
	if filters is not None and not isinstance(filters, str):
		filters = frappe.as_json(filters)
	fields = ["name", "starts_on", "ends_on", "participant_name", "all_day", "consultation_type"]
	return calendar_events(
		"Consultation", start, end, frappe.as_json(CALENDAR_FIELDS), filters=filters, fields=fields
	)
