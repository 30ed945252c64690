//! The clinician pages: the search at `/klinik` (no sign-in), the patient handout, the sign-in,
//! the referral form and "Mine henvisninger" (signed in as a clinician). Their pure parts (URLs,
//! sentences, texts) are in `crate::clinician`.

mod card;
mod draft;
mod eligibility;
mod empty_group;
pub mod handout;
pub mod offer_actions;
pub mod refer;
mod refer_eligibility;
mod refer_outcome;
mod refer_state;
pub mod referral;
mod referral_slip;
pub mod referrals;
mod results;
pub mod search;
mod search_fields;
mod session;
pub mod sign_in;
