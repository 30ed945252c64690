//! The workspace's pages but the overview and the sign-in, as lazy routes: each page's code is
//! split out of the main wasm (`#[lazy_route]`, post-processed by tools/wasm-split in
//! scripts/build-app.sh) and fetched when the page first opens, so the bundle loaded at sign-in
//! stays under its limit however many pages the workspace gets.

use crate::pages::*;
use leptos::prelude::*;
use leptos_router::{lazy_route, LazyRoute};

use forebyg_app::lazy_page;

lazy_page!(OffersRoute, offers::OffersPage);
lazy_page!(NewOfferRoute, editor::NewOfferPage);
lazy_page!(EditOfferRoute, editor::EditOfferPage);
lazy_page!(ProvidersRoute, providers::ProvidersPage);
lazy_page!(NewProviderRoute, providers::NewProviderPage);
lazy_page!(EditProviderRoute, providers::EditProviderPage);
lazy_page!(LocationsRoute, locations::LocationsPage);
lazy_page!(NewLocationRoute, locations::NewLocationPage);
lazy_page!(EditLocationRoute, locations::EditLocationPage);
lazy_page!(PackagesRoute, packages::PackagesPage);
lazy_page!(PackageRoute, packages::PackagePage);
lazy_page!(AssociationsRoute, associations::AssociationsPage);
lazy_page!(NewAssociationRoute, associations::NewAssociationPage);
lazy_page!(EditAssociationRoute, associations::EditAssociationPage);
lazy_page!(ActivitiesRoute, activity_list::ActivitiesPage);
lazy_page!(NewActivityRoute, activities::NewActivityPage);
lazy_page!(EditActivityRoute, activities::EditActivityPage);
lazy_page!(InboxRoute, inbox::InboxPage);
lazy_page!(ReportsRoute, reports::ReportsPage);
lazy_page!(CoverageRoute, coverage::CoveragePage);
lazy_page!(ImportRoute, import::ImportPage);
lazy_page!(AuditRoute, audit::AuditPage);
