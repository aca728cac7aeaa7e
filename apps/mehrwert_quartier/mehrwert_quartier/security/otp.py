"""TOTP for the demo users: fixed secrets, so that the demo site and the tests can log in with 2FA.

Only for the demo data: real users enrol through Frappe's own flow (QR code at the first login).
"""

import frappe

# base32 secrets of the demo staff users (public like the demo password; never use them on a real site)
DEMO_OTP_SECRETS = {
	"beratung@mehrwert.example": "MWQDEMOBERATUNG2",
	"coaching@mehrwert.example": "MWQDEMOCOACHING2",
	"projektleitung@mehrwert.example": "MWQDEMOPROJEKT22",
	"datenschutz@mehrwert.example": "MWQDEMODATENSCH2",
}


def totp(user: str, margin: float = 3.0) -> str:
	"""The current code of a demo user. Frappe checks a code against the current 30-second window only: a
	code taken in the last ``margin`` seconds of its window is waited out, so that the server never
	receives it in the next window (a login refused now and then)."""
	import time

	import pyotp

	code = pyotp.TOTP(DEMO_OTP_SECRETS[user])
	left = code.interval - time.time() % code.interval
	if left < margin:
		time.sleep(left + 0.2)
	return code.at(time.time())


def set_demo_secret(user: str) -> None:
	"""Store the demo user's fixed secret where Frappe keeps it and mark the enrolment as done."""
	from frappe.twofactor import get_default, set_default
	from frappe.utils.password import decrypt, encrypt

	secret = DEMO_OTP_SECRETS.get(user)
	if not secret:
		return
	stored = get_default(user + "_otpsecret")
	if not stored or decrypt(stored) != secret:
		set_default(user + "_otpsecret", encrypt(secret))
	set_default(user + "_otplogin", 1)


def print_demo_secrets() -> None:
	"""For `make run`: the demo users' secrets as otpauth URIs (add them to an authenticator app)."""
	import pyotp

	issuer = frappe.db.get_single_value("System Settings", "otp_issuer_name") or "MehrWertQuartier"
	for user, secret in DEMO_OTP_SECRETS.items():
		set_demo_secret(user)
		print(f"{user}  {secret}  {pyotp.TOTP(secret).provisioning_uri(user, issuer_name=issuer)}")
	frappe.db.commit()
