//! An admin's session against a running server: a dev token of one role and scope, JSON calls.

use super::server::{Reply, Server};
use forebyg_api::auth::dev;
use forebyg_shared::auth::Role;
use forebyg_shared::problem::Problem;
use forebyg_shared::taxonomy::RegionCode;
use forebyg_shared::validation::ErrorCode;
use serde_json::Value;

pub struct Session<'a> {
    server: &'a Server,
    auth: String,
}

impl Session<'_> {
    pub fn new<'s>(server: &'s Server, role: Role, region: Option<RegionCode>, provider: Option<&str>) -> Session<'s> {
        Session { server, auth: format!("Bearer {}", dev::sign(&dev::claims(role, region, provider, 600))) }
    }

    pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> Reply {
        let body = body.map(|b| b.to_string());
        self.server.request(method, path, &[("authorization", self.auth.as_str())], body.as_deref().map(|b| ("application/json", b)))
    }
}

/// The (field, code) pairs of a 422 answer.
pub fn field_codes(res: &Reply) -> Vec<(String, ErrorCode)> {
    assert_eq!(res.status, 422, "{}", res.body);
    res.json::<Problem>().errors.into_iter().map(|e| (e.field, e.code)).collect()
}
