"""The retention clock on the site: the rules of the Programme Settings applied to participants."""

import frappe
from frappe import _
from frappe.utils import getdate

from mehrwert_quartier.rules.retention import (
	ANCHORS,
	DEFAULT_RULES,
	Retention,
	Rule,
	default_rules,
	last_contact,
	participant_retention,
)

SETTINGS = "Programme Settings"


def get_rules() -> dict[str, Rule]:
	"""The rules of the Programme Settings; a kind without a row keeps its default."""
	rules = default_rules()
	for row in frappe.get_all(
		"Retention Rule",
		filters={"parent": SETTINGS, "parenttype": SETTINGS},
		fields=["record_kind", "years", "months", "legal_source"],
	):
		rules[row.record_kind] = Rule(
			row.record_kind, row.years or 0, row.months or 0, row.legal_source or ""
		)
	return rules


def last_payment_date():
	value = frappe.db.get_single_value(SETTINGS, "last_payment_date")
	return getdate(value) if value else None


def last_contact_of(participant: str, created=None):
	"""The latest contact: the record's creation, consultations, referrals, placements, registrations."""
	days = [getdate(created) if created else None]
	for doctype, field in (
		("Consultation", "consultation_date"),
		("Referral", "proposed_on"),
		("Referral", "ended_on"),
		("Placement", "start_date"),
	):
		value = frappe.db.get_value(doctype, {"participant": participant}, f"max({field})")
		days.append(getdate(value) if value else None)
	registered = frappe.db.get_value("Event Registration", {"participant": participant}, "max(creation)")
	days.append(getdate(registered) if registered else None)
	return last_contact(*days)


def retention_of(doc) -> Retention:
	entry = getdate(doc.entry_date) if doc.get("entry_date") else None
	contact = None if entry or doc.is_new() else last_contact_of(doc.name, doc.creation)
	if not entry and doc.is_new():
		contact = getdate()
	return participant_retention(entry, contact, last_payment_date(), get_rules())


def reason_text(retention: Retention) -> str:
	params = dict(retention.params)
	if "anchor" in params:
		params["anchor"] = _(params["anchor"])
	if "kind" in params:
		params["kind"] = _(params["kind"])
	return _(retention.reason).format(**params)


def set_participant_retention(doc) -> None:
	"""Participant.validate: the computed date and its reason (read-only on the form)."""
	retention = retention_of(doc)
	doc.retention_until = retention.until
	doc.retention_reason = reason_text(retention)


def refresh_all_participants() -> int:
	"""After the settings changed: every participant's retention date again, without a new version."""
	changed = 0
	for row in frappe.get_all(
		"Participant",
		filters={"anonymised": 0},
		fields=["name", "entry_date", "creation", "retention_until", "retention_reason"],
	):
		doc = frappe._dict(row, is_new=lambda: False)
		retention = retention_of(doc)
		reason = reason_text(retention)
		if (getdate(row.retention_until) if row.retention_until else None, row.retention_reason) != (
			retention.until,
			reason,
		):
			frappe.db.set_value(
				"Participant",
				row.name,
				{"retention_until": retention.until, "retention_reason": reason},
				update_modified=False,
			)
			changed += 1
	return changed


def ensure_default_rules() -> None:
	"""Install/migrate: one rule per kind of record, with the legal source; existing rows stay as they are."""
	settings = frappe.get_single(SETTINGS)
	present = {row.record_kind for row in settings.retention_rules}
	missing = [kind for kind in DEFAULT_RULES if kind not in present]
	if not missing:
		return
	for kind in missing:
		years, months, source = DEFAULT_RULES[kind]
		settings.append(
			"retention_rules",
			{"record_kind": kind, "years": years, "months": months, "legal_source": source},
		)
	settings.flags.ignore_permissions = True
	settings.save()


def counted_from(kind: str) -> str:
	return _(ANCHORS.get(kind, ""))
