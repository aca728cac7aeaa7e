"""Matching participants and vacancies both ways (rules in rules/matching.py), with the score explained."""

import frappe
from frappe import _
from frappe.utils import fmt_money, getdate

from mehrwert_quartier.qs_arbeit.doctype.consent.consent import has_valid_consent
from mehrwert_quartier.rules.matching import Fit, rank_participants, rank_vacancies

PROFILE_CONSENT = "Profile sharing with employers"
PARTICIPANT_FIELDS = [
	"name",
	"full_name",
	"skills",
	"languages",
	"programme_area",
	"available_hours",
	"available_from",
]
VACANCY_FIELDS = [
	"name",
	"vacancy_title",
	"employer_name",
	"status",
	"required_skills",
	"languages",
	"programme_area",
	"hours_per_week",
	"start_date",
]
CRITERIA = {
	"skills": "Skills",
	"languages": "Languages",
	"area": "Programme Area",
	"availability": "Availability",
}


@frappe.whitelist()
def candidates_for_vacancy(vacancy: str) -> list[dict]:
	"""Participants still in the programme who consented to share their profile, best fit first."""
	frappe.has_permission("Job Vacancy", "read", vacancy, throw=True)
	frappe.has_permission("Participant", "read", throw=True)
	job = frappe.db.get_value("Job Vacancy", vacancy, VACANCY_FIELDS, as_dict=True)
	people = frappe.get_list(
		"Participant",
		filters={"exit_date": ("is", "not set")},
		fields=PARTICIPANT_FIELDS,
		limit_page_length=0,
	)
	for person in people:
		person["available_from"] = getdate(person.available_from) if person.available_from else None
		person["profile_consent"] = has_valid_consent(person.name, PROFILE_CONSENT)
	job["start_date"] = getdate(job.start_date) if job.start_date else None
	return [explained(f) for f in rank_participants(job, people)]


@frappe.whitelist()
def vacancies_for_participant(participant: str) -> list[dict]:
	"""Open vacancies for a participant, best fit first."""
	frappe.has_permission("Participant", "read", participant, throw=True)
	person = frappe.db.get_value("Participant", participant, PARTICIPANT_FIELDS, as_dict=True)
	person["available_from"] = getdate(person.available_from) if person.available_from else None
	jobs = frappe.get_list(
		"Job Vacancy", filters={"status": "Open"}, fields=VACANCY_FIELDS, limit_page_length=0
	)
	for job in jobs:
		job["start_date"] = getdate(job.start_date) if job.start_date else None
	return [explained(f) for f in rank_vacancies(person, jobs)]


def explained(result: Fit) -> dict:
	return {
		**result.record,
		"score": result.score,
		"explanation": [
			{"criterion": _(CRITERIA[criterion]), "points": points, "detail": detail_text(detail)}
			for criterion, points, detail in result.explanation
		],
	}


def detail_text(detail) -> str:
	"""A criterion's detail for the desk; hours in the site's number format ("25,0 h")."""
	if isinstance(detail, float):
		return _("{0} h").format(fmt_money(detail, precision=1))
	return detail
