import random

import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.demo.programme import make_users
from mehrwert_quartier.demo.qs_wirtschaft import BUSINESSES, make_businesses
from mehrwert_quartier.qs_wirtschaft.setup import SALES_STAGES


class TestQsWirtschaftDemo(FrappeTestCase):
	def test_businesses_in_both_areas_with_deals_at_every_stage_once(self):
		make_users(random.Random(1))
		make_businesses(random.Random(7))
		self.assertEqual(make_businesses(random.Random(7)), 0)
		names = [b[0] for b in BUSINESSES]
		areas = set()
		for doctype, field in (
			("Lead", "company_name"),
			("Prospect", "company_name"),
			("Customer", "customer_name"),
		):
			rows = frappe.get_all(doctype, {field: ("in", names)}, ["name", "mq_programme_area"])
			self.assertEqual(len(rows), 10, doctype)
			areas |= {r.mq_programme_area for r in rows}
		self.assertEqual(areas, {"Leipziger Osten", "Grünau"})
		stages = set(
			frappe.get_all(
				"Opportunity", {"opportunity_owner": "coaching@mehrwert.example"}, pluck="sales_stage"
			)
		)
		self.assertEqual(stages, set(SALES_STAGES))
		states = set(
			frappe.get_all("Enterprise Support Case", {"coach": "coaching@mehrwert.example"}, pluck="status")
		)
		self.assertEqual(states, {"Contacted", "Needs Assessed", "In Support", "Completed", "Dormant"})

	def test_after_a_reinstall_the_cases_of_the_kept_businesses_come_back(self):
		"""Uninstalling the app drops its tables, ERPNext's businesses stay: the demo made no support case
		for them again, and the security layer had no restricted case to probe."""
		make_users(random.Random(1))
		make_businesses(random.Random(7))
		demo = {"coach": "coaching@mehrwert.example", "business_name": ("in", [b[0] for b in BUSINESSES])}
		businesses = frappe.get_all("Enterprise Support Case", demo, pluck="business", order_by="business")
		self.assertEqual(len(businesses), 20)
		frappe.db.delete("Enterprise Support Case", demo)  # as the app's uninstall drops its table
		self.assertEqual(make_businesses(random.Random(7)), 0)  # no business made twice
		again = frappe.get_all("Enterprise Support Case", demo, pluck="business", order_by="business")
		self.assertEqual(again, businesses)
