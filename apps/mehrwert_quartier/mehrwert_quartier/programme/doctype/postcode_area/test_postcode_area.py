import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.programme.doctype.postcode_area.postcode_area import get_area_for_postcode
from mehrwert_quartier.tests.factories import make_postcode_area


class TestPostcodeArea(FrappeTestCase):
	def test_postcode_is_stored_as_five_digit_text(self):
		doc = frappe.get_doc({"doctype": "Postcode Area", "postcode": "D-4178", "programme_area": "Grünau"})
		doc.insert(ignore_permissions=True)
		self.assertEqual(doc.name, "04178")

	def test_invalid_postcode_is_rejected_in_german_and_nothing_is_saved(self):
		frappe.local.lang = "de"
		try:
			with self.assertRaises(frappe.ValidationError) as err:
				frappe.get_doc(
					{"doctype": "Postcode Area", "postcode": "Leipzig", "programme_area": "Grünau"}
				).insert(ignore_permissions=True)
			self.assertIn("ist keine deutsche Postleitzahl", str(err.exception))
		finally:
			frappe.local.lang = "en"
		self.assertFalse(frappe.db.exists("Postcode Area", {"postcode": "Leipzig"}))

	def test_area_lookup_follows_the_configurable_map(self):
		self.assertEqual(get_area_for_postcode("04315"), "Leipziger Osten")
		self.assertEqual(get_area_for_postcode("04209"), "Grünau")
		self.assertIsNone(get_area_for_postcode("04109"))
		make_postcode_area("04109", "Leipziger Osten")
		self.assertEqual(get_area_for_postcode("4109"), "Leipziger Osten")
		frappe.delete_doc("Postcode Area", "04109", ignore_permissions=True)
		self.assertIsNone(get_area_for_postcode("04109"))
