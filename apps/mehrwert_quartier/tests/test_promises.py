"""The README's permission section is generated from the promise table (security/promises.py)."""

from pathlib import Path

from mehrwert_quartier.security.promises import ACTIONS, END, PROMISES, ROLES, START, cells, readme_section

README = Path(__file__).resolve().parents[3] / "README.md"


def test_readme_section_is_the_promise_table():
	text = README.read_text(encoding="utf-8")
	assert START in text and END in text
	section = START + text.split(START, 1)[1].split(END, 1)[0] + END
	assert section == readme_section(), "run: env/bin/python -m mehrwert_quartier.security.promises README.md"


def test_every_cell_is_a_known_role_and_action():
	for promised in PROMISES.values():
		assert set(promised) <= set(ROLES)
		assert all(set(letters) <= set(ACTIONS) for letters in promised.values())
		# printing and counting follow reading in Frappe
		assert all(("r" in v) == ("p" in v) == ("n" in v) for v in promised.values())
	assert len(cells()) == len(PROMISES) * len(ROLES) * len(ACTIONS)
