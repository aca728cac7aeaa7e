from datetime import date

import pytest

from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.retention import (
	ACCESS_LOG,
	ESF_PARTICIPANT,
	IMPORT_FILE,
	WALK_IN,
	Retention,
	Rule,
	check_rule,
	default_rules,
	last_contact,
	participant_retention,
	record_retention,
)

RULES = default_rules()


def test_esf_participant_five_years_from_the_end_of_the_last_payments_year():
	kept = participant_retention(date(2024, 3, 1), date(2025, 1, 5), date(2027, 6, 30), RULES)
	assert kept.until == date(2032, 12, 31)
	assert kept.params["last_payment"] == "2027-06-30"
	assert "2021/1060, Art. 82" in kept.params["legal_source"]


def test_a_payment_on_new_years_eve_and_one_on_new_years_day_differ_by_a_year():
	late = participant_retention(date(2024, 3, 1), None, date(2027, 12, 31), RULES)
	early = participant_retention(date(2024, 3, 1), None, date(2028, 1, 1), RULES)
	assert (late.until, early.until) == (date(2032, 12, 31), date(2033, 12, 31))


def test_without_a_last_payment_date_the_esf_participant_is_kept():
	kept = participant_retention(date(2024, 3, 1), date(2025, 1, 5), None, RULES)
	assert kept.until is None
	assert "not yet set" in kept.reason
	assert not kept.due(date(2099, 1, 1))


def test_walk_in_contact_counts_from_the_last_contact():
	kept = participant_retention(None, date(2025, 8, 31), date(2027, 6, 30), RULES)
	assert kept.until == date(2026, 8, 31)
	assert kept.reason.startswith("Walk-in contact")
	rules = {**RULES, WALK_IN: Rule(WALK_IN, 0, 6)}
	assert participant_retention(None, date(2025, 8, 31), None, rules).until == date(2026, 2, 28)


def test_walk_in_contact_without_a_date_is_not_due():
	assert participant_retention(None, None, None, RULES).until is None


def test_due_only_after_the_last_day_of_keeping():
	kept = Retention(date(2032, 12, 31), "")
	assert not kept.due(date(2032, 12, 31))
	assert kept.due(date(2033, 1, 1))


def test_import_files_and_access_logs_have_their_own_periods():
	assert record_retention(IMPORT_FILE, date(2026, 1, 31), RULES).until == date(2026, 7, 31)
	assert record_retention(ACCESS_LOG, date(2026, 2, 1), RULES).until == date(2028, 2, 1)
	assert record_retention(IMPORT_FILE, None, RULES).until is None


def test_last_contact_is_the_latest_known_date():
	assert last_contact(None, date(2025, 1, 2), date(2024, 12, 1)) == date(2025, 1, 2)
	assert last_contact(None, None) is None


def test_rules_are_checked():
	check_rule(Rule(ESF_PARTICIPANT, 5))
	with pytest.raises(RuleError, match="at least five years"):
		check_rule(Rule(ESF_PARTICIPANT, 4, 11))
	with pytest.raises(RuleError, match="negative"):
		check_rule(Rule(ACCESS_LOG, 0, -1))
	with pytest.raises(RuleError, match="Unknown kind"):
		check_rule(Rule("Photos", 1))
