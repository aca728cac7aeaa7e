"""Data subject requests (GDPR Art. 12-21): deadlines, what a decision needs, erasure inside the ESF period.

Plain Python; the DocType Data Subject Request calls these and translates a :class:`RuleError`.
"""

from datetime import date, timedelta

from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.esf import add_months

ACCESS, RECTIFICATION, RESTRICTION = "Access", "Rectification", "Restriction"
ERASURE, OBJECTION, WITHDRAWAL = "Erasure", "Objection", "Withdrawal of consent"
TYPES = (ACCESS, RECTIFICATION, RESTRICTION, ERASURE, OBJECTION, WITHDRAWAL)
RECEIVED, IDENTITY_CHECKED, DECIDED, DONE, REFUSED = (
	"Received",
	"Identity checked",
	"Decided",
	"Done",
	"Refused",
)
STATES = (RECEIVED, IDENTITY_CHECKED, DECIDED, DONE, REFUSED)
GRANTED, RESTRICTED_INSTEAD = "Granted", "Restricted instead of erased"
ESF_GROUND = "Art. 17(3)(b) GDPR: legal obligation to keep ESF documents (Regulation (EU) 2021/1060, Art. 82)"
REMIND_DAYS_BEFORE = 7


def due_date(received: date, extended: bool = False) -> date:
	"""One month after receipt (Art. 12(3)); two further months when extended for complexity or number."""
	return add_months(received, 3 if extended else 1)


def reminder_date(due: date, today: date) -> date:
	"""A week before the deadline, or today when that has passed."""
	return max(due - timedelta(days=REMIND_DAYS_BEFORE), today)


def effective_decision(request_type: str, in_esf_retention: bool) -> tuple[str, str | None]:
	"""(decision, legal ground): an erasure inside the ESF retention period becomes a restriction."""
	if request_type == ERASURE and in_esf_retention:
		return RESTRICTED_INSTEAD, ESF_GROUND
	return GRANTED, None


def check_state(state: str, values: dict) -> None:
	"""What each state needs; raises :class:`RuleError`."""
	if state in (IDENTITY_CHECKED, DECIDED, DONE) and not values.get("identity_evidence"):
		raise RuleError("Record how the identity of the requester was checked")
	if state in (DECIDED, DONE) and not values.get("decision"):
		raise RuleError("Record the decision")
	if state in (DECIDED, DONE) and values.get("request_type") != ACCESS and not values.get("participant"):
		raise RuleError("Link the participant the request is about")
	if state == REFUSED and not (values.get("refusal_ground") and values.get("refusal_reason")):
		raise RuleError("A refusal needs its legal ground and a reason")
	if values.get("extended") and not values.get("extension_reason"):
		raise RuleError("An extension of the deadline needs a reason (Art. 12(3))")


def is_overdue(due: date | None, state: str, today: date) -> bool:
	return bool(due) and state not in (DONE, REFUSED) and today > due
