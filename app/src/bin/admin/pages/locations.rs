//! `/admin/steder`, `/admin/steder/ny` and `/admin/steder/:id`: location records. Saving a
//! location updates every offer held there (on the server, in one write); a stale save shows
//! what changed and lets the admin reapply; archive (refused while published offers use it) and
//! restore.

use super::record_editor::{load_page, Editor, EditorTop};
use super::records::{field_error, text_field};
use crate::api;
use crate::record_form::{self, LocationForm};
use crate::session;
use crate::texts::directory as t;
use crate::ui::{self, lang};
use forebyg_app::api::ApiError;
use forebyg_shared::directory::{LocationRecord, ProviderRecord, RecordStatus};
use forebyg_shared::search::PostcodeInfo;
use forebyg_shared::taxonomy::RegionCode;
use leptos::html::H1;
use leptos::prelude::*;
#[component]
pub fn LocationsPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    let l = lang();
    ui::page_setup(t::LOCATIONS_H1.get(l), h1);
    let providers = LocalResource::new(|| async { api::get::<Vec<ProviderRecord>>("/api/v1/admin/providers").await.unwrap_or_default() });
    // The locations with the providers (loading at the same time) for the providers' names.
    let rows = LocalResource::new(move || async move {
        let rows = api::get::<Vec<LocationRecord>>("/api/v1/admin/locations").await?;
        let names = providers.await;
        let with_names = rows
            .into_iter()
            .map(|r| {
                let name = names.iter().find(|p| p.id == r.provider_id).map_or(r.provider_id.clone(), |p| p.name.clone());
                (r, name)
            })
            .collect::<Vec<_>>();
        Ok::<_, ApiError>(with_names)
    });
    let text = RwSignal::new(String::new());
    // Filtered as the admin types: in a closure of its own, so typing does not load anything.
    let table = move |rows: Vec<(LocationRecord, String)>| {
        move || {
            let needle = text.get().trim().to_lowercase();
            let mut hits: Vec<&(LocationRecord, String)> = rows
                .iter()
                .filter(|(r, p)| {
                    needle.is_empty()
                        || [&r.name, &r.address, &r.city, p].iter().any(|s| s.to_lowercase().contains(&needle))
                        || r.postcode.starts_with(&needle)
                })
                .collect();
            hits.sort_by(|a, b| (&a.0.city, &a.0.name).cmp(&(&b.0.city, &b.0.name)));
            let total = hits.len();
            view! {
                <p role="status">{format!("{total}")}" "{t::LOCATIONS_H1.get(l).to_lowercase()}</p>
                <div class="table-wrap" role="region" aria-labelledby="locations-caption" tabindex="0">
                    <table class="admin-table">
                        <caption id="locations-caption">{t::LOCATIONS_H1.get(l)}</caption>
                        <thead><tr><th scope="col">{t::COL_NAME.get(l)}</th><th scope="col">{t::COL_ADDRESS.get(l)}</th><th scope="col">{t::COL_PROVIDER.get(l)}</th><th scope="col">{t::COL_STATUS.get(l)}</th></tr></thead>
                        <tbody>
                            {hits.into_iter().take(100).map(|(r, provider)| view! {
                                <tr>
                                    <th scope="row"><a href=format!("/admin/steder/{}", r.id)>{r.name.clone()}</a></th>
                                    <td>{format!("{}, {} {}", r.address, r.postcode, r.city)}</td>
                                    <td>{provider.clone()}</td>
                                    <td>{r.status.label(l)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <h1 node_ref=h1 tabindex="-1">{t::LOCATIONS_H1.get(l)}</h1>
        <p>{t::LOCATIONS_INTRO.get(l)}</p>
        <p><a class="button" href="/admin/steder/ny">{t::NEW_LOCATION.get(l)}</a></p>
        <form class="filters" role="search" aria-label=t::LOCATIONS_H1.get(l) on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
            <div class="field">
                <label class="field__label" for="filter-text">{t::COL_NAME.get(l)}", "{t::COL_ADDRESS.get(l).to_lowercase()}", "{t::COL_PROVIDER.get(l).to_lowercase()}</label>
                <input id="filter-text" class="input" type="search" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
            </div>
        </form>
        {ui::suspense(rows, table)}
    }
}

#[component]
pub fn NewLocationPage() -> impl IntoView {
    session::page(|p| {
        let mut base = record_form::new_location(p.region.unwrap_or(RegionCode::Midtjylland));
        base.provider_id = p.provider_id.unwrap_or_default();
        view! { <LocationEditor base=base new=true /> }
    })
}

#[component]
pub fn EditLocationPage() -> impl IntoView {
    load_page::<LocationRecord>(|r| view! { <LocationEditor base=r new=false /> }.into_any())
}

#[component]
fn LocationEditor(base: LocationRecord, new: bool) -> impl IntoView {
    let l = lang();
    let h1 = NodeRef::<H1>::new();
    let start = if new { LocationForm::blank(Some(&base.provider_id)) } else { LocationForm::from_record(&base) };
    let editor = Editor::new(base, start, new, t::NEW_LOCATION, h1);
    let (form, errors, busy, failure) = (editor.form, editor.errors, editor.busy, editor.failure);
    let providers = LocalResource::new(|| async { api::get::<Vec<ProviderRecord>>("/api/v1/admin/providers").await.unwrap_or_default() });

    let fill_point = move |_| {
        let pc = form.with_untracked(|f| f.postcode.trim().to_owned());
        leptos::task::spawn_local(async move {
            match api::get::<PostcodeInfo>(&format!("/api/v1/postcodes/{}", forebyg_app::query::encode(&pc))).await {
                Ok(info) => form.update(|f| {
                    f.lat = format!("{:.5}", info.point.lat);
                    f.lon = format!("{:.5}", info.point.lon);
                    if f.city.trim().is_empty() {
                        f.city = info.name.clone();
                    }
                }),
                Err(e) => failure.set(Some(ui::error_text(&e))),
            }
        });
    };

    // Municipalities of the chosen provider's region (all while none is chosen).
    let municipalities = move |providers: &[ProviderRecord]| {
        let region = providers.iter().find(|p| form.with(|f| f.provider_id == p.id)).map(|p| p.region);
        let mut options = vec![("", t::CHOOSE_MUNICIPALITY.get(l))];
        options.extend(crate::offers_query::municipalities_by_name(region).into_iter().map(|m| (m.code, m.name)));
        options
    };
    let provider_error = field_error(errors, "provider_id");
    let municipality_error = field_error(errors, "municipality_code");

    view! {
        <EditorTop editor=editor h1=h1 back=t::BACK_LOCATIONS />
        <form class="admin-form" on:submit=move |ev| editor.save(ev) novalidate>
            <fieldset class="form-section">
                <legend>{t::SECTION_ABOUT.get(l)}</legend>
                <div class="field" class:field--error=move || provider_error().is_some()>
                    <label class="field__label" for="r-provider_id">{t::COL_PROVIDER.get(l)}</label>
                    {move || provider_error().map(|m| view! { <p class="field-error"><span class="visually-hidden">{crate::texts::common::ERROR_PREFIX.get(crate::ui::lang())}</span>{m}</p> })}
                    <select id="r-provider_id" class="select" disabled=!new on:change=move |ev| form.update(|f| f.provider_id = event_target_value(&ev))>
                        <option value="">{t::CHOOSE_PROVIDER.get(l)}</option>
                        {ui::when_loaded(providers, move |mut ps: Vec<ProviderRecord>| {
                            ps.sort_by_key(|p| crate::offers_query::danish_key(&p.name));
                            move || ps.iter()
                            .filter(|p| p.status == RecordStatus::Active || form.with(|f| f.provider_id == p.id))
                            .map(|p| {
                                let id = p.id.clone();
                                view! { <option value=p.id.clone() prop:selected=move || form.with(|f| f.provider_id == id)>{p.name.clone()}</option> }
                            }).collect_view()
                        })}
                    </select>
                </div>
                {text_field(form, errors, "name", record_form::label::<LocationForm>("name", l), None, |f| f.name.clone(), |f, v| f.name = v)}
                {text_field(form, errors, "address", record_form::label::<LocationForm>("address", l), None, |f| f.address.clone(), |f, v| f.address = v)}
                <div class="field-row">
                    {text_field(form, errors, "postcode", record_form::label::<LocationForm>("postcode", l), None, |f| f.postcode.clone(), |f, v| f.postcode = v)}
                    {text_field(form, errors, "city", record_form::label::<LocationForm>("city", l), None, |f| f.city.clone(), |f, v| f.city = v)}
                </div>
                <div class="field" class:field--error=move || municipality_error().is_some()>
                    <label class="field__label" for="r-municipality_code">{record_form::label::<LocationForm>("municipality_code", l)}</label>
                    {move || municipality_error().map(|m| view! { <p class="field-error"><span class="visually-hidden">{crate::texts::common::ERROR_PREFIX.get(crate::ui::lang())}</span>{m}</p> })}
                    <select id="r-municipality_code" class="select" on:change=move |ev| form.update(|f| f.municipality_code = event_target_value(&ev))>
                        {ui::when_loaded(providers, move |ps: Vec<ProviderRecord>| move || municipalities(&ps).into_iter().map(|(code, name)| view! {
                            <option value=code prop:selected=move || form.with(|f| f.municipality_code == code)>{name}</option>
                        }).collect_view())}
                    </select>
                </div>
                <div class="field-row">
                    {text_field(form, errors, "lat", record_form::label::<LocationForm>("lat", l), None, |f| f.lat.clone(), |f, v| f.lat = v)}
                    {text_field(form, errors, "lon", record_form::label::<LocationForm>("lon", l), None, |f| f.lon.clone(), |f, v| f.lon = v)}
                </div>
                <p><button type="button" class="button button--secondary" on:click=fill_point>{t::FILL_POINT.get(l)}</button></p>
                {text_field(form, errors, "step_free_access", record_form::label::<LocationForm>("step_free_access", l), Some(t::STEP_FREE_HINT.get(l)), |f| f.step_free_access.clone(), |f, v| f.step_free_access = v)}
            </fieldset>
            <button type="submit" class="button" disabled=move || busy.get()>{if new { t::SAVE_NEW.get(l) } else { t::SAVE.get(l) }}</button>
        </form>
    }
}
