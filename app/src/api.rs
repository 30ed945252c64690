//! The API client: one typed GET helper and a wrapper per endpoint. Only `forebyg_shared` types
//! cross the wire.

use crate::i18n;
use forebyg_shared::problem::Problem;
use forebyg_shared::Lang;

/// Why a request gave no value.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The API answered with an RFC 9457 problem (4xx/5xx).
    Problem(Problem),
    /// An error status without a readable problem body (e.g. a proxy's 502 page).
    Http(u16),
    /// No answer: offline, DNS, connection reset ...
    Network,
    /// A success status with a body that does not match the contract.
    Decode,
}

impl ApiError {
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Problem(p) => Some(p.status),
            ApiError::Http(s) => Some(*s),
            _ => None,
        }
    }

    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    /// The field errors of a validation problem (empty for anything else).
    pub fn field_errors(&self) -> &[forebyg_shared::validation::FieldError] {
        match self {
            ApiError::Problem(p) => &p.errors,
            _ => &[],
        }
    }

    /// A message for a person, for errors that are not about a form field.
    pub fn message(&self, lang: Lang) -> &'static str {
        match self {
            ApiError::Network => i18n::NETWORK_ERROR.get(lang),
            // The store is down for a moment (the API's 503): nothing was sent, forms keep their input.
            e if e.status() == Some(503) => i18n::UNAVAILABLE.get(lang),
            _ => i18n::SERVER_ERROR.get(lang),
        }
    }
}

/// Turns an answer into the value or the error. `value` and `problem` read the body with serde
/// (in the browser through `JSON.parse` + serde-wasm-bindgen, see [`crate::wire`]; in native
/// tests with serde_json).
pub fn decode<T, E>(status: u16, value: impl FnOnce() -> Result<T, E>, problem: impl FnOnce() -> Result<Problem, E>) -> Result<T, ApiError> {
    if (200..300).contains(&status) {
        return value().map_err(|_| ApiError::Decode);
    }
    Err(match problem() {
        Ok(p) => ApiError::Problem(p),
        Err(_) => ApiError::Http(status),
    })
}

#[cfg(target_arch = "wasm32")]
mod fetch {
    use super::{decode, ApiError};
    use crate::{query, wire};
    use forebyg_shared::offer::Offer;
    use forebyg_shared::problem::Problem;
    use forebyg_shared::referral::{ReferralReceipt, SelfReferralRequest, CONTACT_HEADER};
    use forebyg_shared::report::ReportRequest;
    use forebyg_shared::search::PostcodeInfo;
    use forebyg_shared::search::SearchParams;
    use gloo_net::http::Request;
    use serde::de::DeserializeOwned;
    use wasm_bindgen::JsValue;

    /// Sends a request and decodes the answer.
    async fn send<T: DeserializeOwned>(req: Result<gloo_net::http::Request, gloo_net::Error>) -> Result<T, ApiError> {
        send_raw(req).await.map(|(v, _)| v)
    }

    /// Sends a request and decodes the answer, keeping the body's text too.
    async fn send_raw<T: DeserializeOwned>(req: Result<gloo_net::http::Request, gloo_net::Error>) -> Result<(T, String), ApiError> {
        let (json, body) = send_value(req).await?;
        Ok((wire::from_js::<T>(json).ok_or(ApiError::Decode)?, body))
    }

    /// Sends a request: the parsed JSON of a success answer (for the caller to decode) and the
    /// body's text, or the error (a problem body decoded).
    async fn send_value(req: Result<gloo_net::http::Request, gloo_net::Error>) -> Result<(JsValue, String), ApiError> {
        read(req.map_err(|_| ApiError::Network)?.send().await.map_err(|_| ApiError::Network)?).await
    }

    /// Reads an answer: the parsed JSON of a success (for the caller to decode) and the body's text.
    async fn read(resp: gloo_net::http::Response) -> Result<(JsValue, String), ApiError> {
        let status = resp.status();
        let body = resp.text().await.map_err(|_| ApiError::Network)?;
        // An unparsable body (e.g. a proxy's HTML error page) fails both readers alike.
        let json = js_sys::JSON::parse(&body).unwrap_or(JsValue::UNDEFINED);
        decode(status, || Ok::<_, ()>(json.clone()), || wire::from_js::<Problem>(json.clone()).ok_or(())).map(|v| (v, body))
    }

    const ACCEPT: &str = "application/json, application/problem+json";

    /// GET a JSON document from the API.
    pub async fn get_json<T: DeserializeOwned>(url: &str) -> Result<T, ApiError> {
        send(Request::get(url).header("Accept", ACCEPT).build()).await
    }

    /// POST a JSON body; the answer and its text.
    async fn post_json<T: DeserializeOwned>(url: &str, body: String) -> Result<(T, String), ApiError> {
        send_raw(Request::post(url).header("Accept", ACCEPT).header("Content-Type", "application/json").body(body)).await
    }

    /// `POST /api/v1/offers/{id}/self-referrals`: the receipt and its JSON text (kept for reloads).
    pub async fn self_refer(offer_id: &str, req: &SelfReferralRequest) -> Result<(ReferralReceipt, String), ApiError> {
        post_json(&format!("{}/self-referrals", query::api_offer_url(offer_id)), wire::to_json(req)).await
    }

