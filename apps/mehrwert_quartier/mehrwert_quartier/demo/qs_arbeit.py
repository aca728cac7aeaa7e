"""Demo data of QS Arbeit: participants in both areas with consents, consultations, exits and follow-ups."""

import random
from datetime import date, timedelta

import frappe

from mehrwert_quartier.demo.people import make_people
from mehrwert_quartier.qs_arbeit.setup import DISCONTINUE
from mehrwert_quartier.rules.esf import follow_up_due

COUNSELLOR = "beratung@mehrwert.example"
PARTICIPANTS = 60
FOLLOW_UP_RECORDED_UNTIL = date(2026, 11, 1)  # a fixed day, so the demo does not depend on today
LANGUAGES = [
	"Deutsch",
	"Deutsch, Englisch",
	"Arabisch, Deutsch",
	"Russisch, Deutsch",
	"Türkisch, Deutsch",
	"Polnisch, Deutsch",
	"Vietnamesisch",
]
TYPES = [
	"First contact",
	"Referral counselling",
	"Education-needs analysis",
	"Employment-oriented counselling",
	"Case management session",
	"Health coaching",
	"Psychosocial crisis",
	"Job-to-job",
]
START_TIMES = ["08:30:00", "09:00:00", "10:00:00", "10:30:00", "11:30:00", "13:00:00", "14:00:00", "15:30:00"]
CHANNELS = ["Walk-in", "Walk-in", "Phone", "Outreach", "Online"]
TOPICS = [
	"Bewerbungsunterlagen",
	"Sprachkurs B1",
	"Kinderbetreuung",
	"Anerkennung des Berufsabschlusses",
	"Weiterbildung Lager/Logistik",
	"Schulden",
	"Wohnungssuche",
	"Minijob und Zuverdienst",
]
YNA = ["Yes", "No", "No", "No answer"]


def make_participants(rng: random.Random) -> int:
	"""~60 participants; a few with incomplete ESF data, about a quarter exited (follow-up ToDo)."""
	counsellor = COUNSELLOR if frappe.db.exists("User", COUNSELLOR) else "Administrator"
	jobcenter = frappe.db.exists("Partner Organisation", "Jobcenter Leipzig")
	created = 0
	for index, person in enumerate(make_people(rng, PARTICIPANTS)):
		# draw every random value first, so the sequence is the same whether or not the record exists
		entry = date(2025, 1, 6) + timedelta(days=rng.randint(0, 420))
		data = participant_data(rng, person, entry, counsellor, incomplete=index % 12 == 5)
		exit_data = exit_values(rng, entry, data["labour_market_status"]) if rng.random() < 0.25 else {}
		consultations = [consultation_data(rng, entry, counsellor) for _ in range(rng.randint(1, 4))]
		jobcenter_consent = rng.random() < 0.5
		photo_withdrawn = rng.random() < 0.15
		plan = coaching_plan_data(rng, entry, counsellor) if rng.random() < 0.3 else None
		filters = {
			"first_name": person.first_name,
			"last_name": person.last_name,
			"address_line": person.street,
		}
		if frappe.db.exists("Participant", filters):
			continue
		participant = frappe.get_doc({"doctype": "Participant", **data, **exit_data}).insert(
			ignore_permissions=True
		)
		add_consent(participant.name, "Counselling", entry)
		add_consent(participant.name, "ESF monitoring", entry)
		if jobcenter_consent and jobcenter:
			add_consent(participant.name, "Data sharing with the Jobcenter", entry, recipient=jobcenter)
		if photo_withdrawn:
			add_consent(participant.name, "Photos at events", entry, withdrawn_on=entry + timedelta(days=30))
		for values in consultations:
			frappe.get_doc({"doctype": "Consultation", "participant": participant.name, **values}).insert(
				ignore_permissions=True
			)
		if plan:
			add_coaching_plan(participant.name, *plan)
		created += 1
	return created


def participant_data(rng: random.Random, person, entry: date, counsellor: str, incomplete: bool) -> dict:
	age = rng.choice([rng.randint(18, 29), rng.randint(30, 54), rng.randint(30, 54), rng.randint(55, 63)])
	status = rng.choice(["Unemployed", "Unemployed", "Unemployed", "Inactive", "Employed", "Self-employed"])
	data = {
		"first_name": person.first_name,
		"last_name": person.last_name,
		"gender": person.gender,
		"date_of_birth": entry - timedelta(days=age * 365 + rng.randint(0, 364)),
		"address_line": person.street,
		"postcode": person.postcode,
		"city": person.city,
		"phone": person.phone,
		"languages": rng.choice(LANGUAGES),
		"responsible_counsellor": counsellor,
		"entry_date": entry,
		"labour_market_status": status,
		"unemployment_months": rng.choice([3, 8, 12, 20, 36]) if status == "Unemployed" else None,
		"isced_level": rng.choice(["ISCED 1", "ISCED 2", "ISCED 3", "ISCED 3", "ISCED 4", "ISCED 6"]),
		"household_situation": rng.choice(
			[
				"Single-adult household",
				"Single-adult household with dependent children",
				"Jobless household",
				"Other household",
				"No answer",
			]
		),
		"disability": rng.choice(YNA),
		"foreign_background": rng.choice(YNA),
		"third_country_national": rng.choice(YNA),
		"minority": rng.choice(YNA),
		"homelessness": rng.choice(["No", "No", "No", "Yes", "No answer"]),
		"tg_migrant_women": int(person.gender == "Female" and rng.random() < 0.4),
		"tg_older": int(age >= 55),
		"tg_single_parent": int(rng.random() < 0.2),
		"tg_returner": int(rng.random() < 0.1),
		"tg_young_adult": int(age < 27),
		"jobcenter_customer_number": f"{rng.randint(100, 999)}D{rng.randint(1000000, 9999999)}"
		if status == "Unemployed"
		else None,
	}
	if incomplete:
		data["isced_level"] = None
		data["minority"] = None
	return data


