frappe.query_reports["Anonymisation Preview"] = {
	filters: [
		{
			fieldname: "on_date",
			label: __("Run On"),
			fieldtype: "Date",
			default: frappe.datetime.get_today(),
		},
	],
};
