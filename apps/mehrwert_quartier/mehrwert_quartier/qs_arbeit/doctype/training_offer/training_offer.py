# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from mehrwert_quartier.rules.portfolio import needs_review, review_due_on


class TrainingOffer(Document):
	def validate(self):
		self.check_dates()
		self.set_review_status()

	def check_dates(self):
		if self.start_date and self.end_date and getdate(self.end_date) < getdate(self.start_date):
			frappe.throw(_("The end date lies before the start date"), title=_("Invalid Dates"))

	def set_review_status(self):
		last = getdate(self.last_reviewed) if self.last_reviewed else None
		self.review_due_on = review_due_on(last)
		self.review_status = "Review Due" if needs_review(last, getdate(today())) else "Current"


@frappe.whitelist()
def mark_reviewed(offer: str) -> str:
	"""The counsellor confirms that the offer's details are current."""
	doc = frappe.get_doc("Training Offer", offer)
	doc.check_permission("write")
	doc.last_reviewed = today()
	doc.save()
	return doc.review_status


def flag_offers_due_for_review() -> int:
	"""Daily: offers whose last review is six months old become "Review Due"."""
	offer = frappe.qb.DocType("Training Offer")
	due = (
		frappe.qb.from_(offer)
		.select(offer.name)
		.where((offer.review_status == "Current") & (offer.review_due_on <= getdate(today())))
	).run(pluck=True)
	if due:
		frappe.qb.update(offer).set(offer.review_status, "Review Due").where(offer.name.isin(due)).run()
	return len(due)
