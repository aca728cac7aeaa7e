import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from mehrwert_quartier.qs_arbeit.job_matching import candidates_for_vacancy, vacancies_for_participant
from mehrwert_quartier.tests.factories import make_consent, make_customer, make_participant


def make_vacancy(**values):
	doc = frappe.get_doc(
		{
			"doctype": "Job Vacancy",
			"vacancy_title": "Lagerhelfer/in",
			"employer_type": "Customer",
			"employer": make_customer().name,
			"required_skills": "Lager, Staplerschein",
			"languages": "Deutsch",
			"programme_area": "Grünau",
			"hours_per_week": 30,
			**values,
		}
	)
	return doc.insert(ignore_permissions=True)


def consenting_participant(**values):
	participant = make_participant(**values)
	make_consent(participant.name, purpose="Profile sharing with employers")
	return participant


class TestPlacement(FrappeTestCase):
	def test_checkpoints_and_todos_one_three_six_months_after_start(self):
		participant = make_participant()
		placement = frappe.get_doc(
			{
				"doctype": "Placement",
				"participant": participant.name,
				"placement_type": "Mini-job",
				"start_date": "2026-08-31",
				"employer_type": "Customer",
				"employer": make_customer().name,
			}
		).insert(ignore_permissions=True)
		due = {row.months_after_start: getdate(row.due_date) for row in placement.checkpoints}
		self.assertEqual(due, {1: getdate("2026-09-30"), 3: getdate("2026-11-30"), 6: getdate("2027-02-28")})
		todos = frappe.get_all(
			"ToDo",
			filters={"reference_type": "Placement", "reference_name": placement.name},
			fields=["date", "allocated_to"],
		)
		self.assertEqual(sorted(getdate(t.date) for t in todos), sorted(due.values()))
		placement.save()
		self.assertEqual(
			frappe.db.count("ToDo", {"reference_name": placement.name}), 3, "saved again: no new ToDos"
		)

	def test_recorded_checkpoint_keeps_its_date_when_the_start_moves(self):
		placement = frappe.get_doc(
			{
				"doctype": "Placement",
				"participant": make_participant().name,
				"placement_type": "Apprenticeship",
				"start_date": "2026-01-15",
			}
		).insert(ignore_permissions=True)
		first = placement.checkpoints[0]
		first.result, first.checked_on = "Still Employed", "2026-02-16"
		placement.start_date = "2026-02-01"
		placement.save()
		rows = {row.months_after_start: row for row in placement.checkpoints}
		self.assertEqual(getdate(rows[1].due_date), getdate("2026-02-15"))
		self.assertEqual(getdate(rows[3].due_date), getdate("2026-05-01"))
		self.assertEqual(getdate(frappe.db.get_value("ToDo", rows[3].todo, "date")), getdate("2026-05-01"))

	def test_placement_fills_the_vacancy(self):
		vacancy = make_vacancy(positions=1)
		frappe.get_doc(
			{
				"doctype": "Placement",
				"participant": make_participant().name,
				"vacancy": vacancy.name,
				"placement_type": "Employment Subject to Social Insurance",
				"start_date": "2026-12-01",
			}
		).insert(ignore_permissions=True)
		self.assertEqual(frappe.db.get_value("Job Vacancy", vacancy.name, "status"), "Filled")


class TestMatching(FrappeTestCase):
	def test_candidates_ranked_by_fit_only_with_consent(self):
		vacancy = make_vacancy()
		best = consenting_participant(
			skills="Lager, Staplerschein", postcode="04209", available_hours=40, languages="Deutsch"
		)
		half = consenting_participant(
			skills="Lager", postcode="04209", available_hours=40, languages="Deutsch"
		)
		no_consent = make_participant(skills="Lager, Staplerschein", postcode="04209", available_hours=40)
		names = [c["name"] for c in candidates_for_vacancy(vacancy.name)]
		self.assertLess(names.index(best.name), names.index(half.name))
		self.assertNotIn(no_consent.name, names)
		top = next(c for c in candidates_for_vacancy(vacancy.name) if c["name"] == best.name)
		self.assertEqual(top["score"], 100)
		self.assertEqual(len(top["explanation"]), 4)

	def test_vacancies_ranked_for_a_participant(self):
		participant = make_participant(skills="Kasse, Verkauf", postcode="04315", available_hours=20)
		near = make_vacancy(
			required_skills="Kasse, Verkauf", programme_area="Leipziger Osten", hours_per_week=20
		)
		far = make_vacancy(required_skills="Lager", programme_area="Grünau", hours_per_week=40)
		closed = make_vacancy(
			required_skills="Kasse, Verkauf", programme_area="Leipziger Osten", status="Closed"
		)
		names = [v["name"] for v in vacancies_for_participant(participant.name)]
		self.assertLess(names.index(near.name), names.index(far.name))
		self.assertNotIn(closed.name, names)
