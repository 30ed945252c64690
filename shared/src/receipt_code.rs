//! The receipt code a request to join is looked up by ("K7QM-4XRT"): its alphabet, how a typed
//! code is read, and whether what was typed can be a code at all (the status page says so before
//! asking the API, instead of "not found").

/// No 0/O, 1/I/L, so a code can be read aloud and typed from paper.
pub const ALPHABET: &[u8; 31] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// Characters in a code (the dash aside).
pub const LEN: usize = 8;

/// A typed code as codes are kept: upper case, spaces and any dash ignored, `XXXX-XXXX`.
pub fn normalise(code: &str) -> String {
    let c: String = code.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_uppercase();
    if c.len() == LEN {
        format!("{}-{}", &c[..4], &c[4..])
    } else {
        c
    }
}

/// Whether `typed` can be a receipt code: eight letters and digits from [`ALPHABET`], in any case,
/// with or without the dash.
pub fn is_well_formed(typed: &str) -> bool {
    let c: Vec<u8> = normalise(typed).bytes().filter(|b| *b != b'-').collect();
    c.len() == LEN && c.iter().all(|b| ALPHABET.contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_code_is_read_as_kept() {
        assert_eq!(normalise(" k7qm 4xrt "), "K7QM-4XRT");
        assert_eq!(normalise("K7QM-4XRT"), "K7QM-4XRT");
        assert_eq!(normalise("k7qm4xrt"), "K7QM-4XRT");
    }

    #[test]
    fn only_eight_of_the_alphabet_can_be_a_code() {
        assert!(is_well_formed("k7qm-4xrt"));
        assert!(!is_well_formed("K7QM-4XR"), "seven");
        assert!(!is_well_formed("K7QM-4XRTT"), "nine");
        // O, 0, I, 1 and L are never in a code.
        assert!(!is_well_formed("K7QM-4XR0"));
        assert!(!is_well_formed("K7QM-4XRO"));
        assert!(!is_well_formed("L7QM-4XRT"));
        assert!(!is_well_formed(""));
    }
}
