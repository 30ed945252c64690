//! The offer's point (#15 point 12): taken from the postcode's centre as soon as a valid postcode
//! is typed and no point is set (or the point is still the one taken from an earlier postcode);
//! the button fetches it again. A small map (`<forebyg-point-map>` of app/js/map.js, with
//! Leaflet, loaded only here) shows the pin, which can be dragged, or the map clicked, to adjust
//! it. The latitude and longitude fields stay the keyboard's (and the exact) way to set it: the
//! map is an enhancement.

use super::fields::text;
use super::state::OfferEditor;
use super::typed;
use crate::api;
use crate::form::{self, OfferForm};
use crate::texts::editor as t;
use crate::ui::{self, lang};
use forebyg_shared::search::PostcodeInfo;
use forebyg_shared::taxonomy::Format;
use forebyg_shared::validation::postcode_format;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The coordinates last taken from a postcode automatically: while the form still has them, a new
/// postcode replaces them (the admin has not placed the point themselves).
type AutoPoint = StoredValue<Option<(String, String)>>;

/// "Koordinater: 56.17, 9.55" or that none are set.
fn coordinates_summary(form: RwSignal<OfferForm>) -> String {
    form.with(|f| match (f.lat.trim(), f.lon.trim()) {
        ("", _) | (_, "") => t::NO_COORDINATES.get(lang()).to_owned(),
        (lat, lon) => t::coordinates(lat, lon, lang()),
    })
}

/// Looks the typed postcode up and fills the coordinates (and an empty town and municipality). `auto`: after
/// typing (said under the map; a failure is left to the validation) rather than the button (said
/// at the top, a failure too).
fn fetch(e: OfferEditor, auto: bool, last: AutoPoint, note: RwSignal<Option<String>>) {
    let pc = e.form.with_untracked(|f| f.postcode.trim().to_owned());
    leptos::task::spawn_local(async move {
        match api::get::<PostcodeInfo>(&format!("/api/v1/postcodes/{}", forebyg_app::query::encode(&pc))).await {
            // The postcode was changed again meanwhile: its own lookup fills the point.
            Ok(_) if auto && e.form.with_untracked(|f| f.postcode.trim() != pc) => {}
            Ok(info) => {
                let (lat, lon) = (format!("{:.5}", info.point.lat), format!("{:.5}", info.point.lon));
                e.form.update(|f| {
                    f.lat = lat.clone();
                    f.lon = lon.clone();
                    if f.city.trim().is_empty() {
                        f.city = info.name.clone();
                    }
                    // The post town's municipality, where none is chosen (a postcode can reach
                    // into a neighbour: the admin checks it, as the town).
                    if f.municipality_code.trim().is_empty() {
                        if let Some(p) = forebyg_shared::geography::postcode(&pc) {
                            f.municipality_code = p.municipality.to_owned();
                        }
                    }
                });
                last.set_value(Some((lat, lon)));
                let said = t::coordinates_set(&info.postcode, &info.name, lang());
                if auto {
                    note.set(Some(format!("{said} {}", t::POINT_ADJUST.get(lang()))));
                } else {
                    e.message.set(Some(said));
                }
            }
            Err(_) if auto => {}
            Err(err) => e.failure.set(Some(t::postcode_failed(&ui::load_error_text(&err), lang()))),
        }
    });
}

/// The button, the map and the coordinate fields, for the place section.
pub fn point(e: OfferEditor) -> impl IntoView {
    let form = e.form;
    let last: AutoPoint = StoredValue::new(None);
    let note = RwSignal::new(None::<String>);
    let postcode = Memo::new(move |_| form.with(|f| f.postcode.trim().to_owned()));
    Effect::new(move |_| {
        let pc = postcode.get();
        let replaceable = form.with_untracked(|f| {
            (f.lat.trim().is_empty() && f.lon.trim().is_empty()) || last.get_value().is_some_and(|(lat, lon)| f.lat == lat && f.lon == lon)
        });
        if postcode_format("postcode", &pc).is_ok() && replaceable {
            fetch(e, true, last, note);
        }
    });
    // The map where the offer has a place (or a point already).
    let on_map = Memo::new(move |_| form.with(|f| Format::from_code(&f.format).is_none_or(|x| x.has_place()) || !f.lat.trim().is_empty()));
    let moved = move |ev: leptos::ev::Event| {
        let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        if let (Some(lat), Some(lon)) = (el.get_attribute("data-lat"), el.get_attribute("data-lon")) {
            note.set(None);
            form.update(|f| typed(f, |f| (f.lat, f.lon) = (lat, lon)));
        }
    };
    view! {
        <p><button type="button" class="button button--secondary" on:click=move |_| fetch(e, false, last, note)>{t::FETCH_COORDINATES.get(lang())}</button></p>
        <p class="hint" role="status">{move || note.get()}</p>
        {move || on_map.get().then(|| {
            forebyg_app::components::js_module::load("forebyg:map");
            view! {
                <forebyg-point-map class="map point-map" data-lat=move || form.with(|f| f.lat.trim().replace(',', "."))
                    data-lon=move || form.with(|f| f.lon.trim().replace(',', ".")) on:change=moved></forebyg-point-map>
            }
        })}
        // The exact numbers are out of the way (open when they have an error).
        <details class="coordinates" open=move || e.err("lat")().is_some()>
            <summary>{move || coordinates_summary(form)}</summary>
            <div class="field-row">
                {text(e, "lat", form::label("lat", lang()), None, "text", |f| f.lat.clone(), |f, v| typed(f, |f| f.lat = v))}
                {text(e, "lon", form::label("lon", lang()), None, "text", |f| f.lon.clone(), |f, v| typed(f, |f| f.lon = v))}
            </div>
        </details>
    }
}
