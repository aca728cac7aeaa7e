import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.qs_arbeit.doctype.consent.consent import has_valid_consent
from mehrwert_quartier.tests.factories import make_consent, make_participant, make_partner_organisation


class TestConsent(FrappeTestCase):
	def test_missing_consent_is_not_valid(self):
		participant = make_participant()
		self.assertFalse(has_valid_consent(participant.name, "Counselling"))

	def test_consent_is_valid_until_withdrawn(self):
		participant = make_participant()
		consent = make_consent(participant.name, "Newsletter", given_on="2026-03-02")
		self.assertEqual(consent.status, "Valid")
		self.assertTrue(has_valid_consent(participant.name, "Newsletter", on_date="2026-03-02"))
		self.assertFalse(has_valid_consent(participant.name, "Newsletter", on_date="2026-03-01"))
		self.assertFalse(has_valid_consent(participant.name, "Photos at events", on_date="2026-03-02"))
		consent.withdrawn_on = "2026-05-01"
		consent.save()
		self.assertEqual(consent.status, "Withdrawn")
		self.assertTrue(has_valid_consent(participant.name, "Newsletter", on_date="2026-04-30"))
		self.assertFalse(has_valid_consent(participant.name, "Newsletter", on_date="2026-05-01"))
		self.assertFalse(has_valid_consent(participant.name, "Newsletter"))

	def test_data_sharing_is_per_recipient(self):
		participant = make_participant()
		jobcenter = make_partner_organisation(organisation_type="Jobcenter")
		other = make_partner_organisation()
		purpose = "Data sharing with the Jobcenter"
		make_consent(participant.name, purpose, recipient=jobcenter.name)
		self.assertTrue(has_valid_consent(participant.name, purpose, jobcenter.name, "2026-06-01"))
		self.assertFalse(has_valid_consent(participant.name, purpose, other.name, "2026-06-01"))

	def test_one_valid_record_per_purpose_and_recipient(self):
		participant = make_participant()
		first = make_consent(participant.name, "ESF monitoring")
		with self.assertRaises(frappe.DuplicateEntryError):
			make_consent(participant.name, "ESF monitoring")
		first.withdrawn_on = "2026-04-01"
		first.save()
		make_consent(participant.name, "ESF monitoring", given_on="2026-05-01")
		self.assertTrue(has_valid_consent(participant.name, "ESF monitoring", on_date="2026-05-02"))

	def test_withdrawal_before_given_is_refused(self):
		participant = make_participant()
		with self.assertRaises(frappe.ValidationError):
			make_consent(participant.name, given_on="2026-03-02", withdrawn_on="2026-03-01")

	def test_signed_form_must_be_private(self):
		participant = make_participant()
		with self.assertRaises(frappe.ValidationError):
			make_consent(participant.name, signed_form="/files/einwilligung.pdf")
		consent = make_consent(participant.name, signed_form="/private/files/einwilligung.pdf")
		self.assertEqual(consent.signed_form, "/private/files/einwilligung.pdf")
		self.assertEqual(frappe.get_meta("Consent").make_attachments_public, 0)
