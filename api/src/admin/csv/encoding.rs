//! The character encoding of an imported file: UTF-8 (Excel's "CSV UTF-8", with or without a
//! byte order mark) if the bytes are valid UTF-8, else Windows-1252 (what Danish Excel's "CSV
//! (semikolonsepareret)" writes). Anything else is refused with a sentence saying so, never
//! guessed into mangled æ, ø and å.

use forebyg_shared::bulk::FileEncoding;
use std::borrow::Cow;

/// Windows-1252's characters for the bytes 0x80–0x9F (the rest are Latin-1); `None`: a byte
/// Windows-1252 leaves undefined.
const HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201C}'),
    Some('\u{201D}'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The Windows-1252 byte of `c`, if it has one (for tests and tools writing such files).
pub fn windows_1252_byte(c: char) -> Option<u8> {
    match c as u32 {
        n @ (0..=0x7F | 0xA0..=0xFF) => Some(n as u8),
        _ => HIGH.iter().position(|h| *h == Some(c)).map(|i| 0x80 + i as u8),
    }
}

/// Why a file could not be read as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// UTF-16 (Excel's "Unicode-tekst"): a UTF-16 byte order mark, or NUL bytes in every other
    /// place (the high bytes of Latin text).
    Utf16,
    /// A spreadsheet workbook (.xlsx and .ods are ZIP files, .xls an OLE2 file): the commonest
    /// wrong file, chosen instead of the CSV saved from it.
    Workbook,
    /// Bytes that are no text at all (a picture, a PDF): NUL bytes in no UTF-16 pattern.
    Binary,
    /// Neither UTF-8 nor Windows-1252 (an undefined byte, or UTF-8 mixed with another encoding).
    Unknown,
}

impl Unreadable {
    /// The error for the admin, Danish and English.
    pub fn message(self) -> (&'static str, &'static str) {
        match self {
            Unreadable::Utf16 => (
                "Filen er gemt som Unicode-tekst (UTF-16), og den kan ikke læses. Gem den i Excel som »CSV UTF-8 (kommasepareret)« eller »CSV (semikolonsepareret)«, og prøv igen.",
                "The file is saved as Unicode text (UTF-16) and cannot be read. Save it in Excel as “CSV UTF-8 (Comma delimited)” or “CSV (Semicolon delimited)” and try again.",
            ),
            Unreadable::Workbook => (
                "Filen er et regneark (fx Excel-projektmappe, .xlsx), ikke en CSV-fil. Åbn den i Excel, gem den som »CSV UTF-8 (kommasepareret)« eller »CSV (semikolonsepareret)«, og vælg den nye fil.",
                "The file is a spreadsheet workbook (such as .xlsx), not a CSV file. Open it in Excel, save it as “CSV UTF-8 (Comma delimited)” or “CSV (Semicolon delimited)” and choose the new file.",
            ),
            Unreadable::Binary => (
                "Filen er ikke en tekstfil (måske et billede eller en PDF), så den kan ikke læses som CSV. Vælg den CSV-fil, du vil importere.",
                "The file is not a text file (perhaps a picture or a PDF), so it cannot be read as CSV. Choose the CSV file you want to import.",
            ),
            Unreadable::Unknown => (
                "Filen er ikke gemt som UTF-8 eller Windows-1252, så æ, ø og å kan ikke læses. Gem den i Excel som »CSV UTF-8 (kommasepareret)«, og prøv igen.",
                "The file is not saved as UTF-8 or Windows-1252, so æ, ø and å cannot be read. Save it in Excel as “CSV UTF-8 (Comma delimited)” and try again.",
            ),
        }
    }
}

