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


def test_blocks_scored_at_once_find_exactly_the_pairs_the_rule_finds_one_by_one():
	"""The worklist computes every pair's name similarity in one call and scores only the pairs that could
	reach the threshold: the result must be the rule's, pair by pair (typos, umlauts, swapped days, other
	postcodes, names that barely pass or fail)."""
	import random
	from datetime import date
	from itertools import combinations

	from mehrwert_quartier.demo.people import make_people
	from mehrwert_quartier.rules.duplicates import LIKELY, duplicate_score, likely_pairs_in_blocks

	rng = random.Random(13)
	people = make_people(random.Random(2026), 400)

	def typo(text: str) -> str:
		i = rng.randrange(len(text))
		return text[:i] + rng.choice("aeiouäöüßkrst- ") + text[i + 1 :]

	blocks = []
	for k in range(600):
		base = rng.choice(people)
		born = date(1970 + rng.randrange(30), rng.randint(1, 12), rng.randint(1, 12))
		block = []
		for j in range(rng.randint(2, 5)):
			other = rng.choice(people)
			first = typo(base.first_name) if rng.random() < 0.6 else other.first_name
			last = typo(base.last_name) if rng.random() < 0.6 else other.last_name
			day = born if rng.random() < 0.7 else date(born.year, born.day, born.month)
			postcode = rng.choice(["04315", "04317", None])
			block.append(
				{
					"name": f"P{k}-{j}",
					"first_name": first,
					"last_name": last,
					"date_of_birth": day,
					"postcode": postcode,
				}
			)
		blocks.append(block)
	one_by_one = [
		(a["name"], b["name"], duplicate_score(a, b).score)
		for block in blocks
		for a, b in combinations(block, 2)
		if duplicate_score(a, b).score >= LIKELY
	]
	at_once = [(a["name"], b["name"], m.score) for a, b, m in likely_pairs_in_blocks(blocks)]
	assert at_once == one_by_one
	assert 50 < len(at_once) < sum(len(b) * (len(b) - 1) // 2 for b in blocks)  # both kinds of pairs occur
	assert list(likely_pairs_in_blocks([])) == []
