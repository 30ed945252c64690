//! The half of offer search both store adapters share: what a search index holds per published
//! offer ([`IndexEntry`]), and how candidates read from an index become a page ([`plan`], then
//! [`Plan::finish`]). An adapter only decides where the candidates come from (memory, or a
//! DynamoDB index with a compact projection) and how the page's offers are read by id.

use forebyg_shared::geo::GeoPoint;
use forebyg_shared::offer::Offer;
use forebyg_shared::search::{Facets, SearchParams, SearchStats, Sort};
use forebyg_shared::taxonomy::{Category, Condition, Format, RegionCode};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// A search as the store port takes it: the place is resolved, `today` (YYYY-MM-DD) is fixed.
#[derive(Debug, Clone)]
pub struct SearchQuery {
    pub origin: GeoPoint,
    /// Whose digital offers are listed after the nearby ones.
    pub region: RegionCode,
    /// Filters, radius, order and page.
    pub params: SearchParams,
    pub today: String,
    /// Conditions of which an offer must target at least one (the clinician search's patient);
    /// empty: no such filter. `params.condition` is the citizen search's one condition.
    pub any_condition: Vec<Condition>,
}

impl SearchQuery {
    /// On-site and hybrid offers are wanted unless only digital ones are asked for.
    pub fn wants_places(&self) -> bool {
        self.params.format != Some(Format::Digital)
    }

    pub fn wants_digital(&self) -> bool {
        self.params.format.is_none_or(|f| f == Format::Digital)
    }

    /// Whether an offer targeting `conditions` passes [`any_condition`](Self::any_condition).
    pub fn targets(&self, conditions: &[Condition]) -> bool {
        self.any_condition.is_empty() || conditions.iter().any(|c| self.any_condition.contains(c))
    }

    /// The categories to read: the chosen ones, or all.
    pub fn categories(&self) -> &[Category] {
        if self.params.categories.is_empty() {
            Category::ALL
        } else {
            &self.params.categories
        }
    }
}

/// One page of results, with how much the store read to find it.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchPage {
    /// All matches over all pages: `nearby` plus the region's digital offers.
    pub total: u32,
    pub nearby: u32,
    /// The page's offers in order, each with its distance in km (`None`: digital).
    pub hits: Vec<(Offer, Option<f64>)>,
    pub stats: SearchStats,
    /// DynamoDB read capacity units the search consumed (`None` for the embedded store).
    pub read_units: Option<f64>,
}

/// A published offer as a search index holds it: enough to filter and sort without the offer.
/// Serialised (without the id, which is the item's key) as the DynamoDB index's one projected
/// attribute.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    #[serde(skip)]
    pub id: String,
    /// `None`: digital only.
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub point: Option<GeoPoint>,
    /// Digital offers are listed by title; places by distance, so they leave it out.
    #[serde(rename = "t", default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(flatten)]
    pub facets: Facets,
}

impl IndexEntry {
    /// The entry of a searchable offer; `None` when it is not published.
    pub fn for_offer(offer: &Offer) -> Option<IndexEntry> {
        if !offer.is_published() {
            return None;
        }
        let point = offer.point();
        Some(IndexEntry { id: offer.id.clone(), point, title: point.is_none().then(|| offer.title.clone()), facets: Facets::from(offer) })
    }
}

/// The matches of a search, ordered, and which of them to read.
#[derive(Debug)]
pub struct Plan {
    /// Ids to read with their distance, in result order: the page's, or every match's when free
    /// text must be checked on the offers themselves.
    pub read: Vec<(String, Option<f64>)>,
    total: usize,
    nearby: usize,
    text_filter: bool,
    stats: SearchStats,
}

