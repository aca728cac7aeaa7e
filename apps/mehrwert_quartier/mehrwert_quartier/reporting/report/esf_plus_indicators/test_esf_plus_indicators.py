import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.reporting.report.esf_plus_indicators.esf_plus_indicators import execute
from mehrwert_quartier.tests.factories import make_participant

FILTERS = {"from_date": "2024-01-01", "to_date": "2024-12-31"}


class TestEsfPlusIndicators(FrappeTestCase):
	def test_counts_by_gender_and_leaves_out_incomplete_records(self):
		make_participant(
			gender="Female",
			entry_date="2024-02-01",
			labour_market_status="Unemployed",
			unemployment_months=14,
		)
		make_participant(
			gender="Male", entry_date="2024-03-01", labour_market_status="Unemployed", unemployment_months=2
		)
		make_participant(esf=False, first_name="Ohne", gender="Female", entry_date="2024-03-01")
		_columns, rows, _message, _chart, summary = execute(FILTERS)
		by_indicator = {r["indicator"]: r for r in rows}
		unemployed = by_indicator["Unemployed, including long-term unemployed"]
		self.assertEqual((unemployed["female"], unemployed["male"], unemployed["total"]), (1, 1, 2))
		self.assertEqual(by_indicator["Long-term unemployed"]["total"], 1)
		self.assertEqual([s["value"] for s in summary], [2, 1])

	def test_report_is_installed_for_the_programme_roles(self):
		roles = {r.role for r in frappe.get_doc("Report", "ESF Plus Indicators").roles}
		self.assertIn("Project Lead", roles)
