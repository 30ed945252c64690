//! The report's rows: what each row that changes something does (a new offer; which columns of
//! which offer), and new rows that look like an offer already there or an earlier row (the same
//! file imported twice would create its new offers twice).

use super::harness::{region_admin, Api};

pub async fn the_report_lists_each_change_and_warns_of_look_alikes(api: &Api) {
    let mut sheet = api.export(&region_admin()).await;
    sheet.set("a1", "title", "Ny titel på gåholdet");
    sheet.set("a1", "summary", "Et nyt resumé");
    let walk = sheet.add_new("a1", "Nyt gåhold i Aarhus");
    let (status, checked) = api.import(&region_admin(), &sheet, true).await;
    assert_eq!((status, checked.look_alikes()), (200, 0), "{checked:#?}");
    let columns = |c: &forebyg_shared::bulk::ImportRowChange| c.cells.iter().map(|x| x.column.as_str()).collect::<Vec<_>>().join(",");
    let rows: Vec<_> = checked.changes.iter().map(|c| (c.row, c.new, c.id.as_deref(), c.title.as_str(), columns(c), c.like_row)).collect();
    assert_eq!(
        rows,
        [
            (sheet.row_of("a1") + 2, false, Some("a1"), "Ny titel på gåholdet", "title,summary".to_owned(), None),
            (walk, true, None, "Nyt gåhold i Aarhus", String::new(), None),
        ]
    );
    // Each changed cell with the value the export had and the file's, to check before "Anvend".
    let title = checked.changes[0].cells.iter().find(|x| x.column == "title").expect("the title's change");
    assert_eq!(title.after, "Ny titel på gåholdet");
    assert!(!title.before.is_empty() && title.before != title.after, "{title:?}");
    // Applied, the new offer is named by its id.
    let (status, applied) = api.import(&region_admin(), &sheet, false).await;
    assert_eq!(status, 200, "{applied:#?}");
    let created = applied.changes.iter().find(|c| c.new).and_then(|c| c.id.clone()).expect("the new offer's id");
    assert!(created.starts_with("nyt-"), "{created}");

    // The new row again (as from the same file imported a second time, its title typed in
    // other case and spacing), and once more: the first looks like the offer created, the
    // second also like the row before it. The same title for a digital offer looks like nothing.
    let mut again = api.export(&region_admin()).await;
    let first = again.add_new("a1", "NYT gåhold  i Aarhus");
    let second = again.add_new("a1", "Nyt gåhold i Aarhus");
    let other = again.add_new("a2", "Nyt gåhold i Aarhus");
    let (status, report) = api.import(&region_admin(), &again, true).await;
    assert_eq!(status, 200, "{report:#?}");
    let row = |n: usize| report.changes.iter().find(|c| c.row == n).unwrap_or_else(|| panic!("row {n}: {report:#?}"));
    assert_eq!(row(first).like_offer.as_ref().map(|o| (o.id.as_str(), o.title.as_str())), Some((created.as_str(), "Nyt gåhold i Aarhus")));
    assert_eq!((row(second).like_row, row(second).like_offer.is_some()), (Some(first), true));
    assert_eq!((row(other).like_row, row(other).like_offer.is_some()), (None, false), "digital, not at the postcode");
    assert_eq!(report.look_alikes(), 2);
}