/// Filters and orders candidates read from an index: `near` from the cells covering the circle
/// (`cells` of them), `digital` from the region. `items_read` counts both.
pub fn plan<'a>(
    query: &SearchQuery,
    cells: usize,
    near: impl IntoIterator<Item = &'a IndexEntry>,
    digital: impl IntoIterator<Item = &'a IndexEntry>,
) -> Plan {
    let p = &query.params;
    let bbox = query.origin.bounding_box(p.radius_km);
    let mut items_read = 0u32;
    let mut places: Vec<(f64, &IndexEntry)> = vec![];
    if query.wants_places() {
        for e in near {
            items_read += 1;
            let Some(point) = e.point else { continue };
            if !bbox.contains(point) || !p.matches_facets(&e.facets, &query.today) || !query.targets(&e.facets.conditions) {
                continue;
            }
            let d = query.origin.distance_km(point);
            if d <= p.radius_km {
                places.push((d, e));
            }
        }
    }
    let mut online: Vec<&IndexEntry> = vec![];
    if query.wants_digital() {
        for e in digital {
            items_read += 1;
            if e.point.is_none() && p.matches_facets(&e.facets, &query.today) && query.targets(&e.facets.conditions) {
                online.push(e);
            }
        }
    }
    let (total, nearby) = (places.len() + online.len(), places.len());
    let text_filter = p.q.is_some();
    // Only the first `end` results need ordering, unless free text may drop some.
    let end = if text_filter { usize::MAX } else { (p.page as usize).saturating_mul(p.per_page as usize) };
    let by_place = |a: &(f64, &IndexEntry), b: &(f64, &IndexEntry)| match p.sort {
        Sort::Distance => a.0.total_cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id)),
        Sort::NextStart => a.1.facets.start_key().cmp(&b.1.facets.start_key()).then(a.0.total_cmp(&b.0)).then_with(|| a.1.id.cmp(&b.1.id)),
    };
    // Digital offers have no distance: by title, or by their start when the soonest come first.
    let by_start = |a: &&IndexEntry, b: &&IndexEntry| match p.sort {
        Sort::Distance => Ordering::Equal,
        Sort::NextStart => a.facets.start_key().cmp(&b.facets.start_key()),
    };
    let digital_order = |a: &&IndexEntry, b: &&IndexEntry| by_start(a, b).then_with(|| a.title.cmp(&b.title)).then_with(|| a.id.cmp(&b.id));
    top(&mut places, end, by_place);
    top(&mut online, end.saturating_sub(places.len()), digital_order);
    let ordered = places.iter().map(|(d, e)| (e.id.as_str(), Some(*d))).chain(online.iter().map(|e| (e.id.as_str(), None)));
    let read = if text_filter {
        ordered.map(|(id, d)| (id.to_owned(), d)).collect()
    } else {
        let skip = (p.page as usize - 1) * p.per_page as usize;
        ordered.skip(skip).take(p.per_page as usize).map(|(id, d)| (id.to_owned(), d)).collect()
    };
    Plan { read, total, nearby, text_filter, stats: SearchStats { cells: cells as u32, items_read } }
}

/// Puts the `k` smallest items first, in order (the rest stay unordered after them).
fn top<T>(items: &mut [T], k: usize, cmp: impl Fn(&T, &T) -> Ordering) {
    if k == 0 {
        return;
    }
    if k < items.len() {
        items.select_nth_unstable_by(k - 1, &cmp);
        items[..k].sort_unstable_by(cmp);
    } else {
        items.sort_unstable_by(cmp);
    }
}

impl Plan {
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.read.iter().map(|(id, _)| id.as_str())
    }

    pub fn stats(&self) -> SearchStats {
        self.stats
    }

    /// The page from the offers read (`offers[i]` is `read[i]`, `None` if gone meanwhile). An
    /// offer changed since the index was read is checked again, so an archived one never shows.
    pub fn finish(self, query: &SearchQuery, offers: Vec<Option<Offer>>, read_units: Option<f64>) -> SearchPage {
        let p = &query.params;
        let still_matches = |o: &Offer| o.is_published() && p.matches(o, &query.today) && query.targets(o.conditions_taken());
        let found = self.read.into_iter().zip(offers).filter_map(|((_, d), o)| o.filter(still_matches).map(|o| (o, d)));
        let (total, nearby, hits) = if self.text_filter {
            let all: Vec<_> = found.collect();
            let nearby = all.iter().filter(|(_, d)| d.is_some()).count();
            let skip = (p.page as usize - 1) * p.per_page as usize;
            (all.len(), nearby, all.into_iter().skip(skip).take(p.per_page as usize).collect())
        } else {
            (self.total, self.nearby, found.collect())
        };
        SearchPage { total: total as u32, nearby: nearby as u32, hits, stats: self.stats, read_units }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_orders_only_what_the_page_needs() {
        let mut v = vec![5, 3, 9, 1, 7, 2];
        top(&mut v, 3, |a, b| a.cmp(b));
        assert_eq!(&v[..3], &[1, 2, 3]);
        top(&mut v, 10, |a, b| a.cmp(b));
        assert_eq!(v, [1, 2, 3, 5, 7, 9]);
    }

    #[test]
    fn entry_round_trips_as_a_compact_attribute() {
        let offer: Offer = serde_json::from_str(include_str!("../../../shared/tests/offer_fixture.json")).unwrap();
        let entry = IndexEntry::for_offer(&offer).unwrap();
        let json = serde_json::to_string(&entry).unwrap();
        assert!(json.len() < 160, "{json}");
        let back: IndexEntry = serde_json::from_str(&json).unwrap();
        assert_eq!(IndexEntry { id: entry.id.clone(), ..back }, entry);
    }
}
