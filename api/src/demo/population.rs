//! How many people live in each municipality, roughly: the weight the demo data gives each
//! municipality beyond its one offer of every intervention, so København and Aarhus hold many
//! teams and Læsø a few, as in life. Thousands of inhabitants, rounded (Danmarks Statistik's
//! figures of the mid-2020s, from memory: good to a few per cent, which is all a demo needs). Not
//! shown to anyone and not used outside the demo generator.

/// `(kommunekode, thousands of inhabitants)`.
#[rustfmt::skip]
const POPULATION: &[(&str, u32)] = &[
    ("0101", 660), ("0147", 105), ("0151", 49), ("0153", 37), ("0155", 15), ("0157", 75), ("0159", 70),
    ("0161", 23), ("0163", 30), ("0165", 28), ("0167", 55), ("0169", 57), ("0173", 57), ("0175", 41),
    ("0183", 24), ("0185", 44), ("0187", 17), ("0190", 42), ("0201", 26), ("0210", 41), ("0217", 64),
    ("0219", 52), ("0223", 25), ("0230", 57), ("0240", 44), ("0250", 46), ("0253", 52), ("0259", 62),
    ("0260", 32), ("0265", 90), ("0269", 24), ("0270", 42), ("0306", 33), ("0316", 73), ("0320", 38),
    ("0326", 49), ("0329", 36), ("0330", 80), ("0336", 24), ("0340", 30), ("0350", 29), ("0360", 40),
    ("0370", 84), ("0376", 60), ("0390", 46), ("0400", 39), ("0410", 39), ("0420", 41), ("0430", 52),
    ("0440", 24), ("0450", 32), ("0461", 208), ("0479", 59), ("0480", 30), ("0482", 12), ("0492", 6),
    ("0510", 56), ("0530", 27), ("0540", 74), ("0550", 37), ("0561", 116), ("0563", 3), ("0573", 50),
    ("0575", 43), ("0580", 59), ("0607", 52), ("0615", 98), ("0621", 95), ("0630", 121), ("0657", 90),
    ("0661", 59), ("0665", 19), ("0671", 21), ("0706", 44), ("0707", 37), ("0710", 50), ("0727", 24),
    ("0730", 99), ("0740", 100), ("0741", 4), ("0746", 65), ("0751", 370), ("0756", 42), ("0760", 56),
    ("0766", 48), ("0773", 20), ("0779", 46), ("0787", 43), ("0791", 98), ("0810", 36), ("0813", 59),
    ("0820", 37), ("0825", 2), ("0840", 30), ("0846", 42), ("0849", 39), ("0851", 222), ("0860", 64),
];

/// Thousands of inhabitants of municipality `code` (0 for a code not in the table).
pub(super) fn thousands(code: &str) -> u32 {
    POPULATION.iter().find(|(c, _)| *c == code).map_or(0, |(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use forebyg_shared::geography;

    #[test]
    fn every_municipality_has_a_population_and_no_other_code_does() {
        for m in geography::municipalities() {
            assert!(super::thousands(m.code) > 0, "{} ({})", m.name, m.code);
        }
        assert_eq!(super::POPULATION.len(), geography::municipalities().len());
        let total: u32 = super::POPULATION.iter().map(|(_, n)| n).sum();
        assert!((5_800..=6_100).contains(&total), "Denmark has about six million inhabitants, not {total} thousand");
    }
}