/// The file's text and the encoding it was read in.
pub fn decode(body: &[u8]) -> Result<(Cow<'_, str>, FileEncoding), Unreadable> {
    if body.starts_with(&[0xFF, 0xFE]) || body.starts_with(&[0xFE, 0xFF]) {
        return Err(Unreadable::Utf16);
    }
    // ZIP (.xlsx, .ods) and OLE2 (.xls) signatures.
    if body.starts_with(b"PK\x03\x04") || body.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(Unreadable::Workbook);
    }
    if body.contains(&0) {
        return Err(if utf16_without_mark(body) { Unreadable::Utf16 } else { Unreadable::Binary });
    }
    if let Ok(text) = std::str::from_utf8(body) {
        return Ok((Cow::Borrowed(text), FileEncoding::Utf8));
    }
    // A UTF-8 "æ" (C3 A6) beside bytes that are not UTF-8: a file of two encodings, which
    // Windows-1252 would read as "Ã¦".
    if body.windows(2).any(|w| w[0] == 0xC3 && (0x80..=0xBF).contains(&w[1])) {
        return Err(Unreadable::Unknown);
    }
    let text = body
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)].ok_or(Unreadable::Unknown),
            b => Ok(char::from(b)),
        })
        .collect::<Result<String, _>>()?;
    Ok((Cow::Owned(text), FileEncoding::Windows1252))
}

/// Whether the start of `body` reads as UTF-16 without a byte order mark: Latin text, whose every
/// other byte (the high one, before or after) is NUL, and the rest are not.
fn utf16_without_mark(body: &[u8]) -> bool {
    let start = &body[..body.len().min(512) & !1];
    let nul_at = |parity: usize| start.iter().skip(parity).step_by(2).filter(|b| **b == 0).count();
    let (even, odd, half) = (nul_at(0), nul_at(1), start.len() / 2);
    // Nearly all of one side NUL (a few non-Latin characters aside), almost none of the other.
    half > 0 && (even.max(odd) * 10 >= half * 9) && even.min(odd) * 10 <= half
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(text: &str) -> Vec<u8> {
        text.chars().map(|c| windows_1252_byte(c).unwrap()).collect()
    }

    #[test]
    fn utf8_is_read_as_utf8_and_excel_danish_csv_as_windows_1252() {
        let text = "title;city\nLøb – for alle;Århus “€”\n";
        assert_eq!(decode(text.as_bytes()).unwrap(), (Cow::Borrowed(text), FileEncoding::Utf8));
        let bom = format!("\u{feff}{text}");
        assert_eq!(decode(bom.as_bytes()).unwrap().1, FileEncoding::Utf8);
        assert_eq!(encode(text).len(), text.chars().count());
        assert_eq!(decode(&encode(text)).unwrap(), (Cow::Owned(text.to_owned()), FileEncoding::Windows1252));
    }

    #[test]
    fn what_neither_encoding_reads_is_refused() {
        assert_eq!(decode(&[0xFF, 0xFE, b'i', 0, b'd', 0]), Err(Unreadable::Utf16));
        assert_eq!(decode(b"i\0d\0"), Err(Unreadable::Utf16));
        assert_eq!(decode(b"\0i\0d\0;\0t"), Err(Unreadable::Utf16), "big-endian, no mark");
        assert_eq!(decode(b"PK\x03\x04\x14\0\x06\0[Content_Types].xml"), Err(Unreadable::Workbook), ".xlsx");
        assert_eq!(decode(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), Err(Unreadable::Workbook), ".xls");
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"), Err(Unreadable::Binary), "a picture");
        assert!(Unreadable::Workbook.message().0.contains("regneark"));
        assert_eq!(decode(b"id;\x81"), Err(Unreadable::Unknown), "undefined in Windows-1252");
        assert_eq!(decode("Århus;".as_bytes().iter().chain(b"\xe6").copied().collect::<Vec<_>>().as_slice()), Err(Unreadable::Unknown), "mixed");
        assert!(Unreadable::Unknown.message().0.starts_with("Filen er ikke gemt som UTF-8"));
    }

    #[test]
    fn every_windows_1252_byte_round_trips() {
        for b in (0x01..=0xFFu8).filter(|b| !matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D)) {
            let bytes = [b'x', b, 0xE6];
            let (text, _) = decode(&bytes).unwrap();
            let c = text.chars().nth(1).unwrap();
            assert_eq!(windows_1252_byte(c), Some(b), "{b:#x}");
        }
    }
}
