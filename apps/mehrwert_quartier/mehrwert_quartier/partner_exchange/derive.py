"""Values derived from what a partner's file says: months of unemployment at entry from the date since which a
person is unemployed (plain Python).

A date of unemployment may be given to the day, to the month (``01/2015``, ``Januar 2015``) or to the year
(``seit 2014``). The months are counted from the latest day the value allows (the last day of the month or of
the year), so they are never overstated: *seit 2014* at an entry in March 2026 is at least 134 months, which
is what the long-term unemployment (12 months or more) needs. A date after the entry is a row error.
"""

import calendar
import datetime
import re

from mehrwert_quartier.partner_exchange.messages import ExchangeError
from mehrwert_quartier.partner_exchange.normalise import MONTHS, SINCE, to_date

MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
NAMED_MONTH = re.compile(r"^([a-zäöü]+)\.?\s+(\d{4})$", re.IGNORECASE)
YEAR = re.compile(r"^(\d{4})$")


def to_since(value: object) -> str:
	"""The latest day a date of unemployment allows, ISO; raises :class:`ExchangeError`."""
	if isinstance(value, int) and 1900 <= value <= 2100:
		return datetime.date(value, 12, 31).isoformat()
	if isinstance(value, datetime.date | datetime.datetime | float) or (
		isinstance(value, int) and not isinstance(value, bool)
	):
		return to_date(value)
	text = SINCE.sub("", str(value).strip())
	year, month = None, None
	if m := MONTH_YEAR.match(text):
		month, year = int(m.group(1)), int(m.group(2))
	elif m := YEAR_MONTH.match(text):
		year, month = int(m.group(1)), int(m.group(2))
	elif (m := NAMED_MONTH.match(text)) and m.group(1).casefold() in MONTHS:
		month, year = MONTHS[m.group(1).casefold()], int(m.group(2))
	elif m := YEAR.match(text):
		return datetime.date(int(m.group(1)), 12, 31).isoformat()
	if year is None:
		return to_date(text)
	if not 1 <= month <= 12:
		raise ExchangeError("bad_date", value=value)
	return datetime.date(year, month, calendar.monthrange(year, month)[1]).isoformat()


def months_between(since: str, entry: str) -> int:
	"""Full months from ``since`` to ``entry`` (ISO dates); raises when ``since`` is after the entry."""
	start, end = datetime.date.fromisoformat(since), datetime.date.fromisoformat(entry)
	if start > end:
		raise ExchangeError(
			"since_after_entry", since=start.strftime("%d.%m.%Y"), entry=end.strftime("%d.%m.%Y")
		)
	months = (end.year - start.year) * 12 + end.month - start.month
	if end.day < start.day and not (end.day == calendar.monthrange(end.year, end.month)[1]):
		months -= 1
	return max(months, 0)


def derive(row, provided: dict):
	"""Fill the fields a virtual column derives: ``unemployment_months`` from ``unemployment_months__since``
	and the entry date of the row (or the one given for the whole file), with the status *Unemployed* when the
	row gives none; an attendance list's hours mark the
	registration as attended when the file has no status column."""
	hours = row.values.get("attended_hours")
	if hours and hours > 0 and "status" not in row.columns:
		row.extra["status"] = "Attended"
	since = row.virtual.get("unemployment_months__since")
	if not since:
		return
	entry = row.values.get("entry_date") or provided.get("entry_date")
	if not entry:
		row.add_error("unemployment_months__since", bilingual_missing_entry())
		return
	try:
		row.extra["unemployment_months"] = months_between(since, entry)
		if not row.values.get("labour_market_status"):  # "unemployed since" says the status too
			row.extra["labour_market_status"] = "Unemployed"
	except ExchangeError as e:
		row.add_error("unemployment_months__since", str(e))


def bilingual_missing_entry() -> str:
	from mehrwert_quartier.partner_exchange.messages import bilingual

	return bilingual("since_needs_entry")
