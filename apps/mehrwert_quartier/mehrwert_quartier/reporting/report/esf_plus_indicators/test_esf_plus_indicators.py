import random
from datetime import date, timedelta

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from mehrwert_quartier.reporting.report.esf_plus_indicators.esf_plus_indicators import drill_down, execute
from mehrwert_quartier.rules import esf_indicators as esf
from mehrwert_quartier.tests.factories import make_lead, make_participant, make_support_case, make_user

FILTERS = {"mode": "Period", "from_date": "2024-01-01", "to_date": "2024-12-31"}
CUMULATIVE = {"mode": "Cumulative", "cut_off_date": "2026-12-31"}
READ_FIELDS = sorted(
	set().union(*(esf.fields_of(esf.full_condition(i, True)) for i in esf.ALL_FIGURES)) | {"name", "gender"}
)


def generated_participant(rng: random.Random):
	entry = date(2025, 1, 1) + timedelta(days=rng.randint(0, 600))
	status = rng.choice(["Unemployed", "Inactive", "Employed", "Self-employed"])
	values = {
		"gender": rng.choice(esf.GENDERS),
		"entry_date": entry,
		"date_of_birth": entry - timedelta(days=rng.randint(16 * 365, 64 * 365)),
		"labour_market_status": status,
		"unemployment_months": rng.choice([None, 0, 5, 12, 30]) if status == "Unemployed" else None,
		"isced_level": rng.choice([None, "ISCED 1", "ISCED 3", "ISCED 4", "ISCED 6"]),
		"disability": rng.choice([None, "Yes", "No", "No answer"]),
		"third_country_national": rng.choice([None, "Yes", "No"]),
		"homelessness": rng.choice([None, "Yes", "No"]),
	}
	if rng.random() < 0.6:
		exit_date = entry + timedelta(days=rng.randint(30, 300))
		values.update(
			exit_date=exit_date,
			exit_status=rng.choice(
				[None, "Job searching", "In education or training", "Employed", "Inactive"]
			),
			exit_qualification=int(rng.random() < 0.3),
		)
		if values["exit_status"]:
			values["exit_status_on"] = exit_date + timedelta(days=rng.randint(0, 28))
		# a follow-up before, near or after the six-month mark
		done = exit_date + timedelta(days=rng.choice([150, 181, 183, 190, 200]))
		if rng.random() < 0.7:
			employed = rng.choice(["Employed", "Self-employed", "Not employed", "Not reachable"])
			values.update(follow_up_done_on=done, follow_up_result=employed)
			if status in esf.EMPLOYED and employed in esf.EMPLOYED:
				values["follow_up_improvement"] = rng.choice(["Promotion", "No improvement", None])
	return make_participant(esf=False, first_name="Gen", **values)


