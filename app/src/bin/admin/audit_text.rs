//! An audit entry's field change as a person reads it in the UI language: the field by the label
//! the editors give it, codes (statuses, interventions, reasons …) by their shared labels, and
//! structured values by their members' labels (`crate::audit_members`), or, where the editor has
//! no field for a member, as "key: value" lists rather than JSON.

use crate::audit_members::{member_changes, members};
use crate::form::{slot_line, FIELDS, NO, YES};
use crate::texts::editor::{CONTINUOUS, COURSE};
use forebyg_app::i18n::Text;
use forebyg_shared::admin::{AuditTarget, FieldChange};
use forebyg_shared::directory::RecordStatus;
use forebyg_shared::eligibility::Residence;
use forebyg_shared::offer::TimeSlot;
use forebyg_shared::referral::{DeclineReason, ReferralStatus};
use forebyg_shared::referral_route::ReferralMethod;
use forebyg_shared::report::ReportStatus;
use forebyg_shared::taxonomy::{Capacity, Category, Condition, Format, OfferStatus, ProviderKind, RegionCode};
use forebyg_shared::Lang;

const fn text(da: &'static str, en: &'static str) -> Text {
    Text { da, en }
}

/// The labels of the record fields no offer form field has (the form's are in [`FIELDS`]).
const OTHER_FIELDS: &[(&str, Text)] = &[
    ("status", text("Status", "Status")),
    ("decline_reason", text("Årsag til afvisning", "Reason for declining")),
    ("first_session", text("Første mødegang", "First session")),
    ("waitlist", text("På venteliste", "On the waiting list")),
    ("schedule", text("Tider", "Times")),
    ("location", text("Sted", "Place")),
    ("provider", text("Udbyder", "Provider")),
    ("referral", text("Henvisning", "Referral")),
    ("eligibility", text("Hvem det er for", "Who it is for")),
    ("cost", text("Pris", "Price")),
    ("contact", text("Kontakt", "Contact")),
    ("name", text("Navn", "Name")),
    ("kind", text("Type", "Type")),
    ("note", text("Note", "Note")),
    ("id", text("Id", "Id")),
    ("demo", text("Demodata (ikke et rigtigt tilbud)", "Demo data (not a real offer)")),
    // An association activity's own fields (a walk read "association_id", "free_trial" …).
    ("association_id", text("Forening", "Association")),
    ("intensity", text("Hvor hårdt", "How hard")),
    ("place", text("Sted", "Place")),
    ("price", text("Pris", "Price")),
    ("subsidy", text("Tilskud", "Subsidy")),
    ("free_trial", text("Gratis prøvegang", "Free trial")),
    ("steward_provider_id", text("Udbyder, der kan rette den", "Provider who may edit it")),
];

fn field_label(field: &str, lang: Lang) -> String {
    FIELDS.iter().chain(OTHER_FIELDS).find(|(k, _)| *k == field).map_or_else(|| field.to_owned(), |(_, t)| t.get(lang).to_owned())
}

/// A code's label, for the fields whose values are codes (`status` by the kind of record).
fn code_label(field: &str, code: &str, target: AuditTarget, lang: Lang) -> Option<&'static str> {
    match field {
        "status" => match target {
            AuditTarget::Referrals => ReferralStatus::from_code(code).map(|s| s.label(lang)),
            AuditTarget::Offer => OfferStatus::from_code(code).map(|s| s.label(lang)),
            AuditTarget::Report => ReportStatus::from_code(code).map(|s| s.label(lang)),
            _ => RecordStatus::from_code(code).map(|s| s.label(lang)),
        },
        "category" => Category::from_code(code).map(|c| c.label(lang)),
        "conditions" | "accepted_conditions" => Condition::from_code(code).map(|c| c.label(lang)),
        "format" => Format::from_code(code).map(|f| f.label(lang)),
        "capacity" => Capacity::from_code(code).map(|c| c.label(lang)),
        "decline_reason" => DeclineReason::from_code(code).map(|r| r.label(lang)),
        "region" => RegionCode::from_code(code).map(|r| r.label(lang)),
        "kind" | "provider_kind" => ProviderKind::from_code(code).map(|k| k.label(lang)),
        "enrolment" => match code {
            "course" => Some(COURSE.get(lang)),
            "continuous" => Some(CONTINUOUS.get(lang)),
            _ => None,
        },
        "residence" => Residence::from_code(code).map(|r| r.label(lang)),
        "intensity" => forebyg_shared::activity::Intensity::from_code(code).map(|i| i.label(lang)),
        "methods" => ReferralMethod::from_code(code).map(|m| m.label(lang)),
        "languages" => forebyg_app::i18n::language_name(lang, code),
        "municipality_code" => forebyg_shared::geography::municipality(code).map(|m| m.name),
        _ => None,
    }
}

