//! A referral about to be sent that may repeat one of the clinician's open referrals: the same
//! patient's name to the same offer. A walk referred one patient twice unwarned, while the
//! provider's inbox flagged the pair as "Mulig dublet"; the clinician is now asked first. (The
//! list of one's referrals carries no contact details, so the name is what is compared.)

use forebyg_shared::clinician::ClinicianReferral;

/// A name as compared: case, and spaces between and around the words, do not count.
fn name_key(name: &str) -> String {
    name.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// The open referral among `sent` (the clinician's) to `offer_id` for a patient of this name, if
/// any (the newest: the list is newest first).
pub fn open_twin<'a>(sent: &'a [ClinicianReferral], offer_id: &str, patient_name: &str) -> Option<&'a ClinicianReferral> {
    let name = name_key(patient_name);
    sent.iter().find(|r| r.offer_id == offer_id && r.status.is_open() && name_key(&r.patient_name) == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use forebyg_shared::referral::ReferralStatus;

    fn sent(code: &str, offer_id: &str, name: &str, status: &str) -> ClinicianReferral {
        serde_json::from_value(serde_json::json!({
            "code": code, "offer_id": offer_id, "offer_title": "KOL-træning", "patient_name": name,
            "conditions": ["kol"], "reason": null, "interpreter_language": null, "cpr_given": false,
            "status": status, "decline_reason": null, "note": null, "history": [], "waitlist": false,
            "created_at": 0, "updated_at": 0, "expires_on": "2027-12-01", "changed": false, "withdrawable": true, "withdrawable": true
        }))
        .expect("a referral")
    }

    #[test]
    fn the_same_patient_to_the_same_offer_while_open() {
        let list = [
            sent("AAAA-AAAA", "o1", "Jens  Hansen", "contacted"),
            sent("BBBB-BBBB", "o1", "Karen Holm", "withdrawn"),
            sent("CCCC-CCCC", "o2", "Karen Holm", "received"),
        ];
        assert_eq!(open_twin(&list, "o1", " jens hansen ").map(|r| r.code.as_str()), Some("AAAA-AAAA"));
        assert_eq!(list[0].status, ReferralStatus::Contacted);
        // Withdrawn (closed), or to another offer: no twin.
        assert!(open_twin(&list, "o1", "Karen Holm").is_none());
        assert!(open_twin(&list, "o3", "Jens Hansen").is_none());
        assert!(open_twin(&list, "o1", "Jens Hansen Jr.").is_none());
    }
}
