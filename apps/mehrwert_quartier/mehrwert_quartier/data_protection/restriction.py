"""Restricted processing (GDPR Art. 18): a participant restricted by a data subject request, and the records
linked to it, are seen only by the Data Protection Officer (and Administrator) and kept for the audit."""

import frappe

SEES_RESTRICTED = "Data Protection Officer"
# DocTypes whose records belong to one participant (field ``participant``)
LINKED = ("Consultation", "Consent", "Coaching Plan", "Referral", "Placement", "Event Registration")


def sees_restricted(user: str | None) -> bool:
	user = user or frappe.session.user
	return user == "Administrator" or SEES_RESTRICTED in frappe.get_roles(user)


def participant_query_conditions(user: str | None = None) -> str:
	return "" if sees_restricted(user) else "ifnull(`tabParticipant`.`restricted`, 0) = 0"


def linked_query_conditions(user: str | None = None, doctype: str | None = None) -> str:
	if sees_restricted(user) or not doctype:
		return ""
	return (
		f"(`tab{doctype}`.`participant` is null or `tab{doctype}`.`participant` not in "
		"(select `name` from `tabParticipant` where `restricted` = 1))"
	)


def participant_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	if doc.get("restricted") and not sees_restricted(user):
		return False
	return None


def linked_has_permission(doc, ptype: str | None = None, user: str | None = None) -> bool | None:
	participant = doc.get("participant")
	if participant and not sees_restricted(user):
		if frappe.db.get_value("Participant", participant, "restricted"):
			return False
	return None
