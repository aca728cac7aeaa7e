"""Reference data from the programme description: the programme areas and the postcode map.

Created at install and migrate when missing; staff may edit them afterwards (never overwritten).
"""

import frappe

SOURCE = "Amt für Statistik und Wahlen Leipzig; eigene Berechnungen (Stand: 2013)"

TERRITORY = "MehrWertQuartier-Gebiet"
AREAS: list[dict] = [
	{
		"area_name": TERRITORY,
		"area_code": "MWQ",
		"area_type": "Programme Territory",
		"area_ha": 1210,
		"residents": 76732,
		"sgb2_rate": 26.1,
		"unemployment_rate": 15.7,
		"migration_share": 55.7,
		"city_residents": 539348,
		"city_sgb2_rate": 16.7,
		"city_unemployment_rate": 10.0,
		"city_migration_share": 33.5,
		"figures_as_of": "2013",
		"figures_source": SOURCE,
		"description": "Soziale-Stadt-Gebiete Leipziger Osten und Grünau (BIWAQ, ESF), Projektlaufzeit 04/2015 bis 12/2018.",
	},
	{
		"area_name": "Leipziger Osten",
		"area_code": "LO",
		"area_type": "District",
		"part_of": TERRITORY,
		"description": "Handlungsfeld lokale Ökonomie mit Fokus auf Unternehmen der Migrantenökonomie.",
	},
	{
		"area_name": "Grünau",
		"area_code": "GR",
		"area_type": "District",
		"part_of": TERRITORY,
		"description": "Besondere Rolle der Wohnungsunternehmen als Standortgestaltende.",
	},
]

POSTCODES: list[dict] = [
	{
		"postcode": "04315",
		"programme_area": "Leipziger Osten",
		"localities": "Neustadt-Neuschönefeld, Volkmarsdorf",
	},
	{
		"postcode": "04317",
		"programme_area": "Leipziger Osten",
		"localities": "Reudnitz-Thonberg, Anger-Crottendorf",
	},
	{
		"postcode": "04318",
		"programme_area": "Leipziger Osten",
		"localities": "Sellerhausen-Stünz, Anger-Crottendorf",
	},
	{"postcode": "04205", "programme_area": "Grünau", "localities": "Grünau-Süd, Lausen-Grünau"},
	{
		"postcode": "04207",
		"programme_area": "Grünau",
		"localities": "Grünau-Mitte, Grünau-Ost, Lausen-Grünau",
	},
	{"postcode": "04209", "programme_area": "Grünau", "localities": "Grünau-Nord, Grünau-Siedlung, Schönau"},
]


def create_reference_data() -> None:
	for area in AREAS:
		insert_if_missing("Programme Area", area["area_name"], area)
	for row in POSTCODES:
		insert_if_missing("Postcode Area", row["postcode"], row)


def insert_if_missing(doctype: str, name: str, values: dict) -> None:
	if not frappe.db.exists(doctype, name):
		frappe.get_doc({"doctype": doctype, **values}).insert(ignore_permissions=True)
