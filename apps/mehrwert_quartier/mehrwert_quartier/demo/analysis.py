"""Demo data of the neighbourhood economy analysis (issue 18), on top of the QS Wirtschaft demo: postcodes
of the demo businesses, innovation checks, training needs, done support steps and referrals on their support
cases, vacant units with a vacancy start in the past and QS Wirtschaft events on training topics.
Deterministic (the seeded generator, fixed dates) and idempotent: what is there already is kept."""

import random

import frappe
from frappe.utils import add_to_date

from mehrwert_quartier.demo.qs_wirtschaft import BUSINESSES, COACH, GR, LO, demo_business, insert_unit
from mehrwert_quartier.rules.analysis import INNOVATION_AREAS, INNOVATION_RATINGS, TRAINING_TOPICS

POSTCODES = {LO: ["04315", "04317", "04318"], GR: ["04207", "04209", "04205"]}
TRAINING = [t for t in TRAINING_TOPICS if t not in ("Information Needs", "Premises")]
# title, street, postcode, area, use type, m², rent, status, vacant since
UNITS = [
	(
		"Ladenlokal Eisenbahnstraße 77",
		"Eisenbahnstraße 77",
		"04315",
		LO,
		"Retail",
		48,
		450,
		"Vacant",
		"2025-09-01",
	),
	(
		"Werkstatt Wurzner Straße 20",
		"Wurzner Straße 20",
		"04318",
		LO,
		"Workshop",
		110,
		700,
		"Vacant",
		"2026-03-01",
	),
	(
		"Ladenzeile Stuttgarter Allee 11",
		"Stuttgarter Allee 11",
		"04209",
		GR,
		"Retail",
		75,
		520,
		"Vacant",
		"2026-02-01",
	),
	(
		"Büro Ratzelstraße 10",
		"Ratzelstraße 10",
		"04207",
		GR,
		"Office",
		60,
		480,
		"Under Renovation",
		"2025-11-01",
	),
]
# title, topic, area, start, status
EVENTS = [
	("Digitalisierung im Kleinbetrieb", "Digitalisation", LO, "2026-09-15 17:00:00", "Held"),
	("Fachkräfte finden und halten", "HR and Recruiting", GR, "2026-10-08 09:00:00", "Documented"),
	(
		"Marketing mit kleinem Budget",
		"Marketing and Sales",
		LO,
		"2026-12-09 17:00:00",
		"Open for Registration",
	),
	("Finanzierung für Gründende", "Financing", GR, "2026-12-16 13:00:00", "Planned"),
	("Nachfolge rechtzeitig planen", "Succession", LO, "2027-02-10 17:00:00", "Planned"),
]


def make_analysis_data(rng: random.Random) -> int:
	return set_postcodes() + enrich_cases(rng) + make_units() + make_events()


def set_postcodes() -> int:
	changed = 0
	for i, (name, area, *_rest) in enumerate(BUSINESSES):
		doctype, business = demo_business(name)
		if business and not frappe.db.get_value(doctype, business, "mq_postcode"):
			frappe.db.set_value(
				doctype, business, "mq_postcode", POSTCODES[area][i % 3], update_modified=False
			)
			if i % 2 == 0:  # known since 2025: the area profile's previous period is not empty
				known_since = f"2025-{i % 12 + 1:02d}-15 10:00:00"
				frappe.db.set_value(doctype, business, "creation", known_since, update_modified=False)
			changed += 1
	return changed


def enrich_cases(rng: random.Random) -> int:
	"""Innovation checks, training needs, a done step and a referral on the demo cases that lack them."""
	changed = 0
	names = frappe.get_all(
		"Enterprise Support Case",
		{
			"coach": COACH,
			"business_name": ("in", [b[0] for b in BUSINESSES]),
			"innovation_checked_on": ("is", "not set"),
		},
		pluck="name",
		order_by="business_name",
	)
	for name in names:
		case = frappe.get_doc("Enterprise Support Case", name)
		month = rng.randint(2, 11)
		for fieldname, _label in INNOVATION_AREAS:
			case.set(fieldname, rng.choice(INNOVATION_RATINGS))
		case.innovation_checked_on = f"2026-{month:02d}-{rng.randint(1, 28):02d}"
		case.innovation_notes = "Innovationscheck beim Betriebsbesuch"
		for topic in rng.sample(TRAINING, rng.randint(0, 2)):
			case.append(
				"training_needs",
				{
					"topic": topic,
					"employees_concerned": rng.randint(1, 6),
					"urgency": rng.choice(["Low", "Medium", "High"]),
				},
			)
		if case.status in ("In Support", "Completed"):
			for step in case.steps:
				step.step_status, step.completed_on = "Done", f"2026-{month:02d}-28"
			case.append(
				"referrals",
				{
					"adviser": "IHK zu Leipzig",
					"referral_topic": "Financing",
					"referral_date": f"2026-{month:02d}-20",
				},
			)
		case.save(ignore_permissions=True)
		changed += 1
	return changed


def make_units() -> int:
	created = 0
	for title, street, postcode, area, use, space, rent, status, since in UNITS:
		if frappe.db.exists("Commercial Unit", {"unit_title": title}):
			continue
		insert_unit(title, street, postcode, area, use, space, rent, status, "LWB", since)
		created += 1
	return created


def make_events() -> int:
	created = 0
	for title, topic, area, start, status in EVENTS:
		if frappe.db.exists("Programme Event", {"event_title": title}):
			continue
		event = frappe.get_doc(
			{
				"doctype": "Programme Event",
				"event_title": title,
				"event_type": "Business Seminar",
				"service": "QS Wirtschaft",
				"target_group": "Businesses",
				"topic": topic,
				"programme_area": area,
				"starts_on": start,
				"ends_on": add_to_date(start, hours=2),
				"capacity": 15,
			}
		).insert(ignore_permissions=True)
		frappe.db.set_value("Programme Event", event.name, "status", status)
		created += 1
	return created
