//! Names as keys: one spelling per name whatever the typography, titles
//! and middle initials. Shared by the pipeline (a document's entity keys)
//! and the store (one entity per real-world thing across documents).

/// Words before a person's name that are no part of it: honorifics,
/// offices and party labels ("Mr.", "President", "Sen.", "Democrat").
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "reverend",
    "fr",
    "father",
    "president",
    "vice",
    "president-elect",
    "vice-president",
    "sen",
    "senator",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "lt",
    "gen",
    "general",
    "lieutenant",
    "corporal",
    "bishop",
    "archbishop",
    "cardinal",
    "rabbi",
    "imam",
    "pastor",
    "col",
    "colonel",
    "maj",
    "capt",
    "captain",
    "sgt",
    "sergeant",
    "adm",
    "admiral",
    "cmdr",
    "secretary",
    "minister",
    "prime",
    "premier",
    "chancellor",
    "ambassador",
    "mayor",
    "judge",
    "justice",
    "attorney",
    "speaker",
    "chairman",
    "chairwoman",
    "director",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sheikh",
    "ayatollah",
    "first",
    "former",
    "candidate",
    "nominee",
    "democrat",
    "republican",
    "gop",
    "sec",
    "supt",
    "inspector",
    "det",
    "detective",
    "officer",
    "state",
    "defense",
    "defence",
    "foreign",
    "deputy",
    "acting",
    "chief",
    "leader",
    "ceo",
];

/// Honorifics and offices that, before a lone capitalised word, make it
/// a person's name ("President Obama", "Mr. Trump").
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "secretary",
    "minister",
    "chancellor",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "judge",
    "justice",
    "congressman",
    "congresswoman",
    "sir",
    "dame",
    "mayor",
    "ambassador",
];

/// Whether `word` is an honorific or an office before a name.
pub fn is_honorific(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && HONORIFICS.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}

/// Whether `word` is a title or an office ("Ambassador", "Gen.").
pub fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    TITLES.contains(&w.as_str())
}

/// How many leading words of a person's name are a title ("Secretary of
/// State Hillary Clinton" → 3). A name is never all title.
pub fn title_words(words: &[&str]) -> usize {
    let mut n = 0;
    while n + 1 < words.len() {
        let of_office = n > 0 && words[n] == "of" && is_title(words[n - 1]) && n + 2 < words.len();
        if !is_title(words[n]) && !of_office {
            break;
        }
        n += 1;
    }
    n
}

/// Typographic variants as plain characters: Unicode spaces become one
/// space (runs of them too), curly quotes and apostrophes straight ones,
/// Unicode hyphens a hyphen; invisible characters go.
pub fn plain_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        let c = match c {
            '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
            | '\t'
            | '\n'
            | '\r' => ' ',
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => continue,
            '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => '\'',
            '“' | '”' | '„' | '‟' | '″' => '"',
            '\u{2010}' | '\u{2011}' => '-',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out
}

/// Lowercase and plain, without a leading "the" or a possessive "'s".
pub fn normalized(s: &str) -> String {
    let s = plain_chars(s);
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(&s);
    let s = s.strip_suffix("'s").unwrap_or(s);
    s.to_lowercase()
}

/// The name part of an entity key: normalized, and a person's without
/// titles ("Mr. Trump" → "trump").
pub fn name_key(name: &str, person: bool) -> String {
    let n = normalized(name);
    if !person {
        return n;
    }
    let words: Vec<&str> = n.split(' ').collect();
    words[title_words(&words)..].join(" ")
}

/// A person's name without middle initials: "donald j. trump" → "donald trump".
pub fn without_initials(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let initial = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() <= 2
            && (w.chars().count() == 1 || w.contains('.'))
    };
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .filter(|&(k, w)| k == 0 || k == last || !initial(w))
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_spaces_and_quotes_leave_the_key() {
        assert_eq!(name_key("Mrs. Clinton", true), "clinton");
        assert_eq!(
            name_key("Secretary of State Hillary\u{a0}Clinton", true),
            "hillary clinton"
        );
        assert_eq!(name_key("President  Obama’s", true), "obama");
        assert_eq!(name_key("Sen.", true), "sen.", "a name is never all title");
        assert_eq!(name_key("The White House", false), "white house");
        assert_eq!(name_key("O’Rourke", true), "o'rourke");
    }

    #[test]
    fn middle_initials_go() {
        assert_eq!(without_initials("donald j. trump"), "donald trump");
        assert_eq!(without_initials("george h.w. bush"), "george bush");
        assert_eq!(without_initials("j. edgar hoover"), "j. edgar hoover");
    }
}
