from mehrwert_quartier.rules.activity import per_thousand


def test_reach_per_thousand_residents_is_blank_when_residents_are_unknown():
	assert per_thousand(77, 76732) == 1.0
	assert per_thousand(0, 1000) == 0.0
	assert per_thousand(5, 0) is None
	assert per_thousand(5, None) is None
