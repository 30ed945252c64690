//! The offers list's filters, order and page live in the page address (`/admin/tilbud?soeg=
//! &indsats=&kommune=&udbyder=&status=&bekraeftes=1&uden-bagefter=1&sortering=&side=`), so a reload or a shared
//! link shows the same list. The admin's whole scope is fetched once (a region has hundreds of
//! offers, not millions) and filtered here. Pure logic, tested natively.

use forebyg_app::query::address;
use forebyg_shared::admin::AdminOfferRow;
use forebyg_shared::taxonomy::{Category, OfferStatus};
use std::cmp::Ordering;

pub const PATH: &str = "/admin/tilbud";
/// Rows per page: a screenful or two on a desktop, quick to scan on a phone.
pub const PER_PAGE: usize = 50;
/// The `kommune` value of offers without a place (digital offers).
pub const NO_MUNICIPALITY: &str = "digital";

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Sort {
    /// By title, as Danes alphabetise (æ, ø, å last).
    #[default]
    Title,
    /// Oldest confirmation first: what to re-verify next.
    Verified,
    Provider,
    Municipality,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Title, Sort::Verified, Sort::Provider, Sort::Municipality];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Title => "titel",
            Sort::Verified => "bekraeftet",
            Sort::Provider => "udbyder",
            Sort::Municipality => "kommune",
        }
    }

    fn from_code(code: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct OffersQuery {
    /// Part of the title, provider or town (any case).
    pub text: String,
    pub category: Option<Category>,
    /// A kommunekode, or [`NO_MUNICIPALITY`].
    pub municipality: String,
    pub provider: String,
    pub status: Option<OfferStatus>,
    /// Only offers due for re-verification.
    pub stale: bool,
    /// Only offers that lead on to no association's activity ("Fortsæt bagefter").
    pub no_activity: bool,
    pub sort: Sort,
    /// 1-based.
    pub page: usize,
}

thread_local! {
    /// The list's address as the admin last saw it in this tab.
    static LAST_LIST: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Remembers the list as the admin left it (filters, order, page), for an offer's way back.
pub fn remember(q: &OffersQuery) {
    LAST_LIST.with(|l| *l.borrow_mut() = Some(q.href()));
}

/// The list to go back to from an offer: as the admin left it, or the whole list (a walk's admin
/// re-verifying the due offers one by one was led back to all 75 after each and filtered again).
pub fn back_href() -> String {
    LAST_LIST.with(|l| l.borrow().clone()).unwrap_or_else(|| PATH.to_owned())
}

/// Danish alphabetical order, as the exports use it.
pub use forebyg_shared::collate::danish_key;

/// Municipalities (of `region`, or all) in Danish alphabetical order of their names, for the
/// admin's selects (the geography table is in code order).
pub fn municipalities_by_name(region: Option<forebyg_shared::taxonomy::RegionCode>) -> Vec<&'static forebyg_shared::geography::Municipality> {
    let mut ms: Vec<_> = forebyg_shared::geography::municipalities().iter().filter(|m| region.is_none_or(|r| m.region == r)).collect();
    ms.sort_by_key(|m| danish_key(m.name));
    ms
}

impl OffersQuery {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        Self {
            text: get("soeg").unwrap_or_default(),
            category: get("indsats").and_then(|c| Category::from_code(&c)),
            municipality: get("kommune").unwrap_or_default(),
            provider: get("udbyder").unwrap_or_default(),
            status: get("status").and_then(|s| OfferStatus::from_code(&s)),
            stale: get("bekraeftes").is_some_and(|v| v == "1"),
            no_activity: get("uden-bagefter").is_some_and(|v| v == "1"),
            sort: get("sortering").and_then(|s| Sort::from_code(&s)).unwrap_or_default(),
            page: get("side").and_then(|p| p.parse().ok()).filter(|p| *p >= 1).unwrap_or(1),
        }
    }

    /// The page's own address.
    pub fn href(&self) -> String {
        let pairs = [
            ("soeg", self.text.clone()),
            ("indsats", self.category.map(|c| c.code()).unwrap_or_default().to_owned()),
            ("kommune", self.municipality.clone()),
            ("udbyder", self.provider.clone()),
            ("status", self.status.map(|s| s.code()).unwrap_or_default().to_owned()),
            ("bekraeftes", if self.stale { "1" } else { "" }.to_owned()),
            ("uden-bagefter", if self.no_activity { "1" } else { "" }.to_owned()),
            ("sortering", if self.sort == Sort::Title { "" } else { self.sort.code() }.to_owned()),
            ("side", if self.page > 1 { self.page.to_string() } else { String::new() }),
        ];
        address(PATH, &pairs)
    }

    /// The same filters on another page.
    pub fn on_page(&self, page: usize) -> Self {
        Self { page, ..self.clone() }
    }

    fn keeps(&self, r: &AdminOfferRow) -> bool {
        let needle = self.text.trim().to_lowercase();
        let matches = |s: &str| s.to_lowercase().contains(&needle);
        let municipality = r.municipality_code.as_deref().unwrap_or(NO_MUNICIPALITY);
        (needle.is_empty() || [Some(&r.title), Some(&r.provider_name), r.city.as_ref(), r.venue.as_ref()].into_iter().flatten().any(|s| matches(s)))
            && self.category.is_none_or(|c| r.category == c)
            && (self.municipality.is_empty() || self.municipality == municipality)
            && (self.provider.is_empty() || self.provider == r.provider_id)
            && self.status.is_none_or(|s| r.status == s)
            && (!self.stale || (r.stale && r.status != OfferStatus::Archived))
            && (!self.no_activity || (r.activity_ids.is_empty() && r.status != OfferStatus::Archived))
    }

    fn compare(&self, a: &AdminOfferRow, b: &AdminOfferRow) -> Ordering {
        // Offers of the same title by town, place, then the first weekly time: alike rows side by
        // side in an order one can read down.
        let then = |r: &AdminOfferRow| {
            let first = r.slots.iter().map(|s| (s.weekday, s.start.clone())).min();
            (r.city.as_deref().map(danish_key), r.venue.as_deref().map(danish_key), first)
        };
        let by_title = || danish_key(&a.title).cmp(&danish_key(&b.title)).then_with(|| then(a).cmp(&then(b)));
        let place = |r: &AdminOfferRow| r.municipality_code.as_deref().and_then(municipality_name).map(danish_key).unwrap_or_else(|| "~".into());
        match self.sort {
            Sort::Title => by_title(),
            Sort::Verified => a.last_verified.cmp(&b.last_verified).then_with(by_title),
            Sort::Provider => danish_key(&a.provider_name).cmp(&danish_key(&b.provider_name)).then_with(by_title),
            Sort::Municipality => place(a).cmp(&place(b)).then_with(by_title),
        }
    }

    /// The rows the filters keep, in order: (this page's rows, how many matched, how many pages).
    /// A page past the end shows the last page.
    pub fn apply<'a>(&self, rows: &'a [AdminOfferRow]) -> (Vec<&'a AdminOfferRow>, usize, usize) {
        let mut hits: Vec<&AdminOfferRow> = rows.iter().filter(|r| self.keeps(r)).collect();
        hits.sort_by(|a, b| self.compare(a, b));
        let total = hits.len();
        let pages = total.div_ceil(PER_PAGE).max(1);
        let page = self.page.clamp(1, pages);
        let shown = hits.into_iter().skip((page - 1) * PER_PAGE).take(PER_PAGE).collect();
        (shown, total, pages)
    }
}

