// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

const MQ_DATA_QUALITY_ISSUES = [
	["entry_missing", __("Mandatory ESF entry data missing")],
	["entry_late", __("Entry data recorded more than four weeks after entry")],
	["exit_missing", __("Left more than 28 days ago without exit data")],
	["follow_up_overdue", __("Six-month follow-up overdue")],
	["status_without_exit", __("State upon leaving without exit date")],
	["under_18", __("Under 18 at entry")],
	["outside_area", __("Postcode outside the programme area")],
	["likely_duplicate", __("Likely duplicate")],
];

frappe.query_reports["ESF Data Quality"] = {
	filters: [
		{ fieldname: "issue", label: __("Issue"), fieldtype: "Select",
			options: [{ value: "", label: "" }, ...MQ_DATA_QUALITY_ISSUES.map(([value, label]) => ({ value, label }))] },
		{ fieldname: "responsible_counsellor", label: __("Responsible Counsellor"), fieldtype: "Link", options: "User" },
		{ fieldname: "programme_area", label: __("Programme Area"), fieldtype: "Link", options: "Programme Area" },
		{ fieldname: "as_of", label: __("As of"), fieldtype: "Date", default: frappe.datetime.get_today() },
	],
	formatter(value, row, column, data, default_formatter) {
		if (column.fieldname === "assign" && data && data.participant) {
			return `<button class="btn btn-xs btn-default mq-assign"
				data-participant="${frappe.utils.escape_html(data.participant)}"
				data-issue="${frappe.utils.escape_html(data.issue_code)}">${__("Assign")}</button>`;
		}
		return default_formatter(value, row, column, data);
	},
	onload(report) {
		report.page.wrapper.on("click", ".mq-assign", (event) => {
			event.preventDefault();
			const button = event.currentTarget;
			frappe.call({
				method: "mehrwert_quartier.reporting.report.esf_data_quality.esf_data_quality.assign_todo",
				args: { participant: button.dataset.participant, issue: button.dataset.issue },
				callback: ({ message }) => {
					if (!message) return;
					button.disabled = true;
					button.textContent = __("Assigned");
					frappe.show_alert({ message: __("ToDo {0} assigned", [frappe.utils.escape_html(message)]), indicator: "green" });
				},
			});
		});
	},
};
