//! Unit tests of `validation` (kept apart: the module is the checks).
use super::*;

#[test]
fn postcodes() {
    assert!(postcode_format("postcode", "8000").is_ok());
    assert!(postcode_format("postcode", " 8000 ").is_ok());
    assert_eq!(postcode_format("postcode", "").unwrap_err().code, ErrorCode::Required);
    for bad in ["800", "80000", "80a0", "DK-8000"] {
        let e = postcode_format("postcode", bad).unwrap_err();
        assert_eq!((e.field.as_str(), e.code), ("postcode", ErrorCode::Invalid), "{bad}");
        assert!(e.message.da.contains("fire cifre") && e.message.en.contains("four digits"));
    }
    for bad in ["0800", "0001"] {
        let e = postcode_format("postcode", bad).unwrap_err();
        assert_eq!((e.field.as_str(), e.code), ("postcode", ErrorCode::Invalid), "{bad}");
        assert!(!e.message.da.contains("fire cifre"), "{bad} has four digits");
        assert!(e.message.da.contains("begynder ikke med 0") && e.message.en.contains("does not start with 0"));
    }
}

#[test]
fn numbers() {
    assert_eq!(number_in_range("radius_km", "12,5", 1.0, 300.0).unwrap(), 12.5);
    assert_eq!(number_in_range("radius_km", "301", 1.0, 300.0).unwrap_err().code, ErrorCode::OutOfRange);
    assert_eq!(number_in_range("radius_km", "abc", 1.0, 300.0).unwrap_err().code, ErrorCode::Invalid);
    assert_eq!(number_in_range("radius_km", "NaN", 1.0, 300.0).unwrap_err().code, ErrorCode::Invalid);
    assert_eq!(number_in_range("radius_km", "inf", 1.0, 300.0).unwrap_err().code, ErrorCode::Invalid);
    assert_eq!(integer_in_range("page", "2", 1, 100).unwrap(), 2);
    assert_eq!(integer_in_range("page", "2.5", 1, 100).unwrap_err().code, ErrorCode::Invalid);
    assert_eq!(integer_in_range("page", "0", 1, 100).unwrap_err().code, ErrorCode::OutOfRange);
    // An empty coordinate is asked for by name, not called "»« is not a number".
    let e = coordinate("point", ("breddegraden", "the latitude"), " ", -90.0, 90.0).unwrap_err();
    assert_eq!((e.code, e.message.da.as_str()), (ErrorCode::Required, "Skriv breddegraden, eller hent koordinaterne fra postnummeret."));
    assert_eq!(coordinate("point", ("breddegraden", "the latitude"), "56,1", -90.0, 90.0), Ok(56.1));
    assert_eq!(coordinate("point", ("breddegraden", "the latitude"), "x", -90.0, 90.0).unwrap_err().code, ErrorCode::Invalid);
    let e = municipality_code("municipality_code", "").unwrap_err();
    assert_eq!((e.code, e.message.da.as_str(), e.message.en.as_str()), (ErrorCode::Required, "Vælg kommunen.", "Choose the municipality."));
    assert_eq!(municipality_code("municipality_code", "0999").unwrap_err().code, ErrorCode::Unknown);
    assert!(municipality_code("municipality_code", "0751").is_ok());
}

#[test]
fn text_and_dates() {
    const TITLE: (&str, &str) = ("titlen", "the title");
    let e = text_length("title", TITLE, "  ", 1, 10).unwrap_err();
    assert_eq!((e.code, e.message.da.as_str(), e.message.en.as_str()), (ErrorCode::Required, "Skriv titlen.", "Enter the title."));
    let e = text_length("title", TITLE, "ab", 3, 10).unwrap_err();
    assert_eq!((e.code, e.message.da.as_str()), (ErrorCode::TooShort, "Skriv mindst 3 tegn i titlen."));
    assert_eq!(text_length("title", TITLE, "æøåæøåæøåæ", 1, 10), Ok(()));
    let e = text_length("title", TITLE, "æøåæøåæøåæø", 1, 10).unwrap_err();
    assert_eq!((e.code, e.message.en.as_str()), (ErrorCode::TooLong, "Enter at most 10 characters in the title (now 11)."));
    assert!(iso_date("d", "2028-02-29").is_ok());
    for bad in ["2027-02-29", "2027-13-01", "2027-1-01", "27-01-01", "2027-04-31", "abcd-ef-gh"] {
        assert!(iso_date("d", bad).is_err(), "{bad}");
    }
    // Written right, but no day of the calendar: said so, not "write it as ÅÅÅÅ-MM-DD".
    assert_eq!(iso_date("d", "2027-02-31").unwrap_err().message.da, "Datoen 2027-02-31 findes ikke. Skriv en rigtig dato fra år 2000 til 2100.");
    assert_eq!(iso_date("d", "31-02-2027").unwrap_err().message.da, "Datoen skal skrives som ÅÅÅÅ-MM-DD.");
    assert!(not_after("d", "2026-12-03", "2026-12-03").is_ok());
    assert_eq!(not_after("d", "2099-01-01", "2026-12-03").unwrap_err().code, ErrorCode::OutOfRange);
    assert!(day_range("to", "2026-12-01", "2026-12-01").is_ok() && day_range("to", "", "2026-12-01").is_ok());
    assert!(day_range("to", "2026-12-01", "").is_ok() && day_range("to", "1.12.2026", "2026-11-01").is_ok());
    let e = day_range("to", "2026-12-02", "2026-12-01").unwrap_err();
    assert_eq!((e.field.as_str(), e.code), ("to", ErrorCode::OutOfRange));
    const START: (&str, &str) = ("Næste start", "The next start");
    assert!(not_before("d", START, "2026-12-03", "2026-12-03").is_ok());
    assert!(not_before("d", START, "not a date", "2026-12-03").is_ok());
    let e = not_before("d", START, "2020-01-01", "2026-12-03").unwrap_err();
    assert_eq!(
        (e.code, e.message.da.as_str(), e.message.en.as_str()),
        (ErrorCode::OutOfRange, "Næste start må ikke ligge før i dag.", "The next start cannot be earlier than today.")
    );
}

