"""Rules of QS Wirtschaft's enterprise support cases (Unternehmensbetreuung)."""

from mehrwert_quartier.rules import RuleError

BUSINESS_DOCTYPES = ("Lead", "Prospect", "Customer")
RESTRICTED_CASE_TYPE = "Entrepreneur receiving social transfers"
RESTRICTED_ROLES = ("Business Coach", "Project Lead", "System Manager")
NEEDS_REQUIRED_FROM = ("In Support", "Completed")


def check_business_doctype(doctype: str | None) -> None:
	if doctype not in BUSINESS_DOCTYPES:
		raise RuleError("A business is a Lead, Prospect or Customer, not {doctype}", doctype=doctype or "-")


def check_needs_assessed(status: str | None, topics: list[str]) -> None:
	"""Support starts from a needs assessment: a case in support or completed names at least one need."""
	if status in NEEDS_REQUIRED_FROM and not topics:
		raise RuleError("Record at least one need before the case moves to {status}", status=status)
	duplicates = sorted({t for t in topics if topics.count(t) > 1})
	if duplicates:
		raise RuleError("Need {topic} is listed twice", topic=duplicates[0])


def may_see_restricted(roles: list[str] | set[str]) -> bool:
	"""Whether a user with these roles may see restricted data (entrepreneurs receiving social transfers)."""
	return bool(set(roles) & set(RESTRICTED_ROLES))
