//! The contract's search cases: every search through the store's index equals a brute-force
//! search over every offer (citizen and clinician), reads only the cells it covers, and points
//! further when nothing is near.

use super::search_oracle::{assert_search_equals_brute_force, brute_force, searches};
use super::support::{self, offer};
use super::{page_ids, query, AARHUS, ODENSE};
use forebyg_api::store::{DirectorySaved, DirectoryStore, OfferStore, SearchPage, SearchQuery};
use forebyg_api::{demo, search};
use forebyg_shared::directory::{DirectoryRecord, LocationRecord};
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::offer::{Enrolment, Offer};
use forebyg_shared::search::{SearchParams, SearchResponse};
use forebyg_shared::taxonomy::{Capacity, Category, Condition, Format, OfferStatus, RegionCode};
use std::collections::BTreeMap;

pub async fn search_reads_only_published_offers_in_the_cells(store: &dyn OfferStore) {
    let mut draft = offer("draft", Category::FysiskAktivitet, Some(AARHUS));
    draft.status = OfferStatus::Draft;
    let other_category = offer("alcohol", Category::Alkohol, Some(AARHUS));
    store
        .put_offers(&[
            offer("aarhus", Category::FysiskAktivitet, Some(AARHUS)),
            offer("odense", Category::FysiskAktivitet, Some(ODENSE)),
            draft,
            other_category,
        ])
        .await
        .unwrap();
    let activity = SearchParams { categories: vec![Category::FysiskAktivitet], ..Default::default() };
    let page = store.search(&query(AARHUS, RegionCode::Midtjylland, activity.clone())).await.unwrap();
    assert_eq!(page_ids(&page), ["aarhus"]);
    assert_eq!(page.stats.items_read, 1, "drafts are not in the index, Odense is not in the cells, Alkohol not in the category");
    assert_eq!(page.hits[0].1, Some(0.0));
    let wide = store.search(&query(AARHUS, RegionCode::Midtjylland, SearchParams { radius_km: 150.0, ..activity })).await.unwrap();
    assert_eq!(page_ids(&wide), ["aarhus", "odense"], "nearest first");
    assert_eq!(support::search_near(store, AARHUS, 150.0).await.len(), 3, "every category");
}

pub async fn digital_offers_are_listed_per_region(store: &dyn OfferStore) {
    let mut east = offer("east", Category::Nikotinafvaenning, None);
    east.region = RegionCode::Oestdanmark;
    let mut unpublished = offer("mid-draft", Category::Nikotinafvaenning, None);
    unpublished.status = OfferStatus::Draft;
    let mut b = offer("mid-b", Category::Nikotinafvaenning, None);
    b.title = "A comes first".into();
    store.put_offers(&[offer("mid", Category::Nikotinafvaenning, None), b, east, unpublished]).await.unwrap();
    let digital = SearchParams { format: Some(Format::Digital), ..Default::default() };
    let mid = store.search(&query(AARHUS, RegionCode::Midtjylland, digital.clone())).await.unwrap();
    assert_eq!((page_ids(&mid), mid.stats.items_read, mid.stats.cells), (vec!["mid-b".to_owned(), "mid".to_owned()], 2, 0), "by title");
    assert!(mid.hits.iter().all(|(_, d)| d.is_none()));
    assert_eq!(page_ids(&store.search(&query(AARHUS, RegionCode::Oestdanmark, digital.clone())).await.unwrap()), ["east"]);
    assert!(store.search(&query(AARHUS, RegionCode::Nordjylland, digital)).await.unwrap().hits.is_empty());
}

