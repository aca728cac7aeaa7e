import frappe
from frappe.model.workflow import WorkflowTransitionError, apply_workflow
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.qs_wirtschaft.doctype.commercial_unit.commercial_unit import rank_for_request
from mehrwert_quartier.tests.factories import make_commercial_unit, make_customer, make_lead, make_user

test_ignore = ["User", "DocType", "Programme Area", "Partner Organisation", "Customer"]


def make_request(business, **values):
	doc = {
		"doctype": "Settlement Request",
		"business_doctype": business.doctype,
		"business": business.name,
		"use_type": "Retail",
		"min_floor_space": 40,
		"max_floor_space": 80,
		"max_rent": 700,
		**values,
	}
	return frappe.get_doc(doc).insert(ignore_permissions=True)


class TestSettlementRequest(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.customer = make_customer(mq_programme_area="Leipziger Osten")
		self.unit = make_commercial_unit()

	def tearDown(self):
		frappe.set_user("Administrator")

	def step(self, request, action, user=None):
		if user:
			frappe.set_user(user)
		try:
			return apply_workflow(frappe.get_doc("Settlement Request", request.name), action)
		finally:
			frappe.set_user("Administrator")

	def reserve(self, request, user=None):
		request = self.step(request, "Propose Units", user)
		frappe.db.set_value("Settlement Request", request.name, "commercial_unit", self.unit.name)
		return self.step(request, "Reserve Unit", user)

	def unit_state(self):
		return frappe.db.get_value("Commercial Unit", self.unit.name, ["status", "tenant"])

	def test_name_and_area_come_from_the_business(self):
		request = make_request(self.customer)
		self.assertEqual(request.business_name, self.customer.customer_name)
		self.assertEqual(request.programme_area, "Leipziger Osten")
		self.assertEqual(request.status, "Open")

	def test_find_units_ranks_the_unit_for_the_request(self):
		request = make_request(self.customer)
		ranked = rank_for_request(
			request.min_floor_space,
			request.max_floor_space,
			request.programme_area,
			request.use_type,
			request.max_rent,
		)
		self.assertIn(self.unit.name, [r["name"] for r in ranked])

	def test_business_coach_reserves_and_settles_the_unit(self):
		coach = make_user("Business Coach")
		request = self.reserve(make_request(self.customer), coach)
		self.assertEqual(request.status, "Reserved")
		self.assertEqual(self.unit_state(), ("Reserved", None))
		self.assertNotIn(self.unit.name, [r["name"] for r in rank_for_request(40, 80)])
		settled = self.step(request, "Settle", coach)
		self.assertEqual(settled.status, "Settled")
		self.assertEqual(self.unit_state(), ("Let", self.customer.name))
		self.assertEqual(str(settled.settled_on), frappe.utils.today())

	def test_the_settlement_date_is_set_on_settling_and_can_be_corrected(self):
		request = self.step(self.reserve(make_request(self.customer)), "Settle")
		request.settled_on = "2026-01-15"
		request.save(ignore_permissions=True)
		self.assertEqual(
			str(frappe.db.get_value("Settlement Request", request.name, "settled_on")), "2026-01-15"
		)
		request.settled_on = frappe.utils.add_days(frappe.utils.today(), 1)
		with self.assertRaises(frappe.ValidationError):
			request.save(ignore_permissions=True)
		open_request = make_request(make_customer(), settled_on="2026-01-15")
		self.assertIsNone(open_request.settled_on)  # only a settled request has a settlement date

	def test_project_lead_withdraws_and_the_reservation_is_released(self):
		lead = make_user("Project Lead")
		request = self.reserve(make_request(self.customer), lead)
		self.assertEqual(self.step(request, "Withdraw", lead).status, "Withdrawn")
		self.assertEqual(self.unit_state(), ("Vacant", None))

	def test_counsellor_cannot_move_the_request(self):
		request = make_request(self.customer)
		with self.assertRaises(WorkflowTransitionError):
			self.step(request, "Propose Units", make_user("Counsellor"))
		self.assertEqual(frappe.db.get_value("Settlement Request", request.name, "status"), "Open")

	def test_reserving_needs_a_chosen_available_unit(self):
		request = self.step(make_request(self.customer), "Propose Units")
		with self.assertRaisesRegex(frappe.ValidationError, "Gewerbeeinheit|commercial unit"):
			self.step(request, "Reserve Unit")
		other = make_request(make_customer())
		self.reserve(other)
		frappe.db.set_value("Settlement Request", request.name, "commercial_unit", self.unit.name)
		with self.assertRaises(frappe.ValidationError):  # reserved for the other request
			self.step(request, "Reserve Unit")

	def test_a_lead_settles_only_as_a_customer(self):
		request = self.reserve(make_request(make_lead(mq_programme_area="Grünau")))
		with self.assertRaises(frappe.ValidationError):
			self.step(request, "Settle")
		self.assertEqual(self.unit_state(), ("Reserved", None))
