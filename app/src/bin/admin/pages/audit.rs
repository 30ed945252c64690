//! `/admin/log`: the region's append-only audit log, newest first.

use crate::api;
use crate::session::use_session;
use crate::texts::audit as t;
use crate::ui::lang;
use crate::ui::{self, Failed, Loading};
use forebyg_shared::admin::AuditEntry;
use forebyg_shared::auth::Role;
use forebyg_shared::taxonomy::RegionCode;
use leptos::html::H1;
use leptos::prelude::*;

#[component]
pub fn AuditPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup(t::H1.get(lang()), h1);
    let session = use_session();
    let region = RwSignal::new(RegionCode::Midtjylland.code().to_owned());
    let national = move || session.with(|s| s.as_ref().is_some_and(|p| p.role == Role::NationalAdmin));
    let entries = LocalResource::new(move || {
        let url = if national() { format!("/api/v1/admin/audit?region={}", region.get()) } else { "/api/v1/admin/audit".to_owned() };
        async move { api::get::<Vec<AuditEntry>>(&url).await }
    });
    view! {
        <h1 node_ref=h1 tabindex="-1">{t::H1.get(lang())}</h1>
        <p class="hint">{t::INTRO.get(lang())}</p>
        {move || national().then(|| view! {
            <div class="field">
                <label class="field__label" for="audit-region">{t::REGION.get(lang())}</label>
                <select id="audit-region" class="select" on:change=move |ev| region.set(event_target_value(&ev))>
                    {RegionCode::ALL.iter().map(|r| { let c = r.code(); view! { <option value=c selected=move || region.get() == c>{r.label(ui::lang())}</option> } }).collect_view()}
                </select>
            </div>
        })}
        {move || match entries.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(e)) => view! { <Failed error=e /> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p>{t::EMPTY.get(lang())}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <div class="table-wrap" role="region" aria-labelledby="audit-caption" tabindex="0">
                    <table class="admin-table">
                        <caption id="audit-caption">{t::CAPTION.get(lang())}</caption>
                        <thead><tr><th scope="col">{t::TIME.get(lang())}</th><th scope="col">{t::EVENT.get(lang())}</th><th scope="col">{t::WHO.get(lang())}</th><th scope="col">{t::WHAT.get(lang())}</th><th scope="col">{t::CHANGED_FIELDS.get(lang())}</th></tr></thead>
                        <tbody>
                            {list.into_iter().map(|e| {
                                let changes = e.changes.iter().map(|c| c.field.clone()).collect::<Vec<_>>().join(", ");
                                view! {
                                    <tr>
                                        <td>{ui::date_time(e.at)}</td>
                                        <th scope="row">{e.action.label(ui::lang())}</th>
                                        <td>{e.actor.clone()}" ("{e.actor_role.label(ui::lang())}")"</td>
                                        <td>{e.target.clone()}</td>
                                        <td>{changes}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any(),
        }}
    }
}
