//! What the patient handout says about an offer, in the handout's language: where, when, how to
//! join and the one next step; and the short text for a text message or an e-mail.

use crate::{format, i18n};
use forebyg_shared::eligibility::{age_span, in_sentence, Area};
use forebyg_shared::label::join_list;
use forebyg_shared::offer::{Enrolment, Offer};
use forebyg_shared::referral_route::ReferrerKind;
use forebyg_shared::taxonomy::Capacity;
use forebyg_shared::Lang;

/// "Sundhedshuset, Boulevarden 13, 9000 Aalborg", or "from home" for a digital offer.
pub fn where_text(o: &Offer, lang: Lang) -> String {
    match &o.location {
        Some(l) => format!("{}, {}, {} {}", l.name, l.address, l.postcode, l.city),
        None => super::texts::ONLINE.get(lang).to_owned(),
    }
}

/// Who may join, short, for the sheet's "Hvem kan deltage": "18–65 år · KOL eller type
/// 2-diabetes · bor i Jammerbugt Kommune"; `None` for an offer open to all. A clinician may choose
/// an offer the patient cannot join (a walk's 71-year-old got a sheet for an 18–65 conversation
/// and no word of the limit): the sheet says the offer's own rules, as its page does, in few
/// words (four offers still print on one page).
pub fn who_may_join(o: &Offer, lang: Lang) -> Option<String> {
    let e = &o.eligibility;
    let area = Area::new(o.region, o.location.as_ref().map(|l| l.municipality_code.as_str()));
    let age = age_span(e.min_age, e.max_age).map(|a| match lang {
        Lang::Da => a.da,
        Lang::En => format!("aged {}", a.en),
    });
    let conditions = (!e.accepted_conditions.is_empty()).then(|| {
        let names: Vec<String> = e.accepted_conditions.iter().map(|c| in_sentence(c.label(lang))).collect();
        join_list(&names, if lang == Lang::Da { "eller" } else { "or" })
    });
    // The place a residence rule names ([`Residence::place`]; none for all of Denmark).
    let place = e.residence.map(|r| match r.place(&area) {
        Some(p) => p.get(lang).to_owned(),
        None => if lang == Lang::Da { "Danmark" } else { "Denmark" }.to_owned(),
    });
    let lives = place.map(|p| if lang == Lang::Da { format!("bor i {p}") } else { format!("living in {p}") });
    let parts: Vec<String> = [age, conditions, lives].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| format::capitalise(&parts.join(" · ")))
}

/// The weekly times and the start: "Tirsdag 10:00–12:00. Næste start 14. januar 2027."
pub fn when_text(o: &Offer, lang: Lang) -> String {
    let slots = format::week(&o.schedule.slots, lang);
    let times = if slots.is_empty() { super::texts::NO_FIXED_TIMES.get(lang).to_owned() } else { slots.join(", ") };
    let start = match (&o.schedule.next_start, &o.schedule.enrolment) {
        (Some(d), _) => format!("{} {}", super::texts::NEXT_START.get(lang), format::date(d, lang)),
        (None, Enrolment::Continuous) => super::texts::CONTINUOUS.get(lang).to_owned(),
        (None, Enrolment::Course { sessions, weeks }) => i18n::course(lang, *sessions, *weeks).trim_end_matches('.').to_owned(),
    };
    format!("{times}. {start}.")
}

/// How the patient reaches the offer's page from the sheet: its QR code on paper; on the
/// patient's own copy on screen (no codes there), the offer's name, which is a link.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Reach {
    Code,
    Link,
}

impl Reach {
    /// "scan koden", "tryk på tilbuddets navn": the step, to begin a clause.
    fn step(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Reach::Code, Lang::Da) => "scan koden",
            (Reach::Code, Lang::En) => "scan the code",
            (Reach::Link, Lang::Da) => "tryk på tilbuddets navn",
            (Reach::Link, Lang::En) => "tap the offer\u{2019}s name",
        }
    }

    /// The step beginning a sentence.
    fn first(self, lang: Lang) -> String {
        format::capitalise(self.step(lang))
    }
}

