//! A record with its own edit page ([`Editable`]): its API collection and page, its accessors and
//! form, and, for records that are confirmed (activities), the day they were last confirmed.
//! The editing flow itself is [`super::record_editor`].

use crate::activity_form::{ActivityForm, AssociationForm};
use crate::package_form::PackageForm;
use crate::record_form::{FormFields, LocationForm, ProviderForm};
use crate::texts::activities as ta;
use crate::texts::directory as t;
use crate::ui::lang;
use forebyg_app::i18n::Text;
use forebyg_shared::activity::{ActivityRecord, AssociationRecord};
use forebyg_shared::admin::is_stale;
use forebyg_shared::directory::{LocationRecord, ProviderRecord, RecordStatus};
use forebyg_shared::package::PackageRecord;
use forebyg_shared::validation::FieldError;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A record with its own edit page.
pub trait Editable: Clone + PartialEq + Send + Sync + Serialize + DeserializeOwned + 'static {
    type Form: FormFields + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static;
    /// The API collection (`/api/v1/admin/{COLLECTION}`) and the admin page path of the records.
    const COLLECTION: &'static str;
    const PAGE: &'static str;
    /// "Ret udbyder" / "Ret sted", before the record's name in the heading.
    const EDIT: Text;
    /// Said after a save.
    const SAVED: Text = t::SAVED;
    /// Records that can be archived and restored (kronikerpakker cannot: they have a status of
    /// their own in the form).
    const ARCHIVABLE: bool = true;
    /// Where one record is read.
    fn read_url(id: &str) -> String {
        format!("/api/v1/admin/{}/{}", Self::COLLECTION, forebyg_app::query::encode(id))
    }
    fn id(&self) -> &str;
    fn name(&self) -> &str;
    fn version(&self) -> u64;
    fn status(&self) -> RecordStatus;
    fn form(&self) -> Self::Form;
    fn from_form(form: &Self::Form, base: &Self) -> Result<Self, Vec<FieldError>>;
    /// The day the record was last confirmed true, for records that are confirmed (activities).
    fn last_verified(&self) -> Option<&str> {
        None
    }
    /// The record confirmed true on `today` (YYYY-MM-DD), for records that are confirmed.
    fn verified_on(&self, _today: &str) -> Option<Self> {
        None
    }
    /// Whether the record is active and was last confirmed over [`forebyg_shared::admin::STALE_AFTER_DAYS`] ago.
    fn due(&self, today: &str) -> bool {
        self.status() == RecordStatus::Active && self.last_verified().is_some_and(|d| is_stale(d, today))
    }
}

/// Both records have the same accessors; only their form, API collection and pages differ.
macro_rules! editable {
    ($record:ty, $form:ty, $collection:literal, $page:expr, $edit:expr) => {
        editable!($record, $form, $collection, $page, $edit, t::SAVED, <$form>::from_record);
    };
    ($record:ty, $form:ty, $collection:literal, $page:expr, $edit:expr, $saved:expr, $to_form:expr $(, verified: $verified:ident)?) => {
        impl Editable for $record {
            type Form = $form;
            const COLLECTION: &'static str = $collection;
            const PAGE: &'static str = $page;
            const EDIT: Text = $edit;
            const SAVED: Text = $saved;
            fn id(&self) -> &str {
                &self.id
            }
            fn name(&self) -> &str {
                &self.name
            }
            fn version(&self) -> u64 {
                self.version
            }
            fn status(&self) -> RecordStatus {
                self.status
            }
            fn form(&self) -> $form {
                $to_form(self)
            }
            fn from_form(form: &$form, base: &Self) -> Result<Self, Vec<FieldError>> {
                form.to_record(base)
            }
            $(
                fn last_verified(&self) -> Option<&str> {
                    Some(&self.$verified)
                }
                fn verified_on(&self, today: &str) -> Option<Self> {
                    Some(Self { $verified: today.to_owned(), ..self.clone() })
                }
            )?
        }
    };
}

editable!(ProviderRecord, ProviderForm, "providers", "/admin/udbydere", t::EDIT_PROVIDER);
editable!(LocationRecord, LocationForm, "locations", "/admin/steder", t::EDIT_LOCATION);
editable!(
    AssociationRecord,
    AssociationForm,
    "associations",
    "/admin/foreninger",
    ta::EDIT_ASSOCIATION,
    ta::SAVED_PLAIN,
    AssociationForm::from_record
);
editable!(ActivityRecord, ActivityForm, "activities", crate::activities_query::PATH, ta::EDIT_ACTIVITY, t::SAVED, |r| ActivityForm::from_record(r, lang()), verified: last_verified);

/// A package's id is its code; it has no archive, and everyone reads it at `/api/v1/packages`.
impl Editable for PackageRecord {
    type Form = PackageForm;
    const COLLECTION: &'static str = "packages";
    const PAGE: &'static str = "/admin/pakker";
    const EDIT: Text = ta::EDIT_PACKAGE;
    const SAVED: Text = ta::SAVED_PLAIN;
    const ARCHIVABLE: bool = false;
    fn read_url(code: &str) -> String {
        format!("/api/v1/packages/{}", forebyg_app::query::encode(code))
    }
    fn id(&self) -> &str {
        &self.code
    }
    fn name(&self) -> &str {
        if lang() == forebyg_shared::Lang::En {
            &self.name.en
        } else {
            &self.name.da
        }
    }
    fn version(&self) -> u64 {
        self.version
    }
    fn status(&self) -> RecordStatus {
        RecordStatus::Active
    }
    fn form(&self) -> PackageForm {
        PackageForm::from_record(self)
    }
    fn from_form(form: &PackageForm, base: &Self) -> Result<Self, Vec<FieldError>> {
        form.to_record(base)
    }
}
