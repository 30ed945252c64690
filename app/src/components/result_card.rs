//! One search result: `<li><article>` with the title linking to the offer page. Compact on a
//! phone (issue #15 point 5): no fact the search or the list already says (the one topic searched
//! for; on-site or digital, which the distance and the list's heading say).

use crate::components::badges::{CapacityBadge, DemoBadge, ReferralBadge};
use crate::components::save_toggle::SaveToggle;
use crate::{format, i18n, query};
use forebyg_shared::eligibility::capitalise;
use forebyg_shared::search::{OfferHit, Outside, SearchOrigin};
use forebyg_shared::taxonomy::{Capacity, Format};
use forebyg_shared::Lang;
use leptos::prelude::*;

/// `origin`: where the search was made from; an offer whose residence rule leaves it out says so.
/// `show_topic`: false when the search asked for this one topic only.
#[component]
pub fn ResultCard(hit: OfferHit, origin: SearchOrigin, show_topic: bool, lang: Lang) -> impl IntoView {
    let o = hit.offer;
    let left_out = o.outside(&origin);
    let residence = o.residence.map(|rule| {
        let outside = left_out.map(|o| match o {
            Outside::Region => i18n::OUTSIDE_YOUR_REGION,
            Outside::Municipality => i18n::OUTSIDE_YOUR_MUNICIPALITY,
        });
        let text = capitalise(&rule.text(&o.area())).get(lang).to_owned();
        view! {
            <div class="facts__plain facts__wide" class:facts__warning=outside.is_some()>
                <dt>{i18n::WHO_MAY_JOIN.get(lang)}</dt>
                <dd>{text}{outside.map(|o| view! { <br /><strong>{o.get(lang)}</strong> })}</dd>
            </div>
        }
    });
    let distance = match (hit.digital, hit.distance_km) {
        (false, Some(km)) => format::distance(km, lang),
        _ => i18n::DIGITAL.get(lang).to_owned(),
    };
    let start = i18n::start_label(o.next_start.as_deref(), o.continuous_enrolment, lang);
    let mut tags: Vec<&'static str> = vec![];
    if o.evening {
        tags.push(i18n::EVENING.get(lang));
    }
    if o.weekend {
        tags.push(i18n::WEEKEND.get(lang));
    }
    // Not on a full offer: no one can sign up for it now (its badge says so); not where the
    // residence rule leaves the searcher out (a walk read "Du kan selv tilmelde dig" beside it).
    if o.self_referral && o.capacity != Capacity::Full && left_out.is_none() {
        tags.push(i18n::SELF_REFERRAL_TAG.get(lang));
    }
    let title_id = format!("offer-{}-title", o.id);
    let dl = i18n::data_lang(lang);
    let labelled_by = title_id.clone();
    view! {
        <li class="result">
            <article class="card" class:card--demo=o.demo aria-labelledby=labelled_by>
                <div class="card__head">
                    <h3 class="card__title" id=title_id lang=dl>
                        <a href=query::offer_href(&o.id)>{o.title.clone()}</a>
                    </h3>
                    <p class="card__distance" class:card__distance--digital=hit.digital>
                        <span class="visually-hidden">{i18n::DISTANCE.get(lang)}": "</span>
                        {distance}
                        {hit.across_water.then(|| view! { <br/><span class="card__across">{i18n::ACROSS_WATER.get(lang)}</span> })}
                    </p>
                </div>
                <p class="card__summary" lang=dl>{o.summary.clone()}</p>
                <dl class="facts">
                    <div><dt>{i18n::START.get(lang)}</dt><dd>{start}</dd></div>
                    <div class="facts__plain"><dt>{i18n::PLACES.get(lang)}</dt><dd><CapacityBadge capacity=o.capacity lang=lang /></dd></div>
                    {o.city.clone().map(|city| view! { <div><dt>{i18n::PLACE.get(lang)}</dt><dd>{city}</dd></div> })}
                    // Before anyone asks to join (found by a walk: a 67-year-old could ask to
                    // join an 18–65 course, its limit said only far down its page).
                    {o.ages().map(|a| view! { <div><dt>{i18n::AGE.get(lang)}</dt><dd>{a.get(lang).to_owned()}</dd></div> })}
                    {show_topic.then(|| view! { <div><dt>{i18n::TOPIC.get(lang)}</dt><dd>{o.category.label(lang)}</dd></div> })}
                    {(o.format == Format::Hybrid).then(|| view! { <div><dt>{i18n::FORMAT.get(lang)}</dt><dd>{o.format.label(lang)}</dd></div> })}
                    <div class="facts__wide"><dt>{i18n::PROVIDER.get(lang)}</dt><dd lang=dl>{o.provider_name.clone()}</dd></div>
                    {residence}
                </dl>
                // Whether one can join oneself (the badge or the tag) and "Gem" share one row.
                <div class="card__actions">
                    {(o.demo || !o.self_referral).then(|| view! {
                        <p class="card__badges">
                            {(!o.self_referral).then(|| view! { <ReferralBadge lang=lang /> })}
                            {o.demo.then(|| view! { <DemoBadge lang=lang /> })}
                        </p>
                    })}
                    {(!tags.is_empty()).then(|| view! {
                        <ul class="tags" aria-label=i18n::TAGS_LABEL.get(lang)>
                            {tags.into_iter().map(|t| view! { <li class="tag">{t}</li> }).collect_view()}
                        </ul>
                    })}
                    <p class="card__save"><SaveToggle id=o.id.clone() title=o.title.clone() lang=lang /></p>
                </div>
            </article>
        </li>
    }
}
