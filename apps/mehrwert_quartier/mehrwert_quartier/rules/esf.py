"""ESF Plus participant data (Regulation (EU) 2021/1057, Annex I; DATES III part 1)."""

import calendar
from collections.abc import Mapping
from datetime import date, timedelta

from mehrwert_quartier.rules import RuleError

LONG_TERM_MONTHS = 12
FOLLOW_UP_MONTHS = 6
NO_ANSWER = "No answer"

# fieldname -> label (English source, translated by the caller) of the mandatory entry data
MANDATORY_ENTRY_FIELDS: dict[str, str] = {
	"entry_date": "Entry Date",
	"date_of_birth": "Date of Birth",
	"gender": "Gender",
	"labour_market_status": "Labour Market Status at Entry",
	"isced_level": "ISCED Level",
}
# sensitive answers (special categories): a blank is "keine Angabe" and the person still counts; the
# household situation is no common indicator of 2021-2027: both are optional
SENSITIVE_FIELDS = ("disability", "foreign_background", "third_country_national", "minority", "homelessness")
OPTIONAL_ENTRY_FIELDS = (*SENSITIVE_FIELDS, "household_situation")
RESULT_WINDOW_DAYS = 28
EMPLOYED = ("Employed", "Self-employed")
# every field the checks below read
ENTRY_DATA_FIELDS = (
	*MANDATORY_ENTRY_FIELDS,
	*OPTIONAL_ENTRY_FIELDS,
	"unemployment_months",
	"exit_date",
	"exit_status",
	"exit_status_on",
	"exit_qualification",
	"follow_up_result",
	"follow_up_improvement",
)


def parse_months(value) -> int | None:
	"""Months of unemployment as typed: ``None`` for unknown (blank), else a whole number of months >= 0.

	The field is stored as text so that a blank stays blank (an Int column reads a blank back as 0).
	"""
	if value is None or (isinstance(value, str) and not value.strip()):
		return None
	if isinstance(value, bool):
		raise RuleError("Months of unemployment must be a whole number of months")
	if isinstance(value, float) and value.is_integer():
		value = int(value)
	if isinstance(value, str):
		text = value.strip()
		if not text.lstrip("-").isdigit():
			raise RuleError("Months of unemployment must be a whole number of months")
		value = int(text)
	if not isinstance(value, int):
		raise RuleError("Months of unemployment must be a whole number of months")
	if value < 0:
		raise RuleError("Months of unemployment cannot be negative")
	return value


def is_long_term_unemployed(status: str | None, months) -> bool:
	"""Long-term unemployed: unemployed for twelve months or more (never typed in); unknown months: no."""
	known = parse_months(months)
	return status == "Unemployed" and known is not None and known >= LONG_TERM_MONTHS


def missing_entry_fields(data: Mapping) -> list[str]:
	"""Fieldnames of the mandatory ESF entry data that are still empty ("No answer" counts as an answer)."""
	missing = [field for field in MANDATORY_ENTRY_FIELDS if not data.get(field)]
	if (
		data.get("labour_market_status") == "Unemployed"
		and parse_months(data.get("unemployment_months")) is None
	):
		missing.append("unemployment_months")
	return missing


def check_entry_data(data: Mapping) -> None:
	"""Raise :class:`RuleError` for contradictory entry/exit data."""
	months = parse_months(data.get("unemployment_months"))
	if months and data.get("labour_market_status") not in (None, "", "Unemployed"):
		raise RuleError("Months of unemployment apply only to unemployed participants")
	birth, entry, exit_ = data.get("date_of_birth"), data.get("entry_date"), data.get("exit_date")
	if birth and entry and birth >= entry:
		raise RuleError("The date of birth must lie before the entry date")
	if exit_ and not entry:
		raise RuleError("An exit needs an entry date")
	if exit_ and entry and exit_ < entry:
		raise RuleError(
			"The exit date {exit_date} lies before the entry date {entry_date}",
			exit_date=exit_.isoformat(),
			entry_date=entry.isoformat(),
		)


def check_exit_data(data: Mapping) -> None:
	"""Raise :class:`RuleError` for results that do not fit the exit: ESF results upon leaving refer to a day
	within 28 days after exit; an improved situation six months later only applies to the employed at entry."""
	exit_ = data.get("exit_date")
	if (data.get("exit_status") or data.get("exit_qualification")) and not exit_:
		raise RuleError("A state upon leaving needs an exit date")
	state_on = data.get("exit_status_on")
	if state_on and exit_ and not (exit_ <= state_on <= exit_ + timedelta(days=RESULT_WINDOW_DAYS)):
		raise RuleError(
			"The state upon leaving must refer to a day within 28 days after the exit on {exit_date}",
			exit_date=exit_.isoformat(),
		)
	if (data.get("follow_up_result") or data.get("follow_up_improvement")) and not exit_:
		raise RuleError("A six-month result needs an exit date")
	improvement = data.get("follow_up_improvement")
	if improvement and data.get("labour_market_status") not in EMPLOYED:
		raise RuleError("An improved labour market situation applies only to participants employed at entry")
	if improvement and improvement != "No improvement" and data.get("follow_up_result") not in EMPLOYED:
		raise RuleError("An improved labour market situation needs employment six months after leaving")


def state_on_default(data: Mapping) -> date | None:
	"""The day the state upon leaving refers to: as typed, else the exit date when a state is recorded."""
	if data.get("exit_status_on"):
		return data["exit_status_on"]
	return data.get("exit_date") if data.get("exit_status") else None


def add_months(day: date, months: int) -> date:
	"""The same day ``months`` later, clipped to the end of a shorter month (31.08. + 6 -> 28./29.02.)."""
	month_index = day.month - 1 + months
	year, month = day.year + month_index // 12, month_index % 12 + 1
	return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def follow_up_due(exit_date: date) -> date:
	"""The ESF follow-up six months after exit."""
	return add_months(exit_date, FOLLOW_UP_MONTHS)


def age_on(birth: date, day: date) -> int:
	return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
