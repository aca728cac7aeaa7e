"""B2B relations between businesses and cross-selling suggestions (QS Wirtschaft), in plain Python.

A business is identified by its record: ``(doctype, name)`` with doctype Lead, Prospect or Customer.
"""

from dataclasses import dataclass

from mehrwert_quartier.rules import RuleError

RELATION_TYPES = ("Supplier", "Customer", "Cooperation", "Cross-selling", "Mentoring")
RELATION_STATUSES = ("Idea", "Contacted", "Agreed", "Active", "Ended")
OPEN_STATUSES = ("Idea", "Contacted", "Agreed", "Active")  # every status but "Ended"
# suggestions list Customers (established businesses) before prospects and leads
STAGE_ORDER = {"Customer": 0, "Prospect": 1, "Lead": 2}

BusinessKey = tuple[str, str]


def check_two_businesses(first: BusinessKey, second: BusinessKey) -> None:
	if first == second:
		raise RuleError("A business cannot have a relation with itself")


def check_dates(start: str | None, end: str | None) -> None:
	"""Dates as ISO text (``YYYY-MM-DD``), which sort like dates."""
	if start and end and str(end) < str(start):
		raise RuleError("The end date lies before the start date")


def check_no_duplicate(relation_type: str, duplicates: list[str]) -> None:
	"""``duplicates``: open relations of the same type between the same two businesses (either order)."""
	if duplicates:
		raise RuleError(
			"An open {relation_type} relation between these businesses exists already: {relation}",
			relation_type=relation_type,
			relation=duplicates[0],
		)


@dataclass(frozen=True)
class Business:
	doctype: str
	name: str
	title: str
	programme_area: str | None
	sector: str | None

	@property
	def key(self) -> BusinessKey:
		return (self.doctype, self.name)


@dataclass(frozen=True)
class CrossSellingRule:
	sector_a: str
	sector_b: str
	reason: str
	active: bool = True


@dataclass(frozen=True)
class Suggestion:
	business: Business
	reasons: tuple[str, ...]


def complementary_reasons(sector: str | None, rules: list[CrossSellingRule]) -> dict[str, list[str]]:
	"""Sectors that complement ``sector`` by an active rule (a rule works both ways), with the reasons."""
	found: dict[str, list[str]] = {}
	for rule in rules:
		if not rule.active or not sector:
			continue
		for mine, other in ((rule.sector_a, rule.sector_b), (rule.sector_b, rule.sector_a)):
			if mine == sector and rule.reason not in found.setdefault(other, []):
				found[other].append(rule.reason)
	return found


def suggest_partners(
	business: Business,
	candidates: list[Business],
	rules: list[CrossSellingRule],
	related: set[BusinessKey],
) -> list[Suggestion]:
	"""Other businesses of the same programme area whose sector complements this one's, leaving out the
	business itself and those it already has an open relation with. Best first: more reasons, then
	customers before prospects before leads, then by title."""
	if not business.programme_area:
		return []
	sectors = complementary_reasons(business.sector, rules)
	suggestions = [
		Suggestion(c, tuple(sectors[c.sector]))
		for c in candidates
		if c.key != business.key
		and c.key not in related
		and c.programme_area == business.programme_area
		and c.sector in sectors
	]
	return sorted(
		suggestions,
		key=lambda s: (-len(s.reasons), STAGE_ORDER.get(s.business.doctype, 9), s.business.title),
	)
