"""Partner scoping and data-sharing rules of the partner exchange (plain Python, no frappe).

A user holding the role Programme Partner and none of the programme's staff roles is a *scoped partner*: they
work for the Partner Organisation(s) whose user table lists them, and only for those.
"""

PARTNER_ROLE = "Programme Partner"
STAFF_ROLES = frozenset({"System Manager", "Project Lead", "Counsellor", "Business Coach"})

# organisation type of the recipient -> consent purpose that allows sharing participant data with it;
# types without an entry receive no participant export at all
SHARING_PURPOSES = {
	"Jobcenter": "Data sharing with the Jobcenter",
	"Project Partner": "Profile sharing with employers",
	"Cooperation Partner": "Profile sharing with employers",
	"Education Provider": "Profile sharing with employers",
}


class PartnerScopeError(ValueError):
	"""The requested organisation is not one of the partner's own."""


def is_scoped_partner(roles) -> bool:
	roles = set(roles or ())
	return PARTNER_ROLE in roles and not roles & STAFF_ROLES


def resolve_organisation(requested: str | None, own: list[str]) -> str:
	"""The organisation a partner's upload belongs to: the requested one if it is their own, else their only one."""
	if requested:
		if requested not in own:
			raise PartnerScopeError(requested)
		return requested
	if len(own) != 1:
		raise PartnerScopeError(None)
	return own[0]


def sharing_purpose(organisation_type: str | None) -> str | None:
	"""The consent purpose needed to share participant data with an organisation of this type, or None."""
	return SHARING_PURPOSES.get(organisation_type or "")


# consent purpose -> the participant fields shared under it (never notes, ESF answers or permlevel fields)
SHARED_FIELDS = {
	"Data sharing with the Jobcenter": [
		"first_name",
		"last_name",
		"date_of_birth",
		"jobcenter_customer_number",
		"programme_area",
		"entry_date",
		"exit_date",
		"exit_reason",
		"exit_status",
	],
	"Profile sharing with employers": [
		"first_name",
		"last_name",
		"programme_area",
		"languages",
		"skills",
		"available_hours",
		"available_from",
	],
}
