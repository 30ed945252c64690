//! The search lives in the URL: building page and API addresses from [`SearchParams`], and search
//! params from the form.

use crate::i18n::{self, Text};
use forebyg_shared::search::{SearchParams, DEFAULT_RADIUS_KM};
use forebyg_shared::taxonomy::Category;
use forebyg_shared::validation::{self, FieldError};

/// The radius choices of the form, in km.
pub const RADIUS_CHOICES: [f64; 5] = [5.0, 10.0, 25.0, 50.0, 100.0];

/// Percent-encodes a query component or path segment (everything but RFC 3986 unreserved).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `a=1&b=2`, values encoded.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&")
}

fn with_query(path: &str, params: &SearchParams) -> String {
    address(path, &params.to_pairs())
}

/// A page's address with its state: `path?k=v&…`, leaving out empty values (trimmed), and
/// without the `?` when nothing is set, so an unfiltered list has its plain address.
pub fn address(path: &str, pairs: &[(&str, String)]) -> String {
    let set: Vec<(&str, String)> = pairs.iter().map(|(k, v)| (*k, v.trim().to_owned())).filter(|(_, v)| !v.is_empty()).collect();
    match query_string(&set) {
        q if q.is_empty() => path.to_owned(),
        q => format!("{path}?{q}"),
    }
}

/// The address of the search page for a search: `/?postcode=8000&category=fysisk-aktivitet`.
pub fn search_href(params: &SearchParams) -> String {
    with_query("/", params)
}

/// The same search on another page of results.
pub fn page_href(params: &SearchParams, page: u32) -> String {
    search_href(&SearchParams { page, ..params.clone() })
}

/// The API address of a search.
pub fn api_search_url(params: &SearchParams) -> String {
    with_query("/api/v1/offers", params)
}

/// The page of an offer.
pub fn offer_href(id: &str) -> String {
    format!("/tilbud/{}", encode(id))
}

/// The self-referral form of an offer.
pub fn signup_href(id: &str) -> String {
    format!("/tilbud/{}/tilmeld", encode(id))
}

/// The receipt page of a request to join.
pub fn receipt_href(code: &str) -> String {
    format!("/kvittering/{}", encode(code))
}

/// The status page with `code` filled in: `/status?kode=C6KV-JHZQ`, and `&lang=en` when it is
/// to open in a language (the patient's sheet's QR code: the sheet's).
pub fn status_href(code: &str, lang: Option<forebyg_shared::Lang>) -> String {
    let mut pairs = vec![("kode", code.to_owned())];
    pairs.extend(lang.map(|l| ("lang", l.code().to_owned())));
    address("/status", &pairs)
}

