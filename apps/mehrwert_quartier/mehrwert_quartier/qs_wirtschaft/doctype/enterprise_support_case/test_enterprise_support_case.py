import frappe
from frappe.model.workflow import WorkflowTransitionError, apply_workflow
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.rules.enterprise_support import RESTRICTED_CASE_TYPE
from mehrwert_quartier.tests.factories import make_lead, make_support_case, make_user

# the test runner would build ERPNext's test records for these links (not set up on the programme's sites)
test_ignore = ["Opportunity", "User", "DocType", "Partner Organisation", "Programme Area"]


class TestEnterpriseSupportCase(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.lead = make_lead(mq_programme_area="Grünau")

	def tearDown(self):
		frappe.set_user("Administrator")

	def test_business_name_and_area_come_from_the_business(self):
		case = make_support_case(self.lead)
		self.assertEqual(case.business_name, self.lead.company_name)
		self.assertEqual(case.programme_area, "Grünau")
		self.assertEqual(case.status, "Contacted")

	def test_business_must_be_lead_prospect_or_customer(self):
		user = make_user("Counsellor")
		with self.assertRaises(frappe.ValidationError):
			frappe.get_doc(
				{"doctype": "Enterprise Support Case", "business_doctype": "User", "business": user}
			).insert(ignore_permissions=True)

	def test_workflow_runs_through_the_states(self):
		case = make_support_case(self.lead, needs=[{"topic": "Financing"}])
		for action, state in (
			("Assess Needs", "Needs Assessed"),
			("Start Support", "In Support"),
			("Complete", "Completed"),
		):
			case = apply_workflow(case, action)
			self.assertEqual(case.status, state)
		with self.assertRaises(WorkflowTransitionError):
			apply_workflow(case, "Reactivate")

	def test_support_needs_an_assessed_need(self):
		case = apply_workflow(make_support_case(self.lead), "Assess Needs")
		with self.assertRaises(frappe.ValidationError):
			apply_workflow(case, "Start Support")
		case.reload()
		case.append("needs", {"topic": "Premises"})
		case.save()
		self.assertEqual(apply_workflow(case, "Start Support").status, "In Support")

	def test_a_need_is_listed_once(self):
		with self.assertRaises(frappe.ValidationError):
			make_support_case(self.lead, needs=[{"topic": "Training"}, {"topic": "Training"}])

	def test_only_coach_and_project_lead_move_the_workflow(self):
		case = make_support_case(self.lead)
		frappe.set_user(make_user("Counsellor"))
		with self.assertRaises(WorkflowTransitionError):
			apply_workflow(frappe.get_doc("Enterprise Support Case", case.name), "Set Dormant")
		frappe.set_user(make_user("Business Coach"))
		self.assertEqual(
			apply_workflow(frappe.get_doc("Enterprise Support Case", case.name), "Set Dormant").status,
			"Dormant",
		)

	def test_restricted_case_type_is_hidden_from_other_roles(self):
		restricted = make_support_case(self.lead, case_type=RESTRICTED_CASE_TYPE)
		ordinary = make_support_case(self.lead, case_type="Settlement")
		counsellor, coach = make_user("Counsellor"), make_user("Business Coach")
		self.assertFalse(
			frappe.has_permission("Enterprise Support Case", "read", restricted, user=counsellor)
		)
		self.assertTrue(frappe.has_permission("Enterprise Support Case", "read", ordinary, user=counsellor))
		self.assertTrue(frappe.has_permission("Enterprise Support Case", "read", restricted, user=coach))
		for user, expected in ((counsellor, {ordinary.name}), (coach, {ordinary.name, restricted.name})):
			frappe.set_user(user)
			names = set(
				frappe.get_list("Enterprise Support Case", filters={"business": self.lead.name}, pluck="name")
			)
			self.assertEqual(names, expected, user)
