from datetime import date

from mehrwert_quartier.rules.duplicates import duplicate_score, likely_duplicates, normalise_name

NEW = {
	"first_name": "Jürgen",
	"last_name": "Müller-Lüdenscheidt",
	"date_of_birth": date(1970, 3, 4),
	"postcode": "04315",
}


def test_names_compare_without_case_umlauts_or_order():
	assert normalise_name("Jürgen", "Müller") == normalise_name("juergen", "MUELLER")
	assert normalise_name("Ayşe", "Yılmaz") == normalise_name("Ayse", "Yılmaz")
	assert normalise_name("Anna", "Berg") == normalise_name("Berg", "Anna")


def test_true_matches():
	same = {
		"name": "P1",
		"first_name": "Juergen",
		"last_name": "Mueller-Luedenscheidt",
		"date_of_birth": date(1970, 3, 4),
		"postcode": "04315",
	}
	typo = {
		"name": "P2",
		"first_name": "Jürgen",
		"last_name": "Müler-Lüdenscheid",
		"date_of_birth": date(1970, 4, 3),
		"postcode": "04317",
	}
	assert duplicate_score(NEW, same).score == 100
	matches = likely_duplicates(NEW, [typo, same])
	assert [m.name for m in matches] == ["P1", "P2"]
	assert "Same date of birth" in matches[1].reasons


def test_false_matches():
	namesake_other_birthday = {
		"name": "P3",
		"first_name": "Jürgen",
		"last_name": "Müller",
		"date_of_birth": date(1985, 1, 1),
		"postcode": "04209",
	}
	other_person_same_birthday = {
		"name": "P4",
		"first_name": "Fatma",
		"last_name": "Demir",
		"date_of_birth": date(1970, 3, 4),
		"postcode": "04315",
	}
	assert likely_duplicates(NEW, [namesake_other_birthday, other_person_same_birthday]) == []


def test_record_is_not_its_own_duplicate():
	assert likely_duplicates({**NEW, "name": "P1"}, [{**NEW, "name": "P1"}]) == []


def test_likely_pairs_scores_a_block_as_the_intake_rule_does():
	from datetime import date

	from mehrwert_quartier.rules.duplicates import duplicate_score, likely_pairs

	block = [
		{"name": "A", "first_name": "Mariam", "last_name": "Al-Hassan", "date_of_birth": date(1990, 3, 4)},
		{"name": "B", "first_name": "Mariam", "last_name": "Alhassan", "date_of_birth": date(1990, 4, 3)},
		{"name": "C", "first_name": "Peter", "last_name": "Schulz", "date_of_birth": date(1990, 3, 4)},
	]
	pairs = [(a["name"], b["name"], m.score) for a, b, m in likely_pairs(block)]
	assert pairs == [("A", "B", duplicate_score(block[0], block[1]).score)]
