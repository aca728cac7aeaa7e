"""ESF Plus participant data (Regulation (EU) 2021/1057, Annex I; DATES III part 1)."""

import calendar
from collections.abc import Mapping
from datetime import date

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
	"household_situation": "Household Situation",
	"disability": "Disability",
	"foreign_background": "Foreign Background",
	"third_country_national": "Third-Country National",
	"minority": "Minority",
	"homelessness": "Homelessness or Housing Exclusion",
}
# every field the checks below read
ENTRY_DATA_FIELDS = (*MANDATORY_ENTRY_FIELDS, "unemployment_months", "exit_date")
SENSITIVE_FIELDS = ("disability", "foreign_background", "third_country_national", "minority", "homelessness")


def is_long_term_unemployed(status: str | None, months: int | None) -> bool:
	"""Long-term unemployed: unemployed for twelve months or more (never typed in)."""
	return status == "Unemployed" and (months or 0) >= LONG_TERM_MONTHS


def missing_entry_fields(data: Mapping) -> list[str]:
	"""Fieldnames of the mandatory ESF entry data that are still empty ("No answer" counts as an answer)."""
	missing = [field for field in MANDATORY_ENTRY_FIELDS if not data.get(field)]
	if data.get("labour_market_status") == "Unemployed" and data.get("unemployment_months") in (None, ""):
		missing.append("unemployment_months")
	return missing


def check_entry_data(data: Mapping) -> None:
	"""Raise :class:`RuleError` for contradictory entry/exit data."""
	months = data.get("unemployment_months")
	if months not in (None, "") and int(months) < 0:
		raise RuleError("Months of unemployment cannot be negative")
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
