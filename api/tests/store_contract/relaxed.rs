//! A search that finds nothing names the chosen filters without which it finds offers: each count
//! is what the same search without that filter finds, on either store.

use forebyg_api::demo;
use forebyg_api::search;
use forebyg_api::store::OfferStore;
use forebyg_shared::search::SearchParams;

pub async fn an_empty_search_counts_what_each_filter_dropped_finds(store: &dyn OfferStore) {
    store.put_offers(&demo::offers(2_000)).await.unwrap();
    let mut checked = 0;
    for query in [
        "postcode=8000&category=alkohol&language=ar&weekend=true",
        "postcode=8000&category=nikotinafvaenning&language=ar&evening=true&available=true",
        "postcode=6700&category=ernaeringsindsats&language=en&weekend=true&continuous=true",
        "postcode=9990&radius_km=5&category=fysisk-aktivitet&language=tr&self_referral=true",
    ] {
        let params = SearchParams::parse(query.split('&').map(|kv| kv.split_once('=').unwrap())).unwrap();
        let res = search::search(store, &params).await.unwrap();
        if res.total > 0 {
            assert!(res.relaxed.is_empty(), "{query}: only an empty answer is loosened");
            continue;
        }
        let mut expected = vec![];
        for (filter, without) in params.relaxations() {
            let found = search::search(store, &without).await.unwrap().total;
            if found > 0 {
                expected.push((filter, found));
            }
        }
        expected.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        assert_eq!(res.relaxed.iter().map(|r| (r.filter, r.count)).collect::<Vec<_>>(), expected, "{query}");
        checked += usize::from(!expected.is_empty());
    }
    assert!(checked > 0, "no case found nothing but something without one filter");
}