def exit_values(rng: random.Random, entry: date, status_at_entry: str | None = None) -> dict:
	"""Exit, state upon leaving and six-month result; the random draws are the same as before issue 13, the
	new fields are derived from them (so the rest of the demo stays as it was)."""
	status = rng.choice(
		[
			"Employed",
			"Employed",
			"Job searching",
			"In education or training",
			"Gained a qualification",
			"Self-employed",
			"Inactive",
		]
	)
	qualification = status == "Gained a qualification"
	if qualification:
		status = "In education or training"
	reason = {"Employed": "Job taken up", "In education or training": "Training taken up"}.get(
		status, "Regular completion"
	)
	exit_date = entry + timedelta(days=rng.randint(90, 300))
	values = {
		"exit_date": exit_date,
		"exit_reason": reason,
		"exit_status": status,
		# the last state known within the 28 days after exit
		"exit_status_on": exit_date + timedelta(days=exit_date.toordinal() % 29),
		"exit_qualification": int(qualification or (status == "Employed" and exit_date.toordinal() % 3 == 0)),
	}
	result = rng.choice(
		[
			"Employed",
			"Employed",
			"Self-employed",
			"Improved labour market situation",
			"No improvement",
			"Not reachable",
		]
	)
	improved = result == "Improved labour market situation"
	result = {"Improved labour market situation": "Employed", "No improvement": "Not employed"}.get(
		result, result
	)
	done_on = follow_up_due(exit_date) + timedelta(days=rng.randint(0, 10))
	if done_on <= FOLLOW_UP_RECORDED_UNTIL:
		values.update(follow_up_result=result, follow_up_done_on=done_on)
		if status_at_entry in ("Employed", "Self-employed") and result in ("Employed", "Self-employed"):
			values["follow_up_improvement"] = (
				"Precarious to stable employment" if improved else "No improvement"
			)
	return values


def consultation_data(rng: random.Random, entry: date, counsellor: str) -> dict:
	kind = rng.choice(TYPES)
	day = entry + timedelta(days=rng.randint(0, 120))
	values = {
		"consultation_date": day,
		# from the day, not from rng: the other demo values stay as they were
		"start_time": START_TIMES[day.toordinal() % len(START_TIMES)],
		"duration_minutes": rng.choice([30, 45, 60, 90]),
		"counsellor": counsellor,
		"consultation_type": kind,
		"channel": rng.choice(CHANNELS),
		"topics": ", ".join(rng.sample(TOPICS, 2)),
		"outcome": rng.choice(
			["Unterlagen besprochen", "Termin beim Bildungsträger vereinbart", "Bewerbung verschickt"]
		),
		"next_steps": rng.choice(
			["Lebenslauf überarbeiten", "Kursanmeldung", "Rückmeldung Jobcenter abwarten"]
		),
		"follow_up_date": day + timedelta(days=14) if rng.random() < 0.3 else None,
	}
	if kind in ("Psychosocial crisis", "Health coaching"):
		values["confidential_notes"] = rng.choice(
			[
				"Schlafstörungen, Überweisung an Beratungsstelle besprochen",
				"Belastung durch Pflege eines Angehörigen",
			]
		)
	return values


def add_consent(participant: str, purpose: str, given_on: date, **values) -> None:
	frappe.get_doc(
		{"doctype": "Consent", "participant": participant, "purpose": purpose, "given_on": given_on, **values}
	).insert(ignore_permissions=True)


GOALS = [
	("Sozialversicherungspflichtige Beschäftigung im Einzelhandel", "Employment", "Bewerbungstraining"),
	("Deutschkenntnisse auf B1 verbessern", "Language", "Integrationskurs"),
	("Anerkennung des Berufsabschlusses", "Education or training", "Anerkennungsberatung"),
	("Kinderbetreuung sichern", "Childcare", "Kita-Platz beantragen"),
	("Schuldenregulierung beginnen", "Debt", "Termin Schuldnerberatung"),
	("Stabilisierung der Gesundheit", "Health", "Gesundheitscoaching"),
]
# workflow actions that lead a plan to its demo state
PLAN_PATHS = [
	[],
	["Agree"],
	["Agree", "Activate"],
	["Agree", "Activate"],
	["Agree", "Activate", "Complete"],
	[DISCONTINUE],
]


def coaching_plan_data(rng: random.Random, entry: date, counsellor: str) -> tuple[dict, list[str]]:
	goals = [
		{
			"goal": goal,
			"goal_area": area,
			"measure": measure,
			"target_date": entry + timedelta(days=rng.randint(60, 240)),
		}
		for goal, area, measure in rng.sample(GOALS, rng.randint(1, 3))
	]
	values = {
		"counsellor": counsellor,
		"start_date": entry + timedelta(days=rng.randint(7, 30)),
		"goals": goals,
	}
	return values, rng.choice(PLAN_PATHS)


def add_coaching_plan(participant: str, values: dict, actions: list[str]) -> None:
	from frappe.model.workflow import apply_workflow

	plan = frappe.get_doc({"doctype": "Coaching Plan", "participant": participant, **values})
	plan.insert(ignore_permissions=True)
	for action in actions:  # runs as the loading user (Administrator), who may take every transition
		plan = apply_workflow(plan, action)
