"""Browser layer: Playwright for Python driving Debian's chromium (never a downloaded browser)."""

import os
import re
import secrets
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DEMO_PASSWORD = "mwq-demo-2026"


@pytest.fixture(scope="session")
def base_url() -> str:
	return os.environ.get("MQ_BASE_URL", "http://test.mehrwert.localhost:8011")


@pytest.fixture(scope="session")
def browser():
	executable = shutil.which("chromium") or "/usr/bin/chromium"
	with sync_playwright() as p:
		browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
		yield browser
		browser.close()


@pytest.fixture
def page(browser):
	context = browser.new_context(locale="de-DE", viewport={"width": 1366, "height": 900})
	page = context.new_page()
	page.set_default_timeout(30000)
	page.errors = []
	page.on("pageerror", lambda error: page.errors.append(f"pageerror: {error}"))
	page.on("console", lambda msg: msg.type == "error" and page.errors.append(f"console: {msg.text}"))
	yield page
	context.close()


def login(page, base_url: str, user: str, password: str = DEMO_PASSWORD) -> None:
	"""Log in through the login form, as a person would; staff type the code of their authenticator app
	(two-factor authentication, docs/security.md), computed from the demo user's TOTP secret."""
	from mehrwert_quartier.security.otp import DEMO_OTP_SECRETS, totp

	page.goto(f"{base_url}/login")
	page.fill("#login_email", user)
	page.fill("#login_password", password)
	page.click(".btn-login")
	if password != DEMO_PASSWORD:
		return
	if user in DEMO_OTP_SECRETS:
		page.fill("#login_token", totp(user))
		page.click("#verify_token")
	# logged in once the login page has sent the browser on (desk, portal): tests go on from there
	page.wait_for_url(lambda url: "/login" not in url, timeout=60000)


RESULTS = Path(os.environ.get("MQ_RESULTS_DIR") or Path(__file__).resolve().parents[2] / ".test-results")


def desk(page, base_url: str, user: str = "beratung@mehrwert.example") -> None:
	"""Log in and wait until the desk's client is ready and idle."""
	login(page, base_url, user)
	page.wait_for_url(re.compile(r"/app"))
	page.wait_for_function("() => window.frappe && frappe.boot && frappe.xcall")
	page.wait_for_load_state("networkidle")


def insert(page, doc: dict) -> dict:
	"""Test data through the desk's own client (the logged-in user's permissions)."""
	return page.evaluate("(doc) => frappe.xcall('frappe.client.insert', {doc})", doc)


def new_participant(page, first_name: str = "Probe", **values) -> dict:
	"""A participant in Leipziger Osten with a unique last name."""
	doc = {
		"doctype": "Participant",
		"first_name": first_name,
		"last_name": f"Testperson{secrets.token_hex(3)}",
		"postcode": "04315",
		"address_line": "Eisenbahnstraße 1",
	}
	return insert(page, {**doc, **values})


def guide_shot(page, name: str) -> None:
	"""A picture for the user guide (docs/guide/): written to $MQ_RESULTS_DIR/guide/, never into the
	repository; `make guide` copies the pictures of the last browser run to docs/guide/img/."""
	folder = RESULTS / "guide"
	folder.mkdir(parents=True, exist_ok=True)
	page.wait_for_timeout(300)
	page.screenshot(path=str(folder / f"{name}.png"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
	"""On a failure, keep a screenshot and the page's HTML in .test-results/screenshots/."""
	outcome = yield
	report = outcome.get_result()
	page = item.funcargs.get("page")
	if report.when == "call" and report.failed and page is not None:
		from pathlib import Path

		shots = Path(__file__).resolve().parents[2] / ".test-results" / "screenshots"
		shots.mkdir(parents=True, exist_ok=True)
		page.screenshot(path=str(shots / f"FAILED-{item.name}.png"))
		(shots / f"FAILED-{item.name}.html").write_text(page.content(), encoding="utf-8")
		(shots / f"FAILED-{item.name}.log").write_text("\n".join(page.errors), encoding="utf-8")
