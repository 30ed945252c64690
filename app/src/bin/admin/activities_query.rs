//! The activity list's filters live in the page address (`/admin/aktiviteter?uden-tilbud=1&
//! bekraeftes=1`), so a reload or a shared link shows the same list. Pure logic, tested natively.

use forebyg_app::query::address;

/// The activity list's page; each activity's page is below it.
pub const PATH: &str = "/admin/aktiviteter";

/// Which activities the list shows (all, by default).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ActivityFilter {
    /// Only the active ones no offer points to.
    pub unled: bool,
    /// Only the active ones due to be confirmed.
    pub due: bool,
}

impl ActivityFilter {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let on = |key: &str| get(key).is_some_and(|v| v == "1");
        ActivityFilter { unled: on("uden-tilbud"), due: on("bekraeftes") }
    }

    pub fn href(self) -> String {
        let on = |b: bool| if b { "1" } else { "" }.to_owned();
        address(PATH, &[("uden-tilbud", on(self.unled)), ("bekraeftes", on(self.due))])
    }

    /// Whether an activity that is (or is not) unled and due is listed.
    pub fn keeps(self, unled: bool, due: bool) -> bool {
        (!self.unled || unled) && (!self.due || due)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filters_round_trip_through_the_address() {
        for f in [
            ActivityFilter::default(),
            ActivityFilter { unled: true, due: false },
            ActivityFilter { unled: true, due: true },
            ActivityFilter { unled: false, due: true },
        ] {
            let href = f.href();
            let query: Vec<(String, String)> = href
                .split_once('?')
                .map(|(_, q)| q.split('&').filter_map(|kv| kv.split_once('=')).map(|(k, v)| (k.to_owned(), v.to_owned())).collect())
                .unwrap_or_default();
            assert_eq!(ActivityFilter::from_query(|k| query.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone())), f, "{href}");
        }
        assert_eq!(ActivityFilter { unled: true, due: true }.href(), "/admin/aktiviteter?uden-tilbud=1&bekraeftes=1");
        assert_eq!(ActivityFilter::default().href(), "/admin/aktiviteter");
    }

    #[test]
    fn the_filters_combine() {
        let both = ActivityFilter { unled: true, due: true };
        assert_eq!([both.keeps(true, true), both.keeps(true, false), both.keeps(false, true)], [true, false, false]);
        assert!(ActivityFilter::default().keeps(false, false));
    }
}
