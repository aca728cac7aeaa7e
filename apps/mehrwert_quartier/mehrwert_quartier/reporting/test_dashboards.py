import json

import frappe
from frappe.desk.doctype.number_card.number_card import get_result
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.reporting import dashboards
from mehrwert_quartier.reporting.report.esf_plus_indicators.esf_plus_indicators import execute
from mehrwert_quartier.tests.factories import make_participant, make_user


class TestDashboards(FrappeTestCase):
	def test_workspaces_show_their_cards_and_charts_for_their_roles(self):
		for name, spec in dashboards.WORKSPACES.items():
			workspace = frappe.get_doc("Workspace", name)
			self.assertEqual([c.number_card_name for c in workspace.number_cards], spec["cards"])
			self.assertEqual([c.chart_name for c in workspace.charts], spec["charts"])
			self.assertEqual({r.role for r in workspace.roles}, set(spec["roles"]))
			blocks = {b["type"] for b in json.loads(workspace.content)}
			self.assertTrue({"number_card", "chart"} <= blocks)
		self.assertIn("Project Lead", dashboards.WORKSPACES["Programme"]["roles"])

	def test_document_type_cards_count_what_they_say(self):
		make_participant(isced_level="")
		card = frappe.get_doc("Number Card", "ESF Entry Data Incomplete")
		self.assertEqual(
			get_result(card.as_dict(), card.filters_json), frappe.db.count("Participant", {"esf_complete": 0})
		)
		active = frappe.get_doc("Number Card", "Active Participants")
		self.assertEqual(
			get_result(active.as_dict(), active.filters_json),
			frappe.db.count("Participant", {"exit_date": ("is", "not set")}),
		)

	def test_programme_cards_equal_the_esf_report_up_to_today(self):
		make_participant(entry_date=frappe.utils.today())
		rows = {r["code"]: r for r in execute({"cut_off_date": frappe.utils.today()})[1] if r["code"]}
		self.assertEqual(dashboards.esf_total_card()["value"], rows["EECO11"]["total"])
		self.assertEqual(dashboards.esf_employed_card()["value"], rows["EECR04"]["total"])
		self.assertEqual(dashboards.esf_sme_card()["value"], rows["EECO19"]["total"])

	def test_programme_cards_only_for_the_report_roles(self):
		frappe.set_user(make_user("Business Coach"))
		try:
			with self.assertRaises(frappe.PermissionError):
				dashboards.esf_total_card()
			with self.assertRaises(frappe.PermissionError):
				dashboards.data_quality_card()
			self.assertIsInstance(dashboards.supported_businesses_card()["value"], int)
		finally:
			frappe.set_user("Administrator")

	def test_create_is_idempotent_and_delete_removes_everything(self):
		dashboards.create_dashboards()
		dashboards.create_dashboards()
		cards = {"name": ("in", list(dashboards.NUMBER_CARDS))}
		charts = {"name": ("in", list(dashboards.DASHBOARD_CHARTS))}
		self.assertEqual(frappe.db.count("Number Card", cards), len(dashboards.NUMBER_CARDS))
		dashboards.delete_dashboards()
		self.assertFalse(frappe.db.exists("Workspace", {"name": ("in", list(dashboards.WORKSPACES))}))
		self.assertFalse(frappe.db.count("Number Card", cards))
		self.assertFalse(frappe.db.count("Dashboard Chart", charts))
		dashboards.create_dashboards()
		self.assertEqual(
			frappe.db.count("Workspace", {"name": ("in", list(dashboards.WORKSPACES))}),
			len(dashboards.WORKSPACES),
		)
