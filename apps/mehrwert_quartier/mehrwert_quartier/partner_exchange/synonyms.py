"""Column headers partners use for our fields, German and English (plain Python).

``COLUMN_SYNONYMS[doctype or "*"][fieldname]``: headers that name the field, besides its labels, fieldname and
the aliases of its registration; ``"*"`` holds those that mean the same in every DocType. Fieldnames with
``__`` are *virtual*: ``participant__last_name`` names the participant of a row by its surname (a link by
name, ``lookups.py``), ``unemployment_months__since`` is the date of unemployment the months are counted
from (``derive.py``). Other apps add to these lists with the hook ``mq_import_synonyms`` (same shape).
"""

from mehrwert_quartier.partner_exchange.spec import header_key

PERSON = {
	"first_name": ["Vorname", "Vornamen", "Rufname", "Given name", "Forename"],
	"last_name": ["Nachname", "Familienname", "Name", "Zuname", "Surname", "Family name"],
	"date_of_birth": [
		"Geburtsdatum",
		"Geb.-Datum",
		"Geb.Datum",
		"geb. am",
		"Geboren am",
		"Geburtstag",
		"DOB",
		"Birth date",
		"Date of birth",
	],
}
# a participant named in one column ("Müller, Anna"), in the DocTypes that link to one
PARTICIPANT = ["Name, Vorname", "Vorname Name", "Teilnehmer", "Teilnehmerin", "Teilnehmer/in", "TN", "Person"]

GENERIC = {
	"gender": ["Geschlecht", "m/w/d", "Sex", "Anrede"],
	"email": ["E-Mail", "Mail", "E-Mail-Adresse", "Email address", "e-mail"],
	"phone": ["Telefon", "Tel.", "Telefonnummer", "Tel", "Handy", "Mobil", "Mobilnummer", "Phone number"],
	"address_line": [
		"Straße",
		"Strasse",
		"Str.",
		"Anschrift",
		"Adresse",
		"Straße und Hausnummer",
		"Straße, Hausnummer",
		"Straße Nr.",
		"Hausanschrift",
		"Street",
		"Address",
	],
	"postcode": ["PLZ", "Postleitzahl", "Zip", "Zip code", "Postal code", "Post code"],
	"city": ["Ort", "Wohnort", "Stadt", "Town"],
	"notes": ["Bemerkung", "Bemerkungen", "Anmerkung", "Hinweis", "Kommentar", "Remarks", "Comment"],
	"status": ["Status"],
	"available_from": ["verfügbar ab", "frei ab", "bezugsfrei ab", "ab", "Available from"],
	**PERSON,
	"participant": PARTICIPANT,
}

