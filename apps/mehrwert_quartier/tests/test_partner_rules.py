import pytest

from mehrwert_quartier.rules.partners import (
	PartnerScopeError,
	is_scoped_partner,
	resolve_organisation,
	sharing_purpose,
)


def test_partner_role_alone_is_scoped_staff_roles_are_not():
	assert is_scoped_partner(["Programme Partner", "Guest", "All"])
	assert not is_scoped_partner(["Programme Partner", "Project Lead"])
	assert not is_scoped_partner(["Counsellor"])
	assert not is_scoped_partner(None)


def test_organisation_is_set_automatically_and_others_refused():
	assert resolve_organisation(None, ["Jobcenter Leipzig"]) == "Jobcenter Leipzig"
	assert resolve_organisation("DAA", ["Jobcenter Leipzig", "DAA"]) == "DAA"
	with pytest.raises(PartnerScopeError):
		resolve_organisation("DAA", ["Jobcenter Leipzig"])
	with pytest.raises(PartnerScopeError):
		resolve_organisation(None, [])
	with pytest.raises(PartnerScopeError):
		resolve_organisation(None, ["A", "B"])


def test_sharing_purpose_by_recipient_type():
	assert sharing_purpose("Jobcenter") == "Data sharing with the Jobcenter"
	assert sharing_purpose("Education Provider") == "Profile sharing with employers"
	assert sharing_purpose("Housing Company") is None
	assert sharing_purpose(None) is None
