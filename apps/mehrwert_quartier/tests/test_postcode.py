import pytest

from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.postcode import area_for_postcode, normalize_postcode

MAP = {"04315": "Leipziger Osten", "04209": "Grünau"}


@pytest.mark.parametrize(
	"raw, expected",
	[
		("04315", "04315"),
		(" 04315 ", "04315"),
		(4315, "04315"),
		(4315.0, "04315"),
		("4315", "04315"),
		("D-04315", "04315"),
		("04315 Leipzig", "04315"),
		("10115", "10115"),
	],
)
def test_normalize_accepts_what_spreadsheets_deliver(raw, expected):
	assert normalize_postcode(raw) == expected


@pytest.mark.parametrize("raw", ["", None, "0431", "043155", "Leipzig", 4315.5, 123, "00123", True, "04 315"])
def test_normalize_rejects_non_postcodes(raw):
	with pytest.raises(RuleError) as err:
		normalize_postcode(raw)
	assert "Postcode" in err.value.message


def test_rule_error_keeps_translatable_message_and_params():
	with pytest.raises(RuleError) as err:
		normalize_postcode("abc")
	assert err.value.message == "Postcode {value} is not a German postcode"
	assert err.value.params == {"value": "abc"}
	assert str(err.value) == "Postcode abc is not a German postcode"


def test_area_for_postcode_uses_the_map():
	assert area_for_postcode(4315, MAP) == "Leipziger Osten"
	assert area_for_postcode("04209 Leipzig", MAP) == "Grünau"
	assert area_for_postcode("04109", MAP) is None
	assert area_for_postcode("not a postcode", MAP) is None
