//! One offer of a clinician search, compact (a GP scrolls through some twenty of them): the title
//! and distance, the provider and place, whether the patient may join and why, places, next
//! start, price, evening and weekend classes (when asked for), who may refer and how (the phone
//! number where calling is a way); the languages, the digital alternative, the phone number
//! otherwise and the provider's note on referring behind "Flere oplysninger"; then "choose for the
//! handout" and "refer".

use super::eligibility::verdict;
use super::search::SearchState;
use crate::clinician::query::{self as cq, HandoutQuery};
use crate::clinician::refusal::not_yours;
use crate::clinician::texts as t;
use crate::components::badges::{CapacityBadge, DemoBadge};
use crate::{format, i18n};
use forebyg_shared::referral_route::ReferralMethod;
use forebyg_shared::search::clinician::ClinicianHit;
use forebyg_shared::taxonomy::Format;
use forebyg_shared::Lang;
use leptos::prelude::*;

/// Whether the card gives the offer's phone number with the way to refer ("ring til tilbuddet
/// (+45 …)") rather than among the details.
fn phone_to_refer(hit: &ClinicianHit) -> bool {
    hit.phone.is_some() && hit.referral.methods.contains(&ReferralMethod::Phone)
}

/// Who may refer and how (with the number to call, if that is a way), and what the referral must
/// contain: rows of the card's facts. To a signed-in clinician whose kind may not refer, only who
/// may: how the others refer is no way for them (a walk's hospital nurse read "Sådan henviser
/// du: gennem Forebyg" above "takes no referrals from hospital" as a contradiction).
fn referral_route(hit: &ClinicianHit, state: SearchState, lang: Lang) -> impl IntoView {
    let r = &hit.referral;
    let who: Vec<String> = r.referrers().iter().map(|k| k.label(lang).to_owned()).collect();
    let how: Vec<String> = r
        .methods
        .iter()
        .map(|m| match (m, &hit.phone) {
            // The number on one line.
            (ReferralMethod::Phone, Some(phone)) => format!("{} ({})", m.label(lang), phone.replace(' ', "\u{a0}")),
            _ => m.label(lang).to_owned(),
        })
        .collect();
    // Who: any of them may ("Egen læge, hospital og kommune"); how: one of the ways ("… eller ring").
    let or_not_stated = |items: Vec<String>, or: bool| {
        if items.is_empty() {
            t::NOT_STATED.get(lang).to_owned()
        } else {
            format::capitalise(&format::sentence(&items.iter().map(String::as_str).collect::<Vec<_>>(), lang, or))
        }
    };
    let content = r.must_include.as_ref().map(|m| m.get(lang).to_owned());
    let how = or_not_stated(how, true);
    let rules = r.clone();
    let theirs = move || state.referrer.get().is_none_or(|k| rules.accepts(k));
    view! {
        <div class="facts__wide referral-route"><dt>{t::REFER_WHO.get(lang)}</dt><dd>{or_not_stated(who, false)}</dd></div>
        {move || theirs().then(|| view! {
            <div class="facts__wide referral-route"><dt>{t::REFER_HOW.get(lang)}</dt><dd>{how.clone()}</dd></div>
            {content.clone().map(|m| view! { <div class="facts__wide"><dt>{t::REFER_CONTENT.get(lang)}</dt><dd>{m}</dd></div> })}
        })}
    }
}

/// With the patient's language chosen (`code`, not Danish), the card's languages come among its
/// first facts, saying when the offer is not given in it (an interpreter's case).
fn patient_language(hit: &ClinicianHit, code: &str, lang: Lang) -> impl IntoView {
    let held = format::languages(&hit.languages, lang);
    let text = if hit.given_in(code) { held } else { t::not_in_language(lang, &held, i18n::language_name(lang, code).unwrap_or(code)) };
    view! { <div><dt>{t::LANGUAGES.get(lang)}</dt><dd>{text}</dd></div> }
}