/// How one joins: yourself (by phone or the web page), or with a referral from those the offer
/// takes referrals from (its `referral.from_*`, [`forebyg_shared::offer::ReferralRules::referrers`]), named in a sentence
/// that reads right for one, two or three of them.
pub fn how_to_join(o: &Offer, lang: Lang, reach: Reach) -> String {
    // A full offer takes no one now (a referral gets 409 offer-full): promise no sign-up.
    if o.capacity == Capacity::Full {
        return match lang {
            Lang::Da => "Holdet er fuldt lige nu.".to_owned(),
            Lang::En => "The course is full right now.".to_owned(),
        };
    }
    let how = how_to_get_in(o, lang, reach);
    match (o.capacity, lang) {
        (Capacity::Waitlist, Lang::Da) => format!("Der er venteliste. {how}"),
        (Capacity::Waitlist, Lang::En) => format!("There is a waiting list. {how}"),
        _ => how,
    }
}

/// The way in when there is room or a waiting list: sign up oneself, or who refers.
fn how_to_get_in(o: &Offer, lang: Lang, reach: Reach) -> String {
    if o.referral.self_referral {
        let step = reach.step(lang);
        return match lang {
            Lang::Da => format!("Du kan selv melde dig: ring, eller {step}, og tryk »Jeg vil gerne deltage«."),
            Lang::En => format!("You can sign up yourself: call, or {step} and press \u{201c}I would like to join\u{201d}."),
        };
    }
    let who: Vec<&str> = o.referral.referrers().into_iter().filter_map(|k| referrer_name(k, lang)).collect();
    match (who.as_slice(), lang) {
        ([], Lang::Da) => "Ring til tilbuddet, og spørg, hvordan du kommer med.".to_owned(),
        ([], Lang::En) => "Call the offer and ask how to join.".to_owned(),
        (who, Lang::Da) => format!("Du skal henvises af {}.", format::sentence(who, lang, true)),
        (who, Lang::En) => format!("You need a referral from {}.", format::sentence(who, lang, true)),
    }
}

/// Who refers, as the patient says it: "din læge", "sygehuset", "kommunen".
fn referrer_name(kind: ReferrerKind, lang: Lang) -> Option<&'static str> {
    match (kind, lang) {
        (ReferrerKind::Gp, Lang::Da) => Some("din læge"),
        (ReferrerKind::Gp, Lang::En) => Some("your doctor"),
        (ReferrerKind::Hospital, Lang::Da) => Some("sygehuset"),
        (ReferrerKind::Hospital, Lang::En) => Some("the hospital"),
        (ReferrerKind::Municipality, Lang::Da) => Some("kommunen"),
        (ReferrerKind::Municipality, Lang::En) => Some("the municipality"),
        (ReferrerKind::SelfReferral, _) => None,
    }
}

/// The patient's next step, in one sentence; where the patient signs up themself but a clinician
/// may also refer them through Forebyg, what happens then (the referral sheet says the provider
/// makes contact: the handout must not send the patient to call as well).
pub fn next_step(o: &Offer, lang: Lang, reach: Reach) -> String {
    let step = own_next_step(o, lang, reach);
    if !(o.referral.self_referral && o.refers_through_forebyg()) {
        return step;
    }
    // The referred patient's case first, then the other as "Ellers": read the other way round, a
    // walk took the two for one instruction that contradicts itself.
    let provider = &o.provider.name;
    match lang {
        Lang::Da => format!("Har din behandler henvist dig, skal du ikke selv gøre noget: {provider} kontakter dig. Ellers: {step}"),
        Lang::En => format!("If your clinician has referred you, you need not do anything: {provider} contacts you. If not: {step}"),
    }
}

/// The next step of a patient who was not referred through Forebyg.
fn own_next_step(o: &Offer, lang: Lang, reach: Reach) -> String {
    let phone = o.contact.phone.as_deref().filter(|p| !p.trim().is_empty());
    let first = reach.first(lang);
    match (o.capacity, o.referral.self_referral, phone, lang) {
        (Capacity::Full, _, Some(p), Lang::Da) => {
            format!("Ring til {p}, og spørg, hvornår der er plads – eller spørg din behandler om et andet tilbud.")
        }
        (Capacity::Full, _, Some(p), Lang::En) => format!("Call {p} and ask when there is room – or ask your clinician for another offer."),
        (Capacity::Full, _, None, Lang::Da) => {
            format!("{first} senere for at se, om der er plads – eller spørg din behandler om et andet tilbud.")
        }
        (Capacity::Full, _, None, Lang::En) => format!("{first} later to see if there is room – or ask your clinician for another offer."),
        (Capacity::Waitlist, true, Some(p), Lang::Da) => format!("Ring til {p}, og bed om at komme på ventelisten. De ringer, når der er plads."),
        (Capacity::Waitlist, true, Some(p), Lang::En) => format!("Call {p} and ask to go on the waiting list. They call you when there is room."),
        (Capacity::Waitlist, true, None, Lang::Da) => format!("{first}, og tryk »Jeg vil gerne deltage« for at komme på ventelisten."),
        (Capacity::Waitlist, true, None, Lang::En) => {
            format!("{first} and press \u{201c}I would like to join\u{201d} to go on the waiting list.")
        }
        (Capacity::Waitlist, false, _, Lang::Da) => "Med henvisningen kommer du på ventelisten. Udbyderen ringer, når der er plads.".to_owned(),
        (Capacity::Waitlist, false, _, Lang::En) => {
            "With the referral you go on the waiting list. The provider calls you when there is room.".to_owned()
        }
        (_, self_referral, phone, lang) => open_next_step(self_referral, phone, lang, &first),
    }
}

