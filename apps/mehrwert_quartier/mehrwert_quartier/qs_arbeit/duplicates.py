"""Duplicate participants: the intake check (rules/duplicates.py) and merging two records."""

import frappe
from frappe import _
from frappe.utils import getdate

from mehrwert_quartier.rules.duplicates import likely_duplicates

FIELDS = ["name", "first_name", "last_name", "full_name", "date_of_birth", "postcode"]


@frappe.whitelist()
def find_duplicates(
	first_name: str,
	last_name: str,
	date_of_birth: str | None = None,
	postcode: str | None = None,
	exclude: str | None = None,
) -> list[dict]:
	"""Likely duplicates of the person being entered, each with a link target and the reasons."""
	frappe.has_permission("Participant", "read", throw=True)
	new = {
		"name": exclude,
		"first_name": first_name,
		"last_name": last_name,
		"date_of_birth": getdate(date_of_birth) if date_of_birth else None,
		"postcode": postcode,
	}
	candidates = candidates_for(new)
	by_name = {c["name"]: c for c in candidates}
	return [
		{**by_name[m.name], "score": m.score, "reasons": [_(r) for r in m.reasons]}
		for m in likely_duplicates(new, candidates)
	]


def candidates_for(new: dict) -> list[dict]:
	"""Participants sharing the date of birth, the postcode or the start of the last name."""
	participant = frappe.qb.DocType("Participant")
	condition = participant.last_name.like(f"{(new['last_name'] or '')[:3]}%")
	if new["date_of_birth"]:
		condition = condition | (participant.date_of_birth == new["date_of_birth"])
	if new["postcode"]:
		condition = condition | (participant.postcode == new["postcode"])
	query = frappe.qb.from_(participant).select(*(participant[f] for f in FIELDS)).where(condition).limit(500)
	rows = query.run(as_dict=True)
	# only records the user may read are shown
	allowed = set(
		frappe.get_list("Participant", filters={"name": ("in", [r.name for r in rows])}, pluck="name")
	)
	return [
		{**row, "date_of_birth": getdate(row.date_of_birth) if row.date_of_birth else None}
		for row in rows
		if row.name in allowed
	]


@frappe.whitelist(methods=["POST"])
def merge_participants(source: str, target: str) -> str:
	"""Merge ``source`` into ``target``: every linked record moves to ``target``, ``source`` is removed."""
	if source == target:
		frappe.throw(_("A participant cannot be merged with itself"))
	frappe.has_permission("Participant", "write", target, throw=True)
	frappe.has_permission("Participant", "delete", source, throw=True)
	frappe.rename_doc("Participant", source, target, merge=True, force=True, show_alert=False)
	frappe.get_doc("Participant", target).add_comment(
		"Info",
		_("Merged with duplicate {0}; its linked records now belong to this participant").format(source),
	)
	return target
