frappe.ui.form.on("Participant", {
	onload(frm) {
		// a new participant entered at the desk: the counsellor who enters it, from today. Form defaults,
		// not field defaults: an import without these columns must not date every row to the import day.
		if (!frm.is_new()) return;
		if (!frm.doc.responsible_counsellor) frm.set_value("responsible_counsellor", frappe.session.user);
		if (!frm.doc.entry_date) frm.set_value("entry_date", frappe.datetime.get_today());
	},
	refresh(frm) {
		if (!frm.is_new() && !frm.doc.esf_complete) {
			frm.dashboard.set_headline_alert(
				__("ESF entry data incomplete: not counted in ESF figures. Missing: {0}", [frm.doc.esf_missing]),
				"red"
			);
		}
	},
});
