from datetime import date

from mehrwert_quartier.rules.esf_indicators import OUTPUT_INDICATORS, RESULT_INDICATORS, age_at, count

ENTRY = date(2026, 3, 1)


def person(gender, **values):
	return {"gender": gender, "entry_date": ENTRY, **values}


def test_age_at_entry():
	assert age_at(date(2008, 3, 2), ENTRY) == 17
	assert age_at(date(2008, 3, 1), ENTRY) == 18
	assert age_at(None, ENTRY) is None


def test_output_indicators_by_gender():
	people = [
		person(
			"Female",
			labour_market_status="Unemployed",
			long_term_unemployed=1,
			date_of_birth=date(1960, 1, 1),
			isced_level="ISCED 2",
			third_country_national="Yes",
		),
		person(
			"Male", labour_market_status="Unemployed", date_of_birth=date(2000, 5, 5), isced_level="ISCED 3"
		),
		person(
			"Non-binary",
			labour_market_status="Inactive",
			date_of_birth=date(2010, 1, 1),
			isced_level="ISCED 7",
			disability="No answer",
		),
		person(
			"Female", labour_market_status="Self-employed", date_of_birth=date(1990, 1, 1), disability="Yes"
		),
	]
	table = count(people, OUTPUT_INDICATORS)
	assert table["Unemployed, including long-term unemployed"] == {
		"Female": 1,
		"Male": 1,
		"Non-binary": 0,
		"Total": 2,
	}
	assert table["Long-term unemployed"]["Total"] == 1
	assert table["Inactive"]["Non-binary"] == 1
	assert table["Employed, including self-employed"]["Female"] == 1
	assert table["Below 18 years of age"]["Non-binary"] == 1
	assert table["18 to 29 years of age"]["Male"] == 1
	assert table["55 years of age and above"]["Female"] == 1
	assert table["Primary or lower secondary education (ISCED 0-2)"]["Total"] == 1
	assert table["Tertiary education (ISCED 5-8)"]["Non-binary"] == 1
	assert table["Participants with disabilities"] == {"Female": 1, "Male": 0, "Non-binary": 0, "Total": 1}
	assert table["Third-country nationals"]["Female"] == 1


def test_result_indicators():
	people = [
		person("Female", exit_status="Employed", follow_up_result="Employed"),
		person("Male", exit_status="Job searching", follow_up_result="Improved labour market situation"),
		person("Male", exit_status="Gained a qualification", follow_up_result="Not reachable"),
	]
	table = count(people, RESULT_INDICATORS)
	assert table["In employment, including self-employment, upon leaving"]["Female"] == 1
	assert table["Job searching upon leaving"]["Male"] == 1
	assert table["Gaining a qualification upon leaving"]["Male"] == 1
	assert table["In employment, including self-employment, six months after leaving"]["Total"] == 1
	assert table["With an improved labour market situation six months after leaving"]["Total"] == 2


def test_an_anonymised_participant_counts_by_the_age_kept_at_entry():
	born = date(2009, 6, 1)
	kept = person("Female", date_of_birth=born)
	anonymised = person("Female", date_of_birth=None, age_at_entry=age_at(born, ENTRY))
	for people in ([kept], [anonymised]):
		table = count(people, OUTPUT_INDICATORS)
		assert table["Below 18 years of age"]["Female"] == 1
		assert table["18 to 29 years of age"]["Female"] == 0
