//! Deterministic, realistic synthetic offers for every region and category.
//!
//! Demo offers are flagged `demo: true`, carry "demo" in their id and say in their description
//! that they are fictitious: they must never be presented as real offers.

use forebyg_shared::eligibility::Eligibility;
use forebyg_shared::geo::GeoPoint;
use forebyg_shared::geography::{self, Municipality};
use forebyg_shared::offer::*;
use forebyg_shared::package::{known_packages, PackageDelivery, PackageRecord};
use forebyg_shared::referral_route::ReferralMethod;
use forebyg_shared::taxonomy::*;
use forebyg_shared::Label;

mod directory;
mod placement;
mod population;
mod schedule;
pub use directory::directory;
use placement::placements;
pub use placement::GAPS;
use schedule::schedule;

/// SplitMix64: tiny, fast and the same sequence on every machine.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const STREETS: &[&str] =
    &["Sundhedsvej", "Parkvej", "Skolegade", "Stationsvej", "Havnegade", "Kirkevej", "Søndergade", "Nørregade", "Rådhuspladsen", "Engvej"];
const VENUES: &[&str] = &["Sundhedscenter", "Sundhedshuset", "Træningscenter", "Forebyggelsescenter", "Medborgerhuset"];
const EXTRA_LANGUAGES: &[&str] = &["en", "ar", "tr", "uk", "pl", "so"];

fn titles(category: Category) -> &'static [&'static str] {
    match category {
        Category::AfklarendeSamtale => &["Afklarende samtale om dit helbred", "Samtale: Hvad kan hjælpe dig?", "Første samtale om forebyggelse"],
        Category::Sygdomsmestring => {
            &["Lær at leve med kronisk sygdom", "Mestringskursus for dig og dine pårørende", "Hverdagsliv med kronisk sygdom"]
        }
        Category::Nikotinafvaenning => &["Rygestop på hold", "Stop med snus og nikotin", "Individuelt rygestopforløb"],
        Category::FysiskAktivitet => {
            &["Holdtræning for dig med kronisk sygdom", "Bevæg dig bedre", "Træning i dit eget tempo", "Genoptræning og motion på hold"]
        }
        Category::Ernaering => &["Kost og hverdag", "Spis dig sundere i hverdagen", "Madlavning og ernæring på hold"],
        Category::Alkohol => &["Samtale om alkohol", "Rådgivning om alkoholvaner"],
        Category::StressAngstDepression => &["Håndtering af stress", "Kursus i at håndtere angst og tristhed", "Mindfulness mod stress"],
    }
}

/// The conditions an offer is for. The intake conversation and the risk-factor interventions
/// (nicotine, alcohol) are for anyone with a chronic disease, and so is half of disease
/// management: such offers mostly list every condition. The courses name one to three; physical
/// activity is for anxiety and depression too.
fn conditions_for(category: Category, rng: &mut Rng) -> Vec<Condition> {
    let for_everyone = match category {
        Category::AfklarendeSamtale | Category::Nikotinafvaenning | Category::Alkohol => rng.chance(80),
        Category::Sygdomsmestring => rng.chance(50),
        _ => false,
    };
    if for_everyone {
        return Condition::ALL.to_vec();
    }
    let pool: &[Condition] = match category {
        Category::StressAngstDepression => &[Condition::AngstDepression],
        Category::FysiskAktivitet => &[
            Condition::Kol,
            Condition::Hjertesygdom,
            Condition::Type2Diabetes,
            Condition::MuskelSkelet,
            Condition::Laenderyg,
            Condition::Kraeft,
            Condition::AngstDepression,
        ],
        Category::Ernaering => &[Condition::Type2Diabetes, Condition::Hjertesygdom, Condition::Kol, Condition::Kraeft],
        _ => Condition::ALL,
    };
    let mut picked: Vec<Condition> = (0..1 + rng.below(3)).map(|_| *rng.pick(pool)).collect();
    picked.sort();
    picked.dedup();
    picked
}

/// The components of the known packages this offer delivers: its intervention, in every package
/// that covers one of its conditions and requires that intervention.
fn package_deliveries(category: Category, conditions: &[Condition]) -> Vec<PackageDelivery> {
    static PACKAGES: std::sync::OnceLock<Vec<PackageRecord>> = std::sync::OnceLock::new();
    PACKAGES
        .get_or_init(known_packages)
        .iter()
        .filter(|p| p.conditions.iter().any(|c| conditions.contains(c)))
        .filter_map(|p| p.components.iter().find(|c| c.category == Some(category)).map(|c| (p, c)))
        .map(|(p, c)| PackageDelivery { package: p.code.clone(), components: vec![c.code.clone()] })
        .collect()
}

