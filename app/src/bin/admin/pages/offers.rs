//! `/admin/tilbud`: every offer in the admin's scope, 50 to a page, filtered by text,
//! intervention, municipality, provider, status and "due for re-verification" and sorted, all
//! kept in the address ([`OffersQuery`]).

use crate::api;
use crate::offers_query::{choices, municipality_name, OffersQuery, Sort, NO_MUNICIPALITY};
use crate::texts::offers as t;
use crate::ui;
use crate::ui::lang;
use forebyg_app::i18n;
use forebyg_shared::admin::AdminOfferRow;
use forebyg_shared::taxonomy::{Category, OfferStatus};
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

pub(crate) fn place(r: &AdminOfferRow) -> String {
    let town = match (r.city.as_deref(), r.municipality_code.as_deref().and_then(municipality_name)) {
        (Some(city), Some(m)) if city != m => format!("{city} ({m})"),
        (Some(city), _) => city.to_owned(),
        (None, _) => return t::DIGITAL.get(lang()).to_owned(),
    };
    match r.venue.as_deref() {
        Some(venue) => format!("{venue}, {town}"),
        None => town,
    }
}

/// The weekly times and the next start: with the place, what tells apart offers of the same
/// title, provider and town.
pub(crate) fn when(r: &AdminOfferRow) -> Option<String> {
    let mut parts = forebyg_app::format::week(&r.slots, lang());
    parts.extend(r.next_start.as_deref().map(|d| t::starts(&forebyg_app::format::short_date(d, lang()), lang())));
    (!parts.is_empty()).then(|| parts.join(" · "))
}

fn row(r: &AdminOfferRow) -> impl IntoView {
    // Offers of the same title are links of the same name: their place and times describe each
    // (a screen reader's list of links tells them apart too).
    let (place_id, when_id) = (format!("offer-{}-place", r.id), format!("offer-{}-when", r.id));
    let when = when(r);
    let described_by = if when.is_some() { format!("{place_id} {when_id}") } else { place_id.clone() };
    view! {
        <tr>
            <th scope="row">
                <a href=format!("/admin/tilbud/{}", r.id) lang=i18n::data_lang(lang()) aria-describedby=described_by>{r.title.clone()}</a>
                <br/><span class="small" id=place_id>{place(r)}</span>
                {when.map(|w| view! { <br/><span class="small" id=when_id>{w}</span> })}
            </th>
            <td><span class=format!("pill pill--{}", r.status.code())>{r.status.label(lang())}</span></td>
            <td>{r.category.label(lang())}</td>
            <td>{r.provider_name.clone()}</td>
            <td class="nowrap">{ui::date(&r.last_verified)}{r.stale.then(|| view! { " "<span class="pill pill--stale"><span aria-hidden="true">"⚠ "</span>{t::NEEDS_CONFIRMING.get(lang())}</span> })}</td>
        </tr>
    }
}

/// Previous / "Side 2 af 7" / next, as links to the same filters on another page.
fn pagination(q: &OffersQuery, page: usize, pages: usize) -> impl IntoView {
    (pages > 1).then(|| {
        let link = |p: usize, rel: &'static str, label: &'static str| {
            let (before, after) = if rel == "prev" { ("← ", "") } else { ("", " →") };
            view! { <li><a class="pagination__link" rel=rel href=q.on_page(p).href()><span aria-hidden="true">{before}</span>{label}<span aria-hidden="true">{after}</span></a></li> }
        };
        view! {
            <nav class="pagination" aria-label=t::PAGES.get(lang())>
                <ul>
                    {(page > 1).then(|| link(page - 1, "prev", i18n::PREV_PAGE.get(lang())))}
                    <li class="pagination__current" aria-current="page">{i18n::page_of(lang(), page as u32, pages as u32)}</li>
                    {(page < pages).then(|| link(page + 1, "next", i18n::NEXT_PAGE.get(lang())))}
                </ul>
            </nav>
        }
    })
}

