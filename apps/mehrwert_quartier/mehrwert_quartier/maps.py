"""Businesses, commercial units and programme events on a map (issue 18, docs/qs-wirtschaft.md "Map").

Frappe v15's list *Map view* (``/app/<doctype>/view/map``) asks the list settings' ``get_coords_method``
for GeoJSON (``public/js/business_map_list.js``, ``commercial_unit_list.js``, ``programme_event_list.js``).
:func:`get_coords` answers with the records the user may read under the list's filters, one point each,
coloured by business type, vacancy status or event type; ``public/js/map_view.js`` draws them.
"""

import frappe
from frappe import _

from mehrwert_quartier.qs_wirtschaft.map_fields import LOCATION_FIELD
from mehrwert_quartier.rules.geo import CENTRE, NOT_SET_COLOUR, check_location, colours_for, point_of
from mehrwert_quartier.validation import rule_check

# DocType: the Geolocation field, the title field, the field the markers are coloured by, the area field
MAPS = {
	"Lead": (LOCATION_FIELD, "company_name", "mq_business_type", "mq_programme_area"),
	"Prospect": (LOCATION_FIELD, "company_name", "mq_business_type", "mq_programme_area"),
	"Customer": (LOCATION_FIELD, "customer_name", "mq_business_type", "mq_programme_area"),
	"Commercial Unit": ("geolocation", "unit_title", "status", "programme_area"),
	"Programme Event": ("geolocation", "event_title", "event_type", "programme_area"),
}
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "© OpenStreetMap contributors"
NO_TILES = ("", "none", "off", "0")


@frappe.whitelist()
def get_coords(doctype: str, filters: str | list | dict | None = None) -> dict:
	"""GeoJSON of the records of ``doctype`` the user may read under ``filters`` that have a location.

	Frappe's map view also sends ``type`` (the kind of location field it found): not needed here."""
	if doctype not in MAPS:
		frappe.throw(_("{0} has no map").format(_(doctype)), frappe.ValidationError)
	frappe.has_permission(doctype, "read", throw=True)
	location, title, colour_by, area = MAPS[doctype]
	rows = frappe.get_list(
		doctype,
		filters=[*as_filter_list(doctype, filters), [doctype, location, "is", "set"]],
		fields=["name", location, title, colour_by, area],
		order_by="name asc",
		limit_page_length=0,
	)
	options = [o for o in (frappe.get_meta(doctype).get_options(colour_by) or "").split("\n") if o]
	colours = colours_for(options)
	features, seen = [], set()
	for row in rows:
		point = point_of(row.get(location))
		if not point:
			continue
		category = row.get(colour_by) or ""
		seen.add(category)
		features.append(
			{
				"type": "Feature",
				"geometry": {"type": "Point", "coordinates": [point[1], point[0]]},
				"properties": {
					"name": row.name,
					"title": row.get(title) or row.name,
					"category": category,
					"category_label": _(category) if category else _("Not specified"),
					"colour": colours.get(category, NOT_SET_COLOUR),
					"area": row.get(area) or "",
				},
			}
		)
	legend = [{"label": _(o), "colour": colours[o]} for o in options if o in seen]
	if "" in seen or seen - set(options):
		legend.append({"label": _("Not specified"), "colour": NOT_SET_COLOUR})
	return {
		"type": "FeatureCollection",
		"features": features,
		"mq_legend": {"title": _(frappe.get_meta(doctype).get_label(colour_by)), "items": legend},
	}


def as_filter_list(doctype: str, filters: str | list | dict | None) -> list:
	"""The list view's filters (``[[doctype, field, operator, value], ...]``) or a dict, as a list."""
	filters = frappe.parse_json(filters) if isinstance(filters, str) else filters
	if isinstance(filters, dict):
		return [
			[doctype, field, *(value if isinstance(value, list | tuple) else ("=", value))]
			for field, value in filters.items()
		]
	if filters and not isinstance(filters, list):
		frappe.throw(_("Filters must be a list"), frappe.ValidationError)
	return list(filters or [])


def boot_session(bootinfo) -> None:
	"""The map tiles the desk's maps load (site config ``mq_map_tile_url``; ``none``: no tile layer)."""
	url = frappe.conf.get("mq_map_tile_url")
	url = OSM_TILES if url is None else str(url).strip()
	if url.lower() in NO_TILES:
		url = ""
	default_attribution = OSM_ATTRIBUTION if url == OSM_TILES else ""
	bootinfo.mq_map = {
		"tile_url": url,
		"attribution": frappe.conf.get("mq_map_attribution") or default_attribution,
		"centre": list(CENTRE),
	}


def validate_location(doc, method=None) -> None:
	"""doc_events ``validate`` of the businesses; the app's DocTypes call :func:`check_doc_location`."""
	check_doc_location(doc)


def check_doc_location(doc) -> None:
	"""One marker inside Leipzig, or a clear message."""
	location = MAPS[doc.doctype][0]
	with rule_check("Invalid Location"):
		check_location(doc.get(location))
