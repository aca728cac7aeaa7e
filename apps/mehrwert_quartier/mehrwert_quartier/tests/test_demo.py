"""The demo data generator: deterministic, idempotent, realistic."""

import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier import demo
from mehrwert_quartier.demo.programme import DEMO_USERS, PARTNER_USERS, PARTNERS


class TestDemoData(FrappeTestCase):
	def test_load_creates_the_programme_partners_once(self):
		demo.load(force=True)
		counts = {dt: frappe.db.count(dt) for dt in ("Partner Organisation", "User")}
		demo.load(force=True)
		self.assertEqual(counts, {dt: frappe.db.count(dt) for dt in counts})
		for name, *_ in PARTNERS:
			self.assertTrue(frappe.db.exists("Partner Organisation", name), name)
		self.assertTrue(frappe.db.get_default(demo.DEMO_FLAG))

	def test_demo_users_have_their_roles(self):
		demo.load(force=True)
		for email, _first, _last, roles in DEMO_USERS:
			self.assertTrue(set(roles) <= set(frappe.get_roles(email)), email)
		email, *_rest, organisation = PARTNER_USERS[0]
		self.assertEqual(frappe.db.get_value("User", email, "user_type"), "Website User")
		users = frappe.get_all("Partner Organisation User", filters={"parent": organisation}, pluck="user")
		self.assertIn(email, users)
