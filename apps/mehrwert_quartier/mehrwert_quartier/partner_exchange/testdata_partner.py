"""Partner-shaped files, as partners really send them, generated for the tests (issue 12; never checked in).

A Jobcenter's participant export, a housing company's vacancy list (semicolon CSV in Windows-1252 with decimal
commas), a trainer's attendance list, a provider's referral outcomes and an association's sign-up sheet: title
rows, footers, partner wording, m/w/d, school qualifications, names instead of IDs, dates in five spellings, an
impossible date, an exact and a near duplicate, a formula cell. Each file comes in two uploads of the same
header shape (the second must need no mapping step).

:func:`partner_corpus` takes the records the files name (``Context``, made by the site test) and returns
``{case: PartnerFile}``; ``columns`` says which field each header must be proposed for, ``good`` how many
rows import, ``bad`` the file's row numbers that must end in a row message.
"""

import datetime
from dataclasses import dataclass, field

from mehrwert_quartier.partner_exchange.testdata import csv_bytes, xlsx


@dataclass
class Context:
	"""Names of records the files refer to, made on the site before the files are generated."""

	people: list[tuple[str, str, str]]  # (last name, first name, ISO birth date) of existing participants
	events: list[tuple[str, str]]  # (title, ISO date) of programme events the people are registered for
	offers: list[tuple[str, str]]  # (title, provider) of training offers the people are referred to
	tag: str = ""  # makes the new records of a run unique
	start: str = "2026-02-01"  # ISO date the referrals started on


@dataclass
class PartnerFile:
	doctype: str
	filename: str
	content: bytes
	columns: dict[str, str | None]  # header -> the field it must be proposed for (None: no field)
	good: int
	bad: list[int] = field(default_factory=list)
	shape: str = ""  # files of the same shape share it
	as_partner: bool = True


JOBCENTER_HEADERS = [
	"Kd.-Nr.",
	"Name",
	"Vorname",
	"Geb.-Datum",
	"m/w/d",
	"Straße",
	"PLZ",
	"Ort",
	"Eintritt",
	"arbeitslos seit",
	"Höchster Abschluss",
	"Sachbearbeitung",
]
JOBCENTER_COLUMNS = dict(
	zip(
		JOBCENTER_HEADERS,
		[
			"jobcenter_customer_number",
			"last_name",
			"first_name",
			"date_of_birth",
			"gender",
			"address_line",
			"postcode",
			"city",
			"entry_date",
			"unemployment_months__since",
			"isced_level",
			None,
		],
		strict=True,
	)
)


def jobcenter(tag: str, month: str, formula: bool = False) -> tuple[list, int, list[int]]:
	"""Title rows, the header in row 4, good rows with dates in five spellings, bad rows, a footer."""
	births = ["12.03.1985", "1990-07-01", "03/04/1979", datetime.datetime(1995, 5, 5), "5. Mai 1988"]
	genders = ["w", "M", "männlich", "d", "Frau"]
	schools = [
		"Realschulabschluss",
		"Abitur + Ausbildung",
		"ohne Abschluss",
		"Hauptschulabschluss",
		"Meister",
	]
	since = ["seit 2014", "01/2025", "Januar 2020", "2019", "15.06.2023"]
	rows = [
		[f"Jobcenter Leipzig – Zuweisungen an MehrWertQuartier {month}"],
		["Stand: 31.03.2026", None, None, "Team 432"],
		[],
		JOBCENTER_HEADERS,
	]
	for i in range(5):
		postcode = "4315" if i % 2 == 0 else "04209"
		rows.append(
			[
				f"432D{tag}{i}",
				f"Jc{tag}{month[:3]}{i}",
				f"Person{i}",
				births[i],
				genders[i],
				f"Eisenbahnstraße {i + 1}",
				postcode,
				"Leipzig",
				"01.03.2026",
				since[i],
				schools[i],
				"Frau Kluge",
			]
		)
	bad = []
	rows.append(["", f"Jc{tag}{month[:3]}x", "Unmöglich", "31.02.1990", "w", "", "04315", "", "01.03.2026"])
	bad.append(len(rows))
	rows.append(["", f"Jc{tag}{month[:3]}y", "Unbekannt", "01.01.1980", "?", "", "04315", "", "01.03.2026"])
	bad.append(len(rows))
	if formula:
		rows.append(["", f"Jc{tag}{month[:3]}z", "Formel", "01.01.1981", "w", "", "=A1", "", "01.03.2026"])
		bad.append(len(rows))
	rows.append(["Summe: Zuweisungen im Monat"])
	return rows, 5, bad


