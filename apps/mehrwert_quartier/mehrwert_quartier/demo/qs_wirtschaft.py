"""Demo data of QS Wirtschaft: businesses in ERPNext's CRM (leads, prospects, customers) in both areas,
opportunities at every sales stage and some enterprise support cases. Idempotent: a business whose
name exists is kept; its opportunity and case are made where missing (after a reinstall of the app, whose
tables went, while ERPNext's businesses stayed)."""

import random

import frappe
from erpnext import get_default_company

from mehrwert_quartier.qs_wirtschaft.crm_fields import BUSINESS_TYPES, WZ_SECTIONS
from mehrwert_quartier.qs_wirtschaft.setup import OPPORTUNITY_TYPES, SALES_STAGES
from mehrwert_quartier.rules.analysis import NEED_TOPICS

LO, GR = "Leipziger Osten", "Grünau"
# name, area, business type, WZ section letter, languages
BUSINESSES = [
	("Bäckerei Yıldız", LO, "Migrant Economy", "C", "Deutsch, Türkisch"),
	("Lebensmittel Al-Sham", LO, "Migrant Economy", "G", "Deutsch, Arabisch"),
	("Friseursalon Nguyen", LO, "Migrant Economy", "S", "Deutsch, Vietnamesisch"),
	("Schneiderei Kowalska", LO, "Craft", "C", "Deutsch, Polnisch"),
	("Café Eisenbahn", LO, "Gastronomy", "I", "Deutsch, Englisch"),
	("Grafikbüro Ostlicht", LO, "Creative", "M", "Deutsch, Englisch"),
	("Fahrradwerkstatt Rabet", LO, "Social Enterprise", "S", "Deutsch"),
	("Imbiss Anatolia", LO, "Gastronomy", "I", "Deutsch, Türkisch, Kurdisch"),
	("Elektro Schulze", LO, "Craft", "F", "Deutsch"),
	("Übersetzungen Haddad", LO, "Solo Self-Employed", "N", "Deutsch, Arabisch, Französisch"),
	("Reparaturcafé Volkmarsdorf", LO, "Social Enterprise", "S", "Deutsch"),
	("Spätkauf Neustadt", LO, "Retail", "G", "Deutsch, Vietnamesisch"),
	("Fotostudio Lichtblick", LO, "Creative", "M", "Deutsch"),
	("Pflegedienst Herzlich", LO, "Services", "Q", "Deutsch, Russisch"),
	("Malerbetrieb Krause", LO, "Craft", "F", "Deutsch"),
	("Blumen Grünau", GR, "Retail", "G", "Deutsch"),
	("Physiotherapie am Kulkwitzer See", GR, "Services", "Q", "Deutsch"),
	("Kiez-Kantine Grünau", GR, "Gastronomy", "I", "Deutsch"),
	("IT-Service Petrov", GR, "Solo Self-Employed", "J", "Deutsch, Russisch, Englisch"),
	("Nähstube Allee", GR, "Craft", "C", "Deutsch"),
	("Buchhaltung Richter", GR, "Solo Self-Employed", "M", "Deutsch"),
	("Tierbedarf Lausen", GR, "Retail", "G", "Deutsch"),
	("Kinderkunstschule Farbklecks", GR, "Creative", "P", "Deutsch, Englisch"),
	("Hausmeisterservice Grünau", GR, "Services", "N", "Deutsch, Polnisch"),
	("Pizzeria Da Marco", GR, "Gastronomy", "I", "Deutsch, Italienisch"),
	("Kosmetikstudio Lena", GR, "Solo Self-Employed", "S", "Deutsch, Ukrainisch"),
	("Second-Hand Kaufhaus Grünau", GR, "Social Enterprise", "G", "Deutsch"),
	("Tischlerei Hoffmann", GR, "Craft", "C", "Deutsch"),
	("Musikschule Klangraum", GR, "Creative", "P", "Deutsch"),
	("Reisebüro Sonnenweg", GR, "Other", "N", "Deutsch, Englisch"),
]
KINDS = ["Lead", "Prospect", "Customer"]
CASE_STATES = ["Contacted", "Needs Assessed", "In Support", "Completed", "Dormant"]
COACH = "coaching@mehrwert.example"
# the workflow states a case passes through to reach a status
PATHS = {
	"Contacted": [],
	"Needs Assessed": ["Needs Assessed"],
	"In Support": ["Needs Assessed", "In Support"],
	"Completed": ["Needs Assessed", "In Support", "Completed"],
	"Dormant": ["Dormant"],
}


