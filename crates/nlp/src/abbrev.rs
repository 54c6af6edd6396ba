//! Abbreviations that keep their final period.

/// Whether `word` (including its final '.') is an abbreviation.
pub fn is_abbreviation(word: &str) -> bool {
    debug_assert!(word.ends_with('.'));
    let stem = &word[..word.len() - 1];
    if stem.is_empty() {
        return false;
    }
    // Initials and dotted acronyms: "J.", "U.S.", "a.m.", "D.C.", "e.g."
    if is_dotted_initials(stem) {
        return true;
    }
    ABBREVIATIONS.binary_search(&stem).is_ok()
}

/// Abbreviations that often end a sentence ("... based in the U.S. The
/// company ..."), as opposed to titles that always precede a name.
pub fn can_end_sentence(word: &str) -> bool {
    let stem = word.strip_suffix('.').unwrap_or(word);
    if is_dotted_initials(stem) {
        // "U.S." and "a.m." end sentences; single initials ("J.") do not.
        return stem.contains('.');
    }
    SENTENCE_FINAL.binary_search(&stem).is_ok()
}

/// "J", "U.S", "a.m", "e.g": letters, each followed by a period, one letter per segment.
fn is_dotted_initials(stem: &str) -> bool {
    let mut expect_letter = true;
    let mut letters = 0;
    for c in stem.chars() {
        if expect_letter {
            if !c.is_alphabetic() {
                return false;
            }
            letters += 1;
            expect_letter = false;
        } else if c == '.' {
            expect_letter = true;
        } else {
            return false;
        }
    }
    // A lone lowercase letter ("a.") is rarely an initial: "Plan a." is rare
    // too, but a lone capital followed by a period is a name initial.
    letters > 1 || stem.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Sorted, without the final period.
static ABBREVIATIONS: &[&str] = &[
    "Adm", "Ala", "Apr", "Ariz", "Ark", "Assn", "Aug", "Ave", "Bancorp", "Bhd", "Blvd", "Brig",
    "Bros", "Calif", "Capt", "Cie", "Cmdr", "Co", "Col", "Colo", "Conn", "Corp", "Cos", "Cpl",
    "Dec", "Del", "Dept", "Dr", "Drs", "Esq", "Feb", "Fig", "Fla", "Fri", "Ft", "Ga", "Gen", "Gov",
    "Hon", "Ill", "Inc", "Ind", "Jan", "Jr", "Jul", "Jun", "Kan", "Kans", "Ky", "La", "Lt", "Ltd",
    "Maj", "Mar", "Mass", "Md", "Messrs", "Mich", "Minn", "Miss", "Mo", "Mon", "Mont", "Mr", "Mrs",
    "Ms", "Msgr", "Mt", "Neb", "Nev", "No", "Nos", "Nov", "Oct", "Okla", "Ont", "Ore", "Pa", "Ph",
    "Plc", "Prof", "Pte", "Pty", "Rep", "Reps", "Rev", "Sat", "Sen", "Sens", "Sep", "Sept", "Sgt",
    "Sr", "St", "Sun", "Supt", "Tenn", "Tex", "Thu", "Thur", "Thurs", "Tue", "Tues", "Va", "Vol",
    "Vt", "Wash", "Wed", "Wis", "Wyo", "al", "approx", "cf", "dept", "est", "etc", "ft", "inc",
    "jr", "lbs", "mr", "mrs", "ms", "no", "oz", "pp", "sq", "viz", "vol", "vs",
];

/// Sorted, without the final period: abbreviations that can close a sentence.
static SENTENCE_FINAL: &[&str] = &[
    "Bancorp", "Bhd", "Bros", "Co", "Corp", "Cos", "Inc", "Jr", "Ltd", "Plc", "Pte", "Pty", "Sr",
    "etc", "inc", "jr",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(SENTENCE_FINAL.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn recognises_abbreviations() {
        for w in ["U.S.", "Dr.", "Gen.", "Jan.", "J.", "a.m.", "e.g.", "etc."] {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["said.", "NATO.", "it.", "a."] {
            assert!(!is_abbreviation(w), "{w}");
        }
    }
}
