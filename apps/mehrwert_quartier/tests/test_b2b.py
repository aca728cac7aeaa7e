"""B2B relations and cross-selling suggestions, on a hand-made neighbourhood."""

import json

import pytest
from conftest import PACKAGE

from mehrwert_quartier.qs_wirtschaft.crm_fields import WZ_SECTIONS
from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.b2b import (
	Business,
	CrossSellingRule,
	check_dates,
	check_no_duplicate,
	check_two_businesses,
	complementary_reasons,
	suggest_partners,
)

RETAIL, FOOD, CRAFT, ESTATE, IT = "G - Retail", "I - Food", "F - Craft", "L - Estate", "J - IT"
LO, GR = "Leipziger Osten", "Grünau"
RULES = [
	CrossSellingRule(RETAIL, FOOD, "shops supply cafés"),
	CrossSellingRule(CRAFT, ESTATE, "owners need craftspeople"),
	CrossSellingRule(IT, FOOD, "online orders", active=False),
	CrossSellingRule(FOOD, RETAIL, "cafés sell local products"),  # the same pair the other way round
]
CAFE = Business("Customer", "cafe", "Café Eisenbahn", LO, FOOD)
NEIGHBOURHOOD = [
	CAFE,
	Business("Lead", "spaeti", "Spätkauf", LO, RETAIL),
	Business("Customer", "markt", "Markt Al-Sham", LO, RETAIL),
	Business("Prospect", "baecker", "Bäcker Yıldız", LO, RETAIL),
	Business("Customer", "blumen", "Blumen Grünau", GR, RETAIL),  # other area
	Business("Customer", "it", "IT Petrov", LO, IT),  # inactive rule
	Business("Customer", "maler", "Maler Krause", LO, CRAFT),  # no rule with food
	Business("Customer", "kiosk", "Kiosk Rabet", LO, RETAIL),  # already related
]


def test_a_rule_works_both_ways_and_inactive_rules_do_not_count():
	assert complementary_reasons(RETAIL, RULES) == {FOOD: ["shops supply cafés", "cafés sell local products"]}
	assert complementary_reasons(ESTATE, RULES) == {CRAFT: ["owners need craftspeople"]}
	assert complementary_reasons(IT, RULES) == {}
	assert complementary_reasons(None, RULES) == {}


def test_suggestions_same_area_complementary_sector_not_related_best_first():
	related = {("Customer", "kiosk")}
	suggestions = suggest_partners(CAFE, NEIGHBOURHOOD, RULES, related)
	# customers before prospects before leads when the reasons are equal
	assert [s.business.name for s in suggestions] == ["markt", "baecker", "spaeti"]
	assert suggestions[0].reasons == ("shops supply cafés", "cafés sell local products")  # rule order


def test_suggestions_for_the_other_direction_and_without_area():
	shop = NEIGHBOURHOOD[1]
	assert [s.business.name for s in suggest_partners(shop, NEIGHBOURHOOD, RULES, set())] == ["cafe"]
	no_area = Business("Lead", "x", "X", None, RETAIL)
	assert suggest_partners(no_area, NEIGHBOURHOOD, RULES, set()) == []


def test_more_reasons_rank_higher():
	rules = [*RULES, CrossSellingRule(RETAIL, CRAFT, "shop fitting")]
	shop = Business("Customer", "laden", "Laden", LO, RETAIL)
	ranked = suggest_partners(shop, NEIGHBOURHOOD, rules, set())
	assert [s.business.name for s in ranked] == ["cafe", "maler"]


def test_relation_checks():
	with pytest.raises(RuleError):
		check_two_businesses(("Lead", "a"), ("Lead", "a"))
	check_two_businesses(("Lead", "a"), ("Customer", "a"))
	with pytest.raises(RuleError):
		check_dates("2026-05-01", "2026-04-30")
	check_dates("2026-05-01", None)
	with pytest.raises(RuleError, match="BR-2026-00001"):
		check_no_duplicate("Supplier", ["BR-2026-00001"])
	check_no_duplicate("Supplier", [])


def test_cross_selling_rule_offers_the_wz_sections_of_the_crm_fields():
	path = PACKAGE / "qs_wirtschaft/doctype/cross_selling_rule/cross_selling_rule.json"
	fields = {f["fieldname"]: f for f in json.loads(path.read_text(encoding="utf-8"))["fields"]}
	for fieldname in ("sector_a", "sector_b"):
		assert fields[fieldname]["options"].split("\n") == WZ_SECTIONS
