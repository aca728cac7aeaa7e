import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.qs_arbeit.duplicates import find_duplicates, merge_participants
from mehrwert_quartier.tests.factories import make_consent, make_consultation, make_participant, make_user


class TestDuplicates(FrappeTestCase):
	def test_likely_duplicates_are_found_with_reasons(self):
		existing = make_participant(
			first_name="Jürgen", last_name="Zschämisch", date_of_birth="1971-05-06", postcode="04315"
		)
		make_participant(
			first_name="Jürgen", last_name="Zschämisch", date_of_birth="1990-01-01", postcode="04209"
		)
		found = find_duplicates("Juergen", "Zschaemisch", "1971-05-06", "04315")
		self.assertEqual([f["name"] for f in found], [existing.name])
		self.assertEqual(found[0]["score"], 100)
		self.assertTrue(found[0]["reasons"])

	def test_a_different_person_is_no_duplicate(self):
		make_participant(first_name="Olga", last_name="Iwanowa", date_of_birth="1980-02-02", postcode="04207")
		self.assertEqual(find_duplicates("Amina", "Haddad", "1980-02-02", "04207"), [])

	def test_saved_record_is_not_its_own_duplicate(self):
		me = make_participant(first_name="Petra", last_name="Quandt", date_of_birth="1966-06-06")
		self.assertEqual(find_duplicates("Petra", "Quandt", "1966-06-06", exclude=me.name), [])

	def test_merge_keeps_every_linked_record(self):
		target = make_participant(first_name="Aylin", last_name="Kaya")
		source = make_participant(first_name="Ailin", last_name="Kaya")
		consultation = make_consultation(source.name)
		consent = make_consent(source.name)
		make_consultation(target.name)
		merge_participants(source.name, target.name)
		self.assertFalse(frappe.db.exists("Participant", source.name))
		self.assertEqual(frappe.db.get_value("Consultation", consultation.name, "participant"), target.name)
		self.assertEqual(frappe.db.get_value("Consent", consent.name, "participant"), target.name)
		self.assertEqual(frappe.db.count("Consultation", {"participant": target.name}), 2)

	def test_merge_needs_rights_on_both_records(self):
		target, source = make_participant(), make_participant()
		frappe.set_user(make_user("Data Protection Officer"))
		try:
			with self.assertRaises(frappe.PermissionError):
				merge_participants(source.name, target.name)
		finally:
			frappe.set_user("Administrator")
		self.assertTrue(frappe.db.exists("Participant", source.name))
		with self.assertRaises(frappe.ValidationError):
			merge_participants(target.name, target.name)
