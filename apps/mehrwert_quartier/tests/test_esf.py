from datetime import date

import pytest

from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.consent import check_consent_dates, is_consent_valid, is_private_file_url
from mehrwert_quartier.rules.esf import (
	MANDATORY_ENTRY_FIELDS,
	add_months,
	age_on,
	check_entry_data,
	check_exit_data,
	follow_up_due,
	is_long_term_unemployed,
	missing_entry_fields,
	parse_months,
)

COMPLETE = {
	"entry_date": date(2026, 3, 1),
	"date_of_birth": date(1980, 5, 17),
	"gender": "Female",
	"labour_market_status": "Unemployed",
	"unemployment_months": 14,
	"isced_level": "ISCED 3",
	"household_situation": "Other household",
	"disability": "No answer",
	"foreign_background": "Yes",
	"third_country_national": "No",
	"minority": "No answer",
	"homelessness": "No",
}


@pytest.mark.parametrize(
	("status", "months", "expected"),
	[
		("Unemployed", 12, True),
		("Unemployed", 11, False),
		("Unemployed", None, False),
		("Inactive", 30, False),
	],
)
def test_long_term_unemployed_from_twelve_months(status, months, expected):
	assert is_long_term_unemployed(status, months) is expected


def test_complete_entry_data_has_nothing_missing():
	assert missing_entry_fields(COMPLETE) == []


def test_blank_sensitive_answer_and_household_are_not_missing():
	assert missing_entry_fields({**COMPLETE, "minority": "", "disability": None}) == []
	assert missing_entry_fields({**COMPLETE, "household_situation": None}) == []
	assert missing_entry_fields({**COMPLETE, "isced_level": ""}) == ["isced_level"]
	assert set(missing_entry_fields({})) == set(MANDATORY_ENTRY_FIELDS)


def test_results_must_fit_the_exit():
	exit_ = {**COMPLETE, "exit_date": date(2026, 6, 1)}
	check_exit_data({**exit_, "exit_status": "Employed", "exit_status_on": date(2026, 6, 29)})
	with pytest.raises(RuleError, match="within 28 days"):
		check_exit_data({**exit_, "exit_status": "Employed", "exit_status_on": date(2026, 6, 30)})
	with pytest.raises(RuleError, match="needs an exit date"):
		check_exit_data({**COMPLETE, "exit_qualification": 1})
	with pytest.raises(RuleError, match="employed at entry"):
		check_exit_data({**exit_, "follow_up_result": "Employed", "follow_up_improvement": "Promotion"})
	employed = {**exit_, "labour_market_status": "Employed"}
	check_exit_data({**employed, "follow_up_result": "Employed", "follow_up_improvement": "Promotion"})
	with pytest.raises(RuleError, match="needs employment"):
		check_exit_data(
			{**employed, "follow_up_result": "Not employed", "follow_up_improvement": "Promotion"}
		)


def test_unemployed_need_months_of_unemployment_but_zero_is_an_answer():
	assert missing_entry_fields({**COMPLETE, "unemployment_months": None}) == ["unemployment_months"]
	assert missing_entry_fields({**COMPLETE, "unemployment_months": 0}) == []
	assert (
		missing_entry_fields({**COMPLETE, "labour_market_status": "Employed", "unemployment_months": None})
		== []
	)


@pytest.mark.parametrize(
	("typed", "months"),
	[(None, None), ("", None), ("  ", None), ("0", 0), (0, 0), ("14", 14), (14.0, 14), (" 7 ", 7)],
)
def test_months_of_unemployment_stay_unknown_when_blank(typed, months):
	assert parse_months(typed) == months


@pytest.mark.parametrize("typed", ["-1", -3, "1.5", 2.5, "zwölf", True])
def test_months_of_unemployment_must_be_whole_non_negative_numbers(typed):
	with pytest.raises(RuleError):
		parse_months(typed)


def test_blank_months_are_missing_and_never_long_term():
	assert missing_entry_fields({**COMPLETE, "unemployment_months": ""}) == ["unemployment_months"]
	assert missing_entry_fields({**COMPLETE, "unemployment_months": "0"}) == []
	assert is_long_term_unemployed("Unemployed", "") is False
	assert is_long_term_unemployed("Unemployed", "12") is True


def test_contradictory_entry_data_is_refused():
	check_entry_data(COMPLETE)
	with pytest.raises(RuleError):
		check_entry_data({**COMPLETE, "unemployment_months": -1})
	with pytest.raises(RuleError):
		check_entry_data({**COMPLETE, "labour_market_status": "Employed"})
	with pytest.raises(RuleError):
		check_entry_data({**COMPLETE, "date_of_birth": date(2026, 3, 1)})
	with pytest.raises(RuleError, match="lies before the entry date"):
		check_entry_data({**COMPLETE, "exit_date": date(2026, 2, 28)})
	with pytest.raises(RuleError):
		check_entry_data({"exit_date": date(2026, 2, 28)})


def test_follow_up_is_six_months_after_exit_clipped_to_month_end():
	assert follow_up_due(date(2026, 3, 15)) == date(2026, 9, 15)
	assert follow_up_due(date(2026, 8, 31)) == date(2027, 2, 28)
	assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
	assert add_months(date(2026, 1, 10), 12) == date(2027, 1, 10)


def test_age_counts_birthdays():
	assert age_on(date(1980, 5, 17), date(2026, 5, 16)) == 45
	assert age_on(date(1980, 5, 17), date(2026, 5, 17)) == 46


def test_consent_is_valid_between_given_and_withdrawn():
	given, withdrawn = date(2026, 1, 10), date(2026, 4, 1)
	assert not is_consent_valid(given, None, date(2026, 1, 9))
	assert is_consent_valid(given, None, date(2026, 1, 10))
	assert is_consent_valid(given, withdrawn, date(2026, 3, 31))
	assert not is_consent_valid(given, withdrawn, date(2026, 4, 1))
	assert not is_consent_valid(None, None, date(2026, 4, 1))


def test_consent_dates_and_private_files():
	check_consent_dates(date(2026, 1, 10), date(2026, 1, 10))
	with pytest.raises(RuleError):
		check_consent_dates(date(2026, 1, 10), date(2026, 1, 9))
	with pytest.raises(RuleError):
		check_consent_dates(None, date(2026, 1, 9))
	assert is_private_file_url("/private/files/einwilligung.pdf")
	assert not is_private_file_url("/files/einwilligung.pdf")
	assert not is_private_file_url(None)


def test_a_consent_expires_after_its_last_valid_day():
	from mehrwert_quartier.rules.consent import consent_status

	given, until = date(2026, 1, 10), date(2026, 6, 30)
	assert is_consent_valid(given, None, date(2026, 6, 30), until)
	assert not is_consent_valid(given, None, date(2026, 7, 1), until)
	assert consent_status(None, until, date(2026, 7, 1)) == "Expired"
	assert consent_status(date(2026, 5, 1), until, date(2026, 7, 1)) == "Withdrawn"
	assert consent_status(None, None, date(2030, 1, 1)) == "Valid"