    /// `GET` (or `DELETE`, to withdraw) `/api/v1/self-referrals/{code}` with the contact as the second factor.
    pub async fn referral(code: &str, contact: &str, withdraw: bool) -> Result<ReferralReceipt, ApiError> {
        let url = format!("/api/v1/self-referrals/{}", query::encode(code.trim()));
        let b = if withdraw { Request::delete(&url) } else { Request::get(&url) };
        send(b.header("Accept", ACCEPT).header(CONTACT_HEADER, &crate::query::encode(contact.trim())).build()).await
    }

    /// `POST /api/v1/offers/{id}/reports` (the answer's body is not read).
    pub async fn report(offer_id: &str, req: &ReportRequest) -> Result<(), ApiError> {
        post_json(&format!("{}/reports", query::api_offer_url(offer_id)), wire::to_json(req)).await.map(|(v, _)| v)
    }

    /// `GET /api/v1/offers/{id}/activities?…` ("Fortsæt bagefter"), the URL made by the caller.
    pub async fn get_activities(url: &str) -> Result<Vec<forebyg_shared::activity::ActivityView>, ApiError> {
        get_json(url).await
    }

    /// `GET /api/v1/packages`: the kronikerpakker (data, not code: names and components change).
    pub async fn packages() -> Result<Vec<forebyg_shared::package::PackageRecord>, ApiError> {
        get_json("/api/v1/packages").await
    }

    /// `GET /api/v1/postcodes/{code}`
    pub async fn postcode(code: &str) -> Result<PostcodeInfo, ApiError> {
        get_json(&format!("/api/v1/postcodes/{}", query::encode(code))).await
    }
    /// `GET /api/v1/offers?...`: the answer as parsed JSON. The search page decodes it into a
    /// `SearchResponse` in its lazily loaded part (`routes/search/answer.rs`), which keeps the
    /// decoder of the large result types out of the landing page's wasm.
    pub async fn search_offers(params: &SearchParams) -> Result<JsValue, ApiError> {
        let req = Request::get(&query::api_search_url(params)).header("Accept", ACCEPT).build();
        send_value(req).await.map(|(v, _)| v)
    }

    /// `GET /api/v1/offers/{id}`; on the page the document opened with, the answer app/js/prefetch.js
    /// asked for while the wasm loaded.
    pub async fn get_offer(id: &str) -> Result<Offer, ApiError> {
        let url = query::api_offer_url(id);
        if let Some(resp) = prefetched(&url).await {
            let (json, _) = read(resp).await?;
            return wire::from_js(json).ok_or(ApiError::Decode);
        }
        get_json(&url).await
    }

    /// The response app/js/prefetch.js fetched (`window.forebygPrefetch`) if it is for `url`; taken
    /// once, so a later visit asks the API again. `None` also when that request failed.
    async fn prefetched(url: &str) -> Option<gloo_net::http::Response> {
        use js_sys::Reflect;
        use wasm_bindgen::JsCast;
        let window = web_sys::window()?;
        let key = JsValue::from_str("forebygPrefetch");
        let prefetch = Reflect::get(&window, &key).ok().filter(|p| p.is_object())?;
        let _ = Reflect::delete_property(&window, &key);
        if Reflect::get(&prefetch, &JsValue::from_str("url")).ok()?.as_string()? != url {
            return None;
        }
        let promise: js_sys::Promise = Reflect::get(&prefetch, &JsValue::from_str("response")).ok()?.dyn_into().ok()?;
        let resp: web_sys::Response = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
        Some(resp.into())
    }
}

#[cfg(target_arch = "wasm32")]
pub use fetch::*;

#[cfg(test)]
mod tests {
    use super::*;
    use forebyg_shared::search::SearchStats;
    use forebyg_shared::validation::ErrorCode;
    use serde::de::DeserializeOwned;

    fn decode_str<T: DeserializeOwned>(status: u16, body: &str) -> Result<T, ApiError> {
        decode(status, || serde_json::from_str::<T>(body), || serde_json::from_str::<Problem>(body))
    }

    #[test]
    fn success_bodies_decode_to_the_contract() {
        let s: SearchStats = decode_str(200, r#"{"cells":3,"items_read":40}"#).unwrap();
        assert_eq!(s, SearchStats { cells: 3, items_read: 40 });
        assert_eq!(decode_str::<SearchStats>(200, "<html>"), Err(ApiError::Decode));
    }

    #[test]
    fn problems_keep_their_field_errors() {
        let body = r#"{"type":"urn:forebyg:problem:validation","title":"The request has invalid fields","status":422,
            "errors":[{"field":"postcode","code":"unknown","message":{"da":"Vi kender ikke postnummer 1001.","en":"We do not know postcode 1001."}}]}"#;
        let e = decode_str::<SearchStats>(422, body).unwrap_err();
        assert_eq!(e.status(), Some(422));
        assert_eq!(e.field_errors()[0].code, ErrorCode::Unknown);
        assert_eq!(e.field_errors()[0].message.get(Lang::Da), "Vi kender ikke postnummer 1001.");
        let nf = decode_str::<SearchStats>(404, r#"{"type":"urn:forebyg:problem:not-found","title":"Not found","status":404}"#).unwrap_err();
        assert!(nf.is_not_found() && nf.field_errors().is_empty());
        assert_eq!(decode_str::<SearchStats>(502, "Bad gateway"), Err(ApiError::Http(502)));
        assert_eq!(ApiError::Network.message(Lang::Da), i18n::NETWORK_ERROR.da);
        let down = r#"{"type":"urn:forebyg:problem:unavailable","title":"The service is temporarily unavailable","status":503}"#;
        assert_eq!(decode_str::<SearchStats>(503, down).unwrap_err().message(Lang::En), i18n::UNAVAILABLE.en);
    }
}
