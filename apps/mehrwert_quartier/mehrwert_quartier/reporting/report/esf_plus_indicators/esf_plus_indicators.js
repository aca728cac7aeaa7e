// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.query_reports["ESF Plus Indicators"] = {
	filters: [
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date",
			default: frappe.datetime.year_start() },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date", default: frappe.datetime.year_end() },
		{ fieldname: "programme_area", label: __("Programme Area"), fieldtype: "Link", options: "Programme Area" },
	],
};
