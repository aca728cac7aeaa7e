"""Staff headcount of a business (``mq_employees`` on Lead, Prospect, Customer and Opportunity).

EECO19 takes the size class from it (Recommendation 2003/361/EC). It is stored as text so that unknown stays
blank: Frappe stores an Int as NOT NULL DEFAULT 0, and a blank read back as 0 made an unknown business a
micro enterprise.
"""

from mehrwert_quartier.rules import RuleError

FIELD = "mq_employees"


def parse_headcount(value) -> int | None:
	"""The headcount as typed: ``None`` for unknown (blank), else a whole number of people >= 0."""
	if value is None or (isinstance(value, str) and not value.strip()):
		return None
	if isinstance(value, bool):
		raise RuleError("The number of employees must be a whole number")
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	if isinstance(value, str):
		text = value.strip()
		if not text.lstrip("-").isdigit():
			raise RuleError("The number of employees must be a whole number")
		value = int(text)
	if not isinstance(value, int):
		raise RuleError("The number of employees must be a whole number")
	if value < 0:
		raise RuleError("The number of employees cannot be negative")
	return value


def normalised_headcount(value) -> str | None:
	"""What is stored: the whole number as text, or ``None`` (unknown)."""
	number = parse_headcount(value)
	return None if number is None else str(number)
