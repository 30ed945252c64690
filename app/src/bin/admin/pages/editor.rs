//! `/admin/tilbud/ny` and `/admin/tilbud/:id`: the offer form. Save (create or edit from the
//! loaded version), publish / unpublish / archive, t::STILL_CORRECT.get(lang()) (re-verify). When someone
//! else saved first (409), the admin sees what differs, field by field, and can reapply their
//! changes onto the current version.

use super::multi_choice::multi_choice;
use crate::api::{self, SaveError};
use crate::app::use_session;
use crate::form::{self, Difference, OfferForm};
use crate::texts::editor as t;
use crate::ui::lang;
use crate::ui::{self, ErrorSummary, Failed, Loading};
use forebyg_shared::admin::{Reverify, StatusChange};
use forebyg_shared::auth::Role;
use forebyg_shared::geography;
use forebyg_shared::offer::Offer;
use forebyg_shared::referral_route::ReferralMethod;
use forebyg_shared::search::PostcodeInfo;
use forebyg_shared::taxonomy::{Capacity, Category, Condition, Format, OfferStatus, RegionCode};
use forebyg_shared::validation::FieldError;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use std::cell::RefCell;

thread_local! {
    /// A message for the next editor page (after a create navigates to the new offer).
    static FLASH: RefCell<Option<String>> = const { RefCell::new(None) };
}

#[component]
pub fn NewOfferPage() -> impl IntoView {
    let session = use_session();
    view! {
        {move || session.get().map(|p| {
            let region = p.region.unwrap_or(RegionCode::Midtjylland);
            let base = form::new_offer_base(region);
            let start = OfferForm::blank(Some(region), p.provider_id.as_deref(), &api::today());
            view! { <Editor base=base start=start new=true /> }.into_any()
        }).unwrap_or_else(|| view! { <Loading /> }.into_any())}
    }
}

#[component]
pub fn EditOfferPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let offer = LocalResource::new(move || {
        let id = id();
        async move { api::get::<Offer>(&format!("/api/v1/admin/offers/{}", forebyg_app::query::encode(&id))).await }
    });
    move || match offer.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(e)) => {
            let h1 = NodeRef::<H1>::new();
            ui::page_setup(t::LOAD_FAILED.get(lang()), h1);
            view! { <h1 node_ref=h1 tabindex="-1">{t::LOAD_FAILED.get(lang())}</h1><Failed error=e /> }.into_any()
        }
        Some(Ok(o)) => {
            let start = OfferForm::from_offer_in(&o, lang());
            view! { <Editor base=o start=start new=false /> }.into_any()
        }
    }
}

/// A place typed by hand is no longer the picked location record's.
fn typed(f: &mut OfferForm, change: impl FnOnce(&mut OfferForm)) {
    change(f);
    f.location_id.clear();
}

type GetFn = fn(&OfferForm) -> String;
type SetFn = fn(&mut OfferForm, String);

