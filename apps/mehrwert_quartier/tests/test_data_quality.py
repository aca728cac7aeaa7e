"""The checks of the ESF data-quality worklist on hand-made records (rules/data_quality.py)."""

from datetime import date

from mehrwert_quartier.rules.data_quality import birthday_key, issues_of

TODAY = date(2026, 6, 1)


def record(**values):
	return {"esf_complete": 1, "entry_date": date(2026, 1, 5), "date_of_birth": date(1980, 1, 1), **values}


def test_a_clean_record_has_no_issue():
	assert issues_of(record(esf_entry_recorded_on=date(2026, 2, 2)), TODAY) == []


def test_missing_and_late_entry_data():
	assert issues_of(record(esf_complete=0), TODAY) == ["entry_missing"]
	assert issues_of(record(esf_entry_recorded_on=date(2026, 2, 3)), TODAY) == ["entry_late"]


def test_leaver_without_exit_data_after_28_days():
	assert issues_of(record(exit_date=date(2026, 5, 4)), TODAY) == []
	assert issues_of(record(exit_date=date(2026, 5, 3)), TODAY) == ["exit_missing"]
	assert issues_of(record(exit_date=date(2026, 5, 3), exit_qualification=1), TODAY) == []
	assert issues_of(record(exit_date=date(2026, 5, 3), exit_status="Inactive"), TODAY) == []


def test_follow_up_overdue_and_state_without_exit():
	due = record(exit_date=date(2025, 11, 1), exit_status="Employed", follow_up_due=date(2026, 5, 1))
	assert issues_of(due, TODAY) == ["follow_up_overdue"]
	assert issues_of({**due, "follow_up_done_on": date(2026, 5, 2)}, TODAY) == []
	assert issues_of(record(exit_status="Employed"), TODAY) == ["status_without_exit"]


def test_under_18_at_entry_and_postcode_outside_the_area():
	assert issues_of(record(date_of_birth=date(2008, 1, 6)), TODAY) == ["under_18"]
	assert issues_of(record(date_of_birth=date(2008, 1, 5)), TODAY) == []
	assert issues_of(record(postcode="01067"), TODAY, postcode_known=False) == ["outside_area"]


def test_birthday_key_joins_swapped_day_and_month():
	assert birthday_key(date(1990, 3, 4)) == birthday_key(date(1990, 4, 3))
	assert birthday_key(date(1990, 3, 4)) != birthday_key(date(1991, 4, 3))
	assert birthday_key(None) is None
