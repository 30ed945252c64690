//! The sections of the offer form, one fieldset each, in the order of the form (the error
//! summary follows the same order: `crate::form::form_position`).

use super::fields::{checkbox, codes, error_line, select, text};
use super::state::OfferEditor;
use super::typed;
use crate::form;
use crate::pages::multi_choice::multi_choice;
use crate::session::{is_national_admin, use_session};
use crate::texts::editor as t;
use crate::ui::{self, lang};
use forebyg_app::i18n;
use forebyg_shared::eligibility::Residence;
use forebyg_shared::referral_route::ReferralMethod;
use forebyg_shared::taxonomy::{Capacity, Category, Condition, Format, RegionCode};
use leptos::prelude::*;

/// The offer itself: title, texts, intervention, target groups, format, languages.
pub fn about(e: OfferEditor) -> impl IntoView {
    let form = e.form;
    view! {
            <fieldset class="form-section">
                <legend>{t::ABOUT_SECTION.get(lang())}</legend>
                {text(e, "title", form::label("title", lang()), None, "text", |f| f.title.clone(), |f, v| f.title = v)}
                {text(e, "summary", form::label("summary", lang()), Some(t::SUMMARY_HINT.get(lang())), "textarea", |f| f.summary.clone(), |f, v| f.summary = v)}
                {text(e, "description", form::label("description", lang()), None, "textarea", |f| f.description.clone(), |f, v| f.description = v)}
                {select(e, "category", form::label("category", lang()), None, codes(Category::ALL, Category::code, Category::label), |f| f.category.clone(), |f, v| f.category = v)}
                <fieldset class="field" class:field--error=move || e.err("condition-0")().is_some()>
                    <legend class="field__label">{form::label("conditions", lang())}</legend>
                    {move || e.err("condition-0")().map(|m| error_line(m, None))}
                    <div class="choices choices--columns">
                        {Condition::ALL.iter().enumerate().map(|(i, &c)| {
                            let id = format!("f-condition-{i}");
                            view! {
                                <div class="choice">
                                    <input id=id.clone() class="choice__input" type="checkbox"
                                        aria-invalid=move || e.err("condition-0")().is_some().then_some("true")
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
                {select(e, "format", form::label("format", lang()), None, codes(Format::ALL, Format::code, Format::label), |f| f.format.clone(), |f, v| f.format = v)}
                {languages(e)}
            </fieldset>
    }
}

/// The languages as checkboxes (`f-language-{i}`), with any code of the offer outside the usual
/// list kept as a box of its own.
fn languages(e: OfferEditor) -> impl IntoView {
    let form = e.form;
    let mut codes: Vec<String> = i18n::LANGUAGE_CODES.iter().map(|c| c.to_string()).collect();
    codes.extend(form.with_untracked(|f| f.languages.iter().filter(|c| !i18n::LANGUAGE_CODES.contains(&c.as_str())).cloned().collect::<Vec<_>>()));
    let boxes = codes
        .into_iter()
        .enumerate()
        .map(|(i, code)| {
            let id = format!("f-language-{i}");
            let name = i18n::language_name(lang(), &code).map(forebyg_app::format::capitalise).unwrap_or_else(|| code.clone());
            let c = code.clone();
            view! {
                <div class="choice">
                    <input id=id.clone() class="choice__input" type="checkbox" prop:checked=move || form.with(|f| f.languages.contains(&c))
                        aria-invalid=move || e.err("language-0")().is_some().then_some("true")
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            form.update(|f| {
                                f.languages.retain(|x| *x != code);
                                if on { f.languages.push(code.clone()); }
                            })
                        } />
                    <label class="choice__label" for=id>{name}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field" class:field--error=move || e.err("language-0")().is_some()>
            <legend class="field__label">{form::label("languages", lang())}</legend>
            {move || e.err("language-0")().map(|m| error_line(m, None))}
            <div class="choices choices--columns">{boxes}</div>
        </fieldset>
    }
}

/// Enrolment, sessions and weeks, weekly times, next start.
pub fn times(e: OfferEditor) -> impl IntoView {
    // A memo: the length's fields are drawn again only when the enrolment changes, not on each key.
    let course = Memo::new(move |_| e.form.with(|f| f.enrolment == "course"));
    view! {
            <fieldset class="form-section">
                <legend>{t::TIMES_SECTION.get(lang())}</legend>
                {select(e, "enrolment", form::label("enrolment", lang()), None, vec![("course", t::COURSE.get(lang())), ("continuous", t::CONTINUOUS.get(lang()))], |f| f.enrolment.clone(), |f, v| f.enrolment = v)}
                // A course's length; continuous enrolment has none (the fields would be dropped).
                {move || course.get().then(|| view! {
                    <div class="field-row">
                        {text(e, "sessions", form::label("sessions", lang()), None, "text", |f| f.sessions.clone(), |f, v| f.sessions = v)}
                        {text(e, "weeks", form::label("weeks", lang()), None, "text", |f| f.weeks.clone(), |f, v| f.weeks = v)}
                    </div>
                })}
                {super::slots::slots(e)}
                {text(e, "next_start", form::label("next_start", lang()), Some(t::NEXT_START_HINT.get(lang())), "date", |f| f.next_start.clone(), |f, v| f.next_start = v)}
                // Not refused (a first meeting may be on another day), but likelier a slip.
                <p role="status" class="field-warning">
                    {move || e.form.with(|f| form::start_off_the_weekly_days(&f.next_start, &f.slots, lang()))}
                </p>
            </fieldset>
    }
}

/// The place: picked from the location records or typed, with its coordinates.
pub fn place(e: OfferEditor) -> impl IntoView {
    let form = e.form;
    let session = use_session();
    let is_national = move || session.with(is_national_admin);
    let municipalities = move || {
        let region = RegionCode::from_code(&form.with(|f| f.region.clone())).unwrap_or(RegionCode::Midtjylland);
        let mut options = vec![("", t::CHOOSE_MUNICIPALITY.get(lang()))];
        options.extend(crate::offers_query::municipalities_by_name(Some(region)).into_iter().map(|m| (m.code, m.name)));
        options
    };
    let municipality_error = e.err("municipality_code");
    view! {
            <fieldset class="form-section">
                <legend>{t::PLACE_SECTION.get(lang())}</legend>
                <p class="hint">{t::PLACE_HINT.get(lang())}</p>
                {crate::pages::pickers::location_picker(form, e.err("location_id"))}
                {text(e, "location_name", form::label("location_name", lang()), None, "text", |f| f.location_name.clone(), |f, v| typed(f, |f| f.location_name = v))}
                {text(e, "address", form::label("address", lang()), None, "text", |f| f.address.clone(), |f, v| typed(f, |f| f.address = v))}
                <div class="field-row">
                    {text(e, "postcode", form::label("postcode", lang()), None, "text", |f| f.postcode.clone(), |f, v| typed(f, |f| f.postcode = v))}
                    {text(e, "city", form::label("city", lang()), None, "text", |f| f.city.clone(), |f, v| typed(f, |f| f.city = v))}
                </div>
                {move || (is_national()).then(|| select(e, "region", form::label("region", lang()), None, codes(RegionCode::ALL, RegionCode::code, RegionCode::label), |f| f.region.clone(), |f, v| f.region = v))}
                <div class="field" class:field--error=move || municipality_error().is_some()>
                    <label class="field__label" for="f-municipality_code">{form::label("municipality_code", lang())}</label>
                    {move || municipality_error().map(|m| error_line(m, Some("f-municipality_code-error".into())))}
                    <select id="f-municipality_code" class="select"
                        aria-describedby=move || municipality_error().is_some().then_some("f-municipality_code-error")
                        aria-invalid=move || municipality_error().is_some().then_some("true")
                        on:change=move |ev| form.update(|f| typed(f, |f| f.municipality_code = event_target_value(&ev)))>
                        {move || municipalities().into_iter().map(|(code, name)| view! {
                            <option value=code prop:selected=move || form.with(|f| f.municipality_code == code)>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
                {super::point::point(e)}
                {text(e, "accessibility", form::label("accessibility", lang()), Some(t::ACCESSIBILITY_HINT.get(lang())), "textarea", |f| f.accessibility.clone(), |f, v| f.accessibility = v)}
            </fieldset>
    }
}

/// The provider (picked from the records) and the contact.
pub fn provider(e: OfferEditor) -> impl IntoView {
    let form = e.form;
    view! {
            <fieldset class="form-section">
                <legend>{t::PROVIDER_SECTION.get(lang())}</legend>
                {crate::pages::pickers::provider_picker(form, e.base_form, e.err("provider_id"))}
                {text(e, "contact_name", form::label("contact_name", lang()), None, "text", |f| f.contact_name.clone(), |f, v| f.contact_name = v)}
                {text(e, "contact_phone", form::label("contact_phone", lang()), None, "tel", |f| f.contact_phone.clone(), |f, v| f.contact_phone = v)}
                {text(e, "contact_email", form::label("contact_email", lang()), None, "email", |f| f.contact_email.clone(), |f, v| f.contact_email = v)}
                {text(e, "contact_url", form::label("contact_url", lang()), None, "url", |f| f.contact_url.clone(), |f, v| f.contact_url = v)}
            </fieldset>
    }
}

/// How people join and how clinicians refer.
pub fn referral(e: OfferEditor) -> impl IntoView {
    let form = e.form;
    view! {
            <fieldset class="form-section">
                <legend>{t::REFERRAL_SECTION.get(lang())}</legend>
                <fieldset class="field" class:field--error=move || e.err("self_referral")().is_some()>
                    <legend class="field__label">{t::HOW_TO_JOIN.get(lang())}</legend>
                    {move || e.err("self_referral")().map(|m| error_line(m, None))}
                    <div class="choices">
                        {checkbox(e, "self_referral", form::label("self_referral", lang()), |f| f.self_referral, |f, v| f.self_referral = v)}
                        {checkbox(e, "from_gp", form::label("from_gp", lang()), |f| f.from_gp, |f, v| f.from_gp = v)}
                        {checkbox(e, "from_hospital", form::label("from_hospital", lang()), |f| f.from_hospital, |f, v| f.from_hospital = v)}
                        {checkbox(e, "from_municipality", form::label("from_municipality", lang()), |f| f.from_municipality, |f, v| f.from_municipality = v)}
                    </div>
                </fieldset>
                {text(e, "referral_note", form::label("referral_note", lang()), None, "text", |f| f.referral_note.clone(), |f, v| f.referral_note = v)}
                {multi_choice(form, "method", "methods", ReferralMethod::ALL.iter().map(|m| (*m, m.label(lang()))).collect(), None, |f| &f.methods, |f| &mut f.methods)}
                <div class="field-row">
                    {text(e, "must_include_da", form::label("must_include_da", lang()), None, "text", |f| f.must_include_da.clone(), |f, v| f.must_include_da = v)}
                    {text(e, "must_include_en", form::label("must_include_en", lang()), None, "text", |f| f.must_include_en.clone(), |f, v| f.must_include_en = v)}
                </div>
                {text(e, "response_days", form::label("response_days", lang()), Some(t::RESPONSE_DAYS_HINT.get(lang())), "text", |f| f.response_days.clone(), |f, v| f.response_days = v)}
            </fieldset>
    }
}

/// Who can join: ages, conditions accepted, notes.
pub fn eligibility(e: OfferEditor) -> impl IntoView {
    let form = e.form;
    view! {
            <fieldset class="form-section">
                <legend>{t::ELIGIBILITY_SECTION.get(lang())}</legend>
                <div class="field-row">
                    {text(e, "min_age", form::label("min_age", lang()), Some(t::AGE_HINT.get(lang())), "text", |f| f.min_age.clone(), |f, v| f.min_age = v)}
                    {text(e, "max_age", form::label("max_age", lang()), Some(t::AGE_HINT.get(lang())), "text", |f| f.max_age.clone(), |f, v| f.max_age = v)}
                </div>
                {select(e, "residence", form::label("residence", lang()), Some(residence_hint(form)), residence_options(), |f| f.residence.clone(), |f, v| f.residence = v)}
                {multi_choice(form, "accepted", "accepted_conditions", Condition::ALL.iter().map(|c| (*c, c.label(lang()))).collect(), Some(t::ACCEPTED_HINT.get(lang())), |f| &f.accepted_conditions, |f| &mut f.accepted_conditions)}
                <p class="hint">{t::NOTE_HINT.get(lang())}</p>
                <div class="field-row">
                    {text(e, "inclusion_da", form::label("inclusion_da", lang()), None, "text", |f| f.inclusion_da.clone(), |f, v| f.inclusion_da = v)}
                    {text(e, "inclusion_en", form::label("inclusion_en", lang()), None, "text", |f| f.inclusion_en.clone(), |f, v| f.inclusion_en = v)}
                </div>
                <div class="field-row">
                    {text(e, "exclusion_da", form::label("exclusion_da", lang()), None, "text", |f| f.exclusion_da.clone(), |f, v| f.exclusion_da = v)}
                    {text(e, "exclusion_en", form::label("exclusion_en", lang()), None, "text", |f| f.exclusion_en.clone(), |f, v| f.exclusion_en = v)}
                </div>
            </fieldset>
    }
}

/// Which municipality and region the rules mean, as the form stands: the place's municipality
/// and the offer's region (as [`forebyg_shared::offer::Offer::area`] decides).
fn residence_hint(form: RwSignal<form::OfferForm>) -> Signal<String> {
    Signal::derive(move || {
        form.with(|f| {
            let Some(region) = RegionCode::from_code(&f.region) else { return String::new() };
            let code = f.municipality_code.trim();
            let area = forebyg_shared::eligibility::Area::new(region, (!code.is_empty()).then_some(code));
            area.residence_hint().get(lang()).to_owned()
        })
    })
}

/// "Ikke angivet", then the rules in the offer's own terms (its municipality, region, Denmark).
fn residence_options() -> Vec<(&'static str, &'static str)> {
    let mut options = vec![("", t::RESIDENCE_NOT_STATED.get(lang()))];
    options.extend(codes(Residence::ALL, Residence::code, Residence::label));
    options
}

/// Places, price and when the offer was last confirmed.
pub fn places(e: OfferEditor) -> impl IntoView {
    view! {
            <fieldset class="form-section">
                <legend>{t::PLACES_SECTION.get(lang())}</legend>
                {select(e, "capacity", form::label("capacity", lang()), None, codes(Capacity::ALL, Capacity::code, Capacity::label), |f| f.capacity.clone(), |f, v| f.capacity = v)}
                <div class="field-row">
                    {text(e, "cost_dkk", form::label("cost_dkk", lang()), None, "text", |f| f.cost_dkk.clone(), |f, v| f.cost_dkk = v)}
                    {text(e, "cost_note", form::label("cost_note", lang()), None, "text", |f| f.cost_note.clone(), |f, v| f.cost_note = v)}
                </div>
                {text(e, "last_verified", form::label("last_verified", lang()), None, "date", |f| f.last_verified.clone(), |f, v| f.last_verified = v)}
            </fieldset>
    }
}
