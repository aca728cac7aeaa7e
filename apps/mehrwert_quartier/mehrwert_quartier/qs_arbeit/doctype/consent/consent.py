# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from mehrwert_quartier.rules.consent import (
	check_consent_dates,
	consent_status,
	is_consent_valid,
	is_private_file_url,
)
from mehrwert_quartier.validation import rule_check


class Consent(Document):
	# begin: auto-generated types
	# end: auto-generated types

	def validate(self):
		self.check_dates()
		self.check_signed_form_is_private()
		self.check_no_second_valid_consent()
		self.set_status()

	def check_dates(self):
		with rule_check("Invalid Consent"):
			check_consent_dates(self.get_date("given_on"), self.get_date("withdrawn_on"))

	def get_date(self, field):
		return getdate(self.get(field)) if self.get(field) else None

	def check_signed_form_is_private(self):
		if self.signed_form and not is_private_file_url(self.signed_form):
			frappe.throw(_("The signed consent form must be a private file"), title=_("Invalid Consent"))

	def check_no_second_valid_consent(self):
		"""One record per participant, purpose and recipient while it is not withdrawn."""
		if self.withdrawn_on:
			return
		duplicate = frappe.get_all(
			"Consent",
			filters={
				"participant": self.participant,
				"purpose": self.purpose,
				"recipient": self.recipient or ("is", "not set"),
				"withdrawn_on": ("is", "not set"),
				"name": ("!=", self.name or ""),
			},
			fields=["name", "valid_until"],
		)
		# an expired consent no longer counts: a new one may be given
		duplicate = [d.name for d in duplicate if not d.valid_until or getdate(d.valid_until) >= getdate()]
		if duplicate:
			frappe.throw(
				_("Consent {0} for this purpose and recipient already exists").format(duplicate[0]),
				frappe.DuplicateEntryError,
			)

	def set_status(self):
		"""Withdrawn from the day it was withdrawn (a withdrawal is recorded when it arrives), else Expired
		after its last valid day (the daily job updates it), else Valid."""
		if self.withdrawn_on:
			self.status = "Withdrawn"
			return
		self.status = consent_status(None, self.get_date("valid_until"), getdate())


def has_valid_consent(
	participant: str, purpose: str, recipient: str | None = None, on_date: str | None = None
) -> bool:
	"""Whether ``participant`` consented to ``purpose`` (for ``recipient``, when given) on ``on_date``.

	Missing or withdrawn consent gives False; later code uses this to block actions.
	"""
	day = getdate(on_date) if on_date else getdate()
	filters = {"participant": participant, "purpose": purpose, "given_on": ("<=", day)}
	if recipient:
		filters["recipient"] = recipient
	consents = frappe.get_all("Consent", filters=filters, fields=["given_on", "withdrawn_on", "valid_until"])
	return any(
		is_consent_valid(
			getdate(c.given_on),
			getdate(c.withdrawn_on) if c.withdrawn_on else None,
			day,
			getdate(c.valid_until) if c.valid_until else None,
		)
		for c in consents
	)
