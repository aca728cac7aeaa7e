"""Security layer: requests sessions logged in as each demo role against the running test server."""

import os

import pytest
import requests
from mehrwert_quartier.security.otp import DEMO_OTP_SECRETS, totp
from mehrwert_quartier.security.promises import ROLES

DEMO_PASSWORD = "mwq-demo-2026"
TIMEOUT = 60


class Session(requests.Session):
	"""A session bound to the test server: relative paths, JSON answers, never raises on a status."""

	def __init__(self, base_url: str):
		super().__init__()
		self.base_url = base_url
		self.headers["Accept"] = "application/json"

	def request(self, method, url, *args, **kwargs):
		kwargs.setdefault("timeout", TIMEOUT)
		return super().request(method, self.base_url + url, *args, **kwargs)

	def method(self, path: str, **data) -> requests.Response:
		"""POST a whitelisted method with form data (lists and dicts as JSON)."""
		import json

		form = {k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in data.items()}
		return self.post(f"/api/method/{path}", data=form)


def login(base_url: str, user: str, password: str = DEMO_PASSWORD) -> Session:
	session = Session(base_url)
	if user == "Guest":
		return session
	answer = session.post("/api/method/login", data={"usr": user, "pwd": password})
	assert answer.status_code == 200, answer.text
	if "tmp_id" in answer.json():
		assert user in DEMO_OTP_SECRETS, f"{user} is asked for a second factor"
		answer = session.post(
			"/api/method/login", data={"tmp_id": answer.json()["tmp_id"], "otp": totp(user)}
		)
		assert answer.status_code == 200, answer.text
	return session


@pytest.fixture(scope="session")
def base_url() -> str:
	return os.environ.get("MQ_BASE_URL", "http://test.mehrwert.localhost:8011")


@pytest.fixture(scope="session")
def admin(base_url) -> Session:
	return login(base_url, "Administrator", os.environ.get("MQ_ADMIN_PASSWORD", "admin"))


@pytest.fixture(scope="session")
def sessions(base_url) -> dict[str, Session]:
	"""role -> a logged-in session of its demo user (Guest: not logged in)."""
	return {role: login(base_url, user) for role, user in ROLES.items()}


def refused(answer: requests.Response) -> bool:
	"""Frappe refused the call for lack of permission (or a login)."""
	return answer.status_code in (401, 403)


def message(answer: requests.Response):
	return answer.json().get("message") if answer.status_code == 200 else None
