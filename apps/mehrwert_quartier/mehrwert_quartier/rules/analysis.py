"""Rules of QS Wirtschaft's neighbourhood economy analysis (issue 18): size classes, founding cohorts, the
innovation check's score, periods and their change, the training-need topics. Plain Python.

The reports turn the bands into SQL CASE expressions (one grouped query per figure); the same bands here
classify one value, which the tests use to count a second way.
"""

from datetime import date, timedelta

from mehrwert_quartier.rules import RuleError

# (label, lowest, highest): employees of a business; None = open end
SIZE_CLASSES = [
	("No employees", 0, 0),
	("1-9 employees", 1, 9),
	("10-49 employees", 10, 49),
	("50-249 employees", 50, 249),
	("250 employees and more", 250, None),
]
# (label, first year, last year) of the founding year
FOUNDING_COHORTS = [
	("Founded before 1990", 1800, 1989),
	("Founded 1990-1999", 1990, 1999),
	("Founded 2000-2009", 2000, 2009),
	("Founded 2010-2019", 2010, 2019),
	("Founded 2020 or later", 2020, None),
]
NOT_RECORDED = "not recorded"

# the business types of the new forms of work (Zielgruppenanalyse): solo self-employed, social
# entrepreneurs, creative self-employed
NEW_WORK_TYPES = ("Solo Self-Employed", "Social Enterprise", "Creative")

# the needs assessment's topics (Enterprise Support Need) and the further training topics of a training-need
# entry; Programme Event's "Topic" offers the same list, so that events sit beside the needs
NEED_TOPICS = [
	"Information Needs",
	"Business Management",
	"HR and Recruiting",
	"Training",
	"Financing",
	"Digitalisation",
	"Premises",
	"Succession",
]
TRAINING_TOPICS = [
	*NEED_TOPICS,
	"Marketing and Sales",
	"German at Work",
	"Occupational Safety and Hygiene",
	"Sustainability",
]
URGENCIES = ("Low", "Medium", "High")

# the innovation check: six areas rated 0-3 (Select options "0 - None" ... "3 - Advanced")
INNOVATION_AREAS = [
	("innovation_digitalisation", "Digitalisation"),
	("innovation_products", "Products and Services"),
	("innovation_processes", "Processes"),
	("innovation_cooperation", "Cooperation"),
	("innovation_sustainability", "Sustainability"),
	("innovation_succession", "Succession Readiness"),
]
INNOVATION_RATINGS = ["0 - None", "1 - Initial", "2 - Developed", "3 - Advanced"]
INNOVATION_MAX = 3 * len(INNOVATION_AREAS)


def band_of(value: int | str | None, bands: list[tuple]) -> str:
	"""The label of the band a value falls in; NOT_RECORDED for a blank value. The headcount is stored as
	text (blank = unknown, rules/headcount.py), so a whole number in text counts as that number."""
	if isinstance(value, str):
		value = int(value) if value.strip().isdigit() else None
	if value is None:
		return NOT_RECORDED
	for label, low, high in bands:
		if (low is None or value >= low) and (high is None or value <= high):
			return label
	return NOT_RECORDED  # below the first band (a negative number of employees)


def rating_value(rating: str | int | None) -> int | None:
	"""0-3 from an option such as "2 - Developed" (or the number itself); None when not rated."""
	if rating is None or rating == "":
		return None
	text = str(rating).strip()
	digit = text.split(" ", 1)[0]
	if not digit.isdigit() or not 0 <= int(digit) <= 3:
		raise RuleError("Innovation rating {rating} is not one of 0 to 3", rating=text)
	return int(digit)


def innovation_score(ratings: dict[str, str | int | None]) -> int | None:
	"""The sum of the six ratings (0-18); None when none is rated. Rating only some of them is refused: a
	partial score would look like a weak business."""
	values = {area: rating_value(ratings.get(area)) for area, _label in INNOVATION_AREAS}
	rated = [v for v in values.values() if v is not None]
	if not rated:
		return None
	if len(rated) < len(values):
		missing = next(label for area, label in INNOVATION_AREAS if values[area] is None)
		raise RuleError("Rate all six areas of the innovation check or none (missing: {area})", area=missing)
	return sum(rated)


def previous_period(start: date, end: date) -> tuple[date, date]:
	"""The period of the same length just before [start, end]."""
	if start > end:
		raise RuleError("The from date lies after the to date")
	previous_end = start - timedelta(days=1)
	return previous_end - (end - start), previous_end


def change(current: float | None, previous: float | None) -> tuple[float | None, float | None]:
	"""(difference, change in percent with one decimal); the percentage is None without a previous value."""
	if current is None or previous is None:
		return None, None
	difference = round(current - previous, 2)
	return difference, (round(100 * difference / previous, 1) if previous else None)


def share(part: float | None, whole: float | None) -> float | None:
	"""part of whole in percent, one decimal; None when the whole is 0 or unknown."""
	if not whole:
		return None
	return round(100 * (part or 0) / whole, 1)


def months_between(start: date, end: date) -> int:
	"""Whole months from start to end (0 when end lies before start), like MariaDB's TIMESTAMPDIFF(MONTH)."""
	months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
	return max(months, 0)


def training_action(demand: int, planned: int, held: int) -> str:
	"""What the team should do about a topic in an area: plan an event where businesses need it and none
	is planned; the rest is covered or has no demand."""
	if not demand:
		return "No demand recorded"
	if planned:
		return "Event planned"
	return "Plan an event" if not held else "Held; plan a follow-up"