/// A point up to `max_km` from `centre` (uniform over the disc).
pub(crate) fn jitter(rng: &mut Rng, centre: GeoPoint, max_km: f64) -> GeoPoint {
    let r = max_km * rng.unit().sqrt();
    let bearing = rng.unit() * std::f64::consts::TAU;
    GeoPoint::new(centre.lat + r * bearing.cos() / 111.195, centre.lon + r * bearing.sin() / (111.195 * centre.lat.to_radians().cos()))
}

/// Demo offer `i`, of `category` in `m`. An `anchor` is published and on site (or hybrid), so
/// every municipality offers every intervention on site.
fn offer(i: usize, rng: &mut Rng, m: &Municipality, category: Category, anchor: bool) -> Offer {
    let mut conditions = conditions_for(category, rng);
    let format = match rng.below(100) {
        0..=74 => Format::OnSite,
        75..=86 => Format::Hybrid,
        _ if anchor => Format::OnSite,
        _ => Format::Digital,
    };
    let town = geography::postcode(m.main_postcode).expect("main postcodes exist (tested in shared)");
    let location = format.has_place().then(|| Location {
        name: format!("{} {}", m.name, rng.pick(VENUES)),
        address: format!("{} {}", rng.pick(STREETS), 1 + rng.below(120)),
        postcode: town.code.into(),
        city: town.name.into(),
        municipality_code: m.code.into(),
        point: jitter(rng, town.point, 6.0),
    });
    let mut languages = vec!["da".to_owned()];
    if rng.chance(25) {
        languages.push(rng.pick(EXTRA_LANGUAGES).to_string());
    }
    let run_by_region = rng.chance(15);
    let provider = if run_by_region {
        Provider { id: format!("demo-region-{}", m.region.code()), name: m.region.label(forebyg_shared::Lang::Da).into(), kind: ProviderKind::Region }
    } else {
        Provider { id: format!("demo-kommune-{}", m.code), name: format!("{} Kommune", m.name), kind: ProviderKind::Municipality }
    };
    let capacity = match rng.below(10) {
        0..=5 => Capacity::Open,
        6..=7 => Capacity::FewPlaces,
        8 => Capacity::Waitlist,
        _ => Capacity::Full,
    };
    let title = rng.pick(titles(category)).to_string();
    let eligibility = eligibility(i, category, &conditions, location.is_some());
    // A course that takes only one of its conditions is for that one: its summary, packages and
    // page say so too.
    if !eligibility.accepted_conditions.is_empty() {
        conditions.clone_from(&eligibility.accepted_conditions);
    }
    let condition_text = if conditions.len() == Condition::ALL.len() {
        "kronisk sygdom".to_owned()
    } else {
        // "KOL, type 2-diabetes og hjertesygdom", as a sentence says it.
        let names: Vec<String> = conditions.iter().map(|c| forebyg_shared::eligibility::in_sentence(c.label(forebyg_shared::Lang::Da))).collect();
        forebyg_shared::label::join_list(&names, "og")
    };
    Offer {
        id: format!("demo-{i:06}"),
        summary: format!(
            "{} for borgere med {}. Forløbet ledes af sundhedsprofessionelle.",
            category.label(forebyg_shared::Lang::Da),
            condition_text
        ),
        description: format!(
            "{}\n\nDette er et fiktivt demotilbud, genereret til afprøvning af Forebyg. Det findes ikke i virkeligheden.",
            category.description(forebyg_shared::Lang::Da)
        ),
        title,
        category,
        packages: package_deliveries(category, &conditions),
        activity_ids: vec![],
        conditions,
        format,
        languages,
        schedule: schedule(rng),
        location_id: location.as_ref().map(|_| location_id(i)),
        location,
        region: m.region,
        provider,
        referral: ReferralRules {
            self_referral: rng.chance(75),
            from_gp: true,
            from_hospital: rng.chance(80),
            from_municipality: true,
            note: None,
            methods: referral_methods(i),
            // Most providers promise contact within 2–7 working days; every fifth says nothing.
            response_days: (i % 5 != 4).then(|| 2 + (i % 6) as u8),
            must_include: i
                .is_multiple_of(2)
                .then(|| Label::new("Diagnose og seneste relevante målinger", "Diagnosis and the latest relevant measurements")),
        },
        eligibility,
        capacity,
        cost: Cost { dkk: 0, note: None },
        accessibility: rng.chance(70).then(|| "Niveaufri adgang og handicaptoilet.".to_owned()),
        contact: Contact {
            name: None,
            phone: Some(format!("+45 7{:03} {:04}", rng.below(1000), rng.below(10000))),
            email: Some(format!("sundhed@{}.demo.invalid", m.code)),
            url: None,
        },
        status: if rng.chance(95) || anchor { OfferStatus::Published } else { OfferStatus::Draft },
        last_verified: format!("2026-{:02}-{:02}", 1 + rng.below(11), 1 + rng.below(28)),
        demo: true,
        version: 1,
    }
}

