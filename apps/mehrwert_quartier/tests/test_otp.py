"""The demo users' TOTP codes for the tests never straddle a 30-second window (Frappe checks the current
window only, so a code taken just before its end was refused now and then)."""

import time

import pyotp

from mehrwert_quartier.security import otp

USER = "beratung@mehrwert.example"


def test_a_code_late_in_its_window_waits_for_the_next_window(monkeypatch):
	now = [1_800_000_000 + 29.0]  # one second before a window ends
	slept = []
	monkeypatch.setattr(time, "time", lambda: now[0])
	monkeypatch.setattr(time, "sleep", lambda s: (slept.append(s), now.__setitem__(0, now[0] + s)))
	code = otp.totp(USER)
	assert slept and 1.0 < slept[0] < 1.5
	assert code == pyotp.TOTP(otp.DEMO_OTP_SECRETS[USER]).at(1_800_000_000 + 30)


def test_a_code_early_in_its_window_is_taken_at_once(monkeypatch):
	monkeypatch.setattr(time, "time", lambda: 1_800_000_000 + 5.0)
	monkeypatch.setattr(time, "sleep", lambda s: (_ for _ in ()).throw(AssertionError("slept")))
	assert otp.totp(USER) == pyotp.TOTP(otp.DEMO_OTP_SECRETS[USER]).at(1_800_000_000)
