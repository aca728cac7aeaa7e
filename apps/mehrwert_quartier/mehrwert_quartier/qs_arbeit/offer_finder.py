"""Finding training offers for a participant: filter and rank the portfolio (rules in rules/portfolio.py)."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from mehrwert_quartier.rules.portfolio import TARGET_GROUPS, rank_offers

OFFER_FIELDS = [
	"name",
	"offer_title",
	"provider",
	"category",
	"language_of_instruction",
	"programme_area",
	"start_date",
	"end_date",
	"seats",
	"funding",
	"last_reviewed",
	"review_status",
	*TARGET_GROUPS,
]
TAKEN_STATUSES = ("Accepted", "Started")


@frappe.whitelist()
def find_offers(
	participant: str,
	category: str | None = None,
	language: str | None = None,
	area: str | None = None,
	start_from: str | None = None,
) -> list[dict]:
	"""Open offers for a participant, best first, each with its score and the reasons for it."""
	frappe.has_permission("Participant", "read", participant, throw=True)
	person = frappe.db.get_value(
		"Participant", participant, ["languages", "programme_area", *TARGET_GROUPS], as_dict=True
	)
	offers = frappe.get_list("Training Offer", fields=OFFER_FIELDS, limit_page_length=0)
	for offer in offers:
		offer["start_date"] = getdate(offer.start_date) if offer.start_date else None
		offer["last_reviewed"] = getdate(offer.last_reviewed) if offer.last_reviewed else None
		offer["seats_left"] = seats_left(offer) if offer.seats else None
	matches = rank_offers(
		person,
		offers,
		getdate(today()),
		category=category or None,
		language=language or None,
		area=area or None,
		start_from=getdate(start_from) if start_from else None,
	)
	return [{**m.offer, "score": m.score, "reasons": [_(r) for r in m.reasons]} for m in matches]


def seats_left(offer: dict) -> int:
	taken = frappe.db.count("Referral", {"offer": offer["name"], "status": ("in", TAKEN_STATUSES)})
	return offer["seats"] - taken
