"""A restricted participant (GDPR Art. 18) stays hidden where Frappe or the app read participants without the
list query: the search bar and the ESF data-quality worklist (found by tests/security/test_restricted_participants.py)."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import random_string
from frappe.utils.global_search import sync_global_search

from mehrwert_quartier.reporting.report.esf_data_quality import esf_data_quality
from mehrwert_quartier.tests.factories import make_participant, make_user
from mehrwert_quartier.tests.route_calls import call


class TestRestrictedParticipantHidden(FrappeTestCase):
	def setUp(self):
		frappe.set_user("Administrator")
		self.last_name = f"Eingeschraenkt{random_string(6).lower()}"
		self.participant = make_participant(last_name=self.last_name)
		sync_global_search()
		self.participant.db_set({"restricted": 1, "esf_complete": 0})  # restricted, with an open ESF issue

	def tearDown(self):
		frappe.set_user("Administrator")

	def as_user(self, role: str, function):
		frappe.set_user(make_user(role))
		try:
			return function()
		finally:
			frappe.set_user("Administrator")

	def search(self) -> list[str]:
		return [hit.name for hit in call("frappe.utils.global_search.search", text=self.last_name)]

	def worklist(self) -> set[str]:
		return {row["participant"] for row in esf_data_quality.execute({})[1]}

	def test_the_search_bar_finds_it_only_for_the_dpo(self):
		self.assertEqual(self.as_user("Counsellor", self.search), [])
		self.assertEqual(self.as_user("Project Lead", self.search), [])
		self.assertEqual(self.as_user("Data Protection Officer", self.search), [self.participant.name])

	def test_the_data_quality_worklist_leaves_it_out_but_for_the_dpo(self):
		self.assertNotIn(self.participant.name, self.as_user("Counsellor", self.worklist))
		self.assertNotIn(self.participant.name, self.as_user("Project Lead", self.worklist))
		self.assertIn(self.participant.name, self.as_user("Data Protection Officer", self.worklist))
