// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.query_reports["Area Profile"] = {
	filters: [
		...mehrwert_quartier.analysis_filters(),
		{ fieldname: "columns_by", label: __("Columns"), fieldtype: "Select", default: "Programme Area",
			options: [
				{ value: "Programme Area", label: __("Programme Area") },
				{ value: "Postcode", label: __("Postcode") },
			] },
	],
};
