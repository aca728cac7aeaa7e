"""The maps (issue 18): the business coach and the project lead open the list's Map view of the businesses,
the commercial units and the programme events and see the demo's markers in both areas, Grünau in the west,
the Leipziger Osten in the east, coloured with a legend, filtered like the list; a place is pinned in the form.

The test site loads no map tiles (site config ``mq_map_tile_url`` = none, scripts/test.sh): the browser has no
internet, and no request may leave the test server."""

from urllib.parse import quote, urlparse

import pytest
from conftest import guide_shot, login
from mehrwert_quartier.rules.geo import AREA_BOUNDS, LEIPZIG
from playwright.sync_api import expect
from test_role_desk import NOISE

COACH = "coaching@mehrwert.example"
PROJECT_LEAD = "projektleitung@mehrwert.example"
MARKERS = ".map-view-container path.mq-map-marker"
SAFE = "-_.!~*'()"  # what JavaScript's encodeURIComponent leaves as it is
# demo markers per map: 10 businesses of each kind, 8 commercial units, 10 events (at two places)
MAPS = [
	("lead", 10, "Unternehmensart"),
	("customer", 10, "Unternehmensart"),
	("commercial-unit", 8, "Status"),
	("programme-event", 10, "Art der Veranstaltung"),
]


def watch(page, base_url: str) -> list[str]:
	"""Requests that leave the test server (map tiles) and answers with an error."""
	host = urlparse(base_url).hostname
	bad = []
	page.on(
		"request",
		lambda r: urlparse(r.url).hostname not in (host, None) and bad.append(f"outside: {r.url}"),
	)
	page.on(
		"response",
		lambda r: r.status >= 400 and "/socket.io/" not in r.url and bad.append(f"HTTP {r.status}: {r.url}"),
	)
	return bad


def errors(page) -> list[str]:
	return [e for e in page.errors if not any(n in e for n in NOISE)]


def open_map(page, base_url: str, route: str, expected: int) -> list[dict]:
	"""Open the Map view and return its markers: area, name and the centre on screen."""
	page.goto(f"{base_url}/app/{route}/view/map")
	markers = page.locator(MARKERS)
	expect(markers).to_have_count(expected, timeout=30000)
	page.wait_for_timeout(500)  # fitBounds zooms: positions once the map stood still
	found = []
	for i in range(expected):
		marker = markers.nth(i)
		box = marker.bounding_box()
		found.append(
			{
				"area": marker.get_attribute("data-area"),
				"name": marker.get_attribute("data-name"),
				"x": box["x"] + box["width"] / 2,
				"y": box["y"] + box["height"] / 2,
			}
		)
	return found


def assert_two_areas(page, markers: list[dict]) -> None:
	"""Markers of both areas, Grünau's all west of the Leipziger Osten's, each at its record's place."""
	areas = {m["area"] for m in markers}
	assert areas == {"Leipziger Osten", "Grünau"}, areas
	west = max(m["x"] for m in markers if m["area"] == "Grünau")
	east = min(m["x"] for m in markers if m["area"] == "Leipziger Osten")
	assert west < east
	# the map's own coordinates of each marker lie inside the marker's area
	points = page.evaluate(
		"() => cur_list.markerLayer.getLayers().map((m) => [m.getLatLng().lat, m.getLatLng().lng,"
		" m.getElement().dataset.area])"
	)
	assert len(points) == len(markers)
	for lat, lng, area in points:
		assert AREA_BOUNDS[area].contains(lat, lng), (lat, lng, area)


@pytest.mark.parametrize("user", [COACH, PROJECT_LEAD])
def test_the_map_views_show_the_markers_of_both_areas(page, base_url, user):
	bad = watch(page, base_url)
	login(page, base_url, user)
	for route, expected, legend in MAPS:
		markers = open_map(page, base_url, route, expected)
		assert_two_areas(page, markers)
		expect(page.locator(".mq-map-legend")).to_contain_text(legend)
		if route == "commercial-unit" and user == COACH:
			expect(page.locator(".mq-map-legend")).to_contain_text("Leerstehend")
			guide_shot(page, "map-commercial-units")
		# a marker opens its record's popup with a link to the form (events share a place: any of them)
		page.locator(MARKERS).first.click(force=True)
		link = page.locator(".leaflet-popup-content a")
		expect(link).to_be_visible()
		assert link.get_attribute("href") in {f"/app/{route}/{quote(m['name'], safe=SAFE)}" for m in markers}
	assert bad == []
	assert errors(page) == []


def test_the_map_follows_the_list_filters(page, base_url):
	bad = watch(page, base_url)
	login(page, base_url, COACH)
	page.goto(f"{base_url}/app/commercial-unit/view/map?programme_area=Gr%C3%BCnau")
	expect(page.locator(MARKERS)).to_have_count(4, timeout=30000)
	areas = {page.locator(MARKERS).nth(i).get_attribute("data-area") for i in range(4)}
	assert areas == {"Grünau"}
	page.goto(f"{base_url}/app/lead/view/map?mq_business_type=Gastronomy")
	markers = page.locator(MARKERS)
	expect(markers.first).to_be_visible(timeout=30000)
	fills = {markers.nth(i).get_attribute("fill") for i in range(markers.count())}
	assert len(fills) == 1
	assert bad == []
	assert errors(page) == []


def test_the_project_lead_pins_a_commercial_unit_on_the_map_in_the_form(page, base_url):
	bad = watch(page, base_url)
	login(page, base_url, PROJECT_LEAD)
	page.goto(f"{base_url}/app/commercial-unit/new")
	page.wait_for_function(
		"() => window.cur_frm && cur_frm.doctype === 'Commercial Unit' && cur_frm.is_new()"
	)
	page.evaluate(
		"""() => cur_frm.set_value({unit_title: 'Kartentest Laden', address_line: 'Eisenbahnstraße 99',
		postcode: '04315', programme_area: 'Leipziger Osten', floor_space: 50})"""
	)
	field = page.locator('div.frappe-control[data-fieldname="geolocation"]')
	field.scroll_into_view_if_needed()
	field.locator(".leaflet-draw-draw-marker").click()
	map_box = field.locator(".leaflet-container").bounding_box()
	page.mouse.click(map_box["x"] + map_box["width"] / 2, map_box["y"] + map_box["height"] / 2)
	page.wait_for_function("() => cur_frm.doc.geolocation")
	page.keyboard.press("Control+s")
	page.wait_for_function("() => !cur_frm.is_new() && !cur_frm.is_dirty()")
	name = page.evaluate("() => cur_frm.docname")
	lat, lng = page.evaluate(
		"() => JSON.parse(cur_frm.doc.geolocation).features[0].geometry.coordinates.slice().reverse()"
	)
	assert LEIPZIG.contains(lat, lng)  # the map opened over Leipzig, not at Frappe's default centre
	expect(field.locator("img.leaflet-marker-icon")).to_have_count(1)
	# the demo's eight units stay eight for the other tests
	page.evaluate("(name) => frappe.xcall('frappe.client.delete', {doctype: 'Commercial Unit', name})", name)
	assert bad == []
	assert errors(page) == []