/// An offer for KOL and type 2 diabetes that takes only KOL is found for KOL alone, by the
/// citizen's condition and by the clinician's patient, on the index and on the edit path.
pub async fn searches_find_an_offer_by_the_conditions_it_takes(store: &dyn OfferStore) {
    let mut narrow = offer("kol-only", Category::FysiskAktivitet, Some(AARHUS));
    narrow.conditions = vec![Condition::Kol, Condition::Type2Diabetes];
    narrow.eligibility.accepted_conditions = vec![Condition::Kol];
    let mut open = offer("both", Category::FysiskAktivitet, Some(AARHUS));
    open.conditions = vec![Condition::Kol, Condition::Type2Diabetes];
    open.eligibility.accepted_conditions.clear();
    store.put_offers(&[narrow.clone(), open]).await.unwrap();
    for (condition, expected) in [(Condition::Kol, vec!["both", "kol-only"]), (Condition::Type2Diabetes, vec!["both"])] {
        let citizen = SearchParams { condition: Some(condition), ..Default::default() };
        let mut ids = page_ids(&store.search(&query(AARHUS, RegionCode::Midtjylland, citizen)).await.unwrap());
        ids.sort();
        assert_eq!(ids, expected, "citizen, {condition:?}");
        let clinician =
            forebyg_api::store::SearchQuery { any_condition: vec![condition], ..query(AARHUS, RegionCode::Midtjylland, SearchParams::default()) };
        let mut ids = page_ids(&store.search(&clinician).await.unwrap());
        ids.sort();
        assert_eq!(ids, expected, "clinician, {condition:?}");
    }
    // Taking type 2 diabetes too makes it found for that.
    narrow.eligibility.accepted_conditions.push(Condition::Type2Diabetes);
    narrow.version += 1;
    store.put_offers(&[narrow]).await.unwrap();
    let diabetes = SearchParams { condition: Some(Condition::Type2Diabetes), ..Default::default() };
    assert_eq!(page_ids(&store.search(&query(AARHUS, RegionCode::Midtjylland, diabetes)).await.unwrap()).len(), 2);
}

/// The search over the index equals a brute-force scan, before and after edits, archives and
/// location moves (the index never goes stale), and reads far fewer items than stored.
pub async fn search_equals_brute_force_and_reads_only_covering_cells<S: OfferStore + DirectoryStore>(store: &S) {
    let offers = demo::offers(2_000);
    let (_, locations) = demo::directory(&offers);
    store.put_offers(&offers).await.unwrap();
    let mut all: BTreeMap<String, Offer> = offers.iter().map(|o| (o.id.clone(), o.clone())).collect();
    for params in searches() {
        let res = assert_search_equals_brute_force(store, &all, &params).await;
        println!("search {params:?}: {} cells, {} items read of {} stored, {} matches", res.stats.cells, res.stats.items_read, all.len(), res.total);
        // A near-empty search also reads a wider circle (`wider`); the others read only their own.
        if params.radius_km <= 60.0 && params.categories.len() == 1 && res.wider.is_none() {
            assert!((res.stats.items_read as usize) < all.len() / 10, "read {} of {}", res.stats.items_read, all.len());
        }
    }

    // Archive some, edit some (category, schedule, title), move some: one by one, in an atomic
    // batch, and through their location records.
    let ids: Vec<String> = all.keys().cloned().collect();
    let bump = |o: &Offer| Offer { version: o.version + 1, ..o.clone() };
    for id in ids.iter().step_by(97) {
        let o = Offer { status: OfferStatus::Archived, ..bump(&all[id]) };
        assert_eq!(store.save_offer(&o, Some(all[id].version)).await.unwrap(), forebyg_api::store::Saved::Saved);
        all.insert(id.clone(), o);
    }
    let edits: Vec<(Offer, Option<u64>)> = ids
        .iter()
        .skip(5)
        .step_by(89)
        .map(|id| {
            let mut o = bump(&all[id]);
            o.category = Category::ALL[(Category::ALL.iter().position(|c| *c == o.category).unwrap() + 1) % Category::ALL.len()];
            o.title = format!("Kronisk {}", o.title);
            o.schedule.enrolment = Enrolment::Continuous;
            o.schedule.next_start = None;
            (o, Some(all[id].version))
        })
        .collect();
    assert_eq!(store.save_offers_atomically(&edits).await.unwrap(), forebyg_api::store::BatchSaved::Saved);
    all.extend(edits.into_iter().map(|(o, _)| (o.id.clone(), o)));
    let far = GeoPoint::new(55.0, 9.0);
    for location in locations.iter().skip(3).step_by(151) {
        let moved = LocationRecord { point: far, version: location.version + 1, ..location.clone() };
        let on_it: Vec<(Offer, Option<u64>)> = all
            .values()
            .filter(|o| o.location_id.as_deref() == Some(moved.id.as_str()))
            .map(|o| (Offer { location: Some(moved.embedded()), ..bump(o) }, Some(o.version)))
            .collect();
        store.put_directory(&[DirectoryRecord::Location(location.clone())]).await.unwrap();
        assert_eq!(store.save_directory(&[(DirectoryRecord::Location(moved), Some(1))], &on_it).await.unwrap(), DirectorySaved::Saved);
        all.extend(on_it.into_iter().map(|(o, _)| (o.id.clone(), o)));
    }
    let mut republished = bump(&all[&ids[0]]);
    republished.status = OfferStatus::Published;
    store.put_offers(&[republished.clone()]).await.unwrap();
    all.insert(republished.id.clone(), republished);
    for params in searches().into_iter().chain([SearchParams { point: Some(far), radius_km: 5.0, per_page: 50, ..Default::default() }]) {
        assert_search_equals_brute_force(store, &all, &params).await;
    }
}

