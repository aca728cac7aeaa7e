// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.query_reports["Training Needs Analysis"] = {
	filters: mehrwert_quartier.analysis_filters(),
	tree: true,
	name_field: "id",
	parent_field: "parent_id",
	initial_depth: 1,
	onload(report) {
		// the analysis as a workbook, written by the app's formula-safe writer
		report.page.add_inner_button(__("Training Needs (Excel)"), () => {
			open_url_post(
				"/api/method/mehrwert_quartier.reporting.report.training_needs_analysis.training_needs_analysis.download",
				{ filters: JSON.stringify(report.get_filter_values()) }
			);
		}, __("Export"));
	},
};
