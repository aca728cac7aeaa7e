"""Realistic German names and Leipzig addresses in both programme areas. Plain Python, no site needed."""

import random
from dataclasses import dataclass

FIRST_NAMES_FEMALE = [
	"Anna",
	"Sabine",
	"Katrin",
	"Petra",
	"Monika",
	"Julia",
	"Sandra",
	"Nicole",
	"Stefanie",
	"Claudia",
	"Maria",
	"Elena",
	"Fatma",
	"Aylin",
	"Olga",
	"Natalia",
	"Agnieszka",
	"Leyla",
	"Amina",
	"Yasmin",
	"Svetlana",
	"Irina",
	"Hannah",
	"Lea",
	"Sophie",
	"Mandy",
	"Peggy",
	"Ramona",
	"Doreen",
	"Jana",
]
FIRST_NAMES_MALE = [
	"Thomas",
	"Michael",
	"Andreas",
	"Stefan",
	"Frank",
	"Jens",
	"Sven",
	"Marco",
	"René",
	"Daniel",
	"Mehmet",
	"Ahmad",
	"Omar",
	"Mustafa",
	"Piotr",
	"Tomasz",
	"Dmitri",
	"Sergej",
	"Hassan",
	"Karim",
	"Lukas",
	"Felix",
	"Paul",
	"Tobias",
	"Ronny",
	"Mike",
	"Enrico",
	"Uwe",
	"Dirk",
	"Heiko",
]
FIRST_NAMES_NONBINARY = ["Kim", "Alex", "Robin", "Sascha", "Luca", "Jona"]
LAST_NAMES = [
	"Müller",
	"Schmidt",
	"Schneider",
	"Fischer",
	"Weber",
	"Meyer",
	"Wagner",
	"Becker",
	"Schulz",
	"Hoffmann",
	"Krüger",
	"Richter",
	"Wolf",
	"Neumann",
	"Schwarz",
	"Zimmermann",
	"Hartmann",
	"Lehmann",
	"Köhler",
	"Vogel",
	"Yılmaz",
	"Kaya",
	"Demir",
	"Şahin",
	"Nowak",
	"Kowalski",
	"Wiśniewski",
	"Iwanow",
	"Petrow",
	"Haddad",
	"Al-Hassan",
	"Nguyen",
	"Tran",
	"Popescu",
	"Horvat",
	"Günther",
	"Böhme",
	"Seidel",
	"Kretzschmar",
	"Ebert",
]

# street -> (postcode, locality); all inside the programme areas
STREETS = {
	"Leipziger Osten": [
		("Eisenbahnstraße", "04315", "Volkmarsdorf"),
		("Konradstraße", "04315", "Volkmarsdorf"),
		("Hermann-Liebmann-Straße", "04315", "Neustadt-Neuschönefeld"),
		("Ludwigstraße", "04315", "Neustadt-Neuschönefeld"),
		("Torgauer Straße", "04315", "Volkmarsdorf"),
		("Wurzner Straße", "04315", "Volkmarsdorf"),
		("Dresdner Straße", "04317", "Reudnitz-Thonberg"),
		("Zweinaundorfer Straße", "04318", "Anger-Crottendorf"),
		("Rosa-Luxemburg-Straße", "04315", "Neustadt-Neuschönefeld"),
		("Schulze-Delitzsch-Straße", "04315", "Volkmarsdorf"),
	],
	"Grünau": [
		("Stuttgarter Allee", "04209", "Grünau-Mitte"),
		("Alte Salzstraße", "04209", "Grünau-Nord"),
		("Lützner Straße", "04207", "Grünau-Ost"),
		("Ratzelstraße", "04207", "Grünau-Mitte"),
		("Kiewer Straße", "04209", "Grünau-Nord"),
		("Jupiterstraße", "04205", "Grünau-Süd"),
		("Brackestraße", "04207", "Grünau-Ost"),
		("Mannheimer Straße", "04209", "Grünau-Mitte"),
		("Schönauer Ring", "04205", "Grünau-Süd"),
		("Breisgaustraße", "04209", "Grünau-Nord"),
	],
}


@dataclass(frozen=True)
class Person:
	first_name: str
	last_name: str
	gender: str  # Female / Male / Non-binary (ESF Plus)
	street: str
	postcode: str
	locality: str
	area: str
	phone: str

	@property
	def full_name(self) -> str:
		return f"{self.first_name} {self.last_name}"

	@property
	def city(self) -> str:
		return "Leipzig"


def make_person(rng: random.Random, area: str | None = None) -> Person:
	"""One resident; ``area`` picks the programme area, else both areas alternate at random."""
	area = area or rng.choice(sorted(STREETS))
	roll = rng.random()
	if roll < 0.02:
		gender, first = "Non-binary", rng.choice(FIRST_NAMES_NONBINARY)
	elif roll < 0.53:
		gender, first = "Female", rng.choice(FIRST_NAMES_FEMALE)
	else:
		gender, first = "Male", rng.choice(FIRST_NAMES_MALE)
	street, postcode, locality = rng.choice(STREETS[area])
	return Person(
		first_name=first,
		last_name=rng.choice(LAST_NAMES),
		gender=gender,
		street=f"{street} {rng.randint(1, 180)}",
		postcode=postcode,
		locality=locality,
		area=area,
		phone=f"0341 {rng.randint(200, 999)} {rng.randint(1000, 9999)}",
	)


def make_people(rng: random.Random, count: int, area: str | None = None) -> list[Person]:
	return [make_person(rng, area) for _ in range(count)]
