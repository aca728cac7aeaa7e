// Copyright (c) 2026, MehrWertQuartier developers and contributors
// For license information, please see license.txt
// Maps of the desk (issue 18, docs/qs-wirtschaft.md "Map"): Frappe's list Map view and the Geolocation
// control of the forms open on Leipzig instead of Frappe's default centre, load the tiles configured for the
// site (site config mq_map_tile_url; none: no tile layer, markers on a plain background), and the app's maps
// (mehrwert_quartier.maps.get_coords) draw coloured markers with a legend. Every text is escaped.

frappe.provide("mehrwert_quartier.map");

mehrwert_quartier.map.config = () => (frappe.boot && frappe.boot.mq_map) || {};

mehrwert_quartier.map.set_defaults = function () {
	const centre = mehrwert_quartier.map.config().centre;
	if (centre) Object.assign(frappe.utils.map_defaults, { center: centre, zoom: 12 });
};

// The site's tile layer, or none (a map without tiles shows the markers on a grey background)
mehrwert_quartier.map.add_tiles = function (map) {
	const config = mehrwert_quartier.map.config();
	const url = "tile_url" in config ? config.tile_url : frappe.utils.map_defaults.tiles;
	if (!url) return;
	L.tileLayer(url, {
		attribution: frappe.utils.escape_html(config.attribution || ""),
		maxZoom: 19,
	}).addTo(map);
};

const COLOUR = /^#[0-9a-f]{6}$/i;
const safe_colour = (colour) => (COLOUR.test(colour || "") ? colour : "#9e9e9e");

mehrwert_quartier.map.popup = function (doctype, p) {
	const esc = frappe.utils.escape_html;
	const link = `/app/${frappe.router.slug(doctype)}/${encodeURIComponent(p.name)}`;
	return `<div class="mq-map-popup"><a href="${esc(link)}"><b>${esc(p.title)}</b></a>
		<div>${esc(p.category_label)}</div><div class="text-muted">${esc(p.area)}</div></div>`;
};

mehrwert_quartier.map.legend = function (legend) {
	const esc = frappe.utils.escape_html;
	const control = L.control({ position: "bottomright" });
	control.onAdd = () => {
		const div = L.DomUtil.create("div", "mq-map-legend");
		Object.assign(div.style, { background: "#ffffff", padding: "6px 10px", borderRadius: "6px", lineHeight: "1.6" });
		const swatch = "display:inline-block;width:12px;height:12px;border-radius:50%;margin-right:6px;vertical-align:-1px";
		const rows = legend.items
			.map((item) => `<div><span class="mq-map-swatch" style="${swatch};background:${esc(safe_colour(item.colour))}"></span>${
				esc(item.label)}</div>`)
			.join("");
		div.innerHTML = `<div class="mq-map-legend-title"><b>${esc(legend.title)}</b></div>${rows}`;
		return div;
	};
	return control;
};

// The app's markers: a coloured circle per record, its area on the element (data-area) for tests and styles
mehrwert_quartier.map.render = function (view) {
	if (view.markerLayer) view.map.removeLayer(view.markerLayer);
	if (view.mq_legend_control) view.mq_legend_control.remove();
	view.markerLayer = L.featureGroup();
	for (const feature of view.coords.features || []) {
		const [lng, lat] = feature.geometry.coordinates;
		const p = feature.properties;
		const marker = L.circleMarker([lat, lng], {
			radius: 9,
			color: "#ffffff",
			weight: 2,
			fillColor: safe_colour(p.colour),
			fillOpacity: 0.9,
			className: "mq-map-marker",
		}).bindPopup(mehrwert_quartier.map.popup(view.doctype, p));
		marker.on("add", () => {
			const element = marker.getElement();
			if (!element) return;
			element.dataset.area = p.area || "";
			element.dataset.name = p.name;
		});
		view.markerLayer.addLayer(marker);
	}
	view.markerLayer.addTo(view.map);
	if (view.markerLayer.getLayers().length) {
		view.map.fitBounds(view.markerLayer.getBounds(), { padding: [30, 30], maxZoom: 16 });
	}
	if (view.coords.mq_legend.items.length) {
		view.mq_legend_control = mehrwert_quartier.map.legend(view.coords.mq_legend).addTo(view.map);
	}
};

mehrwert_quartier.map.set_defaults();

if (frappe.views && frappe.views.MapView) {
	const MapView = frappe.views.MapView.prototype;
	// Frappe's setup_view with the site's tiles instead of always OpenStreetMap's
	MapView.setup_view = function () {
		mehrwert_quartier.map.set_defaults();
		this.map_id = frappe.dom.get_unique_id();
		this.$result.html(`<div id="${frappe.utils.escape_html(this.map_id)}" class="map-view-container"></div>`);
		L.Icon.Default.imagePath = frappe.utils.map_defaults.image_path;
		this.map = L.map(this.map_id).setView(frappe.utils.map_defaults.center, frappe.utils.map_defaults.zoom);
		mehrwert_quartier.map.add_tiles(this.map);
		this.bind_leaflet_locate_control();
		L.control.scale().addTo(this.map);
	};
	const frappe_render = MapView.render_map_data;
	MapView.render_map_data = function () {
		if (!this.coords || !this.coords.mq_legend) return frappe_render.call(this);
		mehrwert_quartier.map.render(this);
	};
}

if (frappe.ui && frappe.ui.form && frappe.ui.form.ControlGeolocation) {
	// Frappe's bind_leaflet_map with the site's tiles: pinning a place starts over Leipzig
	frappe.ui.form.ControlGeolocation.prototype.bind_leaflet_map = function () {
		mehrwert_quartier.map.set_defaults();
		this.map = L.map(this.map_id);
		this.map.setView(frappe.utils.map_defaults.center, frappe.utils.map_defaults.zoom);
		mehrwert_quartier.map.add_tiles(this.map);
		this.editableLayers = new L.FeatureGroup();
	};
}
