//! Where the demo offers go and what they offer: every intervention in every municipality (but
//! the islands' deliberate gaps), then more where more people live.

use super::population;
use forebyg_shared::geography::Municipality;
use forebyg_shared::taxonomy::Category;

/// Interventions a few small island municipalities do not offer on site in the demo data: their
/// residents go to the mainland or follow a digital offer. These are the gaps the coverage report
/// and the clinician search's "nearest is N km away" show; everywhere else every intervention
/// is offered on site (from 784 offers on; tested below). A mainland municipality's offers are in
/// its main town, so its small islands without a fixed link (Orø, Anholt, Fur, …) have none: the
/// coverage report shows them as gaps too, their nearest offer across the water.
pub const GAPS: &[(&str, &[Category])] = &[
    // Læsø: the ferry to Frederikshavn takes 90 minutes.
    ("0825", &[Category::Sygdomsmestring, Category::Ernaering, Category::Alkohol, Category::StressAngstDepression]),
    ("0741", &[Category::Ernaering, Category::Alkohol]),             // Samsø
    ("0492", &[Category::Alkohol, Category::StressAngstDepression]), // Ærø
    ("0563", &[Category::Sygdomsmestring]),                          // Fanø
];

/// Whether the demo data leaves intervention `category` out of municipality `code`.
pub(super) fn is_gap(code: &str, category: Category) -> bool {
    GAPS.iter().any(|(c, categories)| *c == code && categories.contains(&category))
}

/// Where a demo offer goes, what it offers, and whether it is one of the base rounds' on-site
/// offers of the intervention (`anchor`).
pub(super) struct Placement<'a> {
    pub(super) municipality: &'a Municipality,
    pub(super) category: Category,
    pub(super) anchor: bool,
}

/// Where the demo offers go and what they offer, in order. First eight rounds of every
/// municipality once (in a stride of 37 through the list, coprime with 98, so that even a few
/// dozen offers reach every region), each municipality's interventions in turn from a different
/// start. The first round is drawn like any other offer (some digital, some drafts, so that small
/// demo sets have them); the seven after it are the anchors, published and on site: every
/// municipality holds every intervention on site (784 offers in all), apart from the [`GAPS`],
/// whose turns go to the next one. Then offers by population (`population`), interleaved by
/// smooth weighted round-robin, each municipality's interventions again in turn: at 3,000 offers
/// København holds ~250 of them, Aarhus ~145, Læsø its eight of the base rounds.
pub(super) fn placements(municipalities: &[Municipality]) -> impl Iterator<Item = Placement<'_>> {
    let n = municipalities.len();
    let base_rounds = Category::ALL.len() + 1;
    let weights: Vec<i64> = municipalities.iter().map(|m| i64::from(population::thousands(m.code)).max(1)).collect();
    let total: i64 = weights.iter().sum();
    let (mut credit, mut turns) = (vec![0i64; n], vec![0usize; n]);
    (0..).map(move |i| {
        let index = if i < base_rounds * n {
            i * 37 % n
        } else {
            // Smooth weighted round-robin: every municipality gains its weight, the richest is
            // chosen and pays the total, so the choices interleave in proportion.
            for (c, w) in credit.iter_mut().zip(&weights) {
                *c += w;
            }
            let chosen = (0..n).max_by_key(|&j| (credit[j], std::cmp::Reverse(j))).expect("municipalities");
            credit[chosen] -= total;
            chosen
        };
        let m = &municipalities[index];
        let turn = turns[index];
        turns[index] += 1;
        let k = Category::ALL.len();
        let category = (0..k).map(|s| Category::ALL[(turn + index + s) % k]).find(|c| !is_gap(m.code, *c)).unwrap_or(Category::ALL[0]);
        Placement { municipality: m, category, anchor: (n..base_rounds * n).contains(&i) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use forebyg_shared::geography;

    #[test]
    fn placements_beyond_the_base_rounds_go_by_population() {
        let all = geography::municipalities();
        let placed: Vec<_> = placements(all).take(3000).collect();
        let count = |code: &str| placed.iter().filter(|p| p.municipality.code == code).count();
        let base_rounds = Category::ALL.len() + 1;
        let total: u32 = all.iter().map(|m| population::thousands(m.code)).sum();
        for (code, name) in [("0101", "København"), ("0751", "Aarhus"), ("0851", "Aalborg"), ("0825", "Læsø")] {
            let share = (3000 - base_rounds * all.len()) as f64 * f64::from(population::thousands(code)) / f64::from(total);
            let own = (count(code) - base_rounds) as f64;
            assert!((own - share).abs() <= 1.0 + share * 0.02, "{name}: {own} beyond the base rounds, its share {share:.1}");
        }
        assert!(count("0101") > 250 && count("0825") < 10);
    }
}
