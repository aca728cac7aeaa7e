"""Area profile benchmark (`make benchmark`, issue 18): prints figures, never fails on speed.

Generates (once per scale; rerun reuses it) 5,000 businesses (leads with area, postcode, sector, type, size
and founding year), 5,000 support cases with needs, innovation checks and 10,000 support steps, 300
commercial units and 300 settlement requests on the benchmark site (bulk SQL inserts, names prefixed "BA-";
MQ_BENCH_ANALYSIS_SCALE scales every count), then times the Area Profile report against hand-written
aggregate SQL for the same figures (best of MQ_BENCH_REPEAT runs) and prints both and the ratio (target: the
report within 3x). The known businesses of the hand-written SQL are compared with the report's.
"""

import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_reporting import AUDIT, audit, best_of, connect

SCALE = float(os.environ.get("MQ_BENCH_ANALYSIS_SCALE", "1.0"))
BUSINESSES, STEPS, UNITS = int(5000 * SCALE), int(10000 * SCALE), int(300 * SCALE)
PERIOD = {"from_date": "2026-01-01", "to_date": "2026-12-31"}
AREAS = {"Leipziger Osten": ["04315", "04317", "04318"], "Grünau": ["04205", "04207", "04209"]}
TYPES = [
	"Migrant Economy",
	"Solo Self-Employed",
	"Social Enterprise",
	"Creative",
	"Craft",
	"Retail",
	"Services",
]
SECTORS = [
	"C - Manufacturing",
	"F - Construction",
	"G - Wholesale and retail trade, repair of motor vehicles",
	"I - Accommodation and food service activities",
	"M - Professional, scientific and technical activities",
	"S - Other service activities",
]


def day(rng, start=date(2024, 1, 1), days=1060) -> date:
	return start + timedelta(days=rng.randint(0, days))


def generate(frappe) -> None:
	if frappe.db.exists("Lead", f"BA-L-{BUSINESSES - 1:05d}") and not frappe.db.exists(
		"Lead", f"BA-L-{BUSINESSES:05d}"
	):
		print(f"reusing the generated data ({BUSINESSES:,} businesses)")
		return
	tables = ("Lead", "Enterprise Support Case", "Enterprise Support Step", "Enterprise Support Need")
	for doctype in (*tables, "Commercial Unit", "Settlement Request"):
		frappe.db.delete(doctype, {"name": ("like", "BA-%")})
	rng = random.Random(18)
	started = time.perf_counter()
	leads, cases, needs = [], [], []
	for i in range(BUSINESSES):
		area = rng.choice(list(AREAS))
		row = audit(f"BA-L-{i:05d}")
		row[1] = f"{day(rng)} 10:00:00"
		leads.append(
			[
				*row,
				f"Betrieb {i}",
				f"Betrieb {i}",
				"Lead",
				area,
				rng.choice(AREAS[area]),
				rng.choice(SECTORS),
				rng.choice(TYPES),
				rng.choice([0, 1, 3, 8, 15, 40, 120, 300]),
				rng.choice([0, 1985, 1995, 2005, 2012, 2018, 2021, 2024]),
			]
		)
		checked = day(rng) if rng.random() < 0.6 else None
		cases.append(
			[
				*audit(f"BA-UB-{i:05d}"),
				"Lead",
				f"BA-L-{i:05d}",
				"Business Support",
				rng.choice(["Contacted", "Needs Assessed", "In Support", "Completed"]),
				area,
				day(rng),
				checked,
				rng.randint(0, 18) if checked else 0,
			]
		)
		needs.append(
			[*audit(f"BA-N-{i:05d}"), f"BA-UB-{i:05d}", "Enterprise Support Case", "needs", 1, "Financing"]
		)
	frappe.db.bulk_insert(
		"Lead",
		[
			*AUDIT,
			"lead_name",
			"company_name",
			"status",
			"mq_programme_area",
			"mq_postcode",
			"mq_sector",
			"mq_business_type",
			"mq_employees",
			"mq_founding_year",
		],
		leads,
	)
	frappe.db.bulk_insert(
		"Enterprise Support Case",
		[
			*AUDIT,
			"business_doctype",
			"business",
			"case_type",
			"status",
			"programme_area",
			"outreach_visit_date",
			"innovation_checked_on",
			"innovation_score",
		],
		cases,
	)
	frappe.db.bulk_insert(
		"Enterprise Support Need", [*AUDIT, "parent", "parenttype", "parentfield", "idx", "topic"], needs
	)
	steps = [
		[
			*audit(f"BA-ST-{i:06d}"),
			f"BA-UB-{rng.randrange(BUSINESSES):05d}",
			"Enterprise Support Case",
			"steps",
			1,
			"Beratung",
			rng.choice(["Open", "Done", "Done"]),
			day(rng),
		]
		for i in range(STEPS)
	]
	frappe.db.bulk_insert(
		"Enterprise Support Step",
		[*AUDIT, "parent", "parenttype", "parentfield", "idx", "step", "step_status", "completed_on"],
		steps,
	)
	units, requests = [], []
	for i in range(UNITS):
		area = rng.choice(list(AREAS))
		units.append(
			[
				*audit(f"BA-GE-{i:05d}"),
				f"Einheit {i}",
				rng.choice(AREAS[area]),
				area,
				rng.choice(["Vacant", "Vacant", "Under Renovation", "Let", "Reserved"]),
				rng.choice([40, 60, 80, 120]),
				day(rng) if rng.random() < 0.8 else None,
			]
		)
		row = audit(f"BA-SR-{i:05d}")
		row[2] = f"{day(rng)} 12:00:00"  # modified: the day it was settled
		requests.append(
			[*row, "Lead", f"BA-L-{i:05d}", area, rng.choice(["Open", "Settled"]), f"BA-GE-{i:05d}"]
		)
	frappe.db.bulk_insert(
		"Commercial Unit",
		[*AUDIT, "unit_title", "postcode", "programme_area", "status", "floor_space", "available_from"],
		units,
	)
	frappe.db.bulk_insert(
		"Settlement Request",
		[*AUDIT, "business_doctype", "business", "programme_area", "status", "commercial_unit"],
		requests,
	)
	frappe.db.commit()
	print(f"generated in {time.perf_counter() - started:.0f} s")