#[test]
fn contacts() {
    for ok in ["+45 12 34 56 78", "12345678", "(+45) 8612-3456", "+46 8 123 456 78"] {
        assert!(is_phone(ok), "{ok}");
    }
    for bad in ["abc", "1234", "12 34 56 7x", "+45 12+34 56 78", "1234567890123456"] {
        assert!(!is_phone(bad), "{bad}");
    }
    for ok in ["sundhed@aarhus.dk", "a.b@c.demo.invalid"] {
        assert!(is_email(ok), "{ok}");
    }
    for bad in ["not an email", "a@b", "@aarhus.dk", "a@@b.dk", "a@b.dk.", "a b@c.dk"] {
        assert!(!is_email(bad), "{bad}");
    }
    for ok in ["https://aarhus.dk/sundhed", "http://www.aarhus.dk:8080/x?a=1"] {
        assert!(is_web_url(ok), "{ok}");
    }
    for bad in ["aarhus.dk", "https://", "ftp://x.dk", "https://x.dk/a b", "javascript:alert(1)"] {
        assert!(!is_web_url(bad), "{bad}");
    }
    // As typed: the scheme put in front when none is named; nothing else made valid.
    assert_eq!(web_address(" aarhus.dk/sundhed "), "https://aarhus.dk/sundhed");
    assert_eq!(web_address("http://x.dk"), "http://x.dk");
    assert_eq!(web_address(""), "");
    for still_bad in ["javascript:alert(1)", "ftp://x.dk", "aarhus dk"] {
        assert!(!is_web_url(&web_address(still_bad)), "{still_bad}");
    }
    let c = crate::offer::Contact { name: None, phone: Some("abc".into()), email: Some("not an email".into()), url: Some(" ".into()) };
    let fields: Vec<_> = validate_contact(&c).into_iter().map(|e| e.field).collect();
    assert_eq!(fields, ["contact.phone", "contact.email"]);
}

#[test]
fn a_code_not_in_its_list_names_the_valid_ones() {
    use crate::eligibility::Residence;
    assert_eq!(listed_code("residence", " region ", Residence::ALL, Residence::code), Ok(Residence::Region));
    let e = listed_code("residence", "kommune", Residence::ALL, Residence::code).unwrap_err();
    assert_eq!((e.field.as_str(), e.code), ("residence", ErrorCode::Unknown));
    assert_eq!(e.message.da, "»kommune« er ikke en gyldig værdi. Gyldige værdier: municipality, region, denmark.");
    assert_eq!(e.message.en, "“kommune” is not a valid value. Valid values: municipality, region, denmark.");
}

#[test]
fn a_postcode_with_its_town_and_an_age_with_its_unit_are_read_as_typed() {
    assert_eq!([typed_postcode(" 9000 Aalborg "), typed_postcode("9000, Aalborg"), typed_postcode("8000 Aarhus C")], ["9000", "9000", "8000"]);
    assert_eq!([typed_postcode("9000 1"), typed_postcode("900 Aalborg"), typed_postcode("Aalborg")], ["9000 1", "900 Aalborg", "Aalborg"]);
    assert_eq!([typed_age("67 år"), typed_age("67år"), typed_age("67 years"), typed_age(" 67 ")], ["67", "67", "67", "67"]);
    assert_eq!([typed_age("år"), typed_age("sixty år"), typed_age("6 7 år")], ["år", "sixty år", "6 7 år"]);
}
