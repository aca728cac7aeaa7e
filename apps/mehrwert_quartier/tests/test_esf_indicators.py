"""Each ESF Plus indicator's definition pinned on small hand-made cases (rules/esf_indicators.py)."""

from datetime import date

import pytest

from mehrwert_quartier.rules import esf_indicators as esf
from mehrwert_quartier.rules.esf_indicators import (
	FIGURE_KEYS,
	INDICATORS,
	age_at,
	count,
	figure_key,
	holds,
	is_supported_enterprise,
	last_31_december,
	response_rate,
	size_class,
)

CUT_OFF = {"cut_off": date(2026, 12, 31)}
BY_CODE = {i.code: i for i in INDICATORS}


def person(gender="Female", **values):
	return {
		"gender": gender,
		"esf_complete": 1,
		"entry_date": date(2026, 3, 1),
		"date_of_birth": date(1980, 1, 1),
		"labour_market_status": "Unemployed",
		**values,
	}


def counted(code: str, people: list[dict], params=CUT_OFF, period=False) -> dict:
	return count(people, params, period)[figure_key(BY_CODE[code])]


def leaver(exit_date=date(2026, 5, 1), **values):
	return person(exit_date=exit_date, **values)


def test_age_at_entry():
	assert age_at(date(2008, 3, 2), date(2026, 3, 1)) == 17
	assert age_at(date(2008, 3, 1), date(2026, 3, 1)) == 18
	assert age_at(date(2008, 2, 29), date(2026, 2, 28)) == 17
	assert age_at(None, date(2026, 3, 1)) is None


def test_age_bands_are_taken_at_entry_not_today():
	young = person(date_of_birth=date(2008, 6, 1))  # 17 at entry, 18 at the cut-off
	assert counted("EECO05", [young])["Total"] == 1
	assert counted("EECO06", [young])["Total"] == 0
	assert counted("EECO06", [person(date_of_birth=date(1996, 3, 1))])["Total"] == 0  # 30 on entry day
	assert counted("EECO06", [person(date_of_birth=date(1996, 3, 2))])["Total"] == 1
	assert counted("EECO07", [person(date_of_birth=date(1971, 3, 1))])["Total"] == 1


def test_an_anonymised_participant_counts_by_the_age_kept_at_entry():
	born = date(2008, 6, 1)
	kept = person(date_of_birth=born)
	anonymised = person(date_of_birth=None, age_at_entry=age_at(born, kept["entry_date"]))
	for people in ([kept], [anonymised]):
		assert counted("EECO05", people)["Total"] == 1
		assert counted("EECO06", people)["Total"] == 0


def test_every_figure_by_gender_and_the_total_row():
	people = [person("Female"), person("Male"), person("Non-binary"), person("Female")]
	assert counted("EECO11", people) == {"Female": 2, "Male": 1, "Non-binary": 1, "Total": 4}
	assert counted("EECO01", people)["Total"] == 4


def test_incomplete_records_and_entries_after_the_cut_off_count_nowhere():
	people = [person(esf_complete=0), person(entry_date=date(2027, 1, 2)), person()]
	assert counted("EECO11", people)["Total"] == 1


def test_cumulative_takes_everything_up_to_the_cut_off_a_period_only_its_entries():
	people = [person(entry_date=date(2025, 5, 1)), person(entry_date=date(2026, 5, 1))]
	assert counted("EECO11", people)["Total"] == 2
	period = {"from_date": date(2026, 1, 1), "cut_off": date(2026, 12, 31)}
	assert counted("EECO11", people, period, period=True)["Total"] == 1


def test_blank_sensitive_answer_is_no_answer_and_the_person_counts():
	people = [person(disability=None), person(disability="Yes"), person(disability="No answer")]
	assert counted("EECO11", people)["Total"] == 3
	assert counted("EECO12", people)["Total"] == 1


def test_result_upon_leaving_counts_only_a_state_within_28_days_after_exit():
	in_window = leaver(exit_status="Employed", exit_status_on=date(2026, 5, 29))
	too_late = leaver(exit_status="Employed", exit_status_on=date(2026, 5, 30))
	before_exit = leaver(exit_status="Employed", exit_status_on=date(2026, 4, 30))
	assert counted("EECR04", [in_window, too_late, before_exit])["Total"] == 1