/// The next step when there is room. The handout is made whether or not the clinician refers, so
/// a referral-only offer says what happens once the patient is referred, not that they are.
fn open_next_step(self_referral: bool, phone: Option<&str>, lang: Lang, first: &str) -> String {
    match (self_referral, phone, lang) {
        (true, Some(p), Lang::Da) => format!("Ring til {p} i løbet af den næste uge og sig, at du gerne vil være med."),
        (true, Some(p), Lang::En) => format!("Call {p} during the next week and say that you would like to join."),
        (true, None, Lang::Da) => format!("{first} i løbet af den næste uge og tryk »Jeg vil gerne deltage«."),
        (true, None, Lang::En) => format!("{first} during the next week and press \u{201c}I would like to join\u{201d}."),
        (false, Some(p), Lang::Da) => {
            format!("Når du er henvist, ringer udbyderen til dig. Hører du intet inden to uger efter henvisningen, så ring til {p}.")
        }
        (false, Some(p), Lang::En) => {
            format!("Once you are referred, the provider calls you. If you hear nothing within two weeks of the referral, call {p}.")
        }
        (false, None, Lang::Da) => "Når du er henvist, kontakter udbyderen dig.".to_owned(),
        (false, None, Lang::En) => "Once you are referred, the provider contacts you.".to_owned(),
    }
}

/// Whether every offer on the handout is free: only then may its intro say "gratis".
pub fn all_free(offers: &[Offer]) -> bool {
    offers.iter().all(|o| o.cost.dkk == 0)
}