/// How clinicians refer to demo offer `i`: mostly electronically and through Forebyg. Drawn from
/// `i`, not the shared random sequence, so the offers' other fields stay as they were.
fn referral_methods(i: usize) -> Vec<ReferralMethod> {
    use ReferralMethod::*;
    match i % 7 {
        0..=4 => vec![Electronic, Forebyg],
        5 => vec![Electronic, Phone],
        _ => vec![Forebyg, Phone],
    }
}

/// Varied criteria, so a search for a 67-year-old with KOL meets every verdict: about a fifth
/// of the offers are for 18–65-year-olds, some courses take only their first condition, some
/// have a note to read. Residence: most offers are for the region's residents (the reform's
/// regional offers), every thirteenth on-site offer only for its municipality's, and half the
/// digital offers for anyone in Denmark. Drawn from `i` (see [`referral_methods`]).
fn eligibility(i: usize, category: Category, conditions: &[Condition], on_site: bool) -> Eligibility {
    use forebyg_shared::eligibility::Residence;
    let mut e = Eligibility {
        residence: Some(match (on_site, i % 13, i % 2) {
            (true, 3, _) => Residence::Municipality,
            (false, _, 0) => Residence::Denmark,
            _ => Residence::Region,
        }),
        ..Default::default()
    };
    match i % 10 {
        1 | 6 => (e.min_age, e.max_age) = (Some(18), Some(65)),
        2 | 5 | 8 => e.min_age = Some(18),
        _ => {}
    }
    let course = matches!(category, Category::Sygdomsmestring | Category::FysiskAktivitet | Category::Ernaering);
    // An offer for every chronic disease does not then take only one of them.
    if course && i.is_multiple_of(3) && conditions.len() < Condition::ALL.len() {
        e.accepted_conditions = vec![conditions[0]];
    }
    if i % 9 == 4 {
        e.inclusion_note = Some(Label::new("Diagnosen skal være stillet af en læge", "The diagnosis must be made by a doctor"));
    }
    if i % 11 == 7 {
        e.exclusion_note = Some(Label::new("Personer med ustabil hjertesygdom", "People with unstable heart disease"));
    }
    e
}

/// The id of the location record demo offer `i` takes place at.
fn location_id(i: usize) -> String {
    format!("demo-sted-{i:06}")
}

/// `count` demo offers spread over all 98 municipalities (and so all regions) and all
/// interventions, by population beyond the base rounds. The same `count` always gives the
/// same offers.
pub fn offers(count: usize) -> Vec<Offer> {
    let mut rng = Rng(0x46_6f72_6562_7967);
    placements(geography::municipalities()).take(count).enumerate().map(|(i, p)| offer(i, &mut rng, p.municipality, p.category, p.anchor)).collect()
}

#[cfg(test)]
mod tests {
    use super::placement::is_gap;
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn deterministic_and_covering_every_region_and_category() {
        let a = offers(700);
        assert_eq!(a, offers(700));
        let regions: HashSet<_> = a.iter().map(|o| o.region).collect();
        let categories: HashSet<_> = a.iter().map(|o| o.category).collect();
        let municipalities: HashSet<_> = a.iter().filter_map(|o| o.location.as_ref()).map(|l| l.municipality_code.clone()).collect();
        assert_eq!(regions.len(), 4);
        assert_eq!(categories.len(), Category::ALL.len());
        assert!(municipalities.len() >= 95, "{}", municipalities.len());
        assert!(a.iter().all(|o| o.demo && o.id.starts_with("demo-") && o.description.contains("fiktivt")));
        assert!(a.iter().any(|o| o.location.is_none()) && a.iter().any(|o| !o.is_published()));
    }

