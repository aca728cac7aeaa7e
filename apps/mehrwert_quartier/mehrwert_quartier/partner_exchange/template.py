"""The import template of a DocType: data sheet with German headers, required columns marked, drop-downs,
one example row, an instructions sheet (plain Python; the fields come from registry.py)."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from mehrwert_quartier.partner_exchange.spec import NUMBER_TYPES, FieldSpec
from mehrwert_quartier.partner_exchange.xlsx import put

REQUIRED_FILL = PatternFill("solid", start_color="FFE699", end_color="FFE699")
LISTS_SHEET = "Auswahllisten"
MAX_LIST = 1000

INSTRUCTIONS = [
	("Anleitung / Instructions", ""),
	(
		"Eine Zeile je Datensatz, ab Zeile 2 der Tabelle „Daten“.",
		"One row per record, from row 2 of sheet 'Daten'.",
	),
	("Spalten mit * sind Pflichtfelder (gelb).", "Columns marked * are required (yellow)."),
	("Datum als TT.MM.JJJJ, Zahlen mit Dezimalkomma.", "Dates as dd.mm.yyyy, numbers with a decimal comma."),
	("Postleitzahlen fünfstellig, z. B. 04315.", "Five-digit postcodes, e.g. 04315."),
	("Keine Formeln, keine verbundenen Zellen.", "No formulas, no merged cells."),
	("Ja/Nein-Felder: Ja oder Nein.", "Yes/no fields: Ja or Nein."),
	("Die Beispielzeile 2 vor dem Hochladen löschen.", "Delete the example row 2 before uploading."),
	("Erneutes Hochladen ändert nur, was sich geändert hat.", "Uploading again changes only what changed."),
]


def example_value(spec: FieldSpec, choices: list[str]):
	if spec.fieldtype == "Date":
		return "15.03.2026"
	if spec.fieldtype == "Datetime":
		return "15.03.2026 10:00"
	if spec.fieldtype == "Int":
		return 1
	if spec.fieldtype in NUMBER_TYPES:
		return "12,5"
	if spec.fieldtype == "Check":
		return "Ja"
	if spec.fieldtype == "Select" and spec.options:
		return spec.options_de.get(spec.options[0], spec.options[0])
	if spec.fieldtype in ("Link", "Table MultiSelect"):
		return choices[0] if choices else None
	return {"Postcode": "04315", "Email": "info@beispiel.de", "Phone": "0341 1234567"}.get(
		spec.data_kind, "Beispiel" if spec.reqd else None
	)


def write_template(
	specs: list[FieldSpec],
	natural_key: list[str],
	link_choices: dict[str, list[str]],
	examples: dict | None = None,
) -> bytes:
	"""``link_choices`` maps a fieldname to the values of its drop-down (Link and Table MultiSelect fields)."""
	workbook = Workbook()
	data = workbook.active
	data.title = "Daten"
	lists = workbook.create_sheet(LISTS_SHEET)
	lists.sheet_state = "hidden"
	for column, spec in enumerate(specs, start=1):
		letter = get_column_letter(column)
		header = put(data, 1, column, spec.header)
		header.font = Font(bold=True)
		if spec.reqd:
			header.fill = REQUIRED_FILL
		data.column_dimensions[letter].width = max(14, len(spec.header) + 4)
		choices = link_choices.get(spec.fieldname, [])
		value = (examples or {}).get(spec.fieldname) or example_value(spec, choices)
		put(data, 2, column, value)
		if spec.fieldtype == "Select":
			choices = [spec.options_de.get(o, o) for o in spec.options]
		if choices and spec.fieldtype != "Table MultiSelect":
			add_drop_down(data, lists, column, choices[:MAX_LIST])
	instructions = workbook.create_sheet("Anleitung")
	lines = [
		*INSTRUCTIONS,
		[],
		["Eindeutiger Schlüssel / Natural key", ", ".join(natural_key)],
		["Spalte / Column", "Feld / Field", "Pflicht / Required", "Typ / Type"],
		*([s.header, s.label, "Ja / Yes" if s.reqd else "", s.fieldtype] for s in specs),
	]
	for row, line in enumerate(lines, start=1):
		for column, value in enumerate(line, start=1):
			put(instructions, row, column, value)
	instructions.column_dimensions["A"].width = 60
	instructions.column_dimensions["B"].width = 60
	buffer = io.BytesIO()
	workbook.save(buffer)
	return buffer.getvalue()


def add_drop_down(data, lists, column: int, choices: list[str]):
	letter = get_column_letter(column)
	for row, choice in enumerate(choices, start=1):
		put(lists, row, column, choice)
	source = f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(choices)}"
	validation = DataValidation(type="list", formula1=source, allow_blank=True)
	validation.error = "Bitte einen Wert aus der Liste wählen / Please choose a value from the list"
	data.add_data_validation(validation)
	validation.add(f"{letter}2:{letter}5000")
