# Copyright (c) 2026, MehrWertQuartier developers and contributors
# For license information, please see license.txt

import frappe
from frappe import _
from frappe.model.document import Document

from mehrwert_quartier.maps import check_doc_location
from mehrwert_quartier.programme.doctype.postcode_area.postcode_area import get_area_for_postcode
from mehrwert_quartier.rules.settlement import SettlementRequest, Unit, explain, rank_units
from mehrwert_quartier.validation import rule_check, valid_postcode


class CommercialUnit(Document):
	def validate(self):
		self.normalize_postcode()
		self.set_programme_area()
		self.check_tenant()
		check_doc_location(self)

	def normalize_postcode(self):
		if not self.postcode:
			return
		self.postcode = valid_postcode(self.postcode)

	def set_programme_area(self):
		if not self.programme_area and self.postcode:
			self.programme_area = get_area_for_postcode(self.postcode)

	def check_tenant(self):
		if self.tenant and self.status != "Let":
			frappe.throw(_("Only a let unit has a settled business"))


@frappe.whitelist()
def rank_for_request(
	min_floor_space: float = 0,
	max_floor_space: float | None = None,
	programme_area: str | None = None,
	use_type: str | None = None,
	max_rent: float | None = None,
) -> list[dict]:
	"""Commercial units the user may read that can be offered to a settlement request, best first."""
	frappe.has_permission("Commercial Unit", "read", throw=True)
	request = SettlementRequest(
		min_floor_space=float(min_floor_space or 0),
		max_floor_space=float(max_floor_space) if max_floor_space else None,
		programme_area=programme_area or None,
		use_type=use_type or None,
		max_rent=float(max_rent) if max_rent else None,
	)
	rows = frappe.get_list(
		"Commercial Unit",
		filters={"status": ("in", ["Vacant", "Under Renovation"])},
		fields=["name", "unit_title", "programme_area", "floor_space", "use_type", "status", "monthly_rent"],
		limit_page_length=0,
	)
	units = {
		r.name: Unit(r.name, r.programme_area, r.floor_space or 0, r.use_type, r.status, r.monthly_rent)
		for r in rows
	}
	by_name = {r.name: r for r in rows}
	with rule_check():
		ranked = rank_units(request, list(units.values()))
	return [
		{
			"name": name,
			"unit_title": by_name[name].unit_title,
			"floor_space": by_name[name].floor_space,
			"monthly_rent": by_name[name].monthly_rent,
			"programme_area": by_name[name].programme_area,
			"score": s,
			"explanation": [
				{"criterion": _(criterion), "points": points}
				for criterion, points in explain(request, units[name])
			],
		}
		for name, s in ranked
	]
