import frappe
from erpnext import get_default_company
from erpnext.crm.doctype.lead.lead import make_customer, make_opportunity
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.qs_wirtschaft.crm_fields import CRM_DOCTYPES, RESTRICTED_FIELD, RESTRICTED_PERMLEVEL
from mehrwert_quartier.qs_wirtschaft.setup import DEFAULT_OPPORTUNITY_TYPE, OPPORTUNITY_TYPES, SALES_STAGES
from mehrwert_quartier.tests.factories import make_lead, make_user

PROGRAMME = {
	"mq_programme_area": "Leipziger Osten",
	"mq_sector": "I - Accommodation and food service activities",
	"mq_business_type": "Gastronomy",
	"mq_employees": "4",  # text: blank stays unknown (rules/headcount.py)
	"mq_founding_year": 2009,
	"mq_languages": "Deutsch, Türkisch",
	"mq_lwb_tenant": 1,
	RESTRICTED_FIELD: 1,
}


class TestCrmExtension(FrappeTestCase):
	def assert_programme_data(self, doc):
		self.assertEqual({k: doc.get(k) for k in PROGRAMME}, PROGRAMME)

	def test_lead_to_customer_carries_the_programme_data(self):
		lead = make_lead(**PROGRAMME)
		customer = make_customer(lead.name)
		customer.insert(ignore_permissions=True)
		self.assert_programme_data(frappe.get_doc("Customer", customer.name))

	def test_lead_to_opportunity_carries_the_programme_data(self):
		lead = make_lead(**PROGRAMME)
		opportunity = make_opportunity(lead.name)
		opportunity.company = get_default_company()
		opportunity.opportunity_type = "Business Advice"
		opportunity.insert(ignore_permissions=True)
		self.assert_programme_data(frappe.get_doc("Opportunity", opportunity.name))

	def test_erpnext_lead_to_opportunity_works_in_german_and_english(self):
		"""ERPNext's *Create > Opportunity* without a type: ERPNext's fallback _("Sales") named no record
		on the German site for a user in English ("Opportunity Type: Sales not found")."""
		self.assertFalse(frappe.db.exists("Opportunity Type", "Sales"))
		for language in ("de", "en"):
			user = make_user("Business Coach")
			frappe.db.set_value("User", user, "language", language)
			lead = make_lead(**PROGRAMME)
			frappe.set_user(user)
			frappe.local.lang = language
			try:
				opportunity = make_opportunity(lead.name)
				opportunity.company = get_default_company()
				opportunity.insert()
			finally:
				frappe.set_user("Administrator")
				frappe.local.lang = "de"
			self.assertEqual(opportunity.opportunity_type, DEFAULT_OPPORTUNITY_TYPE, language)

	def test_lead_to_prospect_carries_the_programme_data(self):
		lead = make_lead(**PROGRAMME)
		lead.create_prospect(lead.company_name)
		prospect = frappe.get_doc("Prospect", lead.company_name)
		self.assert_programme_data(prospect)

	def test_opportunity_entered_by_hand_takes_the_party_data_but_keeps_its_own(self):
		lead = make_lead(**PROGRAMME)
		opportunity = frappe.get_doc(
			{
				"doctype": "Opportunity",
				"opportunity_from": "Lead",
				"party_name": lead.name,
				"company": get_default_company(),
				"mq_employees": 7,
				"opportunity_type": "Settlement",
				"sales_stage": "Needs Assessment",
			}
		).insert(ignore_permissions=True)
		self.assertEqual(opportunity.mq_programme_area, "Leipziger Osten")
		self.assertEqual(opportunity.mq_employees, "7")

	def test_restricted_flag_only_for_business_coach_and_project_lead(self):
		lead = make_lead(**PROGRAMME)
		for roles, visible in (
			(("Sales User",), False),
			(("Business Coach",), True),
			(("Project Lead",), True),
		):
			frappe.set_user(make_user(*roles))
			try:
				doc = frappe.get_doc("Lead", lead.name)
				self.assertTrue(frappe.has_permission("Lead", "read", doc))
				doc.apply_fieldlevel_read_permissions()
				self.assertEqual(bool(doc.get(RESTRICTED_FIELD)), visible, roles)
				self.assertEqual(doc.mq_programme_area, "Leipziger Osten")
			finally:
				frappe.set_user("Administrator")

	def test_permission_rules_on_every_crm_doctype(self):
		for doctype in CRM_DOCTYPES:
			rules = frappe.get_all(
				"Custom DocPerm",
				filters={"parent": doctype, "permlevel": RESTRICTED_PERMLEVEL},
				fields=["role", "read", "write"],
			)
			self.assertEqual(
				sorted((r.role, r.read, r.write) for r in rules),
				[("Business Coach", 1, 1), ("Project Lead", 1, 1)],
				doctype,
			)
			# the standard rules were copied, so ERPNext's own roles keep their access
			self.assertTrue(frappe.db.exists("Custom DocPerm", {"parent": doctype, "role": "Sales User"}))

	def test_opportunity_types_and_sales_stages_exist(self):
		self.assertEqual(
			frappe.get_all("Opportunity Type", {"name": ("in", OPPORTUNITY_TYPES)}, pluck="name").__len__(),
			len(OPPORTUNITY_TYPES),
		)
		self.assertEqual(
			len(frappe.get_all("Sales Stage", {"name": ("in", SALES_STAGES)})), len(SALES_STAGES)
		)