pub fn municipality_name(code: &str) -> Option<&'static str> {
    forebyg_shared::geography::municipality(code).map(|m| m.name)
}

/// A select's (value, name) options.
pub type Choices = Vec<(String, String)>;

/// The filters' choices from the rows themselves: (id, name) of every provider and every
/// municipality (kommunekode, name) with an offer, in Danish alphabetical order.
pub fn choices(rows: &[AdminOfferRow]) -> (Choices, Choices) {
    let mut providers: Vec<(String, String)> = rows.iter().map(|r| (r.provider_id.clone(), r.provider_name.clone())).collect();
    let mut places: Vec<(String, String)> =
        rows.iter().filter_map(|r| r.municipality_code.as_deref()).map(|c| (c.to_owned(), municipality_name(c).unwrap_or(c).to_owned())).collect();
    for list in [&mut providers, &mut places] {
        list.sort_by_key(|(_, name)| danish_key(name));
        list.dedup();
    }
    (providers, places)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn municipalities_are_listed_by_name_in_danish_order() {
        let names: Vec<_> = municipalities_by_name(Some(forebyg_shared::taxonomy::RegionCode::Syddanmark)).into_iter().map(|m| m.name).collect();
        let mut sorted = names.clone();
        sorted.sort_by_key(|n| danish_key(n));
        assert_eq!(names, sorted);
        // Æ, Ø and Å (and Aa) come after Z, as in a Danish dictionary.
        assert_eq!(names.first(), Some(&"Assens"));
        assert_eq!(names[names.len() - 4..], ["Vejen", "Vejle", "Ærø", "Aabenraa"]);
        assert!(names.iter().position(|n| *n == "Svendborg") < names.iter().position(|n| *n == "Sønderborg"));
        assert_eq!(municipalities_by_name(None).len(), 98);
    }
    use forebyg_shared::taxonomy::{Format, RegionCode, Weekday};

    fn row(i: usize, title: &str, municipality: Option<&str>, provider: &str, verified: &str, stale: bool) -> AdminOfferRow {
        AdminOfferRow {
            id: format!("o{i}"),
            title: title.into(),
            status: if i.is_multiple_of(2) { OfferStatus::Published } else { OfferStatus::Draft },
            category: if i.is_multiple_of(3) { Category::Alkohol } else { Category::FysiskAktivitet },
            format: Format::Digital,
            region: RegionCode::Midtjylland,
            provider_id: provider.to_lowercase(),
            provider_name: provider.into(),
            city: None,
            municipality_code: municipality.map(str::to_owned),
            venue: (i == 6).then(|| "Sundhedshuset".into()),
            slots: vec![],
            next_start: None,
            last_verified: verified.into(),
            stale,
            version: 1,
            activity_ids: vec![],
        }
    }

    #[test]
    fn filters_round_trip_through_the_address() {
        let pairs = [
            ("soeg", "KOL hold"),
            ("indsats", "alkohol"),
            ("kommune", "0740"),
            ("udbyder", "p1"),
            ("status", "draft"),
            ("bekraeftes", "1"),
            ("uden-bagefter", "1"),
            ("sortering", "bekraeftet"),
            ("side", "3"),
        ];
        let q = OffersQuery::from_query(|k| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| v.to_string()));
        assert_eq!(
            q.href(),
            "/admin/tilbud?soeg=KOL%20hold&indsats=alkohol&kommune=0740&udbyder=p1&status=draft&bekraeftes=1&uden-bagefter=1&sortering=bekraeftet&side=3"
        );
        assert_eq!(OffersQuery::from_query(|_| None).href(), PATH);
        assert_eq!(OffersQuery::from_query(|k| (k == "side").then(|| "0".into())).page, 1);
    }

    #[test]
    fn every_offer_is_reachable_page_by_page() {
        let rows: Vec<AdminOfferRow> = (0..333).map(|i| row(i, &format!("Tilbud {i:03}"), Some("0740"), "P", "2026-01-01", false)).collect();
        let q = OffersQuery { page: 1, ..Default::default() };
        let (first, total, pages) = q.apply(&rows);
        assert_eq!((first.len(), total, pages), (PER_PAGE, 333, 7));
        let seen: usize = (1..=pages).map(|p| q.on_page(p).apply(&rows).0.len()).sum();
        assert_eq!(seen, 333);
        assert_eq!(q.on_page(99).apply(&rows).0.last().unwrap().title, "Tilbud 332");
    }

    #[test]
    fn offers_of_one_title_sort_by_town_place_and_time() {
        let at = |i: usize, city: &str, venue: &str, day: Weekday| AdminOfferRow {
            city: Some(city.into()),
            venue: Some(venue.into()),
            slots: vec![forebyg_shared::offer::TimeSlot { weekday: day, start: "10:00".into(), end: "12:00".into() }],
            ..row(i, "Kost og hverdag", Some("0751"), "Aarhus Kommune", "2026-01-01", false)
        };
        let rows = vec![
            at(0, "Aarhus N", "Sundhedshuset", Weekday::Mon),
            at(1, "Aarhus C", "Sundhedshuset", Weekday::Thu),
            at(2, "Aarhus C", "Medborgerhuset", Weekday::Tue),
            at(3, "Aarhus C", "Sundhedshuset", Weekday::Mon),
        ];
        let ids: Vec<&str> = OffersQuery::default().apply(&rows).0.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["o2", "o3", "o1", "o0"]);
    }

    #[test]
    fn filters_combine_and_sort_danish() {
        let rows = vec![
            row(0, "Åben træning", Some("0740"), "Silkeborg Kommune", "2026-05-01", false),
            row(3, "Ærlig snak", None, "Digital Sundhed", "2025-01-01", true),
            row(6, "Alkoholsamtale", Some("0751"), "Aarhus Kommune", "2024-01-01", true),
            row(2, "Zumba", Some("0740"), "Silkeborg Kommune", "2026-06-01", false),
        ];
        let titles = |q: &OffersQuery| q.apply(&rows).0.iter().map(|r| r.title.clone()).collect::<Vec<_>>();
        assert_eq!(titles(&OffersQuery::default()), ["Alkoholsamtale", "Zumba", "Ærlig snak", "Åben træning"]);
        assert_eq!(titles(&OffersQuery { municipality: "0740".into(), ..Default::default() }), ["Zumba", "Åben træning"]);
        assert_eq!(titles(&OffersQuery { municipality: NO_MUNICIPALITY.into(), ..Default::default() }), ["Ærlig snak"]);
        assert_eq!(titles(&OffersQuery { stale: true, category: Some(Category::Alkohol), ..Default::default() }), ["Alkoholsamtale", "Ærlig snak"]);
        assert_eq!(
            titles(&OffersQuery { provider: "silkeborg kommune".into(), status: Some(OfferStatus::Published), ..Default::default() }),
            ["Zumba", "Åben træning"]
        );
        assert_eq!(titles(&OffersQuery { sort: Sort::Verified, ..Default::default() })[0], "Alkoholsamtale");
        assert_eq!(titles(&OffersQuery { text: "SILKE".into(), ..Default::default() }).len(), 2);
        assert_eq!(titles(&OffersQuery { text: "sundhedshus".into(), ..Default::default() }), ["Alkoholsamtale"], "the place's name");
        let mut led = rows.clone();
        led[0].activity_ids = vec!["gaahold".into()];
        led[1].status = OfferStatus::Archived;
        let without: Vec<_> = OffersQuery { no_activity: true, ..Default::default() }.apply(&led).0.iter().map(|r| r.title.clone()).collect();
        assert_eq!(without, ["Alkoholsamtale", "Zumba"], "neither the one leading on nor the archived one");
        let (providers, places) = choices(&rows);
        assert_eq!(providers.iter().map(|p| p.1.as_str()).collect::<Vec<_>>(), ["Digital Sundhed", "Silkeborg Kommune", "Aarhus Kommune"]);
        assert_eq!(places.len(), 2);
    }
}
