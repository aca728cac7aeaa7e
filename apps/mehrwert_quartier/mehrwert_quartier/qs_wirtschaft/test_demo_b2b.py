import random

import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.demo.programme import make_users
from mehrwert_quartier.demo.qs_wirtschaft import (
	RELATIONS,
	SETTLEMENTS,
	make_business_relations,
	make_businesses,
	make_commercial_units,
	make_settlement_requests,
)
from mehrwert_quartier.rules.b2b import RELATION_STATUSES
from mehrwert_quartier.rules.settlement_request import STATUSES


class TestB2bDemo(FrappeTestCase):
	def test_relations_and_settlement_requests_in_every_state_once(self):
		make_users(random.Random(1))
		make_businesses(random.Random(7))
		make_commercial_units(random.Random(7))
		make_business_relations(random.Random(7))
		make_settlement_requests(random.Random(7))
		self.assertEqual(make_business_relations(random.Random(7)), 0)
		self.assertEqual(make_settlement_requests(random.Random(7)), 0)
		coach = "coaching@mehrwert.example"
		relations = frappe.get_all("Business Relation", {"brokered_by": coach}, pluck="status")
		self.assertEqual(len(relations), len(RELATIONS))
		self.assertEqual(set(relations), set(RELATION_STATUSES))
		requests = frappe.get_all("Settlement Request", {"coach": coach}, ["status", "commercial_unit"])
		self.assertEqual(len(requests), len(SETTLEMENTS))
		self.assertEqual({r.status for r in requests}, set(STATUSES))
		settled = next(r for r in requests if r.status == "Settled")
		self.assertEqual(frappe.db.get_value("Commercial Unit", settled.commercial_unit, "status"), "Let")
