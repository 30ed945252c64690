//! The offer page's facts, section by section (intervention and format, about, who it is for,
//! what joining means and when, where, how to join, places, price, contact, provider): the
//! citizen offer page shows them, and the admin offer editor's preview shows the same from the
//! form's unsaved values.

use crate::components::badges::CapacityBadge;
use crate::components::facts::{contact_facts, paragraphs, row};
use crate::{format, i18n};
use forebyg_shared::offer::{Enrolment, Offer};
use forebyg_shared::taxonomy::{Capacity, Format};
use forebyg_shared::Lang;
use leptos::prelude::*;

/// The tags and sections of `o`'s page in `lang`.
pub fn offer_sections(o: &Offer, lang: Lang) -> impl IntoView {
    let t = |x: i18n::Text| x.get(lang);
    // A closed offer's page is for the people already on it: no places, next start or way to
    // join beside "Tilbuddet er lukket".
    let open = !o.is_archived();
    // Provider text is Danish (WCAG 3.1.2 in the English UI).
    let dl = i18n::data_lang(lang);

    let who = {
        let conditions: Vec<&str> = o.conditions_taken().iter().map(|c| c.label(lang)).collect();
        let pakke = (!o.packages.is_empty()).then(|| view! { <super::offer_packages::OfferPackages deliveries=o.packages.clone() lang=lang /> });
        let e = &o.eligibility;
        let note =
            |label: &Option<forebyg_shared::Label>, lead: i18n::Text| label.as_ref().map(|n| view! { <p>{t(lead)}" "{n.get(lang).to_owned()}</p> });
        view! {
            <p class="who-for">{e.who_for(&o.area()).get(lang).to_owned()}</p>
            {note(&e.inclusion_note, i18n::INCLUSION_NOTE)}
            {note(&e.exclusion_note, i18n::EXCLUSION_NOTE)}
            {if conditions.is_empty() {
                view! { <p>{t(i18n::CONDITIONS_NONE)}</p> }.into_any()
            } else {
                view! {
                    <p>{t(i18n::CONDITIONS_FOR)}</p>
                    <ul>{conditions.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                }
                .into_any()
            }}
            {pakke}
        }
    };

    let what = {
        let enrolment = match o.schedule.enrolment {
            Enrolment::Continuous => t(i18n::ENROLMENT_CONTINUOUS).to_owned(),
            Enrolment::Course { sessions, weeks } => i18n::course(lang, sessions, weeks),
        };
        let next_start = match (o.schedule.next_start.as_deref(), &o.schedule.enrolment) {
            _ if !open => None,
            (Some(d), _) => Some(row(t(i18n::NEXT_START), format::date(d, lang))),
            // A course with no date yet: say so rather than nothing.
            (None, Enrolment::Course { .. }) => Some(row(t(i18n::NEXT_START), t(i18n::START_TBD).to_owned())),
            (None, Enrolment::Continuous) => None,
        };
        let slots = if o.schedule.slots.is_empty() {
            t(i18n::NO_FIXED_TIMES).into_any()
        } else {
            view! { <ul class="plain">{format::week(&o.schedule.slots, lang).into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul> }
                .into_any()
        };
        let languages = (!o.languages.is_empty()).then(|| row(t(i18n::LANGUAGES), format::languages(&o.languages, lang)));
        view! {
            <p>{enrolment}</p>
            <dl class="facts facts--stacked">
                {next_start}
                {row(t(i18n::WHEN), slots)}
                {languages}
            </dl>
        }
    };

    let where_ = {
        let place = o.location.clone().map(|l| {
            let directions = format!(
                "https://www.openstreetmap.org/directions?to={}%2C{}",
                forebyg_shared::decimal::format(l.point.lat, 5),
                forebyg_shared::decimal::format(l.point.lon, 5)
            );
            view! {
                <p class="no-print"><a href=directions rel="noopener" target="_blank">{t(i18n::DIRECTIONS)}</a></p>
                <p class="address" lang=dl>
                    <strong>{l.name}</strong><br />
                    {l.address}<br />
                    {format!("{} {}", l.postcode, l.city)}
                </p>
            }
        });
        let digital = match o.format {
            Format::Digital => Some(view! { <p><strong>{t(i18n::DIGITAL_OFFER)}</strong>". "{t(i18n::DIGITAL_OFFER_TEXT)}</p> }.into_any()),
            Format::Hybrid => Some(view! { <p>{t(i18n::HYBRID_TEXT)}</p> }.into_any()),
            Format::OnSite => None,
        };
        let access = o.accessibility.clone().map(|a| view! { <p><strong>{t(i18n::ACCESSIBILITY)}": "</strong><span lang=dl>{a}</span></p> });
        view! { {place} {digital} {access} }
    };

    let join = {
        let r = &o.referral;
        let mut from: Vec<&str> = vec![];
        if r.from_gp {
            from.push(t(i18n::REFERRAL_GP));
        }
        if r.from_hospital {
            from.push(t(i18n::REFERRAL_HOSPITAL));
        }
        if r.from_municipality {
            from.push(t(i18n::REFERRAL_MUNICIPALITY));
        }
        // A full course takes no one now (said at the top of the page): not "sign up yourself".
        let self_ref = match (r.self_referral, o.capacity) {
            (true, Capacity::Full) => t(i18n::SELF_REFERRAL_WHEN_ROOM),
            (true, _) => t(i18n::SELF_REFERRAL_YES),
            (false, _) => t(i18n::SELF_REFERRAL_NO),
        };
        let referral = (!from.is_empty()).then(|| view! { <p>{t(i18n::REFERRAL_FROM)}" "{format::list(&from, lang)}"."</p> });
        let note = r.note.clone().map(|n| view! { <p lang=dl>{n}</p> });
        view! { <p>{self_ref}</p> {referral} {note} }
    };

    let price = {
        let note = o.cost.note.clone().map(|n| view! { <p lang=dl>{n}</p> });
        view! { <p class="price">{format::price(o.cost.dkk, lang)}</p> {note} }
    };

    let contact = contact_facts(o.contact.clone(), lang);

    let provider = view! {
        <dl class="facts facts--stacked">
            {row(t(i18n::PROVIDER), o.provider.name.clone())}
            {row(t(i18n::PROVIDER_KIND), o.provider.kind.label(lang))}
            {row(t(i18n::REGION), o.region.label(lang))}
        </dl>
    };

    view! {
            <ul class="tags tags--offer">
                <li class="tag">{o.category.label(lang)}</li>
                <li class="tag">{o.format.label(lang)}</li>
                {open.then(|| view! { <li class="tag"><CapacityBadge capacity=o.capacity lang=lang /></li> })}
            </ul>
            <section class="offer__section">
                <h2>{t(i18n::ABOUT_OFFER)}</h2>
                <div lang=dl>{paragraphs(&o.description)}</div>
            </section>
            <section class="offer__section"><h2>{t(i18n::SECTION_WHO)}</h2>{who}</section>
            <section class="offer__section"><h2>{t(i18n::SECTION_WHAT)}</h2>{what}</section>
            <section class="offer__section"><h2>{t(i18n::SECTION_WHERE)}</h2>{where_}</section>
            {open.then(|| view! {
                <section class="offer__section"><h2>{t(i18n::SECTION_JOIN)}</h2>{join}</section>
                <section class="offer__section">
                    <h2>{t(i18n::SECTION_PLACES)}</h2>
                    <p><CapacityBadge capacity=o.capacity lang=lang /></p>
                </section>
            })}
            <section class="offer__section"><h2>{t(i18n::SECTION_PRICE)}</h2>{price}</section>
            <section class="offer__section"><h2>{t(i18n::SECTION_CONTACT)}</h2>{contact}</section>
            <section class="offer__section"><h2>{t(i18n::SECTION_PROVIDER)}</h2>{provider}</section>
    }
}
