//! The row reader's column names and lenient codes.

use super::*;

#[rustfmt::skip]
#[test]
fn every_field_path_names_a_column_of_the_file() {
    let paths = [
        ("contact.email", "contact_email"), ("contact.phone", "contact_phone"), ("contact.url", "contact_url"),
        ("cost.dkk", "cost_dkk"), ("location.name", "location_name"), ("location.city", "city"),
        ("provider.kind", "provider_kind"), ("referral.from_gp", "from_gp"), ("referral.methods[1]", "referral_methods"),
        ("languages[1]", "languages"), ("conditions[0]", "conditions"), ("packages[0].components[2]", "packages"),
        ("eligibility.conditions[0]", "eligible_conditions"), ("schedule.slots[0].end", "slots"),
    ];
    for (path, column) in paths {
        assert_eq!(column_of(path), column, "{path}");
        assert!(super::super::COLUMNS.contains(&column));
    }
}

#[test]
fn a_code_or_its_name_as_the_workspace_shows_it() {
    let at = COLUMNS.iter().position(|c| *c == "category").expect("a category column");
    let read = |typed: &str| {
        let mut cells = vec![String::new(); COLUMNS.len()];
        cells[at] = typed.to_owned();
        let mut row = Row { cells: &cells, errors: vec![] };
        (row.code("category", Category::ALL, Category::code, Category::label), row.errors.len())
    };
    let physical = Category::FysiskAktivitet;
    for typed in ["fysisk-aktivitet", "Fysisk aktivitet", &physical.label(Lang::En).to_uppercase()] {
        assert_eq!(read(typed), (Some(physical), 0), "{typed}");
    }
    assert_eq!(read("Fysisk"), (None, 1));
}