    /// A course's next start is a day it meets (a walk found most starting on another weekday).
    #[test]
    fn each_course_starts_on_a_day_it_meets() {
        let courses: Vec<_> = offers(3000).into_iter().filter_map(|o| Some((o.schedule.next_start.clone()?, o.schedule.slots))).collect();
        assert!(courses.len() > 1000);
        for (start, slots) in courses {
            let day = forebyg_shared::date::weekday(forebyg_shared::date::days_from_iso(&start).unwrap());
            assert!(slots.iter().any(|s| Weekday::ALL.iter().position(|d| *d == s.weekday) == Some(day as usize)), "{start} {slots:?}");
            assert!(start.as_str() >= "2027-01-01" && start.as_str() < "2027-07-08", "{start}");
        }
    }

    /// A course's sessions are its weeks times its weekly times.
    #[test]
    fn a_course_meets_at_each_weekly_time_every_week() {
        for o in offers(3000) {
            if let forebyg_shared::offer::Enrolment::Course { sessions, weeks } = o.schedule.enrolment {
                assert_eq!(sessions, weeks * o.schedule.slots.len() as u16, "{}", o.id);
            }
        }
    }

    #[test]
    fn a_few_dozen_offers_reach_every_region() {
        let regions: HashSet<_> = offers(40).iter().filter(|o| o.is_published()).map(|o| o.region).collect();
        assert_eq!(regions.len(), 4);
    }

    #[test]
    fn every_municipality_offers_every_intervention_on_site_but_the_gaps() {
        for count in [784, 3000] {
            let all = offers(count);
            let on_site: HashSet<(&str, Category)> = all
                .iter()
                .filter(|o| o.is_published())
                .filter_map(|o| o.location.as_ref().map(|l| (l.municipality_code.as_str(), o.category)))
                .collect();
            for m in geography::municipalities() {
                for c in Category::ALL {
                    assert_eq!(on_site.contains(&(m.code, *c)), !is_gap(m.code, *c), "{count}: {} {c:?}", m.name);
                }
            }
        }
        assert!(GAPS.iter().all(|(code, _)| geography::municipality(code).is_some()));
    }

    #[test]
    fn summaries_name_the_conditions_as_a_sentence_does() {
        let summaries: Vec<String> = offers(400).into_iter().map(|o| o.summary).collect();
        assert!(summaries.iter().any(|s| s.contains(" og ")), "a list ends with \"og\"");
        assert!(summaries.iter().all(|s| !s.contains("kol") && !s.contains("kol,")), "KOL keeps its capitals");
        assert!(summaries.iter().any(|s| s.contains("KOL")));
    }

    #[test]
    fn a_67_year_old_with_kol_near_aalborg_meets_every_verdict() {
        use forebyg_shared::eligibility::{assess, Patient, Verdict};
        let aalborg = geography::postcode("9000").unwrap().point;
        let patient = Patient::new(Some(67), &[Condition::Kol], geography::postcode("9000"));
        let near: Vec<_> = offers(3000)
            .into_iter()
            .filter(|o| o.is_published() && o.conditions.contains(&Condition::Kol))
            .filter(|o| o.point().is_some_and(|p| p.distance_km(aalborg) <= 25.0))
            .map(|o| assess(&o.eligibility, &o.area(), &patient).verdict)
            .collect();
        for v in [Verdict::Eligible, Verdict::NotEligible, Verdict::Check] {
            assert!(near.contains(&v), "{v:?} among {near:?}");
        }
    }

    #[test]
    fn offers_are_valid_and_near_their_town() {
        for o in offers(300) {
            assert!(!o.conditions.is_empty() && !o.title.is_empty());
            assert_eq!(forebyg_shared::offer_validation::validate_offer(&o), vec![], "{}", o.id);
            if let Some(l) = &o.location {
                let town = geography::postcode(&l.postcode).unwrap();
                assert!(town.point.distance_km(l.point) <= 6.01, "{} too far from {}", o.id, l.city);
                assert_eq!(geography::municipality(&l.municipality_code).unwrap().region, o.region);
            }
        }
    }
}
