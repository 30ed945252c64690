//! The OpenAPI documentation of the search's query parameters, written next to
//! [`SearchParams::parse`] and from the same constants, so the documented bounds are the enforced ones.

use super::*;

/// What [`crate::validation::postcode_format`] accepts (after trimming), or empty: an empty query
/// value (a form field left blank) means the parameter is not set, and the pattern says so, lest
/// a client or fuzzer expect `postcode=` refused.
const POSTCODE_OR_EMPTY: &str = "^([1-9][0-9]{3})?$";
use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn, ParameterStyle};
use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Schema, Type};
use utoipa::openapi::{RefOr, Required};
use utoipa::ToSchema;

fn param(name: &str, description: &str, schema: impl Into<RefOr<Schema>>) -> Parameter {
    ParameterBuilder::new()
        .name(name)
        .parameter_in(ParameterIn::Query)
        .required(Required::False)
        .description(Some(description))
        .schema(Some(schema))
        .build()
}

fn number(kind: Type, min: f64, max: f64) -> ObjectBuilder {
    ObjectBuilder::new().schema_type(kind).minimum(Some(min)).maximum(Some(max))
}

fn flag(name: &str, description: &str) -> Parameter {
    param(name, description, ObjectBuilder::new().schema_type(Type::Boolean))
}

fn code<T: ToSchema>() -> RefOr<Schema> {
    RefOr::Ref(utoipa::openapi::Ref::from_schema_name(T::name()))
}

impl utoipa::IntoParams for SearchParams {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        let (lat, lon) = ((DENMARK.min.lat, DENMARK.max.lat), (DENMARK.min.lon, DENMARK.max.lon));
        let mut categories = param(
            "category",
            "Category code; repeat for several (any of them matches).",
            ArrayBuilder::new().items(code::<Category>()).unique_items(true),
        );
        (categories.style, categories.explode) = (Some(ParameterStyle::Form), Some(true));
        vec![
            param(
                "postcode",
                "Danish postcode to search from (four digits; an unknown one is a 422). Either this or `lat` + `lon`; given both, the postcode is the origin.",
                ObjectBuilder::new().schema_type(Type::String).pattern(Some(POSTCODE_OR_EMPTY)),
            ),
            param("lat", "Latitude (WGS84) within Denmark, with `lon`; unused when `postcode` is given.", number(Type::Number, lat.0, lat.1)),
            param("lon", "Longitude (WGS84) within Denmark, with `lat`.", number(Type::Number, lon.0, lon.1)),
            param("radius_km", "Search radius in km.", number(Type::Number, MIN_RADIUS_KM, MAX_RADIUS_KM).default(Some(DEFAULT_RADIUS_KM.into()))),
            categories,
            param("condition", "Only offers for this condition.", code::<Condition>()),
            param(
                "package",
                "Only offers delivering a component of this kronikerpakke (its code, e.g. `kol`; an unknown one is a 422).",
                ObjectBuilder::new().schema_type(Type::String).pattern(Some("^[a-z0-9-]{1,64}$")),
            ),
            param("format", "Only offers in this format.", code::<Format>()),
            param(
                "q",
                "Free text; every word must occur in the title, summary, description or provider.",
                ObjectBuilder::new().schema_type(Type::String).min_length(Some(1)).max_length(Some(MAX_QUERY_CHARS)),
            ),
            flag("evening", "Only teams on weekday evenings (with `weekend`: either)."),
            flag("weekend", "Only teams at weekends (with `evening`: either)."),
            param(
                "starts_within_weeks",
                "Only offers one can start within this many weeks; continuous enrolment always can.",
                number(Type::Integer, 1.0, MAX_STARTS_WITHIN_WEEKS as f64),
            ),
            flag("continuous", "Only continuous enrolment."),
            param(
                "language",
                "Only offers given in this language (ISO 639-1, e.g. `en`).",
                ObjectBuilder::new().schema_type(Type::String).pattern(Some("^[A-Za-z]{2}$")),
            ),
            flag("self_referral", "Only offers one can sign up for oneself."),
            flag("available", "Only offers with places (open or few places left)."),
            flag("pins", "Also return `pins`: every on-site match within the radius (up to 500), for the map."),
            param(
                "sort",
                "`distance` (nearest first) or `next-start` (soonest start first).",
                ObjectBuilder::new().schema_type(Type::String).enum_values(Some([Sort::Distance.code(), Sort::NextStart.code()])),
            ),
            param("page", "Page number.", number(Type::Integer, 1.0, MAX_PAGE as f64).default(Some(1.into()))),
            param("per_page", "Results per page.", number(Type::Integer, 1.0, MAX_PER_PAGE as f64).default(Some(DEFAULT_PER_PAGE.into()))),
        ]
    }
}

