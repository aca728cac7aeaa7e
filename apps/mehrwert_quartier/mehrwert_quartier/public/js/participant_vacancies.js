// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt
// "Find Vacancies" on the participant: open vacancies ranked by fit, the score explained.

frappe.ui.form.on("Participant", {
	refresh(frm) {
		if (frm.is_new() || !frappe.model.can_create("Placement")) return;
		frm.add_custom_button(__("Find Vacancies"), () => {
			const dialog = new frappe.ui.Dialog({
				title: __("Find Vacancies"), size: "large", fields: [{ fieldname: "results", fieldtype: "HTML" }],
			});
			dialog.show();
			frappe
				.call("mehrwert_quartier.qs_arbeit.job_matching.vacancies_for_participant", { participant: frm.doc.name })
				.then(({ message }) => {
					const rows = (message || []).map((v) => ({
						title: v.vacancy_title, subtitle: v.employer_name, route: `/app/job-vacancy/${encodeURIComponent(v.name)}`,
						score: v.score, explanation: v.explanation,
						action: { label: __("Place"), run: () => frappe.new_doc("Placement", { participant: frm.doc.name, vacancy: v.name }) },
					}));
					mehrwert_quartier.render_matches(dialog.fields_dict.results.$wrapper, rows, __("No open vacancy."));
				});
		}, __("Actions"));
	},
});
