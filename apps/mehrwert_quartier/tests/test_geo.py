"""Map positions (issue 18): one pinned marker inside Leipzig, read from what Frappe's Geolocation stores."""

import json

import pytest

from mehrwert_quartier.qs_wirtschaft.map_fields import BUSINESS_DOCTYPES, LOCATION_FIELD, get_custom_fields
from mehrwert_quartier.rules import RuleError
from mehrwert_quartier.rules.geo import (
	AREA_BOUNDS,
	LEIPZIG,
	PALETTE,
	check_location,
	colours_for,
	point_location,
	point_of,
)

EISENBAHNSTRASSE = (51.34573, 12.40301)


def collection(*geometries) -> str:
	features = [{"type": "Feature", "properties": {}, "geometry": g} for g in geometries]
	return json.dumps({"type": "FeatureCollection", "features": features})


def test_a_pinned_marker_is_read_back_as_latitude_and_longitude():
	value = point_location(*EISENBAHNSTRASSE)
	assert json.loads(value)["features"][0]["geometry"]["coordinates"] == [12.40301, 51.34573]
	assert check_location(value) == EISENBAHNSTRASSE
	assert point_of(value) == EISENBAHNSTRASSE


@pytest.mark.parametrize("value", [None, "", "  ", collection()])
def test_nothing_pinned_is_no_location(value):
	assert check_location(value) is None
	assert point_of(value) is None


@pytest.mark.parametrize("value", ["not json", "[]", '{"type": "Point"}', json.dumps({"features": 3})])
def test_a_value_that_is_no_geojson_is_refused(value):
	with pytest.raises(RuleError, match="not a map position"):
		check_location(value)
	assert point_of(value) is None


def test_lines_areas_and_two_markers_are_refused():
	line = {"type": "LineString", "coordinates": [[12.40, 51.34], [12.41, 51.35]]}
	point = {"type": "Point", "coordinates": [12.40, 51.34]}
	for value in (
		collection(line),
		collection(point, point),
		collection({"type": "Point", "coordinates": ["a", 1]}),
	):
		with pytest.raises(RuleError, match="exactly one marker"):
			check_location(value)
	# the map still shows the first marker of a value stored before the rule
	assert point_of(collection(line, point)) == (51.34, 12.40)


def test_a_marker_outside_leipzig_is_refused_with_its_position():
	mumbai = point_location(19.08, 72.8961)  # Frappe's default map centre
	with pytest.raises(RuleError) as e:
		check_location(mumbai)
	assert e.value.params == {"lat": 19.08, "lng": 72.8961}


def test_the_areas_lie_inside_leipzig_and_apart():
	osten, gruenau = AREA_BOUNDS["Leipziger Osten"], AREA_BOUNDS["Grünau"]
	for bounds in (osten, gruenau):
		assert LEIPZIG.contains(bounds.south, bounds.west) and LEIPZIG.contains(bounds.north, bounds.east)
	assert gruenau.east < osten.west  # Grünau in the west, the Leipziger Osten in the east
	assert osten.contains(*EISENBAHNSTRASSE) and not gruenau.contains(*EISENBAHNSTRASSE)


def test_every_option_gets_a_colour_in_option_order():
	colours = colours_for(["Vacant", "Reserved", "Let", "Under Renovation"])
	assert list(colours.values()) == PALETTE[:4]
	assert len(set(colours_for([str(i) for i in range(len(PALETTE))]).values())) == len(PALETTE)


def test_the_businesses_get_the_location_after_their_programme_fields():
	fields = get_custom_fields()
	assert set(fields) == set(BUSINESS_DOCTYPES) == {"Lead", "Prospect", "Customer"}
	for rows in fields.values():
		assert rows[0]["insert_after"] == "mq_receives_social_transfers"
		assert rows[-1]["fieldname"] == LOCATION_FIELD and rows[-1]["fieldtype"] == "Geolocation"
		assert not any(r.get("permlevel") for r in rows)
