# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

from datetime import date

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate

from mehrwert_quartier.data_protection.retention import set_participant_retention
from mehrwert_quartier.programme.doctype.postcode_area.postcode_area import get_area_for_postcode
from mehrwert_quartier.rules.esf import (
	ENTRY_DATA_FIELDS,
	MANDATORY_ENTRY_FIELDS,
	age_on,
	check_entry_data,
	check_exit_data,
	follow_up_due,
	is_long_term_unemployed,
	missing_entry_fields,
	parse_months,
	state_on_default,
)
from mehrwert_quartier.rules.languages import german_names
from mehrwert_quartier.todos import ensure_todo, user_language
from mehrwert_quartier.validation import rule_check, valid_postcode

DATE_FIELDS = ("date_of_birth", "entry_date", "exit_date", "exit_status_on")


class Participant(Document):
	# begin: auto-generated types
	# end: auto-generated types

	def validate(self):
		self.refuse_changes_once_anonymised()
		self.set_full_name()
		self.languages = german_names(self.languages) or None
		self.normalize_postcode()
		self.derive_programme_area()
		self.clear_months_unless_unemployed()
		self.check_entry_and_exit()
		self.normalise_months()
		self.date_state_upon_leaving()
		self.check_results()
		self.derive_long_term_unemployed()
		self.mark_esf_completeness()
		self.set_age_at_entry()
		self.set_follow_up_due()
		self.set_retention()

	def on_update(self):
		self.schedule_follow_up()

	def refuse_changes_once_anonymised(self):
		if not self.is_new() and frappe.db.get_value("Participant", self.name, "anonymised"):
			frappe.throw(_("An anonymised participant cannot be changed"), title=_("Anonymised"))

	def set_age_at_entry(self):
		"""What the age indicators need, kept when the date of birth goes at anonymisation."""
		birth, entry = as_date(self.date_of_birth), as_date(self.entry_date)
		self.age_at_entry = age_on(birth, entry) if birth and entry else None

	def set_retention(self):
		set_participant_retention(self)

	def set_full_name(self):
		self.full_name = " ".join(p.strip() for p in (self.first_name, self.last_name) if p and p.strip())

	def normalize_postcode(self):
		if not self.postcode:
			return
		self.postcode = valid_postcode(self.postcode)

	def derive_programme_area(self):
		"""The area follows the postcode map when the postcode changes; a hand correction stays otherwise."""
		if self.postcode and (self.is_new() or self.has_value_changed("postcode") or not self.programme_area):
			self.programme_area = get_area_for_postcode(self.postcode) or self.programme_area

	def clear_months_unless_unemployed(self):
		"""The field is hidden for other statuses, so a stale value could not be corrected by hand."""
		if self.labour_market_status != "Unemployed":
			self.unemployment_months = None

	def normalise_months(self):
		"""Stored as text so that unknown stays blank (Frappe stores an Int as NOT NULL DEFAULT 0)."""
		months = parse_months(self.unemployment_months)
		self.unemployment_months = None if months is None else str(months)

	def entry_data(self) -> dict:
		"""What the ESF rules read, dates as dates."""
		data = {field: self.get(field) for field in ENTRY_DATA_FIELDS}
		for field in DATE_FIELDS:
			data[field] = as_date(self.get(field))
		return data

	def check_entry_and_exit(self):
		with rule_check("Invalid ESF Data"):
			check_entry_data(self.entry_data())

	def date_state_upon_leaving(self):
		"""Blank: the exit date; a day that only followed the exit date moves with it."""
		before = self.get_doc_before_save()
		if before and self.exit_status_on and before.exit_status_on and before.exit_date:
			followed = as_date(before.exit_status_on) == as_date(before.exit_date)
			if followed and as_date(self.exit_status_on) == as_date(before.exit_status_on):
				self.exit_status_on = None
		self.exit_status_on = state_on_default(self.entry_data())

	def check_results(self):
		with rule_check("Invalid ESF Data"):
			check_exit_data(self.entry_data())

	def derive_long_term_unemployed(self):
		self.long_term_unemployed = int(
			is_long_term_unemployed(self.labour_market_status, self.unemployment_months)
		)

	def mark_esf_completeness(self):
		missing = missing_entry_fields(self.entry_data())
		self.esf_complete = int(not missing)
		self.esf_missing = missing_labels(tuple(missing))
		if not self.esf_complete:
			self.esf_entry_recorded_on = None
		elif not self.esf_entry_recorded_on:
			self.esf_entry_recorded_on = frappe.utils.today()

	def set_follow_up_due(self):
		self.follow_up_due = follow_up_due(getdate(self.exit_date)) if self.exit_date else None

	def schedule_follow_up(self):
		"""One ToDo per participant for the follow-up six months after exit; moved when the exit date moves."""
		if not self.follow_up_due:
			return
		existing = self.follow_up_todo or frappe.db.get_value(
			"ToDo",
			{"reference_type": self.doctype, "reference_name": self.name, "status": ("!=", "Cancelled")},
		)
		user = self.responsible_counsellor or self.owner
		todo_name = ensure_todo(
			existing,
			user,
			self.follow_up_due,
			self.doctype,
			self.name,
			_("ESF follow-up six months after exit: {0}", user_language(user)).format(self.full_name),
		)
		if self.follow_up_todo != todo_name:
			self.db_set("follow_up_todo", todo_name)


def as_date(value) -> date | None:
	"""``getdate`` without its general parser for the ISO dates a form or an import sets."""
	if not value:
		return None
	if isinstance(value, str) and len(value) == 10:
		try:
			return date.fromisoformat(value)
		except ValueError:
			pass
	return getdate(value)


def missing_labels(missing: tuple[str, ...]) -> str:
	"""The translated labels of the missing fields, remembered for the request (imports ask thousands of times)."""
	remembered = getattr(frappe.local, "mq_esf_missing_labels", None)
	if remembered is None:
		remembered = frappe.local.mq_esf_missing_labels = {}
	key = (frappe.local.lang, missing)
	if key not in remembered:
		labels = {**MANDATORY_ENTRY_FIELDS, "unemployment_months": "Months of Unemployment"}
		remembered[key] = ", ".join(_(labels[field]) for field in missing)
	return remembered[key]


def esf_counted_filters() -> dict:
	"""Filters for every ESF figure: participants whose mandatory entry data is incomplete count nowhere."""
	return {"esf_complete": 1}


def on_doctype_update():
	"""The natural key of partner imports (hooks.py) is looked up for every row of a workbook."""
	frappe.db.add_index("Participant", ["last_name", "first_name", "date_of_birth"])
