import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.qs_wirtschaft import b2b_setup
from mehrwert_quartier.qs_wirtschaft.cross_selling import get_suggestions
from mehrwert_quartier.qs_wirtschaft.setup import SALES_STAGES
from mehrwert_quartier.tests.factories import make_business_relation, make_customer, make_lead, make_user

# sectors without a default rule, so that only this test's rule pairs them
FARM, TRANSPORT = "A - Agriculture, forestry and fishing", "H - Transportation and storage"
LO, GR = "Leipziger Osten", "Grünau"


class TestCrossSelling(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		frappe.db.delete("Cross-selling Rule", {"sector_a": ("in", [FARM, TRANSPORT])})
		self.reason = "Hofläden brauchen Lieferfahrten"
		frappe.get_doc(
			{"doctype": "Cross-selling Rule", "sector_a": TRANSPORT, "sector_b": FARM, "reason": self.reason}
		).insert(ignore_permissions=True)
		self.farm = make_lead(mq_programme_area=LO, mq_sector=FARM)

	def tearDown(self):
		frappe.set_user("Administrator")

	def names(self, doctype, name):
		return {s["name"]: s for s in get_suggestions(doctype, name)}

	def test_complementary_businesses_of_the_area_with_the_reason(self):
		carrier = make_customer(mq_programme_area=LO, mq_sector=TRANSPORT)
		other_area = make_lead(mq_programme_area=GR, mq_sector=TRANSPORT)
		same_sector = make_lead(mq_programme_area=LO, mq_sector=FARM)
		related = make_lead(mq_programme_area=LO, mq_sector=TRANSPORT)
		make_business_relation(self.farm, related, status="Active")
		ended = make_lead(mq_programme_area=LO, mq_sector=TRANSPORT)
		make_business_relation(ended, self.farm, status="Ended")
		found = self.names("Lead", self.farm.name)
		self.assertEqual(found[carrier.name]["reasons"], [self.reason])
		self.assertEqual(found[carrier.name]["doctype"], "Customer")
		self.assertIn(ended.name, found)
		for name in (other_area.name, same_sector.name, related.name, self.farm.name):
			self.assertNotIn(name, found)
		# the rule works the other way round too
		self.assertIn(self.farm.name, self.names("Customer", carrier.name))

	def test_an_inactive_rule_suggests_nothing(self):
		make_customer(mq_programme_area=LO, mq_sector=TRANSPORT)
		frappe.db.set_value("Cross-selling Rule", {"sector_a": TRANSPORT}, "active", 0)
		self.assertEqual(self.names("Lead", self.farm.name), {})

	def test_permissions_and_arguments_are_checked(self):
		with self.assertRaises(frappe.ValidationError):
			get_suggestions("User", "Administrator")
		frappe.set_user(make_user("Counsellor"))
		with self.assertRaises(frappe.PermissionError):
			get_suggestions("Lead", self.farm.name)
		frappe.set_user(make_user("Business Coach"))
		self.assertIsInstance(get_suggestions("Lead", self.farm.name), list)


class TestB2bSetup(FrappeTestCase):
	def test_setup_twice_leaves_one_board_and_one_rule_per_pair(self):
		b2b_setup.after_migrate()
		b2b_setup.after_migrate()
		boards = frappe.get_all(
			"Kanban Board", {"reference_doctype": "Opportunity", "field_name": "sales_stage"}, pluck="name"
		)
		self.assertEqual(boards, [b2b_setup.KANBAN_BOARD])
		board = frappe.get_doc("Kanban Board", b2b_setup.KANBAN_BOARD)
		self.assertEqual([c.column_name for c in board.columns], SALES_STAGES)
		for a, b, _reason in b2b_setup.DEFAULT_RULES:
			sectors = [b2b_setup.SECTOR[a], b2b_setup.SECTOR[b]]
			pair = {"sector_a": ("in", sectors), "sector_b": ("in", sectors)}
			self.assertEqual(frappe.db.count("Cross-selling Rule", pair), 1, (a, b))
		self.assertTrue(frappe.db.exists("Workflow", "Settlement Request"))
