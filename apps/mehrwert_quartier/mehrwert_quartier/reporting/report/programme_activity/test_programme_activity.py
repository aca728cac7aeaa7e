import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.reporting.report.programme_activity.programme_activity import area_key, execute
from mehrwert_quartier.tests.factories import (
	make_commercial_unit,
	make_consultation,
	make_customer,
	make_lead,
	make_participant,
	make_support_case,
)

PERIOD = {"from_date": "2031-01-01", "to_date": "2031-12-31"}


def figures(filters=PERIOD) -> dict[str, dict]:
	return {r["figure"]: r for r in execute(filters)[1]}


class TestProgrammeActivity(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		# a year of its own, so that other tests' records stay out of it
		cls.east = make_participant(postcode="04315", entry_date="2031-02-03", date_of_birth="1980-01-01")
		cls.west = make_participant(postcode="04209", entry_date="2031-03-03", date_of_birth="1980-01-01")
		make_participant(
			postcode="04209", entry_date="2030-03-03", date_of_birth="1980-01-01"
		)  # still active
		make_consultation(cls.east.name, consultation_date="2031-02-10", duration_minutes=90)
		make_consultation(cls.west.name, consultation_date="2031-02-11", duration_minutes=30)
		lead = make_lead()
		for _ in range(2):  # two cases of one business: one business supported
			make_support_case(
				lead,
				programme_area="Grünau",
				needs=[{"topic": "Financing"}],
				steps=[{"step": "Beratung", "step_status": "Done", "completed_on": "2031-05-05"}],
			)

	def test_figures_by_district_with_their_total(self):
		by = figures()
		east, west = area_key("Leipziger Osten"), area_key("Grünau")
		entered = by["Participants entered"]
		self.assertEqual((entered[east], entered[west], entered["total"]), (1, 1, 2))
		active = frappe.db.sql(
			"""select count(*) from tabParticipant where entry_date <= '2031-12-31'
			and (exit_date is null or exit_date >= '2031-01-01')"""
		)[0][0]
		self.assertEqual(by["Participants active"]["total"], active)
		self.assertGreaterEqual(active, 3)
		self.assertEqual(by["Contact hours in consultations"]["total"], 2.0)
		self.assertEqual(by["Businesses supported"][west], 1)
		topics = [r["total"] for f, r in by.items() if f.startswith("Businesses supported by need topic: ")]
		self.assertEqual(topics, [1])

	def test_second_way_participants_entered_equals_a_count_of_the_records(self):
		expected = frappe.db.count("Participant", {"entry_date": ("between", ["2031-01-01", "2031-12-31"])})
		self.assertEqual(figures()["Participants entered"]["total"], expected)
		consultations = frappe.db.count(
			"Consultation", {"consultation_date": ("between", ["2031-01-01", "2031-12-31"])}
		)
		by_type = [r["total"] for f, r in figures().items() if f.startswith("Consultations by type")]
		self.assertEqual(sum(by_type), consultations)

	def test_reach_per_thousand_residents_from_the_area_master_data(self):
		frappe.db.set_value("Programme Area", "Grünau", "residents", 40000)
		by = figures()
		reach = by["Participants entered per 1,000 residents"]
		self.assertEqual(reach[area_key("Grünau")], 0.0)  # 1 / 40,000 * 1,000 rounded to one decimal
		self.assertIsNone(reach[area_key("Leipziger Osten")])  # residents not recorded
		# the total: the whole territory's residents (the districts' sum would leave out Leipziger Osten's)
		entered = by["Participants entered"]["total"]
		self.assertEqual(reach["total"], round(1000 * entered / 76732, 1))
		self.assertEqual(by["Residents"]["total"], 76732)
		self.assertIn("Leipziger Osten", execute(PERIOD)[2])  # the report says whose residents are missing
		only = {r["figure"]: r for r in execute({**PERIOD, "programme_area": "Leipziger Osten"})[1]}
		self.assertIsNone(only["Participants entered per 1,000 residents"]["total"])  # never the territory's

	def test_settlements_count_by_their_settlement_date_not_by_the_last_change(self):
		def settled(settled_on, modified):
			request = frappe.get_doc(
				{
					"doctype": "Settlement Request",
					"business_doctype": "Customer",
					"business": make_customer(mq_programme_area="Grünau").name,
					"use_type": "Retail",
				}
			).insert(ignore_permissions=True)
			values = {
				"status": "Settled",
				"commercial_unit": make_commercial_unit().name,
				"settled_on": settled_on,
			}
			frappe.db.set_value("Settlement Request", request.name, {**values, "modified": modified})

		before = figures()["Settlements into vacant units"]["total"]
		settled("2031-06-01", "2032-02-01 10:00:00")  # settled in the year, edited later
		settled("2030-12-31", "2031-03-01 10:00:00")  # settled the year before, edited in the year
		self.assertEqual(figures()["Settlements into vacant units"]["total"] - before, 1)

	def test_a_period_without_records_shows_every_figure_as_zero(self):
		by = figures({"from_date": "1901-01-01", "to_date": "1901-12-31"})
		for figure in ("Participants entered", "Settlements into vacant units", "Referrals by status"):
			self.assertEqual(by[figure]["total"], 0, figure)
		self.assertEqual(by["Participants entered per 1,000 residents"]["total"], 0.0)

	def test_area_filter_keeps_its_districts(self):
		only = execute({**PERIOD, "programme_area": "Grünau"})
		self.assertEqual([c["label"] for c in only[0]][2:-1], ["Grünau"])
		self.assertEqual({r["figure"]: r for r in only[1]}["Participants entered"]["total"], 1)
