// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt

frappe.ui.form.on("Training Offer", {
	refresh(frm) {
		if (frm.is_new() || !frm.perm[0].write) return;
		frm.add_custom_button(__("Mark as Reviewed"), () =>
			frappe
				.call("mehrwert_quartier.qs_arbeit.doctype.training_offer.training_offer.mark_reviewed", {
					offer: frm.doc.name,
				})
				.then(() => frm.reload_doc())
		);
		if (frm.doc.review_status === "Review Due") {
			frm.dashboard.set_headline_alert(
				__("Not reviewed for six months: please check dates, seats and contact."),
				"orange"
			);
		}
	},
});
