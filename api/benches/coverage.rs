//! Coverage benchmark (docs/benchmarks.md): the coverage matrix of each region, measured from
//! every postcode of each municipality, for the demo offers, as the API computes it (without the
//! store read or JSON). Prints the median and slowest of a few runs per region and size.
//!
//! `cargo bench -p forebyg-api --bench coverage`. `BENCH_SIZES` (default `3000,100000`).

use forebyg_api::demo;
use forebyg_shared::coverage::places::Place;
use forebyg_shared::coverage::{self, DEFAULT_MAX_KM};
use forebyg_shared::geography;
use forebyg_shared::taxonomy::RegionCode;
use std::time::Instant;

fn main() {
    let sizes = std::env::var("BENCH_SIZES").unwrap_or_else(|_| "3000,100000".into());
    println!("| offers | region | municipalities | postcodes | median ms | max ms |");
    println!("|---|---|---|---|---|---|");
    for size in sizes.split(',').map(|s| s.trim().parse::<usize>().expect("BENCH_SIZES: numbers")) {
        let offers = demo::offers(size);
        for &region in RegionCode::ALL {
            let places: Vec<Place> = geography::municipalities_in(region).filter_map(Place::of_municipality).collect();
            let postcodes: usize = places.iter().map(|p| p.from.len()).sum();
            let region_offers: Vec<_> = offers.iter().filter(|o| o.region == region).cloned().collect();
            let mut times: Vec<f64> = (0..7)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(coverage::report(region, DEFAULT_MAX_KM, &places, &region_offers));
                    t.elapsed().as_secs_f64() * 1e3
                })
                .collect();
            times.sort_by(f64::total_cmp);
            println!("| {size} | {} | {} | {postcodes} | {:.1} | {:.1} |", region.code(), places.len(), times[3], times[6]);
        }
    }
}
