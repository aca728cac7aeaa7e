"""Settlement management (Ansiedlung): rank vacant commercial units for a business that wants to settle."""

from dataclasses import dataclass

from mehrwert_quartier.rules import RuleError

AVAILABLE = ("Vacant", "Under Renovation")  # reserved and let units are not offered


@dataclass(frozen=True)
class Unit:
	name: str
	programme_area: str | None
	floor_space: float
	use_type: str | None
	status: str
	rent: float | None


@dataclass(frozen=True)
class SettlementRequest:
	min_floor_space: float = 0
	max_floor_space: float | None = None
	programme_area: str | None = None
	use_type: str | None = None
	max_rent: float | None = None


def check_request(request: SettlementRequest) -> None:
	if request.min_floor_space < 0:
		raise RuleError("The floor space cannot be negative")
	if request.max_floor_space is not None and request.max_floor_space < request.min_floor_space:
		raise RuleError("The largest floor space lies below the smallest")


def score(request: SettlementRequest, unit: Unit) -> float | None:
	"""How well a unit fits a request; None when it cannot be offered at all."""
	reasons = explain(request, unit)
	return None if reasons is None else round(sum(points for _criterion, points in reasons), 3)


def explain(request: SettlementRequest, unit: Unit) -> list[tuple[str, float]] | None:
	"""The points of a unit criterion by criterion (English source strings of de.csv); None when it cannot
	be offered at all."""
	if unit.status not in AVAILABLE or unit.floor_space < request.min_floor_space:
		return None
	if request.max_rent is not None and (unit.rent or 0) > request.max_rent:
		return None
	reasons: list[tuple[str, float]] = []
	if request.programme_area and unit.programme_area == request.programme_area:
		reasons.append(("In the requested programme area", 3))
	if request.use_type and unit.use_type == request.use_type:
		reasons.append(("Use type as requested", 3))
	elif request.use_type and unit.use_type == "Mixed Use":
		reasons.append(("Mixed use", 1))
	if request.max_floor_space is None or unit.floor_space <= request.max_floor_space:
		reasons.append(("Floor space within the wish", 2))
	else:  # too large: less the further it exceeds the wish
		reasons.append(("Larger than wished", -min(2.0, unit.floor_space / request.max_floor_space - 1)))
	if request.max_rent:  # cheaper: up to one point
		reasons.append(("Rent below the limit", (request.max_rent - (unit.rent or 0)) / request.max_rent))
	if unit.status == "Under Renovation":
		reasons.append(("Under renovation", -1))
	return [(criterion, round(points, 3)) for criterion, points in reasons]


def rank_units(request: SettlementRequest, units: list[Unit]) -> list[tuple[str, float]]:
	"""Units that can be offered, best first (ties: cheaper, then by name)."""
	check_request(request)
	scored = [(unit, score(request, unit)) for unit in units]
	ranked = sorted(
		((u, s) for u, s in scored if s is not None), key=lambda us: (-us[1], us[0].rent or 0, us[0].name)
	)
	return [(u.name, s) for u, s in ranked]
