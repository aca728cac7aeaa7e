"""Small rules of the programme activity report (plain Python)."""


def per_thousand(count: float | None, residents: int | None) -> float | None:
	"""Reach per 1,000 residents, one decimal; ``None`` when the residents are not recorded (0 or blank)."""
	if not residents:
		return None
	return round(1000 * (count or 0) / residents, 1)
