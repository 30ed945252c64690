//! Synthetic local associations and activities for the demo offers, and the links from offers
//! to them ("Fortsæt bagefter"). Fictitious like the demo offers: ids start with `demo-`, the
//! descriptions say so, and contact addresses are `.demo.invalid`.

use crate::demo::{jitter, Rng};
use forebyg_shared::activity::{ActivityRecord, ActivitySchedule, AssociationRecord, Intensity};
use forebyg_shared::directory::RecordStatus;
use forebyg_shared::geography;
use forebyg_shared::offer::{Contact, Cost, Location, Offer, TimeSlot};
use forebyg_shared::taxonomy::{Condition, Weekday};

/// What kind of activity suits which conditions, under which umbrella organisation.
const KINDS: [(&str, &str, &[Condition], Intensity); 4] = [
    ("Hjertemotion", "Hjerteforeningen", &[Condition::Hjertesygdom], Intensity::Moderate),
    ("Lungetræning", "Lungeforeningen", &[Condition::Kol], Intensity::Light),
    ("Gå- og motionshold", "DGI", &[Condition::Type2Diabetes, Condition::MuskelSkelet, Condition::Laenderyg], Intensity::Moderate),
    ("Bevægelse for ryggen", "Gigtforeningen", &[Condition::Laenderyg, Condition::MuskelSkelet], Intensity::Light),
];

/// A demo association in municipality `m`, its e-mail at `{mailbox}@{kommunekode}.demo.invalid`.
fn association(id: &str, name: String, umbrella: &str, m: &geography::Municipality, mailbox: &str) -> AssociationRecord {
    AssociationRecord {
        id: id.to_owned(),
        name,
        umbrella: Some(umbrella.to_owned()),
        cvr: None,
        region: m.region,
        contact: Contact { name: None, phone: None, email: Some(format!("{mailbox}@{}.demo.invalid", m.code)), url: None },
        status: RecordStatus::Active,
        version: 1,
    }
}

/// Peer groups: the activity, the umbrella organisation, and the condition it is for.
const PEER_GROUPS: [(&str, &str, Condition); 2] = [
    ("Samtalegruppe om angst og depression", "SIND", Condition::AngstDepression),
    ("Netværksgruppe for kræftramte", "Kræftens Bekæmpelse", Condition::Kraeft),
];