/// JSON text as a reader sees it: strings without quotes (codes by their labels), objects and
/// lists as "key: value, …" without braces (serde_json is not in the wasm bundle).
fn readable(json: &str, field: &str, target: AuditTarget, lang: Lang) -> String {
    match json.trim() {
        "true" => return YES.get(lang).to_owned(),
        "false" => return NO.get(lang).to_owned(),
        _ => {}
    }
    // "tirsdag 15. december 2026 kl. 10:00", as the inbox says it (a walk found "on: 2026-12-15, at: 10:00").
    if field == "first_session" {
        if let Some(f) = forebyg_app::wire::from_json::<forebyg_shared::first_session::FirstSession>(json) {
            return forebyg_app::format::first_session(&f, lang);
        }
    }
    if field == "slots" {
        if let Some(slots) = forebyg_app::wire::from_json::<Vec<TimeSlot>>(json) {
            return slots.iter().map(|s| slot_line(s, lang)).collect::<Vec<_>>().join(", ");
        }
    }
    let (mut out, mut string, mut in_string, mut escaped) = (String::new(), String::new(), false, false);
    let mut chars = json.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            match (escaped, c) {
                (true, 'n') => (string.push(' '), escaped = false).1,
                (true, c) => (string.push(c), escaped = false).1,
                (false, '\\') => escaped = true,
                (false, '"') => {
                    in_string = false;
                    // A key stays as it is; a value that is a code reads as its label.
                    let is_key = chars.peek() == Some(&':');
                    let shown = if is_key { None } else { code_label(field, &string, target, lang) };
                    out.push_str(shown.unwrap_or(&string));
                    string.clear();
                }
                (false, c) => string.push(c),
            }
        } else {
            match c {
                '"' => in_string = true,
                ':' => out.push_str(": "),
                ',' => out.push_str(", "),
                '{' | '}' | '[' | ']' => {}
                c => out.push(c),
            }
        }
    }
    match out.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &out[..i]),
        None => out,
    }
}

/// "Field: old → new" ("—" for a value that was not there, or an empty list or text); `None` when
/// both read the same.
fn one_change(field: &str, before: &str, after: &str, target: AuditTarget, lang: Lang) -> Option<String> {
    let show = |v: &str| match readable(v, field, target, lang) {
        s if v == "null" || s.trim().is_empty() => "—".to_owned(),
        s => s,
    };
    let (before, after) = (show(before), show(after));
    (before != after).then(|| format!("{}: {before} → {after}", field_label(field, lang)))
}

/// An object's JSON without its `null` members (a new record's empty contact reads as nothing,
/// not "email: null, name: null"); other JSON as it is.
fn without_nulls(json: &str) -> String {
    match members(json) {
        Some(ms) => {
            let kept: Vec<String> = ms.into_iter().filter(|(_, v)| v != "null").map(|(k, v)| format!("\"{k}\":{v}")).collect();
            if kept.is_empty() {
                "null".to_owned()
            } else {
                format!("{{{}}}", kept.join(","))
            }
        }
        None => json.to_owned(),
    }
}

