//! A contact undone in the store: the change that takes a request back to `received` takes its
//! answer out of the tally it was counted in (that provider's, for the request's month), once,
//! and only from a request that is not `received`; the next answer counts again. A count taken
//! below zero (an answer stored outside the tallies) reads as zero.

use super::{referral, NOW};
use forebyg_api::store::{Referral, ReferralStore, ResponseTally, TallyMove};
use forebyg_shared::referral::ReferralStatus;
use forebyg_shared::response_time::Settlement;
use forebyg_shared::taxonomy::RegionCode;
use std::sync::Arc;

async fn tally(store: &dyn ReferralStore, provider: &str) -> Option<ResponseTally> {
    store.response_tallies(RegionCode::Syddanmark, "2027-01").await.unwrap().into_iter().find(|t| t.provider_id == provider)
}

fn counts(t: Option<ResponseTally>) -> (u32, u32, u32) {
    t.map(|t| (t.made, t.in_time, t.late)).unwrap_or_default()
}

pub async fn an_undone_contact_leaves_the_tally_it_was_counted_in(store: Arc<dyn ReferralStore>) {
    // In a region of its own, so the other cases' tallies do not mix in.
    let mut r = Referral { region: RegionCode::Syddanmark, provider_id: "undo-a".into(), ..referral("UNDO-AAAA", "key-undo-000000000001") };
    store.create_referral(&r).await.unwrap();
    (r.status, r.updated_at) = (ReferralStatus::Contacted, NOW + 60);
    assert!(store.settle_referral(&r, Settlement::InTime).await.unwrap());
    assert_eq!(counts(tally(store.as_ref(), "undo-a").await), (1, 1, 0));

    // The offer moved to another provider meanwhile; the undo names whose tally counted it.
    let undo = TallyMove::Unsettle { provider_id: "undo-a".into(), fate: Settlement::InTime };
    let mut back = Referral { status: ReferralStatus::Received, provider_id: "undo-b".into(), updated_at: NOW + 120, version: 1, ..r.clone() };
    // A handler who read the version before the contact is refused: nothing taken out.
    let stale = Referral { version: 0, ..back.clone() };
    assert!(!store.change_referral(&stale, Some(&undo), &[]).await.unwrap());
    assert!(store.change_referral(&back, Some(&undo), &[]).await.unwrap());
    assert_eq!(counts(tally(store.as_ref(), "undo-a").await), (1, 0, 0), "made, not answered");
    assert_eq!(tally(store.as_ref(), "undo-b").await, None, "the new provider's tally is untouched");
    // The stored request is `received` now: an undo again (a retry at the new version) is refused.
    back.version = 2;
    assert!(!store.change_referral(&back, Some(&undo), &[]).await.unwrap());
    assert_eq!(counts(tally(store.as_ref(), "undo-a").await), (1, 0, 0), "taken out once");

    // Answered again, after the day now: late, in the tally of the provider answering.
    let again = Referral { status: ReferralStatus::Contacted, updated_at: NOW + 180, ..back.clone() };
    let settle = TallyMove::Settle { provider_id: "undo-b".into(), fate: Settlement::Late };
    assert!(store.change_referral(&again, Some(&settle), &[]).await.unwrap());
    assert_eq!(counts(tally(store.as_ref(), "undo-b").await), (0, 0, 1));
    assert_eq!(store.get_referral("UNDO-AAAA", NOW).await.unwrap().map(|r| (r.status, r.version)), Some((ReferralStatus::Contacted, 3)));

    // A request stored answered without a tally (seeded), undone: its count would go below zero.
    let seeded = Referral {
        region: RegionCode::Syddanmark,
        provider_id: "undo-c".into(),
        status: ReferralStatus::Contacted,
        contact_by: None,
        ..referral("UNDO-CCCC", "key-undo-000000000002")
    };
    store.create_referral(&seeded).await.unwrap();
    let back = Referral { status: ReferralStatus::Received, ..seeded };
    let undo = TallyMove::Unsettle { provider_id: "undo-c".into(), fate: Settlement::InTime };
    assert!(store.change_referral(&back, Some(&undo), &[]).await.unwrap());
    assert_eq!(counts(tally(store.as_ref(), "undo-c").await), (0, 0, 0), "read as zero, not an error");
}
