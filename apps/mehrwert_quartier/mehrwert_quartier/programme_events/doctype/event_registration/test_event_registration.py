import base64

import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.partner_exchange import api
from mehrwert_quartier.partner_exchange.testdata import xlsx
from mehrwert_quartier.programme_events.doctype.programme_event.test_programme_event import (
	make_event,
	register,
)
from mehrwert_quartier.tests.factories import make_participant


class TestAttendanceImport(FrappeTestCase):
	def test_attendance_sheet_from_the_trainer_updates_registrations_and_contact_hours(self):
		event = make_event()
		anna, omar = make_participant(first_name="Anna"), make_participant(first_name="Omar")
		register(event.name, anna.name)
		register(event.name, omar.name)
		rows = [
			["Veranstaltung *", "Teilnehmende/r *", "Status", "Teilnahmestunden"],
			[event.name, anna.name, "Teilgenommen", "2,5"],
			[event.name, omar.name, "Nicht erschienen", None],
		]
		content = base64.b64encode(xlsx(rows)).decode()
		result = api.upload("Event Registration", "anwesenheit.xlsx", content, import_rows=True)
		self.assertEqual(result["status"], "Imported", result)
		status = dict(
			frappe.get_all(
				"Event Registration",
				filters={"event": event.name},
				fields=["participant", "status"],
				as_list=True,
			)
		)
		self.assertEqual(status, {anna.name: "Attended", omar.name: "No-show"})
		self.assertEqual(frappe.db.get_value("Participant", anna.name, "event_hours"), 2.5)
		again = api.upload("Event Registration", "anwesenheit.xlsx", content, import_rows=True)
		self.assertEqual(again["counts"]["unchanged_rows"], 2)

	def test_attendance_beyond_the_event_length_is_rejected_and_nothing_written(self):
		event = make_event()
		anna = make_participant(first_name="Anna")
		register(event.name, anna.name)
		rows = [
			["Veranstaltung *", "Teilnehmende/r *", "Status", "Teilnahmestunden"],
			[event.name, anna.name, "Teilgenommen", "9"],
		]
		result = api.upload(
			"Event Registration", "a.xlsx", base64.b64encode(xlsx(rows)).decode(), import_rows=True
		)
		self.assertNotEqual(result["status"], "Imported")
		self.assertEqual(
			frappe.db.get_value("Event Registration", {"event": event.name}, "status"), "Registered"
		)
