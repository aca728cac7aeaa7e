from datetime import date, datetime

from mehrwert_quartier.rules.identifiers import Person, redact, scrub_rows

RECORD = {
	"name": "TN-00042",
	"first_name": "Xaverine",
	"last_name": "Quellmalzowski",
	"full_name": "Xaverine Quellmalzowski",
	"email": "x.q@example.org",
	"phone": "+49 341 555 0199",
	"date_of_birth": "1971-03-14",
	"jobcenter_customer_number": "123D456789",
	"address_line": "Zyxweg 77",
}


def person() -> Person:
	p = Person()
	p.add(RECORD)
	return p


def test_a_row_naming_the_person_is_theirs():
	p = person()
	assert p.owns_row(["QUELLMALZOWSKI", " xaverine ", datetime(1971, 3, 14)])
	assert p.owns_row(["Someone", "else", "x.q@example.org"])
	assert p.owns_row(["TN-00042", "Beratung", date(1971, 3, 14)])


def test_a_row_of_someone_else_is_not():
	p = person()
	assert not p.owns_row(["Xaverine", "Müller", date(1971, 3, 14)])
	assert not p.owns_row(["TN-00042", "Beratung", date(2026, 3, 2)])
	assert not p.owns_row([None, 3, 4.5])


def test_scrub_rows_keeps_the_header_and_blanks_mentions_elsewhere():
	rows = [
		["Vorname", "Nachname", "Notiz"],
		["Xaverine", "Quellmalzowski", "neu"],
		["Anna", "Schmidt", "kennt Xaverine Quellmalzowski"],
	]
	kept, removed = scrub_rows(rows, [person()])
	assert removed == 1
	assert kept == [["Vorname", "Nachname", "Notiz"], ["Anna", "Schmidt", None]]


def test_search_terms_include_dates_as_written_in_germany():
	terms = person().search_terms()
	assert {"1971-03-14", "14.03.1971", "quellmalzowski", "x.q@example.org"} <= set(terms)


def test_redact_replaces_whole_words_only():
	text = "Frau Quellmalzowski (geb. 14.03.1971) rief an; Xaverinestraße bleibt"
	assert redact(text, [person()]) == "Frau *** (geb. ***) rief an; Xaverinestraße bleibt"
