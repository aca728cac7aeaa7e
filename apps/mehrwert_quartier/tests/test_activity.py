from mehrwert_quartier.rules.activity import per_thousand, total_residents


def test_reach_per_thousand_residents_is_blank_when_residents_are_unknown():
	assert per_thousand(77, 76732) == 1.0
	assert per_thousand(0, 1000) == 0.0
	assert per_thousand(5, 0) is None
	assert per_thousand(5, None) is None


def test_the_total_divides_by_every_column_or_by_the_whole_territory_never_by_some_districts():
	assert total_residents({"Leipziger Osten": 40000, "Grünau": 36732}, 76732, True) == 76732
	assert total_residents({"Leipziger Osten": 40000, "Grünau": 30000}, 76732, True) == 70000  # columns first
	# the districts are not given: the territory's figure for all its districts together
	assert total_residents({"Leipziger Osten": None, "Grünau": None}, 76732, True) == 76732
	# one district known, the other not: not 40,000 for the participants of both
	assert total_residents({"Leipziger Osten": 40000, "Grünau": None}, 76732, True) == 76732
	assert total_residents({"Leipziger Osten": 40000, "Grünau": None}, None, True) is None
	# one district chosen: never the territory's residents
	assert total_residents({"Grünau": None}, 76732, False) is None
	assert total_residents({}, 76732, False) is None