/// A location's query (`?kode=X&lang=en`) without `key`'s pairs: `?kode=X`, or "" when nothing
/// is left.
pub fn without_param(search: &str, key: &str) -> String {
    let kept: Vec<&str> = search.trim_start_matches('?').split('&').filter(|p| !p.is_empty() && p.split('=').next() != Some(key)).collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

/// The sessionStorage key of a receipt (so the receipt page survives a reload).
pub fn receipt_key(code: &str) -> String {
    format!("forebyg.receipt.{code}")
}

/// The API address of an offer.
pub fn api_offer_url(id: &str) -> String {
    format!("/api/v1/offers/{}", encode(id))
}

/// Whether the params describe a search the API can answer (it needs a place).
pub fn is_search(params: &SearchParams) -> bool {
    params.require_place().is_ok()
}

/// The search the form describes, or the errors to show (the postcode is required here, unlike
/// in the URL). Starts on page 1.
pub fn from_form(postcode: &str, categories: &[Category], radius_km: f64) -> Result<SearchParams, Vec<FieldError>> {
    let postcode = postcode.trim();
    validation::postcode_format("postcode", postcode).map_err(|e| vec![e])?;
    let mut chosen: Vec<Category> = vec![];
    // Keep the order of the form (the taxonomy's), whatever order they were ticked in.
    for c in Category::ALL {
        if categories.contains(c) {
            chosen.push(*c);
        }
    }
    Ok(SearchParams {
        postcode: Some(postcode.to_owned()),
        radius_km: if radius_km.is_finite() && radius_km > 0.0 { radius_km } else { DEFAULT_RADIUS_KM },
        categories: chosen,
        ..SearchParams::default()
    })
}

/// The form's basic search (place, radius, topics) with the other filters of `filters`, from
/// page 1.
pub fn with_filters(base: SearchParams, filters: &SearchParams) -> SearchParams {
    SearchParams { postcode: base.postcode, point: base.point, radius_km: base.radius_km, categories: base.categories, page: 1, ..filters.clone() }
}

/// Languages offered in the language filter (ISO 639-1).
pub const FILTER_LANGUAGES: [&str; 10] = ["da", "en", "ar", "tr", "pl", "uk", "de", "so", "ur", "fa"];

/// Weeks offered in the "starts within" filter.
pub const START_WEEKS: [u32; 4] = [2, 4, 8, 12];

/// The recent searches as stored ("href\tplace" lines, newest first) with `href` added first,
/// without duplicates, at most 5.
pub fn push_recent(stored: &str, href: &str, place: &str) -> String {
    let mut lines = vec![format!("{href}\t{}", place.replace(['\t', '\n'], " "))];
    lines.extend(stored.lines().filter(|l| l.split('\t').next() != Some(href) && l.contains('\t')).take(4).map(str::to_owned));
    lines.join("\n")
}

/// The stored recent searches as (href, place); only addresses of the search page.
pub fn recent_list(stored: &str) -> Vec<(String, String)> {
    stored.lines().filter_map(|l| l.split_once('\t')).filter(|(h, _)| h.starts_with("/?")).map(|(h, p)| (h.to_owned(), p.to_owned())).collect()
}

/// The saved offers as stored ("id\ttitle" lines) with `id` added (first) or removed.
pub fn toggle_saved(stored: &str, id: &str, title: &str) -> String {
    let was = is_saved(stored, id);
    let rest = stored.lines().filter(|l| l.contains('\t') && l.split('\t').next() != Some(id)).map(str::to_owned);
    let first = (!was).then(|| format!("{id}\t{}", title.replace(['\t', '\n'], " ")));
    first.into_iter().chain(rest).collect::<Vec<_>>().join("\n")
}

/// Whether an offer is saved.
pub fn is_saved(stored: &str, id: &str) -> bool {
    stored.lines().any(|l| l.split('\t').next() == Some(id))
}

/// The saved offers as (id, title), newest first.
pub fn saved_list(stored: &str) -> Vec<(String, String)> {
    stored.lines().filter_map(|l| l.split_once('\t')).map(|(i, t)| (i.to_owned(), t.to_owned())).collect()
}

/// The radius choices of the form, with `current` added if it came from a URL with another value.
pub fn radius_choices(current: f64) -> Vec<f64> {
    let mut v = RADIUS_CHOICES.to_vec();
    if current.is_finite() && !v.contains(&current) {
        v.push(current);
        v.sort_by(f64::total_cmp);
    }
    v
}

/// Number of result pages.
pub fn page_count(total: u32, per_page: u32) -> u32 {
    if per_page == 0 {
        return 1;
    }
    total.div_ceil(per_page).max(1)
}

/// 1-based numbers of the first and last result on `page`.
pub fn page_range(total: u32, page: u32, per_page: u32, shown: usize) -> (u32, u32) {
    if total == 0 || shown == 0 {
        return (0, 0);
    }
    let from = page.saturating_sub(1) * per_page + 1;
    (from, from + shown as u32 - 1)
}

/// The id of the form control a field error links to (the error summary's `href="#…"`).
pub fn field_control_id(field: &str) -> Option<String> {
    match field {
        "postcode" | "radius_km" | "name" | "phone" | "email" | "contact_time" | "message" | "consent" | "code" | "contact" | "topic" => {
            Some(field.to_owned())
        }
        "category" => Category::ALL.first().map(|c| category_input_id(*c)),
        "condition" => Some(field.to_owned()),
        _ => None,
    }
}

/// The name of an address parameter, for an error about it where the page has no field to link
/// to (e.g. `per_group=99` typed into the address): "Tilbud pr. indsats: Skal være …".
pub fn parameter_name(field: &str) -> Option<Text> {
    Some(match field {
        "radius_km" => i18n::PARAM_RADIUS,
        "per_group" => i18n::PARAM_PER_GROUP,
        "page" => i18n::PARAM_PAGE,
        "per_page" => i18n::PARAM_PER_PAGE,
        "sort" => i18n::SORT_LABEL,
        "lat" | "lon" => i18n::PARAM_PLACE,
        "package" => i18n::PACKAGE_LABEL,
        "format" => i18n::FORMAT,
        "language" => i18n::LANGUAGE_LABEL,
        "starts_within_weeks" => i18n::PARAM_STARTS_WITHIN,
        _ => return None,
    })
}

/// The id of a category's checkbox.
pub fn category_input_id(c: Category) -> String {
    format!("category-{}", c.code())
}

/// The raw values of the form fields from the URL query, so the form shows what the URL says
/// (even invalid values, next to their error).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FormValues {
    pub postcode: String,
    pub categories: Vec<Category>,
    pub radius_km: f64,
}

