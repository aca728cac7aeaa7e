"""ESF Plus common indicators (Regulation (EU) 2021/1057, Annex I) as definitions that need no database.

Each indicator is a condition over one participant record (a small expression tree: ``Eq``, ``In``,
``AgeAtEntry``, ``DateWithin`` ...). The same tree is evaluated here in plain Python (``holds``, unit-tested
on hand-made cases) and translated into SQL by ``reporting/esf_query.py``, so that the report aggregates in
the database and both ways share one definition. Every figure is split by gender.

Scope (``scope_condition``): only participants whose mandatory entry data is complete count. Cumulative
values take everything up to the cut-off date (Regulation (EU) 2021/1060, Art. 42); a period takes entries,
exits or six-month marks that fall into it.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

GENDERS = ("Female", "Male", "Non-binary")
EMPLOYED = ("Employed", "Self-employed")
RESULT_WINDOW_DAYS = 28
IMPROVEMENTS = (
	"Precarious to stable employment",
	"Underemployment to full employment",
	"Higher-skilled job",
	"Promotion",
)
# EU SME definition (Recommendation 2003/361/EC): staff headcount
SIZE_CLASSES = (
	("Micro enterprise", 0, 9),
	("Small enterprise", 10, 49),
	("Medium-sized enterprise", 50, 249),
)
NOT_ENTERPRISE_TYPES = ("Solo Self-Employed",)
PERSON_CASE_TYPES = ("Entrepreneur receiving social transfers",)


# conditions -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Eq:
	field: str
	value: object


@dataclass(frozen=True)
class In:
	field: str
	values: tuple


@dataclass(frozen=True)
class IsSet:
	field: str


@dataclass(frozen=True)
class AgeAtEntry:
	"""Age in whole years on the entry date, ``low <= age <= high`` (``None``: open)."""

	low: int | None
	high: int | None


@dataclass(frozen=True)
class DateWithin:
	"""``base <= field <= base + days``."""

	field: str
	base: str
	days: int


@dataclass(frozen=True)
class OnOrAfter:
	"""``field >= other`` (both set)."""

	field: str
	other: str


@dataclass(frozen=True)
class UpTo:
	"""``field <= params[param]`` (field set)."""

	field: str
	param: str


@dataclass(frozen=True)
class From:
	"""``field >= params[param]`` (field set)."""

	field: str
	param: str


@dataclass(frozen=True)
class All:
	parts: tuple


@dataclass(frozen=True)
class AnyOf:
	parts: tuple


TRUE = All(())


def all_of(*parts) -> All:
	return All(tuple(parts))


def any_of(*parts) -> AnyOf:
	return AnyOf(tuple(parts))


def holds(cond, record: dict, params: dict | None = None) -> bool:
	"""Whether ``record`` (a participant as a dict, dates as ``date``) satisfies ``cond``."""
	params = params or {}
	get = record.get
	match cond:
		case Eq(field, value):
			return get(field) == value
		case In(field, values):
			return get(field) in values
		case IsSet(field):
			return get(field) not in (None, "", 0)
		case AgeAtEntry(low, high):
			age = age_at(get("date_of_birth"), get("entry_date"))
			if age is None:  # an anonymised participant keeps only the age at entry (data protection)
				age = get("age_at_entry")
			return age is not None and (low is None or age >= low) and (high is None or age <= high)
		case DateWithin(field, base, days):
			day, start = get(field), get(base)
			return bool(day and start and start <= day <= start + timedelta(days=days))
		case OnOrAfter(field, other):
			return bool(get(field) and get(other) and get(field) >= get(other))
		case UpTo(field, param):
			return bool(get(field) and get(field) <= params[param])
		case From(field, param):
			return bool(get(field) and get(field) >= params[param])
		case All(parts):
			return all(holds(p, record, params) for p in parts)
		case AnyOf(parts):
			return any(holds(p, record, params) for p in parts)
	raise TypeError(f"unknown condition {cond!r}")


def fields_of(cond) -> set[str]:
	"""Every participant field a condition reads."""
	match cond:
		case All(parts) | AnyOf(parts):
			return set().union(*(fields_of(p) for p in parts)) if parts else set()
		case AgeAtEntry():
			return {"date_of_birth", "entry_date", "age_at_entry"}
		case DateWithin(field, base, _) | OnOrAfter(field, base):
			return {field, base}
	return {cond.field}


def age_at(born: date | None, day: date | None) -> int | None:
	if not born or not day:
		return None
	return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


# scope: which participants a population takes ---------------------------------------------------------
# population -> the date that places a participant in time
POPULATION_DATES = {"entered": "entry_date", "left": "exit_date", "followed_up": "follow_up_due"}


def scope_condition(population: str, period: bool) -> All:
	"""Counted participants whose entry / exit / six-month mark lies up to the cut-off (or in the period)."""
	day = POPULATION_DATES[population]
	parts = [Eq("esf_complete", 1), UpTo("entry_date", "cut_off"), UpTo(day, "cut_off")]
	if period:
		parts.append(From(day, "from_date"))
	return All(tuple(parts))


# results upon leaving: the state recorded for a day within 28 days after exit, up to the cut-off
STATE_IN_WINDOW = all_of(
	DateWithin("exit_status_on", "exit_date", RESULT_WINDOW_DAYS), UpTo("exit_status_on", "cut_off")
)
# six-month results: a follow-up recorded on or after the six-month mark, up to the cut-off
FOLLOW_UP_VALID = all_of(
	OnOrAfter("follow_up_done_on", "follow_up_due"), UpTo("follow_up_done_on", "cut_off")
)
FOLLOW_UP_ANSWERED = all_of(
	FOLLOW_UP_VALID, In("follow_up_result", ("Employed", "Self-employed", "Not employed"))
)
EMPLOYED_AT_ENTRY = In("labour_market_status", EMPLOYED)


@dataclass(frozen=True)
class Indicator:
	code: str
	label: str  # English source, translated by the report
	group: str
	population: str
	condition: object


def _yes(field: str):
	return Eq(field, "Yes")


INDICATORS: tuple[Indicator, ...] = (
	Indicator("EECO11", "Total number of participants", "Output", "entered", TRUE),
	Indicator(
		"EECO01",
		"Unemployed, including long-term unemployed",
		"Output",
		"entered",
		Eq("labour_market_status", "Unemployed"),
	),
	Indicator("EECO02", "Long-term unemployed", "Output", "entered", Eq("long_term_unemployed", 1)),
	Indicator("EECO03", "Inactive", "Output", "entered", Eq("labour_market_status", "Inactive")),
	Indicator("EECO04", "Employed, including self-employed", "Output", "entered", EMPLOYED_AT_ENTRY),
	Indicator("EECO05", "Below 18 years of age", "Output", "entered", AgeAtEntry(None, 17)),
	Indicator("EECO06", "18 to 29 years of age", "Output", "entered", AgeAtEntry(18, 29)),
	Indicator("EECO07", "55 years of age and above", "Output", "entered", AgeAtEntry(55, None)),
	Indicator(
		"EECO08",
		"Primary or lower secondary education (ISCED 0-2)",
		"Output",
		"entered",
		In("isced_level", ("ISCED 0", "ISCED 1", "ISCED 2")),
	),
	Indicator(
		"EECO09",
		"Upper secondary or post-secondary education (ISCED 3-4)",
		"Output",
		"entered",
		In("isced_level", ("ISCED 3", "ISCED 4")),
	),
	Indicator(
		"EECO10",
		"Tertiary education (ISCED 5-8)",
		"Output",
		"entered",
		In("isced_level", ("ISCED 5", "ISCED 6", "ISCED 7", "ISCED 8")),
	),
	Indicator("EECO12", "Participants with disabilities", "Output", "entered", _yes("disability")),
	Indicator("EECO13", "Third-country nationals", "Output", "entered", _yes("third_country_national")),
	Indicator(
		"EECO14", "Participants with a foreign background", "Output", "entered", _yes("foreign_background")
	),
	Indicator("EECO15", "Minorities", "Output", "entered", _yes("minority")),
	Indicator(
		"EECO16", "Homeless or affected by housing exclusion", "Output", "entered", _yes("homelessness")
	),
	Indicator(
		"EECR01",
		"Job searching upon leaving",
		"Result upon leaving",
		"left",
		all_of(STATE_IN_WINDOW, Eq("exit_status", "Job searching")),
	),
	Indicator(
		"EECR02",
		"In education or training upon leaving",
		"Result upon leaving",
		"left",
		all_of(STATE_IN_WINDOW, Eq("exit_status", "In education or training")),
	),
	Indicator(
		"EECR03",
		"Gaining a qualification upon leaving",
		"Result upon leaving",
		"left",
		all_of(STATE_IN_WINDOW, Eq("exit_qualification", 1)),
	),
	Indicator(
		"EECR04",
		"In employment, including self-employment, upon leaving",
		"Result upon leaving",
		"left",
		all_of(STATE_IN_WINDOW, In("exit_status", EMPLOYED)),
	),
	Indicator(
		"EECR05",
		"In employment, including self-employment, six months after leaving",
		"Result six months after leaving",
		"followed_up",
		all_of(FOLLOW_UP_VALID, In("follow_up_result", EMPLOYED)),
	),
	Indicator(
		"EECR06",
		"With an improved labour market situation six months after leaving",
		"Result six months after leaving",
		"followed_up",
		all_of(
			FOLLOW_UP_VALID,
			EMPLOYED_AT_ENTRY,
			In("follow_up_result", EMPLOYED),
			In("follow_up_improvement", IMPROVEMENTS),
		),
	),
)
# supporting figures of the results: who left / is due, and how many six-month follow-ups were answered
SUPPORT_FIGURES: tuple[Indicator, ...] = (
	Indicator("", "Participants who left", "Result upon leaving", "left", TRUE),
	Indicator(
		"", "Leavers with a state within 28 days after exit", "Result upon leaving", "left", STATE_IN_WINDOW
	),
	Indicator("", "Six-month mark reached", "Result six months after leaving", "followed_up", TRUE),
	Indicator(
		"",
		"Six-month follow-up answered (at or after the six-month mark)",
		"Result six months after leaving",
		"followed_up",
		FOLLOW_UP_ANSWERED,
	),
	Indicator(
		"",
		"Employed at entry, six-month mark reached",
		"Result six months after leaving",
		"followed_up",
		EMPLOYED_AT_ENTRY,
	),
)
ALL_FIGURES = INDICATORS + SUPPORT_FIGURES
FIGURE_KEYS = {f"{i.code or 'X'}:{n}": i for n, i in enumerate(ALL_FIGURES)}


def figure_key(indicator: Indicator) -> str:
	return next(key for key, value in FIGURE_KEYS.items() if value is indicator)


def full_condition(indicator: Indicator, period: bool) -> All:
	return all_of(scope_condition(indicator.population, period), indicator.condition)


def count(participants: Iterable[dict], params: dict, period: bool = False) -> dict[str, dict]:
	"""figure key -> {gender: count, "Total": count}: the plain-Python count (tests, second opinion)."""
	people = list(participants)
	table = {}
	for key, indicator in FIGURE_KEYS.items():
		condition = full_condition(indicator, period)
		row = {gender: 0 for gender in GENDERS}
		for person in people:
			if person.get("gender") in row and holds(condition, person, params):
				row[person["gender"]] += 1
		row["Total"] = sum(row.values())
		table[key] = row
	return table


def response_rate(answered: int, due: int) -> float | None:
	"""Share of six-month follow-ups answered among those due, in percent (``None`` when none is due)."""
	return round(100 * answered / due, 1) if due else None


def size_class(employees: int | None) -> str | None:
	"""EECO19 size class from the staff headcount; ``None``: no SME (250 or more) or headcount unknown."""
	if employees is None:
		return None
	return next((label for label, low, high in SIZE_CLASSES if low <= employees <= high), None)


def is_supported_enterprise(case_type: str | None, business_type: str | None) -> bool:
	"""EECO19 counts enterprises; solo self-employed people coached as persons count as participants."""
	return case_type not in PERSON_CASE_TYPES and business_type not in NOT_ENTERPRISE_TYPES


def last_31_december(today: date) -> date:
	"""The default cut-off: the last 31 December before today (on 31 December itself: that day)."""
	return date(today.year, 12, 31) if (today.month, today.day) == (12, 31) else date(today.year - 1, 12, 31)
