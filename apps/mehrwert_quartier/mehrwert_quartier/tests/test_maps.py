"""The maps (issue 18): the demo's records pinned inside their areas, the map view's GeoJSON under the list's
filters and the user's permissions, one marker inside Leipzig, the location carried from lead to customer."""

import json
import random

import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier import demo
from mehrwert_quartier.demo.maps import set_locations
from mehrwert_quartier.maps import MAPS, get_coords
from mehrwert_quartier.qs_wirtschaft.map_fields import BUSINESS_DOCTYPES, LOCATION_FIELD
from mehrwert_quartier.rules.geo import AREA_BOUNDS, PALETTE, point_location, point_of

COACH = "coaching@mehrwert.example"
LEAD = "projektleitung@mehrwert.example"
PARTNER = "jobcenter@partner.example"
GENERATOR = "mehrwert_quartier.demo.maps.set_locations"


def pinned(doctype: str) -> list[dict]:
	location, _title, _colour_by, area = MAPS[doctype]
	rows = frappe.get_all(doctype, fields=["name", location, area], filters={location: ("is", "set")})
	return [{"name": r.name, "area": r[area], "point": point_of(r[location])} for r in rows]


class TestMaps(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		demo.load(force=True)

	def setUp(self):
		self.lang, frappe.local.lang = frappe.local.lang, "de"  # the demo users' language

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.local.lang = self.lang

	def test_the_locations_are_fields_of_the_five_doctypes(self):
		for doctype, (location, *_rest) in MAPS.items():
			self.assertEqual(frappe.get_meta(doctype).get_field(location).fieldtype, "Geolocation", doctype)
		self.assertEqual(set(BUSINESS_DOCTYPES) | {"Commercial Unit", "Programme Event"}, set(MAPS))

	def test_the_demo_records_lie_inside_their_area(self):
		for doctype in MAPS:
			rows = pinned(doctype)
			self.assertTrue(rows, doctype)
			self.assertEqual({r["area"] for r in rows}, {"Leipziger Osten", "Grünau"}, doctype)
			for row in rows:
				self.assertTrue(AREA_BOUNDS[row["area"]].contains(*row["point"]), row)
		self.assertEqual(len(pinned("Commercial Unit")), 8)
		self.assertEqual(sum(len(pinned(d)) for d in BUSINESS_DOCTYPES), 30)

	def test_the_demo_pins_the_same_places_again_and_keeps_a_moved_pin(self):
		before = {d: pinned(d) for d in MAPS}
		self.assertEqual(set_locations(random.Random(f"{demo.SEED}:{GENERATOR}")), 0)
		unit, area = before["Commercial Unit"][0]["name"], before["Commercial Unit"][0]["area"]
		bounds = AREA_BOUNDS[area]
		moved = point_location((bounds.south + bounds.north) / 2, (bounds.west + bounds.east) / 2)
		frappe.db.set_value("Commercial Unit", unit, "geolocation", moved)
		for doctype in MAPS:
			for row in before[doctype]:
				if row["name"] != unit:
					frappe.db.set_value(doctype, row["name"], MAPS[doctype][0], None, update_modified=False)
		set_locations(random.Random(f"{demo.SEED}:{GENERATOR}"))
		after = {d: pinned(d) for d in MAPS}
		self.assertEqual(frappe.db.get_value("Commercial Unit", unit, "geolocation"), moved)
		for doctype in MAPS:
			expected = [r for r in before[doctype] if r["name"] != unit]
			self.assertEqual([r for r in after[doctype] if r["name"] != unit], expected, doctype)

	def test_the_coach_sees_the_businesses_of_both_areas_coloured_by_business_type(self):
		frappe.set_user(COACH)
		answer = get_coords("Lead")
		features = answer["features"]
		self.assertEqual(len(features), 10)
		self.assertEqual({f["properties"]["area"] for f in features}, {"Leipziger Osten", "Grünau"})
		for feature in features:
			lng, lat = feature["geometry"]["coordinates"]
			self.assertTrue(AREA_BOUNDS[feature["properties"]["area"]].contains(lat, lng))
		gastronomy = [f for f in features if f["properties"]["category"] == "Gastronomy"]
		self.assertEqual({f["properties"]["colour"] for f in gastronomy}, {PALETTE[6]})
		self.assertIn({"label": "Gastronomie", "colour": PALETTE[6]}, answer["mq_legend"]["items"])
		frappe.set_user(LEAD)
		self.assertEqual(len(get_coords("Customer")["features"]), 10)

	def test_the_list_filters_apply_to_the_map(self):
		frappe.set_user(COACH)
		grunau = get_coords(
			"Commercial Unit", json.dumps([["Commercial Unit", "programme_area", "=", "Grünau"]])
		)
		self.assertEqual({f["properties"]["area"] for f in grunau["features"]}, {"Grünau"})
		vacant = get_coords("Commercial Unit", {"status": "Vacant"})["features"]
		on_map = {"status": "Vacant", "geolocation": ("is", "set")}
		self.assertEqual(len(vacant), frappe.db.count("Commercial Unit", on_map))
		self.assertEqual({f["properties"]["colour"] for f in vacant}, {PALETTE[0]})
		self.assertEqual({f["properties"]["category_label"] for f in vacant}, {"Leerstehend"})

	def test_only_readers_of_the_doctype_get_its_map(self):
		frappe.set_user(PARTNER)
		self.assertRaises(frappe.PermissionError, get_coords, "Lead")
		frappe.set_user(COACH)
		self.assertRaises(frappe.ValidationError, get_coords, "User")
		self.assertRaises(frappe.ValidationError, get_coords, "Lead", "42")

	def test_a_location_is_one_marker_inside_leipzig(self):
		unit = frappe.get_doc("Commercial Unit", pinned("Commercial Unit")[0]["name"])
		unit.geolocation = point_location(19.08, 72.8961)  # Frappe's default centre: Mumbai
		self.assertRaisesRegex(frappe.ValidationError, "Leipzig", unit.save)
		lead = frappe.get_doc("Lead", pinned("Lead")[0]["name"])
		line = {"type": "LineString", "coordinates": [[12.40, 51.34], [12.41, 51.35]]}
		lead.set(LOCATION_FIELD, json.dumps({"type": "FeatureCollection", "features": [{"geometry": line}]}))
		self.assertRaises(frappe.ValidationError, lead.save)

	def test_a_customer_made_from_a_lead_keeps_its_place(self):
		lead = frappe.get_doc(
			{
				"doctype": "Lead",
				"company_name": "Kartentest Laden",
				"first_name": "Karte",
				LOCATION_FIELD: point_location(51.3187, 12.2905),
			}
		).insert(ignore_permissions=True)
		customer = frappe.get_doc(
			{
				"doctype": "Customer",
				"customer_name": "Kartentest Laden",
				"customer_type": "Company",
				"lead_name": lead.name,
			}
		).insert(ignore_permissions=True)
		self.assertEqual(point_of(customer.get(LOCATION_FIELD)), (51.3187, 12.2905))
		customer.delete(ignore_permissions=True)
		lead.delete(ignore_permissions=True)