impl FormValues {
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut v = FormValues { radius_km: DEFAULT_RADIUS_KM, ..Default::default() };
        for (k, val) in pairs {
            match k {
                "postcode" => v.postcode = val.trim().to_owned(),
                "category" => {
                    if let Some(c) = Category::from_code(val.trim()) {
                        if !v.categories.contains(&c) {
                            v.categories.push(c);
                        }
                    }
                }
                "radius_km" => {
                    if let Ok(n) = validation::number_in_range(k, val, 0.0, f64::MAX) {
                        v.radius_km = n;
                    }
                }
                _ => {}
            }
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use forebyg_shared::validation::ErrorCode;

    fn parse(q: &[(&str, &str)]) -> SearchParams {
        SearchParams::parse(q.iter().copied()).unwrap()
    }

    #[test]
    fn a_parameter_leaves_a_query() {
        assert_eq!(without_param("?kode=C6KV&lang=en", "lang"), "?kode=C6KV");
        assert_eq!(without_param("?lang=en", "lang"), "");
        assert_eq!(without_param("", "lang"), "");
        assert_eq!(without_param("?language=da&lang=en&x=1", "lang"), "?language=da&x=1");
    }

    #[test]
    fn encodes_like_a_form() {
        assert_eq!(encode("fysisk-aktivitet"), "fysisk-aktivitet");
        assert_eq!(encode("a b&c=ø"), "a%20b%26c%3D%C3%B8");
        assert_eq!(query_string(&[("postcode", "8000".into()), ("category", "alkohol".into())]), "postcode=8000&category=alkohol");
    }

    #[test]
    fn search_urls_round_trip_through_the_shared_parser() {
        let p = parse(&[("postcode", "8000"), ("category", "fysisk-aktivitet"), ("category", "alkohol"), ("radius_km", "10")]);
        let href = search_href(&p);
        assert_eq!(href, "/?postcode=8000&radius_km=10&category=fysisk-aktivitet&category=alkohol");
        let query = href.split_once('?').unwrap().1;
        let pairs: Vec<(&str, &str)> = query.split('&').map(|kv| kv.split_once('=').unwrap()).collect();
        assert_eq!(SearchParams::parse(pairs).unwrap(), p);
        assert_eq!(api_search_url(&p), "/api/v1/offers?postcode=8000&radius_km=10&category=fysisk-aktivitet&category=alkohol");
        assert_eq!(search_href(&SearchParams::default()), "/");
    }

    #[test]
    fn paging_links_keep_the_search() {
        let p = parse(&[("postcode", "8000"), ("category", "alkohol"), ("page", "3")]);
        assert_eq!(page_href(&p, 4), "/?postcode=8000&category=alkohol&page=4");
        assert_eq!(page_href(&p, 1), "/?postcode=8000&category=alkohol");
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(40, 20), 2);
        assert_eq!(page_count(41, 20), 3);
        assert_eq!(page_range(41, 3, 20, 1), (41, 41));
        assert_eq!(page_range(41, 1, 20, 20), (1, 20));
        assert_eq!(page_range(0, 1, 20, 0), (0, 0));
    }

