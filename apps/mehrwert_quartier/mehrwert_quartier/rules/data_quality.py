"""What keeps a participant from counting in the ESF figures, or what is overdue (the data-quality worklist).

Plain Python: ``issues_of`` states each check on one record; the report runs the same checks as queries in
the database (``reporting/report/esf_data_quality``) and its test compares both.
"""

from datetime import date, timedelta

from mehrwert_quartier.rules.esf_indicators import age_at

DUE_DAYS = 28  # entry data within four weeks of entry, exit data within four weeks of exit
ADULT_AGE = 18

# code -> English label (translated by the report), in the order staff work through them
ISSUES = {
	"entry_missing": "Mandatory ESF entry data missing",
	"entry_late": "Entry data recorded more than four weeks after entry",
	"exit_missing": "Left more than 28 days ago without exit data",
	"follow_up_overdue": "Six-month follow-up overdue",
	"status_without_exit": "State upon leaving without exit date",
	"under_18": "Under 18 at entry",
	"outside_area": "Postcode outside the programme area",
	"likely_duplicate": "Likely duplicate",
}


def issues_of(record: dict, today: date, postcode_known: bool = True) -> list[str]:
	"""The issue codes of one participant (without the duplicate check, which compares records)."""
	get = record.get
	found = []
	if not get("esf_complete"):
		found.append("entry_missing")
	entry, recorded = get("entry_date"), get("esf_entry_recorded_on")
	if entry and recorded and recorded > entry + timedelta(days=DUE_DAYS):
		found.append("entry_late")
	exit_ = get("exit_date")
	if (
		exit_
		and exit_ + timedelta(days=DUE_DAYS) < today
		and not get("exit_status")
		and not get("exit_qualification")
	):
		found.append("exit_missing")
	due = get("follow_up_due")
	if due and due < today and not get("follow_up_done_on"):
		found.append("follow_up_overdue")
	if get("exit_status") and not exit_:
		found.append("status_without_exit")
	age = age_at(get("date_of_birth"), entry)
	if age is not None and age < ADULT_AGE:
		found.append("under_18")
	if get("postcode") and not postcode_known:
		found.append("outside_area")
	return found


def birthday_key(born: date | None) -> tuple | None:
	"""Records whose dates of birth are equal or have day and month swapped share this key."""
	if not born:
		return None
	return (born.year, min(born.month, born.day), max(born.month, born.day))
