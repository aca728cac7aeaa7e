"""A participant's contact hours: consultations plus attended programme events."""

import frappe
from frappe.query_builder.functions import Sum


def consultation_hours(participant: str) -> float:
	consultation = frappe.qb.DocType("Consultation")
	minutes = (
		frappe.qb.from_(consultation)
		.select(Sum(consultation.duration_minutes))
		.where(consultation.participant == participant)
	).run()[0][0]
	return round(float(minutes or 0) / 60, 2)


def event_hours(participant: str) -> float:
	registration = frappe.qb.DocType("Event Registration")
	hours = (
		frappe.qb.from_(registration)
		.select(Sum(registration.attended_hours))
		.where((registration.participant == participant) & (registration.status == "Attended"))
	).run()[0][0]
	return round(float(hours or 0), 2)


def refresh_contact_hours(participant: str | None) -> None:
	if not participant or not frappe.db.exists("Participant", participant):
		return
	consultations, events = consultation_hours(participant), event_hours(participant)
	frappe.db.set_value(
		"Participant",
		participant,
		{"consultation_hours": consultations, "event_hours": events, "contact_hours": consultations + events},
		update_modified=False,
	)
