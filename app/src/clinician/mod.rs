//! The clinician journey's pure parts, compiled natively for tests: the search and the handout
//! selection as URLs ([`query`]), the handout's and the referral slip's sentences ([`handout`],
//! [`slip`]), what is kept per account ([`account`]) and of a referral form while signing in again
//! ([`draft`]), what a refused request means ([`refusal`]), a referral that may repeat an open one
//! ([`twin`]) and every text of the clinician pages ([`texts`]). The pages themselves are in `routes/clinician/`.

pub mod account;
pub mod draft;
pub mod handout;
pub mod query;
pub mod refusal;
pub mod slip;
pub mod texts;
pub mod twin;
