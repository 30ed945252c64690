//! Bilingual labels: Danish first, English on request.

use serde::{Deserialize, Serialize};

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }
}

/// A text in Danish and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Label {
    pub da: String,
    pub en: String,
}

impl Label {
    pub fn new(da: &str, en: &str) -> Self {
        Label { da: da.to_owned(), en: en.to_owned() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Da => &self.da,
            Lang::En => &self.en,
        }
    }
}

/// "a, b og c": items as a sentence lists them, the last joined with `and` (a word such as
/// "og", "eller", "or").
pub fn join_list<S: AsRef<str>>(items: &[S], and: &str) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} {and} {}", rest.join(", "), last.as_ref())
        }
        Some((last, _)) => last.as_ref().to_owned(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::join_list;

    #[test]
    fn lists_read_as_sentences() {
        assert_eq!(join_list(&["gp", "hospital", "municipality"], "or"), "gp, hospital or municipality");
        assert_eq!(join_list(&["KOL", "kræft"], "og"), "KOL og kræft");
        assert_eq!(join_list(&["KOL"], "eller"), "KOL");
        assert_eq!(join_list::<&str>(&[], "eller"), "");
    }
}
