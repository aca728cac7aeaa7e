"""Consultations get a place in the calendar (issue 15): starts_on/ends_on from their date, time and
duration; those without a start time fill their day."""

import frappe

from mehrwert_quartier.qs_arbeit.doctype.consultation.consultation import calendar_span


def execute():
	fields = ["name", "consultation_date", "start_time", "duration_minutes"]
	for row in frappe.get_all("Consultation", filters={"starts_on": ("is", "not set")}, fields=fields):
		starts_on, ends_on, all_day = calendar_span(
			row.consultation_date, row.start_time, row.duration_minutes
		)
		frappe.db.set_value(
			"Consultation",
			row.name,
			{"starts_on": starts_on, "ends_on": ends_on, "all_day": all_day},
			update_modified=False,
		)
