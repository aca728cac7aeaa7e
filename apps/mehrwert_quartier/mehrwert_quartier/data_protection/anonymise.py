"""Anonymise participants irreversibly, everywhere the app and Frappe keep their identifiers.

What goes (docs/data-protection.md): names, date of birth (the age at entry stays), address, contact data,
Jobcenter number, skills and every free text and confidential note of the linked records, attached files, the
person's rows in uploaded workbooks and error reports, Version history, comments, communications, ToDos, the
global search index, Deleted Documents (merged duplicates), log entries, the requests they made. What stays:
the participant record with its statistical fields (entry/exit data, gender, ESF answers, programme area,
contact hours) and the linked records with theirs, so ESF indicators and activity figures do not change.

Values are written with ``frappe.db`` (no Version of the old values is created) and the history is deleted.
"""

import frappe
from frappe.utils import getdate, today
from frappe.utils.global_search import sync_global_search

from mehrwert_quartier.data_protection import scrub, workbooks
from mehrwert_quartier.rules.identifiers import Person

PLACEHOLDER = "Anonymised"
PARTICIPANT_CLEARED = (
	"first_name",
	"last_name",
	"date_of_birth",
	"email",
	"phone",
	"address_line",
	"postcode",
	"city",
	"jobcenter_customer_number",
	"skills",
	"available_from",
	"follow_up_todo",
	"_comments",
	"_assign",
	"_liked_by",
	"_user_tags",
	"_seen",
)
# DocType -> (fields set to the placeholder, fields cleared, {child table DocType: fields cleared})
LINKED: dict[str, tuple[tuple[str, ...], tuple[str, ...], dict[str, tuple[str, ...]]]] = {
	"Consultation": (
		("participant_name",),
		("topics", "outcome", "next_steps", "confidential_notes", "follow_up_todo"),
		{},
	),
	"Consent": (("participant_name",), ("notes", "signed_form"), {}),
	"Coaching Plan": (
		("participant_name",),
		("summary",),
		{"Coaching Plan Goal": ("goal", "milestone", "measure")},
	),
	"Referral": (("participant_name",), ("outcome_notes",), {}),
	"Placement": (("participant_name",), (), {"Placement Checkpoint": ("notes",)}),
	"Event Registration": (("attendee_name",), (), {}),
}
META_COLUMNS = ("_comments", "_assign", "_liked_by", "_user_tags", "_seen")


def anonymise_participant(name: str) -> dict:
	return anonymise_participants([name])[name]


def anonymise_participants(names: list[str]) -> dict[str, dict]:
	"""Anonymise each participant; returns per participant what was removed (counts, no identifiers)."""
	names = [n for n in names if not frappe.db.get_value("Participant", n, "anonymised")]
	if not names:
		return {}
	sync_global_search()  # queued index entries would otherwise bring the old values back
	people, records, summary = [], {}, {}
	for name in names:
		person, merged = identify(name)
		people.append(person)
		records[name] = linked_records(name)
		summary[name] = {"merged_duplicates": len(merged)}
		scrub.delete_deleted_documents("Participant", merged)
	files_changed = workbooks.scrub_workbooks(people)
	for name, person in zip(names, people, strict=True):
		documents = [("Participant", name)] + [(dt, n) for dt, ns in records[name].items() for n in ns]
		documents += [("Data Subject Request", n) for n in requests_of(name)]
		done = summary[name]
		done["files"] = scrub.delete_attachments(documents)
		done["history"] = scrub.delete_history(documents)
		scrub.delete_global_search(documents)
		done["linked_records"] = clear_linked_records(records[name])
		clear_participant(name)
		done["requests"] = clear_requests(name, person)
	swept = scrub.sweep(people)
	batches = workbooks.scrub_batches(people)
	for name in names:
		summary[name].update({"log_rows": swept, "batches": batches, "workbooks": files_changed})
		frappe.clear_document_cache("Participant", name)
	return summary


def identify(name: str) -> tuple[Person, list[str]]:
	"""The person's identifiers, with those of the duplicates merged into the record (their Deleted
	Documents), and the names of those duplicates."""
	person = Person()
	person.add(frappe.db.get_value("Participant", name, ["*"], as_dict=True))
	merged = scrub.merged_duplicates(name)
	for data in scrub.deleted_participant_data(merged):
		person.add(data)
		person.record_names.add(data.get("name", "").casefold())
	return person, merged


def linked_records(participant: str) -> dict[str, list[str]]:
	return {
		doctype: frappe.get_all(doctype, filters={"participant": participant}, pluck="name")
		for doctype in LINKED
	}


def clear_linked_records(records: dict[str, list[str]]) -> int:
	count = 0
	for doctype, names in records.items():
		if not names:
			continue
		placeholder_fields, cleared, children = LINKED[doctype]
		values = existing(
			doctype,
			{f: PLACEHOLDER for f in placeholder_fields} | {f: None for f in (*cleared, *META_COLUMNS)},
		)
		for name in names:
			frappe.db.set_value(doctype, name, values, update_modified=False)
			frappe.clear_document_cache(doctype, name)
		for child, fields in children.items():
			rows = frappe.get_all(
				child, filters={"parenttype": doctype, "parent": ("in", names)}, pluck="name"
			)
			for row in rows:
				frappe.db.set_value(child, row, dict.fromkeys(fields), update_modified=False)
		count += len(names)
	return count


def clear_participant(name: str) -> None:
	values = dict.fromkeys(PARTICIPANT_CLEARED) | {
		"full_name": PLACEHOLDER,
		"anonymised": 1,
		"anonymised_on": getdate(today()),
	}
	frappe.db.set_value("Participant", name, existing("Participant", values), update_modified=False)


def existing(doctype: str, values: dict) -> dict:
	"""Only columns the table has (``_seen`` exists only where seen is tracked)."""
	columns = set(frappe.db.get_table_columns(doctype))
	return {k: v for k, v in values.items() if k in columns}


def requests_of(participant: str) -> list[str]:
	if not frappe.db.table_exists("Data Subject Request"):
		return []
	return frappe.get_all("Data Subject Request", filters={"participant": participant}, pluck="name")


def clear_requests(participant: str, person: Person) -> int:
	"""Data subject requests of the person stay as proof that they were handled, without who asked."""
	names = requests_of(participant)
	for name in names:
		frappe.db.set_value(
			"Data Subject Request",
			name,
			{"requester_name": PLACEHOLDER, "requester_contact": None, "identity_evidence": None},
			update_modified=False,
		)
	return len(names)
