//! The clinician journey's server side: the search a GP, hospital nurse or municipal health
//! worker uses in a consultation (no sign-in), and referrals through Forebyg from a signed-in
//! clinician, which they follow in "Mine henvisninger" while the provider works them in the
//! admin inbox.

pub mod languages;
pub mod referrals;
pub mod request_hash;
pub mod search;
