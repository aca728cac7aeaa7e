"""Integration tests of the foundation: install, ERPNext setup, German desk, roles, reference data."""

import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.setup.erpnext_setup import COMPANY
from mehrwert_quartier.setup.install import after_migrate
from mehrwert_quartier.setup.reference_data import AREAS, POSTCODES
from mehrwert_quartier.setup.roles import ROLES


class TestInstall(FrappeTestCase):
	def test_roles_exist_with_desk_access(self):
		for role, props in ROLES.items():
			self.assertEqual(frappe.db.get_value("Role", role, "desk_access"), props["desk_access"], role)
		self.assertEqual(frappe.db.get_value("Role", "Programme Partner", "desk_access"), 0)

	def test_reference_areas_carry_the_programme_figures(self):
		territory = frappe.get_doc("Programme Area", "MehrWertQuartier-Gebiet")
		self.assertEqual(territory.residents, 76732)
		self.assertEqual(territory.area_ha, 1210)
		self.assertEqual(territory.sgb2_rate, 26.1)
		self.assertEqual(territory.city_sgb2_rate, 16.7)
		self.assertEqual(territory.unemployment_rate, 15.7)
		self.assertEqual(territory.migration_share, 55.7)
		for district in ("Leipziger Osten", "Grünau"):
			self.assertEqual(frappe.db.get_value("Programme Area", district, "part_of"), territory.name)

	def test_migrate_is_idempotent_and_keeps_staff_edits(self):
		frappe.db.set_value("Programme Area", "Grünau", "description", "von Hand gepflegt")
		counts = {dt: frappe.db.count(dt) for dt in ("Role", "Programme Area", "Postcode Area")}
		after_migrate()
		after_migrate()
		self.assertEqual(counts, {dt: frappe.db.count(dt) for dt in counts})
		self.assertEqual(frappe.db.get_value("Programme Area", "Grünau", "description"), "von Hand gepflegt")
		self.assertEqual(frappe.db.count("Programme Area"), len(AREAS))
		self.assertGreaterEqual(frappe.db.count("Postcode Area"), len(POSTCODES))


class TestErpnextSetup(FrappeTestCase):
	def test_company_in_germany_with_euro(self):
		company = frappe.get_doc("Company", COMPANY)
		self.assertEqual(company.country, "Germany")
		self.assertEqual(company.default_currency, "EUR")
		self.assertTrue(frappe.is_setup_complete())

	def test_fiscal_year_covers_today(self):
		from erpnext.accounts.utils import get_fiscal_year

		self.assertTrue(get_fiscal_year(frappe.utils.today(), company=COMPANY))

	def test_site_speaks_german(self):
		self.assertEqual(frappe.db.get_single_value("System Settings", "language"), "de")
		self.assertEqual(frappe.db.get_single_value("System Settings", "date_format"), "dd.mm.yyyy")
		self.assertEqual(frappe.db.get_single_value("System Settings", "time_zone"), "Europe/Berlin")

	def test_erpnext_setup_records_are_complete_in_the_site_language(self):
		"""The wizard's language step runs before the setup, as in ERPNext's wizard: every department's parent
		exists, and the setup logged no error (it used to log "Could not find Parent Department")."""
		departments = frappe.get_all("Department", fields=["name", "parent_department"])
		self.assertGreater(len(departments), 10)
		names = {d.name for d in departments}
		self.assertEqual([d.name for d in departments if d.parent_department not in names | {None, ""}], [])
		self.assertTrue(frappe.db.exists("Department", "Alle Abteilungen"))
		# the errors logged by the setup: before the test runner made ERPNext's test companies
		made_by_tests = frappe.get_all(
			"Company", {"name": ("!=", COMPANY)}, pluck="creation", order_by="creation"
		)
		until = made_by_tests[0] if made_by_tests else frappe.utils.now_datetime()
		errors = {"method": "Exception during Setup", "creation": ("<", until)}
		self.assertEqual(frappe.get_all("Error Log", errors, pluck="error"), [])


class TestGermanDesk(FrappeTestCase):
	def test_labels_are_translated(self):
		frappe.local.lang = "de"
		frappe.local.lang_full_dict = None
		try:
			self.assertEqual(frappe._("Partner Organisation"), "Partnerorganisation")
			self.assertEqual(frappe._("Programme Area"), "Programmgebiet")
			self.assertEqual(frappe._("Counsellor"), "Berater/in (QS Arbeit)")
		finally:
			frappe.local.lang = "en"
			frappe.local.lang_full_dict = None

	def test_workspace_is_installed_and_public(self):
		ws = frappe.get_doc("Workspace", "MehrWertQuartier")
		self.assertEqual(ws.public, 1)
		self.assertEqual(ws.module, "Programme")
		self.assertIn("Partner Organisation", [s.link_to for s in ws.shortcuts])