/// A near-empty search says how far the nearest match beyond the radius is and how many lie within
/// the first wider radius that has one (issue #15: "0 tilbud inden for 25 km" was a dead end); with
/// `pins=true` it returns every match's pin, not just the page's. Checked against brute force.
pub async fn near_empty_searches_point_further_and_pins_cover_all_matches(store: &dyn OfferStore) {
    use forebyg_shared::search::{NEAR_EMPTY, WIDER_RADII_KM};
    let all = demo::offers(2_000);
    store.put_offers(&all).await.unwrap();
    let mut checked_wider = 0;
    for (postcode, radius, category) in [
        ("9990", 25.0, Category::FysiskAktivitet),
        ("6990", 10.0, Category::Alkohol),
        ("3700", 5.0, Category::Nikotinafvaenning),
        ("8000", 25.0, Category::FysiskAktivitet),
    ] {
        let params = SearchParams {
            postcode: Some(postcode.into()),
            radius_km: radius,
            categories: vec![category],
            per_page: 2,
            pins: true,
            ..Default::default()
        };
        let res = search::search(store, &params).await.unwrap();
        let origin = res.origin.point;
        let mut on_site: Vec<(f64, &str)> = all
            .iter()
            .filter(|o| o.is_published() && o.category == category)
            .filter_map(|o| o.point().map(|p| (origin.distance_km(p), o.id.as_str())))
            .collect();
        on_site.sort_by(|a, b| a.0.total_cmp(&b.0));
        let near: Vec<&str> = on_site.iter().filter(|(d, _)| *d <= radius).map(|(_, id)| *id).collect();
        assert_eq!(res.nearby as usize, near.len(), "{postcode}");
        // Every match's pin, though the page holds at most two results.
        assert_eq!(
            res.pins.iter().map(|p| p.id.as_str()).collect::<std::collections::BTreeSet<_>>(),
            near.iter().copied().collect::<std::collections::BTreeSet<_>>(),
            "{postcode} pins"
        );
        assert!(res.pins.windows(2).all(|w| w[0].distance_km <= w[1].distance_km));
        let beyond = on_site.iter().find(|(d, _)| *d > radius).map(|(d, _)| *d);
        match (&res.wider, beyond) {
            (Some(w), Some(nearest)) if res.nearby < NEAR_EMPTY => {
                let expected_radius = WIDER_RADII_KM.into_iter().find(|r| *r > radius && nearest <= *r).unwrap();
                assert_eq!(w.radius_km, expected_radius, "{postcode}");
                assert_eq!(w.count as usize, on_site.iter().filter(|(d, _)| *d <= expected_radius).count(), "{postcode}");
                assert!((w.nearest_km - nearest).abs() <= 0.05, "{postcode}: {} vs {nearest}", w.nearest_km);
                checked_wider += 1;
            }
            (None, _) if res.nearby >= NEAR_EMPTY => {}
            (None, b) if b.is_none_or(|d| d > forebyg_shared::search::MAX_RADIUS_KM) => {}
            (w, b) => panic!("{postcode}: nearby {} wider {w:?} nearest beyond {b:?}", res.nearby),
        }
        let without: forebyg_shared::search::SearchResponse = search::search(store, &SearchParams { pins: false, ..params }).await.unwrap();
        assert!(without.pins.is_empty(), "pins only when asked for");
    }
    assert!(checked_wider >= 2, "the demo data has near-empty searches to check");
}

