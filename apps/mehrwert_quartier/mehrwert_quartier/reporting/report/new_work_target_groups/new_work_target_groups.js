// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.query_reports["New-Work Target Groups"] = {
	filters: [
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date", reqd: 1,
			default: frappe.datetime.year_start() },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date", reqd: 1,
			default: frappe.datetime.year_end() },
		{ fieldname: "programme_area", label: __("Programme Area"), fieldtype: "Link", options: "Programme Area" },
	],
};
