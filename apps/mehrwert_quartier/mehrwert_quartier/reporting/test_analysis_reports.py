"""The analysis reports of issue 18 on the demo data: every figure computed a second way, from the records
themselves in Python (simple selects, no grouping), and compared with the report."""

import io
import random
from collections import Counter, defaultdict
from datetime import date, datetime

import frappe
from frappe.tests.utils import FrappeTestCase
from openpyxl import load_workbook

from mehrwert_quartier.demo import analysis as demo_analysis
from mehrwert_quartier.demo import programme as demo_programme
from mehrwert_quartier.demo import qs_wirtschaft as demo_qs
from mehrwert_quartier.reporting.analysis import column_key
from mehrwert_quartier.reporting.report.area_profile import area_profile
from mehrwert_quartier.reporting.report.new_work_target_groups import new_work_target_groups
from mehrwert_quartier.reporting.report.training_needs_analysis import training_needs_analysis
from mehrwert_quartier.rules.analysis import (
	FOUNDING_COHORTS,
	NEW_WORK_TYPES,
	SIZE_CLASSES,
	band_of,
	months_between,
	share,
)
from mehrwert_quartier.tests.factories import make_lead, make_support_case, make_user

PERIOD = {"from_date": "2026-01-01", "to_date": "2026-12-31"}
START, END = date(2026, 1, 1), date(2026, 12, 31)
PREVIOUS = (date(2025, 1, 1), date(2025, 12, 31))
AREAS = ("Grünau", "Leipziger Osten")


def load_demo():
	demo_programme.make_users(random.Random(1))
	for generator in (
		demo_qs.make_businesses,
		demo_qs.make_commercial_units,
		demo_qs.make_settlement_requests,
		demo_analysis.make_analysis_data,
	):
		generator(random.Random(7))


def day(value) -> date:
	return value.date() if isinstance(value, datetime) else value


def businesses(until: date) -> list[dict]:
	"""The known businesses at a day, read record by record."""
	rows = []
	for doctype in ("Lead", "Prospect", "Customer"):
		fields = ["name", "creation", "mq_programme_area", "mq_postcode", "mq_sector", "mq_business_type"]
		fields += ["mq_employees", "mq_founding_year", "status" if doctype == "Lead" else "name as status"]
		fields += ["disabled"] if doctype == "Customer" else []
		for r in frappe.get_all(doctype, fields=fields):
			if (doctype == "Lead" and r.status == "Converted") or r.get("disabled"):
				continue
			if day(r.creation) <= until:
				rows.append(r)
	return rows


def case_rows() -> list[dict]:
	return frappe.get_all(
		"Enterprise Support Case",
		fields=[
			"name",
			"business_doctype",
			"business",
			"programme_area",
			"outreach_visit_date",
			"creation",
			"status",
			"modified",
			"innovation_checked_on",
			"innovation_score",
		],
	)


def child_rows(doctype: str, fields: str) -> list[dict]:
	return frappe.db.sql(
		f"select parent, {fields} from `tab{doctype}` where parenttype = 'Enterprise Support Case'",
		as_dict=True,
	)


def business_values() -> dict:
	"""(doctype, name) -> the business's fields, converted or not."""
	out = {}
	for doctype in ("Lead", "Prospect", "Customer"):
		for r in frappe.get_all(doctype, fields=["name", "mq_business_type", "mq_sector", "mq_postcode"]):
			out[(doctype, r.name)] = r
	return out


def by_figure(rows) -> dict:
	return {r["figure"]: r for r in rows}


