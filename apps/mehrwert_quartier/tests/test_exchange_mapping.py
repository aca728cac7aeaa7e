"""Partner exchange: columns by label, synonym and similar spelling with a confidence; values by synonym,
qualifications as ISCED levels, dates of unemployment as months at entry (no site)."""

import pytest

from mehrwert_quartier.partner_exchange.columns import HIGH, propose_columns
from mehrwert_quartier.partner_exchange.derive import months_between, to_since
from mehrwert_quartier.partner_exchange.headers import match_headers
from mehrwert_quartier.partner_exchange.messages import ExchangeError
from mehrwert_quartier.partner_exchange.normalise import normalise, to_date
from mehrwert_quartier.partner_exchange.rows import Mapping, inspect_file
from mehrwert_quartier.partner_exchange.spec import FieldSpec
from mehrwert_quartier.partner_exchange.synonyms import attach_synonyms
from mehrwert_quartier.partner_exchange.testdata import csv_bytes
from mehrwert_quartier.rules.isced import isced_level

ISCED = [f"ISCED {n}" for n in range(9)]
YES_NO = ["Yes", "No", "No answer"]


def participant_specs():
	specs = [
		FieldSpec("first_name", "Data", "First Name", "Vorname", reqd=True),
		FieldSpec("last_name", "Data", "Last Name", "Nachname", reqd=True),
		FieldSpec("date_of_birth", "Date", "Date of Birth", "Geburtsdatum", reqd=True),
		FieldSpec("gender", "Select", "Gender", "Geschlecht", options=["Female", "Male", "Non-binary"]),
		FieldSpec("address_line", "Data", "Street and Number", "Straße und Hausnummer"),
		FieldSpec("postcode", "Data", "Postcode", "Postleitzahl", data_kind="Postcode"),
		FieldSpec("entry_date", "Date", "Entry Date", "Eintrittsdatum"),
		FieldSpec("unemployment_months", "Int", "Months of Unemployment", "Monate der Arbeitslosigkeit"),
		FieldSpec(
			"unemployment_months__since", "Date", "Unemployed Since", "Arbeitslos seit", data_kind="Since"
		),
		FieldSpec("isced_level", "Select", "ISCED Level", "ISCED-Stufe", options=ISCED),
		FieldSpec("disability", "Select", "Disability", "Behinderung", options=YES_NO),
		FieldSpec("tg_single_parent", "Check", "Single Parents", "Alleinerziehend"),
		FieldSpec("jobcenter_customer_number", "Data", "Jobcenter Customer Number", "Kundennummer Jobcenter"),
	]
	return attach_synonyms(specs, "Participant")


SPECS = participant_specs()
KEY = ["last_name", "first_name", "date_of_birth"]


@pytest.mark.parametrize(
	"header, fieldname, how",
	[
		("Vorname", "first_name", "label"),
		("NACHNAME", "last_name", "label"),
		("Name", "last_name", "synonym"),
		("Geb.-Datum", "date_of_birth", "synonym"),
		("PLZ", "postcode", "synonym"),
		("Postleitzahl", "postcode", "label"),
		("Straße", "address_line", "synonym"),
		("Anschrift", "address_line", "synonym"),
		("Geschlecht", "gender", "label"),
		("m/w/d", "gender", "synonym"),
		("Höchster Abschluss", "isced_level", "synonym"),
		("arbeitslos seit", "unemployment_months__since", "label"),
		("Eintritt", "entry_date", "synonym"),
		("Kunden-Nr.", "jobcenter_customer_number", "synonym"),
		("Postleitzal", "postcode", "fuzzy"),
	],
)
def test_columns_are_proposed_by_label_synonym_and_spelling(header, fieldname, how):
	(choice,) = propose_columns([header], SPECS)
	assert (choice.fieldname, choice.how) == (fieldname, how)
	assert choice.confidence >= HIGH


