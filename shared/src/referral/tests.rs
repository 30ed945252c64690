//! The referral model's statuses, steps and wire format.

use super::*;

#[test]
fn late_is_still_received_after_the_promised_day() {
    use ReferralStatus::*;
    assert!(contact_overdue(Received, Some("2026-12-01"), "2026-12-02"));
    assert!(!contact_overdue(Received, Some("2026-12-02"), "2026-12-02"), "the promised day itself is in time");
    assert!(!contact_overdue(Contacted, Some("2026-12-01"), "2026-12-02"));
    assert!(!contact_overdue(Received, None, "2026-12-02"), "no promise (or a waiting list)");
}

#[test]
fn news_to_the_clinician_is_what_others_did_after_the_last_look() {
    let step = StatusEvent::new;
    let sent = step(ReferralStatus::Received, 100, Actor::Clinician);
    let declined = StatusEvent { reason: Some(DeclineReason::NoCapacity), ..step(ReferralStatus::Declined, 200, Actor::Provider) };
    // Never looked: the provider's decline is new, the clinician's own sending is not.
    assert!(changed_by_others(&[sent.clone(), declined.clone()], None));
    assert!(!changed_by_others(std::slice::from_ref(&sent), None));
    // Looked before or after the decline.
    assert!(changed_by_others(&[sent.clone(), declined.clone()], Some(150)));
    assert!(!changed_by_others(&[sent.clone(), declined.clone()], Some(200)));
    // Step by step, as the referral's page marks them.
    assert!(new_to_clinician(&declined, Some(150)) && !new_to_clinician(&declined, Some(200)));
    assert!(!new_to_clinician(&sent, Some(50)), "the clinician's own step is never news");
    // The clinician's own withdrawal is no news to them.
    assert!(!changed_by_others(&[sent, step(ReferralStatus::Withdrawn, 300, Actor::Clinician)], None));
}

fn valid() -> SelfReferralRequest {
    SelfReferralRequest {
        idempotency_key: "0123456789abcdef-xyz".into(),
        name: "Karen Jensen".into(),
        phone: Some("+45 22 34 56 78".into()),
        consent: true,
        ..Default::default()
    }
}

#[test]
fn a_valid_request() {
    assert_eq!(valid().validate(), vec![]);
    let email_only = SelfReferralRequest { phone: None, email: Some(" Karen@Example.DK ".into()), ..valid() };
    assert_eq!(email_only.validate(), vec![]);
}

#[test]
fn each_rule_names_its_field() {
    let fields = |r: SelfReferralRequest| r.validate().into_iter().map(|e| (e.field, e.code)).collect::<Vec<_>>();
    assert_eq!(fields(SelfReferralRequest { idempotency_key: "short".into(), ..valid() }), [("idempotency_key".into(), ErrorCode::Invalid)]);
    assert_eq!(fields(SelfReferralRequest { name: " ".into(), ..valid() }), [("name".into(), ErrorCode::Required)]);
    assert_eq!(fields(SelfReferralRequest { phone: None, email: Some("".into()), ..valid() }), [("phone".into(), ErrorCode::Required)]);
    assert_eq!(fields(SelfReferralRequest { phone: Some("1234".into()), ..valid() }), [("phone".into(), ErrorCode::Invalid)]);
    assert_eq!(fields(SelfReferralRequest { email: Some("karen@".into()), ..valid() }), [("email".into(), ErrorCode::Invalid)]);
    assert_eq!(fields(SelfReferralRequest { message: Some("x".repeat(501)), ..valid() }), [("message".into(), ErrorCode::TooLong)]);
    assert_eq!(fields(SelfReferralRequest { consent: false, ..valid() }), [("consent".into(), ErrorCode::Required)]);
}

#[test]
fn messages_say_what_to_write() {
    let message = |r: SelfReferralRequest| r.validate().remove(0).message.da;
    assert_eq!(message(SelfReferralRequest { name: " ".into(), ..valid() }), "Skriv dit navn.");
    assert!(message(SelfReferralRequest { phone: Some("1234".into()), ..valid() }).contains("8 cifre"));
    // A foreign number is explained, with what to do instead.
    for foreign in ["+46 70 123 45 67", "0049 30 1234567"] {
        let m = message(SelfReferralRequest { phone: Some(foreign.into()), ..valid() });
        assert!(m.contains("danske telefonnumre") && m.contains("e-mailadresse i stedet"), "{foreign}: {m}");
    }
    assert!(message(SelfReferralRequest { phone: Some("+45 1234".into()), ..valid() }).contains("8 cifre"));
    // Eight digits starting with 0 or 1 are told the rule they break, not only "8 digits".
    for unreachable in ["12 34 56 78", "+45 01234567"] {
        let r = SelfReferralRequest { phone: Some(unreachable.into()), ..valid() };
        assert!(message(r.clone()).contains("8 cifre, der begynder med 2–9"), "{unreachable}");
        assert!(r.validate().remove(0).message.en.contains("8 digits starting with 2–9"), "{unreachable}");
    }
}

