"""Issue 15, the rest (docs/desk.md): the daily digest of overdue ToDos in the bell, the Kanban cards' fields,
ERPNext's sales fields hidden on the Opportunity, the support case's business search, readable event names."""

import json
from urllib.parse import parse_qs, urlsplit

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, random_string, today

from mehrwert_quartier import reminders
from mehrwert_quartier.qs_wirtschaft import b2b_setup, opportunity_form
from mehrwert_quartier.qs_wirtschaft.business_search import search_businesses
from mehrwert_quartier.tests.factories import make_customer, make_lead, make_user, unique

DIGEST_JOB = "mehrwert_quartier.reminders.daily_digest"


def make_todo(user: str, date: str, status: str = "Open") -> str:
	doc = {
		"doctype": "ToDo",
		"allocated_to": user,
		"date": date,
		"status": status,
		"description": unique("Wv"),
	}
	return frappe.get_doc(doc).insert(ignore_permissions=True).name


def digests(user: str) -> list[dict]:
	return frappe.get_all(
		"Notification Log", filters={"for_user": user}, fields=["subject", "link", "type", "read"]
	)


class TestDailyDigest(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_the_digest_is_a_daily_job(self):
		job = frappe.get_doc("Scheduled Job Type", {"method": DIGEST_JOB})
		self.assertEqual(job.frequency, "Daily")

	def test_one_bell_entry_in_german_linking_to_the_overdue_todos(self):
		user = make_user("Counsellor")
		for days in (-30, -3):
			make_todo(user, add_days(today(), days))
		make_todo(user, add_days(today(), 5))  # not due yet
		make_todo(user, add_days(today(), -10), status="Closed")  # done
		frappe.get_doc("Scheduled Job Type", {"method": DIGEST_JOB}).execute()
		[entry] = digests(user)
		self.assertIn("2 überfällige Wiedervorlagen", entry.subject)
		self.assertEqual(entry.type, "Alert")
		url = urlsplit(entry.link)
		self.assertEqual(url.path, "/app/todo")
		query = {k: v[0] for k, v in parse_qs(url.query).items()}
		self.assertEqual(query["allocated_to"], user)
		self.assertEqual(query["status"], "Open")
		self.assertEqual(json.loads(query["date"]), ["<", today()])
		frappe.set_user(user)  # the ToDos the link shows
		shown = frappe.get_list(
			"ToDo", filters={k: json.loads(v) if k == "date" else v for k, v in query.items()}
		)
		self.assertEqual(len(shown), 2)

	def test_the_job_twice_a_day_makes_one_entry(self):
		user = make_user("Business Coach")
		make_todo(user, add_days(today(), -1))
		reminders.daily_digest()
		reminders.daily_digest()
		[entry] = digests(user)
		self.assertIn("eine überfällige Wiedervorlage", entry.subject)

	def test_no_entry_without_overdue_todos_nor_for_disabled_users(self):
		relaxed, gone = make_user("Counsellor"), make_user("Counsellor")
		make_todo(relaxed, add_days(today(), 1))
		make_todo(gone, add_days(today(), -1))
		frappe.db.set_value("User", gone, "enabled", 0)
		reminders.daily_digest()
		self.assertEqual(digests(relaxed), [])
		self.assertEqual(digests(gone), [])

	def test_muted_emails_give_the_bell_entry_and_no_error(self):
		"""With e-mails muted Frappe's outgoing account is a dummy without an address: no e-mail, no error."""
		frappe.local.outgoing_email_account = {}
		muted, frappe.flags.mute_emails = frappe.flags.mute_emails, True
		self.addCleanup(setattr, frappe.flags, "mute_emails", muted)
		self.addCleanup(lambda: setattr(frappe.local, "outgoing_email_account", {}))
		logged = frappe.db.count("Error Log")
		user = make_user("Counsellor")
		make_todo(user, add_days(today(), -2))
		reminders.daily_digest()
		self.assertEqual(len(digests(user)), 1)
		self.assertEqual(frappe.get_all("Email Queue Recipient", filters={"recipient": user}), [])
		self.assertEqual(frappe.db.count("Error Log"), logged)

	def test_an_email_digest_is_queued_where_the_site_sends_email(self):
		account = frappe.get_doc(
			{
				"doctype": "Email Account",
				"email_account_name": unique("Digest"),
				"email_id": f"{random_string(8).lower()}@test.mehrwert.example",
				"enable_outgoing": 1,
				"default_outgoing": 1,
				"smtp_server": "localhost",
				"no_smtp_authentication": 1,
			}
		).insert(ignore_permissions=True)
		# Frappe caches the outgoing account per process (frappe.local): another test may have left one there
		frappe.local.outgoing_email_account = {}
		self.addCleanup(lambda: setattr(frappe.local, "outgoing_email_account", {}))
		self.addCleanup(frappe.delete_doc, "Email Account", account.name, force=True)
		user = make_user("Counsellor")
		make_todo(user, add_days(today(), -2))
		reminders.daily_digest()
		queued = frappe.get_all(
			"Email Queue Recipient", filters={"recipient": user}, fields=["parent"], pluck="parent"
		)
		self.assertTrue(queued)
		message = frappe.db.get_value("Email Queue", queued[0], "message")
		self.assertIn("app/todo", message.replace("=\n", ""))


class TestOpportunityDesk(FrappeTestCase):
	def test_kanban_cards_show_type_area_and_coach(self):
		fields = json.loads(frappe.db.get_value("Kanban Board", b2b_setup.KANBAN_BOARD, "fields") or "[]")
		self.assertEqual(fields, ["opportunity_type", "mq_programme_area", "opportunity_owner"])

	def test_sales_fields_are_hidden_not_removed_nor_mandatory(self):
		meta = frappe.get_meta("Opportunity")
		for fieldname in ("no_of_employees", "opportunity_amount", "items", "territory", "source"):
			df = meta.get_field(fieldname)
			self.assertTrue(df.hidden, fieldname)
			self.assertFalse(df.reqd, fieldname)
		for fieldname in ("mq_employees", "opportunity_type", "sales_stage", "opportunity_owner"):
			self.assertFalse(meta.get_field(fieldname).hidden, fieldname)
		self.assertEqual(opportunity_form.hide_sales_fields(), [])  # migrate again: nothing new

	def test_uninstall_shows_the_fields_again_and_migrate_hides_them(self):
		opportunity_form.show_sales_fields()
		self.assertFalse(frappe.get_meta("Opportunity").get_field("no_of_employees").hidden)
		self.assertIn("no_of_employees", opportunity_form.hide_sales_fields())
		self.assertTrue(frappe.get_meta("Opportunity").get_field("no_of_employees").hidden)


class TestBusinessSearch(FrappeTestCase):
	def tearDown(self):
		frappe.set_user("Administrator")

	def test_a_business_is_found_as_lead_or_customer_with_its_type(self):
		word = f"Suchbetrieb{random_string(6)}"
		lead = make_lead(company_name=f"Bäckerei {word}")
		customer = make_customer(customer_name=f"Café {word}")
		frappe.set_user(make_user("Business Coach"))
		found = {(r["doctype"], r["name"]) for r in search_businesses(word)}
		self.assertEqual(found, {("Lead", lead.name), ("Customer", customer.name)})
		[row] = [r for r in search_businesses(word) if r["doctype"] == "Lead"]
		self.assertEqual(row["value"], f"Lead|{lead.name}")
		self.assertTrue(row["label"].startswith(f"Bäckerei {word} ("))

	def test_only_for_those_who_may_read_support_cases(self):
		make_lead(company_name=f"Geheim {random_string(6)}")
		frappe.set_user(make_user("Counsellor"))
		self.assertRaises(frappe.PermissionError, search_businesses, "Geheim")

	def test_wildcards_and_quotes_are_text(self):
		frappe.set_user(make_user("Business Coach"))
		self.assertEqual(search_businesses("x' or '1'='1"), [])


class TestReadableEventNames(FrappeTestCase):
	def test_a_new_programme_event_is_numbered(self):
		from mehrwert_quartier.programme_events.doctype.programme_event.test_programme_event import make_event

		self.assertRegex(make_event().name, r"^VA-\d{4}-\d{5}$")
