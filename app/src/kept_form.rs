//! A form's typed-in values kept in this tab only, across a reload (the language switch reloads
//! the page: every text is chosen once per page) and across Back and Forward within the app (a
//! walk's citizen went back to re-read the offer and lost what they had typed). Written to
//! sessionStorage as they change while the form is open, read back and forgotten once when it
//! opens again. A form keeps only what it chooses: never a CPR number, never the contact that
//! opens a request's status.

/// Separates the values (the ASCII unit separator, which nobody types).
const SEP: char = '\u{1f}';

/// The values as one string.
pub fn encode(values: &[&str]) -> String {
    values.iter().map(|v| v.replace(SEP, " ")).collect::<Vec<_>>().join("\u{1f}")
}

/// The `n` values kept, or `None` if the string holds another number of them.
pub fn decode(kept: &str, n: usize) -> Option<Vec<String>> {
    let values: Vec<String> = kept.split(SEP).map(str::to_owned).collect();
    (values.len() == n).then_some(values)
}

/// Takes what was kept under `key` (and forgets it).
#[cfg(target_arch = "wasm32")]
pub fn take(key: &str) -> Option<String> {
    use crate::dom::{self, Store};
    let kept = dom::load(Store::Session, key);
    dom::remove(Store::Session, key);
    kept
}

/// While the calling component lives, keeps `values()` under `key` as it changes (it reads the
/// signals it depends on, tracked), and nothing once it returns `None` (emptied, or sent).
#[cfg(target_arch = "wasm32")]
pub fn keep_while_open(key: &'static str, values: impl Fn() -> Option<String> + 'static) {
    use crate::dom::{self, Store};
    use leptos::prelude::*;
    Effect::new(move |_| match values() {
        Some(v) => dom::save(Store::Session, key, &v),
        None => dom::remove(Store::Session, key),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_come_back_as_they_were_typed() {
        let kept = encode(&["demo-1", "Søren Ø", "", "a@b.dk", "morning", "linje 1\nlinje 2\tmed tab"]);
        assert_eq!(decode(&kept, 6).unwrap(), ["demo-1", "Søren Ø", "", "a@b.dk", "morning", "linje 1\nlinje 2\tmed tab"]);
        assert_eq!(decode(&kept, 5), None, "another form's values");
        assert_eq!(decode(&encode(&["a\u{1f}b", "c"]), 2).unwrap(), ["a b", "c"]);
    }
}
