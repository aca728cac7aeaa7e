import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from mehrwert_quartier.data_protection import jobs
from mehrwert_quartier.data_protection.report.anonymisation_preview import anonymisation_preview
from mehrwert_quartier.tests.factories import make_consultation, make_participant, make_user


def settings(**values):
	doc = frappe.get_single("Programme Settings")
	doc.update(values)
	doc.save(ignore_permissions=True)
	return doc


class TestRetentionClock(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		settings(last_payment_date="2027-06-30", anonymisation_enabled=0)

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_each_participant_shows_its_retention_date_and_why(self):
		esf = make_participant()
		self.assertEqual(getdate(esf.retention_until), getdate("2032-12-31"))
		self.assertIn("2027-06-30", esf.retention_reason)
		walk_in = make_participant(esf=False)
		make_consultation(walk_in.name, consultation_date="2027-05-04")  # after the record was created
		walk_in.reload()
		walk_in.save(ignore_permissions=True)
		self.assertEqual(getdate(walk_in.retention_until), getdate("2028-05-04"))

	def test_changing_the_last_payment_moves_every_retention_date(self):
		esf = make_participant()
		settings(last_payment_date="2028-01-10")
		self.assertEqual(
			getdate(frappe.db.get_value("Participant", esf.name, "retention_until")), getdate("2033-12-31")
		)

	def test_only_the_data_protection_officer_switches_anonymisation_on(self):
		lead = make_user("Project Lead", "Data Protection Officer")
		frappe.set_user(make_user("System Manager"))
		with self.assertRaises(frappe.PermissionError):
			settings(anonymisation_enabled=1)
		frappe.set_user(lead)
		doc = settings(anonymisation_enabled=1)
		self.assertEqual(doc.anonymisation_enabled_by, lead)

	def test_the_job_anonymises_what_the_preview_lists_only_when_switched_on(self):
		walk_in = make_participant(esf=False)
		frappe.db.set_value("Participant", walk_in.name, "retention_until", "2020-01-01")
		listed = [r["record"] for r in anonymisation_preview.execute({})[1]]
		self.assertIn(walk_in.name, listed)
		jobs.daily()
		self.assertFalse(frappe.db.get_value("Participant", walk_in.name, "anonymised"))
		settings(anonymisation_enabled=1)
		frappe.db.set_value("Participant", walk_in.name, "retention_until", "2020-01-01")
		jobs.run()
		self.assertTrue(frappe.db.get_value("Participant", walk_in.name, "anonymised"))
		self.assertNotIn(walk_in.name, [r["record"] for r in jobs.due()])
