//! Rule sentence splitter over tokens. A sentence ends at a terminator
//! ('.', '!', '?', an ellipsis, a sentence-final abbreviation such as "Inc.")
//! plus any closing quotes and brackets attached to it, when the next token
//! can start a sentence. Sentences never cross the given range (a block).

use dossier_core::Span;

use crate::abbrev::{can_end_sentence, is_abbreviation};

/// Splits the tokens `tokens[first..]` (all inside one block) into sentences,
/// appending `(span, token_start, token_end)` to `out`.
pub fn split_sentences(
    text: &str,
    tokens: &[Span],
    first: usize,
    out: &mut Vec<(Span, usize, usize)>,
) {
    let n = tokens.len();
    let mut sent_start = first;
    // Whether a straight double quote is open: the next one closes it.
    let mut quote_open = false;
    let mut i = first;
    if let Some(start) = lead_in_end(text, tokens, first) {
        out.push((
            Span::new(tokens[first].start, tokens[start - 1].end),
            first,
            start,
        ));
        sent_start = start;
        i = start;
    }
    while i < n {
        let tok = tokens[i].of(text);
        if tok == "\"" {
            quote_open = !quote_open;
        }
        let mut end = i + 1; // one past the sentence's last token if it ends here
        let ends = if is_terminator(tok) {
            true
        } else if tok.len() > 1 && tok.ends_with('.') && is_abbreviation(tok) {
            // "… in the U.S. The company …": only before a typical sentence opener.
            can_end_sentence(tok)
                && tokens
                    .get(i + 1)
                    .is_some_and(|t| is_sentence_opener(t.of(text)))
        } else {
            false
        };
        if ends {
            // Absorb further terminators and closing quotes/brackets that
            // touch, and a detached straight quote that closes an open one.
            while end < n {
                let t = tokens[end].of(text);
                let touching = tokens[end].start == tokens[end - 1].end;
                if touching && is_closer_or_terminator(t) && (t != "\"" || quote_open) {
                    if t == "\"" {
                        quote_open = false;
                    }
                    end += 1;
                } else if t == "\"" && quote_open {
                    quote_open = false;
                    end += 1;
                } else {
                    break;
                }
            }
            let quoted = end > i + 1;
            let boundary = match tokens.get(end) {
                None => true,
                Some(next) => can_start_sentence(next.of(text), tok, quoted),
            };
            if boundary {
                out.push((
                    Span::new(tokens[sent_start].start, tokens[end - 1].end),
                    sent_start,
                    end,
                ));
                sent_start = end;
            }
        }
        i = end;
    }
    if sent_start < n {
        out.push((
            Span::new(tokens[sent_start].start, tokens[n - 1].end),
            sent_start,
            n,
        ));
    }
}

/// Where the sentence proper starts after a lead-in at the start of a
/// block, which is its own sentence so that the parser never reads the two
/// as one clause:
/// - a run-in heading: "The Gap Goes On: It was under Mr. Ban's watch…";
/// - a dateline: "FLINT, Mich., Oct. 4 (UPI) — Former President…";
/// - a lead-in in capitals: "THE BORROWING Back when he wrote his book…",
///   "HE'S BEEN CALLED OUT BY FELLOW DOCTORS — He's been…".
///
/// A transcript's "PENCE: Well, …" and "Pat Caddell: …" stay whole: the
/// quote stage reads the speaker from them.
fn lead_in_end(text: &str, tokens: &[Span], first: usize) -> Option<usize> {
    let n = tokens.len();
    let word = |i: usize| tokens[i].of(text);
    let capitalized = |i: usize| i < n && word(i).chars().next().is_some_and(char::is_uppercase);
    let letters = |i: usize| word(i).chars().filter(|c| c.is_alphabetic()).count();
    let capitals = |i: usize| letters(i) >= 1 && !word(i).chars().any(char::is_lowercase);
    let small = |i: usize| {
        matches!(
            word(i),
            "of" | "the"
                | "and"
                | "a"
                | "an"
                | "in"
                | "on"
                | "for"
                | "to"
                | "at"
                | "by"
                | "with"
                | "&"
        )
    };
    let dash = |i: usize| matches!(word(i), "—" | "--" | "–");
    let window = n.min(first + 12);
    // Run-in heading: three or more words in Title Case (or "The …"), a colon.
    if let Some(colon) = (first..window.min(first + 9)).find(|&i| word(i) == ":") {
        let words = colon - first;
        let title = (first..colon).all(|i| capitalized(i) || small(i));
        if title && (words >= 3 || (words == 2 && word(first) == "The")) && capitalized(colon + 1) {
            return Some(colon + 1);
        }
    }
    if n <= first || !capitals(first) || letters(first) < 2 {
        return None;
    }
    // Dateline: a place in capitals, a comma or an agency in brackets, a dash.
    if matches!(tokens.get(first + 1).map(|t| t.of(text)), Some("," | "(")) {
        if let Some(d) = (first + 2..window).find(|&i| dash(i)) {
            if capitalized(d + 1) && !(first..d).any(|i| is_terminator(word(i))) {
                return Some(d + 1);
            }
        }
    }
    // A lead-in in capitals with a function word ("THE", "BY"), so that a
    // run of acronyms ("UN AIDS Director …") is not taken for one.
    let run = (first..window)
        .take_while(|&i| capitals(i) || matches!(word(i), "'" | "’" | "'S" | "’S"))
        .count();
    let has_function_word = (first..first + run).any(|i| {
        matches!(
            word(i),
            "THE"
                | "A"
                | "AN"
                | "OF"
                | "BY"
                | "TO"
                | "IN"
                | "ON"
                | "FOR"
                | "AND"
                | "IS"
                | "ARE"
                | "WAS"
                | "BEEN"
                | "HAS"
                | "HAVE"
        )
    });
    if run >= 2 && has_function_word {
        let after = first + run;
        if after < n && dash(after) && capitalized(after + 1) {
            return Some(after + 1);
        }
        if capitalized(after) && !capitals(after) {
            return Some(after);
        }
    }
    None
}

