//! `/admin/tilbud`: the listings table with filters (text, status, stale) and a stale badge.

use crate::api;
use crate::texts::offers as t;
use crate::ui::lang;
use crate::ui::{self, Failed, Loading};
use forebyg_shared::admin::AdminOfferRow;
use forebyg_shared::taxonomy::OfferStatus;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

const SHOWN: usize = 100;

#[component]
pub fn OffersPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup(t::H1.get(lang()), h1);
    let query = use_query_map();
    let text = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let stale = RwSignal::new(query.with_untracked(|q| q.get("stale").is_some()));
    let rows = LocalResource::new(|| api::get::<Vec<AdminOfferRow>>("/api/v1/admin/offers"));

    let table = move || {
        rows.get().map(|r| match r {
            Err(e) => view! { <Failed error=e /> }.into_any(),
            Ok(rows) => {
                let needle = text.get().trim().to_lowercase();
                let st = OfferStatus::from_code(&status.get());
                let only_stale = stale.get();
                let mut hits: Vec<AdminOfferRow> = rows
                    .into_iter()
                    .filter(|r| needle.is_empty() || r.title.to_lowercase().contains(&needle) || r.provider_name.to_lowercase().contains(&needle) || r.city.as_deref().unwrap_or("").to_lowercase().contains(&needle))
                    .filter(|r| st.is_none_or(|s| r.status == s))
                    .filter(|r| !only_stale || r.stale)
                    .collect();
                hits.sort_by(|a, b| a.title.cmp(&b.title));
                let total = hits.len();
                let summary = t::count(total, SHOWN, lang());
                view! {
                    <p role="status" id="offers-count">{summary}</p>
                    <div class="table-wrap" role="region" aria-labelledby="offers-caption" tabindex="0">
                        <table class="admin-table">
                            <caption id="offers-caption">{t::H1.get(lang())}</caption>
                            <thead><tr><th scope="col">{t::TITLE.get(lang())}</th><th scope="col">{t::STATUS.get(lang())}</th><th scope="col">{t::CATEGORY.get(lang())}</th><th scope="col">{t::PROVIDER.get(lang())}</th><th scope="col">{t::CITY.get(lang())}</th><th scope="col">{t::LAST_VERIFIED.get(lang())}</th></tr></thead>
                            <tbody>
                                {hits.into_iter().take(SHOWN).map(|r| view! {
                                    <tr>
                                        <th scope="row"><a href=format!("/admin/tilbud/{}", r.id)>{r.title.clone()}</a></th>
                                        <td><span class=format!("pill pill--{}", r.status.code())>{r.status.label(ui::lang())}</span></td>
                                        <td>{r.category.label(ui::lang())}</td>
                                        <td>{r.provider_name.clone()}</td>
                                        <td>{r.city.clone().unwrap_or_default()}</td>
                                        <td>{r.last_verified.clone()}{r.stale.then(|| view! { " "<span class="pill pill--stale"><span aria-hidden="true">"⚠ "</span>{t::NEEDS_CONFIRMING.get(lang())}</span> })}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
        })
    };

    view! {
        <h1 node_ref=h1 tabindex="-1">{t::H1.get(lang())}</h1>
        <p><a class="button" href="/admin/tilbud/ny">{t::CREATE_OFFER.get(lang())}</a></p>
        <form class="filters" role="search" aria-label=t::FILTER_LABEL.get(lang()) on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
            <div class="field">
                <label class="field__label" for="filter-text">{t::SEARCH_LABEL.get(lang())}</label>
                <input id="filter-text" class="input" type="search" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label class="field__label" for="filter-status">{t::STATUS.get(lang())}</label>
                <select id="filter-status" class="select" on:change=move |ev| status.set(event_target_value(&ev))>
                    <option value="">{t::ALL_STATUSES.get(lang())}</option>
                    {OfferStatus::ALL.iter().map(|s| view! { <option value=s.code()>{s.label(ui::lang())}</option> }).collect_view()}
                </select>
            </div>
            <div class="field choice">
                <input id="filter-stale" class="choice__input" type="checkbox" prop:checked=move || stale.get() on:change=move |ev| stale.set(event_target_checked(&ev)) />
                <label class="choice__label" for="filter-stale">{t::ONLY_STALE.get(lang())}</label>
            </div>
        </form>
        {move || table().unwrap_or_else(|| view! { <Loading /> }.into_any())}
    }
}
