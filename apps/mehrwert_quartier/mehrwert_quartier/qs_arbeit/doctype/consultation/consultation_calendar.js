// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt
// The consultation calendar (/app/consultation/view/calendar): start time and duration of each consultation.

frappe.views.calendar["Consultation"] = {
	field_map: {
		start: "starts_on",
		end: "ends_on",
		id: "name",
		title: "participant_name",
		allDay: "all_day",
	},
	get_events_method: "mehrwert_quartier.qs_arbeit.doctype.consultation.consultation.get_events",
};
