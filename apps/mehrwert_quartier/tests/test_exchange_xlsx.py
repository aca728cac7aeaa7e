"""Partner exchange: exports are formula-safe, error reports mark bad cells, templates are complete (no site)."""

import io

import openpyxl
import pytest

from mehrwert_quartier.partner_exchange.messages import bilingual
from mehrwert_quartier.partner_exchange.rows import inspect_file
from mehrwert_quartier.partner_exchange.template import LISTS_SHEET, write_template
from mehrwert_quartier.partner_exchange.testdata import TEST_KEY, TEST_SPECS
from mehrwert_quartier.partner_exchange.xlsx import write_error_report, write_rows

RISKY = [
	"=1+1",
	'=HYPERLINK("http://evil.example","klick")',
	"+49 341",
	"-2+3",
	"@SUM(A1)",
	"\tTab",
	"\r=1+1",
]


def load(content: bytes):
	return openpyxl.load_workbook(io.BytesIO(content))


@pytest.mark.parametrize("value", RISKY)
def test_exported_cells_never_become_formulas(value):
	sheet = load(write_rows(["Name"], [[value]])).active
	cell = sheet["A2"]
	assert cell.data_type == "s"
	assert cell.quotePrefix
	assert cell.value == value
	values_only = load(write_rows(["Name"], [[value]])).active
	assert values_only["A2"].data_type != "f"


def test_export_keeps_numbers_dates_and_plain_text():
	sheet = load(write_rows(["A", "B", "C"], [["Grünau", 3, "a\x01b"]])).active
	assert [c.value for c in sheet[2]] == ["Grünau", 3, "ab"]
	assert not sheet["A2"].quotePrefix
	assert sheet["A1"].font.bold


def test_error_report_has_error_column_and_highlighted_cells():
	headers = ["Name *", "Postleitzahl"]
	rows = [(2, ["Verein A", "04315"]), (3, ["=1+2", "Leipzig"])]
	errors = {3: [(0, bilingual("formula")), (1, bilingual("bad_postcode", value="Leipzig"))]}
	sheet = load(write_error_report(headers, rows, errors)).active
	assert [c.value for c in sheet[1]] == ["Fehler / Errors", "Name *", "Postleitzahl"]
	assert sheet["A2"].value is None and sheet["B2"].fill.fgColor.rgb != "00FFC7CE"
	assert "übernommen; bitte den Wert eintragen / Formulas are not imported" in sheet["A3"].value
	assert "ist keine deutsche Postleitzahl / 'Leipzig' is not a German postcode" in sheet["A3"].value
	assert sheet["B3"].value == "=1+2" and sheet["B3"].data_type == "s"
	assert sheet["C3"].fill.fgColor.rgb.endswith("FFC7CE")
	assert "Postleitzahl" in sheet["C3"].comment.text


def test_corrected_error_report_can_be_uploaded_again():
	headers = ["Name der Organisation *", "Postleitzahl"]
	content = write_error_report(headers, [(2, ["Verein A", "04315"])], {2: [(1, "x")]})
	result = inspect_file("report.xlsx", content, TEST_SPECS, TEST_KEY)
	assert not result.errors and not result.warnings
	assert result.rows[0].values == {"organisation_name": "Verein A", "postcode": "04315"}


def test_template_has_marked_headers_drop_downs_example_and_instructions():
	workbook = load(write_template(TEST_SPECS, TEST_KEY, {}))
	assert workbook.sheetnames == ["Daten", LISTS_SHEET, "Anleitung"]
	data = workbook["Daten"]
	assert data["A1"].value == "Name der Organisation *"
	assert data["B1"].value == "Postleitzahl"
	assert data["A1"].fill.fgColor.rgb.endswith("FFE699")
	assert [c.value for c in data[2]] == [
		"Beispiel",
		"04315",
		"info@beispiel.de",
		"15.03.2026",
		"12,5",
		"Verein",
	]
	validations = data.data_validations.dataValidation
	assert len(validations) == 1 and str(validations[0].sqref) == "F2:F5000"
	assert [workbook[LISTS_SHEET].cell(row=r, column=6).value for r in (1, 2)] == ["Verein", "Jobcenter"]
	texts = [row[0] for row in workbook["Anleitung"].iter_rows(values_only=True)]
	assert "Spalten mit * sind Pflichtfelder (gelb)." in texts


def test_template_example_row_reads_back_without_errors():
	content = write_template(TEST_SPECS, TEST_KEY, {})
	result = inspect_file("vorlage.xlsx", content, TEST_SPECS, TEST_KEY)
	assert not result.errors and not result.warnings
	assert not result.rows[0].errors
	assert result.rows[0].values["organisation_type"] == "Association"


def test_sheet_titles_lose_the_characters_excel_forbids():
	import io

	import openpyxl

	from mehrwert_quartier.partner_exchange.xlsx import write_sheets

	content = write_sheets([("Teilnehmende/r [Zeilen]: ja?", [["a"]]), ("x" * 40, [["b"]])])
	titles = openpyxl.load_workbook(io.BytesIO(content)).sheetnames
	assert titles == ["Teilnehmende-r -Zeilen-- ja-", "x" * 31]
