//! An import's errors name the file's columns (`contact_email`, not the offer's JSON path
//! `contact.email`) and come in row order, then in the file's column order.

use super::*;

pub(crate) async fn errors_name_columns_in_row_order(api: &Api) {
    let mut sheet = api.export(&region_admin()).await;
    sheet.set("a2", "contact_email", "ikke en adresse");
    sheet.set("a1", "contact_phone", "12");
    sheet.set("a1", "title", "");
    let (_, report) = api.import(&region_admin(), &sheet, true).await;
    let got: Vec<(usize, &str)> = report.errors.iter().map(|e| (e.row, e.field.as_str())).collect();
    let (a1, a2) = (got[0].0, got[2].0);
    assert!(a1 < a2, "{got:?}");
    assert_eq!(got, [(a1, "title"), (a1, "contact_phone"), (a2, "contact_email")]);
    let phone = &report.errors[1].message.da;
    assert!(phone.contains("8–15 cifre") && phone.contains("+45 22 34 56 78"), "{phone}");
}