COLUMN_SYNONYMS: dict[str, dict[str, list[str]]] = {
	"*": GENERIC,
	"Participant": {
		"jobcenter_customer_number": [
			"Kundennummer",
			"Kunden-Nr.",
			"Kd.-Nr.",
			"BG-Nummer",
			"Customer number",
		],
		"entry_date": ["Eintritt", "Eintrittsdatum", "Eintritt am", "Zugang", "Zugang am", "Entry"],
		"exit_date": ["Austritt", "Austrittsdatum", "Abgang", "Exit"],
		"labour_market_status": ["Erwerbsstatus", "Arbeitsmarktstatus", "Status bei Eintritt", "Status"],
		"isced_level": [
			"Höchster Abschluss",
			"Schulabschluss",
			"Abschluss",
			"Bildungsabschluss",
			"Berufsabschluss",
			"Qualifikation",
			"Höchste Qualifikation",
			"Highest qualification",
			"Education",
		],
		"unemployment_months": ["Monate arbeitslos", "Dauer Arbeitslosigkeit (Monate)"],
		"unemployment_months__since": [
			"arbeitslos seit",
			"Arbeitslosigkeit seit",
			"AL seit",
			"arbeitslos gemeldet seit",
			"Unemployed since",
		],
		"languages": ["Sprachen", "Sprachkenntnisse"],
		"skills": ["Kenntnisse", "Fähigkeiten"],
		"available_hours": ["Stunden pro Woche", "Wochenstunden", "h/Woche"],
		"disability": ["Schwerbehinderung", "Behinderung"],
		"foreign_background": ["Migrationshintergrund"],
		"third_country_national": ["Drittstaatsangehörigkeit", "Drittstaatsangehörig"],
		"homelessness": ["Wohnungslosigkeit", "wohnungslos"],
	},
	"Commercial Unit": {
		"unit_title": [
			"Objekt",
			"Objekt-Nr.",
			"Objektnummer",
			"Bezeichnung",
			"Einheit",
			"Mieteinheit",
			"Gewerbeeinheit",
			"ME-Nr.",
		],
		"address_line": ["Lage"],
		"status": ["Vermietungsstand", "Zustand"],
		"use_type": ["Nutzung", "Nutzungsart", "Art der Nutzung", "Use"],
		"floor_space": ["Fläche", "Fläche m²", "Fläche (m²)", "Nutzfläche", "qm", "m²", "Größe", "Area"],
		"monthly_rent": ["Kaltmiete", "Kaltmiete €", "Miete", "Nettokaltmiete", "Miete/Monat", "Rent"],
		"property_owner": ["Eigentümer", "Vermieter", "Owner"],
	},
	"Referral": {
		"offer": ["Maßnahme", "Kurs", "Angebot", "Maßnahmetitel", "Course"],
		"offer__provider": ["Träger", "Bildungsträger", "Anbieter", "Provider"],
		"status": ["Ergebnis", "Verbleib", "Outcome", "Stand"],
		"applied_on": ["beworben am", "Bewerbung am"],
		"accepted_on": ["zugesagt am", "Zusage am"],
		"started_on": ["Beginn", "Eintritt", "Maßnahmebeginn", "begonnen am", "Start"],
		"ended_on": ["Ende", "Austritt", "Maßnahmeende", "beendet am", "End"],
		"outcome_notes": ["Bemerkung", "Anmerkung", "Kommentar", "Begründung", "Remarks"],
	},
	"Event Registration": {
		"event": ["Workshop", "Termin", "Kurs", "Event", "Veranstaltungstitel"],
		"event__starts_on": ["Datum", "Veranstaltungsdatum", "am", "Date"],
		"status": ["Anwesenheit", "anwesend", "Teilnahme", "teilgenommen", "Attendance"],
		"attended_hours": ["Stunden", "Std.", "Zeitstunden", "Anwesenheit (Std.)", "Dauer (h)", "Hours"],
	},
	"Enterprise Support Case": {
		"business": ["Unternehmen", "Firma", "Betrieb", "Gewerbetreibende", "Business", "Company"],
		"business__postcode": ["PLZ", "Postleitzahl"],
		"business_doctype": ["Art des Unternehmens", "Datensatzart"],
	},
	"Training Offer": {
		"offer_title": ["Titel", "Kurs", "Maßnahme", "Angebot", "Kursname", "Course"],
		"provider": ["Träger", "Bildungsträger", "Anbieter"],
		"category": ["Kategorie", "Bereich"],
		"start_date": ["Beginn", "Kursbeginn", "Start"],
		"end_date": ["Ende", "Kursende"],
		"seats": ["Plätze", "freie Plätze", "Teilnehmerplätze"],
		"location": ["Ort", "Kursort", "Veranstaltungsort"],
		"funding": ["Förderung", "Finanzierung"],
		"contact_person": ["Ansprechpartner", "Ansprechpartnerin", "Kontakt"],
		"language_of_instruction": ["Unterrichtssprache", "Sprache"],
	},
}


# synonyms that win over another field's own label in one DocType: a provider's "Ergebnis" column holds the
# referral's status, not the free-text outcome that carries that label
PREFERRED: dict[str, dict[str, list[str]]] = {
	"Referral": {"status": ["Ergebnis", "Ergebnis der Maßnahme"]},
}


def column_synonyms(doctype: str | None, fieldname: str, extra: dict | None = None) -> list[str]:
	"""The synonyms of a field: the DocType's own first, then those of every DocType, then the hook's."""
	found = []
	for source in (COLUMN_SYNONYMS, extra or {}):
		found += source.get(doctype or "", {}).get(fieldname, [])
		found += source.get("*", {}).get(fieldname, [])
	if fieldname.startswith("participant__"):
		found += PERSON.get(fieldname.split("__", 1)[1], [])
	return list(dict.fromkeys(found))


def attach_synonyms(
	specs: list, doctype: str | None, extra: dict | None = None, value_extra: dict | None = None
) -> list:
	"""Fill in ``spec.synonyms`` (and the value synonyms of ``values.py``) of every field; returns ``specs``."""
	from mehrwert_quartier.partner_exchange.values import value_synonyms

	for spec in specs:
		spec.synonyms = column_synonyms(doctype, spec.fieldname, extra)
		spec.preferred = PREFERRED.get(doctype or "", {}).get(spec.fieldname, [])
		spec.value_synonyms = value_synonyms(doctype, spec, value_extra)
	return specs


def synonym_keys(texts: list[str]) -> list[str]:
	return [k for k in dict.fromkeys(header_key(t) for t in texts) if k]
