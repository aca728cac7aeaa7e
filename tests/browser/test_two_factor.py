"""Two-factor authentication on the login page: a counsellor types the code of the authenticator app."""

import re

from conftest import DEMO_PASSWORD
from mehrwert_quartier.security.otp import totp
from playwright.sync_api import expect

COUNSELLOR = "beratung@mehrwert.example"


def test_a_counsellor_logs_in_with_a_totp_code(page, base_url):
	page.goto(f"{base_url}/login")
	page.fill("#login_email", COUNSELLOR)
	page.fill("#login_password", DEMO_PASSWORD)
	page.click(".btn-login")
	expect(page.locator("#login_token")).to_be_visible()
	assert "/app" not in page.url
	page.fill("#login_token", "000000" if totp(COUNSELLOR) != "000000" else "111111")
	page.click("#verify_token")
	page.wait_for_timeout(1000)
	assert "/app" not in page.url, "a wrong code logs in"
	page.goto(f"{base_url}/login")
	page.fill("#login_email", COUNSELLOR)
	page.fill("#login_password", DEMO_PASSWORD)
	page.click(".btn-login")
	page.fill("#login_token", totp(COUNSELLOR))
	page.click("#verify_token")
	page.wait_for_url(re.compile(r"/app"))
