"""The coded participant row of the funder export (rules/esf_export.py)."""

from datetime import date

from mehrwert_quartier.rules.esf_export import CODES, HEADERS, code_of, csv_cell, export_row


def test_a_participant_becomes_one_coded_row():
	record = {
		"name": "TN-0001",
		"gender": "Non-binary",
		"entry_date": date(2026, 3, 1),
		"date_of_birth": date(2000, 3, 2),
		"labour_market_status": "Unemployed",
		"unemployment_months": "14",
		"long_term_unemployed": 1,
		"isced_level": "ISCED 3",
		"disability": None,
		"minority": "No answer",
		"foreign_background": "Yes",
		"third_country_national": "No",
		"esf_complete": 1,
		"exit_date": date(2026, 9, 1),
		"exit_status": "Employed",
		"exit_qualification": 1,
	}
	row = dict(zip(HEADERS, export_row(record, "P1"), strict=True))
	assert row["projekt"] == "P1"
	assert row["geschlecht"] == "d"
	assert row["alter_bei_eintritt"] == 25
	assert row["erwerbsstatus"] == 1
	assert row["monate_arbeitslos"] == 14
	assert row["isced"] == 3
	assert (row["behinderung"], row["minderheit"], row["auslaendische_herkunft"], row["drittstaat"]) == (
		9,
		9,
		1,
		2,
	)
	assert (row["austritt"], row["status_bei_austritt"], row["qualifizierung_bei_austritt"]) == (
		"2026-09-01",
		3,
		1,
	)
	assert row["status_nach_6_monaten"] is None
	assert "vorname" not in HEADERS and "first_name" not in HEADERS


def test_an_anonymised_participant_keeps_its_age_at_entry_in_the_export():
	anonymised = {"entry_date": date(2026, 3, 1), "date_of_birth": None, "anonymised": 1, "age_at_entry": 17}
	assert dict(zip(HEADERS, export_row(anonymised, "P1"), strict=True))["alter_bei_eintritt"] == 17
	# without anonymisation a stored age without a date of birth is the Int column's 0 for unknown
	unknown = {"entry_date": date(2026, 3, 1), "date_of_birth": None, "age_at_entry": 0}
	assert dict(zip(HEADERS, export_row(unknown, "P1"), strict=True))["alter_bei_eintritt"] is None


def test_every_select_option_has_a_distinct_code():
	for field, codes in CODES.items():
		named = {k: v for k, v in codes.items() if k}
		if field in (
			"disability",
			"foreign_background",
			"third_country_national",
			"minority",
			"homelessness",
		):
			continue
		assert len(set(named.values())) == len(named), field
	assert code_of("exit_status", "") is None


def test_csv_cells_are_formula_safe():
	assert csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
	assert csv_cell(None) == ""
	assert csv_cell(3) == "3"