def test_state_after_the_cut_off_is_not_yet_known():
	late = leaver(exit_date=date(2026, 12, 20), exit_status="Employed", exit_status_on=date(2027, 1, 5))
	assert counted("EECR04", [late])["Total"] == 0
	assert counted("EECR04", [late], {"cut_off": date(2027, 1, 31)})["Total"] == 1


def test_job_searching_and_employed_exclude_each_other_qualification_stands_beside():
	searching = leaver(exit_status="Job searching", exit_status_on=date(2026, 5, 1))
	working = leaver(exit_status="Self-employed", exit_status_on=date(2026, 5, 1), exit_qualification=1)
	training = leaver(
		exit_status="In education or training", exit_status_on=date(2026, 5, 2), exit_qualification=1
	)
	people = [searching, working, training]
	assert counted("EECR01", people)["Total"] == 1
	assert counted("EECR04", people)["Total"] == 1
	assert counted("EECR02", people)["Total"] == 1
	assert counted("EECR03", people)["Total"] == 2


def follow_up(done_on, result="Employed", status="Employed", improvement=None):
	return leaver(
		labour_market_status=status,
		follow_up_due=date(2026, 11, 1),
		follow_up_done_on=done_on,
		follow_up_result=result,
		follow_up_improvement=improvement,
	)


def test_six_month_result_counts_only_at_or_after_the_six_month_mark():
	on_mark = follow_up(date(2026, 11, 1))
	too_early = follow_up(date(2026, 10, 15))
	after_cut_off = follow_up(date(2027, 1, 10))
	assert counted("EECR05", [on_mark, too_early, after_cut_off])["Total"] == 1


def test_improved_situation_only_for_participants_employed_at_entry():
	employed_improved = follow_up(date(2026, 11, 2), status="Employed", improvement="Promotion")
	employed_same = follow_up(date(2026, 11, 2), status="Employed", improvement="No improvement")
	unemployed_now_working = follow_up(date(2026, 11, 2), status="Unemployed", improvement="Promotion")
	people = [employed_improved, employed_same, unemployed_now_working]
	assert counted("EECR06", people)["Total"] == 1
	assert counted("EECR05", people)["Total"] == 3


def test_response_rate_of_the_six_month_follow_up():
	people = [
		follow_up(date(2026, 11, 2)),
		follow_up(date(2026, 11, 2), result="Not reachable"),
		follow_up(None, result=None),
		follow_up(date(2026, 10, 2)),  # before the mark: no answer that counts
	]
	table = count(people, CUT_OFF)
	keys = list(FIGURE_KEYS)
	due, answered = table[keys[len(INDICATORS) + 2]], table[keys[len(INDICATORS) + 3]]
	assert (due["Total"], answered["Total"]) == (4, 1)
	assert response_rate(answered["Total"], due["Total"]) == 25.0
	assert response_rate(0, 0) is None


@pytest.mark.parametrize(
	("employees", "label"),
	[
		(0, "Micro enterprise"),
		(9, "Micro enterprise"),
		(10, "Small enterprise"),
		(49, "Small enterprise"),
		(50, "Medium-sized enterprise"),
		(249, "Medium-sized enterprise"),
		(250, None),
		(None, None),
	],
)
def test_size_class_from_employees(employees, label):
	assert size_class(employees) == label


def test_solo_self_employed_coached_as_persons_are_no_enterprises():
	assert is_supported_enterprise("Business Support", "Retail")
	assert not is_supported_enterprise("Business Support", "Solo Self-Employed")
	assert not is_supported_enterprise("Entrepreneur receiving social transfers", "Retail")


def test_default_cut_off_is_the_last_31_december():
	assert last_31_december(date(2026, 7, 15)) == date(2025, 12, 31)
	assert last_31_december(date(2026, 12, 31)) == date(2026, 12, 31)
	assert last_31_december(date(2027, 1, 1)) == date(2026, 12, 31)


def test_conditions_name_the_fields_they_read():
	assert esf.fields_of(BY_CODE["EECO05"].condition) == {"date_of_birth", "entry_date", "age_at_entry"}
	assert "exit_status_on" in esf.fields_of(BY_CODE["EECR04"].condition)
	assert holds(esf.TRUE, {})
