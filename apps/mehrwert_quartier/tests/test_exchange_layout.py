"""Partner exchange: the header row and the sheet are found, title and footer rows skipped with a reason (no site)."""

import io

import pytest
from openpyxl import Workbook

from mehrwert_quartier.partner_exchange.headers import header_score
from mehrwert_quartier.partner_exchange.layout import skipped_messages
from mehrwert_quartier.partner_exchange.messages import ExchangeError, bilingual
from mehrwert_quartier.partner_exchange.reader import read_table
from mehrwert_quartier.partner_exchange.rows import inspect_file
from mehrwert_quartier.partner_exchange.testdata import (
	GOOD_ROW,
	HEADERS,
	TEST_KEY,
	TEST_SPECS,
	csv_bytes,
	xlsx,
)

SCORE = header_score(TEST_SPECS)


def workbook(sheets: dict[str, list], edit=None, hidden=()) -> bytes:
	book = Workbook()
	book.remove(book.active)
	for name, rows in sheets.items():
		sheet = book.create_sheet(name)
		for row in rows:
			sheet.append(row)
		if name in hidden:
			sheet.sheet_state = "hidden"
		if edit:
			edit(name, sheet)
	buffer = io.BytesIO()
	book.save(buffer)
	return buffer.getvalue()


def test_title_rows_merged_or_not_empty_rows_and_columns_are_skipped():
	rows = [
		["Jobcenter Leipzig – Teilnehmendenliste"],
		["Stand: 31.03.2026", None, "Seite 1"],
		[],
		[None, *HEADERS],
		[None, *GOOD_ROW],
		[],
		[None, "Verein B", "04315"],
	]

	def merge(sheet):
		sheet.merge_cells("A1:G1")

	table = read_table("p.xlsx", xlsx(rows, merge), score=SCORE)
	assert table.header_row == 4
	assert table.headers[1:] == HEADERS and table.headers[0] == ""
	assert [n for n, _v in table.rows] == [5, 7]
	assert table.title == ["Jobcenter Leipzig – Teilnehmendenliste", "Stand: 31.03.2026 Seite 1"]
	assert [(n, reason) for n, reason, _t in table.skipped] == [(1, "skipped_title"), (2, "skipped_title")]
	result = inspect_file("p.xlsx", xlsx(rows, merge), TEST_SPECS, TEST_KEY)
	assert not result.errors
	assert [r.values["organisation_name"] for r in result.rows] == ["Bürgerverein Grünau", "Verein B"]
	assert bilingual("header_found", row=4, sheet="Sheet", sheets=1) in result.warnings


def test_footer_rows_of_totals_dates_and_remarks_are_skipped_and_reported():
	rows = [
		HEADERS,
		GOOD_ROW,
		["Verein B", "04315"],
		["Summe", "", "", "", "1.234,50"],
		["Stand: 31.03.2026"],
		["Erstellt von Frau Kluge"],
		HEADERS,
	]
	table = read_table("p.csv", csv_bytes(rows), score=SCORE)
	assert [n for n, _v in table.rows] == [2, 3]
	assert [(n, reason) for n, reason, _t in table.skipped] == [
		(4, "skipped_footer"),
		(5, "skipped_footer"),
		(6, "skipped_footer"),
		(7, "skipped_repeated_header"),
	]
	messages = skipped_messages(table)
	assert messages[0] == bilingual("skipped_footer", row=4, text="Summe 1.234,50")
	assert "Row 5 skipped: footer" in messages[1]


def test_a_data_row_that_starts_like_a_footer_word_is_kept_when_it_is_filled():
	rows = [HEADERS, ["Stand GmbH", "04315", "a@b.example", "01.01.2020", "5", "Verein"]]
	table = read_table("p.csv", csv_bytes(rows), score=SCORE)
	assert [v[0] for _n, v in table.rows] == ["Stand GmbH"]


def test_the_sheet_that_matches_the_fields_best_is_taken():
	content = workbook(
		{
			"Deckblatt": [["Meldung an MehrWertQuartier"], ["Ansprechpartner", "Frau Kluge"]],
			"Hinweise": [["Name", "Bemerkung"], ["x", "y"]],
			"Liste": [["Export vom 31.03.2026"], HEADERS, GOOD_ROW],
		}
	)
	table = read_table("p.xlsx", content, score=SCORE)
	assert (table.sheet, table.header_row, table.sheets, table.sheet_index) == ("Liste", 2, 3, 2)
	assert len(table.rows) == 1
	assert bilingual("header_found", row=2, sheet="Liste", sheets=3) in skipped_messages(table)


def test_a_hidden_sheet_is_never_read():
	content = workbook(
		{"Versteckt": [HEADERS, GOOD_ROW], "Daten": [["Name"], ["Verein"]]}, hidden=("Versteckt",)
	)
	table = read_table("p.xlsx", content, score=SCORE)
	assert table.sheet == "Daten"


def test_merged_cells_are_refused_in_the_data_and_the_header_only():
	rows = [["Titel"], HEADERS, GOOD_ROW, ["Verein B", "04315"], ["Summe", "", "", "", "3"]]

	def merge_footer(name, sheet):
		sheet.merge_cells("A1:F1")
		sheet.merge_cells("B5:D5")

	table = read_table("p.xlsx", workbook({"Daten": rows}, merge_footer), score=SCORE)
	assert len(table.rows) == 2
	for ref in ("A3:A4", "B2:C2"):
		with pytest.raises(ExchangeError) as raised:
			read_table("p.xlsx", workbook({"Daten": rows}, lambda n, s, r=ref: s.merge_cells(r)), score=SCORE)
		assert raised.value.code == "merged_cells"
		assert ref in str(raised.value)


def test_without_a_matching_row_the_first_row_is_the_header_and_the_columns_are_missing():
	result = inspect_file("p.csv", csv_bytes([["Liste"], ["a", "b"]]), TEST_SPECS, TEST_KEY)
	assert result.table.header_row == 1
	assert bilingual("missing_header", header="Name der Organisation") in result.errors


def test_row_numbers_stay_those_of_the_file():
	rows = [["Titel"], [], HEADERS, [], GOOD_ROW]
	result = inspect_file("p.xlsx", xlsx(rows), TEST_SPECS, TEST_KEY)
	assert [r.number for r in result.rows] == [5]
