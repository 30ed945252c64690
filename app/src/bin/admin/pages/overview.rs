//! `/admin`: what needs attention: counts, stale listings, open reports and new requests.

use crate::api;
use crate::ui::{self, Failed, Loading};
use forebyg_shared::admin::{AdminOfferRow, ReferralCounts};
use forebyg_shared::report::ChangeReport;
use forebyg_shared::taxonomy::OfferStatus;
use leptos::html::H1;
use leptos::prelude::*;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup("Overblik", h1);
    let offers = LocalResource::new(|| api::get::<Vec<AdminOfferRow>>("/api/v1/admin/offers"));
    let reports = LocalResource::new(|| api::get::<Vec<ChangeReport>>("/api/v1/admin/reports?status=open"));
    // Counts only: opening the overview reads no personal data (and writes no audit entries).
    let inbox = LocalResource::new(|| api::get::<ReferralCounts>("/api/v1/admin/referrals/counts"));

    let counts = move || {
        offers.get().map(|r| match r {
            Ok(rows) => {
                let n = |s: OfferStatus| rows.iter().filter(|r| r.status == s).count();
                let stale: Vec<AdminOfferRow> = rows.iter().filter(|r| r.stale && r.status != OfferStatus::Archived).cloned().collect();
                let stale_n = stale.len();
                view! {
                    <dl class="stats">
                        <div><dt>"Offentliggjorte tilbud"</dt><dd>{n(OfferStatus::Published)}</dd></div>
                        <div><dt>"Kladder"</dt><dd>{n(OfferStatus::Draft)}</dd></div>
                        <div><dt>"Skal bekræftes"</dt><dd>{stale_n}</dd></div>
                    </dl>
                    <h2>"Tilbud der skal bekræftes"</h2>
                    <p class="hint">"Tilbud, som ingen har bekræftet i over et halvt år. Tjek dem, og tryk »Stadig korrekt« på tilbuddet."</p>
                    {if stale.is_empty() {
                        view! { <p>"Alle tilbud er bekræftet inden for det seneste halve år."</p> }.into_any()
                    } else {
                        view! {
                            <ul>
                                {stale.into_iter().take(10).map(|r| view! {
                                    <li><a href=format!("/admin/tilbud/{}", r.id)>{r.title}</a>" · sidst bekræftet "{r.last_verified}</li>
                                }).collect_view()}
                            </ul>
                            <p><a href="/admin/tilbud?stale=1">"Se alle "{stale_n}" tilbud, der skal bekræftes"</a></p>
                        }.into_any()
                    }}
                }
                .into_any()
            }
            Err(e) => view! { <Failed error=e /> }.into_any(),
        })
    };

    view! {
        <h1 node_ref=h1 tabindex="-1">"Overblik"</h1>
        <p><a class="button" href="/admin/tilbud/ny">"Opret et tilbud"</a></p>
        {move || counts().unwrap_or_else(|| view! { <Loading /> }.into_any())}
        <h2>"Nye henvendelser"</h2>
        {move || match inbox.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(e)) => view! { <Failed error=e /> }.into_any(),
            Some(Ok(counts)) => view! {
                <p>{format!("{} nye henvendelser venter på at blive behandlet.", counts.received)}" "<a href="/admin/henvendelser">"Gå til henvendelserne"</a></p>
            }.into_any(),
        }}
        <h2>"Åbne fejlrapporter"</h2>
        {move || match reports.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(e)) => view! { <Failed error=e /> }.into_any(),
            Some(Ok(items)) => view! {
                <p>{format!("{} fejlrapporter fra borgere og fagfolk er åbne.", items.len())}" "<a href="/admin/fejlrapporter">"Gå til fejlrapporterne"</a></p>
            }.into_any(),
        }}
    }
}
