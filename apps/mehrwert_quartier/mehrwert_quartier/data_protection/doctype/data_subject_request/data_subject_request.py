# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from mehrwert_quartier.rules import subject_requests as rules
from mehrwert_quartier.todos import ensure_todo
from mehrwert_quartier.validation import rule_check


class DataSubjectRequest(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		access_export: DF.Attach | None
		access_summary: DF.Attach | None
		completed_on: DF.Date | None
		decision: DF.Literal["", "Granted", "Restricted instead of erased"]
		details: DF.SmallText | None
		due_on: DF.Date | None
		extended: DF.Check
		extension_reason: DF.SmallText | None
		handled_by: DF.Link | None
		identity_evidence: DF.SmallText | None
		participant: DF.Link | None
		received_on: DF.Date
		refusal_ground: DF.Literal[
			"",
			"Art. 17(3)(b) GDPR: legal obligation to keep ESF documents (Regulation (EU) 2021/1060, Art. 82)",
			"Art. 17(3)(e) GDPR: establishment, exercise or defence of legal claims",
			"Art. 12(5) GDPR: manifestly unfounded or excessive",
			"Art. 12(6) GDPR: identity could not be confirmed",
			"Art. 21(1) GDPR: compelling legitimate grounds",
			"Other legal ground",
		]
		refusal_reason: DF.SmallText | None
		reminder_todo: DF.Link | None
		request_type: DF.Literal[
			"", "Access", "Rectification", "Restriction", "Erasure", "Objection", "Withdrawal of consent"
		]
		requester_contact: DF.Data | None
		requester_name: DF.Data
		status: DF.Literal["Received", "Identity checked", "Decided", "Done", "Refused"]
	# end: auto-generated types

	def validate(self):
		self.set_due_date()
		self.decide_erasure_inside_esf_period()
		self.check_state()

	def on_update(self):
		self.remind_before_deadline()
		if self.has_value_changed("status") and self.status == rules.DONE:
			self.carry_out()

	def set_due_date(self):
		self.due_on = rules.due_date(getdate(self.received_on), bool(self.extended))

	def decide_erasure_inside_esf_period(self):
		"""An erasure of an ESF participant inside the retention period becomes a restriction (Art. 17(3)(b))."""
		if self.request_type != rules.ERASURE or not self.participant or self.status == rules.RECEIVED:
			return
		decision, ground = rules.effective_decision(self.request_type, in_esf_retention(self.participant))
		if self.status != rules.REFUSED:
			self.decision = decision
			if ground:
				self.refusal_ground = ground

	def check_state(self):
		with rule_check("Invalid Data Subject Request"):
			rules.check_state(self.status, self.as_dict())

	def remind_before_deadline(self):
		"""One ToDo for the person handling it, a week before the deadline; closed when the request is."""
		if self.status in (rules.DONE, rules.REFUSED):
			if self.reminder_todo:
				frappe.db.set_value("ToDo", self.reminder_todo, "status", "Closed")
			return
		todo = ensure_todo(
			self.reminder_todo,
			self.handled_by or self.owner,
			rules.reminder_date(getdate(self.due_on), getdate(today())),
			self.doctype,
			self.name,
			_("Data subject request {0}: the answer is due on {1}").format(self.name, self.due_on),
		)
		if todo != self.reminder_todo:
			self.db_set("reminder_todo", todo)

	def carry_out(self):
		"""What a granted request does to the data; rectification and objection are done in the records."""
		self.db_set("completed_on", today())
		if not self.participant:
			return
		if self.request_type == rules.ACCESS:
			from mehrwert_quartier.data_protection.access_export import attach_export

			attach_export(self)
		elif self.request_type == rules.RESTRICTION or self.decision == rules.RESTRICTED_INSTEAD:
			frappe.db.set_value("Participant", self.participant, "restricted", 1, update_modified=False)
		elif self.request_type == rules.ERASURE:
			from mehrwert_quartier.data_protection.anonymise import anonymise_participant

			anonymise_participant(self.participant)
		elif self.request_type == rules.WITHDRAWAL:
			for consent in frappe.get_all(
				"Consent",
				filters={"participant": self.participant, "withdrawn_on": ("is", "not set")},
				pluck="name",
			):
				doc = frappe.get_doc("Consent", consent)
				doc.withdrawn_on = getdate(self.received_on)
				doc.save(ignore_permissions=True)


def in_esf_retention(participant: str) -> bool:
	"""An ESF participant (entry date) whose retention date is unknown or not yet past."""
	entry, until = frappe.db.get_value("Participant", participant, ["entry_date", "retention_until"])
	return bool(entry) and (not until or getdate(until) >= getdate(today()))
