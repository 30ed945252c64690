//! `/admin/log`: the region's append-only audit log, newest first, readable: local time, who by
//! name, the record's title linked to its page, each change as old → new, and filters by kind,
//! who and day kept in the address.

use crate::api;
use crate::audit_query::{target_href, AuditFilter};
use crate::audit_text::change_texts;
use crate::session::use_session;
use crate::texts::audit as t;
use crate::ui;
use crate::ui::lang;
use forebyg_shared::admin::{AuditAction, AuditEntry};
use forebyg_shared::auth::Role;
use forebyg_shared::taxonomy::RegionCode;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

fn row(e: AuditEntry) -> impl IntoView {
    let who = e.actor_name.clone().unwrap_or_else(|| e.actor.clone());
    let title = e.target_title.clone().unwrap_or_else(|| e.target.clone());
    let what = match target_href(e.action, &e.target) {
        Some(href) => view! { <a href=href>{title}</a> }.into_any(),
        None => view! { <span>{title}</span> }.into_any(),
    };
    let changes = e.changes.iter().flat_map(|c| change_texts(c, e.action.target_kind(), lang())).map(|line| view! { <li>{line}</li> }).collect_view();
    view! {
        <tr>
            <td>{ui::date_time(e.at)}</td>
            <th scope="row">{e.action.label(lang())}</th>
            <td>{who}" ("{e.actor_role.label(lang())}")"</td>
            <td>{what}</td>
            <td><ul class="plain">{changes}</ul></td>
        </tr>
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup(t::H1.get(lang()), h1);
    let session = use_session();
    let national = Memo::new(move |_| session.with(|s| s.as_ref().is_some_and(|p| p.role == Role::NationalAdmin)));
    let url_query = use_query_map();
    let current = Memo::new(move |_| url_query.with(|q| AuditFilter::from_query(|k| q.get(k))));
    let form = RwSignal::new(AuditFilter::default());
    Effect::new(move |_| form.set(current.get()));
    let url = Memo::new(move |_| current.with(|f| f.api_url(national.get())));
    let entries = LocalResource::new(move || {
        let url = url.get();
        async move { api::get_with_header::<Vec<AuditEntry>>(&url, "x-audit-searched-back-to").await }
    });
    let navigate = use_navigate();
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(&form.get_untracked().href(), Default::default());
    };
    let day_field = move |id: &'static str, label: &'static str, get: fn(&AuditFilter) -> String, set: fn(&mut AuditFilter, String)| {
        view! {
            <div class="field">
                <label class="field__label" for=id>{label}</label>
                <input id=id class="input" type="date" prop:value=move || form.with(get) on:input=move |ev| form.update(|f| set(f, event_target_value(&ev))) />
            </div>
        }
    };
    view! {
        <h1 node_ref=h1 tabindex="-1">{t::H1.get(lang())}</h1>
        <p class="hint">{t::INTRO.get(lang())}</p>
        <form class="filters" role="search" aria-label=t::FILTER_LABEL.get(lang()) on:submit=apply>
            <Show when=move || national.get()>
                <div class="field">
                    <label class="field__label" for="audit-region">{t::REGION.get(lang())}</label>
                    <select id="audit-region" class="select" on:change=move |ev| form.update(|f| f.region = RegionCode::from_code(&event_target_value(&ev)))>
                        {RegionCode::ALL.iter().map(|&r| view! {
                            <option value=r.code() prop:selected=move || form.with(|f| f.region.unwrap_or(RegionCode::Midtjylland) == r)>{r.label(lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
            </Show>
            <div class="field">
                <label class="field__label" for="audit-kind">{t::KIND.get(lang())}</label>
                <select id="audit-kind" class="select" on:change=move |ev| form.update(|f| f.action = AuditAction::from_code(&event_target_value(&ev)))>
                    <option value="" prop:selected=move || form.with(|f| f.action.is_none())>{t::ALL_KINDS.get(lang())}</option>
                    {AuditAction::ALL.iter().map(|&a| view! {
                        <option value=a.code() prop:selected=move || form.with(|f| f.action == Some(a))>{a.label(lang())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label class="field__label" for="audit-who">{t::WHO_FILTER.get(lang())}</label>
                <input id="audit-who" class="input" type="search" prop:value=move || form.with(|f| f.actor.clone())
                    on:input=move |ev| form.update(|f| f.actor = event_target_value(&ev)) />
            </div>
            {day_field("audit-from", t::FROM.get(lang()), |f| f.from.clone(), |f, v| f.from = v)}
            {day_field("audit-to", t::TO.get(lang()), |f| f.to.clone(), |f, v| f.to = v)}
            <div class="field"><button type="submit" class="button button--secondary">{t::FILTER.get(lang())}</button></div>
        </form>
        // New filters keep the last entries in place until the new ones are in.
        {ui::transition(entries, |(list, stopped)| {
            // The API searched at most 10,000 entries: say so, so "none found" is not taken for the whole range.
            let stopped = stopped.and_then(|at| at.parse::<i64>().ok()).map(|at| view! {
                <p class="hint" role="status" id="audit-searched-back-to">{t::searched_back_to(&ui::date_time(at), lang())}</p>
            });
            let list = if list.is_empty() {
            view! { <p>{t::EMPTY.get(lang())}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap" role="region" aria-labelledby="audit-caption" tabindex="0">
                    <table class="admin-table">
                        <caption id="audit-caption">{t::CAPTION.get(lang())}</caption>
                        <thead><tr><th scope="col">{t::TIME.get(lang())}</th><th scope="col">{t::EVENT.get(lang())}</th><th scope="col">{t::WHO.get(lang())}</th><th scope="col">{t::WHAT.get(lang())}</th><th scope="col">{t::CHANGES.get(lang())}</th></tr></thead>
                        <tbody>{list.into_iter().map(row).collect_view()}</tbody>
                    </table>
                </div>
            }.into_any()
            };
            view! { {stopped}{list} }
        })}
    }
}
