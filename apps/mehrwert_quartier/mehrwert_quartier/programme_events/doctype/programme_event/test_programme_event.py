import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_to_date, now_datetime

from mehrwert_quartier.tests.factories import make_participant, make_user


def make_event(**values):
	start = add_to_date(now_datetime(), days=7)
	doc = frappe.get_doc(
		{
			"doctype": "Programme Event",
			"event_title": "Bewerbungstraining",
			"event_type": "Workshop",
			"service": "QS Arbeit",
			"starts_on": start,
			"ends_on": add_to_date(start, hours=3),
			**values,
		}
	)
	return doc.insert(ignore_permissions=True)


def register(event, participant=None, **values):
	participant = participant or make_participant().name
	doc = frappe.get_doc(
		{"doctype": "Event Registration", "event": event, "participant": participant, **values}
	)
	return doc.insert(ignore_permissions=True)


def status(name):
	return frappe.db.get_value("Event Registration", name, "status")


class TestProgrammeEvent(FrappeTestCase):
	def test_duration_and_bad_dates(self):
		self.assertEqual(make_event().duration_hours, 3)
		start = add_to_date(now_datetime(), days=3)
		with self.assertRaises(frappe.ValidationError):
			make_event(starts_on=start, ends_on=add_to_date(start, hours=-1))

	def test_full_event_puts_registrations_on_the_waitlist_in_order(self):
		event = make_event(capacity=2)
		first, second = register(event.name), register(event.name)
		third, fourth = register(event.name), register(event.name)
		self.assertEqual(
			[r.status for r in (first, second, third, fourth)], ["Registered"] * 2 + ["Waitlisted"] * 2
		)
		self.assertEqual((third.waitlist_position, fourth.waitlist_position), (1, 2))
		event.reload()
		self.assertEqual((event.registered_count, event.waitlist_count), (2, 2))

	def test_cancellation_moves_the_first_waitlisted_up(self):
		event = make_event(capacity=1)
		seat, waiting, later = register(event.name), register(event.name), register(event.name)
		seat.status = "Cancelled"
		seat.save()
		self.assertEqual(status(waiting.name), "Registered")
		self.assertEqual(status(later.name), "Waitlisted")

	def test_more_capacity_moves_waitlist_up_and_capacity_cannot_drop_below_seats(self):
		event = make_event(capacity=1)
		register(event.name)
		waiting = register(event.name)
		event.capacity = 2
		event.save()
		self.assertEqual(status(waiting.name), "Registered")
		event.capacity = 1
		with self.assertRaises(frappe.ValidationError):
			event.save()

	def test_no_double_registration(self):
		event = make_event()
		participant = make_participant().name
		register(event.name, participant)
		with self.assertRaises(frappe.DuplicateEntryError):
			register(event.name, participant)

	def test_attendance_hours_count_toward_contact_hours(self):
		participant = make_participant().name
		first, second = make_event(), make_event()
		a = register(first.name, participant)
		a.status = "Attended"
		a.save()
		self.assertEqual(a.attended_hours, 3)
		b = register(second.name, participant)
		b.status = "Attended"
		b.attended_hours = 1.5
		b.save()
		self.assertEqual(frappe.db.get_value("Participant", participant, "event_hours"), 4.5)
		frappe.get_doc(
			{
				"doctype": "Consultation",
				"participant": participant,
				"consultation_date": "2026-01-05",
				"duration_minutes": 90,
				"counsellor": "Administrator",
				"consultation_type": "First contact",
				"channel": "Walk-in",
			}
		).insert(ignore_permissions=True)
		self.assertEqual(frappe.db.get_value("Participant", participant, "contact_hours"), 6)
		b.attended_hours = 4
		with self.assertRaises(frappe.ValidationError):
			b.save()

	def test_no_registration_after_the_event_was_held(self):
		event = make_event()
		frappe.db.set_value("Programme Event", event.name, "status", "Held")
		with self.assertRaises(frappe.ValidationError):
			register(event.name)

	def test_workflow_steps_per_role(self):
		from frappe.model.workflow import apply_workflow

		event = make_event()
		self.assertEqual(event.status, "Planned")
		frappe.set_user(make_user("Counsellor"))
		try:
			event = apply_workflow(frappe.get_doc("Programme Event", event.name), "Open Registration")
			self.assertEqual(event.status, "Open for Registration")
			event = apply_workflow(event, "Mark as Held")
			self.assertEqual(event.status, "Held")
		finally:
			frappe.set_user("Administrator")
		frappe.set_user(make_user("Data Protection Officer"))
		try:
			with self.assertRaises(frappe.exceptions.ValidationError):
				apply_workflow(frappe.get_doc("Programme Event", event.name), "Mark as Documented")
		finally:
			frappe.set_user("Administrator")

	def test_attendance_sheet_prints_the_attendees(self):
		event = make_event()
		participant = make_participant(first_name="Leyla", last_name="Haddad")
		register(event.name, participant.name)
		html = frappe.get_print("Programme Event", event.name, print_format="Attendance Sheet")
		self.assertIn("Leyla Haddad", html)
