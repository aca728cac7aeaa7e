"""Records of processing activities (GDPR Art. 30): which fields are which category of personal data.

Plain Python. The report *Records of Processing* reads the DocTypes on the site and classifies every field
named here; a field of an app DocType that holds personal data and is not named is listed as "Unclassified",
so a new field shows up until someone classifies it.
"""

from mehrwert_quartier.rules.retention import (
	ACCESS_LOG,
	DATA_SUBJECT_REQUEST,
	ESF_PARTICIPANT,
	IMPORT_FILE,
	WALK_IN,
)

IDENTIFICATION = "Identification"
CONTACT = "Contact data"
SOCIAL = "Social and labour-market data"
EDUCATION = "Education and skills"
COUNSELLING = "Counselling records"
CONSENT = "Consents"
USAGE = "Usage data"
SPECIAL = "Special categories (Art. 9)"

# fieldname -> category (the same field name means the same thing across the app's DocTypes)
CATEGORIES: dict[str, str] = {
	"first_name": IDENTIFICATION,
	"last_name": IDENTIFICATION,
	"full_name": IDENTIFICATION,
	"participant_name": IDENTIFICATION,
	"attendee_name": IDENTIFICATION,
	"requester_name": IDENTIFICATION,
	"date_of_birth": IDENTIFICATION,
	"age_at_entry": IDENTIFICATION,
	"gender": IDENTIFICATION,
	"email": CONTACT,
	"phone": CONTACT,
	"address_line": CONTACT,
	"postcode": CONTACT,
	"city": CONTACT,
	"requester_contact": CONTACT,
	"jobcenter_customer_number": SOCIAL,
	"labour_market_status": SOCIAL,
	"unemployment_months": SOCIAL,
	"long_term_unemployed": SOCIAL,
	"household_situation": SOCIAL,
	"exit_status": SOCIAL,
	"follow_up_result": SOCIAL,
	"third_country_national": SOCIAL,
	"homelessness": SOCIAL,
	"isced_level": EDUCATION,
	"skills": EDUCATION,
	"languages": EDUCATION,
	"topics": COUNSELLING,
	"outcome": COUNSELLING,
	"next_steps": COUNSELLING,
	"summary": COUNSELLING,
	"outcome_notes": COUNSELLING,
	"goal": COUNSELLING,
	"notes": COUNSELLING,
	"purpose": CONSENT,
	"signed_form": CONSENT,
	"given_on": CONSENT,
	"withdrawn_on": CONSENT,
	"reference_name": USAGE,
	"route": USAGE,
	"disability": SPECIAL,
	"minority": SPECIAL,
	"foreign_background": SPECIAL,
	"confidential_notes": SPECIAL,
}
# DocType -> (purpose, retention rule kinds)
PROCESSING: dict[str, tuple[str, tuple[str, ...]]] = {
	"Participant": (
		"Counselling, placement and ESF Plus monitoring of participants",
		(ESF_PARTICIPANT, WALK_IN),
	),
	"Consultation": ("Counselling documentation", (ESF_PARTICIPANT, WALK_IN)),
	"Consent": ("Proof of consent and release from secrecy (§ 203 StGB)", (ESF_PARTICIPANT, WALK_IN)),
	"Coaching Plan": ("Agreed coaching goals", (ESF_PARTICIPANT, WALK_IN)),
	"Referral": ("Referrals to training providers", (ESF_PARTICIPANT, WALK_IN)),
	"Placement": ("Placements with employers and follow-up", (ESF_PARTICIPANT, WALK_IN)),
	"Event Registration": ("Registrations and attendance at programme events", (ESF_PARTICIPANT, WALK_IN)),
	"Import Batch": ("Data exchange with partner organisations", (IMPORT_FILE,)),
	"Data Subject Request": ("Handling requests of data subjects (Art. 12-21)", (DATA_SUBJECT_REQUEST,)),
	"Personal Data Access": ("Accountability of accesses to participant data", (ACCESS_LOG,)),
}


def category_of(fieldname: str) -> str | None:
	return CATEGORIES.get(fieldname)
