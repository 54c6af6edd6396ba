//! The country knowledge base (`models/countries.tsv`, `scripts/build-countries`):
//! each country's names, demonyms and capital, read once. Entity resolution
//! (the pipeline) and the events' reading of a capital ask this one reader.

use std::collections::HashMap;
use std::sync::OnceLock;

static COUNTRIES: &str = include_str!("../../../models/countries.tsv");

/// The country knowledge base (read on first call).
pub fn countries() -> &'static Countries {
    static CELL: OnceLock<Countries> = OnceLock::new();
    CELL.get_or_init(|| Countries::from_tsv(COUNTRIES))
}

/// One country of the knowledge base.
#[derive(Debug)]
pub struct Country {
    pub iso: String,
    pub name: String,
    pub capital: String,
}

/// Countries by ISO 3166 code, with lookup tables by name, demonym and capital.
pub struct Countries {
    pub list: Vec<Country>,
    /// Each country's other names, as listed.
    variants: Vec<Vec<String>>,
    by_name: HashMap<String, usize>,
    by_demonym: HashMap<String, usize>,
    by_capital: HashMap<String, usize>,
}

fn key(name: &str) -> String {
    dossier_core::names::normalized(name)
}

impl Countries {
    /// Reads `models/countries.tsv` (`iso \t name \t variants \t demonyms \t capital`).
    pub fn from_tsv(tsv: &str) -> Self {
        let mut c = Countries {
            list: Vec::new(),
            variants: Vec::new(),
            by_name: HashMap::new(),
            by_demonym: HashMap::new(),
            by_capital: HashMap::new(),
        };
        let mut demonyms = Vec::new();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 5 {
                continue;
            }
            let i = c.list.len();
            c.list.push(Country {
                iso: f[0].to_string(),
                name: f[1].to_string(),
                capital: f[4].to_string(),
            });
            c.variants.push(
                f[2].split('|')
                    .filter(|n| !n.is_empty())
                    .map(str::to_string)
                    .collect(),
            );
            for n in [f[1], f[0]]
                .into_iter()
                .chain(f[2].split('|'))
                .filter(|n| !n.is_empty())
            {
                // Two-letter codes collide with words ("IN", "NO"): only the
                // dotted or famous forms stand for a country.
                if n.len() <= 2 && !matches!(n, "US" | "UK") {
                    continue;
                }
                c.by_name.entry(key(n)).or_insert(i);
            }
            for d in f[3].split('|').filter(|n| !n.is_empty()) {
                demonyms.push((key(d), i));
            }
            if !f[4].is_empty() {
                c.by_capital.entry(key(f[4])).or_insert(i);
            }
        }
        // A demonym two countries claim ("American": the United States and
        // the Northern Mariana Islands) belongs to the one it is formed from.
        for (d, i) in demonyms {
            let stem = |j: usize| {
                c.names_of(j)
                    .map(|n| common_prefix(&key(n), &d))
                    .max()
                    .unwrap_or(0)
            };
            match c.by_demonym.get(&d) {
                Some(&j) if stem(j) >= stem(i) => {}
                _ => {
                    c.by_demonym.insert(d, i);
                }
            }
        }
        c
    }

    /// The name and variants of country `i`, as the knowledge base has them.
    fn names_of(&self, i: usize) -> impl Iterator<Item = &str> {
        std::iter::once(self.list[i].name.as_str())
            .chain(self.variants[i].iter().map(String::as_str))
    }

    pub fn by_name(&self, name: &str) -> Option<usize> {
        self.by_name.get(&key(name)).copied()
    }

    /// A demonym, or its regular plural ("Iraqis", "Puerto Ricans").
    pub fn by_demonym(&self, name: &str) -> Option<usize> {
        let k = key(name);
        let singular = || k.strip_suffix('s').and_then(|d| self.by_demonym.get(d));
        self.by_demonym.get(&k).or_else(singular).copied()
    }

    /// A demonym within one or two edits of a known one
    /// ("Ukranian"), with its first letter: misspellings seldom touch it
    /// (Pollock & Zamora 1984), while another people's name may end in a
    /// country's ("Assyrians"). The edits are counted word by word, so that
    /// one region's name is no misspelling of another's ("Central American").
    pub fn by_misspelt_demonym(&self, name: &str) -> Option<usize> {
        let k = key(name);
        if k.chars().count() < 6 {
            return None;
        }
        let near = |d: &str| -> Option<usize> {
            let (dw, kw): (Vec<&str>, Vec<&str>) = (d.split(' ').collect(), k.split(' ').collect());
            if dw.len() != kw.len() || d.chars().next() != k.chars().next() {
                return None;
            }
            let mut total = 0;
            for (a, b) in dw.iter().zip(&kw) {
                let edits = edit_distance(a, b);
                if edits > 1 + (b.len() >= 9) as usize {
                    return None;
                }
                total += edits;
            }
            Some(total)
        };
        self.by_demonym
            .iter()
            .filter_map(|(d, &i)| Some((near(d)?, i)))
            .min() // the fewest edits, then the first country: the same on every run
            .map(|(_, i)| i)
    }

    pub fn by_capital(&self, name: &str) -> Option<usize> {
        self.by_capital.get(&key(name)).copied()
    }
}

/// How many leading characters two strings share.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for j in 0..b.len() {
            let up = row[j + 1];
            row[j + 1] = (diag + (ca != b[j]) as usize).min(row[j] + 1).min(up + 1);
            diag = up;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("volodymr", "volodymyr"), 1);
        assert_eq!(edit_distance("ukranian", "ukrainian"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn countries_by_variant_demonym_and_capital() {
        let kb = Countries::from_tsv("MP\tNorthern Mariana Islands\tMNP\tAmerican\tSaipan\nUS\tUnited States\tUSA|U.S.|America\tAmerican\tWashington\nUA\tUkraine\tUKR\tUkrainian\tKyiv\nIN\tIndia\tIN\tIndian\tNew Delhi\n");
        assert_eq!(
            kb.by_name("the U.S.").map(|i| kb.list[i].iso.as_str()),
            Some("US")
        );
        assert_eq!(
            kb.by_name("America").map(|i| kb.list[i].iso.as_str()),
            Some("US")
        );
        assert_eq!(
            kb.by_misspelt_demonym("Ukranian")
                .map(|i| kb.list[i].iso.as_str()),
            Some("UA")
        );
        let kb_sy = Countries::from_tsv("SY\tSyria\tSYR\tSyrian\tDamascus\n");
        assert_eq!(
            kb_sy.by_misspelt_demonym("Assyrians"),
            None,
            "another people"
        );
        assert_eq!(kb_sy.by_misspelt_demonym("Syrrian"), Some(0));
        assert_eq!(kb_sy.by_demonym("Syrians"), Some(0), "a regular plural");
        assert_eq!(kb_sy.by_misspelt_demonym("Syrrians"), None, "too far");
        let kb_cf =
            Countries::from_tsv("CF\tCentral African Republic\tCAF\tCentral African\tBangui\n");
        assert_eq!(
            kb_cf.by_misspelt_demonym("Central American"),
            None,
            "another region's people, not a misspelling"
        );
        assert_eq!(kb_cf.by_misspelt_demonym("Central Afrcan"), Some(0));
        assert_eq!(
            kb.by_capital("Kyiv").map(|i| kb.list[i].iso.as_str()),
            Some("UA")
        );
        assert_eq!(kb.by_name("in"), None, "two-letter codes are not names");
        assert_eq!(
            kb.by_demonym("American").map(|i| kb.list[i].iso.as_str()),
            Some("US"),
            "the demonym goes to the country it is formed from"
        );
    }
}