#[component]
pub fn OffersPage() -> impl IntoView {
    let h1 = NodeRef::<H1>::new();
    ui::page_setup(t::H1.get(lang()), h1);
    let url_query = use_query_map();
    let current = Memo::new(move |_| url_query.with(|q| OffersQuery::from_query(|k| q.get(k))));
    // The form's values, following the address (back/forward) until submitted.
    let form = RwSignal::new(OffersQuery::default());
    Effect::new(move |_| form.set(current.get()));
    Effect::new(move |_| crate::offers_query::remember(&current.get()));
    let rows = LocalResource::new(|| api::get::<Vec<AdminOfferRow>>("/api/v1/admin/offers"));
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(&form.get_untracked().on_page(1).href(), Default::default());
    };
    let select = move |id, label, all, options, get, set| ui::filter_select(form, id, label, all, options, get, set);

    // The list loads once; the address's filters and page pick from it as they change.
    let body = move |rows: Vec<AdminOfferRow>| {
        let submit = submit.clone();
        move || {
            let (providers, mut places) = choices(&rows);
            places.push((NO_MUNICIPALITY.into(), t::DIGITAL.get(lang()).into()));
            let categories = Category::ALL.iter().map(|c| (c.code().to_owned(), c.label(lang()).to_owned())).collect();
            let statuses = OfferStatus::ALL.iter().map(|s| (s.code().to_owned(), s.label(lang()).to_owned())).collect();
            let sorts = Sort::ALL.iter().skip(1).map(|s| (s.code().to_owned(), t::sort_label(*s, lang()).to_owned())).collect();
            let q = current.get();
            let (shown, total, pages) = q.apply(&rows);
            let page = q.page.clamp(1, pages);
            let from = (page - 1) * crate::offers_query::PER_PAGE + 1;
            view! {
                <form class="filters" role="search" aria-label=t::FILTER_LABEL.get(lang()) on:submit=submit.clone()>
                    <div class="field">
                        <label class="field__label" for="filter-text">{t::SEARCH_LABEL.get(lang())}</label>
                        <input id="filter-text" class="input" type="search" prop:value=move || form.with(|f| f.text.clone()) on:input=move |ev| form.update(|f| f.text = event_target_value(&ev)) />
                    </div>
                    {select("filter-category", t::CATEGORY.get(lang()), t::ALL_CATEGORIES.get(lang()), categories, |f| f.category.map(|c| c.code().to_owned()).unwrap_or_default(), |f, v| f.category = Category::from_code(&v))}
                    {select("filter-municipality", t::MUNICIPALITY.get(lang()), t::ALL_MUNICIPALITIES.get(lang()), places, |f| f.municipality.clone(), |f, v| f.municipality = v)}
                    {select("filter-provider", t::PROVIDER.get(lang()), t::ALL_PROVIDERS.get(lang()), providers, |f| f.provider.clone(), |f, v| f.provider = v)}
                    {select("filter-status", t::STATUS.get(lang()), t::ALL_STATUSES.get(lang()), statuses, |f| f.status.map(|s| s.code().to_owned()).unwrap_or_default(), |f, v| f.status = OfferStatus::from_code(&v))}
                    {select("filter-sort", t::SORT.get(lang()), t::sort_label(Sort::Title, lang()), sorts, |f| if f.sort == Sort::Title { String::new() } else { f.sort.code().to_owned() }, |f, v| f.sort = Sort::ALL.into_iter().find(|s| s.code() == v).unwrap_or_default())}
                    <div class="field choice">
                        <input id="filter-stale" class="choice__input" type="checkbox" prop:checked=move || form.with(|f| f.stale) on:change=move |ev| form.update(|f| f.stale = event_target_checked(&ev)) />
                        <label class="choice__label" for="filter-stale">{t::ONLY_STALE.get(lang())}</label>
                    </div>
                    <div class="field choice">
                        <input id="filter-no-activity" class="choice__input" type="checkbox" prop:checked=move || form.with(|f| f.no_activity) on:change=move |ev| form.update(|f| f.no_activity = event_target_checked(&ev)) />
                        <label class="choice__label" for="filter-no-activity">{t::ONLY_NO_ACTIVITY.get(lang())}</label>
                    </div>
                    <div class="field"><button type="submit" class="button button--secondary">{t::FILTER.get(lang())}</button></div>
                </form>
                <p role="status" id="offers-count">{t::count(total, from, from + shown.len().saturating_sub(1), lang())}</p>
                {(!shown.is_empty()).then(|| view! {
                    <div class="table-wrap" role="region" aria-labelledby="offers-caption" tabindex="0">
                        <table class="admin-table admin-table--offers">
                            <caption id="offers-caption">{t::H1.get(lang())}</caption>
                            <thead><tr><th scope="col">{t::TITLE.get(lang())}</th><th scope="col">{t::STATUS.get(lang())}</th><th scope="col">{t::CATEGORY.get(lang())}</th><th scope="col">{t::PROVIDER.get(lang())}</th><th scope="col">{t::LAST_VERIFIED.get(lang())}</th></tr></thead>
                            <tbody>{shown.into_iter().map(row).collect_view()}</tbody>
                        </table>
                    </div>
                })}
                {pagination(&q, page, pages)}
            }
            .into_any()
        }
    };

    view! {
        <h1 node_ref=h1 tabindex="-1">{t::H1.get(lang())}</h1>
        <p><a class="button" href="/admin/tilbud/ny">{t::CREATE_OFFER.get(lang())}</a></p>
        {ui::suspense(rows, body)}
    }
}
