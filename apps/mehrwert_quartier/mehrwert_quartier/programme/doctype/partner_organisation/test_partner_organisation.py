import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.tests.factories import make_partner_organisation, make_user


class TestPartnerOrganisation(FrappeTestCase):
	def test_staff_roles_read_but_only_management_writes(self):
		partner = make_partner_organisation()
		counsellor = make_user("Counsellor")
		lead = make_user("Project Lead")
		self.assertTrue(frappe.has_permission("Partner Organisation", "read", partner, user=counsellor))
		self.assertFalse(frappe.has_permission("Partner Organisation", "write", partner, user=counsellor))
		self.assertTrue(frappe.has_permission("Partner Organisation", "write", partner, user=lead))

	def test_programme_areas_must_exist(self):
		with self.assertRaises(frappe.LinkValidationError):
			make_partner_organisation(programme_areas=[{"programme_area": "Connewitz"}])

	def test_organisation_name_is_unique(self):
		partner = make_partner_organisation()
		with self.assertRaises(frappe.DuplicateEntryError):
			make_partner_organisation(organisation_name=partner.organisation_name)