#[test]
fn phone_numbers_as_people_and_phones_type_them() {
    let phone_ok = |p: &str| SelfReferralRequest { phone: Some(p.into()), ..valid() }.validate().is_empty();
    for ok in [
        "+45\u{a0}22\u{a0}34\u{a0}56\u{a0}78", // non-breaking spaces
        "\u{202a}+45 22 34 56 78\u{202c}",     // iOS's bidi embedding around a pasted number
        "\u{2066}22345678\u{2069}\u{200b}",    // isolates and a zero-width space
        "+45 (0) 22345678",
        "0045 (0)22 34 56 78",
        "22\u{2009}34\u{202f}56 78", // thin and narrow no-break spaces
        "(+45) 22 34 56 78",
        "98 76 54 32",
    ] {
        assert!(phone_ok(ok), "{ok:?}");
    }
    // The numbering plan: no 8-digit number starts with 0 or 1.
    for bad in ["00000000", "12345678", "+45 01 23 45 67", "1234567", "2234567a"] {
        assert!(!phone_ok(bad), "{bad:?}");
    }
}

#[test]
fn a_name_has_letters() {
    let name = |n: &str| SelfReferralRequest { name: n.into(), ..valid() }.validate().into_iter().map(|e| (e.field, e.code)).collect::<Vec<_>>();
    assert_eq!(name(".."), [("name".into(), ErrorCode::Invalid)]);
    assert_eq!(name("12 34"), [("name".into(), ErrorCode::Invalid)]);
    assert!(name("Bo").is_empty());
    assert!(name("Øjvind Å").is_empty());
    assert!(SelfReferralRequest { name: "..".into(), ..valid() }.validate()[0].message.da.contains("bogstaver"));
}

#[test]
fn a_step_back_is_named_by_what_it_undoes() {
    use ReferralStatus::*;
    let p = |s| StatusEvent::new(s, 0, Actor::Provider);
    let history = [
        StatusEvent::new(Received, 0, Actor::Clinician),
        p(Contacted),
        p(Received),
        p(Declined),
        p(Contacted),
        p(Enrolled),
        p(Contacted),
        p(Enrolled),
        p(Discontinued),
        p(Enrolled),
        p(Completed),
    ];
    use Undo::*;
    assert_eq!(Undo::each(&history), [None, None, Some(Contact), None, Some(Decline), None, Some(Enrolment), None, None, Some(Closing), None]);
    assert_eq!(Decline.label(crate::Lang::Da), "Afvisning fortrudt");
    // The citizen's withdrawal after a decline is no undo of it.
    assert_eq!(Undo::of(Some(Declined), &StatusEvent::new(Withdrawn, 0, Actor::Citizen)), None);
}

#[test]
fn a_decline_reopens_to_where_it_was_made() {
    use ReferralStatus::*;
    let p = |s| StatusEvent::new(s, 0, Actor::Provider);
    let sent = StatusEvent::new(Received, 0, Actor::Clinician);
    // Declined before anyone called: reopened, it waits for a call again (named as a decline
    // undone, and the promised day counts again), not "Kontaktet" for a call never made.
    let unanswered = [sent.clone(), p(Declined)];
    assert_eq!(reopens_to(&unanswered), Received);
    assert_eq!(Undo::of(Some(Declined), &p(Received)), Some(Undo::Decline));
    assert!(decline_reopened(&[sent.clone(), p(Declined), p(Received)]));
    assert_eq!(crate::response_time::settlement(Some("2099-01-01"), &[sent.clone(), p(Declined), p(Received)]), None);
    // Declined after a call: reopened as contacted.
    assert_eq!(reopens_to(&[sent.clone(), p(Contacted), p(Declined)]), Contacted);
    // The last decline counts: a contact undone, then declined unanswered.
    assert_eq!(reopens_to(&[sent.clone(), p(Contacted), p(Declined), p(Contacted), p(Received), p(Declined)]), Received);
    assert!(Declined.provider_may_move_to(Received) && Declined.provider_may_move_to(Contacted));
}
