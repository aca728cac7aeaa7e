"""Languages from one list (issue 15, rules/languages.py): participants and vacancies name them in German,
each once ("English, arabisch" -> "Englisch, Arabisch"); offers store the list's value ("Deutsch" -> "German")."""

import frappe

from mehrwert_quartier.rules.languages import GERMAN, german_names, language_key


def execute():
	for doctype in ("Participant", "Job Vacancy"):
		for row in frappe.get_all(
			doctype, filters={"languages": ("is", "set")}, fields=["name", "languages"]
		):
			names = german_names(row.languages)
			if names != row.languages:
				frappe.db.set_value(doctype, row.name, "languages", names, update_modified=False)
	offers = frappe.get_all("Training Offer", fields=["name", "language_of_instruction"])
	for row in offers:
		value = language_key(row.language_of_instruction)
		if value in GERMAN and value != row.language_of_instruction:
			frappe.db.set_value(
				"Training Offer", row.name, "language_of_instruction", value, update_modified=False
			)