def test_each_field_takes_one_column_the_most_certain_first_and_the_rest_are_listed():
	choices = propose_columns(["Name", "Nachname", "Lieblingsfarbe", "Vorname"], SPECS)
	assert [(c.header, c.fieldname) for c in choices] == [
		("Name", None),
		("Nachname", "last_name"),
		("Lieblingsfarbe", None),
		("Vorname", "first_name"),
	]
	match = match_headers(["Nachname", "Vorname", "Lieblingsfarbe"], SPECS)
	assert "Unbekannte Spalte „Lieblingsfarbe“ wird ignoriert" in match.warnings[0]
	assert match.missing == ["date_of_birth"]
	assert not match.certain


def test_a_chosen_mapping_wins_and_a_column_can_be_chosen_to_be_ignored():
	choices = propose_columns(["Name", "Zusatz"], SPECS, chosen={"name": "", "zusatz": "last_name"})
	assert [(c.fieldname, c.how) for c in choices] == [(None, "chosen"), ("last_name", "chosen")]


def test_a_refused_column_is_never_matched_by_a_synonym_or_spelling():
	match = match_headers(["Nachname", "Vorname", "Geburtsdatum", "Notizen"], SPECS, refused={"notizen"})
	assert match.refused == ["Notizen"]


@pytest.mark.parametrize(
	"value, option",
	[
		("m", "Male"),
		("M", "Male"),
		("männlich", "Male"),
		("Mann", "Male"),
		("male", "Male"),
		("w", "Female"),
		("weiblich", "Female"),
		("Frau", "Female"),
		("f", "Female"),
		("d", "Non-binary"),
		("divers", "Non-binary"),
		("x", "Non-binary"),
	],
)
def test_gender_by_what_partners_write(value, option):
	assert normalise(value, SPECS[3]) == option


def test_yes_no_checks_and_unknown_values_stay_errors():
	disability, single_parent = SPECS[10], SPECS[11]
	assert [normalise(v, disability) for v in ("ja", "nein", "k. A.", "x")] == [
		"Yes",
		"No",
		"No answer",
		"Yes",
	]
	assert [normalise(v, single_parent) for v in ("✓", "x", "ja", "nein", "-")] == [1, 1, 1, 0, 0]
	with pytest.raises(ExchangeError) as raised:
		normalise("vielleicht", SPECS[3])
	assert raised.value.code == "bad_choice"


@pytest.mark.parametrize(
	"text, level",
	[
		("ohne Abschluss", 1),
		("Hauptschulabschluss", 2),
		("Realschulabschluss", 2),
		("Mittlere Reife", 2),
		("Abitur", 3),
		("Fachhochschulreife", 3),
		("Fachabitur", 3),
		("Berufsausbildung", 3),
		("Abitur und Berufsausbildung", 4),
		("Fachhochschulreife, abgeschlossene Ausbildung", 4),
		("Meister", 6),
		("Techniker", 6),
		("Fachwirt", 6),
		("Bachelor", 6),
		("Master", 7),
		("Diplom", 7),
		("Magister", 7),
		("Staatsexamen", 7),
		("Promotion", 8),
		("Realschulabschluss ohne Ausbildung", 2),
		("ISCED 3", 3),
		("Weltreise", None),
	],
)
def test_german_qualifications_as_isced_levels(text, level):
	assert isced_level(text) == level
	if level is not None:
		assert normalise(text, SPECS[9]) == f"ISCED {level}"


def test_an_unknown_qualification_is_a_row_error_never_a_guess():
	with pytest.raises(ExchangeError):
		normalise("Weltreise", SPECS[9])


@pytest.mark.parametrize(
	"value, since",
	[
		("seit 2014", "2014-12-31"),
		(2014, "2014-12-31"),
		("01/2015", "2015-01-31"),
		("seit 02.2015", "2015-02-28"),
		("Januar 2015", "2015-01-31"),
		("2015-03", "2015-03-31"),
		("seit 15.03.2015", "2015-03-15"),
	],
)
def test_dates_of_unemployment_are_read_to_the_latest_day_they_allow(value, since):
	assert to_since(value) == since