/// The place parameters of searches that are not offer searches (activities): `postcode` or
/// `lat` + `lon`, `radius_km` and `condition`, parsed by [`SearchParams::parse`] as well.
pub struct PlaceParams;

impl utoipa::IntoParams for PlaceParams {
    fn into_params(parameter_in: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        const PLACE: [&str; 5] = ["postcode", "lat", "lon", "radius_km", "condition"];
        SearchParams::into_params(parameter_in).into_iter().filter(|p| PLACE.contains(&p.name.as_str())).collect()
    }
}

/// The clinician search's parameters ([`clinician::ClinicianParams::parse`]), from the same
/// constants: the place parameters of the offer search, the patient's conditions and age, and
/// offers per group.
impl utoipa::IntoParams for clinician::ClinicianParams {
    fn into_params(parameter_in: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        let mut conditions = param(
            "conditions",
            "The patient's conditions, comma-separated codes (e.g. `kol,type-2-diabetes`); none: offers for every condition. Within a group, all else alike and within the same 5 km step of distance, offers for one of them come before offers for every chronic condition.",
            ArrayBuilder::new().items(code::<Condition>()).unique_items(true),
        );
        (conditions.style, conditions.explode) = (Some(ParameterStyle::Form), Some(false));
        let mut out = vec![conditions];
        let offer_params = SearchParams::into_params(&parameter_in);
        out.extend(PlaceParams::into_params(&parameter_in).into_iter().filter(|p| p.name != "condition"));
        out.extend(offer_params.into_iter().filter(|p| ["package", "language", "evening", "weekend"].contains(&p.name.as_str())).map(|mut p| {
            let nearby_and_digital = match p.name.as_str() {
                // Not a filter here: the description is the whole sentence.
                "language" => {
                    p.description = Some(
                        "The patient's language (ISO 639-1, e.g. `ar`): in each group, nearby and digital alike, the offers given in it come before the others, also before those taking the `referrer`'s referrals (offers the patient may not join still come last); it leaves no offer out. `da` orders nothing."
                            .to_owned(),
                    );
                    None
                }
                "evening" => Some("Only teams on weekday evenings, for a patient who works (with `weekend`: either)"),
                "weekend" => Some("Only teams at weekends, for a patient who works (with `evening`: either)"),
                _ => None,
            };
            if let Some(only) = nearby_and_digital {
                p.description = Some(format!("{only}; nearby and digital alike."));
            }
            p
        }));
        out.push(param("age", "The patient's age in years, for eligibility.", number(Type::Integer, 0.0, f64::from(crate::eligibility::MAX_AGE))));
        out.push(param(
            "per_group",
            "Nearby offers shown per intervention group: of its ten nearest, those the patient may join first.",
            number(Type::Integer, 1.0, f64::from(clinician::MAX_PER_GROUP)).default(Some(clinician::DEFAULT_PER_GROUP.into())),
        ));
        out.push(param(
            "referrer",
            "Who will refer (a signed-in clinician's kind): within each verdict, offers taking this referrer's referrals come first, nearby and digital alike. Orders, never filters.",
            ObjectBuilder::new().schema_type(Type::String).enum_values(Some(clinician::CLINICIAN_REFERRERS.map(|k| k.code()))),
        ));
        out
    }
}
