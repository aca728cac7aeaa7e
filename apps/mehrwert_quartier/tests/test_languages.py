"""One list of languages for participants, vacancies and training offers (issue 15)."""

import csv
import json
from datetime import date

from conftest import PACKAGE

from mehrwert_quartier.rules.languages import LANGUAGES, german_names, language_key, language_keys
from mehrwert_quartier.rules.matching import fit
from mehrwert_quartier.rules.portfolio import rank_offers


def test_german_and_english_names_are_one_language():
	assert language_keys("Englisch, arabisch; Deutsch") == {"English", "Arabic", "German"}
	assert language_keys("English, ARABIC") == {"English", "Arabic"}
	assert language_key("Tigrinya") == "tigrinya"
	assert german_names("English, englisch, Farsi, Tigrinya") == "Englisch, Persisch, Tigrinya"


def test_a_participant_speaking_english_scores_for_an_english_course():
	today = date(2026, 12, 1)
	offer = {"name": "o", "language_of_instruction": "English", "start_date": date(2027, 6, 1)}
	for spoken in ("Englisch", "English", "Deutsch, Englisch"):
		(match,) = rank_offers({"languages": spoken}, [offer], today)
		assert match.score == 25 and match.reasons == ["Taught in a language the participant speaks"]
	(match,) = rank_offers({"languages": "Arabisch"}, [offer], today)
	assert match.score == 0
	assert rank_offers({"languages": ""}, [offer], today, language="Englisch") == [match]


def test_a_vacancy_needing_english_fits_a_participant_speaking_englisch():
	result = fit({"languages": "Englisch, Deutsch"}, {"languages": "English"})
	assert ("languages", 20, "Englisch") in result.explanation
	result = fit({"languages": "Deutsch"}, {"languages": "Englisch, Deutsch"})
	assert ("languages", 0, "Englisch") in result.explanation


def test_training_offers_choose_from_the_list_and_the_desk_shows_its_german_names():
	doctype = json.loads((PACKAGE / "qs_arbeit/doctype/training_offer/training_offer.json").read_text())
	(field,) = [f for f in doctype["fields"] if f["fieldname"] == "language_of_instruction"]
	assert field["options"].split("\n") == [value for value, _german in LANGUAGES]
	with (PACKAGE / "translations" / "de.csv").open(encoding="utf-8") as f:
		german = {row[0]: row[1] for row in csv.reader(f) if row}
	assert {value: german.get(value) for value, _g in LANGUAGES} == dict(LANGUAGES)