/// What a GP reads second: the languages (unless the patient's language put them among the first
/// facts), the digital alternative, the phone number (unless it is the way to refer) and the
/// provider's note on referring, in a disclosure named after the offer (one of many on the page).
fn more_details(hit: &ClinicianHit, languages_shown: bool, lang: Lang) -> impl IntoView {
    let o = &hit.offer;
    let digital = match o.format {
        Format::Digital => t::DIGITAL_ONLY,
        Format::Hybrid => t::DIGITAL_YES,
        Format::OnSite => t::DIGITAL_NO,
    };
    let languages = (!hit.languages.is_empty() && !languages_shown)
        .then(|| view! { <div><dt>{t::LANGUAGES.get(lang)}</dt><dd>{format::languages(&hit.languages, lang)}</dd></div> });
    let phone = hit.phone.clone().filter(|_| !phone_to_refer(hit)).map(|p| view! { <div><dt>{t::PHONE.get(lang)}</dt><dd>{p}</dd></div> });
    let note = hit.referral.note.clone().map(|n| view! { <p class="referral-route__note">{n}</p> });
    view! {
        <details class="clinic-card__more">
            <summary>{t::MORE_DETAILS.get(lang)}<span class="visually-hidden">": "<span lang=i18n::data_lang(lang)>{o.title.clone()}</span></span></summary>
            <dl class="facts">
                {languages}
                <div><dt>{t::DIGITAL_ALTERNATIVE.get(lang)}</dt><dd>{digital.get(lang)}</dd></div>
                {phone}
            </dl>
            {note}
        </details>
    }
}

/// Whom the offer was made for: a course for KOL or one for anyone with a chronic condition (the
/// order puts the first before the second at about the same distance, and this says why).
fn target_group(hit: &ClinicianHit, lang: Lang) -> impl IntoView {
    let text = if hit.for_every_condition() || hit.offer.conditions.is_empty() {
        t::EVERY_CONDITION.get(lang).to_owned()
    } else {
        format::sentence(&hit.offer.conditions.iter().map(|c| c.label(lang)).collect::<Vec<_>>(), lang, false)
    };
    view! { <div><dt>{t::TARGET_GROUP.get(lang)}</dt><dd>{text}</dd></div> }
}

