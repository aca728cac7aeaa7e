// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.views.calendar["Programme Event"] = {
	field_map: {
		start: "starts_on",
		end: "ends_on",
		id: "name",
		title: "event_title",
		status: "status",
	},
	filters: [
		{ fieldtype: "Select", fieldname: "service", label: __("Service"),
			options: ["", "QS Arbeit", "QS Wirtschaft", "Both Services"] },
		{ fieldtype: "Link", fieldname: "programme_area", options: "Programme Area", label: __("Programme Area") },
	],
	get_events_method: "frappe.desk.calendar.get_events",
};
