"""Demo data of the Programme module: staff users and the partner organisations of the programme."""

import random

import frappe

DEMO_PASSWORD = "mwq-demo-2026"

# email, first name, last name, roles
DEMO_USERS = [
	("beratung@mehrwert.example", "Sabine", "Krüger", ["Counsellor"]),
	("coaching@mehrwert.example", "Mehmet", "Yılmaz", ["Business Coach"]),
	("projektleitung@mehrwert.example", "Katrin", "Vogel", ["Project Lead"]),
	("datenschutz@mehrwert.example", "Thomas", "Richter", ["Data Protection Officer"]),
]
PARTNER_USERS = [
	("jobcenter@partner.example", "Petra", "Neumann", "Jobcenter Leipzig"),
	("daa@partner.example", "Jens", "Lehmann", "DAA - Deutsche Angestellten-Akademie Sachsen"),
]

LO, GR = "Leipziger Osten", "Grünau"
# name, short name, type, areas, role in the programme
PARTNERS = [
	(
		"DAA - Deutsche Angestellten-Akademie Sachsen",
		"DAA",
		"Project Partner",
		[LO, GR],
		"Projektpartner: QS Arbeit, ArbeitsladenPLUS",
	),
	("Behling-Consult", "Behling", "Project Partner", [LO, GR], "Projektpartner: QS Wirtschaft"),
	(
		"Jobcenter Leipzig",
		"JC",
		"Jobcenter",
		[LO, GR],
		"Kooperationspartner: Zuweisung, Abstimmung zu SGB-II-Leistungen",
	),
	(
		"Migrantenbeirat Stadt Leipzig",
		"MBR",
		"Public Administration",
		[LO, GR],
		"Kooperationspartner: Migrantenökonomie",
	),
	(
		"Leipziger Wohnungs- und Baugesellschaft (LWB)",
		"LWB",
		"Housing Company",
		[LO, GR],
		"Kooperationspartner: Leerstand, Ansiedlung, Standortgestaltung",
	),
	("LWB Sozialmanagement", "LWB-SM", "Housing Company", [GR], "Kooperationspartner: Mieterberatung"),
	(
		"Quartiersmanagement Leipziger Osten",
		"QM LO",
		"District Management",
		[LO],
		"Kooperationspartner: Quartiersarbeit",
	),
	(
		"Quartiersmanagement Grünau",
		"QM GR",
		"District Management",
		[GR],
		"Kooperationspartner: Quartiersarbeit",
	),
	("Quartiersrat Grünau", "QR GR", "Association", [GR], "Kooperationspartner: Bürgerbeteiligung"),
	(
		"Bürgerverein Neustädter Markt e.V.",
		"BV NM",
		"Association",
		[LO],
		"Kooperationspartner: Stadtteilarbeit",
	),
	("AWO Seniorenbüro West", "AWO West", "Association", [GR], "Kooperationspartner: ältere Teilnehmende"),
	(
		"Seniorenbüro Ost „Inge und Walter“",
		"SB Ost",
		"Association",
		[LO],
		"Kooperationspartner: ältere Teilnehmende",
	),
	(
		"Frauenkultur e.V. Leipzig",
		"Frauenkultur",
		"Association",
		[LO, GR],
		"Kooperationspartner: Angebote für Frauen",
	),
	(
		"Klub Polski e.V.",
		"Klub Polski",
		"Association",
		[LO, GR],
		"Kooperationspartner: polnischsprachige Community",
	),
]
STREETS = [
	"Georg-Schumann-Straße",
	"Prager Straße",
	"Eisenbahnstraße",
	"Stuttgarter Allee",
	"Karl-Liebknecht-Straße",
]


def make_users(rng: random.Random) -> int:
	from mehrwert_quartier.security.otp import set_demo_secret

	for email, first, last, roles in DEMO_USERS:
		ensure_user(email, first, last, roles, "System User")
		set_demo_secret(email)
	return len(DEMO_USERS)


def ensure_user(email: str, first: str, last: str, roles: list[str], user_type: str) -> None:
	if frappe.db.exists("User", email):
		missing = set(roles) - set(frappe.get_roles(email))
		if missing:
			frappe.get_doc("User", email).add_roles(*missing)
		return
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": email,
			"first_name": first,
			"last_name": last,
			"language": "de",
			"send_welcome_email": 0,
			"user_type": user_type,
			"new_password": DEMO_PASSWORD,
		}
	)
	user.append_roles(*roles)
	user.insert(ignore_permissions=True)


def make_partner_organisations(rng: random.Random) -> int:
	for name, short, kind, areas, role in PARTNERS:
		if frappe.db.exists("Partner Organisation", name):
			continue
		frappe.get_doc(
			{
				"doctype": "Partner Organisation",
				"organisation_name": name,
				"short_name": short,
				"organisation_type": kind,
				"role_in_programme": role,
				"programme_areas": [{"programme_area": area} for area in areas],
				"email": f"kontakt@{short.lower().replace(' ', '-').replace('.', '')}.example",
				"phone": f"0341 {rng.randint(200, 999)} {rng.randint(1000, 9999)}",
				"address_line": f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
				"postcode": rng.choice(["04315", "04317", "04209", "04207", "04109"]),
				"city": "Leipzig",
			}
		).insert(ignore_permissions=True)
	for email, first, last, organisation in PARTNER_USERS:
		ensure_user(email, first, last, ["Programme Partner"], "Website User")
		partner = frappe.get_doc("Partner Organisation", organisation)
		if not any(row.user == email for row in partner.users):
			partner.append("users", {"user": email})
			partner.save(ignore_permissions=True)
	return len(PARTNERS)
