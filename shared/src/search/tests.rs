//! The search parameters: parsing, every error, writing them back.

use super::*;

#[test]
fn parses_a_full_query_and_writes_it_back() {
    let q = [
        ("postcode", "8000"),
        ("category", "fysisk-aktivitet"),
        ("category", "alkohol"),
        ("radius_km", "10"),
        ("format", "on-site"),
        ("page", "2"),
        ("utm_source", "x"),
    ];
    let p = SearchParams::parse(q).unwrap();
    assert_eq!(p.postcode.as_deref(), Some("8000"));
    assert_eq!(p.categories, vec![Category::FysiskAktivitet, Category::Alkohol]);
    assert_eq!((p.radius_km, p.page, p.format), (10.0, 2, Some(Format::OnSite)));
    let pairs = p.to_pairs();
    let back = SearchParams::parse(pairs.iter().map(|(k, v)| (*k, v.as_str()))).unwrap();
    assert_eq!(back, p);
}

#[test]
fn defaults_and_empty_values() {
    let p = SearchParams::parse([("postcode", "8000"), ("radius_km", "")]).unwrap();
    assert_eq!((p.radius_km, p.page, p.per_page), (DEFAULT_RADIUS_KM, 1, DEFAULT_PER_PAGE));
    assert_eq!(p.to_pairs(), vec![("postcode", "8000".to_owned())]);
    assert_eq!(SearchParams::default().require_place().unwrap_err().field, "postcode");
}

#[test]
fn reports_every_bad_field() {
    let errs =
        SearchParams::parse([("postcode", "80"), ("radius_km", "500"), ("category", "yoga"), ("format", "x"), ("per_page", "51"), ("lat", "56")])
            .unwrap_err();
    let got: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.code)).collect();
    assert_eq!(
        got,
        vec![
            ("postcode", ErrorCode::Invalid),
            ("radius_km", ErrorCode::OutOfRange),
            ("category", ErrorCode::Unknown),
            ("format", ErrorCode::Unknown),
            ("per_page", ErrorCode::OutOfRange),
            ("lon", ErrorCode::Required),
        ]
    );
}

#[test]
fn a_point_outside_denmark_is_said_so() {
    let errs = SearchParams::parse([("lat", "56.5"), ("lon", "5")]).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!((errs[0].field.as_str(), errs[0].code), ("lon", ErrorCode::OutOfRange));
    assert_eq!(errs[0].message.da, "Uden for Danmark. Skriv dit postnummer i stedet.");
    assert_eq!(SearchParams::parse([("lat", "nord"), ("lon", "10")]).unwrap_err()[0].code, ErrorCode::Invalid);
}

#[test]
fn new_filters_round_trip() {
    let q = [
        ("postcode", "8000"),
        ("q", "ryg træning"),
        ("evening", "on"),
        ("weekend", "true"),
        ("starts_within_weeks", "4"),
        ("continuous", "1"),
        ("language", "EN"),
        ("self_referral", "yes"),
        ("available", "true"),
        ("sort", "next-start"),
        ("pins", "true"),
        ("package", "KOL"),
    ];
    let p = SearchParams::parse(q).unwrap();
    assert_eq!((p.q.as_deref(), p.evening, p.weekend, p.starts_within_weeks, p.continuous), (Some("ryg træning"), true, true, Some(4), true));
    assert_eq!((p.language.as_deref(), p.self_referral, p.available, p.sort, p.pins), (Some("en"), true, true, Sort::NextStart, true));
    assert_eq!(p.package.as_deref(), Some("kol"));
    let pairs = p.to_pairs();
    assert_eq!(SearchParams::parse(pairs.iter().map(|(k, v)| (*k, v.as_str()))).unwrap(), p);
    let errs = SearchParams::parse([("evening", "maybe"), ("starts_within_weeks", "53"), ("language", "dansk"), ("sort", "price")]).unwrap_err();
    assert_eq!(errs.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["evening", "starts_within_weeks", "language", "sort"]);
}

#[test]
fn coordinates_must_be_in_denmark() {
    let p = SearchParams::parse([("lat", "56.15"), ("lon", "10.2")]).unwrap();
    assert_eq!(p.point, Some(GeoPoint::new(56.15, 10.2)));
    let errs = SearchParams::parse([("lat", "48.85"), ("lon", "2.35")]).unwrap_err();
    assert_eq!(errs.len(), 2);
    // One out of Denmark: its own error only, not also "give lat with lon".
    let errs = SearchParams::parse([("lat", "60"), ("lon", "10")]).unwrap_err();
    assert_eq!(errs.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["lat"]);
    assert!(!errs[0].message.en.contains("with lon"), "{errs:?}");
}
