"""Small rules of the programme activity report (plain Python)."""


def per_thousand(count: float | None, residents: int | None) -> float | None:
	"""Reach per 1,000 residents, one decimal; ``None`` when the residents are not recorded (0 or blank)."""
	if not residents:
		return None
	return round(1000 * (count or 0) / residents, 1)


def total_residents(
	columns: dict[str, int | None], territory_residents: int | None, covers_territory: bool
) -> int | None:
	"""The residents the total column's reach is divided by.

	The sum of the columns' residents when every column has them; else the territory's own figure when the
	columns are all the districts of one territory (the programme description gives only that); else unknown
	(``None``): a sum over some districts would divide everyone by too few residents.
	"""
	if columns and all(columns.values()):
		return sum(columns.values())
	if covers_territory and territory_residents:
		return territory_residents
	return None
