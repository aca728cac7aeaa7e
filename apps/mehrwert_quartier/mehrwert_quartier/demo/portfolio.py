"""Demo data of the provider portfolio: providers, offers (some not reviewed for months) and referrals."""

import random

import frappe
from frappe.utils import add_days, add_months, today

from mehrwert_quartier.rules.portfolio import REFERRAL_FLOW, TARGET_GROUPS

PROVIDERS = [
	(
		"DAA - Deutsche Angestellten-Akademie Sachsen",
		"Leipziger Osten",
		"DAA - Deutsche Angestellten-Akademie Sachsen",
	),
	("Volkshochschule Leipzig", "Leipziger Osten", None),
	("Berufsförderungswerk Leipzig", "Grünau", None),
	("Internationaler Bund Leipzig", "Grünau", None),
	("Sprachschule am Rabet", "Leipziger Osten", None),
	("Digitalwerkstatt Grünau", "Grünau", None),
	("Bildungszentrum der Handwerkskammer zu Leipzig", "Leipziger Osten", None),
]
OFFERS = [
	("Deutsch für den Beruf B1", "Language", "German"),
	("Deutsch-Intensivkurs A2", "Language", "German"),
	("Bewerbungstraining kompakt", "Job Application Training", "German"),
	("Bewerbungswerkstatt auf Arabisch", "Job Application Training", "Arabic"),
	("Digitale Grundkompetenzen", "Digital Skills", "German"),
	("Office-Kurs für Wiedereinsteigerinnen", "Digital Skills", "German"),
	("Fachkraft Lagerlogistik (Teilqualifizierung)", "Qualification", "German"),
	("Pflegehelfer/in Basiskurs", "Qualification", "German"),
	("Gründungswerkstatt", "Self-employment", "German"),
	("Gesund im Job", "Health", "German"),
	("Berufsorientierung für junge Erwachsene", "Vocational Orientation", "German"),
	("Job coaching in English", "Job Application Training", "English"),
	("Kurs für Ukrainisch-Sprechende: Arbeitsmarkt in Deutschland", "Vocational Orientation", "Ukrainian"),
]
FUNDING = ["Education Voucher", "AVGS Placement Voucher", "ESF", "Free", "Self-paid"]


def make_portfolio(rng: random.Random) -> int:
	if frappe.db.count("Training Offer"):
		return 0
	for name, area, partner in PROVIDERS:
		if not frappe.db.exists("Training Provider", name):
			frappe.get_doc(
				{
					"doctype": "Training Provider",
					"provider_name": name,
					"programme_area": area,
					"partner_organisation": partner
					if partner and frappe.db.exists("Partner Organisation", partner)
					else None,
					"email": f"kurse@{rng.randint(100, 999)}.example",
					"phone": f"0341 {rng.randint(200, 999)} {rng.randint(1000, 9999)}",
					"city": "Leipzig",
				}
			).insert(ignore_permissions=True)
	created = 0
	for title, category, language in OFFERS:
		provider, area, _partner = rng.choice(PROVIDERS)
		start = add_days(today(), rng.randint(-30, 150))
		offer = {
			"doctype": "Training Offer",
			"offer_title": title,
			"provider": provider,
			"category": category,
			"language_of_instruction": language,
			"programme_area": area,
			"funding": rng.choice(FUNDING),
			"start_date": start,
			"end_date": add_days(start, rng.choice([14, 30, 60, 120])),
			"seats": rng.choice([8, 12, 15, 20]),
			"location": f"{provider}, Leipzig",
			# about one in four offers has not been reviewed for more than six months
			"last_reviewed": add_months(today(), -rng.choice([0, 1, 2, 3, 4, 7, 9])),
		}
		offer.update({tg: int(rng.random() < 0.3) for tg in TARGET_GROUPS})
		frappe.get_doc(offer).insert(ignore_permissions=True)
		created += 1
	return created


def make_referrals(rng: random.Random) -> int:
	if frappe.db.count("Referral"):
		return 0
	participants = frappe.get_all("Participant", pluck="name", order_by="name")
	offers = frappe.get_all("Training Offer", pluck="name", order_by="name")
	if not participants or not offers:
		return 0
	courses = [
		["Proposed"],
		["Proposed", "Applied"],
		["Proposed", "Applied", "Accepted"],
		["Proposed", "Applied", "Accepted", "Started"],
		["Proposed", "Applied", "Accepted", "Started", "Completed"],
		["Proposed", "Applied", "Accepted", "Started", "Dropped"],
		["Proposed", "Applied", "Rejected"],
	]
	created = 0
	for participant in rng.sample(participants, min(30, len(participants))):
		course = rng.choice(courses)
		referral = frappe.get_doc(
			{
				"doctype": "Referral",
				"participant": participant,
				"offer": rng.choice(offers),
				"status": "Proposed",
				"proposed_on": add_days(today(), -rng.randint(40, 90)),
			}
		).insert(ignore_permissions=True)
		for step, status in enumerate(course[1:], start=1):
			assert status in REFERRAL_FLOW[referral.status]
			referral.status = status
			referral.outcome_source = "Provider" if step > 2 else "Staff"
			referral.save(ignore_permissions=True)
		created += 1
	return created
