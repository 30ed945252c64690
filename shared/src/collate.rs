//! Danish alphabetical order for names: the screen's lists and the exports sort the same way.

/// A sort key in Danish alphabetical order: æ, ø and å (and aa) after z.
pub fn danish_key(s: &str) -> String {
    s.to_lowercase()
        .replace("aa", "å")
        .chars()
        .map(|c| match c {
            'æ' | 'ä' => '{',
            'ø' | 'ö' => '|',
            'å' => '}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn aa_and_the_danish_letters_come_after_z() {
        let mut names = vec!["Aarhus", "Ærø", "Billund", "Zealand", "Øster", "Odder"];
        names.sort_by_key(|n| super::danish_key(n));
        assert_eq!(names, ["Billund", "Odder", "Zealand", "Ærø", "Øster", "Aarhus"]);
    }
}
