# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, now_datetime

from mehrwert_quartier.data_protection.retention import counted_from, refresh_all_participants
from mehrwert_quartier.rules.retention import Rule, check_rule
from mehrwert_quartier.validation import rule_check

DPO = "Data Protection Officer"


class ProgrammeSettings(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from mehrwert_quartier.data_protection.doctype.retention_rule.retention_rule import RetentionRule

		access_flag_threshold: DF.Int
		anonymisation_enabled: DF.Check
		anonymisation_enabled_by: DF.Link | None
		anonymisation_enabled_on: DF.Datetime | None
		consent_reminder_days: DF.Int
		last_payment_date: DF.Date | None
		last_run_on: DF.Datetime | None
		last_run_summary: DF.SmallText | None
		programme_end: DF.Date | None
		programme_start: DF.Date | None
		retention_rules: DF.Table[RetentionRule]
	# end: auto-generated types

	def validate(self):
		self.check_dates()
		self.check_rules()
		self.set_counted_from()
		self.record_who_switched_anonymisation_on()

	def on_update(self):
		if self.retention_changed():
			refresh_all_participants()

	def check_dates(self):
		if (
			self.programme_start
			and self.programme_end
			and getdate(self.programme_end) < getdate(self.programme_start)
		):
			frappe.throw(
				_("The programme cannot end before it starts"), title=_("Invalid Programme Settings")
			)

	def check_rules(self):
		seen = set()
		for row in self.retention_rules:
			if row.record_kind in seen:
				frappe.throw(
					_("Only one retention rule per kind of record: {0}").format(_(row.record_kind)),
					title=_("Invalid Programme Settings"),
				)
			seen.add(row.record_kind)
			with rule_check("Invalid Programme Settings"):
				check_rule(Rule(row.record_kind, row.years or 0, row.months or 0))

	def set_counted_from(self):
		for row in self.retention_rules:
			row.counted_from = counted_from(row.record_kind)

	def record_who_switched_anonymisation_on(self):
		"""Only the Data Protection Officer switches the automatic anonymisation on; who and when is kept."""
		if not self.anonymisation_enabled:
			self.anonymisation_enabled_by = None
			self.anonymisation_enabled_on = None
			return
		before = self.get_doc_before_save()
		if before and before.anonymisation_enabled:
			return
		if DPO not in frappe.get_roles():
			frappe.throw(
				_("Only the Data Protection Officer may switch the automatic anonymisation on"),
				frappe.PermissionError,
			)
		self.anonymisation_enabled_by = frappe.session.user
		self.anonymisation_enabled_on = now_datetime()

	def retention_changed(self) -> bool:
		before = self.get_doc_before_save()
		if not before:
			return True
		rows = lambda doc: [(r.record_kind, r.years, r.months) for r in doc.retention_rules]  # noqa: E731
		return str(before.last_payment_date or "") != str(self.last_payment_date or "") or rows(
			before
		) != rows(self)
