"""How long the programme keeps personal data, and from when it must be anonymised. Plain Python.

Each kind of record has one rule: a period (years and months) counted from an anchor date that is fixed per
kind. ESF Plus documents are kept five years from 31 December of the year of the last payment to the
beneficiary (Regulation (EU) 2021/1060, Art. 82); afterwards personal data must not be kept in a form that
identifies the person (GDPR Art. 5(1)(e)).

Reasons are English source strings with ``{name}`` placeholders, translated by the caller.
"""

from dataclasses import dataclass, field
from datetime import date

from mehrwert_quartier.rules.esf import add_months

ESF_PARTICIPANT = "ESF participant"
WALK_IN = "Walk-in contact"
IMPORT_FILE = "Import file and error report"
ACCESS_LOG = "Access log"
DATA_SUBJECT_REQUEST = "Data subject request"
KINDS = (ESF_PARTICIPANT, WALK_IN, IMPORT_FILE, ACCESS_LOG, DATA_SUBJECT_REQUEST)

# kind -> (years, months, legal source): the defaults created at install; the DPO may change the periods
DEFAULT_RULES: dict[str, tuple[int, int, str]] = {
	ESF_PARTICIPANT: (5, 0, "Regulation (EU) 2021/1060, Art. 82; GDPR Art. 5(1)(e)"),
	WALK_IN: (1, 0, "GDPR Art. 5(1)(c) and (e): no ESF document, kept only while contact is likely"),
	IMPORT_FILE: (0, 6, "GDPR Art. 5(1)(e): the imported records hold the data; the file is a working copy"),
	ACCESS_LOG: (2, 0, "GDPR Art. 5(2) and 32: accountability of accesses"),
	DATA_SUBJECT_REQUEST: (3, 0, "GDPR Art. 5(2); § 195 BGB (three-year limitation period)"),
}
# kind -> what the period is counted from (English, translated by the caller)
ANCHORS = {
	ESF_PARTICIPANT: "31 December of the year of the last payment",
	WALK_IN: "the last contact",
	IMPORT_FILE: "the end of the batch",
	ACCESS_LOG: "the access",
	DATA_SUBJECT_REQUEST: "the closing of the request",
}


@dataclass(frozen=True)
class Rule:
	kind: str
	years: int = 0
	months: int = 0
	legal_source: str = ""

	def after(self, day: date) -> date:
		return add_months(day, 12 * (self.years or 0) + (self.months or 0))


@dataclass(frozen=True)
class Retention:
	"""Keep until ``until`` (None: not yet known); ``reason`` explains it (English, ``params`` fill it)."""

	until: date | None
	reason: str
	params: dict = field(default_factory=dict)

	def due(self, today: date) -> bool:
		"""Past its retention date: to be anonymised (the last day of keeping is ``until`` itself)."""
		return self.until is not None and today > self.until


def default_rules() -> dict[str, Rule]:
	return {kind: Rule(kind, *values) for kind, values in DEFAULT_RULES.items()}


def participant_retention(
	entry_date: date | None,
	last_contact: date | None,
	last_payment: date | None,
	rules: dict[str, Rule],
) -> Retention:
	"""ESF participants (an entry date) are ESF documents; anybody else is a walk-in contact."""
	if entry_date:
		rule = rules[ESF_PARTICIPANT]
		if not last_payment:
			return Retention(
				None,
				"ESF participant: kept until {years} years after 31 December of the year of the last "
				"payment; the last payment date is not yet set in the Programme Settings",
				{"years": rule.years},
			)
		until = rule.after(date(last_payment.year, 12, 31))
		return Retention(
			until,
			"ESF participant: {years} years from 31 December of the year of the last payment "
			"({last_payment}); {legal_source}",
			{
				"years": rule.years,
				"last_payment": last_payment.isoformat(),
				"legal_source": rule.legal_source,
			},
		)
	rule = rules[WALK_IN]
	if not last_contact:
		return Retention(None, "Walk-in contact without any recorded contact date")
	return Retention(
		rule.after(last_contact),
		"Walk-in contact, never entered the programme: {years} years and {months} months after the last "
		"contact ({last_contact}); {legal_source}",
		{
			"years": rule.years,
			"months": rule.months,
			"last_contact": last_contact.isoformat(),
			"legal_source": rule.legal_source,
		},
	)


def record_retention(kind: str, anchor: date | None, rules: dict[str, Rule]) -> Retention:
	"""Import files, access logs, data subject requests: the period after their anchor date."""
	rule = rules[kind]
	if not anchor:
		return Retention(None, "No date to count the retention period from")
	return Retention(
		rule.after(anchor),
		"{kind}: {years} years and {months} months after {anchor} ({date}); {legal_source}",
		{
			"kind": kind,
			"years": rule.years,
			"months": rule.months,
			"anchor": ANCHORS[kind],
			"date": anchor.isoformat(),
			"legal_source": rule.legal_source,
		},
	)


def last_contact(*days: date | None) -> date | None:
	"""The latest of the dates that are set (creation, consultations, registrations, referrals)."""
	known = [d for d in days if d]
	return max(known) if known else None


def check_rule(rule: Rule) -> None:
	from mehrwert_quartier.rules import RuleError

	if rule.kind not in KINDS:
		raise RuleError("Unknown kind of record: {kind}", kind=rule.kind)
	if (rule.years or 0) < 0 or (rule.months or 0) < 0:
		raise RuleError("A retention period cannot be negative")
	if rule.kind == ESF_PARTICIPANT and (rule.years or 0) < 5:
		raise RuleError("ESF documents must be kept at least five years (Regulation (EU) 2021/1060, Art. 82)")
