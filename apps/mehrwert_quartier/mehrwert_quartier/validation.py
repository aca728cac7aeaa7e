"""Bridge from the plain business rules (rules/) to the desk: a broken rule becomes a translated error."""

from collections.abc import Iterator
from contextlib import contextmanager

import frappe
from frappe import _

from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.postcode import normalize_postcode


@contextmanager
def rule_check(title: str | None = None) -> Iterator[None]:
	"""Run business rules; a :class:`RuleError` is shown as a validation error in the user's language.

	Parameters of the message are translated too (statuses, field labels), so German users read German.
	"""
	try:
		yield
	except RuleError as e:
		params = {k: _(v) if isinstance(v, str) else v for k, v in e.params.items()}
		frappe.throw(_(e.message).format(**params), title=_(title) if title else None)


def valid_postcode(value: object) -> str:
	"""A five-digit postcode, or a translated validation error."""
	with rule_check("Invalid Postcode"):
		return normalize_postcode(value)
