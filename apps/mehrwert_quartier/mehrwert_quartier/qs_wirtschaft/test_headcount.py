"""The headcount of a business keeps unknown blank (EECO19 size class, rules/headcount.py)."""

import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.patches import headcount_unknown_stays_blank
from mehrwert_quartier.reporting.report.esf_plus_indicators.esf_plus_indicators import drill_down, execute
from mehrwert_quartier.tests.factories import make_lead, make_support_case

CUMULATIVE = {"mode": "Cumulative", "cut_off_date": "2026-12-31"}
UNKNOWN = "EECO19:Headcount unknown"


def stored(lead) -> object:
	return frappe.db.get_value("Lead", lead.name, "mq_employees")


def enterprises() -> dict[str, int]:
	return {r["figure"]: r["total"] for r in execute(CUMULATIVE)[1] if r["kind"] == "Enterprise"}


class TestHeadcount(FrappeTestCase):
	def test_a_blank_headcount_stays_blank_after_saving_twice(self):
		lead = make_lead()
		self.assertIsNone(stored(lead))
		lead.reload()
		lead.save(ignore_permissions=True)
		self.assertIsNone(stored(lead))
		self.assertIsNone(lead.mq_employees)

	def test_a_typed_headcount_is_kept_as_a_whole_number(self):
		lead = make_lead(mq_employees=" 12 ")
		self.assertEqual(stored(lead), "12")
		zero = make_lead(mq_employees="0")
		self.assertEqual(stored(zero), "0")

	def test_not_a_whole_number_is_refused_with_a_clear_message(self):
		for value in ("zehn", "2.5", "-3"):
			with self.assertRaises(frappe.ValidationError, msg=value):
				make_lead(mq_employees=value)

	def test_an_unknown_headcount_is_no_micro_enterprise(self):
		before = enterprises()
		lead = make_lead()
		make_support_case(
			lead,
			status="Contacted",
			steps=[{"step": "Beratung", "step_status": "Done", "completed_on": "2026-03-01"}],
		)
		change = {key: value - before.get(key, 0) for key, value in enterprises().items()}
		self.assertEqual(change[UNKNOWN], 1)
		self.assertEqual(change["EECO19:Micro enterprise"], 0)
		self.assertEqual(change["EECO19:Total"], 0)
		self.assertIn(lead.name, drill_down(CUMULATIVE, UNKNOWN)["names"])
		self.assertNotIn(lead.name, drill_down(CUMULATIVE, "EECO19:Micro enterprise")["names"])

	def test_the_patch_makes_a_stored_zero_unknown_and_keeps_figures(self):
		zero, kept = make_lead(), make_lead(mq_employees=7)
		frappe.db.set_value("Lead", zero.name, "mq_employees", "0", update_modified=False)
		headcount_unknown_stays_blank.execute()
		self.assertEqual((stored(zero), stored(kept)), (None, "7"))
		field = frappe.get_meta("Lead").get_field("mq_employees")
		self.assertEqual(field.fieldtype, "Data")