fn is_terminator(tok: &str) -> bool {
    matches!(tok, "." | "!" | "?" | "…" | "。" | "！" | "？")
        || (tok.len() >= 2 && tok.bytes().all(|b| matches!(b, b'.' | b'!' | b'?')))
}

fn is_closer_or_terminator(tok: &str) -> bool {
    is_terminator(tok) || matches!(tok, "\"" | "”" | "’" | "'" | ")" | "]" | "»" | "’’" | "''")
}

/// Whether `next` can open a sentence after the terminator `term`;
/// `quoted` when closing quotes or brackets followed the terminator.
fn can_start_sentence(next: &str, term: &str, quoted: bool) -> bool {
    let Some(c) = next.chars().next() else {
        return false;
    };
    if c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '-' | '—' | '•' | '*'
        )
    {
        return true;
    }
    if c.is_lowercase() {
        // A lone terminator (abbreviations keep their period, an ellipsis
        // is its own token) before a lowercase word still ends a sentence
        // in informal text; after a closing quote ("Why?" he asked) it
        // does not.
        return !quoted
            && term != "..."
            && term != "…"
            && (term == "." || term == "?" || term == "!");
    }
    // Caseless scripts (CJK...): any letter can start a sentence.
    c.is_alphabetic()
}

fn is_sentence_opener(tok: &str) -> bool {
    matches!(
        tok,
        "The"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "But"
            | "And"
            | "In"
            | "A"
            | "An"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "Our"
            | "There"
            | "As"
            | "At"
            | "On"
            | "For"
            | "If"
            | "When"
            | "While"
            | "After"
            | "Before"
            | "However"
            | "Meanwhile"
            | "Some"
            | "Many"
            | "Most"
            | "One"
            | "Two"
            | "Last"
            | "Now"
            | "Still"
            | "Yet"
            | "So"
            | "You"
            | "What"
            | "Why"
            | "How"
            | "Who"
            | "\""
            | "“"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn sents(text: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut toks);
        let mut out = Vec::new();
        split_sentences(text, &toks, 0, &mut out);
        out.iter().map(|(s, _, _)| s.of(text)).collect()
    }

    #[test]
    fn splits_with_quotes_and_abbreviations() {
        assert_eq!(
            sents("“Our allies are looking for U.S. leadership,” Biden said in an MSNBC interview Monday. “Who else? I expanded NATO.”"),
            ["“Our allies are looking for U.S. leadership,” Biden said in an MSNBC interview Monday.", "“Who else?", "I expanded NATO.”"]
        );
        assert_eq!(
            sents("Dr. Smith met Gen. Jones on Jan. 5. They talked."),
            ["Dr. Smith met Gen. Jones on Jan. 5.", "They talked."]
        );
        assert_eq!(
            sents("He works for Acme Inc. The firm grew."),
            ["He works for Acme Inc.", "The firm grew."]
        );
        assert_eq!(
            sents("It cost $1.5 million... nations agreed."),
            ["It cost $1.5 million... nations agreed."]
        );
        assert_eq!(
            sents("(It was late.) Then it ended"),
            ["(It was late.)", "Then it ended"]
        );
        assert_eq!(
            sents("where did you grow up? india? ok."),
            ["where did you grow up?", "india?", "ok."]
        );
        assert_eq!(sents("\"Why?\" he asked."), ["\"Why?\" he asked."]);
        assert_eq!(
            sents("\" I lost . \" He left . \" Yes . \""),
            ["\" I lost . \"", "He left .", "\" Yes . \""]
        );
    }

    #[test]
    fn lead_ins_are_sentences_of_their_own() {
        assert_eq!(
            sents("The Gap Goes On: It was under his watch."),
            ["The Gap Goes On:", "It was under his watch."]
        );
        assert_eq!(
            sents("The Latest: Trump urges supporters."),
            ["The Latest:", "Trump urges supporters."]
        );
        assert_eq!(
            sents("FLINT, Mich., Oct. 4 (UPI) — Former President Bill Clinton spoke."),
            [
                "FLINT, Mich., Oct. 4 (UPI) —",
                "Former President Bill Clinton spoke."
            ]
        );
        assert_eq!(
            sents("WASHINGTON (AP) — The Senate voted."),
            ["WASHINGTON (AP) —", "The Senate voted."]
        );
        assert_eq!(
            sents("THE BORROWING Back when he wrote his book, he said no."),
            ["THE BORROWING", "Back when he wrote his book, he said no."]
        );
        assert_eq!(
            sents("HE’S BEEN CALLED OUT BY FELLOW DOCTORS — He’s been dragged."),
            [
                "HE’S BEEN CALLED OUT BY FELLOW DOCTORS —",
                "He’s been dragged."
            ]
        );
        // Not lead-ins: a transcript's speaker, acronyms, a name with a colon.
        assert_eq!(sents("PENCE: Well, look."), ["PENCE: Well, look."]);
        assert_eq!(
            sents("Pat Caddell: Voters are worried."),
            ["Pat Caddell: Voters are worried."]
        );
        assert_eq!(
            sents("UN AIDS Director Michel Sidibe said so."),
            ["UN AIDS Director Michel Sidibe said so."]
        );
        assert_eq!(
            sents("NATO — The alliance grew."),
            ["NATO — The alliance grew."]
        );
    }
}