/// The wider search asks the first wider radius, then the widest, then, only for a nearest offer
/// between them, that offer's radius for its count: each of its answers checked.
/// From Skagen (9990), two alcohol offers in Aarhus (~176 km) and one in Odense (~259 km).
pub async fn a_far_nearest_offer_is_counted_within_its_own_radius(store: &dyn OfferStore) {
    let aarhus = |id: &str| offer(id, Category::Alkohol, Some(AARHUS));
    store.put_offers(&[aarhus("aarhus-1"), aarhus("aarhus-2"), offer("odense", Category::Alkohol, Some(ODENSE))]).await.unwrap();
    let skagen = |radius_km: f64, category: Category| SearchParams {
        postcode: Some("9990".into()),
        radius_km,
        categories: vec![category],
        ..Default::default()
    };
    let wider = |res: &SearchResponse| res.wider.as_ref().map(|w| (w.radius_km, w.count, w.nearest_km.round()));
    // Nothing within 50 km, the nearest within 200 (asked again for its count), not 100.
    let res = search::search(store, &skagen(25.0, Category::Alkohol)).await.unwrap();
    let to_aarhus = res.origin.point.distance_km(AARHUS);
    assert!((100.0..200.0).contains(&to_aarhus), "{to_aarhus}");
    assert_eq!(wider(&res), Some((200.0, 2, to_aarhus.round())));
    // Beyond 200 km only the widest radius is left: its own answer.
    let res = search::search(store, &skagen(200.0, Category::Alkohol)).await.unwrap();
    assert_eq!(wider(&res), Some((300.0, 3, res.origin.point.distance_km(ODENSE).round())));
    // Nothing anywhere: said after the first and the widest radius.
    assert_eq!(wider(&search::search(store, &skagen(25.0, Category::Ernaering)).await.unwrap()), None);
}

/// Searches handed over together (`search_many`, as the clinician search does; DynamoDB shares
/// their partition reads and reads by id) give the pages each gives alone, whatever the mix of
/// places, filters, free text, order, digital only and page.
pub async fn searches_together_equal_each_alone(store: &dyn OfferStore) {
    store.put_offers(&demo::offers(2_000)).await.unwrap();
    let queries: Vec<SearchQuery> = searches()
        .into_iter()
        .flat_map(|p| [SearchParams { per_page: 5, ..p.clone() }, SearchParams { per_page: 5, page: 2, ..p }])
        .map(|p| {
            let origin = search::resolve_origin(&p).unwrap();
            query(origin.point, origin.region, p)
        })
        .collect();
    let together = store.search_many(&queries).await.unwrap();
    assert_eq!(together.len(), queries.len());
    assert!(together.iter().filter(|p| !p.hits.is_empty()).count() > queries.len() / 2, "most of the searches find offers");
    for (q, page) in queries.iter().zip(together) {
        let alone = store.search(q).await.unwrap();
        assert_eq!(SearchPage { read_units: None, ..page }, SearchPage { read_units: None, ..alone }, "{:?}", q.params);
    }
}

