import random

from mehrwert_quartier.demo.people import STREETS, make_people


def test_same_seed_same_people():
	assert make_people(random.Random(7), 50) == make_people(random.Random(7), 50)
	assert make_people(random.Random(7), 50) != make_people(random.Random(8), 50)


def test_people_live_in_both_programme_areas_with_leipzig_postcodes():
	people = make_people(random.Random(1), 400)
	assert {p.area for p in people} == {"Leipziger Osten", "Grünau"}
	for p in people:
		assert (p.street.rsplit(" ", 1)[0], p.postcode, p.locality) in STREETS[p.area]
		assert p.postcode.startswith("04") and len(p.postcode) == 5
		assert p.city == "Leipzig"


def test_gender_mix_is_realistic():
	people = make_people(random.Random(2), 1000)
	share = {g: sum(p.gender == g for p in people) / len(people) for g in ("Female", "Male", "Non-binary")}
	assert 0.4 < share["Female"] < 0.6
	assert 0.4 < share["Male"] < 0.6
	assert 0 < share["Non-binary"] < 0.05


def test_area_can_be_chosen():
	assert {p.area for p in make_people(random.Random(3), 30, area="Grünau")} == {"Grünau"}