def make_businesses(rng: random.Random) -> int:
	sections = {s[0]: s for s in WZ_SECTIONS}
	assert {b[2] for b in BUSINESSES} <= set(BUSINESS_TYPES)
	created = 0
	for i, (name, area, business_type, section, languages) in enumerate(BUSINESSES):
		values = {
			"mq_programme_area": area,
			"mq_business_type": business_type,
			"mq_sector": sections[section],
			"mq_employees": rng.choice([None, 1, 1, 2, 3, 5, 8, 12]),  # None: not known yet
			"mq_founding_year": rng.randint(1992, 2015),
			"mq_languages": languages,
			"mq_lwb_tenant": int(rng.random() < 0.3),
			"mq_receives_social_transfers": int(business_type == "Solo Self-Employed" and rng.random() < 0.6),
		}
		kind = KINDS[i % 3]
		party = find_business(kind, name)
		if not party:
			party = make_party(kind, name, values)
			created += 1
		# ERPNext's records outlive the app: after a reinstall the app's own records are made again
		if not frappe.db.exists("Opportunity", {"party_name": party}):
			make_opportunity(
				kind,
				party,
				SALES_STAGES[i % len(SALES_STAGES)],
				OPPORTUNITY_TYPES[i % len(OPPORTUNITY_TYPES)],
			)
		if i % 3 != 1 and not frappe.db.exists("Enterprise Support Case", {"business": party}):
			make_case(rng, kind, party, values, CASE_STATES[i % len(CASE_STATES)])
	return created


def find_business(kind: str, name: str) -> str | None:
	field = "customer_name" if kind == "Customer" else "company_name"
	return frappe.db.get_value(kind, {field: name})


def make_party(kind: str, name: str, values: dict) -> str:
	doc = {"doctype": kind, **values}
	if kind == "Lead":
		doc.update(company_name=name, first_name=name.split()[-1], source="Walk In")
	elif kind == "Prospect":
		doc.update(company_name=name)
	else:
		doc.update(customer_name=name, customer_type="Company")
	return frappe.get_doc(doc).insert(ignore_permissions=True).name


def make_opportunity(kind: str, party: str, stage: str, opportunity_type: str) -> None:
	frappe.get_doc(
		{
			"doctype": "Opportunity",
			"opportunity_from": kind,
			"party_name": party,
			"sales_stage": stage,
			"opportunity_type": opportunity_type,
			"company": get_default_company(),
			"opportunity_owner": COACH,
		}
	).insert(ignore_permissions=True)


def make_case(rng: random.Random, kind: str, party: str, values: dict, status: str) -> None:
	topics = rng.sample(NEED_TOPICS, rng.randint(1, 3))
	case_type = (
		"Entrepreneur receiving social transfers"
		if values["mq_receives_social_transfers"]
		else (rng.choice(["Business Support", "Settlement", "B2B Cooperation"]))
	)
	case = frappe.get_doc(
		{
			"doctype": "Enterprise Support Case",
			"business_doctype": kind,
			"business": party,
			"case_type": case_type,
			"coach": COACH,
			"outreach_visit_date": f"2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
			"needs": [{"topic": t} for t in topics] if status != "Contacted" else [],
			"steps": [{"step": "Erstgespräch auswerten", "responsible": COACH, "due_date": "2026-12-15"}],
		}
	).insert(ignore_permissions=True)
	for state in PATHS[status]:  # the workflow allows one transition at a time
		case.status = state
		case.save(ignore_permissions=True)


# title, street, postcode, area, use type, floor space (m²), rent (EUR), status, owner
UNITS = [
	(
		"Ladenlokal Eisenbahnstraße 12",
		"Eisenbahnstraße 12",
		"04315",
		LO,
		"Gastronomy",
		62,
		690,
		"Vacant",
		"LWB",
	),
	("Laden Eisenbahnstraße 40", "Eisenbahnstraße 40", "04315", LO, "Retail", 55, 520, "Vacant", "privat"),
	(
		"Werkstatt Hermann-Liebmann-Straße 8",
		"Hermann-Liebmann-Straße 8",
		"04315",
		LO,
		"Workshop",
		120,
		840,
		"Under Renovation",
		"privat",
	),
	("Büro Rabet 3", "Rabet 3", "04315", LO, "Office", 40, 380, "Reserved", "LWB"),
	(
		"Ladenzeile Stuttgarter Allee 19",
		"Stuttgarter Allee 19",
		"04209",
		GR,
		"Retail",
		80,
		600,
		"Vacant",
		"LWB",
	),
	("Pavillon Ratzelstraße 2", "Ratzelstraße 2", "04207", GR, "Mixed Use", 95, 550, "Vacant", "LWB"),
	("Café Allee-Center Nord", "Lützner Straße 193", "04209", GR, "Gastronomy", 70, 900, "Let", "privat"),
	("Lager Grünauer Allee 5", "Grünauer Allee 5", "04207", GR, "Storage", 150, 450, "Vacant", "LWB"),
]


def make_commercial_units(rng: random.Random) -> int:
	created = 0
	for title, street, postcode, area, use, space, rent, status, owner in UNITS:
		if frappe.db.exists("Commercial Unit", {"unit_title": title}):
			continue
		insert_unit(
			title, street, postcode, area, use, space, rent, status, owner, f"2027-{rng.randint(1, 6):02d}-01"
		)
		created += 1
	return created


