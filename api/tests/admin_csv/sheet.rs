//! A CSV file as a spreadsheet holds it: read from the export, edited cell by cell as a person
//! would, written back (with the delimiter a spreadsheet chose).

use std::collections::BTreeSet;

/// A CSV file as a spreadsheet holds it.
#[derive(Clone)]
pub struct Sheet {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub delimiter: u8,
}

impl Sheet {
    pub fn read(bytes: &[u8]) -> Sheet {
        let text = std::str::from_utf8(bytes).unwrap().trim_start_matches('\u{feff}');
        let mut r = csv::ReaderBuilder::new().delimiter(b';').from_reader(text.as_bytes());
        let header = r.headers().unwrap().iter().map(String::from).collect();
        Sheet { header, rows: r.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect(), delimiter: b';' }
    }
    pub fn bytes(&self) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new().delimiter(self.delimiter).from_writer(vec![]);
        w.write_record(&self.header).unwrap();
        self.rows.iter().for_each(|r| w.write_record(r).unwrap());
        w.into_inner().unwrap()
    }
    pub fn col(&self, name: &str) -> usize {
        self.header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"))
    }
    pub fn row_of(&self, id: &str) -> usize {
        self.rows.iter().position(|r| r[0] == id).unwrap_or_else(|| panic!("no row {id}"))
    }
    pub fn set(&mut self, id: &str, column: &str, value: &str) {
        self.set_at(self.row_of(id) + 2, column, value);
    }
    /// Sets a cell of spreadsheet row `row` (the first data row is 2).
    pub fn set_at(&mut self, row: usize, column: &str, value: &str) {
        let c = self.col(column);
        self.rows[row - 2][c] = value.into();
    }
    /// A copy of `id`'s row as a new offer (no id, no version) with `title`.
    pub fn add_new(&mut self, id: &str, title: &str) -> usize {
        let mut row = self.rows[self.row_of(id)].clone();
        (row[0], row[1], row[self.col("title")]) = (String::new(), String::new(), title.into());
        self.rows.push(row);
        self.rows.len() + 1
    }
    pub fn ids(&self) -> BTreeSet<String> {
        self.rows.iter().map(|r| r[0].clone()).collect()
    }
}