def test_months_of_unemployment_at_entry():
	assert months_between("2015-01-31", "2026-03-01") == 133
	assert months_between("2025-03-15", "2026-03-15") == 12
	assert months_between("2025-03-16", "2026-03-15") == 11
	with pytest.raises(ExchangeError) as raised:
		months_between("2026-04-01", "2026-03-01")
	assert raised.value.code == "since_after_entry"


@pytest.mark.parametrize("value", ["15. März 2026", "15 Mar 2026", "seit 15.03.2026", "15.3.2026"])
def test_more_date_spellings(value):
	assert to_date(value) == "2026-03-15"


@pytest.mark.parametrize("value", ["31.02.2026", "01/2015", "2014", "03/15/2026"])
def test_impossible_or_imprecise_dates_are_not_read_as_a_day(value):
	with pytest.raises(ExchangeError):
		to_date(value)


def test_a_partner_file_reads_with_the_proposed_mapping_and_a_chosen_value():
	rows = [
		["Teilnehmendenliste Jobcenter Leipzig, Stand 31.03.2026"],
		[
			"Name",
			"Vorname",
			"Geb.-Datum",
			"m/w/d",
			"PLZ",
			"Eintritt",
			"arbeitslos seit",
			"Höchster Abschluss",
		],
		["Müller", "Anna", "12.03.1985", "w", "4315", "01.03.2026", "seit 2014", "Realschulabschluss"],
		["Schmidt", "Ben", "1990-07-01", "M", "04209", "01.03.2026", "01/2025", "Abitur + Ausbildung"],
		["Kaya", "Deniz", "31.02.1990", "?", "04315", "01.03.2026", "05/2026", "Weltreise"],
		["Summe: 3 Personen"],
	]
	content = csv_bytes(rows, encoding="cp1252")
	result = inspect_file("jobcenter.csv", content, SPECS, KEY)
	assert not result.errors and result.match.certain
	assert result.rows[0].values == {
		"last_name": "Müller",
		"first_name": "Anna",
		"date_of_birth": "1985-03-12",
		"gender": "Female",
		"postcode": "04315",
		"entry_date": "2026-03-01",
		"unemployment_months": 134,
		"labour_market_status": "Unemployed",
		"isced_level": "ISCED 2",
	}
	assert result.rows[1].values["isced_level"] == "ISCED 4"
	assert result.rows[1].values["unemployment_months"] == 13
	errors = [m for _c, m in result.rows[2].errors]
	assert len(errors) == 4 and all(" / " in m for m in errors)
	assert result.unknown_values == {"gender": ["?"], "isced_level": ["Weltreise"]}
	chosen = Mapping(values={"gender": {"?": "Non-binary"}, "isced_level": {"weltreise": "ISCED 1"}})
	again = inspect_file("jobcenter.csv", content, SPECS, KEY, mapping=chosen)
	assert again.rows[2].values["gender"] == "Non-binary"
	assert again.rows[2].values["isced_level"] == "ISCED 1"
	assert any("Row 6 skipped: footer" in w for w in result.warnings)


def test_values_for_the_whole_file_fill_the_rows_that_leave_them_empty():
	rows = [["Name", "Vorname", "Geburtsdatum", "arbeitslos seit"], ["Müller", "Anna", "12.03.1985", "2020"]]
	result = inspect_file(
		"p.csv", csv_bytes(rows), SPECS, KEY, mapping=Mapping(provided={"entry_date": "01.03.2026"})
	)
	assert result.rows[0].values["entry_date"] == "2026-03-01"
	assert result.rows[0].values["unemployment_months"] == 62
	without = inspect_file("p.csv", csv_bytes(rows), SPECS, KEY)
	assert "Eintrittsdatum" in without.rows[0].errors[0][1]
