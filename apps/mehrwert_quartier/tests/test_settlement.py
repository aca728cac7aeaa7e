"""Ranking vacant commercial units for a settlement request, on a hand-made case."""

import pytest

from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.settlement import SettlementRequest, Unit, explain, rank_units, score

LO, GR = "Leipziger Osten", "Grünau"
UNITS = [
	Unit("eisenbahn-12", LO, 60, "Gastronomy", "Vacant", 700),  # perfect fit
	Unit("eisenbahn-40", LO, 55, "Retail", "Vacant", 500),  # right area, wrong use
	Unit("allee-3", GR, 65, "Gastronomy", "Vacant", 600),  # right use, other area
	Unit("allee-9", GR, 70, "Mixed Use", "Vacant", 650),
	Unit("rabet-1", LO, 58, "Gastronomy", "Under Renovation", 700),  # fit, but not ready
	Unit("rabet-2", LO, 62, "Gastronomy", "Let", 600),  # let: never offered
	Unit("rabet-3", LO, 60, "Gastronomy", "Reserved", 600),  # reserved: never offered
	Unit("ludwig-5", LO, 30, "Gastronomy", "Vacant", 300),  # too small
	Unit("ludwig-7", LO, 60, "Gastronomy", "Vacant", 950),  # too expensive
	Unit("halle-1", LO, 160, "Gastronomy", "Vacant", 800),  # far too large
]
IMBISS = SettlementRequest(
	min_floor_space=50, max_floor_space=80, programme_area=LO, use_type="Gastronomy", max_rent=900
)


def test_ranking_of_a_snack_bar_looking_for_premises_in_the_east():
	# area 3 + use 3 (mixed use 1) + size within the wish 2 (too large: minus the excess ratio, at most 2)
	# + (max rent - rent) / max rent, minus 1 under renovation
	assert rank_units(IMBISS, UNITS) == [
		("eisenbahn-12", 8.222),
		("rabet-1", 7.222),
		("eisenbahn-40", 5.444),
		("allee-3", 5.333),
		("halle-1", 5.111),
		("allee-9", 3.278),
	]


def test_units_that_cannot_be_offered_are_left_out():
	offered = {name for name, _ in rank_units(IMBISS, UNITS)}
	assert not offered & {"rabet-2", "rabet-3", "ludwig-5", "ludwig-7"}
	assert score(IMBISS, UNITS[5]) is None


def test_equal_scores_prefer_the_cheaper_unit():
	twins = [Unit("b", GR, 60, "Retail", "Vacant", 500), Unit("a", GR, 60, "Retail", "Vacant", 400)]
	assert [n for n, _ in rank_units(SettlementRequest(min_floor_space=40), twins)] == ["a", "b"]


def test_an_open_request_offers_every_available_unit():
	ranked = rank_units(SettlementRequest(), UNITS)
	assert len(ranked) == 8


def test_request_must_make_sense():
	with pytest.raises(RuleError):
		rank_units(SettlementRequest(min_floor_space=100, max_floor_space=50), UNITS)
	with pytest.raises(RuleError):
		rank_units(SettlementRequest(min_floor_space=-1), UNITS)


def test_the_score_is_explained_criterion_by_criterion_in_translated_words():
	from test_translations import german

	reasons = explain(IMBISS, UNITS[4])  # rabet-1: fits, but under renovation
	assert reasons == [
		("In the requested programme area", 3),
		("Use type as requested", 3),
		("Floor space within the wish", 2),
		("Rent below the limit", 0.222),
		("Under renovation", -1),
	]
	assert round(sum(points for _criterion, points in reasons), 3) == score(IMBISS, UNITS[4])
	assert explain(IMBISS, UNITS[5]) is None  # let: never offered
	too_large = explain(IMBISS, UNITS[-1])
	assert ("Larger than wished", -1.0) in too_large
	every = {c for u in UNITS for c, _p in explain(IMBISS, u) or []} | {"Mixed use"}
	assert every <= german().keys()
