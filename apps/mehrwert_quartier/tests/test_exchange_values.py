"""Partner exchange: header matching and value normalisation (no site)."""

import datetime

import pytest

from mehrwert_quartier.partner_exchange.headers import match_headers
from mehrwert_quartier.partner_exchange.messages import ExchangeError
from mehrwert_quartier.partner_exchange.normalise import normalise, to_date, to_number
from mehrwert_quartier.partner_exchange.reader import Formula
from mehrwert_quartier.partner_exchange.spec import FieldSpec, header_key
from mehrwert_quartier.partner_exchange.testdata import TEST_SPECS

SPECS = {s.fieldname: s for s in TEST_SPECS}


def test_header_key_ignores_case_spaces_umlauts_and_stars():
	assert header_key(" Gegründet  AM *") == header_key("gegruendet am") == "gegruendetam"
	assert header_key("Straße") == header_key("strasse")


def test_headers_match_by_german_english_fieldname_and_alias():
	specs = [*TEST_SPECS[:-1], FieldSpec("kind", "Data", "Kind", "Art", aliases=["Typ"])]
	match = match_headers(
		["NAME DER ORGANISATION", "postcode", "E-mail ", "Typ", "Fehler / Errors", "Farbe"], specs
	)
	assert {i: s.fieldname for i, s in match.columns.items()} == {
		0: "organisation_name",
		1: "postcode",
		2: "email",
		3: "kind",
	}
	assert not match.errors
	assert match.warnings == ["Unbekannte Spalte „Farbe“ wird ignoriert / Unknown column 'Farbe' is ignored"]


@pytest.mark.parametrize(
	"value",
	[
		"15.03.2026",
		"15.3.2026",
		"15.03.26",
		"2026-03-15",
		"15/03/2026",
		46096,
		46096.0,
		"46096",
		datetime.datetime(2026, 3, 15, 10, 30),
		datetime.date(2026, 3, 15),
	],
)
def test_dates(value):
	assert to_date(value) == "2026-03-15"


@pytest.mark.parametrize("value", ["31.02.2026", "März 2026", "2026-13-01", ""])
def test_bad_dates(value):
	with pytest.raises(ExchangeError) as err:
		to_date(value)
	assert err.value.code == "bad_date"


@pytest.mark.parametrize(
	"value, number",
	[
		("1.234,50", 1234.5),
		("12,5", 12.5),
		("1234.5", 1234.5),
		("1,234.50", 1234.5),
		("1.234.567", 1234567),
		("€ 3,00", 3.0),
		(7, 7),
		(2.5, 2.5),
		("-4", -4),
	],
)
def test_numbers(value, number):
	assert to_number(value) == number


def test_not_a_number():
	with pytest.raises(ExchangeError, match="keine Zahl"):
		to_number("zwölf")


@pytest.mark.parametrize("value", [4315, 4315.0, "4315", "D-04315", "04315 Leipzig"])
def test_postcodes_stay_five_digit_text(value):
	assert normalise(value, SPECS["postcode"]) == "04315"


def test_bad_postcode_is_bilingual():
	with pytest.raises(ExchangeError) as err:
		normalise("Leipzig", SPECS["postcode"])
	assert str(err.value) == "„Leipzig“ ist keine deutsche Postleitzahl / 'Leipzig' is not a German postcode"


def test_email_and_phone():
	assert normalise(" Info@Verein.Example ", SPECS["email"]) == "info@verein.example"
	with pytest.raises(ExchangeError, match="keine E-Mail-Adresse"):
		normalise("info(at)verein.example", SPECS["email"])
	phone = FieldSpec("phone", "Data", "Phone", data_kind="Phone")
	assert normalise("+49  341 123456", phone) == "+49 341 123456"
	assert normalise(3411234567, phone) == "03411234567"
	with pytest.raises(ExchangeError, match="keine Telefonnummer"):
		normalise("ruf an", phone)


def test_choices_by_value_or_german_label():
	spec = SPECS["organisation_type"]
	assert normalise("verein", spec) == "Association"
	assert normalise("ASSOCIATION", spec) == "Association"
	with pytest.raises(ExchangeError) as err:
		normalise("Firma", spec)
	assert "erlaubt: Verein, Jobcenter" in str(err.value)


def test_checks_integers_lists_lengths_and_formulas():
	assert normalise("Ja", FieldSpec("a", "Check", "A")) == 1
	assert normalise("nein", FieldSpec("a", "Check", "A")) == 0
	with pytest.raises(ExchangeError):
		normalise("vielleicht", FieldSpec("a", "Check", "A"))
	assert normalise("3,0", FieldSpec("n", "Int", "N")) == 3
	with pytest.raises(ExchangeError, match="keine ganze Zahl"):
		normalise("3,5", FieldSpec("n", "Int", "N"))
	assert normalise("Grünau; Leipziger Osten, Grünau", FieldSpec("t", "Table MultiSelect", "T")) == [
		"Grünau",
		"Leipziger Osten",
	]
	with pytest.raises(ExchangeError, match="länger als 5"):
		normalise("abcdef", FieldSpec("d", "Data", "D", length=5))
	with pytest.raises(ExchangeError, match="Formeln"):
		normalise(Formula("=A1"), FieldSpec("d", "Data", "D"))


@pytest.mark.parametrize(
	"value",
	[
		"15.03.2026 10:30",
		"15.03.2026 10:30:00",
		"2026-03-15 10:30",
		"2026-03-15T10:30:00",
		datetime.datetime(2026, 3, 15, 10, 30, 0, 400),
		46096 + 10.5 / 24,  # Excel serial with the time as the fraction of a day
	],
)
def test_date_and_time_in_every_form_a_partner_sends(value):
	spec = FieldSpec("starts_on", "Datetime", "Starts On", "Beginn")
	assert normalise(value, spec) == "2026-03-15 10:30:00"


def test_a_date_alone_is_midnight_and_a_wrong_moment_is_refused_in_both_languages():
	spec = FieldSpec("starts_on", "Datetime", "Starts On", "Beginn")
	assert (
		normalise("15.03.2026", spec) == normalise(datetime.date(2026, 3, 15), spec) == "2026-03-15 00:00:00"
	)
	with pytest.raises(ExchangeError) as refused:
		normalise("15.03.2026 25:00", spec)
	assert str(refused.value) == (
		"„15.03.2026 25:00“ ist kein Zeitpunkt (TT.MM.JJJJ HH:MM) / "
		"'15.03.2026 25:00' is not a date and time (DD.MM.YYYY HH:MM)"
	)
