//! Bulk data: the report of a CSV import of offers (dry run or apply), as the admin app shows it.

use crate::validation::ErrorCode;
use crate::Label;
use serde::{Deserialize, Serialize};

/// What an import did (or, in a dry run, would do). `created + updated + unchanged == rows` when
/// `errors` is empty; with any error an apply changes nothing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportReport {
    /// Whether this was a dry run (nothing is ever written by one).
    pub dry_run: bool,
    /// Data rows in the file (the header row not counted).
    pub rows: usize,
    /// Rows without an id: new offers (version 1).
    pub created: usize,
    /// Of `created`: the new offers published at once (only when the import was asked to publish
    /// them, `publish_new=true`); the others are drafts.
    #[serde(default)]
    pub published: usize,
    /// Rows with an id whose offer changes (version + 1).
    pub updated: usize,
    /// Rows with an id identical to the stored offer: not written.
    pub unchanged: usize,
    pub errors: Vec<ImportRowError>,
    /// Optional columns the file lacks: an updated offer keeps its stored values of these (a
    /// present but empty cell clears one); a new offer has them empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent_columns: Vec<String>,
    /// The character encoding the file was read in (nothing is read from a file in neither).
    #[serde(default)]
    pub encoding: FileEncoding,
    /// Each row that creates or changes an offer, in the file's order (none when a row has an
    /// error): what the admin checks before "Anvend".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ImportRowChange>,
}

/// What one row of an import does (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRowChange {
    /// The row as a spreadsheet numbers it (the first offer row is 2).
    pub row: usize,
    /// Whether the row creates an offer (else it changes the offer `id`).
    pub new: bool,
    /// The offer's id: the changed offer's, or the new offer's once created (none in a dry run).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub title: String,
    /// The cells the row changes, in the file's order, with the value the export had and the
    /// file's (a change only): the admin checks the values before "Anvend", not only the columns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cells: Vec<ImportCellChange>,
    /// An offer already there that a new row looks like: the same title at the same postcode (or
    /// both digital). A file imported twice would create its new offers twice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub like_offer: Option<LikeOffer>,
    /// An earlier row of the same file that a new row looks like, in the same sense.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub like_row: Option<usize>,
}

/// One cell a row changes: its column, as the stored offer exports it, and as the file has it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportCellChange {
    pub column: String,
    pub before: String,
    pub after: String,
}

/// The offer a new row looks like.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LikeOffer {
    pub id: String,
    pub title: String,
}

/// The character encodings an import reads: UTF-8 (with or without a byte order mark, Excel's
/// "CSV UTF-8"), else Windows-1252 (what Danish Excel's "CSV (semikolonsepareret)" writes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FileEncoding {
    #[default]
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "windows-1252")]
    Windows1252,
}

/// One problem in one cell (or row) of the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportRowError {
    /// The row as a spreadsheet numbers it: the header is row 1, the first offer row 2.
    /// Problems with the file as a whole are reported on row 1.
    pub row: usize,
    /// The CSV column, e.g. `postcode`; `id` for problems with the row as a whole.
    pub field: String,
    pub code: ErrorCode,
    pub message: Label,
}

impl ImportReport {
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    /// Whether applying this (checked) file would save anything: a new or a changed offer.
    pub fn changes_anything(&self) -> bool {
        self.created + self.updated > 0
    }

    /// How many new rows look like an offer already there or an earlier row.
    pub fn look_alikes(&self) -> usize {
        self.changes.iter().filter(|c| c.like_offer.is_some() || c.like_row.is_some()).count()
    }

    /// The errors of one row.
    pub fn row_errors(&self, row: usize) -> impl Iterator<Item = &ImportRowError> {
        self.errors.iter().filter(move |e| e.row == row)
    }
}