class TestAreaProfile(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		load_demo()
		cls.columns, cls.rows, _message, cls.chart = area_profile.execute(PERIOD)
		cls.by = by_figure(cls.rows)

	def test_known_businesses_by_area_and_by_every_key(self):
		for when, column in ((END, "total"), (PREVIOUS[1], "previous")):
			known = businesses(when)
			self.assertEqual(self.by["Known businesses"][column], len(known))
			if column == "total":
				for area in AREAS:
					expected = sum(1 for b in known if b.mq_programme_area == area)
					self.assertEqual(self.by["Known businesses"][column_key(area)], expected)
			for label, key in (
				("Businesses by sector", lambda b: b.mq_sector),
				("Businesses by business type", lambda b: b.mq_business_type),
				("Businesses by size class", lambda b: band_of(b.mq_employees, SIZE_CLASSES)),
				(
					"Businesses by founding cohort",
					lambda b: band_of(b.mq_founding_year or None, FOUNDING_COHORTS),
				),
			):
				counted = Counter(key(b) or "not recorded" for b in known)
				reported = {
					f.split(": ", 1)[1]: r[column] for f, r in self.by.items() if f.startswith(label + ": ")
				}
				self.assertEqual(
					{k: v for k, v in reported.items() if v}, {k: float(v) for k, v in counted.items()}
				)
		self.assertGreaterEqual(self.by["Known businesses"]["total"], 30)  # the demo's businesses

	def test_reached_and_supported_businesses_and_their_share(self):
		cases = case_rows()
		reached = defaultdict(set)
		for c in cases:
			on = c.outreach_visit_date or day(c.creation)
			if START <= on <= END:
				reached[c.programme_area].add((c.business_doctype, c.business))
				reached["total"].add((c.business_doctype, c.business))
		row = self.by["Businesses reached"]
		self.assertEqual(row["total"], len(reached["total"]))
		for area in AREAS:
			self.assertEqual(row[column_key(area)], len(reached[area]))
		done = {
			s.parent
			for s in child_rows("Enterprise Support Step", "step_status, completed_on")
			if s.step_status == "Done" and s.completed_on and START <= s.completed_on <= END
		}
		supported = {(c.business_doctype, c.business) for c in cases if c.name in done}
		self.assertEqual(self.by["Businesses supported"]["total"], len(supported))
		self.assertGreater(len(supported), 0)  # the demo's cases in support have done steps
		known = self.by["Known businesses"]["total"]
		self.assertEqual(
			self.by["Share of known businesses reached (%)"]["total"], share(len(reached["total"]), known)
		)

	def test_vacant_units_floor_space_and_months_vacant(self):
		units = frappe.get_all(
			"Commercial Unit", fields=["status", "available_from", "floor_space", "programme_area"]
		)
		vacant = [
			u
			for u in units
			if u.status in ("Vacant", "Under Renovation")
			and (not u.available_from or u.available_from <= END)
		]
		self.assertEqual(self.by["Vacant commercial units"]["total"], len(vacant))
		self.assertAlmostEqual(
			self.by["Vacant floor space (m²)"]["total"], sum(u.floor_space for u in vacant)
		)
		dated = [months_between(u.available_from, END) for u in vacant if u.available_from]
		self.assertEqual(self.by["Average months vacant"]["total"], round(sum(dated) / len(dated), 1))
		for area in AREAS:
			self.assertEqual(
				self.by["Vacant commercial units"][column_key(area)],
				sum(1 for u in vacant if u.programme_area == area),
			)
		before = [
			u
			for u in units
			if u.status in ("Vacant", "Under Renovation")
			and (not u.available_from or u.available_from <= PREVIOUS[1])
		]
		self.assertEqual(self.by["Vacant commercial units"]["previous"], len(before))

	def test_settlements_and_innovation_checks(self):
		settled = frappe.get_all("Settlement Request", fields=["status", "commercial_unit", "modified"])
		expected = sum(
			1
			for s in settled
			if s.status == "Settled" and s.commercial_unit and START <= day(s.modified) <= END
		)
		self.assertEqual(self.by["Settlements into vacant units"]["total"], expected)
		checked = [
			c for c in case_rows() if c.innovation_checked_on and START <= c.innovation_checked_on <= END
		]
		self.assertEqual(self.by["Innovation checks done"]["total"], len(checked))
		self.assertEqual(
			self.by["Average innovation score (0-18)"]["total"],
			round(sum(c.innovation_score for c in checked) / len(checked), 1),
		)
		values = business_values()
		by_sector = defaultdict(list)
		for c in checked:
			sector = values[(c.business_doctype, c.business)].mq_sector or "not recorded"
			by_sector[sector].append(c.innovation_score)
		prefix = "Average innovation score by sector: "
		reported = {f[len(prefix) :]: r["total"] for f, r in self.by.items() if f.startswith(prefix)}
		self.assertEqual(reported, {s: round(sum(v) / len(v), 1) for s, v in by_sector.items()})

	def test_change_against_the_previous_period_and_the_chart(self):
		row = self.by["Known businesses"]
		self.assertEqual(row["change"], row["total"] - row["previous"])
		self.assertEqual(self.chart["type"], "bar")
		self.assertEqual(len(self.chart["data"]["datasets"]), 2)
		self.assertEqual(sum(self.chart["data"]["datasets"][0]["values"]), row["total"])

	def test_columns_by_postcode(self):
		columns, rows, *_rest = area_profile.execute({**PERIOD, "columns_by": "Postcode"})
		labels = [c["label"] for c in columns]
		self.assertIn("04315", labels)
		known = by_figure(rows)["Known businesses"]
		counted = Counter(b.mq_postcode for b in businesses(END))
		for postcode in ("04315", "04209"):
			self.assertEqual(known[column_key(postcode)], counted[postcode])
			self.assertGreater(counted[postcode], 0)


class TestNewWorkTargetGroups(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		load_demo()
		_columns, rows = new_work_target_groups.execute(PERIOD)
		cls.rows = {(r["target_group"], r["programme_area"]): r for r in rows}

	def test_known_reached_needs_and_support_per_group_and_area(self):
		known = businesses(END)
		values = business_values()
		cases = case_rows()
		in_group = {
			c.name: (values.get((c.business_doctype, c.business)) or {}).get("mq_business_type")
			for c in cases
		}
		needs = child_rows("Enterprise Support Need", "topic")
		steps = child_rows("Enterprise Support Step", "step_status, completed_on")
		for group in NEW_WORK_TYPES:
			total = self.rows[(group, "All areas")]
			in_areas = [b for b in known if b.mq_business_type == group and b.mq_programme_area]
			self.assertEqual(total["known"], len(in_areas))
			for area in AREAS:
				row = self.rows[(group, area)]
				self.assertEqual(
					row["known"],
					sum(1 for b in known if b.mq_business_type == group and b.mq_programme_area == area),
				)
				group_cases = {
					c.name: c for c in cases if in_group[c.name] == group and c.programme_area == area
				}
				reached = {
					(c.business_doctype, c.business)
					for c in group_cases.values()
					if START <= (c.outreach_visit_date or day(c.creation)) <= END
				}
				self.assertEqual(row.get("reached", 0), len(reached))
				for topic in ("Financing", "Digitalisation"):
					naming = {
						(group_cases[n.parent].business_doctype, group_cases[n.parent].business)
						for n in needs
						if n.parent in group_cases
						and n.topic == topic
						and (group_cases[n.parent].outreach_visit_date or day(group_cases[n.parent].creation))
						<= END
					}
					self.assertEqual(row.get(f"need_{frappe.scrub(topic)}", 0), len(naming))
				done = sum(
					1
					for s in steps
					if s.parent in group_cases
					and s.step_status == "Done"
					and s.completed_on
					and START <= s.completed_on <= END
				)
				self.assertEqual(row.get("steps_done", 0), done)
		self.assertGreater(sum(r.get("known", 0) for k, r in self.rows.items() if k[1] == "All areas"), 0)


class TestTrainingNeedsAnalysis(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		load_demo()
		cls.columns, rows = training_needs_analysis.execute(PERIOD)
		cls.rows = {r["id"]: r for r in rows}

	def test_needs_entries_and_events_per_topic(self):
		cases = {
			c.name: c
			for c in case_rows()
			if c.programme_area in AREAS and START <= (c.outreach_visit_date or day(c.creation)) <= END
		}
		entries = [
			e
			for e in child_rows("Enterprise Training Need", "topic, employees_concerned, urgency")
			if e.parent in cases
		]
		needs = [n for n in child_rows("Enterprise Support Need", "topic") if n.parent in cases]
		events = frappe.get_all("Programme Event", fields=["topic", "status", "starts_on", "programme_area"])
		topics = {e.topic for e in entries} | {n.topic for n in needs}
		self.assertTrue(topics)
		for topic in topics:
			row = self.rows[topic]
			naming = {
				(cases[n.parent].business_doctype, cases[n.parent].business)
				for n in needs
				if n.topic == topic
			}
			self.assertEqual(row["needs_businesses"], len(naming))
			mine = [e for e in entries if e.topic == topic]
			self.assertEqual(row["entries"], len(mine))
			self.assertEqual(row["employees"], sum(e.employees_concerned for e in mine))
			self.assertEqual(row["urgent"], sum(1 for e in mine if e.urgency == "High"))
		for topic in ("Digitalisation", "Financing"):
			held = [
				e
				for e in events
				if e.topic == topic and e.programme_area in AREAS and START <= day(e.starts_on) <= END
			]
			row = self.rows.get(topic, {})
			self.assertEqual(
				row.get("events_held", 0), sum(1 for e in held if e.status in ("Held", "Documented"))
			)
			self.assertEqual(
				row.get("events_planned", 0),
				sum(1 for e in held if e.status in ("Planned", "Open for Registration")),
			)

	def test_export_through_the_safe_writer_for_the_business_coach_only(self):
		coach = make_user("Business Coach")
		frappe.set_user(coach)
		try:
			frappe.local.response = frappe._dict()
			training_needs_analysis.download(frappe.as_json(PERIOD))
			sheet = load_workbook(io.BytesIO(frappe.local.response["filecontent"])).active
			self.assertEqual(sheet.max_row, len(self.rows) + 1)
			self.assertEqual(sheet.cell(1, 1).value, frappe._("Training Topic"))
		finally:
			frappe.set_user("Administrator")
		frappe.set_user(make_user("Counsellor"))
		try:
			with self.assertRaises(frappe.PermissionError):
				training_needs_analysis.download(frappe.as_json(PERIOD))
		finally:
			frappe.set_user("Administrator")


class TestInnovationCheck(FrappeTestCase):
	def test_the_score_is_the_sum_and_a_partial_check_is_refused(self):
		case = make_support_case(make_lead(), programme_area="Grünau")
		ratings = [
			"3 - Advanced",
			"2 - Developed",
			"1 - Initial",
			"0 - None",
			"3 - Advanced",
			"2 - Developed",
		]
		for (fieldname, _label), rating in zip(demo_analysis.INNOVATION_AREAS, ratings, strict=True):
			case.set(fieldname, rating)
		case.save(ignore_permissions=True)
		self.assertEqual(case.innovation_score, 11)
		self.assertTrue(case.innovation_checked_on)
		case.innovation_cooperation = ""
		self.assertRaises(frappe.ValidationError, case.save, ignore_permissions=True)
