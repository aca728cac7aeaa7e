# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from mehrwert_quartier.rules.postcode import area_for_postcode
from mehrwert_quartier.validation import valid_postcode


class PostcodeArea(Document):
	# begin: auto-generated types
	# end: auto-generated types

	def autoname(self):
		self.normalize_postcode()
		self.name = self.postcode

	def validate(self):
		self.normalize_postcode()

	def normalize_postcode(self):
		self.postcode = valid_postcode(self.postcode)

	def on_update(self):
		frappe.cache.delete_value(POSTCODE_MAP_CACHE_KEY)

	def on_trash(self):
		frappe.cache.delete_value(POSTCODE_MAP_CACHE_KEY)


POSTCODE_MAP_CACHE_KEY = "mq_postcode_area_map"


def get_postcode_map() -> dict[str, str]:
	"""postcode -> Programme Area, cached until a Postcode Area changes."""

	def load():
		return dict(frappe.get_all("Postcode Area", fields=["postcode", "programme_area"], as_list=True))

	return frappe.cache.get_value(POSTCODE_MAP_CACHE_KEY, load)


def get_area_for_postcode(postcode: str | None) -> str | None:
	"""The Programme Area of a postcode from the configurable map (None outside the programme)."""
	return area_for_postcode(postcode, get_postcode_map()) if postcode else None
