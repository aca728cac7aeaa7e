"""Map positions (issue 18): the GeoJSON a Frappe Geolocation field stores, reduced to one pinned point.

Frappe's Geolocation control stores a GeoJSON ``FeatureCollection`` of what the user drew on the map. The
app's maps take one marker per record: a location holds exactly one point, inside Leipzig.
"""

import json
from typing import NamedTuple

from mehrwert_quartier.rules import RuleError


class Bounds(NamedTuple):
	south: float
	west: float
	north: float
	east: float

	def contains(self, lat: float, lng: float) -> bool:
		return self.south <= lat <= self.north and self.west <= lng <= self.east


# the city of Leipzig, generously: a pin outside is a slip of the mouse (or Frappe's default map centre)
LEIPZIG = Bounds(51.23, 12.23, 51.45, 12.55)
# the two programme areas (Soziale Stadt), generously: Leipziger Osten (Neustadt-Neuschönefeld,
# Volkmarsdorf, Anger-Crottendorf) and Grünau (Grünau-Ost, -Mitte, -Nord, -Siedlung, Lausen-Grünau)
AREA_BOUNDS = {
	"Leipziger Osten": Bounds(51.330, 12.385, 51.356, 12.445),
	"Grünau": Bounds(51.298, 12.255, 51.335, 12.320),
}
# where a map without markers opens: between the two areas
CENTRE = (51.333, 12.355)


def _features(value: object) -> list:
	if isinstance(value, str):
		try:
			value = json.loads(value)
		except ValueError:
			raise RuleError("The location is not a map position drawn on the map") from None
	if not isinstance(value, dict):
		raise RuleError("The location is not a map position drawn on the map")
	if value.get("type") == "Feature":
		return [value]
	features = value.get("features")
	if value.get("type") != "FeatureCollection" or not isinstance(features, list):
		raise RuleError("The location is not a map position drawn on the map")
	return features


def _point(feature: object) -> tuple[float, float] | None:
	geometry = feature.get("geometry") if isinstance(feature, dict) else None
	if not isinstance(geometry, dict) or geometry.get("type") != "Point":
		return None
	coordinates = geometry.get("coordinates")
	if (
		not isinstance(coordinates, list | tuple)
		or len(coordinates) < 2
		or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in coordinates[:2])
	):
		return None
	lng, lat = coordinates[:2]  # GeoJSON: longitude first
	return float(lat), float(lng)


def check_location(value: object) -> tuple[float, float] | None:
	"""The pinned point (latitude, longitude) of a Geolocation value; None when nothing is pinned.

	Raises :class:`RuleError` for anything but one marker inside Leipzig."""
	if value is None or (isinstance(value, str) and not value.strip()):
		return None
	features = _features(value)
	if not features:
		return None
	points = [_point(f) for f in features]
	if len(features) != 1 or points[0] is None:
		raise RuleError("Pin the location with exactly one marker on the map (no lines or areas)")
	lat, lng = points[0]
	if not LEIPZIG.contains(lat, lng):
		raise RuleError(
			"The pinned location ({lat}, {lng}) lies outside Leipzig", lat=round(lat, 5), lng=round(lng, 5)
		)
	return lat, lng


def point_of(value: object) -> tuple[float, float] | None:
	"""The first pinned point of a stored Geolocation value, or None (the map leaves such a record out)."""
	try:
		features = _features(value) if value else []
	except RuleError:
		return None
	return next((p for p in map(_point, features) if p), None)


def point_location(lat: float, lng: float) -> str:
	"""A Geolocation value with one marker, as Frappe's control stores it."""
	feature = {
		"type": "Feature",
		"properties": {},
		"geometry": {"type": "Point", "coordinates": [round(lng, 6), round(lat, 6)]},
	}
	return json.dumps({"type": "FeatureCollection", "features": [feature]})


# marker colours, one per option in the order of the options (distinguishable, also in greyscale pairs)
PALETTE = [
	"#2e7d32",  # green
	"#ef6c00",  # orange
	"#1565c0",  # blue
	"#8e24aa",  # purple
	"#c62828",  # red
	"#00838f",  # teal
	"#6d4c41",  # brown
	"#ad1457",  # pink
	"#9e9d24",  # olive
	"#37474f",  # slate
]
NOT_SET_COLOUR = "#9e9e9e"


def colours_for(options: list[str]) -> dict[str, str]:
	"""A marker colour for every option; more options than colours reuse the palette."""
	return {option: PALETTE[i % len(PALETTE)] for i, option in enumerate(options)}
