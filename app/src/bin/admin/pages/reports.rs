//! `/admin/fejlrapporter`: reports of wrong information from the public. Fix the listing (link
//! to edit it) and mark the report fixed, or dismiss it.

use crate::api;
use crate::texts::reports as t;
use crate::ui;
use crate::ui::lang;
use forebyg_shared::report::{ChangeReport, ReportResolution, ReportStatus};
use leptos::html::H1;
use leptos::prelude::*;

#[component]
pub fn ReportsPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup(t::H1.get(lang()), h1);
    let only_open = RwSignal::new(true);
    let reload = RwSignal::new(0u32);
    let message = RwSignal::new(None::<String>);
    let reports = LocalResource::new(move || {
        let open = only_open.get();
        reload.track();
        async move { api::get::<Vec<ChangeReport>>(if open { "/api/v1/admin/reports?status=open" } else { "/api/v1/admin/reports" }).await }
    });
    let resolve = move |id: String, status: ReportStatus| {
        leptos::task::spawn_local(async move {
            let url = format!("/api/v1/admin/reports/{}/resolve", forebyg_app::query::encode(&id));
            match api::post::<_, ChangeReport>(&url, &ReportResolution { status }).await {
                Ok(r) => message.set(Some(t::resolved(&r.offer_title, r.status.label(lang()), lang()))),
                Err(e) => message.set(Some(ui::error_text(&e))),
            }
            reload.update(|n| *n += 1);
        });
    };
    view! {
        <h1 node_ref=h1 tabindex="-1">{t::H1.get(lang())}</h1>
        <p class="hint">{t::INTRO.get(lang())}</p>
        <div class="choice">
            <input id="reports-open" class="choice__input" type="checkbox" prop:checked=move || only_open.get() on:change=move |ev| only_open.set(event_target_checked(&ev)) />
            <label class="choice__label" for="reports-open">{t::ONLY_OPEN.get(lang())}</label>
        </div>
        <div role="status">{move || message.get()}</div>
        // A reload (the filter, after resolving one) keeps the list in place until the new one is in.
        {ui::transition(reports, move |list| if list.is_empty() {
            view! { <p>{t::EMPTY.get(lang())}</p> }.into_any()
        } else {
            view! {
                <ul class="cards">
                    {list.into_iter().map(|r| {
                        let (id1, id2) = (r.id.clone(), r.id.clone());
                        let open = r.status == ReportStatus::Open;
                        view! {
                            <li class="card">
                                <h2 class="card__title">{r.topic.label(ui::lang())}": "<span lang=forebyg_app::i18n::data_lang(ui::lang())>{r.offer_title.clone()}</span></h2>
                                <p><span class=format!("pill pill--{}", r.status.code())>{r.status.label(ui::lang())}</span>{t::RECEIVED.get(lang())}{ui::date_time(r.created_at)}</p>
                                <blockquote class="report-message">{r.message.clone()}</blockquote>
                                <div class="actions">
                                    <a class="button button--secondary" href=format!("/admin/tilbud/{}", r.offer_id)>{t::EDIT_OFFER.get(lang())}</a>
                                    {open.then(|| view! {
                                        <button type="button" class="button button--secondary" on:click=move |_| resolve(id1.clone(), ReportStatus::Accepted)>{t::MARK_FIXED.get(lang())}</button>
                                        <button type="button" class="button button--secondary" on:click=move |_| resolve(id2.clone(), ReportStatus::Dismissed)>{t::DISMISS.get(lang())}</button>
                                    })}
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        })}
    }
}
