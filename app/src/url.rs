//! Reading addresses: the query string into pairs, and a path against a route pattern such as
//! `/tilbud/:id`. Pure, so the router's logic is unit-tested natively (see `router.rs`).

/// Decoded `(key, value)` pairs in their order.
pub type Pairs = Vec<(String, String)>;

/// Decodes `%XX` escapes and `+` (a space in form-encoded queries); invalid escapes stay as they are.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `a=1&b=x%20y` → `[("a", "1"), ("b", "x y")]`; empty parts are skipped, a key without `=` has "".
pub fn parse_query(query: &str) -> Pairs {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| match part.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(part), String::new()),
        })
        .collect()
}

/// The parameters if `path` matches `pattern` (`/tilbud/:id`: a `:name` segment takes any one
/// non-empty segment); a trailing slash is ignored.
pub fn match_path(pattern: &str, path: &str) -> Option<Pairs> {
    let segments = |s: &str| s.trim_end_matches('/').split('/').skip(1).map(str::to_owned).collect::<Vec<_>>();
    let (pattern, path) = (segments(pattern), segments(path));
    if pattern.len() != path.len() {
        return None;
    }
    let mut params = vec![];
    for (p, s) in pattern.iter().zip(&path) {
        match p.strip_prefix(':') {
            Some(name) if !s.is_empty() => params.push((name.to_owned(), decode(s))),
            Some(_) => return None,
            None if p == s => {}
            None => return None,
        }
    }
    Some(params)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(p: &[(&str, &str)]) -> Pairs {
        p.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn queries_decode_like_a_browser() {
        assert_eq!(parse_query("?postnummer=8000&q=r%C3%B8gstop+hj%C3%A6lp&x"), pairs(&[("postnummer", "8000"), ("q", "røgstop hjælp"), ("x", "")]));
        assert_eq!(parse_query(""), pairs(&[]));
        assert_eq!(parse_query("a=1&&b=%2"), pairs(&[("a", "1"), ("b", "%2")]));
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%41"), "%zzA");
    }

    #[test]
    fn paths_match_patterns_with_parameters() {
        assert_eq!(match_path("/", "/"), Some(vec![]));
        assert_eq!(match_path("/", "/gemte"), None);
        assert_eq!(match_path("/tilbud/:id", "/tilbud/demo-001"), Some(pairs(&[("id", "demo-001")])));
        assert_eq!(match_path("/tilbud/:id", "/tilbud/demo-001/"), Some(pairs(&[("id", "demo-001")])));
        assert_eq!(match_path("/tilbud/:id", "/tilbud/"), None);
        assert_eq!(match_path("/tilbud/:id", "/tilbud/a/tilmeld"), None);
        assert_eq!(match_path("/tilbud/:id/tilmeld", "/tilbud/a%20b/tilmeld"), Some(pairs(&[("id", "a b")])));
        assert_eq!(match_path("/kvittering/:code", "/kvittering/K7QM-4XRT"), Some(pairs(&[("code", "K7QM-4XRT")])));
    }
}
