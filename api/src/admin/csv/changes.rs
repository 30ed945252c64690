//! The import report's rows: what each row that changes something does (a new offer, or which
//! columns of which offer change), and whether a new row looks like an offer already there or an
//! earlier row (a file imported twice creates its new offers twice: the check says so before
//! "Anvend").

use super::import::Plan;
use super::{as_in_csv, cells, COLUMNS};
use forebyg_shared::bulk::{ImportCellChange, ImportRowChange, LikeOffer};
use forebyg_shared::offer::Offer;
use forebyg_shared::taxonomy::OfferStatus;
use std::collections::HashMap;

/// What makes two offers look alike: the title (case and spacing aside) and the postcode (none:
/// digital).
fn look(o: &Offer) -> (String, String) {
    let title = o.title.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    (title, o.location.as_ref().map(|l| l.postcode.clone()).unwrap_or_default())
}

/// The cells that differ between the stored offer (as exported) and the row's.
fn changed_cells(before: &Offer, after: &Offer) -> Vec<ImportCellChange> {
    let (was, now) = (cells(&as_in_csv(before)), cells(after));
    COLUMNS
        .iter()
        .zip(was.into_iter().zip(now))
        .filter(|(c, (a, b))| **c != "version" && a != b)
        .map(|(c, (before, after))| ImportCellChange { column: (*c).to_owned(), before, after })
        .collect()
}

/// Each changing row in file order; `existing` are the offers new rows may look like (the
/// regions' offers, archived ones aside).
pub fn row_changes(plans: &[(usize, Plan)], existing: &[Offer]) -> Vec<ImportRowChange> {
    let known: HashMap<(String, String), &Offer> = existing.iter().filter(|o| o.status != OfferStatus::Archived).map(|o| (look(o), o)).collect();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    plans
        .iter()
        .filter_map(|(row, plan)| match plan {
            Plan::Create(o) => {
                let key = look(o);
                let like_offer = known.get(&key).map(|k| LikeOffer { id: k.id.clone(), title: k.title.clone() });
                let like_row = seen.get(&key).copied();
                seen.entry(key).or_insert(*row);
                Some(ImportRowChange { row: *row, new: true, id: None, title: o.title.clone(), cells: vec![], like_offer, like_row })
            }
            Plan::Update { before, after } => Some(ImportRowChange {
                row: *row,
                new: false,
                id: Some(after.id.clone()),
                title: after.title.clone(),
                cells: changed_cells(before, after),
                like_offer: None,
                like_row: None,
            }),
            Plan::Unchanged => None,
        })
        .collect()
}
