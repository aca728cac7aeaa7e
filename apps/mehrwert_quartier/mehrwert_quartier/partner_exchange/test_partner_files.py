"""Issue 12: partner-shaped files (testdata_partner.py) through the REST upload, as staff or as the partner.

For each file: the proposed mapping is right for at least 90 % of the columns without a click, the good rows
import exactly (programme area from the postcode), each bad row ends in a row message, and the second file of
a shape needs no mapping step; a file that needs the mapping step is mapped once, and the next one of its
shape is mapped by the Import Profile without a click.
"""

import base64
import json

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, getdate, random_string

from mehrwert_quartier.partner_exchange import api
from mehrwert_quartier.partner_exchange.test_partner_scope import make_partner
from mehrwert_quartier.partner_exchange.testdata import csv_bytes
from mehrwert_quartier.partner_exchange.testdata_partner import Context, partner_corpus
from mehrwert_quartier.qs_arbeit.doctype.referral.test_referral import make_referral
from mehrwert_quartier.tests.factories import make_participant, make_training_offer, make_training_provider


def make_event(title: str, day: str, organisation: str):
	return frappe.get_doc(
		{
			"doctype": "Programme Event",
			"event_title": title,
			"event_type": "Workshop",
			"service": "QS Arbeit",
			"starts_on": f"{day} 10:00:00",
			"ends_on": f"{day} 14:00:00",
			"partner_organisation": organisation,
			"capacity": 20,
		}
	).insert(ignore_permissions=True)


def register(event: str, participant: str):
	return frappe.get_doc(
		{
			"doctype": "Event Registration",
			"event": event,
			"attendee_type": "Participant",
			"participant": participant,
		}
	).insert(ignore_permissions=True)


def row_messages(batch) -> dict[int, list[str]]:
	changes = json.loads(batch.changes or "[]")
	return {c["row"]: c["errors"] for c in changes if c.get("errors")}