def insert_unit(title, street, postcode, area, use, space, rent, status, owner, available_from) -> None:
	"""A demo commercial unit; owner "LWB" is the municipal housing company, anything else a private owner."""
	frappe.get_doc(
		{
			"doctype": "Commercial Unit",
			"unit_title": title,
			"address_line": street,
			"postcode": postcode,
			"programme_area": area,
			"use_type": use,
			"floor_space": space,
			"monthly_rent": rent,
			"status": status,
			"property_owner": "Leipziger Wohnungs- und Baugesellschaft"
			if owner == "LWB"
			else "Privateigentümer/in",
			"available_from": available_from,
		}
	).insert(ignore_permissions=True)


# B2B relations between demo businesses, one per status: first, second, type, status
RELATIONS = [
	("Lebensmittel Al-Sham", "Café Eisenbahn", "Supplier", "Active"),
	("Elektro Schulze", "Malerbetrieb Krause", "Cooperation", "Agreed"),
	("Bäckerei Yıldız", "Imbiss Anatolia", "Supplier", "Contacted"),
	("Grafikbüro Ostlicht", "Friseursalon Nguyen", "Cross-selling", "Idea"),
	("Blumen Grünau", "IT-Service Petrov", "Customer", "Active"),
	("Buchhaltung Richter", "Kosmetikstudio Lena", "Mentoring", "Ended"),
]


def demo_business(name: str) -> tuple[str, str | None]:
	"""The (DocType, name) of a demo business: its kind follows its position in BUSINESSES."""
	kind = KINDS[[b[0] for b in BUSINESSES].index(name) % 3]
	return kind, find_business(kind, name)


def make_business_relations(rng: random.Random) -> int:
	created = 0
	for first, second, relation_type, status in RELATIONS:
		(a_type, a), (b_type, b) = demo_business(first), demo_business(second)
		if not a or not b or frappe.db.exists("Business Relation", {"business_a": a, "business_b": b}):
			continue
		frappe.get_doc(
			{
				"doctype": "Business Relation",
				"business_a_doctype": a_type,
				"business_a": a,
				"business_b_doctype": b_type,
				"business_b": b,
				"relation_type": relation_type,
				"status": status,
				"brokered_by": COACH,
				"start_date": f"2026-{rng.randint(1, 6):02d}-01" if status in ("Active", "Ended") else None,
				"end_date": "2026-10-31" if status == "Ended" else None,
				"outcome": "Mentoring abgeschlossen, Buchhaltung läuft selbstständig"
				if status == "Ended"
				else None,
			}
		).insert(ignore_permissions=True)
		created += 1
	return created


# settlement requests in every workflow state: business, use type, m² from/to, budget, state, unit
SETTLEMENTS = [
	("Fotostudio Lichtblick", "Office", 30, 60, 500, "Open", None),
	("Imbiss Anatolia", "Gastronomy", 50, 80, 800, "Units Proposed", None),
	("Spätkauf Neustadt", "Retail", 40, 70, 600, "Reserved", "Laden Eisenbahnstraße 40"),
	("Second-Hand Kaufhaus Grünau", "Storage", 100, 200, 500, "Settled", "Lager Grünauer Allee 5"),
	("Tierbedarf Lausen", "Retail", 60, 100, 650, "Withdrawn", None),
]
SETTLEMENT_PATHS = {
	"Open": [],
	"Units Proposed": ["Units Proposed"],
	"Reserved": ["Units Proposed", "Reserved"],
	"Settled": ["Units Proposed", "Reserved", "Settled"],
	"Withdrawn": ["Withdrawn"],
}


def make_settlement_requests(rng: random.Random) -> int:
	created = 0
	for name, use_type, smallest, largest, budget, status, unit_title in SETTLEMENTS:
		kind, business = demo_business(name)
		if not business or frappe.db.exists("Settlement Request", {"business": business}):
			continue
		unit = unit_title and frappe.db.get_value(
			"Commercial Unit", {"unit_title": unit_title, "status": "Vacant"}
		)
		request = frappe.get_doc(
			{
				"doctype": "Settlement Request",
				"business_doctype": kind,
				"business": business,
				"use_type": use_type,
				"min_floor_space": smallest,
				"max_floor_space": largest,
				"max_rent": budget,
				"coach": COACH,
			}
		).insert(ignore_permissions=True)
		for state in SETTLEMENT_PATHS[status]:  # one workflow step at a time
			if state == "Reserved" and not unit:
				break  # the unit is taken meanwhile: the request stays at the proposal
			request.status = state
			request.commercial_unit = unit if state in ("Reserved", "Settled") else None
			request.save(ignore_permissions=True)
		created += 1
	return created
