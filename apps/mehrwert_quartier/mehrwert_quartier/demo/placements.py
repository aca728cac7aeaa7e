"""Demo data of job placement: skills and availability of participants, vacancies, consents, placements."""

import random

import frappe
from frappe.utils import add_days, add_months, today

SKILLS = [
	"Lager",
	"Staplerschein",
	"Kasse",
	"Verkauf",
	"Reinigung",
	"Pflege",
	"Küche",
	"Service",
	"Büro",
	"Buchhaltung",
	"Fahrerlaubnis B",
	"Kinderbetreuung",
	"Handwerk",
	"EDV",
	"Kundenservice",
]
VACANCIES = [
	("Lagerhelfer/in", "Lagerlogistik", "Lager, Staplerschein", 38),
	("Verkäufer/in Bäckerei", "Verkauf", "Kasse, Verkauf", 30),
	("Küchenhilfe", "Gastronomie", "Küche", 20),
	("Servicekraft Café", "Gastronomie", "Service, Kasse", 25),
	("Reinigungskraft", "Gebäudereinigung", "Reinigung", 20),
	("Pflegehelfer/in", "Pflege", "Pflege", 35),
	("Bürokraft", "Büro", "Büro, EDV", 30),
	("Fahrer/in Lieferdienst", "Logistik", "Fahrerlaubnis B", 30),
	("Auszubildende/r Einzelhandel", "Einzelhandel", "Verkauf, Kundenservice", 40),
	("Helfer/in Handwerk", "Handwerk", "Handwerk", 38),
]
TYPES = [
	"Employment Subject to Social Insurance",
	"Mini-job",
	"Apprenticeship",
	"Self-employment",
	"Job-to-job Change",
]


def make_vacancies_and_placements(rng: random.Random) -> int:
	if frappe.db.count("Job Vacancy"):
		return 0
	participants = frappe.get_all("Participant", fields=["name", "exit_date"], order_by="name")
	for person in participants:
		frappe.db.set_value(
			"Participant",
			person.name,
			{
				"skills": ", ".join(rng.sample(SKILLS, rng.randint(1, 4))),
				"available_hours": rng.choice([15, 20, 25, 30, 40]),
				"available_from": add_days(today(), rng.randint(-30, 60)),
			},
			update_modified=False,
		)
		if rng.random() < 0.6:
			frappe.get_doc(
				{
					"doctype": "Consent",
					"participant": person.name,
					"purpose": "Profile sharing with employers",
					"given_on": add_days(today(), -rng.randint(10, 200)),
				}
			).insert(ignore_permissions=True)
	employers = frappe.get_all(
		"Customer", filters={"customer_group": ("!=", "")}, pluck="name", order_by="name"
	)[:10]
	employers = employers or frappe.get_all("Customer", pluck="name", order_by="name")[:10]
	if not employers:
		return 0
	vacancies = []
	for title, occupation, skills, hours in VACANCIES:
		vacancies.append(
			frappe.get_doc(
				{
					"doctype": "Job Vacancy",
					"vacancy_title": title,
					"occupation": occupation,
					"employer_type": "Customer",
					"employer": rng.choice(employers),
					"required_skills": skills,
					"hours_per_week": hours,
					"languages": "Deutsch",
					"programme_area": rng.choice(["Leipziger Osten", "Grünau"]),
					"start_date": add_days(today(), rng.randint(7, 90)),
					"positions": rng.choice([1, 1, 2]),
					"employment_type": rng.choice(TYPES[:3]),
				}
			).insert(ignore_permissions=True)
		)
	placed = [p for p in participants if p.exit_date][:8]
	for person in placed:
		vacancy = rng.choice(vacancies)
		frappe.get_doc(
			{
				"doctype": "Placement",
				"participant": person.name,
				"placement_type": rng.choice(TYPES),
				"start_date": add_months(today(), -rng.randint(0, 7)),
				"employer_type": "Customer",
				"employer": vacancy.employer,
			}
		).insert(ignore_permissions=True)
	return len(vacancies)
