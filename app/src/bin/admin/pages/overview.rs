//! `/admin`: what needs attention: counts, stale listings, new requests, the activities to
//! confirm or to send people to, and open reports.

use crate::activities_query::ActivityFilter;
use crate::api;
use crate::offers_query::{OffersQuery, Sort};
use crate::session::{is_region_admin, use_session};
use crate::texts::overview as t;
use crate::ui;
use crate::ui::lang;
use forebyg_app::api::ApiError;
use forebyg_shared::activity::ActivityRecord;
use forebyg_shared::admin::{AdminOfferRow, ReferralCounts};
use forebyg_shared::auth::Principal;
use forebyg_shared::report::ChangeReport;
use forebyg_shared::taxonomy::OfferStatus;
use leptos::html::H1;
use leptos::prelude::*;

/// The associations' activities: how many of the admin's are due to be confirmed and, for a
/// region admin, how many active ones no offer (of `offers`) points to, with links to them; for a
/// provider editor only when their provider keeps some. A split chunk of its own (`#[lazy]`): the
/// activity records' reader and this part's view stay out of the bundle loaded at sign-in.
#[leptos::lazy]
fn activity_attention(offers: LocalResource<Result<Vec<AdminOfferRow>, ApiError>>, who: Option<Principal>) -> AnyView {
    let region_admin = is_region_admin(&who);
    let counts = LocalResource::new(move || {
        let who = who.clone();
        async move {
            let activities = api::get::<Vec<ActivityRecord>>("/api/v1/admin/activities").await?;
            let rows = super::activity_list::rows(activities, &offers.await?, who.as_ref());
            let count = |keep: fn(&super::activity_list::Row) -> bool| rows.iter().filter(|r| keep(r)).count();
            Ok::<_, ApiError>((count(|r| r.mine), count(|r| r.due), count(|r| r.unled())))
        }
    });
    ui::suspense(counts, move |(mine, due, unled)| {
        (region_admin || mine > 0).then(|| view! {
            <h2>{t::ACTIVITIES_H2.get(lang())}</h2>
            <p>{t::activities_due(due, lang())}" "<a href=ActivityFilter { due: true, ..Default::default() }.href()>{t::SHOW_DUE.get(lang())}</a></p>
            {region_admin.then(|| view! {
                <p>{t::activities_unled(unled, lang())}" "<a href=ActivityFilter { unled: true, ..Default::default() }.href()>{t::SHOW_UNLED.get(lang())}</a></p>
            })}
        })
    })
    .into_any()
}

#[component]
pub fn OverviewPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup(t::H1.get(lang()), h1);
    let offers = LocalResource::new(|| api::get::<Vec<AdminOfferRow>>("/api/v1/admin/offers"));
    let reports = LocalResource::new(|| api::get::<Vec<ChangeReport>>("/api/v1/admin/reports?status=open"));
    // Counts only: opening the overview reads no personal data (and writes no audit entries).
    let inbox = LocalResource::new(|| api::get::<ReferralCounts>("/api/v1/admin/referrals/counts"));
    // The associations' activities, for those who keep them true.
    let session = use_session();

    let counts = move |rows: Vec<AdminOfferRow>| {
        let n = |s: OfferStatus| rows.iter().filter(|r| r.status == s).count();
        let mut stale: Vec<AdminOfferRow> = rows.iter().filter(|r| r.stale && r.status != OfferStatus::Archived).cloned().collect();
        // The longest unconfirmed first: what to check next.
        stale.sort_by(|a, b| a.last_verified.cmp(&b.last_verified));
        let stale_n = stale.len();
        view! {
            <dl class="stats">
                <div><dt>{t::PUBLISHED.get(lang())}</dt><dd>{n(OfferStatus::Published)}</dd></div>
                <div><dt>{t::DRAFTS.get(lang())}</dt><dd>{n(OfferStatus::Draft)}</dd></div>
                <div><dt>{t::NEEDS_CONFIRMING.get(lang())}</dt><dd>{stale_n}</dd></div>
            </dl>
            <h2>{t::STALE_H2.get(lang())}</h2>
            <p class="hint">{t::STALE_HINT.get(lang())}</p>
            {if stale.is_empty() {
                view! { <p>{t::ALL_VERIFIED.get(lang())}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {stale.into_iter().take(10).map(|r| view! {
                            // Offers of one title (a region's many "Rygestop på hold") told apart by
                            // provider and town.
                            <li><a href=format!("/admin/tilbud/{}", r.id) lang=forebyg_app::i18n::data_lang(lang())>{r.title}</a>
                                " · "<span lang=forebyg_app::i18n::data_lang(lang())>{r.provider_name}{r.city.map(|c| format!(", {c}"))}</span>
                                {t::LAST_VERIFIED.get(lang())}{ui::date(&r.last_verified)}</li>
                        }).collect_view()}
                    </ul>
                    <p><a href=OffersQuery { stale: true, sort: Sort::Verified, ..Default::default() }.href()>{t::see_all_stale(stale_n, lang())}</a></p>
                }.into_any()
            }}
        }
    };

    view! {
        <h1 node_ref=h1 tabindex="-1">{t::H1.get(lang())}</h1>
        <p><a class="button" href="/admin/tilbud/ny">{t::CREATE_OFFER.get(lang())}</a></p>
        {ui::suspense(offers, counts)}
        <h2>{t::NEW_REQUESTS.get(lang())}</h2>
        {ui::suspense(inbox, |counts| view! {
            <p>{t::new_requests(counts.received as usize, lang())}" "<a href="/admin/henvendelser">{t::GO_TO_INBOX.get(lang())}</a></p>
            {t::overdue_requests(counts.overdue, lang()).map(|text| view! {
                <p><strong>{text}</strong>" "<a href=crate::inbox_query::InboxQuery { overdue: true, ..Default::default() }.href()>{t::SHOW_OVERDUE.get(lang())}</a></p>
            })}
        })}
        {move || session.get().map(|who| ui::lazy_part(move || activity_attention(offers, Some(who.clone()))))}
        <super::response_times::ResponseTimes />
        <h2>{t::OPEN_REPORTS.get(lang())}</h2>
        {ui::suspense(reports, |items| view! {
            <p>{t::open_reports(items.len(), lang())}" "<a href="/admin/fejlrapporter">{t::GO_TO_REPORTS.get(lang())}</a></p>
        })}
    }
}
