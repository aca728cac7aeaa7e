"""The participant-level export for the funder's monitoring system: one row per participant and project with
coded entry, exit and follow-up answers (plain Python; the codes are documented in docs/reports.md).

No names or contact data: the participant's record id identifies the row (data minimisation, GDPR Art. 5).
"""

from collections.abc import Mapping
from datetime import date

from mehrwert_quartier.partner_exchange.xlsx import is_risky
from mehrwert_quartier.rules.esf_indicators import age_at

YES_NO = {"Yes": 1, "No": 2, "No answer": 9, None: 9, "": 9}
CODES: dict[str, dict] = {
	"gender": {"Female": "w", "Male": "m", "Non-binary": "d"},
	"labour_market_status": {"Unemployed": 1, "Inactive": 2, "Employed": 3, "Self-employed": 4},
	"isced_level": {f"ISCED {n}": n for n in range(9)},
	"household_situation": {
		"Single-adult household": 1,
		"Single-adult household with dependent children": 2,
		"Jobless household": 3,
		"Jobless household with dependent children": 4,
		"Other household": 5,
		"No answer": 9,
	},
	"disability": YES_NO,
	"foreign_background": YES_NO,
	"third_country_national": YES_NO,
	"minority": YES_NO,
	"homelessness": YES_NO,
	"exit_status": {
		"Job searching": 1,
		"In education or training": 2,
		"Employed": 3,
		"Self-employed": 4,
		"Inactive": 5,
	},
	"follow_up_result": {"Employed": 1, "Self-employed": 2, "Not employed": 3, "Not reachable": 9},
	"follow_up_improvement": {
		"Precarious to stable employment": 1,
		"Underemployment to full employment": 2,
		"Higher-skilled job": 3,
		"Promotion": 4,
		"No improvement": 5,
	},
}
# column header -> (participant field or derived key, kind)
COLUMNS: list[tuple[str, str, str]] = [
	("projekt", "project", "text"),
	("teilnehmer_id", "name", "text"),
	("programmgebiet", "programme_area", "text"),
	("eintritt", "entry_date", "date"),
	("geburtsdatum", "date_of_birth", "date"),
	("alter_bei_eintritt", "age_at_entry", "number"),
	("geschlecht", "gender", "code"),
	("erwerbsstatus", "labour_market_status", "code"),
	("monate_arbeitslos", "unemployment_months", "number"),
	("langzeitarbeitslos", "long_term_unemployed", "flag"),
	("isced", "isced_level", "code"),
	("haushalt", "household_situation", "code"),
	("behinderung", "disability", "code"),
	("auslaendische_herkunft", "foreign_background", "code"),
	("drittstaat", "third_country_national", "code"),
	("minderheit", "minority", "code"),
	("wohnungslos", "homelessness", "code"),
	("eintrittsdaten_vollstaendig", "esf_complete", "flag"),
	("austritt", "exit_date", "date"),
	("status_bei_austritt", "exit_status", "code"),
	("status_bei_austritt_stand", "exit_status_on", "date"),
	("qualifizierung_bei_austritt", "exit_qualification", "flag"),
	("nachbefragung_faellig", "follow_up_due", "date"),
	("nachbefragung_am", "follow_up_done_on", "date"),
	("status_nach_6_monaten", "follow_up_result", "code"),
	("verbesserung_nach_6_monaten", "follow_up_improvement", "code"),
]
DERIVED = {"project", "age_at_entry"}
FIELDS = [field for _header, field, _kind in COLUMNS if field not in DERIVED]
# read besides: an anonymised participant has no date of birth, only the age at entry kept for the indicators
READ_FIELDS = [*FIELDS, "anonymised", "age_at_entry"]
HEADERS = [header for header, _field, _kind in COLUMNS]


def code_of(field: str, value):
	"""The code of one answer; blank stays blank (sensitive answers: blank is 9, "keine Angabe")."""
	if field in CODES and (value in CODES[field]):
		return CODES[field][value]
	return None if value in (None, "") else value


def age_of(record: Mapping) -> int | None:
	"""Age in whole years on the entry date; an anonymised participant keeps only its age at entry (the ESF
	report counts it by that as well). Elsewhere a stored age without a date of birth is no age: the Int
	column holds 0 for unknown."""
	age = age_at(record.get("date_of_birth"), record.get("entry_date"))
	if age is None and record.get("anonymised"):
		age = record.get("age_at_entry")
	return age


def export_row(record: Mapping, project: str) -> list:
	"""One participant as the row of the export."""
	row = []
	for _header, field, kind in COLUMNS:
		if field == "project":
			value = project
		elif field == "age_at_entry":
			value = age_of(record)
		elif kind == "code":
			value = code_of(field, record.get(field))
		elif kind == "flag":
			value = int(bool(record.get(field)))
		elif kind == "date":
			value = (
				record.get(field).isoformat() if isinstance(record.get(field), date) else record.get(field)
			)
		elif kind == "number":
			value = None if record.get(field) in (None, "") else int(record.get(field))
		else:
			value = record.get(field)
		row.append(value)
	return row


def csv_cell(value) -> str:
	"""A ;-CSV cell: blank for None, text a spreadsheet would run as a formula gets a leading quote."""
	if value is None:
		return ""
	text = str(value)
	if is_risky(text):
		text = "'" + text
	return text
