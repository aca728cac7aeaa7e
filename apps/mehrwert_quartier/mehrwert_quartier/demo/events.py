"""Demo data of programme events: events of both services, registrations, waitlists and attendance."""

import random

import frappe
from frappe.utils import add_to_date, get_datetime, today

EVENTS = [
	("Bewerbungstraining für Alleinerziehende", "Workshop", "QS Arbeit", "Single Parents", "Leipziger Osten"),
	("Profiling-Tag für Migrantinnen", "Coaching Group", "QS Arbeit", "Migrant Women", "Leipziger Osten"),
	("Fit für den Wiedereinstieg", "Training", "QS Arbeit", "Women Returning to Work", "Grünau"),
	("Erfahrung zählt: Jobbörse 55+", "Information Event", "QS Arbeit", "Older Participants", "Grünau"),
	("Ausbildung oder Studium? Orientierung", "Information Event", "QS Arbeit", "Young Adults", "Grünau"),
	("Personal finden im Kiez", "Business Seminar", "QS Wirtschaft", "Businesses", "Leipziger Osten"),
	("Führung im Kleinbetrieb", "Business Seminar", "QS Wirtschaft", "Businesses", "Grünau"),
	("Leerstand erleben: Tag der offenen Läden", "Promotion Event", "QS Wirtschaft", "Businesses", "Grünau"),
	(
		"Eisenbahnstraßen-Fest der lokalen Ökonomie",
		"Promotion Event",
		"Both Services",
		"All Residents",
		"Leipziger Osten",
	),
	(
		"Digitale Sichtbarkeit für Soloselbstständige",
		"Workshop",
		"QS Wirtschaft",
		"Solo Self-employed",
		"Leipziger Osten",
	),
]
PLACES = {
	"Leipziger Osten": "ArbeitsladenPLUS, Eisenbahnstraße",
	"Grünau": "Stadtteilladen Grünau, Stuttgarter Allee",
}


def make_events(rng: random.Random) -> int:
	if frappe.db.count("Programme Event"):
		return 0
	participants = frappe.get_all("Participant", pluck="name", order_by="name")
	for index, (title, kind, service, group, area) in enumerate(EVENTS):
		days = rng.randint(-60, -5) if index % 2 == 0 else rng.randint(5, 60)
		start = get_datetime(
			f"{add_to_date(today(), days=days)} {rng.choice(['09:00', '13:00', '17:00'])}:00"
		)
		event = frappe.get_doc(
			{
				"doctype": "Programme Event",
				"event_title": title,
				"event_type": kind,
				"service": service,
				"target_group": group,
				"programme_area": area,
				"location": PLACES[area],
				"trainer": rng.choice(["Sabine Krüger", "Mehmet Yılmaz", "Dr. Anna Weber", "Jens Lehmann"]),
				"starts_on": start,
				"ends_on": add_to_date(start, hours=rng.choice([2, 3, 4, 6])),
				"capacity": rng.choice([8, 10, 12, 15]),
			}
		).insert(ignore_permissions=True)
		frappe.db.set_value("Programme Event", event.name, "status", "Open for Registration")
		if service == "QS Wirtschaft" or not participants:
			continue
		for participant in rng.sample(participants, min(len(participants), event.capacity + 3)):
			frappe.get_doc(
				{"doctype": "Event Registration", "event": event.name, "participant": participant}
			).insert(ignore_permissions=True)
		if days < 0:
			record_attendance(event.name, rng)
			frappe.db.set_value("Programme Event", event.name, "status", rng.choice(["Held", "Documented"]))
	return len(EVENTS)


def record_attendance(event: str, rng: random.Random) -> None:
	for name in frappe.get_all(
		"Event Registration", filters={"event": event, "status": "Registered"}, pluck="name"
	):
		registration = frappe.get_doc("Event Registration", name)
		registration.status = "Attended" if rng.random() < 0.8 else "No-show"
		registration.save(ignore_permissions=True)