/// The clinician search (two index searches per group, issue #16) equals grouping a brute-force
/// search over every offer: each group's total, its offers in order (of the nearest ten, those
/// the patient may join first), its digital ones.
pub async fn clinician_search_equals_brute_force(store: &dyn OfferStore) {
    use forebyg_shared::search::clinician::{ClinicianHit, ClinicianParams, DIGITAL_PER_GROUP, DIGITAL_READ, NEAREST_READ};
    use forebyg_shared::search::{MAX_RADIUS_KM, WIDER_RADII_KM};
    let offers = demo::offers(2_000);
    store.put_offers(&offers).await.unwrap();
    let all: BTreeMap<String, Offer> = offers.iter().map(|o| (o.id.clone(), o.clone())).collect();
    let queries: [&[(&str, &str)]; 6] = [
        &[("postcode", "9000"), ("conditions", "kol"), ("age", "67")],
        // A patient who works: teams on weekday evenings or at weekends.
        &[("postcode", "8000"), ("conditions", "kol"), ("evening", "true"), ("weekend", "true")],
        // Læsø: the demo data's gaps (four interventions only on the mainland).
        &[("postcode", "9940"), ("conditions", "kol")],
        &[("postcode", "8000"), ("conditions", "kol,type-2-diabetes"), ("age", "55"), ("per_group", "5")],
        &[("postcode", "2100"), ("conditions", "angst-depression"), ("radius_km", "60")],
        &[("postcode", "6700")],
    ];
    let mut groups_pointing_further = 0;
    for pairs in queries {
        let params = ClinicianParams::parse(pairs.iter().copied()).unwrap();
        let res = forebyg_api::clinician::search::search(store, &params, None).await.unwrap();
        let every =
            SearchParams { postcode: params.postcode.clone(), radius_km: params.radius_km, categories: params.groups(), ..Default::default() };
        let expected = brute_force(&all, &every, res.origin.clone());
        assert_eq!(res.groups.iter().map(|g| g.category).collect::<Vec<_>>(), params.groups());
        let (all, params) = (&all, &params);
        for group in &res.groups {
            let of_group = |near: bool| {
                expected.iter().map(|id| &all[id]).filter(move |o| o.category == group.category && params.matches(o) && o.location.is_some() == near)
            };
            let ids = |hits: &[forebyg_shared::search::clinician::ClinicianHit]| hits.iter().map(|h| h.offer.id.clone()).collect::<Vec<_>>();
            assert_eq!(group.nearby_total as usize, of_group(true).count(), "{pairs:?} {:?}", group.category);
            // Of the ten nearest, those the patient may join first, those with room, then those
            // with a waiting list, then the full ones; then by 5 km step, within which one for the
            // patient's conditions before one for every condition (a stable sort: nearest first
            // within each).
            let room = |c: Capacity| match c {
                Capacity::Open | Capacity::FewPlaces => 0,
                Capacity::Waitlist => 1,
                Capacity::Full => 2,
            };
            // (Of the distance as the card shows it, to 100 m.)
            let step = |o: &Offer| o.point().map_or(0, |p| (forebyg_shared::geo::round_km(res.origin.point.distance_km(p)) / 5.0).floor() as u32);
            let general = |o: &Offer| !params.conditions.is_empty() && o.conditions.len() == Condition::ALL.len();
            let best = |offers: Vec<&Offer>, keep: usize| {
                let mut ranked: Vec<_> = offers
                    .into_iter()
                    .map(|o| ((ClinicianHit::new(o, None, params).eligibility.verdict.rank(), room(o.capacity), step(o), general(o)), o.id.clone()))
                    .collect();
                ranked.sort_by_key(|(rank, _)| *rank);
                ranked.into_iter().take(keep).map(|(_, id)| id).collect::<Vec<_>>()
            };
            let nearest = best(of_group(true).take(NEAREST_READ.max(params.per_group) as usize).collect(), params.per_group as usize);
            assert_eq!(ids(&group.nearby), nearest, "{pairs:?} {:?}", group.category);
            let digital = best(of_group(false).take(DIGITAL_READ).collect(), DIGITAL_PER_GROUP);
            assert_eq!(ids(&group.digital), digital, "{pairs:?} {:?} digital", group.category);
            assert_eq!(group.digital_total as usize, of_group(false).count(), "{pairs:?} {:?} digital", group.category);
            // Nothing on site within the radius: the group points to the first wider radius with
            // an offer of its kind, as the citizen search does.
            let within = |radius_km: f64| {
                let wide = SearchParams { radius_km, ..every.clone() };
                brute_force(all, &wide, res.origin.clone())
                    .iter()
                    .map(|id| &all[id])
                    .filter(|o| o.category == group.category && params.matches(o) && o.location.is_some())
                    .count()
            };
            match &group.wider {
                Some(w) => {
                    assert_eq!(group.nearby_total, 0, "{pairs:?} {:?}", group.category);
                    assert_eq!(w.count as usize, within(w.radius_km), "{pairs:?} {:?}", group.category);
                    assert!(w.nearest_km > params.radius_km && w.nearest_km <= w.radius_km, "{pairs:?} {w:?}");
                    for &smaller in WIDER_RADII_KM.iter().filter(|r| **r > params.radius_km && **r < w.radius_km) {
                        assert_eq!(within(smaller), 0, "{pairs:?} {:?} within {smaller} km", group.category);
                    }
                    groups_pointing_further += 1;
                }
                None => assert!(group.nearby_total > 0 || within(MAX_RADIUS_KM) == 0, "{pairs:?} {:?}", group.category),
            }
        }
        assert!(res.groups.iter().any(|g| !g.nearby.is_empty()) && res.groups.iter().any(|g| !g.digital.is_empty()), "{pairs:?} finds something");
    }
    assert!(groups_pointing_further > 0, "the demo data has empty groups to check");
}