pub fn card(hit: ClinicianHit, state: SearchState, lang: Lang) -> impl IntoView {
    let o = &hit.offer;
    let id = o.id.clone();
    let title_id = format!("offer-{id}-title");
    let choose_id = format!("offer-{id}-choose");
    let provider_id = format!("offer-{id}-provider");
    let labelled_by = title_id.clone();
    let distance = match (hit.distance_km, o.format) {
        (Some(km), f) if f != Format::Digital => format::distance(km, lang),
        _ => t::DIGITAL.get(lang).to_owned(),
    };
    let start = crate::i18n::start_label(o.next_start.as_deref(), o.continuous_enrolment, lang);
    let price = format::cost(&hit.cost, lang);
    // Outside working hours: said on each card once the clinician asks for such classes (a
    // patient who works), not on every card of every search (a GP scans some twenty of them).
    let asked = state.params.with_untracked(|p| p.as_ref().is_some_and(|p| p.evening || p.weekend));
    let teams = match (o.evening && asked, o.weekend && asked) {
        (true, true) => Some(t::EVENING_AND_WEEKEND),
        (true, false) => Some(i18n::EVENING),
        (false, true) => Some(i18n::WEEKEND),
        (false, false) => None,
    };
    let teams = teams.map(|x| view! { <div><dt>{t::OUTSIDE_WORK.get(lang)}</dt><dd>{x.get(lang)}</dd></div> });
    let language = state.params.with_untracked(|p| p.as_ref().and_then(|p| p.language.clone())).filter(|c| c != "da");
    let languages_shown = language.is_some();
    let language = language.map(|code| patient_language(&hit, &code, lang));
    // "Aalborg Kommune · Aalborg": who runs it and where, each named for a screen reader.
    let city = o.city.clone().map(|c| {
        view! { <span aria-hidden="true">" · "</span><span class="visually-hidden">". "{t::WHERE.get(lang)}": "</span>{c} }
    });
    let chosen = {
        let id = id.clone();
        Memo::new(move |_| state.selected().contains(&id))
    };
    let toggle = {
        let id = id.clone();
        move |_| state.toggle(&id)
    };
    // On a chosen card, the way on to the handout follows the checkbox (the next Tab stop).
    let handout_link = move || {
        chosen.get().then(|| {
            let sheet = state.params.with_untracked(|p| cq::sheet_lang(lang, p.as_ref()));
            let href = HandoutQuery { offers: state.selected(), lang: sheet, patient: false }.href();
            view! { <a class="clinic-card__handout" href=href>{t::MAKE_HANDOUT.get(lang)}</a> }
        })
    };
    // Chosen though the patient cannot join it (another patient in mind, or the relative who
    // came along): the clinician is told, and the sheet says the offer's limits.
    let not_eligible = hit.eligibility.verdict == forebyg_shared::eligibility::Verdict::NotEligible;
    // Full once MAX_HANDOUT_OFFERS are chosen: the others cannot be added.
    let shut = Memo::new(move |_| state.selected().len() >= cq::MAX_HANDOUT_OFFERS && !chosen.get());
    let full_hint_id = format!("{choose_id}-full");
    let full_id = full_hint_id.clone();
    let refer = {
        let (rules, through_forebyg) = (hit.referral.clone(), hit.refer_through_forebyg);
        let (href, label) = (cq::refer_href(&id, state.params.get_untracked().as_ref()), t::refer_to(lang, &o.title));
        // Signed in, the rule the API applies says whether this clinician may refer here: no
        // "Henvis" that ends in a refusal, but why not (the handout stays). Whether their kind of
        // organisation may refer at all comes first: an offer referred to by XREF15 alone must not
        // send a hospital nurse to "the route above" when it takes no hospital referrals.
        move || match state.referrer.get().and_then(|k| not_yours(&rules, k, lang)) {
            Some(why) => view! { <p class="muted clinic-card__not-yours">{why}</p> }.into_any(),
            None if through_forebyg => {
                view! { <a class="button button--secondary button--small" href=href.clone() aria-label=label.clone()>{t::REFER.get(lang)}</a> }
                    .into_any()
            }
            None if rules.takes_forebyg() => view! { <span class="muted">{t::CARD_FULL.get(lang)}</span> }.into_any(),
            None => view! { <span class="muted">{t::REFER_NOT_HERE.get(lang)}</span> }.into_any(),
        }
    };
    view! {
        <li class="result">
            <article class="card clinic-card" class:card--demo=o.demo aria-labelledby=labelled_by>
                <div class="card__head">
                    // Described by who runs it and where: offers of the same title are links of
                    // the same name (a screen reader's list of links tells them apart).
                    <h4 class="card__title" id=title_id lang=i18n::data_lang(lang)><a href=cq::offer_href(&id) aria-describedby=provider_id.clone()>{o.title.clone()}</a></h4>
                    <p class="card__distance">
                        <span class="visually-hidden">{t::DISTANCE.get(lang)}": "</span>{distance}
                        {hit.across_water.then(|| view! { <br/><span class="card__across">{crate::i18n::ACROSS_WATER.get(lang)}</span> })}
                    </p>
                </div>
                <p class="clinic-card__provider" id=provider_id>
                    <span class="visually-hidden">{i18n::PROVIDER.get(lang)}": "</span><span lang=i18n::data_lang(lang)>{o.provider_name.clone()}</span>{city}
                    {o.demo.then(|| view! { " "<DemoBadge lang=lang /> })}
                </p>
                {verdict(&hit.eligibility, lang)}
                <dl class="facts clinic-card__facts">
                    {target_group(&hit, lang)}
                    <div><dt>{t::PLACES.get(lang)}</dt><dd><CapacityBadge capacity=o.capacity lang=lang /></dd></div>
                    <div><dt>{t::NEXT_START.get(lang)}</dt><dd>{start}</dd></div>
                    <div><dt>{t::PRICE.get(lang)}</dt><dd>{price}</dd></div>
                    {teams}
                    {language}
                    {referral_route(&hit, state, lang)}
                </dl>
                {more_details(&hit, languages_shown, lang)}
                <div class="clinic-card__actions">
                    <div class="choice">
                        <input class="choice__input" type="checkbox" id=choose_id.clone() prop:checked=move || chosen.get()
                            disabled=move || shut.get() aria-describedby=move || shut.get().then(|| full_id.clone()) on:change=toggle />
                        <label class="choice__label" for=choose_id>{t::CHOOSE_FOR_HANDOUT.get(lang)}<span class="visually-hidden">": "<span lang=i18n::data_lang(lang)>{o.title.clone()}</span></span></label>
                    </div>
                    // A full handout says so where the box is, not only in the bar far above.
                    {move || shut.get().then(|| view! { <p class="hint clinic-card__full" id=full_hint_id.clone()>{t::handout_full(lang)}</p> })}
                    {move || (not_eligible && chosen.get()).then(|| view! { <p class="hint clinic-card__warn">{t::HANDOUT_NOT_ELIGIBLE.get(lang)}</p> })}
                    {handout_link}
                    {refer}
                </div>
            </article>
        </li>
    }
}
