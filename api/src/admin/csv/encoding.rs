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
    /// UTF-16 (Excel's "Unicode-tekst"): a UTF-16 byte order mark, or NUL bytes.
    Utf16,
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
            Unreadable::Unknown => (
                "Filen er ikke gemt som UTF-8 eller Windows-1252, så æ, ø og å kan ikke læses. Gem den i Excel som »CSV UTF-8 (kommasepareret)«, og prøv igen.",
                "The file is not saved as UTF-8 or Windows-1252, so æ, ø and å cannot be read. Save it in Excel as “CSV UTF-8 (Comma delimited)” and try again.",
            ),
        }
    }
}

/// The file's text and the encoding it was read in.
pub fn decode(body: &[u8]) -> Result<(Cow<'_, str>, FileEncoding), Unreadable> {
    if body.starts_with(&[0xFF, 0xFE]) || body.starts_with(&[0xFE, 0xFF]) || body.contains(&0) {
        return Err(Unreadable::Utf16);
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
