# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from mehrwert_quartier.programme_events.seats import fill_free_seats, refresh_counts, seats_taken
from mehrwert_quartier.qs_arbeit.contact_hours import refresh_contact_hours
from mehrwert_quartier.rules.events import (
	ACTIVE,
	CLOSED_EVENT_STATES,
	check_attended_hours,
	status_on_registration,
	target_group_warning,
)
from mehrwert_quartier.validation import rule_check


class EventRegistration(Document):
	def validate(self):
		self.set_attendee()
		self.check_registration_is_open()
		self.check_no_double_registration()
		self.assign_seat_or_waitlist()
		self.check_attendance()
		self.warn_about_target_group()

	def set_attendee(self):
		if self.attendee_type == "Participant":
			if not self.participant:
				frappe.throw(_("Please choose the participant"), frappe.MandatoryError)
			self.contact = None
			self.attendee_name = frappe.db.get_value("Participant", self.participant, "full_name")
		else:
			if not self.contact:
				frappe.throw(_("Please choose the business contact"), frappe.MandatoryError)
			self.participant = None
			self.attendee_name = frappe.db.get_value("Contact", self.contact, "full_name") or self.contact

	def check_registration_is_open(self):
		if (
			self.is_new()
			and frappe.db.get_value("Programme Event", self.event, "status") in CLOSED_EVENT_STATES
		):
			frappe.throw(
				_("The event has already taken place: no new registrations"), title=_("Registration")
			)

	def check_no_double_registration(self):
		key = {"participant": self.participant} if self.participant else {"contact": self.contact}
		other = frappe.db.exists(
			"Event Registration",
			{"event": self.event, "name": ("!=", self.name), "status": ("!=", "Cancelled"), **key},
		)
		if other and self.status != "Cancelled":
			frappe.throw(
				_("{0} is already registered for this event").format(self.attendee_name),
				frappe.DuplicateEntryError,
			)

	def assign_seat_or_waitlist(self):
		if not self.is_new() or self.status not in ("Registered", "Waitlisted"):
			return
		capacity = frappe.db.get_value("Programme Event", self.event, "capacity", for_update=True)
		self.status = status_on_registration(capacity, seats_taken(self.event))
		if self.status == "Waitlisted":
			self.waitlist_position = (
				frappe.db.count("Event Registration", {"event": self.event, "status": "Waitlisted"}) + 1
			)

	def warn_about_target_group(self):
		if not self.is_new() or not self.participant:
			return
		target_group = frappe.db.get_value("Programme Event", self.event, "target_group")
		gender = frappe.db.get_value("Participant", self.participant, "gender")
		message = target_group_warning(target_group, gender)
		if message:
			frappe.msgprint(_(message).format(_(target_group)), title=_("Target Group"), indicator="orange")

	def after_insert(self):
		if self.status == "Waitlisted":
			frappe.msgprint(
				_("The event is full: {0} is on the waitlist (position {1})").format(
					self.attendee_name, self.waitlist_position
				),
				title=_("Waitlist"),
				indicator="orange",
			)

	def check_attendance(self):
		event_hours = frappe.db.get_value("Programme Event", self.event, "duration_hours")
		if self.status == "Attended" and self.attended_hours is None:
			self.attended_hours = event_hours
		if self.status != "Attended":
			self.attended_hours = None
		with rule_check("Attendance"):
			check_attended_hours(self.attended_hours, event_hours)

	def on_update(self):
		before = self.get_doc_before_save()
		if before and before.status in ACTIVE and self.status not in ACTIVE:
			fill_free_seats(self.event)
		else:
			refresh_counts(self.event)
		refresh_contact_hours(self.participant)

	def on_trash(self):
		if self.status in ACTIVE:
			frappe.db.set_value("Event Registration", self.name, "status", "Cancelled")
			fill_free_seats(self.event)
		else:
			refresh_counts(self.event)

	def after_delete(self):
		refresh_contact_hours(self.participant)