def jobcenter_duplicates(tag: str) -> tuple[list, int, list[int]]:
	rows = [["Jobcenter Leipzig – Nachmeldungen"], JOBCENTER_HEADERS]
	person = [
		"",
		f"Dup{tag}",
		"Anna",
		"12.03.1985",
		"w",
		"Ring 1",
		"04209",
		"Leipzig",
		"01.03.2026",
		"",
		"Abitur",
	]
	near = [*person]
	near[1], near[2] = f"  DUP{tag} ", "anna"
	rows += [person, person, near]
	return rows, 1, [4, 5]


LWB_HEADERS = [
	"Objekt-Nr.",
	"Straße",
	"PLZ",
	"Nutzung",
	"Fläche m²",
	"Kaltmiete €",
	"frei ab",
	"Status",
	"Bemerkung",
]
LWB_COLUMNS = dict(
	zip(
		LWB_HEADERS,
		[
			"unit_title",
			"address_line",
			"postcode",
			"use_type",
			"floor_space",
			"monthly_rent",
			"available_from",
			"status",
			"notes",
		],
		strict=True,
	)
)


def vacancies(tag: str, month: str) -> tuple[list, int, list[int]]:
	rows = [[f"LWB Leipziger Wohnungs- und Baugesellschaft – Leerstand Gewerbe {month}"], [], LWB_HEADERS]
	uses = ["Laden", "Büro/Praxis", "Gastronomie", "Lager"]
	for i in range(4):
		rows.append(
			[
				f"GE-{tag}-{month[:3]}-{i}",
				f"Stuttgarter Allee {i + 10}",
				"04209" if i % 2 else "04315",
				uses[i],
				f"{85 + i},50",
				f"1.2{i}0,00",
				f"01.0{i + 4}.2026",
				"leer" if i < 3 else "in Sanierung",
				"EG, barrierefrei" if i == 0 else "",
			]
		)
	rows.append([f"GE-{tag}-{month[:3]}-x", "Ring 1", "0420", "Laden", "50", "400", "", "leer", ""])
	rows.append([f"GE-{tag}-{month[:3]}-y", "Ring 2", "04209", "Kiosk", "50", "400", "", "leer", ""])
	rows.append(["Gesamt", "", "", "", "350,00", "5.000,00"])
	return rows, 4, [len(rows) - 2, len(rows) - 1]


def attendance(ctx: Context, event: int) -> tuple[list, int, list[int]]:
	title, day = ctx.events[event]
	date = datetime.date.fromisoformat(day).strftime("%d.%m.%Y")
	rows = [
		[f"Anwesenheitsliste {title} am {date}"],
		["Trainerin: Frau Sommer"],
		["Name", "Vorname", "Stunden", "Unterschrift"],
	]
	for last, first, _birth in ctx.people[:3]:
		rows.append([last, first, "3,5", "gez."])
	rows.append(["Niemand", "Unbekannt", "2", ""])
	return rows, 3, [len(rows)]


ATTENDANCE_COLUMNS = {
	"Name": "participant__last_name",
	"Vorname": "participant__first_name",
	"Stunden": "attended_hours",
	"Unterschrift": None,
}

OUTCOME_HEADERS = [
	"Nachname",
	"Vorname",
	"Geburtsdatum",
	"Maßnahme",
	"Träger",
	"Beginn",
	"Ende",
	"Ergebnis",
	"Bemerkung",
]
OUTCOME_COLUMNS = dict(
	zip(
		OUTCOME_HEADERS,
		[
			"participant__last_name",
			"participant__first_name",
			"participant__date_of_birth",
			"offer",
			"offer__provider",
			"started_on",
			"ended_on",
			"status",
			"outcome_notes",
		],
		strict=True,
	)
)