/// A short text for a text message or an e-mail: one line per offer, then the link.
pub fn short_text(offers: &[Offer], link: &str, lang: Lang) -> String {
    let intro = match lang {
        Lang::Da => "Forslag fra din behandler:",
        Lang::En => "Suggested by your clinician:",
    };
    let mut lines = vec![intro.to_owned()];
    for o in offers {
        let place = o.location.as_ref().map(|l| l.city.clone()).unwrap_or_else(|| crate::clinician::texts::DIGITAL.get(lang).to_owned());
        let phone = o.contact.phone.as_deref().map(|p| format!(", {} {p}", super::texts::PHONE.get(lang).to_lowercase())).unwrap_or_default();
        lines.push(format!("- {} ({place}{phone})", o.title));
    }
    lines.push(match lang {
        Lang::Da => format!("Se mere: {link}"),
        Lang::En => format!("More: {link}"),
    });
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use forebyg_shared::eligibility::Residence;
    use forebyg_shared::referral_route::ReferralMethod;
    use forebyg_shared::taxonomy::Condition;

    /// The demo offer shape the API serves, trimmed to what the handout reads.
    fn offer(self_referral: bool, phone: Option<&str>) -> Offer {
        let json = serde_json::json!({
            "id": "o1", "title": "KOL-træning", "summary": "s", "description": "d", "category": "fysisk-aktivitet",
            "conditions": ["kol"], "format": "on-site", "languages": ["da"],
            "schedule": { "enrolment": { "kind": "course", "sessions": 16, "weeks": 8 },
                          "slots": [{ "weekday": "tue", "start": "10:00", "end": "12:00" }], "next_start": "2027-01-14" },
            "location": { "name": "Sundhedshuset", "address": "Boulevarden 13", "postcode": "9000", "city": "Aalborg",
                          "municipality_code": "0851", "point": { "lat": 57.05, "lon": 9.92 } },
            "region": "nordjylland", "provider": { "id": "p", "name": "Aalborg Kommune", "kind": "municipality" },
            "referral": { "self_referral": self_referral, "from_gp": true, "from_hospital": true, "from_municipality": true, "note": null },
            "capacity": "open", "cost": { "dkk": 0, "note": null }, "accessibility": null,
            "contact": { "name": null, "phone": phone, "email": null, "url": null },
            "status": "published", "last_verified": "2026-11-01", "kronikerpakke": null, "continue_afterwards": [], "demo": true, "version": 1
        });
        serde_json::from_value(json).expect("an offer")
    }

    #[test]
    fn who_may_join_says_the_offers_own_limits() {
        let mut o = offer(true, None);
        assert_eq!(who_may_join(&o, Lang::Da), None);
        o.eligibility.min_age = Some(18);
        o.eligibility.max_age = Some(65);
        assert_eq!(who_may_join(&o, Lang::Da).as_deref(), Some("18–65 år"));
        o.eligibility.accepted_conditions = vec![Condition::Kol, Condition::Type2Diabetes];
        o.eligibility.residence = Some(Residence::Municipality);
        assert_eq!(who_may_join(&o, Lang::Da).as_deref(), Some("18–65 år · KOL eller type 2-diabetes · bor i Aalborg Kommune"));
        assert_eq!(who_may_join(&o, Lang::En).as_deref(), Some("Aged 18–65 · COPD or type 2 diabetes · living in Aalborg Municipality"));
        o.eligibility.min_age = None;
        o.eligibility.residence = Some(Residence::Region);
        assert_eq!(who_may_join(&o, Lang::Da).as_deref(), Some("Op til 65 år · KOL eller type 2-diabetes · bor i Region Nordjylland"));
    }

    #[test]
    fn where_when_and_the_next_step() {
        let mut o = offer(true, Some("99 31 31 31"));
        assert_eq!(where_text(&o, Lang::Da), "Sundhedshuset, Boulevarden 13, 9000 Aalborg");
        assert_eq!(when_text(&o, Lang::Da), "Tirsdag 10:00–12:00. Næste start 14. januar 2027.");
        o.referral.methods = vec![ReferralMethod::Phone];
        assert_eq!(next_step(&o, Lang::En, Reach::Code), "Call 99 31 31 31 during the next week and say that you would like to join.");
        // A clinician may also refer through Forebyg: a referred patient is not told to call too.
        o.referral.methods = vec![ReferralMethod::Phone, ReferralMethod::Forebyg];
        assert_eq!(
            next_step(&o, Lang::Da, Reach::Code),
            "Har din behandler henvist dig, skal du ikke selv gøre noget: Aalborg Kommune kontakter dig. Ellers: Ring til 99 31 31 31 i løbet af den næste uge og sig, at du gerne vil være med."
        );
        assert!(next_step(&o, Lang::En, Reach::Code)
            .starts_with("If your clinician has referred you, you need not do anything: Aalborg Kommune contacts you. If not: Call"));
        // Full: no referral through Forebyg either.
        o.capacity = Capacity::Full;
        assert!(!next_step(&o, Lang::Da, Reach::Code).contains("henvist"));
        // The handout is made whether or not the clinician refers: it says what happens once referred.
        assert_eq!(next_step(&offer(false, None), Lang::Da, Reach::Code), "Når du er henvist, kontakter udbyderen dig.");
        assert!(next_step(&offer(false, Some("99 31 31 31")), Lang::En, Reach::Code).starts_with("Once you are referred, the provider calls you."));
        assert!(how_to_join(&offer(false, None), Lang::En, Reach::Code).contains("referral"));
    }

    #[test]
    fn a_full_or_waiting_list_offer_promises_no_place() {
        let mut full = offer(true, Some("99 31 31 31"));
        full.capacity = Capacity::Full;
        assert_eq!(how_to_join(&full, Lang::Da, Reach::Code), "Holdet er fuldt lige nu.");
        assert!(!next_step(&full, Lang::Da, Reach::Code).contains("i løbet af den næste uge"));
        assert!(next_step(&full, Lang::En, Reach::Code).contains("another offer"));
        let mut waiting = offer(true, None);
        waiting.capacity = Capacity::Waitlist;
        assert!(how_to_join(&waiting, Lang::Da, Reach::Code).starts_with("Der er venteliste. Du kan selv melde dig"));
        assert!(next_step(&waiting, Lang::Da, Reach::Code).contains("ventelisten"));
        waiting.referral.self_referral = false;
        assert!(next_step(&waiting, Lang::En, Reach::Code).contains("waiting list"));
    }

    #[test]
    fn the_price_and_whether_all_are_free() {
        let free = offer(true, None);
        let mut paid = offer(true, None);
        paid.cost.dkk = 300;
        paid.cost.note = Some("Betales ved start.".into());
        assert_eq!(format::cost(&free.cost, Lang::Da), "Gratis");
        assert!(format::cost(&paid.cost, Lang::Da).starts_with("300 kr."));
        assert!(format::cost(&paid.cost, Lang::Da).ends_with("Betales ved start."));
        assert!(all_free(std::slice::from_ref(&free)));
        assert!(!all_free(&[free, paid]));
    }

    #[test]
    fn only_those_who_may_refer_are_named() {
        let with = |gp: bool, hospital: bool, municipality: bool| {
            let mut o = offer(false, None);
            (o.referral.from_gp, o.referral.from_hospital, o.referral.from_municipality) = (gp, hospital, municipality);
            (how_to_join(&o, Lang::Da, Reach::Code), how_to_join(&o, Lang::En, Reach::Code))
        };
        let (da, en) = with(true, false, false);
        assert_eq!((da.as_str(), en.as_str()), ("Du skal henvises af din læge.", "You need a referral from your doctor."));
        let (da, en) = with(false, true, false);
        assert_eq!((da.as_str(), en.as_str()), ("Du skal henvises af sygehuset.", "You need a referral from the hospital."));
        let (da, en) = with(true, false, true);
        assert_eq!(
            (da.as_str(), en.as_str()),
            ("Du skal henvises af din læge eller kommunen.", "You need a referral from your doctor or the municipality.")
        );
        let (da, en) = with(false, true, true);
        assert_eq!(
            (da.as_str(), en.as_str()),
            ("Du skal henvises af sygehuset eller kommunen.", "You need a referral from the hospital or the municipality.")
        );
        let (da, en) = with(true, true, true);
        assert_eq!(
            (da.as_str(), en.as_str()),
            ("Du skal henvises af din læge, sygehuset eller kommunen.", "You need a referral from your doctor, the hospital or the municipality.")
        );
        // A listing that names nobody (an incomplete record) promises no referral route.
        let (da, en) = with(false, false, false);
        assert_eq!((da.as_str(), en.as_str()), ("Ring til tilbuddet, og spørg, hvordan du kommer med.", "Call the offer and ask how to join."));
        // Self-referral: the patient signs up, whoever else may refer.
        assert!(how_to_join(&offer(true, None), Lang::Da, Reach::Code).starts_with("Du kan selv melde dig"));
    }

    #[test]
    fn the_patients_copy_on_screen_has_no_code_to_scan_but_the_offers_name() {
        let o = offer(true, None);
        assert_eq!(
            how_to_join(&o, Lang::Da, Reach::Link),
            "Du kan selv melde dig: ring, eller tryk på tilbuddets navn, og tryk »Jeg vil gerne deltage«."
        );
        assert!(next_step(&o, Lang::Da, Reach::Link)
            .ends_with("Ellers: Tryk på tilbuddets navn i løbet af den næste uge og tryk »Jeg vil gerne deltage«."));
        assert!(next_step(&o, Lang::En, Reach::Link)
            .ends_with("If not: Tap the offer\u{2019}s name during the next week and press \u{201c}I would like to join\u{201d}."));
        let mut full = o.clone();
        full.capacity = Capacity::Full;
        assert!(next_step(&full, Lang::Da, Reach::Link).contains("Tryk på tilbuddets navn senere"));
        assert!(next_step(&full, Lang::Da, Reach::Code).contains("Scan koden senere"));
    }

    #[test]
    fn the_short_text_lists_each_offer_and_the_link() {
        let text = short_text(&[offer(true, Some("99 31 31 31")), offer(false, None)], "https://x.dk/klinik/til-patienten?offer=o1", Lang::Da);
        assert_eq!(
            text,
            "Forslag fra din behandler:\n- KOL-træning (Aalborg, telefon 99 31 31 31)\n- KOL-træning (Aalborg)\nSe mere: https://x.dk/klinik/til-patienten?offer=o1"
        );
    }
}
