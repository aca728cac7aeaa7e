"""QS Wirtschaft rules and custom field definitions, without a site."""

import pytest

from mehrwert_quartier.qs_wirtschaft.crm_fields import (
	ANCHORS,
	CRM_DOCTYPES,
	DATA_FIELDS,
	RESTRICTED_FIELD,
	WZ_SECTIONS,
	get_custom_fields,
)
from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.enterprise_support import (
	check_business_doctype,
	check_needs_assessed,
	may_see_restricted,
)


def test_business_is_lead_prospect_or_customer():
	for doctype in ("Lead", "Prospect", "Customer"):
		check_business_doctype(doctype)
	with pytest.raises(RuleError) as e:
		check_business_doctype("Supplier")
	assert e.value.params == {"doctype": "Supplier"}
	with pytest.raises(RuleError):
		check_business_doctype(None)


def test_support_needs_a_need():
	check_needs_assessed("Contacted", [])
	check_needs_assessed("Needs Assessed", [])
	check_needs_assessed("In Support", ["Financing"])
	for status in ("In Support", "Completed"):
		with pytest.raises(RuleError) as e:
			check_needs_assessed(status, [])
		assert e.value.params == {"status": status}


def test_a_need_is_listed_once():
	with pytest.raises(RuleError) as e:
		check_needs_assessed("Contacted", ["Training", "Premises", "Training"])
	assert e.value.params == {"topic": "Training"}


def test_restricted_data_roles():
	assert may_see_restricted(["Business Coach"])
	assert may_see_restricted({"Project Lead", "Counsellor"})
	assert not may_see_restricted(["Counsellor", "Data Protection Officer", "Sales User"])
	assert not may_see_restricted([])


def test_custom_fields_are_the_same_on_the_four_crm_doctypes():
	fields = get_custom_fields()
	assert set(fields) == set(CRM_DOCTYPES)
	for doctype, rows in fields.items():
		assert rows[0]["insert_after"] == ANCHORS[doctype]
		# each field follows the previous one, so the block stays together
		assert [r["insert_after"] for r in rows[1:]] == [r["fieldname"] for r in rows[:-1]]
		assert all(r["module"] == "QS Wirtschaft" for r in rows)
		restricted = [r for r in rows if r.get("permlevel")]
		assert [r["fieldname"] for r in restricted] == [RESTRICTED_FIELD]
	assert "mq_section" not in DATA_FIELDS and "mq_programme_area" in DATA_FIELDS


def test_wz_sections_a_to_u():
	assert [s[0] for s in WZ_SECTIONS] == [chr(c) for c in range(ord("A"), ord("U") + 1)]
