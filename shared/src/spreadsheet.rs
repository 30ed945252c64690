//! CSV files for spreadsheets, as every export writes them: a UTF-8 byte order mark (so Excel
//! shows æ, ø and å), `;` between cells (Danish Excel opens such files directly), CRLF line ends,
//! RFC 4180 quoting, and a leading `'` before a cell a spreadsheet would run as a formula.

/// The UTF-8 byte order mark that starts every export.
pub const BOM: &str = "\u{feff}";
/// The cell separator.
pub const DELIMITER: char = ';';

/// Whether a cell, after any leading `'`s, starts like a formula (`=`, `+`, `-`, `@`, tab, CR).
pub fn formula_like(cell: &str) -> bool {
    matches!(cell.trim_start_matches('\'').chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
}

/// A cell with one more leading `'` if a spreadsheet would run it as a formula; the CSV import
/// removes one `'` before such a cell, so the text comes back as it was.
pub fn guard_formula(cell: &str) -> String {
    if formula_like(cell) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// The inverse of [`guard_formula`].
pub fn unguard_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => cell,
    }
}

/// A file being written: starts with the BOM; [`Sheet::row`] adds one row.
pub struct Sheet {
    out: String,
}

impl Default for Sheet {
    fn default() -> Self {
        Self::new()
    }
}

impl Sheet {
    pub fn new() -> Self {
        Sheet { out: BOM.to_owned() }
    }

    /// One row: cells guarded, quoted when they hold `;`, `"` or a line break, CRLF at the end.
    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.out.push(DELIMITER);
            }
            let cell = guard_formula(cell.as_ref());
            if cell.contains([DELIMITER, '"', '\n', '\r']) {
                self.out.push('"');
                self.out.push_str(&cell.replace('"', "\"\""));
                self.out.push('"');
            } else {
                self.out.push_str(&cell);
            }
        }
        self.out.push_str("\r\n");
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_semicolons_quoting_crlf_and_formulas() {
        let mut s = Sheet::new();
        s.row(["kode", "navn"]);
        s.row(["0751", "Sund; By \"A\""]);
        s.row(["=1+1", "'=tekst"]);
        assert_eq!(s.finish(), "\u{feff}kode;navn\r\n0751;\"Sund; By \"\"A\"\"\"\r\n'=1+1;''=tekst\r\n");
        for cell in ["=1", "'=1", "''+x", "tekst", "'tekst", "+45 1234"] {
            assert_eq!(unguard_formula(&guard_formula(cell)), cell);
        }
    }
}
