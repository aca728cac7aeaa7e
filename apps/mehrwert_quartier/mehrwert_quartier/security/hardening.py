"""Settings for special-category data (GDPR Art. 9), set at install and migrate.

Each setting is applied once, and only while it still holds Frappe's default: the keys the app has dealt
with are recorded in the site default ``mq_hardening_applied``, so an administrator's later change (also
back to Frappe's default) is never overwritten by a migrate. See docs/security.md.
"""

import json

import frappe

APPLIED = "mq_hardening_applied"

# System Settings field -> (Frappe's default, the app's value)
SYSTEM_SETTINGS = {
	"session_expiry": ("170:00", "10:00"),  # a working day instead of a week
	"enable_two_factor_auth": ("0", "1"),
	"two_factor_method": ("OTP App", "OTP App"),  # TOTP from an authenticator app, no e-mail or SMS
	"otp_issuer_name": ("Frappe Framework", "MehrWertQuartier"),
	"allow_error_traceback": ("1", "0"),
	"enable_password_policy": ("1", "1"),
	"minimum_password_score": ("2", "3"),
	"login_with_email_link": ("1", "0"),
}
# Frappe's lockout stays as it is (10 failed logins lock the user for 60 s); a test checks it is on.
LOCKOUT = ("allow_consecutive_login_attempts", "allow_login_after_fail")

# roles that read participant data or the restricted social-transfer flag: two-factor authentication.
# Programme Partner (portal, consented shared fields only, command-line client) is left out.
TWO_FACTOR_ROLES = (
	"Counsellor",
	"Business Coach",
	"Project Lead",
	"Data Protection Officer",
	"System Manager",
)


def apply() -> list[str]:
	"""Apply what was not dealt with before; returns the keys changed now."""
	applied = set(json.loads(frappe.db.get_default(APPLIED) or "[]"))
	changed = [key for key in _settings_to_apply(applied) if _set_setting(key)]
	changed += [f"Role:{role}" for role in TWO_FACTOR_ROLES if _require_two_factor(role, applied)]
	applied |= set(SYSTEM_SETTINGS) | {
		f"Role:{role}" for role in TWO_FACTOR_ROLES if frappe.db.exists("Role", role)
	}
	frappe.db.set_default(APPLIED, json.dumps(sorted(applied)))
	return changed


def _settings_to_apply(applied: set[str]) -> list[str]:
	return [key for key in SYSTEM_SETTINGS if key not in applied]


def _set_setting(key: str) -> bool:
	default, value = SYSTEM_SETTINGS[key]
	current = frappe.db.get_single_value("System Settings", key)
	if str(current if current is not None else "") not in (default, "") or str(current) == value:
		return False
	frappe.db.set_single_value("System Settings", key, value)
	return True


def _require_two_factor(role: str, applied: set[str]) -> bool:
	if f"Role:{role}" in applied or not frappe.db.exists("Role", role):
		return False
	if frappe.db.get_value("Role", role, "two_factor_auth"):
		return False
	frappe.db.set_value("Role", role, "two_factor_auth", 1)
	return True
