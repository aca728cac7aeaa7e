from frappe import _


def get_data():
	"""Linked records on the participant form: the participant's whole journey at a glance."""
	return {
		"fieldname": "participant",
		"transactions": [
			{"label": _("Counselling"), "items": ["Consultation", "Coaching Plan", "Consent"]},
			{"label": _("Qualification and Events"), "items": ["Referral", "Event Registration"]},
			{"label": _("Work"), "items": ["Placement"]},
		],
	}