/// The change as lines of "Field: old → new": a structured field as its changed members, each by
/// the editor's label, when the editor has a field for every one of them. A change that reads the
/// same on both sides (an empty list beside `null`, a member that stays empty) has no line.
pub fn change_texts(c: &FieldChange, target: AuditTarget, lang: Lang) -> Vec<String> {
    let lines = match member_changes(&c.field, &c.before, &c.after) {
        Some(members) => members.iter().map(|(key, b, a)| one_change(key, b, a, target, lang)).collect(),
        None => vec![one_change(&c.field, &without_nulls(&c.before), &without_nulls(&c.after), target, lang)],
    };
    lines.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(field: &str, before: &str, after: &str) -> FieldChange {
        FieldChange { field: field.into(), before: before.into(), after: after.into() }
    }

    #[test]
    fn changes_read_as_labels_old_to_new_in_the_ui_language() {
        let change_text = |c: &FieldChange, t, lang| change_texts(c, t, lang).join("; ");
        let da = |c: &FieldChange, t| change_text(c, t, Lang::Da);
        assert_eq!(da(&change("title", "\"Gammel\"", "\"Ny\""), AuditTarget::Offer), "Titel: Gammel → Ny");
        assert_eq!(change_text(&change("title", "\"Gammel\"", "\"Ny\""), AuditTarget::Offer, Lang::En), "Title: Gammel → Ny");
        let status = change("status", "\"received\"", "\"contacted\"");
        assert_eq!(da(&status, AuditTarget::Referrals), "Status: Modtaget → Kontaktet");
        assert_eq!(da(&change("waitlist", "false", "true"), AuditTarget::Referrals), "På venteliste: Nej → Ja");
        assert_eq!(change_text(&status, AuditTarget::Referrals, Lang::En), "Status: Received → Contacted");
        assert_eq!(da(&change("capacity", "null", "{\"seats\":12}"), AuditTarget::Offer), "Pladser: — → seats: 12");
        assert_eq!(da(&change("note", "null", r#""Sagde \"ja\"""#), AuditTarget::Referrals), "Note: — → Sagde \"ja\"");
        assert_eq!(da(&change("conditions", "[]", "[\"kol\"]"), AuditTarget::Offer), format!("Målgrupper: — → {}", Condition::Kol.label(Lang::Da)));
        let first = change("first_session", "null", r#"{"on":"2026-12-15","at":"10:00"}"#);
        assert_eq!(da(&first, AuditTarget::Referrals), "Første mødegang: — → tirsdag 15. december 2026 kl. 10:00");
        assert_eq!(change_text(&first, AuditTarget::Referrals, Lang::En), "First session: — → Tuesday 15 December 2026 at 10:00");
        let reason = DeclineReason::ALL[0];
        assert_eq!(
            da(&change("decline_reason", "null", &format!("\"{}\"", reason.code())), AuditTarget::Referrals),
            format!("Årsag til afvisning: — → {}", reason.label(Lang::Da))
        );
        // An association activity's own fields, by the words its form uses.
        let intensity = forebyg_shared::activity::Intensity::ALL[0];
        assert_eq!(
            da(&change("intensity", "null", &format!("\"{}\"", intensity.code())), AuditTarget::Activity),
            format!("Hvor hårdt: — → {}", intensity.label(Lang::Da))
        );
        assert_eq!(da(&change("free_trial", "false", "true"), AuditTarget::Activity), "Gratis prøvegang: Nej → Ja");
    }

    #[test]
    fn structured_fields_read_as_their_changed_members_by_the_editors_labels() {
        let texts = |c: &FieldChange, lang| change_texts(c, AuditTarget::Offer, lang);
        let schedule = change(
            "schedule",
            r#"{"enrolment":{"kind":"continuous"},"slots":[{"weekday":"tue","start":"10:00","end":"12:00"}],"next_start":"2026-12-10"}"#,
            r#"{"enrolment":{"kind":"course","sessions":8,"weeks":8},"slots":[{"weekday":"tue","start":"10:00","end":"12:00"},{"weekday":"thu","start":"17:00","end":"19:00"}],"next_start":"2026-12-17"}"#,
        );
        assert_eq!(
            texts(&schedule, Lang::Da),
            [
                "Optag: Løbende optag → Forløb med fast start",
                "Antal gange: — → 8",
                "Antal uger: — → 8",
                "Ugentlige tider: Tirsdag 10:00-12:00 → Tirsdag 10:00-12:00, Torsdag 17:00-19:00",
                "Næste start: 2026-12-10 → 2026-12-17",
            ]
        );
        assert_eq!(texts(&schedule, Lang::En)[4], "Next start: 2026-12-10 → 2026-12-17");
        let referral =
            change("referral", r#"{"self_referral":false,"from_gp":true,"note":null}"#, r#"{"self_referral":true,"from_gp":true,"note":null}"#);
        assert_eq!(texts(&referral, Lang::Da), ["Man kan selv henvende sig: Nej → Ja"]);
        let place = change("location", "null", r#"{"name":"Sundhedshuset","point":{"lat":56.1,"lon":10.2}}"#);
        assert_eq!(texts(&place, Lang::Da), ["Stedets navn: — → Sundhedshuset", "Breddegrad: — → 56.1", "Længdegrad: — → 10.2"]);
        let point = change("point", r#"{"lat":56.1,"lon":10.2}"#, r#"{"lat":56.2,"lon":10.2}"#);
        assert_eq!(change_texts(&point, AuditTarget::Location, Lang::Da), ["Breddegrad: 56.1 → 56.2"]);
        // A new record: empty members and values that read as nothing have no line; codes read
        // as names.
        let created = |field: &str, after: &str| texts(&change(field, "null", after), Lang::Da);
        assert_eq!(created("contact", r#"{"name":null,"phone":null,"email":null,"url":null}"#), Vec::<String>::new());
        assert_eq!(created("contact", r#"{"name":null,"phone":"+45 12 34 56 78","email":null,"url":null}"#), ["Telefon: — → +45 12 34 56 78"]);
        assert_eq!(created("activity_ids", "[]"), Vec::<String>::new());
        assert_eq!(created("languages", r#"["da","ar"]"#), ["Sprog: — → dansk, arabisk"]);
        assert_eq!(created("demo", "false"), ["Demodata (ikke et rigtigt tilbud): — → Nej"]);
        let kommune = change("location", "null", r#"{"name":"Sundhedshuset","municipality_code":"0751"}"#);
        assert_eq!(texts(&kommune, Lang::Da), ["Stedets navn: — → Sundhedshuset", "Kommune: — → Aarhus"]);
        // An object no member of which has a field in the editor: its set members only.
        let cost = change("unknown", "null", r#"{"a":null,"b":"x"}"#);
        assert_eq!(texts(&cost, Lang::Da), ["unknown: — → b: x"]);
        // No raw key anywhere.
        for line in texts(&schedule, Lang::Da).iter().chain(&texts(&place, Lang::Da)) {
            assert!(!["next_start", "enrolment", "weekday", "lat", "kind"].iter().any(|k| line.contains(k)), "{line}");
        }
    }
}
