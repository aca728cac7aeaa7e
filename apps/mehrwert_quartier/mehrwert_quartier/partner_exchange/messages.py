"""Bilingual messages of the partner exchange: every message a partner sees is German and English.

Partners read error reports outside the desk, in whatever language they work, so each message carries both
texts in one cell: ``"Pflichtfeld fehlt / Required value missing"``. Plain Python (no site needed).
"""

MESSAGES: dict[str, tuple[str, str]] = {
	"not_a_workbook": (
		"Die Datei ist keine Excel-Arbeitsmappe (.xlsx) und keine CSV-Datei",
		"The file is neither an Excel workbook (.xlsx) nor a CSV file",
	),
	"corrupt_zip": (
		"Die Excel-Datei ist beschädigt und kann nicht gelesen werden",
		"The Excel file is damaged and cannot be read",
	),
	"macro_workbook": (
		"Arbeitsmappen mit Makros (.xlsm) werden nicht angenommen; bitte als .xlsx speichern",
		"Workbooks with macros (.xlsm) are not accepted; please save as .xlsx",
	),
	"encrypted": (
		"Die Datei ist verschlüsselt oder im alten .xls-Format; bitte ohne Passwort als .xlsx speichern",
		"The file is encrypted or in the old .xls format; please save as .xlsx without a password",
	),
	"too_large": (
		"Die Datei ist entpackt zu groß ({size} MB, höchstens {limit} MB)",
		"The file is too large when unpacked ({size} MB, at most {limit} MB)",
	),
	"already_running": (
		"Dieser Importvorgang läuft bereits",
		"This import batch is already running",
	),
	"request_too_large": (
		"Die Anfrage ist zu groß; der Server hat sie abgelehnt",
		"The request is too large; the server refused it",
	),
	"file_too_large": (
		"Die Datei ist zu groß ({size} MB, höchstens {limit} MB)",
		"The file is too large ({size} MB, at most {limit} MB)",
	),
	"empty": ("Die Datei ist leer", "The file is empty"),
	"no_rows": (
		"Die Datei enthält nur Spaltenköpfe, keine Datenzeilen",
		"The file has headers but no data rows",
	),
	"too_many_rows": (
		"Die Datei hat mehr als {limit} Datenzeilen",
		"The file has more than {limit} data rows",
	),
	"encoding": (
		"Die CSV-Datei ist weder UTF-8 noch Windows-1252 kodiert",
		"The CSV file is neither UTF-8 nor Windows-1252 encoded",
	),
	"merged_cells": (
		"Die Tabelle enthält verbundene Zellen ({cells}); bitte Verbindung aufheben",
		"The sheet contains merged cells ({cells}); please unmerge them",
	),
	"duplicate_header": ("Spalte „{header}“ kommt doppelt vor", "Column '{header}' appears twice"),
	"unknown_header": ("Unbekannte Spalte „{header}“ wird ignoriert", "Unknown column '{header}' is ignored"),
	"refused_header": (
		"Spalte „{header}“ wird nie importiert und darf nicht in der Datei stehen; bitte entfernen",
		"Column '{header}' is never imported and must not be in the file; please remove it",
	),
	"missing_header": ("Pflichtspalte „{header}“ fehlt", "Required column '{header}' is missing"),
	"required": ("Pflichtfeld fehlt", "Required value missing"),
	"formula": (
		"Formeln werden nicht übernommen; bitte den Wert eintragen",
		"Formulas are not imported; please enter the value",
	),
	"bad_datetime": (
		"„{value}“ ist kein Zeitpunkt (TT.MM.JJJJ HH:MM)",
		"'{value}' is not a date and time (DD.MM.YYYY HH:MM)",
	),
	"no_link_target": (
		"„{value}“: zuerst die Spalte „{column}“ ausfüllen",
		"'{value}': fill in the column '{column}' first",
	),
	"bad_date": (
		"„{value}“ ist kein Datum (TT.MM.JJJJ)",
		"'{value}' is not a date (dd.mm.yyyy)",
	),
	"bad_number": ("„{value}“ ist keine Zahl", "'{value}' is not a number"),
	"bad_integer": ("„{value}“ ist keine ganze Zahl", "'{value}' is not a whole number"),
	"bad_check": ("„{value}“ ist weder Ja noch Nein", "'{value}' is neither yes nor no"),
	"bad_email": ("„{value}“ ist keine E-Mail-Adresse", "'{value}' is not an e-mail address"),
	"bad_phone": ("„{value}“ ist keine Telefonnummer", "'{value}' is not a phone number"),
	"bad_postcode": ("„{value}“ ist keine deutsche Postleitzahl", "'{value}' is not a German postcode"),
	"bad_choice": (
		"„{value}“ ist nicht erlaubt; erlaubt: {choices}",
		"'{value}' is not allowed; allowed: {choices}",
	),
	"bad_link": ("„{value}“ gibt es nicht in {target}", "'{value}' does not exist in {target}"),
	"too_long": ("Der Text ist länger als {limit} Zeichen", "The text is longer than {limit} characters"),
	"duplicate_in_file": (
		"Doppelt in der Datei (wie Zeile {row})",
		"Duplicate in the file (same as row {row})",
	),
	"rule": ("Regel verletzt: {message}", "Rule broken: {message}"),
	"rule_hidden": (
		"Der Datensatz kann mit diesen Werten nicht geändert werden",
		"The record cannot be changed with these values",
	),
	"not_saved": (
		"Nicht gespeichert, weil andere Zeilen fehlerhaft sind",
		"Not saved because other rows have errors",
	),
	"bad_filter": (
		"Ungültiger Filter: unbekanntes oder nicht lesbares Feld, Operator oder Wert",
		"Invalid filter: unknown or unreadable field, operator or value",
	),
	"foreign_file": (
		"Die Datei wurde nicht von der Person, die den Importvorgang angelegt hat, an ihn angehängt",
		"The file was not attached to this import batch by the person who created it",
	),
	"error_column": ("Fehler / Errors", "Errors"),
	"database_lost": (
		"Die Verbindung zur Datenbank ist während des Imports abgebrochen (Neustart des Datenbankservers). "
		"Bereits gespeicherte Zeilen bleiben erhalten; der Importvorgang kann erneut gestartet werden und setzt fort",
		"The connection to the database was lost during the import (the database server restarted). "
		"Rows already saved are kept; the import batch can be started again and continues",
	),
	"job_lost": (
		"Der Hintergrundauftrag ist verloren gegangen (die Warteschlange wurde neu gestartet) und wurde nicht "
		"ausgeführt. Der Importvorgang kann erneut gestartet werden; bereits gespeicherte Zeilen werden erkannt",
		"The background job was lost (the job queue restarted) and did not run. "
		"The import batch can be started again; rows already saved are recognised",
	),
	"disk_full": (
		"Auf dem Server ist kein Speicherplatz frei: der Fehlerbericht konnte nicht geschrieben werden. "
		"Der Importvorgang kann erneut gestartet werden, sobald wieder Platz ist",
		"The server has no disk space left: the error report could not be written. "
		"The import batch can be started again once there is space",
	),
	"header_found": (
		"Spaltenköpfe in Zeile {row} des Blatts „{sheet}“ gefunden ({sheets} Blatt/Blätter)",
		"Headers found in row {row} of sheet '{sheet}' ({sheets} sheet(s))",
	),
	"skipped_title": (
		"Zeile {row} übersprungen: Titel- oder Infozeile über den Spaltenköpfen („{text}“)",
		"Row {row} skipped: title or info row above the headers ('{text}')",
	),
	"skipped_footer": (
		"Zeile {row} übersprungen: Fußzeile mit Summe, Stand oder Anmerkung („{text}“)",
		"Row {row} skipped: footer with a total, date or remark ('{text}')",
	),
	"skipped_repeated_header": (
		"Zeile {row} übersprungen: wiederholte Spaltenköpfe",
		"Row {row} skipped: the headers repeated",
	),
	"since_after_entry": (
		"„Arbeitslos seit“ ({since}) liegt nach dem Eintritt ({entry})",
		"'Unemployed since' ({since}) is after the entry ({entry})",
	),
	"since_needs_entry": (
		"Für die Monate der Arbeitslosigkeit fehlt das Eintrittsdatum",
		"The entry date is needed to count the months of unemployment",
	),
	"ambiguous_link": (
		"„{value}“ ist nicht eindeutig; in Frage kommen: {candidates}",
		"'{value}' is ambiguous; candidates: {candidates}",
	),
	"participant_needs_birth": (
		"„{value}“: bitte das Geburtsdatum angeben (ohne Veranstaltung oder Angebot ist der Name nicht eindeutig)",
		"'{value}': please give the date of birth (without an event or offer the name is not unique)",
	),
	"unknown_profile": (
		"Importprofil „{profile}“ gibt es nicht für diese Organisation und diesen Datentyp",
		"Import profile '{profile}' does not exist for this organisation and DocType",
	),
	"bad_mapping_field": (
		"Zuordnung: „{header}“ → „{field}“ ist kein importierbares Feld",
		"Mapping: '{header}' → '{field}' is not an importable field",
	),
	"bad_mapping_value": (
		"Zuordnung: „{value}“ → „{option}“ ist keine Auswahl von „{field}“",
		"Mapping: '{value}' → '{option}' is not a choice of '{field}'",
	),
	"needs_mapping": (
		"Bitte die Zuordnung der Spalten prüfen und bestätigen; danach folgt die Prüfung",
		"Please check and confirm the column mapping; the dry run follows",
	),
	"profile_applied": (
		"Importprofil „{profile}“ angewandt",
		"Import profile '{profile}' applied",
	),
	"value_from_title": (
		"{field} aus der Titelzeile: „{value}“",
		"{field} from the title row: '{value}'",
	),
	"skipped_empty": ("Zeile {row} übersprungen: leer", "Row {row} skipped: empty"),
}


def bilingual(code: str, **params) -> str:
	"""``"Deutsch / English"`` for a message code, placeholders filled in both languages."""
	german, english = MESSAGES[code]
	return f"{german.format(**params)} / {english.format(**params)}"


class ExchangeError(ValueError):
	"""A file that cannot be read at all. ``str(error)`` is the bilingual message."""

	def __init__(self, code: str, **params):
		self.code = code
		self.params = params
		super().__init__(bilingual(code, **params))
