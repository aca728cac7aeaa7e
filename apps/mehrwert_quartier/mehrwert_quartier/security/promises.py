"""The promise table: who may do what with which data. Plain Python, no site needed.

One place read by the README (its permission section is generated from ``readme_section()``), by the
integration test that compares it with the DocTypes' declared permissions on the site
(``security/test_promises.py``) and by the HTTP security layer (``tests/security/``), which asserts every
cell over HTTP. Change a permission here, in the DocType and in the README (``python -m
mehrwert_quartier.security.promises README.md`` rewrites the section) together.
"""

import sys
from pathlib import Path

# the demo login of each role (README); Guest is not logged in
ROLES = {
	"Counsellor": "beratung@mehrwert.example",
	"Business Coach": "coaching@mehrwert.example",
	"Project Lead": "projektleitung@mehrwert.example",
	"Data Protection Officer": "datenschutz@mehrwert.example",
	"Programme Partner": "jobcenter@partner.example",
	"Guest": "Guest",
}
ROLE_ABBR = {
	"Counsellor": "CO",
	"Business Coach": "BC",
	"Project Lead": "PL",
	"Data Protection Officer": "DPO",
	"Programme Partner": "PP",
	"Guest": "Guest",
}

# letter -> action; print and count follow read in Frappe (printview accepts read or print; a count is a
# list query, which needs read or select)
ACTIONS = {
	"r": "read",
	"w": "write",
	"c": "create",
	"d": "delete",
	"x": "export",
	"p": "print",
	"n": "count",
}

# DocType -> {role: letters}; a role not named may do nothing. System Manager may do everything.
PROMISES: dict[str, dict[str, str]] = {
	# QS Arbeit: participant data (special categories: disability, migration background, notes)
	"Participant": {"Counsellor": "rwcxpn", "Project Lead": "rwcdxpn", "Data Protection Officer": "rpn"},
	"Consent": {"Counsellor": "rwcxpn", "Project Lead": "rpn", "Data Protection Officer": "rwcxpn"},
	"Consultation": {"Counsellor": "rwcxpn", "Project Lead": "rpn", "Data Protection Officer": "rpn"},
	"Coaching Plan": {"Counsellor": "rwcxpn", "Project Lead": "rpn", "Data Protection Officer": "rpn"},
	"Referral": {"Counsellor": "rwcdxpn", "Project Lead": "rwcdxpn", "Data Protection Officer": "rpn"},
	"Placement": {
		"Counsellor": "rwcdxpn",
		"Business Coach": "rpn",
		"Project Lead": "rwcdxpn",
		"Data Protection Officer": "rpn",
	},
	"Event Registration": {
		"Counsellor": "rwcdxpn",
		"Business Coach": "rwcdxpn",
		"Project Lead": "rwcdxpn",
		"Data Protection Officer": "rpn",
	},
	"Programme Event": {
		"Counsellor": "rwcdxpn",
		"Business Coach": "rwcdxpn",
		"Project Lead": "rwcdxpn",
		"Data Protection Officer": "rpn",
	},
	"Job Vacancy": {
		"Counsellor": "rwcdxpn",
		"Business Coach": "rwcdxpn",
		"Project Lead": "rwcdxpn",
		"Data Protection Officer": "rpn",
	},
	"Training Provider": {
		"Counsellor": "rwcdxpn",
		"Business Coach": "rpn",
		"Project Lead": "rwcdxpn",
		"Data Protection Officer": "rpn",
	},
	"Training Offer": {
		"Counsellor": "rwcdxpn",
		"Business Coach": "rpn",
		"Project Lead": "rwcdxpn",
		"Data Protection Officer": "rpn",
	},
	# QS Wirtschaft: businesses are ERPNext CRM records with the app's custom fields
	"Enterprise Support Case": {
		"Counsellor": "rpn",
		"Business Coach": "rwcxpn",
		"Project Lead": "rwcdxpn",
		"Data Protection Officer": "rpn",
	},
	"Settlement Request": {"Counsellor": "rpn", "Business Coach": "rwcxpn", "Project Lead": "rwcdxpn"},
	"Business Relation": {"Counsellor": "rpn", "Business Coach": "rwcxpn", "Project Lead": "rwcdxpn"},
	"Commercial Unit": {"Counsellor": "rpn", "Business Coach": "rwcxpn", "Project Lead": "rwcdxpn"},
	"Cross-selling Rule": {"Counsellor": "rpn", "Business Coach": "rwcxpn", "Project Lead": "rwcdxpn"},
	"Lead": {"Business Coach": "rwcxpn", "Project Lead": "rwcxpn"},
	"Prospect": {"Business Coach": "rwcxpn", "Project Lead": "rwcxpn"},
	"Customer": {"Business Coach": "rwcxpn", "Project Lead": "rwcxpn"},
	"Opportunity": {"Business Coach": "rwcxpn", "Project Lead": "rwcxpn"},
	# Programme and partner exchange
	"Programme Area": {
		"Counsellor": "rpn",
		"Business Coach": "rpn",
		"Project Lead": "rwcdxpn",
		"Data Protection Officer": "rpn",
	},
	"Postcode Area": {
		"Counsellor": "rpn",
		"Business Coach": "rpn",
		"Project Lead": "rwcdxpn",
		"Data Protection Officer": "rpn",
	},
	"Partner Organisation": {
		"Counsellor": "rpn",
		"Business Coach": "rpn",
		"Project Lead": "rwcdxpn",
		"Data Protection Officer": "rpn",
		"Programme Partner": "rpn",
	},
	"Import Batch": {
		"Counsellor": "rwcxpn",
		"Business Coach": "rwcxpn",
		"Project Lead": "rwcdxpn",
		"Programme Partner": "rcpn",
	},
	# Data protection (issue 14): settings with the retention rules, requests of data subjects, the access log
	"Programme Settings": {"Project Lead": "rpn", "Data Protection Officer": "rwpn"},
	"Data Subject Request": {"Data Protection Officer": "rwcxpn"},
	"Personal Data Access": {"Data Protection Officer": "rxpn"},
	# confirmed column and value mappings per partner organisation (issue 12); written by the system for partners
	"Import Profile": {
		"Counsellor": "rwcdpn",
		"Business Coach": "rwcdpn",
		"Project Lead": "rwcdxpn",
	},
}

