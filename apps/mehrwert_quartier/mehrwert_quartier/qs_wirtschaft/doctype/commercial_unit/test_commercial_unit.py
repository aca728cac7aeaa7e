import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.qs_wirtschaft.doctype.commercial_unit.commercial_unit import rank_for_request
from mehrwert_quartier.tests.factories import make_commercial_unit as make_unit
from mehrwert_quartier.tests.factories import make_user

test_ignore = ["Customer", "Partner Organisation", "Programme Area"]


class TestCommercialUnit(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_programme_area_follows_the_postcode(self):
		unit = make_unit(programme_area=None, postcode="4209")
		self.assertEqual((unit.postcode, unit.programme_area), ("04209", "Grünau"))

	def test_only_a_let_unit_has_a_tenant(self):
		unit = make_unit(status="Let")
		unit.tenant = "Bäckerei Test"
		unit.check_tenant()  # let: fine
		unit.status = "Vacant"
		with self.assertRaises(frappe.ValidationError):
			unit.check_tenant()

	def test_ranking_offers_available_units_best_first(self):
		best = make_unit(use_type="Gastronomy", floor_space=55, monthly_rent=600)
		other_area = make_unit(use_type="Gastronomy", programme_area="Grünau", monthly_rent=600)
		let = make_unit(use_type="Gastronomy", status="Let")
		ranked = [r["name"] for r in rank_for_request(50, 80, "Leipziger Osten", "Gastronomy", 900)]
		self.assertLess(ranked.index(best.name), ranked.index(other_area.name))
		self.assertNotIn(let.name, ranked)

	def test_ranking_needs_read_permission(self):
		frappe.set_user(make_user("Programme Partner", user_type="Website User"))
		with self.assertRaises(frappe.PermissionError):
			rank_for_request(10)
