//! The activity page's offers: those that point to the activity under "Fortsæt bagefter", and
//! those near it for the same conditions that could, each added or removed with one click (the
//! API saves it in the offer, as the offer editor's activity picker would). The new activity's
//! way to its courses, without opening each offer.

use super::offers::{place, when};
use crate::api;
use crate::texts::activities as t;
use crate::ui::{self, lang};
use forebyg_app::i18n;
use forebyg_shared::admin::{ActivityOfferLink, ActivityOfferRow, SUGGEST_WITHIN_KM};
use forebyg_shared::taxonomy::OfferStatus;
use leptos::prelude::*;

/// Where the outcome of a click is said; it takes the focus, since the clicked button moves to
/// the other table.
const SAID_ID: &str = "activity-offers-said";

#[component]
pub fn ActivityOffers(id: String) -> impl IntoView {
    let l = lang();
    let url = StoredValue::new(format!("/api/v1/admin/activities/{}/offers", forebyg_app::query::encode(&id)));
    let reload = RwSignal::new(0u32);
    let rows = LocalResource::new(move || {
        reload.track();
        async move { api::get::<Vec<ActivityOfferRow>>(&url.get_value()).await }
    });
    // The outcome of the last click: done, or the error (`false`).
    let (busy, said) = (RwSignal::new(false), RwSignal::new(None::<(bool, String)>));
    let change = move |row: &ActivityOfferRow, linked: bool| {
        busy.set(true);
        let body = ActivityOfferLink { offer_id: row.offer.id.clone(), version: row.offer.version, linked };
        leptos::task::spawn_local(async move {
            match api::post::<_, ActivityOfferRow>(&url.get_value(), &body).await {
                Ok(done) => said.set(Some((true, t::link_done(&done.offer.title, done.linked, lang())))),
                // A stale version says so; the list reloads either way, to show what is true now.
                Err(e) => said.set(Some((false, format!("{}{}", crate::texts::common::ERROR_PREFIX.get(lang()), ui::error_text(&e))))),
            }
            // The buttons stay disabled until the reloaded list is in (a click before would send
            // the version from before this change).
            reload.update(|n| *n += 1);
            ui::focus_soon(SAID_ID);
        });
    };
    let line = move |r: ActivityOfferRow| {
        let when = when(&r.offer);
        // "2,7 km · Sundhedshuset, Aarhus C · Aarhus Kommune" ("Digitalt · …"): in the offer's cell,
        // so the table is two columns and the button stays in sight on a phone.
        let at = match r.distance_km {
            Some(km) => format!("{} · {}", forebyg_app::format::distance(km, l), place(&r.offer)),
            None => place(&r.offer),
        };
        let (label, linked) = if r.linked { (t::UNLINK_OFFER, false) } else { (t::LINK_OFFER, true) };
        let title = r.offer.title.clone();
        view! {
            <tr>
                <th scope="row">
                    <a href=format!("/admin/tilbud/{}", r.offer.id) lang=i18n::data_lang(l)>{title.clone()}</a>
                    <br/><span class="small">{at}" · "{r.offer.provider_name.clone()}</span>
                    {when.map(|w| view! { <br/><span class="small">{w}</span> })}
                    // Published is the rule; a draft says so (its participants see nothing yet).
                    {(r.offer.status != OfferStatus::Published).then(|| view! {
                        <br/><span class=format!("pill pill--{}", r.offer.status.code())>{r.offer.status.label(l)}</span>
                    })}
                </th>
                <td>
                    <button type="button" class="button button--secondary button--small" aria-label=format!("{}: {title}", label.get(l))
                        disabled=move || busy.get() on:click=move |_| change(&r, linked)>{label.get(l)}</button>
                </td>
            </tr>
        }
    };
    let table = move |rows: Vec<ActivityOfferRow>, id: &'static str, caption: String, empty: &'static str| {
        if rows.is_empty() {
            return view! { <h3>{caption}</h3><p>{empty}</p> }.into_any();
        }
        view! {
            <div class="table-wrap" role="region" aria-labelledby=id tabindex="0">
                <table class="admin-table">
                    <caption id=id>{caption}</caption>
                    <thead><tr>
                        <th scope="col">{t::COL_OFFER.get(l)}</th>
                        <th scope="col">{t::COL_ACTION.get(l)}</th>
                    </tr></thead>
                    <tbody>{rows.into_iter().map(line).collect_view()}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    view! {
        <section class="form-section" aria-labelledby="activity-offers-h2">
            <h2 id="activity-offers-h2">{t::OFFERS_H2.get(l)}</h2>
            <p class="hint">{t::OFFERS_HINT.get(l)}</p>
            <p id=SAID_ID role="status" tabindex="-1" class:status=move || said.with(|s| s.as_ref().is_some_and(|s| !s.0)) class:status--error=move || said.with(|s| s.as_ref().is_some_and(|s| !s.0))>
                {move || said.get().map(|s| s.1)}
            </p>
            {ui::transition(rows, move |rows: Vec<ActivityOfferRow>| {
                busy.set(false);
                let (linked, suggested): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| r.linked);
                let km = forebyg_app::format::radius(SUGGEST_WITHIN_KM, l);
                view! {
                    {table(linked, "activity-offers-linked", t::LINKED_CAPTION.get(l).to_owned(), t::NO_LINKED.get(l))}
                    {table(suggested, "activity-offers-suggested", t::suggested_caption(&km, l), t::NO_SUGGESTED.get(l))}
                }
            })}
        </section>
    }
}
