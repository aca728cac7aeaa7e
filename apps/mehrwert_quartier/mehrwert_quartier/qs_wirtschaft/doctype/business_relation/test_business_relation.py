import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.tests.factories import make_business_relation, make_lead

test_ignore = ["User", "DocType", "Programme Area"]


class TestBusinessRelation(FrappeTestCase):
	def setUp(self):
		self.first = make_lead(mq_programme_area="Grünau")
		self.second = make_lead(mq_programme_area="Leipziger Osten")

	def test_names_and_area_come_from_the_businesses(self):
		relation = make_business_relation(self.first, self.second, relation_type="Supplier")
		self.assertEqual(relation.business_a_name, self.first.company_name)
		self.assertEqual(relation.business_b_name, self.second.company_name)
		self.assertEqual(relation.programme_area, "Grünau")
		self.assertEqual(relation.status, "Idea")

	def test_a_business_has_no_relation_with_itself(self):
		with self.assertRaisesRegex(frappe.ValidationError, "itself"):
			make_business_relation(self.first, self.first)

	def test_a_business_must_be_lead_prospect_or_customer(self):
		with self.assertRaises(frappe.ValidationError):
			frappe.get_doc(
				{
					"doctype": "Business Relation",
					"business_a_doctype": "User",
					"business_a": "Administrator",
					"business_b_doctype": "Lead",
					"business_b": self.second.name,
					"relation_type": "Supplier",
				}
			).insert(ignore_permissions=True)

	def test_one_open_relation_of_a_type_per_pair_in_either_order(self):
		relation = make_business_relation(self.first, self.second, relation_type="Cooperation")
		with self.assertRaisesRegex(frappe.ValidationError, relation.name):
			make_business_relation(self.second, self.first, relation_type="Cooperation")
		make_business_relation(self.second, self.first, relation_type="Mentoring")  # another type
		relation.status = "Ended"
		relation.save()
		make_business_relation(self.second, self.first, relation_type="Cooperation")  # the old one ended
		relation.reload()
		relation.status = "Active"  # reopening would duplicate the new one
		with self.assertRaises(frappe.ValidationError):
			relation.save()

	def test_end_date_not_before_start_date(self):
		with self.assertRaises(frappe.ValidationError):
			make_business_relation(self.first, self.second, start_date="2026-05-01", end_date="2026-04-01")
