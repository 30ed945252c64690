//! The overview's "Svartider": per provider, whether it contacts people by the day its response
//! time promised (`GET /api/v1/admin/referrals/response-times`, or `…/months` summed per provider;
//! counts only), the worst first,
//! for the requests made in the period the admin picks (`crate::response_times_period`).

use crate::api;
use crate::download::{dated_name, DownloadButton};
use crate::response_times_period::{api_url, by_month, href, inbox_href, period, PARAM, PERIODS};
use crate::texts::overview as t;
use crate::ui;
use crate::ui::lang;
use forebyg_shared::response_time::{per_provider, MonthResponseTimes, ProviderResponseTimes};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// How many providers the overview lists; the rest keep their promises better.
const SHOWN: usize = 10;

/// One provider's tally; its name leads to its requests in the period, a count of overdue ones
/// to just those.
fn row(r: ProviderResponseTimes, period: &'static str, today: &str) -> impl IntoView {
    let share = r.percent_in_time().map_or_else(|| "–".to_owned(), |p| t::percent(p, lang()));
    let overdue = if r.overdue == 0 {
        r.overdue.to_string().into_any()
    } else {
        let spoken = t::overdue_at(r.overdue, &r.provider_name, lang());
        view! { <a href=inbox_href(&r.provider_id, period, today, true)>{r.overdue}<span class="visually-hidden">{spoken}</span></a> }.into_any()
    };
    view! {
        <tr>
            <th scope="row"><a href=inbox_href(&r.provider_id, period, today, false)>{r.provider_name}</a></th>
            <td class="num">{r.in_time}</td>
            <td class="num">{r.late}</td>
            <td class="num">{overdue}</td>
            <td class="num">{r.pending}</td>
            <td class="num">{share}</td>
        </tr>
    }
}

/// The last 12 months per provider and month as a CSV file, saved in one click
/// (`forebyg-svartider-<day>.csv`).
#[component]
fn MonthsCsv() -> impl IntoView {
    view! {
        <p>
            <DownloadButton label=t::MONTHS_CSV mime="text/csv"
                url=Callback::new(|_| "/api/v1/admin/referrals/response-times/months.csv".to_owned())
                name=Callback::new(|_| dated_name("forebyg-svartider", "csv")) />
        </p>
    }
}

#[component]
pub fn ResponseTimes() -> impl IntoView {
    let query = use_query_map();
    let chosen = Memo::new(move |_| period(query.with(|q| q.get(PARAM))));
    let rows = LocalResource::new(move || {
        let chosen = chosen.get();
        let today = api::today();
        let url = api_url(chosen, &today);
        async move {
            let rows = if by_month(chosen) {
                api::get::<Vec<MonthResponseTimes>>(&url).await.map(|months| per_provider(&months))
            } else {
                api::get::<Vec<ProviderResponseTimes>>(&url).await
            };
            rows.map(|rows| (rows, chosen, today))
        }
    });
    let navigate = use_navigate();
    view! {
        <h2>{t::RESPONSE_TIMES_H2.get(lang())}</h2>
        <p class="hint">{t::RESPONSE_TIMES_HINT.get(lang())}</p>
        <div class="filters">
            <div class="field">
                <label class="field__label" for="response-times-period">{t::PERIOD.get(lang())}</label>
                <select id="response-times-period" class="select select--fit" on:change=move |ev| navigate(&href(period(Some(event_target_value(&ev)))), Default::default())>
                    {PERIODS.iter().map(|&(value, _, text)| view! {
                        <option value=value prop:selected=move || chosen.get() == value>{text.get(lang())}</option>
                    }).collect_view()}
                </select>
            </div>
        </div>
        {ui::transition(rows, |(rows, period, today)| if rows.is_empty() {
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
                        <tbody>{rows.into_iter().take(SHOWN).map(|r| row(r, period, &today)).collect_view()}</tbody>
                    </table>
                </div>
                {more}
            }.into_any()
        })}
        <MonthsCsv />
    }
}
