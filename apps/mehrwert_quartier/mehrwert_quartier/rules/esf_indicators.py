"""ESF Plus common indicators (Regulation (EU) 2021/1057, Annex I) counted from participant records.

Every figure is split by gender. Only participants whose mandatory entry data is complete are counted;
the caller passes only those (see participant.esf_counted_filters).
"""

from collections.abc import Callable, Iterable
from datetime import date

GENDERS = ("Female", "Male", "Non-binary")
ISCED = {
	f"ISCED {n}": band
	for n, band in [
		(0, "0-2"),
		(1, "0-2"),
		(2, "0-2"),
		(3, "3-4"),
		(4, "3-4"),
		(5, "5-8"),
		(6, "5-8"),
		(7, "5-8"),
		(8, "5-8"),
	]
}
EMPLOYED = ("Employed", "Self-employed")


def age_at(born: date | None, day: date | None) -> int | None:
	if not born or not day:
		return None
	return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _age(p: dict) -> int | None:
	"""From the date of birth; an anonymised participant keeps only the age at entry."""
	age = age_at(p.get("date_of_birth"), p.get("entry_date"))
	return age if age is not None else p.get("age_at_entry")


# indicator (English label, translated by the report) -> test on one participant
OUTPUT_INDICATORS: dict[str, Callable[[dict], bool]] = {
	"Unemployed, including long-term unemployed": lambda p: p.get("labour_market_status") == "Unemployed",
	"Long-term unemployed": lambda p: bool(p.get("long_term_unemployed")),
	"Inactive": lambda p: p.get("labour_market_status") == "Inactive",
	"Employed, including self-employed": lambda p: p.get("labour_market_status") in EMPLOYED,
	"Below 18 years of age": lambda p: _age(p) is not None and _age(p) < 18,
	"18 to 29 years of age": lambda p: _age(p) is not None and 18 <= _age(p) <= 29,
	"55 years of age and above": lambda p: _age(p) is not None and _age(p) >= 55,
	"Primary or lower secondary education (ISCED 0-2)": lambda p: ISCED.get(p.get("isced_level")) == "0-2",
	"Upper secondary or post-secondary education (ISCED 3-4)": lambda p: (
		ISCED.get(p.get("isced_level")) == "3-4"
	),
	"Tertiary education (ISCED 5-8)": lambda p: ISCED.get(p.get("isced_level")) == "5-8",
	"Participants with disabilities": lambda p: p.get("disability") == "Yes",
	"Third-country nationals": lambda p: p.get("third_country_national") == "Yes",
	"Participants with a foreign background": lambda p: p.get("foreign_background") == "Yes",
	"Minorities": lambda p: p.get("minority") == "Yes",
	"Homeless or affected by housing exclusion": lambda p: p.get("homelessness") == "Yes",
}
RESULT_INDICATORS: dict[str, Callable[[dict], bool]] = {
	"Job searching upon leaving": lambda p: p.get("exit_status") == "Job searching",
	"In education or training upon leaving": lambda p: p.get("exit_status") == "In education or training",
	"Gaining a qualification upon leaving": lambda p: p.get("exit_status") == "Gained a qualification",
	"In employment, including self-employment, upon leaving": lambda p: p.get("exit_status") in EMPLOYED,
	"In employment, including self-employment, six months after leaving": lambda p: (
		p.get("follow_up_result") in EMPLOYED
	),
	"With an improved labour market situation six months after leaving": lambda p: (
		p.get("follow_up_result") in (*EMPLOYED, "Improved labour market situation")
	),
}


def count(participants: Iterable[dict], indicators: dict[str, Callable[[dict], bool]]) -> dict[str, dict]:
	"""indicator -> {gender: count, "Total": count}."""
	people = list(participants)
	table = {}
	for indicator, test in indicators.items():
		row = {gender: 0 for gender in GENDERS}
		for person in people:
			if person.get("gender") in row and test(person):
				row[person["gender"]] += 1
		row["Total"] = sum(row.values())
		table[indicator] = row
	return table
