"""Partner exchange: every good and malformed file of the generated corpus ends as expected (no site)."""

import pytest

from mehrwert_quartier.partner_exchange.messages import MESSAGES, bilingual
from mehrwert_quartier.partner_exchange.rows import inspect_file
from mehrwert_quartier.partner_exchange.testdata import CELL_ERRORS, TEST_KEY, TEST_SPECS, corpus

CASES = corpus()


def expected_text(code: str) -> str:
	"""The German part of a message up to its first placeholder (enough to recognise it)."""
	return MESSAGES[code][0].split("{")[0].split("„")[0]


def english_text(code: str) -> str:
	return MESSAGES[code][1].split("{")[0].split("'")[0]


def test_the_corpus_has_at_least_25_malformed_files_of_distinct_kinds():
	malformed = {case: item for case, item in CASES.items() if item[2]}
	assert len(malformed) >= 25
	assert len({(filename, content) for filename, content, _expected in malformed.values()}) == len(malformed)
	assert {expected for *_item, expected in malformed.values()} >= {
		"not_a_workbook",
		"corrupt_zip",
		"macro_workbook",
		"encrypted",
		"empty",
		"no_rows",
		"duplicate_header",
		"missing_header",
		"merged_cells",
		"formula",
		"bad_date",
		"encoding",
		"file_too_large",
		"too_large",
		"too_many_rows",
	}


@pytest.mark.parametrize("case", sorted(CASES))
def test_corpus_file_ends_as_expected(case):
	filename, content, expected = CASES[case]
	result = inspect_file(filename, content, TEST_SPECS, TEST_KEY)
	cell_errors = [message for row in result.rows for _column, message in row.errors]
	if expected is None:
		assert not result.errors and not cell_errors, (result.errors, cell_errors)
		assert result.rows
	elif expected in CELL_ERRORS:
		assert not result.errors
		assert any(expected_text(expected) in m and english_text(expected) in m for m in cell_errors), (
			cell_errors
		)
	else:
		assert not result.rows
		assert len(result.errors) >= 1
		message = result.errors[0]
		assert expected_text(expected) in message, message
		assert " / " in message, "messages are bilingual"
		assert english_text(expected) in message


def test_good_files_read_the_same_values_whatever_the_encoding_or_delimiter():
	values = []
	for case in (
		"good_xlsx",
		"good_csv_utf8",
		"good_csv_bom",
		"good_csv_cp1252",
		"good_csv_comma",
		"good_csv_utf16_tabs",
	):
		filename, content, _expected = CASES[case]
		values.append(inspect_file(filename, content, TEST_SPECS, TEST_KEY).rows[0].values)
	assert all(v == values[0] for v in values), values
	assert values[0] == {
		"organisation_name": "Bürgerverein Grünau",
		"postcode": "04209",
		"email": "info@verein.example",
		"founded_on": "2026-03-15",
		"budget": 1234.5,
		"organisation_type": "Association",
	}


def test_five_date_formats_give_the_same_date():
	filename, content, _expected = CASES["five_date_formats"]
	rows = inspect_file(filename, content, TEST_SPECS, TEST_KEY).rows
	assert [r.values["founded_on"] for r in rows] == ["2026-03-15"] * 5


def test_duplicates_in_the_file_are_reported_on_the_second_row():
	from mehrwert_quartier.partner_exchange.testdata import GOOD_ROW, HEADERS, xlsx

	content = xlsx([HEADERS, GOOD_ROW, ["Anderer Verein"], [GOOD_ROW[0].upper()]])
	rows = inspect_file("p.xlsx", content, TEST_SPECS, TEST_KEY).rows
	assert [bool(r.errors) for r in rows] == [False, False, True]
	assert rows[2].errors == [(0, bilingual("duplicate_in_file", row=2))]


def test_required_value_missing_names_the_cell():
	from mehrwert_quartier.partner_exchange.testdata import GOOD_ROW, HEADERS, xlsx

	content = xlsx([HEADERS, [None, *GOOD_ROW[1:]]])
	row = inspect_file("p.xlsx", content, TEST_SPECS, TEST_KEY).rows[0]
	assert row.errors == [(0, "Pflichtfeld fehlt / Required value missing")]


def test_row_limit_is_configurable():
	from mehrwert_quartier.partner_exchange.testdata import many_rows

	result = inspect_file("p.csv", many_rows(11), TEST_SPECS, TEST_KEY, max_rows=10)
	assert result.errors == [bilingual("too_many_rows", limit=10)]
	assert len(inspect_file("p.csv", many_rows(10), TEST_SPECS, TEST_KEY, max_rows=10).rows) == 10


def test_an_oversized_file_is_refused_by_its_size_before_it_is_read():
	from unittest.mock import patch

	filename, content, _expected = CASES["oversized_50_mb"]
	with patch("zipfile.ZipFile") as opened:
		result = inspect_file(filename, content, TEST_SPECS, TEST_KEY)
	opened.assert_not_called()
	assert result.errors == [bilingual("file_too_large", size=50, limit=10)]


def test_reading_stops_at_the_row_limit():
	from mehrwert_quartier.partner_exchange.reader import _xlsx_sheets
	from mehrwert_quartier.partner_exchange.testdata import GOOD_ROW, HEADERS, xlsx

	content = xlsx([HEADERS] + [[f"Verein {i}", *GOOD_ROW[1:]] for i in range(30)])
	lines = _xlsx_sheets(content)[0].lines
	result = inspect_file("p.xlsx", content, TEST_SPECS, TEST_KEY, max_rows=10)
	assert result.errors == [bilingual("too_many_rows", limit=10)]
	assert next(lines)[0] == 1, "rows are read one at a time"


def test_samples_are_written_for_demos(tmp_path):
	from mehrwert_quartier.partner_exchange.testdata import corpus, write_samples

	written = write_samples(str(tmp_path))
	assert len(written) == len(corpus())
	assert (tmp_path / "good_xlsx.xlsx").read_bytes()[:2] == b"PK"