SIZE = """case when mq_employees = 0 then 'No employees' when mq_employees between 1 and 9 then '1-9'
	when mq_employees between 10 and 49 then '10-49' when mq_employees between 50 and 249 then '50-249'
	when mq_employees >= 250 then '250+' end"""
COHORT = """case when mq_founding_year between 1800 and 1989 then '<1990' when mq_founding_year between 1990
	and 1999 then '1990s' when mq_founding_year between 2000 and 2009 then '2000s' when mq_founding_year between
	2010 and 2019 then '2010s' when mq_founding_year >= 2020 then '2020+' end"""
KNOWN = """select {column} col, {key} k, sum(creation <= %(t)s) now, sum(creation <= %(pt)s) prev
from (
	select creation, mq_programme_area, mq_postcode, mq_sector, mq_business_type, mq_employees, mq_founding_year
		from tabLead where status != 'Converted' and creation <= %(t)s
	union all select creation, mq_programme_area, mq_postcode, mq_sector, mq_business_type, mq_employees,
		mq_founding_year from tabProspect where creation <= %(t)s
	union all select creation, mq_programme_area, mq_postcode, mq_sector, mq_business_type, mq_employees,
		mq_founding_year from tabCustomer where disabled = 0 and creation <= %(t)s
) b group by col, k"""
BUSINESS_JOIN = """left join tabLead l on c.business_doctype = 'Lead' and l.name = c.business
	left join tabProspect p on c.business_doctype = 'Prospect' and p.name = c.business
	left join tabCustomer cu on c.business_doctype = 'Customer' and cu.name = c.business"""
REACHED = "ifnull(c.outreach_visit_date, date(c.creation))"
BUSINESS = "concat(c.business_doctype, ':', c.business)"


