"""The QS Arbeit demo generator: deterministic, idempotent, both areas, exits with follow-ups."""

import random

import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.demo.qs_arbeit import PARTICIPANTS, make_participants


class TestQsArbeitDemo(FrappeTestCase):
	def test_generator_creates_participants_once(self):
		make_participants(random.Random(7))
		count = frappe.db.count("Participant")
		self.assertGreaterEqual(count, PARTICIPANTS)
		self.assertEqual(make_participants(random.Random(7)), 0)
		self.assertEqual(frappe.db.count("Participant"), count)

	def test_demo_covers_both_areas_consents_exits_and_incomplete_records(self):
		make_participants(random.Random(7))
		areas = set(frappe.get_all("Participant", pluck="programme_area"))
		self.assertTrue({"Leipziger Osten", "Grünau"} <= areas)
		self.assertTrue(frappe.db.exists("Participant", {"esf_complete": 0}))
		exited = frappe.get_all(
			"Participant", filters={"exit_date": ("is", "set")}, fields=["follow_up_todo"]
		)
		self.assertTrue(exited)
		self.assertTrue(all(row.follow_up_todo for row in exited))
		self.assertTrue(frappe.db.exists("Consent", {"purpose": "ESF monitoring"}))
		self.assertTrue(frappe.db.exists("Consultation", {"confidential_notes": ("is", "set")}))
		statuses = set(frappe.get_all("Coaching Plan", pluck="status"))
		self.assertGreaterEqual(len(statuses), 3, statuses)
		self.assertFalse(
			frappe.db.exists("Coaching Plan", {"status": "Completed", "end_date": ("is", "not set")})
		)
