"""Consent under the GDPR: valid from the day it was given until the day it is withdrawn."""

from datetime import date

from mehrwert_quartier.rules import RuleError


def is_consent_valid(
	given_on: date | None, withdrawn_on: date | None, on_date: date, valid_until: date | None = None
) -> bool:
	"""A consent is valid on ``on_date`` when it was given on or before it, not withdrawn by then and not
	expired (``valid_until`` is its last valid day)."""
	if not given_on or given_on > on_date:
		return False
	if valid_until is not None and on_date > valid_until:
		return False
	return withdrawn_on is None or withdrawn_on > on_date


def consent_status(withdrawn_on: date | None, valid_until: date | None, today: date) -> str:
	if withdrawn_on and withdrawn_on <= today:
		return "Withdrawn"
	if valid_until and today > valid_until:
		return "Expired"
	return "Valid"


def check_consent_dates(given_on: date | None, withdrawn_on: date | None) -> None:
	if withdrawn_on and not given_on:
		raise RuleError("A consent can only be withdrawn after it was given")
	if withdrawn_on and given_on and withdrawn_on < given_on:
		raise RuleError("The consent cannot be withdrawn before it was given")


def is_private_file_url(url: str | None) -> bool:
	return bool(url) and url.startswith("/private/files/")