def hand_sql(by_postcode: bool) -> list[str]:
	"""The area profile's figures by hand, with columns by programme area or by postcode."""
	if by_postcode:
		column, join = "coalesce(l.mq_postcode, p.mq_postcode, cu.mq_postcode)", BUSINESS_JOIN
		unit_column, settled_join = (
			"postcode",
			"left join `tabCommercial Unit` u on u.name = s.commercial_unit",
		)
		settled_column = "u.postcode"
	else:
		column, join, unit_column = "c.programme_area", "", "programme_area"
		settled_join, settled_column = "", "s.programme_area"
	business_column = "mq_postcode" if by_postcode else "mq_programme_area"
	reached = f"""count(distinct case when {REACHED} between %(f)s and %(t)s then {BUSINESS} end),
		count(distinct case when {REACHED} between %(pf)s and %(pt)s then {BUSINESS} end)
		from `tabEnterprise Support Case` c {{join}} where {REACHED} between %(pf)s and %(t)s"""
	supported = f"""count(distinct case when s.completed_on between %(f)s and %(t)s then {BUSINESS} end),
		count(distinct case when s.completed_on between %(pf)s and %(pt)s then {BUSINESS} end)
		from `tabEnterprise Support Case` c join `tabEnterprise Support Step` s on s.parent = c.name
		and s.parenttype = 'Enterprise Support Case' {{join}}
		where s.step_status = 'Done' and s.completed_on between %(pf)s and %(t)s"""
	return [
		*(
			KNOWN.format(column=business_column, key=key)
			for key in ("mq_sector", "mq_business_type", SIZE, COHORT)
		),
		f"select {column}, " + reached.format(join=join) + f" group by {column}",
		"select " + reached.format(join=""),
		f"select {column}, " + supported.format(join=join) + f" group by {column}",
		"select " + supported.format(join=""),
		f"""select {unit_column}, sum(available_from is null or available_from <= %(t)s),
		sum(available_from is null or available_from <= %(pt)s),
		sum(if(available_from is null or available_from <= %(t)s, floor_space, 0)),
		sum(if(available_from is null or available_from <= %(pt)s, floor_space, 0)),
		sum(available_from <= %(t)s), sum(available_from <= %(pt)s),
		sum(if(available_from <= %(t)s, timestampdiff(month, available_from, %(t)s), 0)),
		sum(if(available_from <= %(pt)s, timestampdiff(month, available_from, %(pt)s), 0))
		from `tabCommercial Unit` where status in ('Vacant', 'Under Renovation') group by {unit_column}""",
		f"""select {settled_column}, sum(date(s.modified) between %(f)s and %(t)s),
		sum(date(s.modified) between %(pf)s and %(pt)s) from `tabSettlement Request` s {settled_join}
		where s.status = 'Settled' and s.commercial_unit is not null
		and date(s.modified) between %(pf)s and %(t)s group by {settled_column}""",
		f"""select {column}, coalesce(l.mq_sector, p.mq_sector, cu.mq_sector) sector,
		sum(c.innovation_checked_on between %(f)s and %(t)s),
		sum(if(c.innovation_checked_on between %(f)s and %(t)s, c.innovation_score, 0)),
		sum(c.innovation_checked_on between %(pf)s and %(pt)s),
		sum(if(c.innovation_checked_on between %(pf)s and %(pt)s, c.innovation_score, 0))
		from `tabEnterprise Support Case` c {BUSINESS_JOIN}
		where c.innovation_checked_on between %(pf)s and %(t)s group by {column}, sector""",
	]


def main():
	frappe = connect()
	generate(frappe)
	from mehrwert_quartier.reporting.report.area_profile import area_profile

	params = {
		"f": date(2026, 1, 1),
		"t": "2026-12-31 23:59:59",
		"pf": date(2025, 1, 1),
		"pt": "2025-12-31 23:59:59",
	}
	print(
		f"scale {SCALE:g}: {BUSINESSES:,} businesses, {BUSINESSES:,} support cases, {STEPS:,} steps, {UNITS:,} units"
	)
	print(f"{'report':36} {'report':>10} {'hand SQL':>10} {'ratio':>7}  target <= 3x")
	for label, filters in (
		("Area Profile (by area)", PERIOD),
		("Area Profile (by postcode)", {**PERIOD, "columns_by": "Postcode"}),
	):
		queries = hand_sql(filters.get("columns_by") == "Postcode")
		area_profile.execute(filters), [frappe.db.sql(sql, params) for sql in queries]  # warm-up
		ours, _result = best_of(lambda filters=filters: area_profile.execute(filters))
		theirs, expected = best_of(lambda queries=queries: [frappe.db.sql(sql, params) for sql in queries])
		print(f"{label:36} {ours:>9.3f}s {theirs:>9.3f}s {ours / theirs:>6.1f}x")
	known = {r["figure"]: r for r in area_profile.execute(PERIOD)[1]}["Known businesses"]
	by_hand = sum(row[2] for row in expected[1])
	print(
		"known businesses agree with the hand-written SQL"
		if known["total"] == by_hand
		else f"MISMATCH: {known['total']} != {by_hand}"
	)
	frappe.destroy()


if __name__ == "__main__":
	sys.exit(main())