class TestPartnerFiles(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.user, cls.org = make_partner()
		provider = make_training_provider(partner_organisation=cls.org).name
		tag = random_string(4)
		people = []
		for i in range(5):
			birth = f"19{80 + i}-0{i + 1}-1{i}"
			p = make_participant(last_name=f"Partner{tag}{i}", first_name=f"Eva{i}", date_of_birth=birth)
			people.append(p)
		offers = [make_training_offer(provider=provider, offer_title=f"Kurs {tag} {i}") for i in range(3)]
		day = add_days(getdate(), 10)
		events = [make_event(f"Workshop {tag} {i}", str(add_days(day, i)), cls.org) for i in range(3)]
		for event in events:
			for person in people[:3]:
				register(event.name, person.name)
		for offer in offers:
			for person in people[:3]:
				referral = make_referral(participant=person.name, offer=offer.name)
				for status in ("Applied", "Accepted", "Started"):
					referral.status = status
					referral.save(ignore_permissions=True)
		cls.people = people
		cls.context = Context(
			people=[(p.last_name, p.first_name, str(p.date_of_birth)) for p in people],
			events=[(e.event_title, str(getdate(e.starts_on))) for e in events],
			offers=[(o.offer_title, o.provider) for o in offers],
			tag=tag,
			start=str(getdate()),
		)
		cls.files = partner_corpus(cls.context)

	def tearDown(self):
		frappe.set_user("Administrator")

	def upload(self, case: str, **kwargs) -> dict:
		item = self.files[case]
		frappe.set_user(self.user if item.as_partner else "Administrator")
		organisation = None if item.as_partner else self.org
		data = base64.b64encode(item.content).decode()
		return api.upload(
			item.doctype,
			item.filename,
			data,
			partner_organisation=organisation,
			valid_rows_only=True,
			import_rows=True,
			**kwargs,
		)

	def test_the_corpus_has_fifteen_partner_shaped_files(self):
		self.assertGreaterEqual(len(self.files), 15)
		self.assertGreaterEqual(len({f.doctype for f in self.files.values()}), 4)

	def test_every_partner_file_is_mapped_without_a_click_and_imports_its_good_rows_exactly(self):
		for case, item in self.files.items():
			with self.subTest(case=case):
				result = self.upload(case)
				frappe.set_user("Administrator")
				batch = frappe.get_doc("Import Batch", result["name"])
				self.assertNotEqual(batch.status, "Needs Mapping", (case, result["messages"]))
				proposal = json.loads(batch.mapping)
				proposed = {c["header"]: c["fieldname"] for c in proposal["columns"]}
				right = [h for h, f in item.columns.items() if proposed.get(h) == f]
				self.assertGreaterEqual(len(right) / len(item.columns), 0.9, (case, proposed))
				self.assertEqual(batch.status, "Imported", (case, result["messages"], row_messages(batch)))
				done = batch.new_rows + batch.updated_rows + batch.unchanged_rows
				self.assertEqual(done, item.good, (case, row_messages(batch)))
				messages = row_messages(batch)
				self.assertEqual(sorted(messages), item.bad, (case, messages))
				self.assertTrue(all(" / " in m for ms in messages.values() for m in ms))
				self.assertTrue(result["messages"], "skipped rows and the header row are reported")

	def test_good_rows_hold_exactly_what_the_file_says(self):
		self.upload("jobcenter_april")
		tag = self.context.tag
		anna = frappe.get_doc("Participant", {"last_name": f"Jc{tag}Apr0"})
		self.assertEqual(
			(str(anna.date_of_birth), anna.gender, anna.postcode, anna.programme_area, anna.isced_level),
			("1985-03-12", "Female", "04315", "Leipziger Osten", "ISCED 2"),
		)
		# months of unemployment are text since issue 13 (a blank stays unknown)
		self.assertEqual((anna.unemployment_months, str(anna.entry_date)), ("134", "2026-03-01"))
		born = [
			str(frappe.db.get_value("Participant", {"last_name": f"Jc{tag}Apr{i}"}, "date_of_birth"))
			for i in range(5)
		]
		self.assertEqual(born, ["1985-03-12", "1990-07-01", "1979-04-03", "1995-05-05", "1988-05-05"])
		second = frappe.get_doc("Participant", {"last_name": f"Jc{tag}Apr1"})
		self.assertEqual(
			(second.programme_area, second.isced_level, second.gender), ("Grünau", "ISCED 4", "Male")
		)
		self.upload("lwb_april")
		unit = frappe.get_doc("Commercial Unit", {"unit_title": f"GE-{tag}-Apr-1"})
		self.assertEqual(
			(unit.programme_area, unit.floor_space, unit.monthly_rent, unit.use_type, unit.status),
			("Grünau", 86.5, 1210.0, "Office", "Vacant"),
		)

	def test_an_attendance_list_marks_the_registrations_of_the_event_named_in_its_title(self):
		result = self.upload("attendance_second")
		frappe.set_user("Administrator")
		self.assertEqual(result["status"], "Imported", result["messages"])
		title = self.context.events[1][0]
		event = frappe.db.get_value("Programme Event", {"event_title": title})
		rows = frappe.get_all(
			"Event Registration",
			filters={"event": event, "participant": ("in", [p.name for p in self.people[:3]])},
			fields=["status", "attended_hours"],
		)
		self.assertEqual({(r.status, r.attended_hours) for r in rows}, {("Attended", 3.5)})
		self.assertTrue(any(title in m for m in result["messages"]), result["messages"])
		errors = [
			m for ms in row_messages(frappe.get_doc("Import Batch", result["name"])).values() for m in ms
		]
		self.assertTrue(any("Niemand" in m for m in errors), errors)
		self.assertFalse(frappe.db.exists("Participant", {"last_name": "Niemand"}))

	def test_a_file_that_needs_the_mapping_step_is_mapped_once_and_the_next_one_by_its_profile(self):
		rows = [
			["Nachn.", "Vorname", "Geburtsdatum", "Geschl."],
			[f"Map{random_string(5)}", "Ida", "01.02.1990", "w"],
		]
		frappe.set_user("Administrator")
		data = base64.b64encode(csv_bytes(rows)).decode()
		first = api.upload("Participant", "liste.csv", data, partner_organisation=self.org)
		self.assertEqual(first["status"], "Needs Mapping")
		columns = {c["header"]: c for c in first["mapping"]["columns"]}
		self.assertIsNone(columns["Nachn."]["fieldname"])
		self.assertIn("last_name", first["mapping"]["missing"])
		batch = frappe.get_doc("Import Batch", first["name"])
		outcome = batch.confirm_mapping({"columns": {"Nachn.": "last_name", "Geschl.": "gender"}})
		self.assertEqual((outcome["status"], batch.status), ("Validated", "Validated"))
		self.assertTrue(batch.import_profile)
		rows[1][0] = f"Map{random_string(5)}"
		second = api.upload(
			"Participant",
			"liste2.csv",
			base64.b64encode(csv_bytes(rows)).decode(),
			partner_organisation=self.org,
			import_rows=True,
		)
		self.assertEqual((second["status"], second["import_profile"]), ("Imported", batch.import_profile))
		self.assertTrue(frappe.db.exists("Participant", {"last_name": rows[1][0], "gender": "Female"}))
		# another organisation's uploads do not use it
		third = api.upload("Participant", "liste3.csv", data)
		self.assertEqual(third["status"], "Needs Mapping")

	def test_a_profile_or_a_mapping_can_be_given_on_upload(self):
		rows = [["Nachn.", "Vorname", "Geburtsdatum"], [f"Given{random_string(5)}", "Ida", "01.02.1990"]]
		data = base64.b64encode(csv_bytes(rows)).decode()
		result = api.upload(
			"Participant", "l.csv", data, mapping=json.dumps({"columns": {"Nachn.": "last_name"}})
		)
		self.assertEqual(result["status"], "Validated", result["messages"])
		with self.assertRaises(frappe.ValidationError):
			api.upload(
				"Participant", "l.csv", data, mapping=json.dumps({"columns": {"Nachn.": "no_such_field"}})
			)


class TestBusinessByNameAndPostcode(FrappeTestCase):
	def test_a_business_is_found_by_its_name_and_the_postcode_of_its_address(self):
		from mehrwert_quartier.tests.factories import make_customer

		frappe.set_user("Administrator")
		name = f"Bäckerei {random_string(6)}"
		east, west = make_customer(customer_name=name), make_customer(customer_name=name)
		for customer, postcode in ((east, "04315"), (west, "04209")):
			frappe.get_doc(
				{
					"doctype": "Address",
					"address_title": name,
					"address_line1": "Ring 1",
					"city": "Leipzig",
					"pincode": postcode,
					"country": frappe.db.get_value("Country", {"code": "de"}) or "Germany",
					"links": [{"link_doctype": "Customer", "link_name": customer.name}],
				}
			).insert(ignore_permissions=True)
		rows = [
			["Unternehmen", "PLZ", "Art des Unternehmens", "Fallart"],
			[name, "04209", "Customer", "Business Support"],
			[name, "", "Customer", "Business Support"],
			["Gibt es nicht GmbH", "04315", "Customer", "Business Support"],
		]
		data = base64.b64encode(csv_bytes(rows)).decode()
		result = api.upload(
			"Enterprise Support Case", "faelle.csv", data, valid_rows_only=True, import_rows=True
		)
		batch = frappe.get_doc("Import Batch", result["name"])
		self.assertEqual(
			(batch.status, batch.new_rows, batch.error_rows), ("Imported", 1, 2), row_messages(batch)
		)
		self.assertTrue(frappe.db.exists("Enterprise Support Case", {"business": west.name}))
		messages = row_messages(batch)
		self.assertIn("nicht eindeutig", messages[3][0])
		self.assertIn(east.name, messages[3][0])
		self.assertIn(west.name, messages[3][0])
		self.assertIn("Gibt es nicht GmbH", messages[4][0])