    #[test]
    fn offer_addresses() {
        assert_eq!(address("/admin/tilbud", &[("soeg", " kol ".into()), ("side", String::new())]), "/admin/tilbud?soeg=kol");
        assert_eq!(address("/admin/tilbud", &[("soeg", "  ".into())]), "/admin/tilbud");
        assert_eq!(offer_href("demo-00042"), "/tilbud/demo-00042");
        assert_eq!(offer_href("a/b"), "/tilbud/a%2Fb");
        assert_eq!(api_offer_url("demo-00042"), "/api/v1/offers/demo-00042");
    }

    #[test]
    fn the_form_needs_a_well_formed_postcode() {
        let e = from_form("80", &[], 25.0).unwrap_err();
        assert_eq!((e[0].field.as_str(), e[0].code), ("postcode", ErrorCode::Invalid));
        assert!(e[0].message.da.contains("fire cifre"));
        assert_eq!(from_form(" ", &[], 25.0).unwrap_err()[0].code, ErrorCode::Required);
        let p = from_form(" 8000 ", &[Category::Alkohol, Category::FysiskAktivitet], 10.0).unwrap();
        assert_eq!(p.postcode.as_deref(), Some("8000"));
        assert_eq!(p.categories, vec![Category::FysiskAktivitet, Category::Alkohol]);
        assert_eq!((p.radius_km, p.page), (10.0, 1));
        assert!(is_search(&p) && !is_search(&SearchParams::default()));
    }

    #[test]
    fn form_values_come_from_the_url_even_when_invalid() {
        let v = FormValues::from_query([("postcode", "80"), ("category", "alkohol"), ("category", "yoga"), ("radius_km", "50")]);
        assert_eq!(v, FormValues { postcode: "80".into(), categories: vec![Category::Alkohol], radius_km: 50.0 });
        assert_eq!(FormValues::from_query([]).radius_km, DEFAULT_RADIUS_KM);
        assert_eq!(radius_choices(25.0), RADIUS_CHOICES.to_vec());
        assert_eq!(radius_choices(30.0), vec![5.0, 10.0, 25.0, 30.0, 50.0, 100.0]);
    }

    #[test]
    fn recent_searches_keep_the_last_five() {
        let mut s = String::new();
        for i in 0..7 {
            s = push_recent(&s, &format!("/?postcode=800{i}"), &format!("800{i} By"));
        }
        s = push_recent(&s, "/?postcode=8004", "8004 By");
        let l = recent_list(&s);
        assert_eq!(l.len(), 5);
        assert_eq!(l[0], ("/?postcode=8004".to_owned(), "8004 By".to_owned()));
        assert_eq!(l[1].0, "/?postcode=8006");
        assert!(recent_list("javascript:x\tevil").is_empty());
    }

    #[test]
    fn saved_offers_toggle() {
        let s = toggle_saved("", "a-1", "Yoga");
        let s = toggle_saved(&s, "b-2", "Kost\tog motion");
        assert!(is_saved(&s, "a-1") && is_saved(&s, "b-2") && !is_saved(&s, "a"));
        assert_eq!(saved_list(&s), vec![("b-2".to_owned(), "Kost og motion".to_owned()), ("a-1".to_owned(), "Yoga".to_owned())]);
        let s = toggle_saved(&s, "a-1", "Yoga");
        assert_eq!(saved_list(&s), vec![("b-2".to_owned(), "Kost og motion".to_owned())]);
    }

    #[test]
    fn filters_survive_a_new_search() {
        let filters =
            parse(&[("postcode", "8000"), ("evening", "true"), ("self_referral", "true"), ("format", "digital"), ("q", "yoga"), ("page", "3")]);
        let base = from_form("2100", &[Category::Alkohol], 50.0).unwrap();
        let p = with_filters(base, &filters);
        assert_eq!(search_href(&p), "/?postcode=2100&radius_km=50&category=alkohol&format=digital&q=yoga&evening=true&self_referral=true");
    }

    #[test]
    fn errors_link_to_their_control() {
        assert_eq!(field_control_id("postcode").as_deref(), Some("postcode"));
        assert_eq!(field_control_id("category").as_deref(), Some("category-afklarende-samtale"));
        assert_eq!(field_control_id("per_page"), None);
        assert_eq!(parameter_name("per_page"), Some(i18n::PARAM_PER_PAGE));
        assert_eq!(parameter_name("postcode"), None);
    }
}
