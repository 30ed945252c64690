//! One contract, two adapters: the embedded store and DynamoDB (on DynamoDB Local) must behave
//! the same for everything the API relies on, search through their indexes included.

#[path = "store_contract/records.rs"]
mod records;
#[path = "store_contract/references.rs"]
mod references;
#[path = "store_contract/reindex.rs"]
mod reindex;
#[path = "store_contract/relaxed.rs"]
mod relaxed;
#[path = "store_contract/search.rs"]
mod search_cases;
#[path = "store_contract/search_oracle.rs"]
mod search_oracle;
mod support;

use forebyg_api::store::{SearchPage, SearchQuery};
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::search::SearchParams;
use forebyg_shared::taxonomy::RegionCode;
use records::*;
use references::*;
use reindex::*;
use relaxed::*;
use search_cases::*;

const AARHUS: GeoPoint = GeoPoint::new(56.1530, 10.2040);
const ODENSE: GeoPoint = GeoPoint::new(55.3960, 10.3880);

/// A query straight to the store's search port.
pub fn query(origin: GeoPoint, region: RegionCode, params: SearchParams) -> SearchQuery {
    SearchQuery { origin, region, params, today: today(), any_condition: vec![] }
}

pub fn today() -> String {
    forebyg_shared::date::copenhagen_date(forebyg_api::self_referral::now())
}

pub fn page_ids(page: &SearchPage) -> Vec<String> {
    page.hits.iter().map(|(o, _)| o.id.clone()).collect()
}

macro_rules! contract {
    ($make:expr, $($case:ident),+ $(,)?) => {{
        $(
            println!("contract case: {}", stringify!($case));
            let store = $make;
            $case(&store.0).await;
        )+
    }};
}

macro_rules! all_cases {
    ($make:expr) => {
        contract!(
            $make,
            round_trip_keeps_every_field,
            search_reads_only_published_offers_in_the_cells,
            updates_move_and_remove_index_entries,
            digital_offers_are_listed_per_region,
            searches_find_an_offer_by_the_conditions_it_takes,
            region_lists_hold_every_status_and_follow_moves,
            versioned_saves_never_overwrite_silently,
            concurrent_saves_of_one_version_let_one_win,
            large_batches_are_written_whole,
            search_equals_brute_force_and_reads_only_covering_cells,
            near_empty_searches_point_further_and_pins_cover_all_matches,
            an_empty_search_counts_what_each_filter_dropped_finds,
            a_far_nearest_offer_is_counted_within_its_own_radius,
            searches_together_equal_each_alone,
            clinician_search_equals_brute_force,
            fhir_reads_find_the_first_published_offer_of_the_preferred_region,
            fhir_read_entries_follow_every_save,
            an_offer_id_that_is_not_a_fhir_id_is_found_by_its_service_id,
            fhir_reads_do_not_grow_with_the_region,
        )
    };
}

/// Cases that also take the raw table their store's items can be written through as DynamoDB held
/// them before the FHIR read index: `$make` is a pair, the store as [`contract!`] takes it and that
/// table (`None`: the embedded store, which has no such state).
macro_rules! contract_with_raw_table {
    ($make:expr, $($case:ident),+ $(,)?) => {{
        $(
            println!("contract case: {}", stringify!($case));
            let (store, raw) = $make;
            $case(&store.0, raw.as_ref()).await;
        )+
    }};
}

macro_rules! reindex_cases {
    ($make:expr) => {
        contract_with_raw_table!($make, reindex_lists_offers_stored_before_the_index, reindex_never_overwrites_a_save_made_after_its_read)
    };
}

#[tokio::test]
async fn embedded_store_passes_the_contract() {
    all_cases!(support::embedded());
    reindex_cases!((support::embedded(), None));
}

#[tokio::test]
async fn dynamodb_store_passes_the_contract() {
    let local = support::dynamodb_local::DynamoDbLocal::start();
    all_cases!((support::dynamo(&local).await, ()));
    reindex_cases!({
        let store = support::dynamo(&local).await;
        let raw = RawTable::of(&local, &store).await;
        ((store, ()), Some(raw))
    });
}