#[component]
fn Editor(base: Offer, start: OfferForm, new: bool) -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    let title = if new { t::NEW_H1.get(lang()).to_owned() } else { t::edit_title(&base.title, lang()) };
    ui::page_setup(&title, h1);
    let session = use_session();
    let navigate = use_navigate();

    let base_form = RwSignal::new(start.clone());
    let form = RwSignal::new(start);
    let base = RwSignal::new(base);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let conflict = RwSignal::new(None::<Offer>);
    let message = RwSignal::new(FLASH.with(|f| f.borrow_mut().take()));
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let heading = RwSignal::new(title);

    let loaded = move |o: Offer| {
        let f = OfferForm::from_offer_in(&o, lang());
        heading.set(t::edit_title(&o.title, lang()));
        base_form.set(f.clone());
        form.set(f);
        base.set(o);
        conflict.set(None);
        errors.set(vec![]);
    };
    let fail = move |e: SaveError| match e {
        SaveError::Stale(current) => {
            conflict.set(Some(*current));
            ui::focus_soon("conflict-title");
        }
        SaveError::Other(e) if !e.field_errors().is_empty() => {
            errors.set(e.field_errors().to_vec());
            ui::focus_soon("error-summary");
        }
        SaveError::Other(e) => {
            failure.set(Some(ui::error_text(&e)));
            ui::focus_soon("editor-failure");
        }
    };

    let save = {
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            message.set(None);
            failure.set(None);
            let b = base.get_untracked();
            let offer = match form.get_untracked().to_offer(&b) {
                Ok(o) => o,
                Err(e) => {
                    errors.set(e);
                    ui::focus_soon("error-summary");
                    return;
                }
            };
            errors.set(vec![]);
            busy.set(true);
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                let id = (!new).then(|| b.id.clone());
                match api::save_offer(id.as_deref(), &offer).await {
                    Ok(saved) if new => {
                        FLASH.with(|f| *f.borrow_mut() = Some(t::CREATED.get(lang()).into()));
                        navigate(&format!("/admin/tilbud/{}", saved.id), Default::default());
                    }
                    Ok(saved) => {
                        loaded(saved);
                        message.set(Some(t::SAVED.get(lang()).into()));
                        ui::focus_soon("editor-message");
                    }
                    Err(e) => fail(e),
                }
                busy.set(false);
            });
        }
    };

    let action = move |what: &'static str| {
        move |_| {
            message.set(None);
            failure.set(None);
            if form.get_untracked() != base_form.get_untracked() {
                failure.set(Some(t::UNSAVED.get(lang()).into()));
                ui::focus_soon("editor-failure");
                return;
            }
            let b = base.get_untracked();
            let url = format!("/api/v1/admin/offers/{}/{}", forebyg_app::query::encode(&b.id), if what == "verify" { "verify" } else { "status" });
            busy.set(true);
            leptos::task::spawn_local(async move {
                let r = if what == "verify" {
                    api::post_offer_action(&url, &Reverify { version: b.version }).await
                } else {
                    let status = OfferStatus::from_code(what).unwrap_or(OfferStatus::Draft);
                    api::post_offer_action(&url, &StatusChange { status, version: b.version }).await
                };
                match r {
                    Ok(o) => {
                        let text = match what {
                            "verify" => t::verified(&o.last_verified, lang()),
                            _ => t::status_now(o.status.label(lang()), lang()),
                        };
                        loaded(o);
                        message.set(Some(text));
                        ui::focus_soon("editor-message");
                    }
                    Err(e) => fail(e),
                }
                busy.set(false);
            });
        }
    };

    let reapply = move |_| {
        if let Some(current) = conflict.get_untracked() {
            let cur = OfferForm::from_offer_in(&current, lang());
            let next = form::reapply(&base_form.get_untracked(), &form.get_untracked(), &cur);
            let v = current.version;
            base_form.set(cur);
            base.set(current);
            form.set(next);
            conflict.set(None);
            message.set(Some(t::reapplied(v, lang())));
            ui::focus_soon("editor-message");
        }
    };
    let discard = move |_| {
        if let Some(current) = conflict.get_untracked() {
            loaded(current);
            message.set(Some(t::DISCARDED.get(lang()).into()));
            ui::focus_soon("editor-message");
        }
    };

    let err = move |key: &'static str| {
        move || {
            let id = format!("f-{key}");
            errors.with(|es| {
                let msgs: Vec<String> = es
                    .iter()
                    .filter(|e| form::control_id(&e.field).as_deref() == Some(id.as_str()))
                    .map(|e| e.message.get(lang()).to_owned())
                    .collect();
                (!msgs.is_empty()).then(|| msgs.join(" "))
            })
        }
    };

    let text = move |key: &'static str, label: &'static str, hint: Option<&'static str>, kind: &'static str, get: GetFn, set: SetFn| {
        let id = format!("f-{key}");
        let error = err(key);
        let error2 = err(key);
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        let described = {
            let (h, e) = (hint_id.clone(), error_id.clone());
            move || {
                let mut ids = vec![];
                if hint.is_some() {
                    ids.push(h.clone());
                }
                if error2().is_some() {
                    ids.push(e.clone());
                }
                (!ids.is_empty()).then(|| ids.join(" "))
            }
        };
        let control = if kind == "textarea" {
            view! {
                <textarea id=id.clone() class="input textarea" rows="4" aria-describedby=described
                    aria-invalid=move || error().is_some().then_some("true")
                    prop:value=move || form.with(get) on:input=move |ev| form.update(|f| set(f, event_target_value(&ev)))></textarea>
            }
            .into_any()
        } else {
            view! {
                <input id=id.clone() class="input" type=kind aria-describedby=described
                    aria-invalid=move || error().is_some().then_some("true")
                    prop:value=move || form.with(get) on:input=move |ev| form.update(|f| set(f, event_target_value(&ev))) />
            }
            .into_any()
        };
        let error3 = err(key);
        let error4 = err(key);
        view! {
            <div class="field" class:field--error=move || error3().is_some()>
                <label class="field__label" for=id>{label}</label>
                {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
                {move || error4().map(|m| view! { <p class="field-error" id=error_id.clone()><span class="visually-hidden">{t::ERROR_PREFIX.get(lang())}</span>{m}</p> })}
                {control}
            </div>
        }
    };

    let select = move |key: &'static str, label: &'static str, options: Vec<(&'static str, &'static str)>, get: GetFn, set: SetFn| {
        let id = format!("f-{key}");
        let error = err(key);
        view! {
            <div class="field" class:field--error=move || error().is_some()>
                <label class="field__label" for=id.clone()>{label}</label>
                <select id=id class="select" on:change=move |ev| form.update(|f| set(f, event_target_value(&ev)))>
                    {options.into_iter().map(|(code, text)| view! {
                        <option value=code selected=move || form.with(get) == code>{text}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };

    let checkbox = move |key: &'static str, label: &'static str, get: fn(&OfferForm) -> bool, set: fn(&mut OfferForm, bool)| {
        let id = format!("f-{key}");
        view! {
            <div class="choice">
                <input id=id.clone() class="choice__input" type="checkbox" prop:checked=move || form.with(get) on:change=move |ev| form.update(|f| set(f, event_target_checked(&ev))) />
                <label class="choice__label" for=id>{label}</label>
            </div>
        }
    };

    fn codes<T: Copy>(
        all: &[T],
        code: fn(T) -> &'static str,
        label: fn(T, forebyg_shared::Lang) -> &'static str,
    ) -> Vec<(&'static str, &'static str)> {
        all.iter().map(|&t| (code(t), label(t, ui::lang()))).collect()
    }

    let municipalities = move || {
        let region = RegionCode::from_code(&form.with(|f| f.region.clone())).unwrap_or(RegionCode::Midtjylland);
        let mut options = vec![("", t::CHOOSE_MUNICIPALITY.get(lang()))];
        options.extend(geography::municipalities_in(region).map(|m| (m.code, m.name)));
        options
    };
    let municipality_error = err("municipality_code");

    let fill_point = move |_| {
        let pc = form.with_untracked(|f| f.postcode.trim().to_owned());
        leptos::task::spawn_local(async move {
            match api::get::<PostcodeInfo>(&format!("/api/v1/postcodes/{}", forebyg_app::query::encode(&pc))).await {
                Ok(info) => {
                    form.update(|f| {
                        f.lat = format!("{:.5}", info.point.lat);
                        f.lon = format!("{:.5}", info.point.lon);
                        if f.city.trim().is_empty() {
                            f.city = info.name.clone();
                        }
                    });
                    message.set(Some(t::coordinates_set(&info.postcode, &info.name, lang())));
                }
                Err(e) => failure.set(Some(t::postcode_failed(&ui::error_text(&e), lang()))),
            }
        });
    };

    let is_national = move || session.with(|s| s.as_ref().is_some_and(|p| p.role == Role::NationalAdmin));
    let status_line = move || {
        let b = base.get();
        if new {
            t::NEW_STATUS.get(lang()).to_owned()
        } else {
            t::status_line(b.status.label(lang()), b.version, &b.last_verified, lang())
        }
    };

    view! {
        <p class="back-link"><a href="/admin/tilbud">{t::BACK.get(lang())}</a></p>
        <h1 node_ref=h1 tabindex="-1">{move || heading.get()}</h1>
        <p class="muted" id="editor-status">{status_line}</p>
        {move || message.get().map(|m| view! { <p class="notice notice--ok" id="editor-message" role="status" tabindex="-1">{m}</p> })}
        {move || failure.get().map(|m| view! { <p class="status status--error" id="editor-failure" role="alert" tabindex="-1">{m}</p> })}
        {move || conflict.get().map(|current| {
            let mine = form.get();
            let theirs = OfferForm::from_offer_in(&current, lang());
            let diffs: Vec<Difference> = form::differences(&base_form.get(), &mine, &theirs, lang());
            view! {
                <section class="conflict" aria-labelledby="conflict-title">
                    <h2 id="conflict-title" tabindex="-1">{t::CONFLICT_H2.get(lang())}</h2>
                    <p>{t::conflict(current.version, lang())}</p>
                    <div class="table-wrap" role="region" aria-labelledby="conflict-caption" tabindex="0">
                        <table class="admin-table">
                            <caption id="conflict-caption">{t::CONFLICT_CAPTION.get(lang())}</caption>
                            <thead><tr><th scope="col">{t::FIELD.get(lang())}</th><th scope="col">{t::YOUR_VALUE.get(lang())}</th><th scope="col">{t::SAVED_VERSION.get(lang())}</th><th scope="col">{t::ON_REAPPLY.get(lang())}</th></tr></thead>
                            <tbody>
                                {diffs.into_iter().map(|d| view! {
                                    <tr>
                                        <th scope="row">{d.label.get(lang())}</th>
                                        <td>{d.mine}</td>
                                        <td>{d.current}</td>
                                        <td>{if d.changed_by_me { t::YOUR_VALUE_USED.get(lang()) } else { t::SAVED_VALUE_USED.get(lang()) }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <div class="actions">
                        <button type="button" class="button" on:click=reapply>{t::REAPPLY.get(lang())}</button>
                        <button type="button" class="button button--secondary" on:click=discard>{t::DISCARD.get(lang())}</button>
                    </div>
                </section>
            }
        })}
        {move || (!errors.get().is_empty()).then(|| view! { <ErrorSummary errors=errors.get() /> })}
        {(!new).then(|| view! {
            <div class="actions" role="group" aria-label=t::STATUS_GROUP.get(lang())>
                {move || {
                    let s = base.get().status;
                    view! {
                        {(s != OfferStatus::Published).then(|| view! { <button type="button" class="button" disabled=move || busy.get() on:click=action("published")>{t::PUBLISH.get(lang())}</button> })}
                        {(s == OfferStatus::Published).then(|| view! { <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=action("draft")>{t::UNPUBLISH.get(lang())}</button> })}
                        {(s != OfferStatus::Archived).then(|| view! { <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=action("archived")>{t::ARCHIVE.get(lang())}</button> })}
                        <button type="button" class="button button--secondary" disabled=move || busy.get() on:click=action("verify")>{t::STILL_CORRECT.get(lang())}</button>
                    }
                }}
            </div>
        })}
        <form class="admin-form" on:submit=save novalidate>
            <fieldset class="form-section">
                <legend>{t::ABOUT_SECTION.get(lang())}</legend>
                {text("title", form::label("title", lang()), None, "text", |f| f.title.clone(), |f, v| f.title = v)}
                {text("summary", form::label("summary", lang()), Some(t::SUMMARY_HINT.get(lang())), "textarea", |f| f.summary.clone(), |f, v| f.summary = v)}
                {text("description", form::label("description", lang()), None, "textarea", |f| f.description.clone(), |f, v| f.description = v)}
                {select("category", form::label("category", lang()), codes(Category::ALL, Category::code, Category::label), |f| f.category.clone(), |f, v| f.category = v)}
                <fieldset class="field" class:field--error=move || err("condition-0")().is_some()>
                    <legend class="field__label">{form::label("conditions", lang())}</legend>
                    {move || err("condition-0")().map(|m| view! { <p class="field-error"><span class="visually-hidden">{t::ERROR_PREFIX.get(lang())}</span>{m}</p> })}
                    <div class="choices choices--columns">
                        {Condition::ALL.iter().enumerate().map(|(i, &c)| {
                            let id = format!("f-condition-{i}");
                            view! {
                                <div class="choice">
                                    <input id=id.clone() class="choice__input" type="checkbox"
                                        prop:checked=move || form.with(|f| f.conditions.contains(&c))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            form.update(|f| {
                                                f.conditions.retain(|x| *x != c);
                                                if on { f.conditions.push(c); f.conditions.sort(); }
                                            })
                                        } />
                                    <label class="choice__label" for=id>{c.label(ui::lang())}</label>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                {select("format", form::label("format", lang()), codes(Format::ALL, Format::code, Format::label), |f| f.format.clone(), |f, v| f.format = v)}
                {text("languages", form::label("languages", lang()), Some(t::LANGUAGES_HINT.get(lang())), "text", |f| f.languages.clone(), |f, v| f.languages = v)}
            </fieldset>
            <fieldset class="form-section">
                <legend>{t::TIMES_SECTION.get(lang())}</legend>
                {select("enrolment", form::label("enrolment", lang()), vec![("course", t::COURSE.get(lang())), ("continuous", t::CONTINUOUS.get(lang()))], |f| f.enrolment.clone(), |f, v| f.enrolment = v)}
                <div class="field-row">
                    {text("sessions", form::label("sessions", lang()), None, "text", |f| f.sessions.clone(), |f, v| f.sessions = v)}
                    {text("weeks", form::label("weeks", lang()), None, "text", |f| f.weeks.clone(), |f, v| f.weeks = v)}
                </div>
                {text("slots", form::label("slots", lang()), Some(t::SLOTS_HINT.get(lang())), "textarea", |f| f.slots.clone(), |f, v| f.slots = v)}
                {text("next_start", form::label("next_start", lang()), Some(t::NEXT_START_HINT.get(lang())), "text", |f| f.next_start.clone(), |f, v| f.next_start = v)}
            </fieldset>
            <fieldset class="form-section">
                <legend>{t::PLACE_SECTION.get(lang())}</legend>
                <p class="hint">{t::PLACE_HINT.get(lang())}</p>
                {super::pickers::location_picker(form, err("location_id"))}
                {text("location_name", form::label("location_name", lang()), None, "text", |f| f.location_name.clone(), |f, v| typed(f, |f| f.location_name = v))}
                {text("address", form::label("address", lang()), None, "text", |f| f.address.clone(), |f, v| typed(f, |f| f.address = v))}
                <div class="field-row">
                    {text("postcode", form::label("postcode", lang()), None, "text", |f| f.postcode.clone(), |f, v| typed(f, |f| f.postcode = v))}
                    {text("city", form::label("city", lang()), None, "text", |f| f.city.clone(), |f, v| typed(f, |f| f.city = v))}
                </div>
                {move || (is_national()).then(|| select("region", form::label("region", lang()), codes(RegionCode::ALL, RegionCode::code, RegionCode::label), |f| f.region.clone(), |f, v| f.region = v))}
                <div class="field" class:field--error=move || municipality_error().is_some()>
                    <label class="field__label" for="f-municipality_code">{form::label("municipality_code", lang())}</label>
                    {move || err("municipality_code")().map(|m| view! { <p class="field-error"><span class="visually-hidden">{t::ERROR_PREFIX.get(lang())}</span>{m}</p> })}
                    <select id="f-municipality_code" class="select" on:change=move |ev| form.update(|f| typed(f, |f| f.municipality_code = event_target_value(&ev)))>
                        {move || municipalities().into_iter().map(|(code, name)| view! {
                            <option value=code selected=move || form.with(|f| f.municipality_code == code)>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field-row">
                    {text("lat", form::label("lat", lang()), None, "text", |f| f.lat.clone(), |f, v| typed(f, |f| f.lat = v))}
                    {text("lon", form::label("lon", lang()), None, "text", |f| f.lon.clone(), |f, v| typed(f, |f| f.lon = v))}
                </div>
                <p><button type="button" class="button button--secondary" on:click=fill_point>{t::FETCH_COORDINATES.get(lang())}</button></p>
                {text("accessibility", form::label("accessibility", lang()), Some(t::ACCESSIBILITY_HINT.get(lang())), "textarea", |f| f.accessibility.clone(), |f, v| f.accessibility = v)}
            </fieldset>
            <fieldset class="form-section">
                <legend>{t::PROVIDER_SECTION.get(lang())}</legend>
                {super::pickers::provider_picker(form, err("provider_id"))}
                {text("contact_name", form::label("contact_name", lang()), None, "text", |f| f.contact_name.clone(), |f, v| f.contact_name = v)}
                {text("contact_phone", form::label("contact_phone", lang()), None, "tel", |f| f.contact_phone.clone(), |f, v| f.contact_phone = v)}
                {text("contact_email", form::label("contact_email", lang()), None, "email", |f| f.contact_email.clone(), |f, v| f.contact_email = v)}
                {text("contact_url", form::label("contact_url", lang()), None, "url", |f| f.contact_url.clone(), |f, v| f.contact_url = v)}
            </fieldset>
            <fieldset class="form-section">
                <legend>{t::REFERRAL_SECTION.get(lang())}</legend>
                <fieldset class="field" class:field--error=move || err("self_referral")().is_some()>
                    <legend class="field__label">{t::HOW_TO_JOIN.get(lang())}</legend>
                    {move || err("self_referral")().map(|m| view! { <p class="field-error"><span class="visually-hidden">{t::ERROR_PREFIX.get(lang())}</span>{m}</p> })}
                    <div class="choices">
                        {checkbox("self_referral", form::label("self_referral", lang()), |f| f.self_referral, |f, v| f.self_referral = v)}
                        {checkbox("from_gp", form::label("from_gp", lang()), |f| f.from_gp, |f, v| f.from_gp = v)}
                        {checkbox("from_hospital", form::label("from_hospital", lang()), |f| f.from_hospital, |f, v| f.from_hospital = v)}
                        {checkbox("from_municipality", form::label("from_municipality", lang()), |f| f.from_municipality, |f, v| f.from_municipality = v)}
                    </div>
                </fieldset>
                {text("referral_note", form::label("referral_note", lang()), None, "text", |f| f.referral_note.clone(), |f, v| f.referral_note = v)}
                {multi_choice(form, "method", "methods", ReferralMethod::ALL.iter().map(|m| (*m, m.label(lang()))).collect(), None, |f| &f.methods, |f| &mut f.methods)}
                <div class="field-row">
                    {text("must_include_da", form::label("must_include_da", lang()), None, "text", |f| f.must_include_da.clone(), |f, v| f.must_include_da = v)}
                    {text("must_include_en", form::label("must_include_en", lang()), None, "text", |f| f.must_include_en.clone(), |f, v| f.must_include_en = v)}
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{t::ELIGIBILITY_SECTION.get(lang())}</legend>
                <div class="field-row">
                    {text("min_age", form::label("min_age", lang()), Some(t::AGE_HINT.get(lang())), "text", |f| f.min_age.clone(), |f, v| f.min_age = v)}
                    {text("max_age", form::label("max_age", lang()), Some(t::AGE_HINT.get(lang())), "text", |f| f.max_age.clone(), |f, v| f.max_age = v)}
                </div>
                {multi_choice(form, "accepted", "accepted_conditions", Condition::ALL.iter().map(|c| (*c, c.label(lang()))).collect(), Some(t::ACCEPTED_HINT.get(lang())), |f| &f.accepted_conditions, |f| &mut f.accepted_conditions)}
                <p class="hint">{t::NOTE_HINT.get(lang())}</p>
                <div class="field-row">
                    {text("inclusion_da", form::label("inclusion_da", lang()), None, "text", |f| f.inclusion_da.clone(), |f, v| f.inclusion_da = v)}
                    {text("inclusion_en", form::label("inclusion_en", lang()), None, "text", |f| f.inclusion_en.clone(), |f, v| f.inclusion_en = v)}
                </div>
                <div class="field-row">
                    {text("exclusion_da", form::label("exclusion_da", lang()), None, "text", |f| f.exclusion_da.clone(), |f, v| f.exclusion_da = v)}
                    {text("exclusion_en", form::label("exclusion_en", lang()), None, "text", |f| f.exclusion_en.clone(), |f, v| f.exclusion_en = v)}
                </div>
            </fieldset>
            <fieldset class="form-section">
                <legend>{t::PLACES_SECTION.get(lang())}</legend>
                {select("capacity", form::label("capacity", lang()), codes(Capacity::ALL, Capacity::code, Capacity::label), |f| f.capacity.clone(), |f, v| f.capacity = v)}
                <div class="field-row">
                    {text("cost_dkk", form::label("cost_dkk", lang()), None, "text", |f| f.cost_dkk.clone(), |f, v| f.cost_dkk = v)}
                    {text("cost_note", form::label("cost_note", lang()), None, "text", |f| f.cost_note.clone(), |f, v| f.cost_note = v)}
                </div>
                {text("last_verified", form::label("last_verified", lang()), Some(t::DATE_HINT.get(lang())), "text", |f| f.last_verified.clone(), |f, v| f.last_verified = v)}
            </fieldset>
            <button type="submit" class="button" disabled=move || busy.get()>{if new { t::CREATE.get(lang()) } else { t::SAVE.get(lang()) }}</button>
        </form>
    }
}