/// One association and one activity per municipality (kinds in turn), a peer group in every
/// other one, and each demo offer with
/// a place linked to the activities of its municipality that suit one of its conditions.
pub fn activities(offers: &mut [Offer]) -> (Vec<AssociationRecord>, Vec<ActivityRecord>) {
    let mut rng = Rng(0x6163_7469_7669_7479);
    let (mut associations, mut activities) = (vec![], vec![]);
    for (i, m) in geography::municipalities().iter().enumerate() {
        let Some(town) = geography::postcode(m.main_postcode) else { continue };
        let (kind, umbrella, conditions, intensity) = KINDS[i % KINDS.len()];
        let association_id = format!("demo-forening-{}", m.code);
        associations.push(association(&association_id, format!("{} Motionsforening (demo)", m.name), umbrella, m, "forening"));
        let weekday = Weekday::ALL[rng.below(5)];
        activities.push(ActivityRecord {
            id: format!("demo-aktivitet-{}", m.code),
            association_id,
            region: m.region,
            name: format!("{kind} i {}", m.name),
            description: "Træning på hold med ligesindede, efter eget tempo. Dette er en fiktiv demoaktivitet; den findes ikke i virkeligheden."
                .to_owned(),
            conditions: conditions.to_vec(),
            intensity,
            schedule: ActivitySchedule {
                slots: vec![TimeSlot { weekday, start: "17:00".into(), end: "18:30".into() }],
                note: Some("Ikke i skolernes ferier.".into()),
            },
            location_id: None,
            place: Location {
                name: format!("{} Idrætscenter", m.name),
                address: format!("Idrætsvej {}", 1 + rng.below(40)),
                postcode: town.code.into(),
                city: town.name.into(),
                municipality_code: m.code.into(),
                point: jitter(&mut rng, town.point, 4.0),
            },
            price: Cost { dkk: 100 * (2 + rng.below(5) as u32), note: Some("pr. halvår".into()) },
            subsidy: rng.chance(30).then(|| "Kommunen giver tilskud til det første halvår.".to_owned()),
            free_trial: rng.chance(70),
            contact: Contact { name: None, phone: Some(format!("+45 6{:03} {:04}", rng.below(1000), rng.below(10000))), email: None, url: None },
            accessibility: rng.chance(60).then(|| "Niveaufri adgang.".to_owned()),
            last_verified: format!("2026-{:02}-{:02}", 1 + rng.below(11), 1 + rng.below(28)),
            steward_provider_id: None,
            status: RecordStatus::Active,
            version: 1,
        });
    }
    // Peer groups for anxiety and depression and for cancer, in every other municipality: the
    // reform's stress, anxiety and depression offers and cancer courses lead on to associations
    // too (a walk found none anywhere for angst og depression). A generator of their own, so the
    // activities above stay as they were.
    let mut rng = Rng(0x7065_6572_6772_6f75);
    for (i, m) in geography::municipalities().iter().enumerate().filter(|(i, _)| i % 2 == 0) {
        let Some(town) = geography::postcode(m.main_postcode) else { continue };
        let (kind, umbrella, condition) = PEER_GROUPS[(i / 2) % PEER_GROUPS.len()];
        let association_id = format!("demo-netvaerk-{}", m.code);
        associations.push(association(&association_id, format!("{umbrella} i {} (demo)", m.name), umbrella, m, "netvaerk"));
        activities.push(ActivityRecord {
            id: format!("demo-netvaerk-aktivitet-{}", m.code),
            association_id,
            region: m.region,
            name: format!("{kind} i {}", m.name),
            description: "Et fællesskab med andre i samme situation: samtale, erfaringer og gåture. Dette er en fiktiv demoaktivitet; den findes ikke i virkeligheden."
                .to_owned(),
            conditions: vec![condition],
            intensity: Intensity::Light,
            schedule: ActivitySchedule {
                slots: vec![TimeSlot { weekday: Weekday::ALL[rng.below(5)], start: "19:00".into(), end: "21:00".into() }],
                note: Some("Hver anden uge.".into()),
            },
            location_id: None,
            place: Location {
                name: format!("{} Frivilligcenter", m.name),
                address: format!("Torvet {}", 1 + rng.below(30)),
                postcode: town.code.into(),
                city: town.name.into(),
                municipality_code: m.code.into(),
                point: jitter(&mut rng, town.point, 3.0),
            },
            price: Cost { dkk: 0, note: None },
            subsidy: None,
            free_trial: true,
            contact: Contact { name: None, phone: Some(format!("+45 7{:03} {:04}", rng.below(1000), rng.below(10000))), email: None, url: None },
            accessibility: rng.chance(60).then(|| "Niveaufri adgang.".to_owned()),
            last_verified: format!("2026-{:02}-{:02}", 1 + rng.below(11), 1 + rng.below(28)),
            steward_provider_id: None,
            status: RecordStatus::Active,
            version: 1,
        });
    }
    for o in offers.iter_mut() {
        let Some(place) = &o.location else { continue };
        o.activity_ids = activities
            .iter()
            .filter(|a| a.place.municipality_code == place.municipality_code && a.conditions.iter().any(|c| o.conditions.contains(c)))
            .map(|a| a.id.clone())
            .collect();
    }
    (associations, activities)
}

#[cfg(test)]
mod tests {
    use super::*;
    use forebyg_shared::activity_validation::{validate_activity, validate_association};

    #[test]
    fn valid_records_and_links_to_existing_activities() {
        let mut offers = crate::demo::offers(400);
        let (associations, activities) = activities(&mut offers);
        assert_eq!((associations.len(), activities.len()), (98 + 49, 98 + 49));
        // Every condition has activities to lead on to.
        for c in Condition::ALL {
            assert!(activities.iter().any(|a| a.conditions.contains(c)), "{c:?}");
        }
        for a in &associations {
            assert_eq!(validate_association(a), vec![], "{}", a.id);
        }
        for a in &activities {
            assert_eq!(validate_activity(a), vec![], "{}", a.id);
        }
        let linked: Vec<_> = offers.iter().flat_map(|o| &o.activity_ids).collect();
        assert!(linked.len() > 20, "{}", linked.len());
        assert!(linked.iter().all(|id| activities.iter().any(|a| &a.id == *id)));
    }
}
