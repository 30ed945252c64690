//! The offer editor's provider and location pickers: the offer takes its provider and place from
//! the records (the server copies them again on save), instead of the admin typing them.

use crate::api;
use crate::form::{decimal, OfferForm};
use crate::texts::directory as t;
use crate::ui::{self, lang};
use forebyg_shared::directory::{LocationRecord, ProviderRecord, RecordStatus};
use leptos::prelude::*;

/// A select of the providers in the admin's scope; choosing one fills the offer's provider.
/// `base_form`: the form as loaded, which a provider filled in from its record belongs to too.
pub fn provider_picker(
    form: RwSignal<OfferForm>,
    base_form: RwSignal<OfferForm>,
    error: impl Fn() -> Option<String> + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let l = lang();
    let providers = LocalResource::new(|| async { api::get::<Vec<ProviderRecord>>("/api/v1/admin/providers").await.unwrap_or_default() });
    let choose = move |id: String| {
        let chosen = providers.get_untracked().and_then(|ps| ps.into_iter().find(|p| p.id == id));
        form.update(|f| {
            if f.provider_id != id {
                // A place belongs to one provider.
                f.location_id.clear();
            }
            f.provider_id = id.clone();
            if let Some(p) = &chosen {
                f.provider_name = p.name.clone();
                f.provider_kind = p.kind.code().into();
            }
        });
    };
    // A provider editor's new offer starts with their provider chosen: its name and kind come
    // with it once the records are in (a walk found the save refused, the provider in sight),
    // as part of the form's start, not an edit to be saved before leaving.
    Effect::new(move |_| {
        if providers.with(Option::is_some) && form.with_untracked(|f| f.provider_name.is_empty() && !f.provider_id.is_empty()) {
            let untouched = form.with_untracked(|f| base_form.with_untracked(|b| f == b));
            choose(form.with_untracked(|f| f.provider_id.clone()));
            if untouched {
                base_form.set(form.get_untracked());
            }
        }
    });
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <label class="field__label" for="f-provider_id">{t::PICK_PROVIDER.get(l)}</label>
            <p class="hint" id="f-provider_id-hint">{t::PICK_PROVIDER_HINT.get(l)}</p>
            {move || error().map(|m| view! { <p class="field-error" id="f-provider_id-error"><span class="visually-hidden">{crate::texts::common::ERROR_PREFIX.get(crate::ui::lang())}</span>{m}</p> })}
            <select id="f-provider_id" class="select" aria-invalid=move || error().is_some().then_some("true")
                aria-describedby=move || if error().is_some() { "f-provider_id-hint f-provider_id-error" } else { "f-provider_id-hint" }
                on:change=move |ev| choose(event_target_value(&ev))>
                <option value="" prop:selected=move || form.with(|f| f.provider_id.is_empty())>{t::CHOOSE_PROVIDER.get(l)}</option>
                {ui::when_loaded(providers, move |mut ps| {
                    ps.retain(|p| p.status == RecordStatus::Active || form.with_untracked(|f| f.provider_id == p.id));
                    ps.sort_by_key(|p| crate::offers_query::danish_key(&p.name));
                    ps.into_iter().map(|p| {
                        let id = p.id.clone();
                        view! { <option value=p.id.clone() prop:selected=move || form.with(|f| f.provider_id == id)>{p.name.clone()}</option> }
                    }).collect_view()
                })}
            </select>
        </div>
    }
}

/// A select of the chosen provider's locations; choosing one fills the offer's place.
pub fn location_picker(form: RwSignal<OfferForm>, error: impl Fn() -> Option<String> + Copy + Send + Sync + 'static) -> impl IntoView {
    let l = lang();
    let locations = LocalResource::new(|| async { api::get::<Vec<LocationRecord>>("/api/v1/admin/locations").await.unwrap_or_default() });
    let choose = move |id: String| {
        let chosen = locations.get_untracked().and_then(|ls| ls.into_iter().find(|x| x.id == id));
        form.update(|f| {
            f.location_id = id.clone();
            if let Some(x) = &chosen {
                f.location_name = x.name.clone();
                f.address = x.address.clone();
                f.postcode = x.postcode.clone();
                f.city = x.city.clone();
                f.municipality_code = x.municipality_code.clone();
                f.lat = decimal(x.point.lat);
                f.lon = decimal(x.point.lon);
            }
        });
    };
    view! {
        <div class="field" class:field--error=move || error().is_some()>
            <label class="field__label" for="f-location_id">{t::PICK_LOCATION.get(l)}</label>
            <p class="hint" id="f-location_id-hint">{t::PICK_LOCATION_HINT.get(l)}</p>
            {move || error().map(|m| view! { <p class="field-error" id="f-location_id-error"><span class="visually-hidden">{crate::texts::common::ERROR_PREFIX.get(crate::ui::lang())}</span>{m}</p> })}
            <select id="f-location_id" class="select" aria-describedby="f-location_id-hint" on:change=move |ev| choose(event_target_value(&ev))>
                <option value="" prop:selected=move || form.with(|f| f.location_id.is_empty())>{t::PICK_LOCATION_NONE.get(l)}</option>
                {ui::when_loaded(locations, move |all: Vec<LocationRecord>| move || {
                    let provider = form.with(|f| f.provider_id.clone());
                    let mut ls: Vec<&LocationRecord> = all.iter().filter(|x| x.provider_id == provider && (x.status == RecordStatus::Active || form.with_untracked(|f| f.location_id == x.id))).collect();
                    ls.sort_by_key(|x| crate::offers_query::danish_key(&x.name));
                    ls.into_iter().map(|x| {
                        let id = x.id.clone();
                        let text = format!("{}, {}, {} {}", x.name, x.address, x.postcode, x.city);
                        view! { <option value=x.id.clone() prop:selected=move || form.with(|f| f.location_id == id)>{text}</option> }
                    }).collect_view()
                })}
            </select>
        </div>
    }
}
