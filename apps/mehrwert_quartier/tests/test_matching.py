from datetime import date

from mehrwert_quartier.rules.matching import checkpoint_dates, fit, rank_participants, rank_vacancies

VACANCY = {
	"name": "V1",
	"required_skills": "Lager, Staplerschein, Kasse, Inventur",
	"languages": "Deutsch",
	"programme_area": "Grünau",
	"hours_per_week": 30,
	"start_date": date(2027, 1, 1),
}


def person(name, **values):
	return {"name": name, "profile_consent": True, "languages": "Deutsch", **values}


def test_fit_explains_each_criterion():
	result = fit(person("p", skills="Lager, Kasse", programme_area="Grünau", available_hours=20), VACANCY)
	assert [c for c, _p, _d in result.explanation] == ["skills", "languages", "area", "availability"]
	points = {c: p for c, p, _d in result.explanation}
	assert points == {"skills": 20, "languages": 20, "area": 20, "availability": 10}
	assert result.score == 70


def test_ranking_participants_on_a_hand_made_case():
	people = [
		person("weak", skills="Kasse", programme_area="Leipziger Osten", available_hours=10),
		person(
			"best",
			skills="Lager, Staplerschein, Kasse, Inventur",
			programme_area="Grünau",
			available_hours=40,
		),
		person(
			"no-consent",
			skills="Lager, Staplerschein, Kasse, Inventur",
			programme_area="Grünau",
			available_hours=40,
			profile_consent=False,
		),
		person(
			"middle",
			skills="Lager, Staplerschein",
			programme_area="Grünau",
			available_hours=30,
			available_from=date(2027, 2, 1),
		),
		person(
			"no-german",
			skills="Lager, Staplerschein, Kasse, Inventur",
			languages="Arabisch",
			programme_area="Grünau",
			available_hours=40,
		),
	]
	ranked = rank_participants(VACANCY, people)
	assert [f.record["name"] for f in ranked] == ["best", "no-german", "middle", "weak"]
	assert [f.score for f in ranked] == [100, 80, 70, 40]


def test_ranking_vacancies_for_a_participant_skips_closed_ones():
	participant = person("p", skills="Kasse, Verkauf", programme_area="Leipziger Osten", available_hours=20)
	jobs = [
		{
			"name": "kasse-lo",
			"status": "Open",
			"required_skills": "Kasse, Verkauf",
			"programme_area": "Leipziger Osten",
			"hours_per_week": 20,
		},
		{
			"name": "lager-gr",
			"status": "Open",
			"required_skills": "Lager",
			"programme_area": "Grünau",
			"hours_per_week": 40,
		},
		{
			"name": "filled",
			"status": "Filled",
			"required_skills": "Kasse, Verkauf",
			"programme_area": "Leipziger Osten",
		},
	]
	assert [f.record["name"] for f in rank_vacancies(participant, jobs)] == ["kasse-lo", "lager-gr"]


def test_checkpoints_one_three_six_months_after_start():
	assert checkpoint_dates(date(2026, 8, 31)) == [
		(1, date(2026, 9, 30)),
		(3, date(2026, 11, 30)),
		(6, date(2027, 2, 28)),
	]
