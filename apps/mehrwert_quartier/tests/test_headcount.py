"""The headcount of a business (EECO19 size class): unknown stays unknown, without a site."""

import pytest

from mehrwert_quartier.qs_wirtschaft.crm_fields import CRM_DOCTYPES, get_custom_fields
from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.esf_indicators import size_class
from mehrwert_quartier.rules.headcount import FIELD, normalised_headcount, parse_headcount


def test_the_headcount_field_can_hold_a_blank():
	"""The Int bug: Frappe stores an Int as NOT NULL DEFAULT 0, so a blank headcount read back as 0."""
	fields = get_custom_fields()
	for doctype in CRM_DOCTYPES:
		field = next(f for f in fields[doctype] if f["fieldname"] == FIELD)
		assert field["fieldtype"] not in ("Int", "Float", "Check", "Currency", "Percent"), doctype
		assert not field.get("non_negative")


@pytest.mark.parametrize(
	("value", "number"),
	[(None, None), ("", None), ("   ", None), ("0", 0), (" 12 ", 12), (7, 7), (7.0, 7), ("250", 250)],
)
def test_a_blank_is_unknown_and_a_number_is_kept(value, number):
	assert parse_headcount(value) == number
	assert normalised_headcount(value) == (None if number is None else str(number))


@pytest.mark.parametrize("value", ["zehn", "3.5", "1e3", 2.5, True, "-", [3]])
def test_not_a_whole_number_is_refused(value):
	with pytest.raises(RuleError, match="whole number"):
		parse_headcount(value)


@pytest.mark.parametrize("value", [-1, "-4"])
def test_a_negative_headcount_is_refused(value):
	with pytest.raises(RuleError, match="negative"):
		parse_headcount(value)


def test_an_unknown_headcount_has_no_size_class():
	assert size_class(parse_headcount("")) is None
	assert size_class(parse_headcount("0")) == "Micro enterprise"
