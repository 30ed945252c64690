//! The overview's "Svartider": per provider, whether it contacts people by the day its response
//! time promised (`GET /api/v1/admin/referrals/response-times`, counts only), the worst first.

use crate::api;
use crate::texts::overview as t;
use crate::ui;
use crate::ui::lang;
use forebyg_shared::response_time::ProviderResponseTimes;
use leptos::prelude::*;

/// How many providers the overview lists; the rest keep their promises better.
const SHOWN: usize = 10;

fn row(r: ProviderResponseTimes) -> impl IntoView {
    let share = r.percent_in_time().map_or_else(|| "–".to_owned(), |p| t::percent(p, lang()));
    view! {
        <tr>
            <th scope="row">{r.provider_name}</th>
            <td class="num">{r.in_time}</td>
            <td class="num">{r.late}</td>
            <td class="num">{r.overdue}</td>
            <td class="num">{r.pending}</td>
            <td class="num">{share}</td>
        </tr>
    }
}

#[component]
pub fn ResponseTimes() -> impl IntoView {
    let rows = LocalResource::new(|| api::get::<Vec<ProviderResponseTimes>>("/api/v1/admin/referrals/response-times"));
    view! {
        <h2>{t::RESPONSE_TIMES_H2.get(lang())}</h2>
        <p class="hint">{t::RESPONSE_TIMES_HINT.get(lang())}</p>
        {ui::suspense(rows, |rows| if rows.is_empty() {
            view! { <p>{t::NO_PROMISES.get(lang())}</p> }.into_any()
        } else {
            let more = (rows.len() > SHOWN).then(|| view! { <p>{t::worst_shown(SHOWN, rows.len(), lang())}</p> });
            view! {
                <div class="table-wrap" role="region" aria-labelledby="response-times-caption" tabindex="0">
                    <table class="admin-table">
                        <caption id="response-times-caption">{t::RESPONSE_TIMES_CAPTION.get(lang())}</caption>
                        <thead><tr>
                            <th scope="col">{t::PROVIDER.get(lang())}</th>
                            <th scope="col" class="num">{t::IN_TIME.get(lang())}</th>
                            <th scope="col" class="num">{t::LATE.get(lang())}</th>
                            <th scope="col" class="num">{t::OVERDUE_NOW.get(lang())}</th>
                            <th scope="col" class="num">{t::NOT_YET_DUE.get(lang())}</th>
                            <th scope="col" class="num">{t::SHARE_IN_TIME.get(lang())}</th>
                        </tr></thead>
                        <tbody>{rows.into_iter().take(SHOWN).map(row).collect_view()}</tbody>
                    </table>
                </div>
                {more}
            }.into_any()
        })}
    }
}
