"""Demo data of the maps (issue 18): the demo's businesses, commercial units and events pinned on the map.

Units and events sit at their addresses (coordinates looked up once by hand, rounded: no geocoding at run
time); the businesses, whose demo records have no address, at deterministic places in the streets of their
area. Only records without a location get one, so a position a user moved stays where it is.
"""

import random

import frappe

from mehrwert_quartier.demo.events import PLACES
from mehrwert_quartier.demo.qs_wirtschaft import BUSINESSES, KINDS, UNITS, find_business
from mehrwert_quartier.qs_wirtschaft.map_fields import LOCATION_FIELD
from mehrwert_quartier.rules.geo import point_location

# the addresses of the demo's commercial units (street and number -> latitude, longitude)
ADDRESSES = {
	"Eisenbahnstraße 12": (51.34594, 12.39862),
	"Eisenbahnstraße 40": (51.34573, 12.40301),
	"Hermann-Liebmann-Straße 8": (51.34219, 12.40436),
	"Rabet 3": (51.34452, 12.39744),
	"Stuttgarter Allee 19": (51.31694, 12.28418),
	"Ratzelstraße 2": (51.32107, 12.30512),
	"Lützner Straße 193": (51.32431, 12.29985),
	"Grünauer Allee 5": (51.32268, 12.30307),
}
# the places of the demo's events (demo.events.PLACES)
EVENT_PLACES = {
	"ArbeitsladenPLUS, Eisenbahnstraße": (51.34581, 12.40655),
	"Stadtteilladen Grünau, Stuttgarter Allee": (51.31753, 12.28214),
}
# the streets where the demo places the businesses of an area: south-west and north-east corner
BUSINESS_STREETS = {
	"Leipziger Osten": (51.3400, 12.3950, 51.3500, 12.4300),
	"Grünau": (51.3090, 12.2700, 51.3260, 12.3040),
}


def set_locations(rng: random.Random) -> int:
	"""Pin every demo record that has no location yet; the number pinned."""
	assert set(PLACES.values()) == set(EVENT_PLACES)
	pinned = 0
	for i, (name, area, *_rest) in enumerate(BUSINESSES):
		south, west, north, east = BUSINESS_STREETS[area]
		lat, lng = round(rng.uniform(south, north), 5), round(rng.uniform(west, east), 5)
		kind = KINDS[i % 3]
		pinned += pin(kind, find_business(kind, name), LOCATION_FIELD, lat, lng)
	for title, street, *_rest in UNITS:
		unit = frappe.db.get_value("Commercial Unit", {"unit_title": title})
		pinned += pin("Commercial Unit", unit, "geolocation", *ADDRESSES[street])
	for event in frappe.get_all("Programme Event", fields=["name", "location"]):
		if event.location in EVENT_PLACES:
			pinned += pin("Programme Event", event.name, "geolocation", *EVENT_PLACES[event.location])
	return pinned


def pin(doctype: str, name: str | None, field: str, lat: float, lng: float) -> int:
	if not name or frappe.db.get_value(doctype, name, field):
		return 0
	frappe.db.set_value(doctype, name, field, point_location(lat, lng), update_modified=False)
	return 1
