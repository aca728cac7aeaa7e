"""The settings for special-category data are in place after install, and a migrate keeps the admin's."""

import frappe
from frappe.tests.utils import FrappeTestCase

from mehrwert_quartier.security import hardening


class TestHardening(FrappeTestCase):
	def test_settings_after_install(self):
		settings = frappe.get_single("System Settings")
		self.assertEqual(settings.session_expiry, "10:00")
		self.assertEqual(settings.enable_two_factor_auth, 1)
		self.assertEqual(settings.two_factor_method, "OTP App")
		self.assertEqual(settings.allow_error_traceback, 0)
		self.assertEqual(settings.enable_password_policy, 1)
		self.assertGreaterEqual(int(settings.minimum_password_score), 3)
		self.assertEqual(settings.login_with_email_link, 0)
		self.assertGreater(settings.allow_consecutive_login_attempts, 0)
		self.assertGreater(settings.allow_login_after_fail, 0)
		self.assertFalse(settings.bypass_2fa_for_retricted_ip_users)
		self.assertFalse(settings.bypass_restrict_ip_check_if_2fa_enabled)

	def test_two_factor_for_every_role_reading_participant_data(self):
		for role in hardening.TWO_FACTOR_ROLES:
			self.assertEqual(frappe.db.get_value("Role", role, "two_factor_auth"), 1, role)
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": "zweifaktor@mehrwert.example",
				"first_name": "Zwei",
				"send_welcome_email": 0,
			}
		)
		user.append_roles("Counsellor")
		user.insert(ignore_permissions=True)
		from frappe.twofactor import should_run_2fa

		self.assertTrue(should_run_2fa(user.name))
		self.assertFalse(should_run_2fa("Administrator"))

	def test_the_demo_password_passes_the_policy(self):
		from frappe.core.doctype.user.user import test_password_strength

		from mehrwert_quartier.demo.programme import DEMO_PASSWORD

		self.assertTrue(
			test_password_strength(DEMO_PASSWORD)["feedback"]["password_policy_validation_passed"]
		)
		self.assertFalse(test_password_strength("leipzig1")["feedback"]["password_policy_validation_passed"])

	def test_a_migrate_keeps_the_administrators_choice(self):
		frappe.db.set_single_value("System Settings", "session_expiry", "06:00")
		frappe.db.set_single_value("System Settings", "allow_error_traceback", 1)
		frappe.db.set_value("Role", "Business Coach", "two_factor_auth", 0)
		try:
			self.assertEqual(hardening.apply(), [])
			self.assertEqual(frappe.db.get_single_value("System Settings", "session_expiry"), "06:00")
			self.assertEqual(frappe.db.get_single_value("System Settings", "allow_error_traceback"), 1)
			self.assertEqual(frappe.db.get_value("Role", "Business Coach", "two_factor_auth"), 0)
		finally:
			frappe.db.rollback()
