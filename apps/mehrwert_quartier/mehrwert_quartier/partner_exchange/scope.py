"""The records a partner's rows may name (issue 11, leak 8).

A partner batch is written by the system (``as_system``), so the rows themselves must stay inside the partner's
organisation: offers of its providers, referrals to those offers, registrations for events it runs or was given
(*Partner Organisation* on the Programme Event). A link of a partner's row to a record outside that scope reads
exactly as a link to a record that does not exist (``bad_link``), so neither the message nor the counts tell
whether another organisation's record exists. Participants and contacts are known to a partner only through
its own referrals and registrations; users (a referral's counsellor) never.
"""

import frappe

from mehrwert_quartier.partner_exchange.partners import own_organisations


class PartnerScope:
	"""The names a partner may link to, per DocType, computed once per batch."""

	def __init__(self, user: str | None = None):
		self.organisations = own_organisations(user) or [""]
		self._names: dict[str, set[str]] = {}

	def covers(self, doctype: str) -> bool:
		return doctype in SCOPED

	def allows(self, doctype: str, name) -> bool:
		if doctype not in self._names:
			self._names[doctype] = set(SCOPED[doctype](self))
		return str(name) in self._names[doctype]

	def providers(self) -> list[str]:
		return frappe.get_all(
			"Training Provider", filters={"partner_organisation": ("in", self.organisations)}, pluck="name"
		)

	def offers(self) -> list[str]:
		providers = self.names("Training Provider") or [""]
		return frappe.get_all("Training Offer", filters={"provider": ("in", providers)}, pluck="name")

	def events(self) -> list[str]:
		return frappe.get_all(
			"Programme Event", filters={"partner_organisation": ("in", self.organisations)}, pluck="name"
		)

	def participants(self) -> set[str]:
		offers = self.names("Training Offer") or [""]
		referred = frappe.get_all("Referral", filters={"offer": ("in", offers)}, pluck="participant")
		return set(referred) | set(self.registered("participant"))

	def contacts(self) -> list[str]:
		return self.registered("contact")

	def registered(self, fieldname: str) -> list[str]:
		events = self.names("Programme Event") or [""]
		return [
			v
			for v in frappe.get_all("Event Registration", filters={"event": ("in", events)}, pluck=fieldname)
			if v
		]

	def names(self, doctype: str) -> list[str]:
		self.allows(doctype, "")
		return sorted(self._names[doctype])


SCOPED = {
	"Training Provider": PartnerScope.providers,
	"Training Offer": PartnerScope.offers,
	"Programme Event": PartnerScope.events,
	"Participant": PartnerScope.participants,
	"Contact": PartnerScope.contacts,
	"User": lambda scope: [],
}