def outcomes(ctx: Context, offer: int, quarter: str) -> tuple[list, int, list[int]]:
	title, provider = ctx.offers[offer]
	rows = [[f"Verbleibsmeldung {quarter} an MehrWertQuartier"], OUTCOME_HEADERS]
	results = ["abgeschlossen", "abgebrochen", "begonnen"]
	start = datetime.date.fromisoformat(ctx.start)
	begun, end = start.strftime("%d.%m.%Y"), (start + datetime.timedelta(days=30)).strftime("%d.%m.%Y")
	for i, (last, first, birth) in enumerate(ctx.people[:3]):
		born = datetime.date.fromisoformat(birth).strftime("%d.%m.%Y")
		ended = end if i < 2 else ""
		rows.append(
			[last, first, born, title, provider, begun, ended, results[i], "Zertifikat" if i == 0 else ""]
		)
	rows.append(["Niemand", "Unbekannt", "01.01.1970", title, provider, begun, "", "begonnen", ""])
	rows.append(["Stand: 30.06.2026"])
	return rows, 3, [len(rows) - 1]


SIGNUP_HEADERS = ["Nr.", "Nachname", "Vorname", "Geburtsdatum", "Veranstaltung", "Datum"]
SIGNUP_COLUMNS = dict(
	zip(
		SIGNUP_HEADERS,
		[
			None,
			"participant__last_name",
			"participant__first_name",
			"participant__date_of_birth",
			"event",
			"event__starts_on",
		],
		strict=True,
	)
)


def signups(ctx: Context, event: int) -> tuple[list, int, list[int]]:
	title, day = ctx.events[event]
	date = datetime.date.fromisoformat(day).strftime("%d.%m.%Y")
	rows = [["Polnischer Kulturverein – Anmeldeliste"], [], SIGNUP_HEADERS]
	for i, (last, first, birth) in enumerate(ctx.people[3:5]):
		rows.append(
			[i + 1, last, first, datetime.date.fromisoformat(birth).strftime("%d.%m.%Y"), title, date]
		)
	rows.append([9, "Niemand", "Unbekannt", "01.01.1970", title, date])
	return rows, 2, [len(rows)]


def partner_corpus(ctx: Context) -> dict[str, PartnerFile]:
	t = ctx.tag
	cp1252 = lambda rows: csv_bytes(rows, ";", "cp1252")  # noqa: E731
	jc, lwb = ("Participant", JOBCENTER_COLUMNS, "jc"), ("Commercial Unit", LWB_COLUMNS, "lwb")
	att, out = ("Event Registration", ATTENDANCE_COLUMNS, "att"), ("Referral", OUTCOME_COLUMNS, "out")
	sign = ("Event Registration", SIGNUP_COLUMNS, "sign")
	# case: (doctype, columns, shape), file name, (rows, good, bad), uploaded by the partner, writer
	cases = {
		"jobcenter_march": (jc, "zuweisungen.xlsx", jobcenter(t, "März", formula=True), False, None),
		"jobcenter_april": (jc, "zuweisungen.xlsx", jobcenter(t, "April"), False, None),
		"jobcenter_csv": (jc, "zuweisungen.csv", jobcenter(t, "Mai"), False, cp1252),
		"jobcenter_duplicates": (jc, "nachmeldung.xlsx", jobcenter_duplicates(t), False, None),
		"lwb_march": (lwb, "leerstand.csv", vacancies(t, "März"), False, cp1252),
		"lwb_april": (lwb, "leerstand.csv", vacancies(t, "April"), False, cp1252),
		"lwb_xlsx": (lwb, "leerstand.xlsx", vacancies(t, "Mai"), False, None),
		"attendance_first": (att, "anwesenheit.xlsx", attendance(ctx, 0), True, None),
		"attendance_second": (att, "anwesenheit.xlsx", attendance(ctx, 1), True, None),
		"attendance_csv": (att, "anwesenheit.csv", attendance(ctx, 2), True, cp1252),
		"outcomes_q1": (out, "verbleib.xlsx", outcomes(ctx, 0, "Q1"), True, None),
		"outcomes_q2": (out, "verbleib.xlsx", outcomes(ctx, 1, "Q2"), True, None),
		"outcomes_csv": (out, "verbleib.csv", outcomes(ctx, 2, "Q3"), True, csv_bytes),
		"signup_first": (sign, "anmeldung.xlsx", signups(ctx, 0), False, None),
		"signup_second": (sign, "anmeldung.xlsx", signups(ctx, 1), False, None),
	}
	files = {}
	for case, ((doctype, columns, shape), filename, (rows, good, bad), as_partner, writer) in cases.items():
		content = writer(rows) if writer else xlsx(rows)
		files[case] = PartnerFile(doctype, filename, content, columns, good, bad, shape, as_partner)
	return files
