frappe.ui.form.on("Participant", {
	refresh(frm) {
		if (!frm.is_new() && !frm.doc.esf_complete) {
			frm.dashboard.set_headline_alert(
				__("ESF entry data incomplete: not counted in ESF figures. Missing: {0}", [frm.doc.esf_missing]),
				"red"
			);
		}
	},
});
