// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Job Vacancy", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.status !== "Open") return;
		frm.add_custom_button(__("Find Candidates"), () => {
			const dialog = new frappe.ui.Dialog({
				title: __("Find Candidates"), size: "large", fields: [{ fieldname: "results", fieldtype: "HTML" }],
			});
			dialog.show();
			frappe
				.call("mehrwert_quartier.qs_arbeit.job_matching.candidates_for_vacancy", { vacancy: frm.doc.name })
				.then(({ message }) => {
					const rows = (message || []).map((p) => ({
						title: p.full_name, subtitle: p.programme_area, route: `/app/participant/${encodeURIComponent(p.name)}`,
						score: p.score, explanation: p.explanation,
						action: { label: __("Place"), run: () => frappe.new_doc("Placement", { participant: p.name, vacancy: frm.doc.name }) },
					}));
					mehrwert_quartier.render_matches(dialog.fields_dict.results.$wrapper, rows,
						__("No participant who consented to share their profile fits this vacancy."));
				});
		});
	},
});
