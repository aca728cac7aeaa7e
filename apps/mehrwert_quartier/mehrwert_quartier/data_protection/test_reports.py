import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, today

from mehrwert_quartier.data_protection import consents
from mehrwert_quartier.data_protection.access_log import log_access
from mehrwert_quartier.data_protection.report.access_log_overview import access_log_overview
from mehrwert_quartier.data_protection.report.consent_overview import consent_overview
from mehrwert_quartier.data_protection.report.records_of_processing import records_of_processing
from mehrwert_quartier.qs_arbeit.doctype.consent.consent import has_valid_consent
from mehrwert_quartier.tests.factories import (
	make_consent,
	make_participant,
	make_partner_organisation,
	make_user,
)


class TestDataProtectionReports(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_users_reading_unusually_many_records_in_a_day_are_flagged(self):
		frappe.db.set_single_value("Programme Settings", "access_flag_threshold", 3)
		busy, calm = make_user("Counsellor"), make_user("Counsellor")
		people = [make_participant().name for _ in range(4)]
		for user, read in ((busy, people), (calm, people[:2])):
			frappe.set_user(user)
			for name in read:
				log_access("Participant", name, "Read", participant=name)
		frappe.set_user("Administrator")
		rows = {r["key"]: r for r in access_log_overview.execute({})[1]}
		self.assertEqual((rows[busy]["records"], rows[busy]["flagged"]), (4, 1))
		self.assertEqual((rows[calm]["records"], rows[calm]["flagged"]), (2, 0))
		by_person = {r["key"]: r for r in access_log_overview.execute({"group_by": "Participant"})[1]}
		self.assertEqual(by_person[people[0]]["records"], 1)
		self.assertEqual(by_person[people[0]]["accesses"], 2)

	def test_consents_per_purpose_and_recipient_with_expiry_and_reminder(self):
		recipient = make_partner_organisation().name
		valid, withdrawn, expired, soon = (make_participant().name for _ in range(4))
		purpose = "Data sharing with the Jobcenter"
		make_consent(valid, purpose, recipient=recipient)
		make_consent(withdrawn, purpose, recipient=recipient, withdrawn_on=today())
		old = make_consent(
			expired, purpose, recipient=recipient, given_on="2025-01-01", valid_until="2025-12-31"
		)
		near = make_consent(soon, purpose, recipient=recipient, valid_until=add_days(today(), 5))
		self.assertFalse(has_valid_consent(expired, purpose, recipient))
		consents.daily()
		self.assertEqual(frappe.db.get_value("Consent", old.name, "status"), "Expired")
		self.assertTrue(frappe.db.exists("ToDo", {"reference_type": "Consent", "reference_name": near.name}))
		row = next(r for r in consent_overview.execute({})[1] if r["recipient"] == recipient)
		self.assertEqual((row["valid"], row["withdrawn"], row["expired"], row["expiring"]), (2, 1, 1, 1))

	def test_records_of_processing_list_special_categories_with_their_readers(self):
		rows = records_of_processing.execute({})[1]
		special = [r for r in rows if r["special"]]
		notes = next(r for r in special if r["doctype"] == "Consultation")
		self.assertNotIn("Project Lead", notes["roles"])
		self.assertIn("Data Protection Officer", notes["roles"])
		participant = next(r for r in special if r["doctype"] == "Participant")
		self.assertIn("2021/1060", participant["retention"])
