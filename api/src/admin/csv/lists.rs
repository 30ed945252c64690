//! Lists inside one cell: items separated by `;`, an item's parts by `|`. A literal `;`, `|` or
//! `\` inside a part is written `\;`, `\|` or `\\`.

/// Items of parts as one cell: `a|b;c`.
pub fn join(items: impl IntoIterator<Item = Vec<String>>) -> String {
    let escape = |part: &String| part.replace('\\', "\\\\").replace(';', "\\;").replace('|', "\\|");
    items.into_iter().map(|parts| parts.iter().map(escape).collect::<Vec<_>>().join("|")).collect::<Vec<_>>().join(";")
}

/// A cell as items of parts, each part trimmed; empty items are skipped.
pub fn split(cell: &str) -> Vec<Vec<String>> {
    let mut items = vec![];
    let (mut parts, mut part) = (vec![], String::new());
    let mut chars = cell.chars();
    let mut end_item = |parts: &mut Vec<String>, part: &mut String| {
        parts.push(std::mem::take(part).trim().to_owned());
        let item = std::mem::take(parts);
        if !(item.len() == 1 && item[0].is_empty()) {
            items.push(item);
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\\' => part.extend(chars.next()),
            '|' => parts.push(std::mem::take(&mut part).trim().to_owned()),
            ';' => end_item(&mut parts, &mut part),
            c => part.push(c),
        }
    }
    end_item(&mut parts, &mut part);
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_round_trip_with_escapes() {
        let items = vec![vec!["Lunge; foreningen".to_owned(), "https://x.dk/a|b".into()], vec!["back\\slash".into(), "u".into(), "".into()]];
        let cell = join(items.clone());
        assert_eq!(cell, r"Lunge\; foreningen|https://x.dk/a\|b;back\\slash|u|");
        assert_eq!(split(&cell), items);
        assert_eq!(split("kol; hjertesygdom ;"), vec![vec!["kol".to_owned()], vec!["hjertesygdom".to_owned()]]);
        assert!(split("").is_empty() && split(" ; ").is_empty());
    }
}
