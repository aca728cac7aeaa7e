// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt
// A placement opened from Find Candidates / Find Vacancies shows employer, start, type and counsellor at
// once, not only after saving (the server fills the same on save: placement.py).

frappe.ui.form.on("Placement", {
	onload(frm) {
		if (!frm.is_new()) return;
		if (frm.doc.vacancy) fill_from_vacancy(frm);
		if (frm.doc.participant) fill_counsellor(frm);
		if (!frm.doc.start_date) frm.set_value("start_date", frappe.datetime.get_today());
	},
	vacancy: (frm) => frm.doc.vacancy && fill_from_vacancy(frm),
	participant: (frm) => frm.doc.participant && fill_counsellor(frm),
});

function fill_from_vacancy(frm) {
	const fields = ["employer_type", "employer", "employer_name", "employment_type", "start_date"];
	frappe.db.get_value("Job Vacancy", frm.doc.vacancy, fields).then(({ message }) => {
		if (!message) return;
		// the employer is the vacancy's, checked there; counsellors may not read businesses (Customer, Prospect),
		// so the desk's link check would answer with a permission message (the server checks it on save)
		frm.fields_dict.employer.df.ignore_link_validation = 1;
		const values = { employer_type: message.employer_type, employer: message.employer };
		if (message.employer_name) values.employer_name = message.employer_name;
		if (!frm.doc.placement_type && message.employment_type) values.placement_type = message.employment_type;
		const today = frappe.datetime.get_today();
		if (message.start_date && message.start_date > today && frm.doc.start_date === today) {
			values.start_date = message.start_date;
		}
		frm.set_value(values);
	});
}

function fill_counsellor(frm) {
	if (frm.doc.counsellor) return;
	frappe.db.get_value("Participant", frm.doc.participant, "responsible_counsellor").then(({ message }) => {
		frm.set_value("counsellor", (message && message.responsible_counsellor) || frappe.session.user);
	});
}