class TestEsfPlusIndicators(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		rng = random.Random(13)
		for _ in range(120):
			generated_participant(rng)

	def test_counts_by_gender_and_leaves_out_incomplete_records(self):
		# other tests on the site leave incomplete records without an entry date, which "not counted" includes
		not_counted_before = execute(FILTERS)[4][1]["value"]
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
		by_code = {r["code"]: r for r in rows if r["code"]}
		unemployed = by_code["EECO01"]
		self.assertEqual((unemployed["female"], unemployed["male"], unemployed["total"]), (1, 1, 2))
		self.assertEqual(by_code["EECO02"]["total"], 1)
		self.assertEqual(by_code["EECO11"]["total"], 2)
		self.assertEqual(summary[0]["value"], 2)
		self.assertEqual(summary[1]["value"] - not_counted_before, 1)

	def test_not_counted_includes_records_without_an_entry_date(self):
		"""Issue 13: the default date filter dropped incomplete records that have no entry date at all."""
		before = execute(FILTERS)[4]
		make_participant(esf=False, first_name="Ohne Eintritt", gender="Male")
		after = execute(FILTERS)[4]
		self.assertEqual(after[1]["value"] - before[1]["value"], 1)

	def test_every_figure_equals_the_plain_python_count_of_the_same_records(self):
		records = frappe.get_all("Participant", fields=READ_FIELDS, limit_page_length=0)
		for record in records:
			for field in ("entry_date", "date_of_birth", "exit_date", "exit_status_on"):
				record[field] = getdate(record[field]) if record[field] else None
			for field in ("follow_up_due", "follow_up_done_on"):
				record[field] = getdate(record[field]) if record[field] else None
		for filters, params, period in (
			(CUMULATIVE, {"cut_off": date(2026, 12, 31)}, False),
			(CUMULATIVE | {"cut_off_date": "2025-09-30"}, {"cut_off": date(2025, 9, 30)}, False),
			(
				{"mode": "Period", "from_date": "2025-04-01", "to_date": "2025-12-31"},
				{"from_date": date(2025, 4, 1), "cut_off": date(2025, 12, 31)},
				True,
			),
		):
			expected = esf.count(records, params, period)
			rows = {r["figure"]: r for r in execute(filters)[1] if r["kind"] == "Participant"}
			self.assertGreater(expected[esf.figure_key(esf.INDICATORS[0])]["Total"], 0)
			for key, counts in expected.items():
				row = rows[key]
				got = {"Female": row["female"], "Male": row["male"], "Non-binary": row["non_binary"]}
				self.assertEqual({**got, "Total": row["total"]}, counts, f"{filters} {key}")

	def test_each_figure_drills_down_to_the_participants_behind_it(self):
		rows = [r for r in execute(CUMULATIVE)[1] if r["kind"] == "Participant"]
		for row in rows:
			names = drill_down(CUMULATIVE, row["figure"], "Female")["names"]
			self.assertEqual(len(names), row["female"], row["indicator"])
		total = drill_down(CUMULATIVE, rows[0]["figure"])["names"]
		self.assertEqual(len(total), rows[0]["total"])

	def test_drill_down_only_for_users_who_may_run_the_report(self):
		frappe.set_user(make_user("Business Coach"))
		try:
			with self.assertRaises(frappe.PermissionError):
				drill_down(CUMULATIVE, next(iter(esf.FIGURE_KEYS)))
		finally:
			frappe.set_user("Administrator")

	def test_supported_enterprises_are_unique_smes_with_a_step_done(self):
		def supported(lead, done_on="2026-03-01", **values):
			return make_support_case(
				lead,
				status="Contacted",
				steps=[{"step": "Beratung", "step_status": "Done", "completed_on": done_on}],
				**values,
			)

		before = {r["figure"]: r["total"] for r in execute(CUMULATIVE)[1] if r["kind"] == "Enterprise"}
		micro = make_lead(mq_employees=3)
		supported(micro)
		supported(micro, case_type="Settlement")  # the same business once
		supported(make_lead(mq_employees=20))
		supported(make_lead(mq_employees=400))  # no SME
		supported(make_lead(mq_employees=2, mq_business_type="Solo Self-Employed"))  # a person
		supported(make_lead(mq_employees=4), done_on="2027-02-01")  # after the cut-off
		make_support_case(make_lead(mq_employees=4), steps=[{"step": "Geplant", "step_status": "Open"}])
		after = {r["figure"]: r["total"] for r in execute(CUMULATIVE)[1] if r["kind"] == "Enterprise"}
		change = {key: after[key] - before.get(key, 0) for key in after}
		self.assertEqual(change["EECO19:Micro enterprise"], 1)
		self.assertEqual(change["EECO19:Small enterprise"], 1)
		self.assertEqual(change["EECO19:Not an SME (250 employees or more)"], 1)
		self.assertEqual(change["EECO19:Total"], 2)
		self.assertIn(micro.name, drill_down(CUMULATIVE, "EECO19:Micro enterprise")["names"])

	def test_bad_filters_get_a_clear_message(self):
		with self.assertRaises(frappe.ValidationError):
			execute({"mode": "Period", "from_date": "2025-05-01", "to_date": "2025-01-01"})
		with self.assertRaises(frappe.ValidationError):
			execute({"programme_area": "Atlantis"})

	def test_report_is_installed_for_the_programme_roles(self):
		roles = {r.role for r in frappe.get_doc("Report", "ESF Plus Indicators").roles}
		self.assertIn("Project Lead", roles)