# Fields above permlevel 0: (DocType, fieldname, permlevel, roles that read it besides System Manager)
PROTECTED_FIELDS = [
	("Consultation", "confidential_notes", 1, ("Counsellor", "Data Protection Officer")),
	("Import Batch", "changes", 1, ("Counsellor", "Business Coach", "Project Lead")),
	("Import Batch", "preview", 1, ("Counsellor", "Business Coach", "Project Lead")),
	("Lead", "mq_receives_social_transfers", 2, ("Business Coach", "Project Lead")),
	("Prospect", "mq_receives_social_transfers", 2, ("Business Coach", "Project Lead")),
	("Customer", "mq_receives_social_transfers", 2, ("Business Coach", "Project Lead")),
	("Opportunity", "mq_receives_social_transfers", 2, ("Business Coach", "Project Lead")),
]

# Record classes readable by fewer roles than the DocType: (DocType, what, filters, roles that read them)
RESTRICTED_RECORDS = [
	(
		"Enterprise Support Case",
		"case type Entrepreneur receiving social transfers, with its needs, steps and referrals",
		{"case_type": "Entrepreneur receiving social transfers"},
		("Business Coach", "Project Lead"),
	),
	("Import Batch", "another user's batch (staff)", {}, ("Project Lead",)),
	("Import Batch", "another organisation's batch (partners)", {}, ("Project Lead",)),
	(
		"Partner Organisation",
		"another organisation (partners)",
		{},
		("Counsellor", "Business Coach", "Project Lead"),
	),
	("File", "another user's private file, unless its document may be read", {"is_private": 1}, ()),
	(
		"Participant",
		"restricted by a data subject request (GDPR Art. 18), with its consultations, consents, coaching plans, "
		"referrals, placements and registrations (not even System Manager; Administrator does)",
		{"restricted": 1},
		("Data Protection Officer",),
	),
]

# DocTypes whose roles read only their own records (if_owner) or their organisation's
OWN_ONLY = {
	("Import Batch", "Counsellor"),
	("Import Batch", "Business Coach"),
	("Import Batch", "Programme Partner"),
}

START, END = (
	"<!-- promise table: generated by mehrwert_quartier.security.promises -->",
	"<!-- end of promise table -->",
)


def allowed(role: str, doctype: str, action: str) -> bool:
	"""Whether the promise table lets ``role`` do ``action`` (a word of ACTIONS) on ``doctype``."""
	letters = PROMISES[doctype].get(role, "")
	return any(ACTIONS[letter] == action for letter in letters)


def cells() -> list[tuple[str, str, str, bool]]:
	"""Every cell of the matrix: (role, doctype, action, allowed)."""
	return [
		(role, doctype, action, allowed(role, doctype, action))
		for doctype in PROMISES
		for role in ROLES
		for action in ACTIONS.values()
	]


def _cell(doctype: str, role: str) -> str:
	letters = "".join(letter for letter in ACTIONS if letter in PROMISES[doctype].get(role, ""))
	return (letters or "–") + ("¹" if (doctype, role) in OWN_ONLY else "")


def readme_section() -> str:
	"""The README's permission section between START and END, generated from the tables above."""
	head = " | ".join(ROLE_ABBR[r] for r in ROLES)
	lines = [START, "", f"| DocType | {head} |", "|---" * (len(ROLES) + 1) + "|"]
	lines += [f"| {dt} | " + " | ".join(_cell(dt, r) for r in ROLES) + " |" for dt in PROMISES]
	lines += ["", "Protected fields (read and written only by System Manager and the roles named):", ""]
	lines += [
		f"- {dt} `{field}` (permlevel {level}): {', '.join(ROLE_ABBR[r] for r in roles)}"
		for dt, field, level, roles in PROTECTED_FIELDS
	]
	lines += ["", "Restricted records (besides System Manager, only the roles named read them):", ""]
	lines += [
		f"- {dt}, {what}: {', '.join(ROLE_ABBR[r] for r in roles) or 'nobody else'}"
		for dt, what, _filters, roles in RESTRICTED_RECORDS
	]
	return "\n".join([*lines, "", END])


def rewrite_readme(path: Path) -> bool:
	"""Replace the section in the README; True when it changed."""
	text = path.read_text(encoding="utf-8")
	before, _, rest = text.partition(START)
	_, _, after = rest.partition(END)
	new = before + readme_section() + after
	path.write_text(new, encoding="utf-8")
	return new != text


if __name__ == "__main__":
	print("changed" if rewrite_readme(Path(sys.argv[1])) else "unchanged")
