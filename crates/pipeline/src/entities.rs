//! Names: the NER over each document's sentences, OntoNotes types from the
//! CoNLL types plus the gazetteer, named equipment, a guard against
//! Title-Case headlines, and a first grouping of mentions into entities.

use dossier_core::names::{self, normalized, title_words};
use dossier_core::{
    Document, Entity, EntityId, EntityType, IdVec, Mention, MentionId, MentionKind, Renumber, Span,
};
use dossier_extract::given_names;
use dossier_nlp::clusters;
use dossier_nlp::gazetteer::{self, Gazetteer};
use dossier_nlp::lexical::Lex;
use dossier_nlp::ner::{NerScratch, PreparedDoc};

use crate::models::Names;

/// `lexes` holds the lexical features of every token of `doc`.
pub fn recognise(doc: &mut Document, names: &Names, lexes: &[Lex], scratch: &mut NerScratch) {
    let text = doc.text();
    let tokens = &doc.tokens;
    let sentences = &doc.sentences;
    debug_assert_eq!(lexes.len(), tokens.len());
    let words = |a: usize, b: usize| tokens[a..b].iter().map(move |t| t.span.of(text));
    let prepared = PreparedDoc::from_lexes(
        sentences.iter().map(|s| &lexes[s.tokens.0..s.tokens.1]),
        Some(&names.gazetteer),
    );
    let mut spans = Vec::new();
    names.ner.recognise_doc(&prepared, &mut spans, scratch);
    // Every name as the model found it, to know what a title word hides.
    let mut named: std::collections::HashMap<Vec<&str>, usize> = Default::default();
    for (s, sp) in sentences.iter().zip(&spans) {
        for &(x, y, t) in sp {
            let ws = words(s.tokens.0 + x, s.tokens.0 + y).collect();
            named.entry(ws).or_insert(t);
        }
    }
    let person = names.ner.types().iter().position(|&t| t == "PER");
    for (s, sp) in sentences.iter().zip(spans.iter_mut()) {
        let (a, b) = s.tokens;
        let words = |x: usize, y: usize| words(a + x, a + y).collect();
        trim_title_words(names, &lexes[a..b], words, &named, sp);
        join_split_orgs(names, |i| tokens[a + i].span.of(text), sp);
        join_long_forms(|i| tokens[a + i].span.of(text), b - a, person, sp);
    }
    // The last words of the document's people ("Obama" of "Barack Obama").
    let surnames: std::collections::HashSet<&str> = sentences
        .iter()
        .zip(&spans)
        .flat_map(|(s, sp)| {
            sp.iter()
                .filter(|&&(x, y, t)| names.ner.types()[t] == "PER" && y - x >= 2)
                .map(move |&(_, y, _)| tokens[s.tokens.0 + y - 1].span.of(text))
        })
        .collect();
    // The words the document writes in lower case ("other", "even"): no
    // given names where it capitalises them.
    let lower_words: std::collections::HashSet<&str> = tokens
        .iter()
        .map(|t| t.span.of(text))
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect();
    let mut found: Vec<Found> = Vec::new();
    for (s, sp) in sentences.iter().zip(&spans) {
        let known = (&surnames, &lower_words);
        sentence_names(doc, names, (s, sp), known, &mut found);
    }
    people_named_again(doc, &mut found);
    people_typed_otherwise(doc, &names.gazetteer, &mut found);
    people_after_honorifics(doc, names, &lower_words, &mut found);
    split_seat_owners(doc, &names.gazetteer, &mut found);
    // Title-Case headlines capitalise everything: keep a name found there
    // only if the body or the gazetteer knows it.
    let key = |a: usize, b: usize| {
        normalized(
            &tokens[a..b]
                .iter()
                .map(|t| t.span.of(text))
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    let body: std::collections::HashSet<String> = found
        .iter()
        .filter(|f| !f.3)
        .map(|f| key(f.0, f.1))
        .collect();
    found.retain(|f| {
        !f.3 || body.contains(&key(f.0, f.1)) || {
            let ws: Vec<&str> = words(f.0, f.1).collect();
            names.gazetteer.lookup(&ws) != 0
        }
    });
    found.sort_by_key(|f| (f.0, std::cmp::Reverse(f.1)));
    let mut mentions: Vec<Mention> = Vec::new();
    let mut last_end = 0;
    for (a, b, ty, _) in found {
        if a < last_end && !mentions.is_empty() {
            continue; // overlaps the previous mention
        }
        last_end = b;
        let span = Span::new(tokens[a].span.start, tokens[b - 1].span.end);
        // "Washington DC": two places with only a space between are one.
        if let Some(prev) = mentions.last_mut().filter(|p| {
            p.ty == EntityType::Gpe && ty == EntityType::Gpe && &text[p.span.end..span.start] == " "
        }) {
            prev.span.end = span.end;
            continue;
        }
        mentions.push(Mention {
            span,
            ty,
            kind: MentionKind::Name,
            entity: None,
        });
    }
    hyphen_places(&mut mentions, text, tokens, &names.gazetteer);
    credits(&mut mentions, text, tokens, &names.gazetteer);
    let entities = group(&mut mentions, text);
    doc.mentions = mentions;
    doc.entities = entities;
}

/// A known name with title words next to it ("NATO Summit", "US Presidency",
/// "Barack Obama Election Day", where CoNLL-2003 would write "summit",
/// "presidency", "election") loses the words from the first title word on
/// (or up to the last, before the name), if the gazetteer or another name of
/// the document (`named`, with its type, which it then takes) knows what is
/// left, and the gazetteer does not know the whole ("North Atlantic Treaty
/// Organization") nor is it a facility.
fn trim_title_words<'t>(
    names: &Names,
    lexes: &[Lex],
    words: impl Fn(usize, usize) -> Vec<&'t str>,
    named: &std::collections::HashMap<Vec<&'t str>, usize>,
    spans: &mut [(usize, usize, usize)],
) {
    // What is left must be known, so a word that also occurs in names
    // ("Election", "Day") may go too.
    let title = |i: usize| names.ner.is_common_word(lexes, i);
    let known = |a: usize, b: usize| {
        let ws = words(a, b);
        names.gazetteer.lookup(&ws) != 0 || named.contains_key(&ws)
    };
    for (x, y, t) in spans.iter_mut() {
        let whole = words(*x, *y);
        if *y - *x < 2
            || names.gazetteer.lookup(&whole) != 0
            || is_facility_head(whole[whole.len() - 1])
        {
            continue;
        }
        if let Some(b) = (*x + 1..*y).find(|&b| title(b) && known(*x, b)) {
            *y = b;
        } else if let Some(a) = (*x + 1..*y).rev().find(|&a| title(a - 1) && known(a, *y)) {
            *x = a;
        } else {
            continue;
        }
        if let Some(&named_as) = named.get(&words(*x, *y)) {
            *t = named_as;
        }
    }
}

/// "the Obama White House" as one name: a person's name before a seat of
/// government is two names, the person and the seat (OntoNotes: "Obama"
/// PERSON, "White House" ORG), when the words before the seat end a
/// person's name of two words or more in the document or the gazetteer
/// knows them as a person's.
fn split_seat_owners(doc: &Document, gazetteer: &Gazetteer, found: &mut Vec<Found>) {
    let text = doc.text();
    let word = |i: usize| doc.tokens[i].span.of(text);
    let surnames: std::collections::HashSet<&str> = found
        .iter()
        .filter(|f| f.2 == EntityType::Person && f.1 - f.0 >= 2)
        .map(|f| word(f.1 - 1))
        .collect();
    let mut seats = Vec::new();
    for f in found.iter_mut().filter(|f| f.2 != EntityType::Person) {
        let ws: Vec<&str> = (f.0..f.1).map(word).collect();
        let Some(k) = (1..ws.len()).find(|&k| is_seat_of_government(&ws[k..])) else {
            continue;
        };
        let owner = &ws[..k];
        if surnames.contains(owner[k - 1]) || gazetteer.lookup(owner) & gazetteer::PERSON != 0 {
            seats.push((f.0 + k, f.1, EntityType::Org, f.3));
            *f = (f.0, f.0 + k, EntityType::Person, f.3);
        }
    }
    found.extend(seats);
}

/// A word that ends a person's name somewhere in the document is that
/// person's wherever else the model left it unnamed: capitalised, not a
/// sentence's first word, between words that start no name (but for an
/// honorific before it: "Mr. Trump"). The model reads each occurrence with
/// less evidence than the document holds; its second stage lost six of
/// seven "Trump" in one PolNeAR dev article at width 3. In CoNLL-2003 train,
/// a word so placed that ends a gold person's name of its document (no
/// demonym) is gold PER 1,329 times and something else 7 times.
fn people_named_again(doc: &Document, found: &mut Vec<Found>) {
    let text = doc.text();
    let word = |i: usize| doc.tokens[i].span.of(text);
    let people: std::collections::HashSet<&str> = found
        .iter()
        .filter(|f| f.2 == EntityType::Person)
        .map(|f| word(f.1 - 1))
        .filter(|w| !is_demonym_like(w))
        .collect();
    let starts_name = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let named: std::collections::HashSet<usize> = found.iter().flat_map(|f| f.0..f.1).collect();
    for s in &doc.sentences {
        let (a, b) = s.tokens;
        let heading = doc.blocks[s.block].kind == dossier_core::BlockKind::Heading
            || is_title_case((a..b).map(word));
        for i in a + 1..b {
            let (w, prev) = (word(i), word(i - 1));
            if people.contains(w)
                && w.len() > 1
                && is_title_case_word(w)
                && !named.contains(&i)
                && (!starts_name(prev) || names::is_honorific(prev))
                && !(i + 1 < b && starts_name(word(i + 1)))
            {
                found.push((i, i + 1, EntityType::Person, heading));
            }
        }
    }
}

/// A capitalised word right after an honorific or an office ("Mr. Trump",
/// "Sen. Cruz", "President Obama") where the model found no name is a
/// person's: the honorific in no name ("Larry King Now") and after no
/// "the" nor a capitalised word but a one-word place or group ("the
/// Justice Center", "United States Justice Department"; "US President
/// Trump" stays), not in a headline; the word not a title itself, not followed by
/// another capitalised word ("Mr. Big Shot"), not written in lower case
/// elsewhere in the document, no demonym, not named otherwise elsewhere in
/// the document ("Prime Minister Kashmir problem" beside "the Kashmir
/// issue"), and not a place, an organisation or a group the gazetteer knows
/// (unless it knows a person so named too).
fn people_after_honorifics(
    doc: &Document,
    names: &Names,
    lower_words: &std::collections::HashSet<&str>,
    found: &mut Vec<Found>,
) {
    let text = doc.text();
    let word = |i: usize| doc.tokens[i].span.of(text);
    let named: std::collections::HashMap<usize, EntityType> = found
        .iter()
        .flat_map(|f| (f.0..f.1).map(|i| (i, f.2)))
        .collect();
    let other_names: std::collections::HashSet<&str> = found
        .iter()
        .filter(|f| f.2 != EntityType::Person && f.1 - f.0 == 1)
        .map(|f| word(f.0))
        .collect();
    // The word before the honorific: none, lower case but "the", or a
    // one-word place or group ("US President", not "United States Justice").
    let one_word_places: std::collections::HashSet<usize> = found
        .iter()
        .filter(|f| f.1 - f.0 == 1 && matches!(f.2, EntityType::Gpe | EntityType::Norp))
        .map(|f| f.0)
        .collect();
    let opens = |h: usize, a: usize| {
        h == a || {
            let w = word(h - 1);
            if named.contains_key(&(h - 1)) {
                one_word_places.contains(&(h - 1))
            } else {
                !w.starts_with(char::is_uppercase) && !w.eq_ignore_ascii_case("the")
            }
        }
    };
    for s in &doc.sentences {
        let (a, b) = s.tokens;
        if doc.blocks[s.block].kind == dossier_core::BlockKind::Heading
            || is_title_case((a..b).map(word))
        {
            continue;
        }
        for i in a + 1..b {
            let w = word(i);
            let bits = names.gazetteer.lookup(&[w]);
            if names::is_honorific(word(i - 1))
                && opens(i - 1, a)
                && !named.contains_key(&i)
                && !named.contains_key(&(i - 1))
                && !other_names.contains(w)
                && w.chars().count() > 1
                && is_title_case_word(w)
                && !names::is_title(w)
                && !is_demonym_like(w)
                && !lower_words.contains(w.to_lowercase().as_str())
                && may_name_a_person(bits)
                && !(i + 1 < b && is_title_case_word(word(i + 1)))
            {
                found.push((i, i + 1, EntityType::Person, false));
            }
        }
    }
}

/// A name of another type that names a person of the document is that
/// person's: the whole of a person's name ("Shiraz Maher" an ORG once), or
/// one capitalised word that ends one ("the Trudeau government",
/// "Erdogan" beside "Recep Tayyip Erdoğan", letters with accents or
/// without) or that an honorific made a person's ("President Obama"),
/// unless the gazetteer knows it as a place, an organisation or a group
/// and no person so named, or it reads as a demonym. The model types each
/// occurrence alone; the document's other occurrences say more.
fn people_typed_otherwise(doc: &Document, gazetteer: &Gazetteer, found: &mut [Found]) {
    let text = doc.text();
    let words = |f: &Found| -> Vec<&str> {
        doc.tokens[f.0..f.1]
            .iter()
            .map(|t| t.span.of(text))
            .collect()
    };
    let after_honorific =
        |f: &Found| f.0 > 0 && names::is_honorific(doc.tokens[f.0 - 1].span.of(text));
    let people: Vec<Vec<&str>> = found
        .iter()
        .filter(|f| f.2 == EntityType::Person && (f.1 - f.0 >= 2 || after_honorific(f)))
        .map(words)
        .collect();
    let same = |a: &[&str], b: &[&str]| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_but_accents(x, y))
    };
    for f in found.iter_mut() {
        if !matches!(f.2, EntityType::Org | EntityType::Gpe | EntityType::Norp) {
            continue;
        }
        let ws = words(f);
        let names_one = people
            .iter()
            .any(|p| same(p, &ws) || (ws.len() == 1 && same(&p[p.len() - 1..], &ws)));
        let bits = gazetteer.lookup(&ws);
        if names_one
            && ws.iter().all(|w| is_title_case_word(w) || w.contains('-'))
            && may_name_a_person(bits)
            && !(ws.len() == 1 && is_demonym_like(ws[0]) && bits == 0)
        {
            f.2 = EntityType::Person;
        }
    }
}

/// The same word but for letters with accents or without ("Erdoğan",
/// "Erdogan"): every other letter equal.
fn same_but_accents(a: &str, b: &str) -> bool {
    a.chars().count() == b.chars().count()
        && a.chars().zip(b.chars()).all(|(x, y)| {
            x == y || (!x.is_ascii() || !y.is_ascii()) && x.is_alphabetic() && y.is_alphabetic()
        })
}

/// Two organizations with only capitalised words between them are one
/// ("Urban-Brookings Tax Policy Center", read as "Urban-Brookings" and
/// "Policy Center"). In CoNLL-2003 train, two gold ORG names so apart occur
/// once in 14,000 sentences.
fn join_split_orgs<'t>(
    names: &Names,
    word: impl Fn(usize) -> &'t str,
    spans: &mut Vec<(usize, usize, usize)>,
) {
    let Some(org) = names.ner.types().iter().position(|&t| t == "ORG") else {
        return;
    };
    let mut k = 1;
    while k < spans.len() {
        let ((_, y, t0), (x, y1, t1)) = (spans[k - 1], spans[k]);
        if t0 == org && t1 == org && x > y && (y..x).all(|i| is_title_case_word(word(i))) {
            spans[k - 1].1 = y1;
            spans.remove(k);
        } else {
            k += 1;
        }
    }
}

/// A name defined by its abbreviation, "Syrian Democratic Forces (SDF)", is
/// one name of the abbreviation's type, however the model cut or typed its
/// words (it read "Syrian" as a nationality and "Democratic Forces" as a
/// person). The long form is the shortest run of capitalised words before the
/// parenthesis whose initials spell the abbreviation (lower-case function
/// words inside are skipped), as in Schwartz & Hearst's (2003) definitions.
/// Only a long form the model saw a name in, with the abbreviation named
/// other than a person (the model's type `person`), is rewritten.
fn join_long_forms<'t>(
    word: impl Fn(usize) -> &'t str,
    n: usize,
    person: Option<usize>,
    spans: &mut Vec<(usize, usize, usize)>,
) {
    for open in 1..n.saturating_sub(2) {
        let short = word(open + 1);
        if word(open) != "(" || word(open + 2) != ")" || !crate::resolve::is_acronym(short) {
            continue;
        }
        let Some(&(_, _, ty)) = spans.iter().find(|s| (s.0, s.1) == (open + 1, open + 2)) else {
            continue;
        };
        let Some(start) = long_form_start(&word, open, short) else {
            continue;
        };
        let inside = |s: &(usize, usize, usize)| s.0 < open && s.1 > start;
        let cut = spans.iter().filter(|s| inside(s)).count();
        let whole = spans.iter().any(|s| (s.0, s.1) == (start, open));
        if Some(ty) == person || cut == 0 || (cut == 1 && whole) {
            continue;
        }
        let at = spans.iter().position(inside).unwrap_or(0);
        spans.retain(|s| !inside(s));
        spans.insert(at, (start, open, ty));
    }
}

/// Where the long form of `short` ends before token `end` begins: each
/// capitalised word gives the next letter from the right, function words in
/// lower case are passed over, anything else ends the search.
fn long_form_start<'t>(word: impl Fn(usize) -> &'t str, end: usize, short: &str) -> Option<usize> {
    const FUNCTION_WORDS: &[&str] = &["of", "for", "the", "and", "on", "in", "de", "&"];
    let mut letters = short.bytes().rev().peekable();
    let mut i = end;
    while i > 0 {
        i -= 1;
        let w = word(i);
        match w.bytes().next() {
            Some(c) if c.is_ascii_uppercase() => {
                if letters.next() != Some(c) {
                    return None;
                }
                if letters.peek().is_none() {
                    return Some(i);
                }
            }
            _ if FUNCTION_WORDS.contains(&w) => {}
            _ => return None,
        }
    }
    None
}

/// A capital, then only lower-case letters: "Trump", "Policy", not "DNC".
fn is_title_case_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

/// A name found: token start, token end, type, and whether it is in a heading.
type Found = (usize, usize, EntityType, bool);

/// The names of one sentence from the model's spans `sp` (sentence token
/// indices), typed the OntoNotes way, and its equipment; appended to `found`.
fn sentence_names(
    doc: &Document,
    names: &Names,
    (s, sp): (&dossier_core::Sentence, &[(usize, usize, usize)]),
    (surnames, lower_words): (
        &std::collections::HashSet<&str>,
        &std::collections::HashSet<&str>,
    ),
    found: &mut Vec<Found>,
) {
    let text = doc.text();
    let tokens = &doc.tokens;
    let words = |a: usize, b: usize| tokens[a..b].iter().map(move |t| t.span.of(text));
    let heading = doc.blocks[s.block].kind == dossier_core::BlockKind::Heading
        || is_title_case(words(s.tokens.0, s.tokens.1));
    let a = s.tokens.0;
    let mut products = product_matches(&names.gazetteer, text, &tokens[a..s.tokens.1]);
    // A person's name of two words or more wins over equipment inside
    // it ("Michael Hawk Smith"): a person is never a product. Equipment
    // named in full ("IRIS T-SLM") is no person.
    let person = |&(x, y, t): &(usize, usize, usize)| names.ner.types()[t] == "PER" && y - x >= 2;
    products.retain(|&(px, py)| {
        !sp.iter()
            .filter(|span| person(span))
            .any(|&(x, y, _)| px < y && x < py && y - x > py - px)
    });
    let word = |i: usize| tokens[a + i].span.of(text);
    let given = |i: usize| {
        let at = (placed_to_open(word, i, s.tokens.1 - a), heading);
        is_given_name_at(word(i), names, at, lower_words)
    };
    for &(x, y, t) in sp {
        // A name neither starts nor ends with a lowercase word ("AP
        // inputs"), a possessive or a quotation mark.
        let lower = |i: usize| {
            let w = tokens[a + i].span.of(text);
            !is_particle_name(w)
                && w.chars()
                    .next()
                    .is_none_or(|c| c.is_lowercase() || !c.is_alphanumeric())
        };
        let (mut x, mut y) = (x, y);
        while x < y && lower(x) {
            x += 1;
        }
        if names.ner.types()[t] == "PER" {
            x = given_names_before(x, free_from(sp, x), word, given);
            // "Labib al-Nahhas": the model stops before the particle.
            while a + y < s.tokens.1
                && is_particle_name(word(y))
                && sp.iter().all(|&(sx, _, _)| sx != y)
            {
                y += 1;
            }
        }
        while y > x && lower(y - 1) {
            y -= 1;
        }
        if x == y || products.iter().any(|&(px, py)| px < y && x < py) {
            continue; // the equipment match below wins
        }
        // "Heathrow" + "Airport": a facility word right after the name joins it.
        if a + y < s.tokens.1
            && is_facility_head(tokens[a + y].span.of(text))
            && sp.iter().all(|&(sx, _, _)| sx != y)
        {
            y += 1;
        }
        if a + y < s.tokens.1
            && sp.iter().all(|&(sx, _, _)| sx != y)
            && abbreviation_completes_place(&words(a + x, a + y + 1).collect::<Vec<_>>(), names)
        {
            y += 1;
        }
        let ws: Vec<&str> = words(a + x, a + y).collect();
        if let Some(start) = given_name_opens(names, (x, y, t), sp, &ws, (&word, &given)) {
            found.push((a + start, a + y, EntityType::Person, heading));
            continue;
        }
        if names.ner.types()[t] != "PER" {
            if let Some(k) = title_before_person(&ws, &names.gazetteer) {
                found.push((a + x, a + x + k, EntityType::Org, heading));
                found.push((a + x + k, a + y, EntityType::Person, heading));
                continue;
            }
        }
        // "President Obama" as one name of another type: a title and a word
        // that ends a person's name elsewhere in the document or that the
        // gazetteer knows as a person's.
        let titles = title_words(&ws);
        if names.ner.types()[t] != "PER"
            && titles > 0
            && ws.len() == titles + 1
            && (surnames.contains(ws[titles])
                || names.gazetteer.lookup(&ws[titles..]) & gazetteer::PERSON != 0)
        {
            found.push((a + x + titles, a + y, EntityType::Person, heading));
            continue;
        }
        let around = |i: Option<usize>| {
            i.filter(|&i| i >= a && i < s.tokens.1)
                .map(|i| tokens[i].span.of(text))
        };
        let context = (around((a + x).checked_sub(1)), around(Some(a + y)));
        if let Some(ty) = onto_type(names.ner.types()[t], &ws, context, names) {
            // A title is no part of a person's name ("Mrs. Clinton").
            let x = if ty == EntityType::Person {
                x + title_words(&ws)
            } else {
                x
            };
            found.push((a + x, a + y, ty, heading));
        }
    }
    for (px, py) in products {
        found.push((a + px, a + py, EntityType::Product, heading));
    }
}

/// A name's lower-case particle joined to a capitalised word by a hyphen or
/// an apostrophe ("al-Nahhas", "el-Sisi", "d'Estaing"): part of a name,
/// though it starts in lower case.
fn is_particle_name(w: &str) -> bool {
    let Some(at) = w.find(['-', '\'', '’']) else {
        return false;
    };
    let (particle, rest) = (&w[..at], &w[at..]);
    let mut after = rest.chars().skip(1);
    (1..=3).contains(&particle.chars().count())
        && particle.chars().all(char::is_lowercase)
        && after.next().is_some_and(char::is_uppercase)
        && after.clone().count() >= 2
        && after.all(char::is_alphabetic)
}

/// An organisation the gazetteer knows, run on into the person's name after
/// it ("[US ambassador to the] United Nations Nikki Haley" as one name):
/// where the person's name starts, at a given name (`first-names.tsv`, the
/// speakers' list from US birth records) followed by one or two capitalised
/// words, where the gazetteer knows neither the whole nor the person's part
/// as a place or an organisation.
fn title_before_person(ws: &[&str], gazetteer: &Gazetteer) -> Option<usize> {
    let place_or_org = gazetteer::GPE | gazetteer::LOC | gazetteer::ORG;
    if gazetteer.lookup(ws) != 0 {
        return None;
    }
    (1..ws.len().saturating_sub(1)).find(|&k| {
        let (before, person) = ws.split_at(k);
        gazetteer.lookup(before) == gazetteer::ORG
            && (2..=3).contains(&person.len())
            && person.iter().all(|w| is_title_case_word(w))
            && given_names::is_given_name(person[0])
            && gazetteer.lookup(person) & place_or_org == 0
    })
}

/// Where the words before token `x` are free of names: the end of the last
/// name span `sp` holds before `x` (0 when none), so that a given name is
/// never taken from another name.
fn free_from(sp: &[(usize, usize, usize)], x: usize) -> usize {
    sp.iter()
        .map(|&(_, e, _)| e)
        .filter(|&e| e <= x)
        .max()
        .unwrap_or(0)
}

/// Where a person's name starts when the given names and initials right
/// before it, from `from` on, are taken in ("Steven M. Rosenthal" read as
/// "M. Rosenthal", "John F. Kennedy" as "Kennedy"): up to the first word
/// of the run that opens names (`given`, by sentence index: see
/// [`is_given_name_at`]). In CoNLL-2003 train, a capitalised known given
/// name right before a person's name and outside any name is a title every
/// time (8 of 8, all excluded there).
fn given_names_before<'t>(
    x: usize,
    from: usize,
    word: impl Fn(usize) -> &'t str,
    given: impl Fn(usize) -> bool,
) -> usize {
    // A name led by its holder's title ("Sgt Johnathan Dunbar") has no
    // given name before it ("Master Sgt", "Supreme Court Justice").
    if names::is_title(word(x)) {
        return x;
    }
    let (mut start, mut i) = (x, x);
    while i > from {
        let w = word(i - 1);
        if given(i - 1) {
            start = i - 1;
        } else if !is_initials(w) {
            break;
        }
        i -= 1;
    }
    start
}

/// Whether word `i` of a sentence of `n` words stands where a given name
/// may open a name: after a word, or first in its sentence (after
/// punctuation only) only before a middle initial ("Sonya A. Zoghlin"),
/// as "(Read Reuters" and "Major Dostum" do not.
fn placed_to_open<'t>(word: impl Fn(usize) -> &'t str, i: usize, n: usize) -> bool {
    let first = (0..i).all(|k| !word(k).starts_with(char::is_alphanumeric));
    !first || (i + 1 < n && is_dotted_initial(word(i + 1)))
}

/// One capital and a dot: "A." of "Sonya A. Zoghlin".
fn is_dotted_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_uppercase())
}

/// Initials between a given name and a surname: "M.", "W", "H.W.", "HW"
/// (one or two capitals, dots or none); not the words "A" and "I".
fn is_initials(w: &str) -> bool {
    let letters = w.chars().filter(|&c| c != '.').count();
    (1..=2).contains(&letters)
        && w.chars().all(|c| c.is_uppercase() || c == '.')
        && !matches!(w, "A" | "I")
}

/// Whether word `w` can open a person's name before a surname: `placed`
/// not first in its sentence ("Said Ellis:") or first only before a
/// middle initial; a capitalised given name, no title ("Ambassador"), of
/// the gazetteer's people or of `first-names.tsv` (US birth records, a list with "Other" and
/// "West" in it), from the latter only one that is no month or weekday
/// ("May"), not in a headline (where every word is capitalised), not
/// written in lower case elsewhere in the document (`lower_words`: "Even",
/// "Said") and no word of a place's, an organisation's or a group's name
/// in the gazetteer ("Georgia", "West", "Special", "Court").
fn is_given_name_at(
    w: &str,
    names: &Names,
    (placed, heading): (bool, bool),
    lower_words: &std::collections::HashSet<&str>,
) -> bool {
    let gazetteer = &names.gazetteer;
    is_title_case_word(w)
        && !names::is_title(w)
        && !names::is_honorific(w)
        && placed
        && (gazetteer.is_first_name(w)
            || given_names::is_given_name_not_date(w)
                && !heading
                && !lower_words.contains(w.to_lowercase().as_str())
                && !gazetteer.in_other_names(w))
}

/// Where a person's name starts when the model typed its surname alone as
/// a place or an organisation, or as a person, and the given name (and
/// initials) before it are outside every name: "Jeb Bush" read as a place
/// "Bush", "George W Bush" as "Bush". `None` when no given name opens it,
/// or the surname is a demonym, or the gazetteer knows the whole as a place
/// or an organisation. `given` tells whether a sentence word opens names.
fn given_name_opens<'t>(
    names: &Names,
    (x, y, t): (usize, usize, usize),
    sp: &[(usize, usize, usize)],
    ws: &[&str],
    (word, given): (&impl Fn(usize) -> &'t str, &impl Fn(usize) -> bool),
) -> Option<usize> {
    if names.ner.types()[t] == "PER"
        || ws.len() != 1
        || !is_title_case_word(ws[0])
        || is_demonym_like(ws[0])
    {
        return None;
    }
    let start = given_names_before(x, free_from(sp, x), word, given);
    let whole: Vec<&str> = (start..y).map(word).collect();
    let place_or_org = gazetteer::GPE | gazetteer::LOC | gazetteer::ORG;
    (start < x && names.gazetteer.lookup(&whole) & place_or_org == 0).then_some(start)
}

/// A headline set as a sentence ("Rush Limbaugh: Hillary Asking Moderator To
/// Fact Check Trump"): five capitalised words of four letters or more, and
/// no word in lower case but the short ones headlines keep so ("of", "the").
fn is_title_case<'w>(words: impl Iterator<Item = &'w str>) -> bool {
    const MINOR: [&str; 16] = [
        "a", "an", "the", "and", "but", "or", "nor", "for", "of", "in", "on", "at", "to", "by",
        "as", "vs",
    ];
    let mut long = 0;
    for w in words {
        let Some(first) = w.chars().find(|c| c.is_alphabetic()) else {
            continue;
        };
        if first.is_lowercase() && !MINOR.contains(&w) {
            return false;
        }
        long += usize::from(
            first.is_uppercase() && w.chars().filter(|c| c.is_alphabetic()).count() >= 4,
        );
    }
    long >= 5
}

/// Whether the last of `ws`, an abbreviation in capitals, completes the place
/// before it into one the gazetteer knows, written with or without its
/// periods ("Washington DC" as "Washington D.C.").
fn abbreviation_completes_place(ws: &[&str], names: &Names) -> bool {
    let Some((last, place)) = ws.split_last() else {
        return false;
    };
    let letters = last.chars().filter(|c| *c != '.').count();
    if place.is_empty()
        || !(2..=3).contains(&letters)
        || !last.chars().all(|c| c.is_ascii_uppercase() || c == '.')
    {
        return false;
    }
    let dotted: String = last
        .chars()
        .filter(|c| *c != '.')
        .flat_map(|c| [c, '.'])
        .collect();
    [*last, dotted.as_str()].iter().any(|form| {
        let mut whole = place.to_vec();
        whole.push(form);
        names.gazetteer.lookup(&whole) & (gazetteer::GPE | gazetteer::LOC) != 0
    })
}

/// Agency credits in parentheses: "(AP)", "(AFP)": capitals the gazetteer
/// knows as an organization, between brackets, where no name is.
fn credits(
    mentions: &mut Vec<Mention>,
    text: &str,
    tokens: &[dossier_core::Token],
    gazetteer: &Gazetteer,
) {
    let mut found = Vec::new();
    for w in tokens.windows(3) {
        let word = w[1].span.of(text);
        let credit = w[0].span.of(text) == "("
            && w[2].span.of(text) == ")"
            && (2..=6).contains(&word.len())
            && word.chars().all(|c| c.is_ascii_uppercase());
        if credit
            && gazetteer.lookup(&[word]) & gazetteer::ORG != 0
            && !mentions
                .iter()
                .any(|m| m.span.start < w[1].span.end && w[1].span.start < m.span.end)
        {
            found.push(Mention {
                span: w[1].span,
                ty: EntityType::Org,
                kind: MentionKind::Name,
                entity: None,
            });
        }
    }
    if !found.is_empty() {
        mentions.extend(found);
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// Places inside a hyphenated word no name covers: "US-led", "London-based",
/// "U.S.-Canada", "R-Texas". Every other part is lowercase, a party's
/// letter or a place too, so "Jean-Pierre" is no place.
fn hyphen_places(
    mentions: &mut Vec<Mention>,
    text: &str,
    tokens: &[dossier_core::Token],
    gazetteer: &Gazetteer,
) {
    let countries = crate::models::countries();
    let is_place = |w: &str| {
        countries.by_name(w).is_some()
            || (w.chars().count() > 2
                && gazetteer.lookup(&[w]) & (gazetteer::GPE | gazetteer::PERSON) == gazetteer::GPE)
    };
    let mut found = Vec::new();
    for t in tokens {
        let word = t.span.of(text);
        if !word.contains('-')
            || !word.starts_with(|c: char| c.is_uppercase())
            || mentions
                .iter()
                .any(|m| m.span.start < t.span.end && t.span.start < m.span.end)
        {
            continue;
        }
        let mut parts = Vec::new();
        let mut at = t.span.start;
        for part in word.split('-') {
            parts.push((at, part));
            at += part.len() + 1;
        }
        let allowed = |p: &str| {
            p.is_empty()
                || p.starts_with(|c: char| c.is_lowercase())
                || matches!(p, "R" | "D" | "I")
                || is_place(p)
        };
        if parts.iter().all(|(_, p)| allowed(p)) {
            found.extend(
                parts
                    .iter()
                    .filter(|(_, p)| is_place(p))
                    .map(|&(a, p)| Mention {
                        span: Span::new(a, a + p.len()),
                        ty: EntityType::Gpe,
                        kind: MentionKind::Name,
                        entity: None,
                    }),
            );
        }
    }
    if !found.is_empty() {
        mentions.extend(found);
        mentions.sort_by_key(|m| m.span.start);
    }
}

/// Spans of named equipment (gazetteer PRODUCT), also in the plural
/// ("HAWKs", "F-16s"), over one sentence's tokens.
fn product_matches(
    gazetteer: &Gazetteer,
    text: &str,
    tokens: &[dossier_core::Token],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut matched = 0;
        for len in (1..=3.min(tokens.len() - i)).rev() {
            let ws: Vec<&str> = tokens[i..i + len].iter().map(|t| t.span.of(text)).collect();
            if !ws[0].chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            let mut singular = ws.clone();
            let last = singular[len - 1];
            if let Some(stem) = last.strip_suffix('s').filter(|s| s.len() >= 3) {
                singular[len - 1] = stem;
            }
            if gazetteer.lookup(&ws) & gazetteer::PRODUCT != 0
                || gazetteer.lookup(&singular) & gazetteer::PRODUCT != 0
            {
                matched = len;
                break;
            }
        }
        if matched > 0 {
            out.push((i, i + matched));
            i += matched;
        } else {
            i += 1;
        }
    }
    out
}

/// OntoNotes type of a CoNLL-typed name; `None` for a MISC name that fits
/// no OntoNotes type well enough (precision over recall).
fn onto_type(
    conll: &str,
    words: &[&str],
    (before, after): (Option<&str>, Option<&str>),
    names: &Names,
) -> Option<EntityType> {
    let gazetteer = &names.gazetteer;
    let bits = gazetteer.lookup(words);
    if let Some(decided) = by_convention(conll, words, (before, after), bits)
        .or_else(|| by_context(conll, words, (before, after), bits))
    {
        return decided;
    }
    if let Some(ty) =
        by_form(conll, words, gazetteer).or_else(|| by_article(words, before, bits, gazetteer))
    {
        return Some(ty);
    }
    match conll {
        "PER" => Some(EntityType::Person),
        "ORG" => Some(EntityType::Org),
        "LOC" => Some(
            if bits & gazetteer::LOC != 0 && bits & gazetteer::GPE == 0 {
                EntityType::Loc
            } else {
                EntityType::Gpe
            },
        ),
        _ => misc_type(words, bits, names),
    }
}

/// OntoNotes conventions that override the model's type: people named by
/// title, counties, seats of government, datelines, regions. `Some(None)`:
/// no name.
fn by_convention(
    conll: &str,
    words: &[&str],
    (before, after): (Option<&str>, Option<&str>),
    bits: u8,
) -> Option<Option<EntityType>> {
    // "President Obama", "the Obama administration": a lone name after an
    // honorific or before its holder's government is a person's (not a
    // place's only: "the Iraq campaign").
    let leads = |a: &str| matches!(a, "administration" | "campaign" | "presidency");
    if conll != "PER"
        && words.len() == 1
        && (before.is_some_and(names::is_honorific) || after.is_some_and(leads))
        && (bits & gazetteer::PERSON != 0
            || bits & (gazetteer::GPE | gazetteer::LOC | gazetteer::ORG) == 0)
        && !is_demonym_like(words[0])
    {
        return Some(Some(EntityType::Person));
    }
    // OntoNotes: counties and provinces are GPEs, seats of government
    // that act are ORGs ("the White House said").
    if words.len() >= 2
        && matches!(
            last_word(words),
            "County"
                | "Province"
                | "Oblast"
                | "Prefecture"
                | "Parish"
                | "Borough"
                | "Governorate"
                | "Canton"
        )
    {
        return Some(Some(EntityType::Gpe));
    }
    if is_seat_of_government(words) {
        return Some(Some(EntityType::Org));
    }
    // OntoNotes: continents and regions named by a landform ("Asia",
    // "Silicon Valley", "the Korean Peninsula", "the Gulf Coast") are LOCs,
    // not GPEs, unless the gazetteer knows the name only as a political
    // place ("Ivory Coast") or a lower-case word makes it an
    // organisation's long name ("Al Qaeda in the Arabian Peninsula").
    let political_only = bits & gazetteer::GPE != 0 && bits & gazetteer::LOC == 0;
    if conll != "PER"
        && !political_only
        && !words.iter().any(|w| w.starts_with(char::is_lowercase))
        && ((words.len() >= 2 && is_landform_head(last_word(words)))
            || (words.len() == 1 && bits & gazetteer::LOC != 0 && is_continent(words[0])))
    {
        return Some(Some(EntityType::Loc));
    }
    // A dateline: "WASHINGTON (AP) —", a known place in capitals before a
    // credit or a dash at the start of a paragraph.
    if before.is_none()
        && words.len() <= 3
        && words.iter().all(|w| !w.chars().any(char::is_lowercase))
        && after.is_some_and(|a| matches!(a, "(" | "—" | "–" | "-" | "--"))
        && bits & gazetteer::GPE != 0
    {
        return Some(Some(EntityType::Gpe));
    }
    // "Indo-Pacific", "Asia-Pacific", "Euro-Atlantic": a region.
    if words.len() == 1 && words[0].split('-').count() > 1 && words[0].split('-').any(is_region) {
        return Some(Some(EntityType::Loc));
    }
    None
}

/// Types the words around a name decide: no place after a superlative,
/// facilities, languages, quoted titles.
fn by_context(
    conll: &str,
    words: &[&str],
    (before, after): (Option<&str>, Option<&str>),
    bits: u8,
) -> Option<Option<EntityType>> {
    // "the greatest Alliance": a capitalised noun no gazetteer knows, after a
    // superlative or a possessive, is no place.
    let superlative =
        |b: &str| b.len() > 4 && b.ends_with("est") && b.starts_with(|c: char| c.is_lowercase());
    let possessive = |b: &str| {
        matches!(
            b,
            "our" | "their" | "its" | "his" | "her" | "my" | "your" | "a" | "an"
        )
    };
    if conll == "LOC"
        && words.len() == 1
        && before.is_some_and(|b| superlative(b) || (bits == 0 && possessive(b)))
    {
        return Some(None);
    }
    if conll != "PER" && words.len() >= 2 && is_facility_head(words[words.len() - 1]) {
        return Some(Some(EntityType::Fac)); // "Heathrow Airport", "Red Square"
    }
    if words.len() == 1
        && is_language(words[0])
        && before.is_some_and(|b| {
            matches!(
                b.to_lowercase().as_str(),
                "in" | "speak" | "speaks" | "spoke" | "speaking" | "into" | "from"
            )
        })
    {
        return Some(Some(EntityType::Language)); // "in Ukrainian"
    }
    if conll != "PER" && before.is_some_and(is_open_quote) && after.is_some_and(is_close_quote) {
        return Some(Some(EntityType::WorkOfArt)); // a quoted title
    }
    None
}

/// An organisation whose name starts with "The" in the gazetteer, written after a
/// lower-case "the" ("told the Guardian"): the name without its article would
/// otherwise be typed by its form ("-an": a demonym).
fn by_article(
    words: &[&str],
    before: Option<&str>,
    bits: u8,
    gazetteer: &Gazetteer,
) -> Option<EntityType> {
    let other_kinds = gazetteer::GPE | gazetteer::LOC | gazetteer::PERSON | gazetteer::NORP;
    if before != Some("the") || bits & other_kinds != 0 {
        return None;
    }
    let with_article: Vec<&str> = std::iter::once("The")
        .chain(words.iter().copied())
        .collect();
    (gazetteer.lookup(&with_article) & gazetteer::ORG != 0).then_some(EntityType::Org)
}

/// Types the words of a name decide: events, and a person by a known given name.
fn by_form(conll: &str, words: &[&str], gazetteer: &Gazetteer) -> Option<EntityType> {
    if conll != "PER"
        && words
            .iter()
            .any(|w| matches!(*w, "Summit" | "SUMMIT" | "Olympics"))
    {
        return Some(EntityType::Event); // "the NATO Summit"
    }
    // "Donald Trump", "Democrat Hillary Clinton": a known given name and a
    // capitalised surname, after any title.
    let titled = &words[title_words(words)..];
    let capitalised = titled.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
    });
    if conll != "PER"
        && (2..=3).contains(&titled.len())
        && capitalised
        && gazetteer.is_first_name(titled[0])
        && gazetteer.lookup(titled) & (gazetteer::GPE | gazetteer::ORG | gazetteer::LOC) == 0
    {
        return Some(EntityType::Person);
    }
    None
}

/// OntoNotes type of a MISC name: NORP, EVENT, LAW, a plural country, an
/// acronym; `None` when none fits.
fn misc_type(words: &[&str], bits: u8, names: &Names) -> Option<EntityType> {
    let gazetteer = &names.gazetteer;
    let last = words.last().copied().unwrap_or("");
    // "Erdogan": a person the gazetteer knows, not a demonym by its ending.
    let other = gazetteer::NORP | gazetteer::GPE | gazetteer::LOC | gazetteer::ORG;
    if words.len() == 1 && bits & gazetteer::PERSON != 0 && bits & other == 0 {
        return Some(EntityType::Person);
    }
    Some({
        let singular: Vec<&str> = words
            .iter()
            .map(|w| w.strip_suffix('s').unwrap_or(w))
            .collect();
        if bits & gazetteer::NORP != 0 || (words.len() <= 2 && is_demonym_like(last)) {
            EntityType::Norp
        } else if words.iter().any(|w| {
            matches!(
                *w,
                "Cup"
                    | "Games"
                    | "Olympics"
                    | "Championship"
                    | "Championships"
                    | "War"
                    | "Summit"
                    | "Open"
                    | "Election"
            )
        }) {
            EntityType::Event
        } else if words.iter().any(|w| {
            matches!(
                *w,
                "Act" | "Treaty" | "Law" | "Constitution" | "Convention" | "Accord" | "Accords"
            )
        }) {
            EntityType::Law
        } else if gazetteer.lookup(&singular) & gazetteer::GPE != 0
            || (words.len() == 1 && last.ends_with('s') && gazetteer.ends_places(singular[0]))
        {
            EntityType::Gpe // "the two Koreas"
        } else if words.len() <= 2 && is_group_plural(last, names) {
            EntityType::Norp // "the Kurds", "Syrian Kurds", "Alawites"
        } else if words.len() == 1
            && last.len() >= 2
            && last.chars().all(|c| c.is_ascii_uppercase())
        {
            EntityType::Org // an acronym: "MSNBC"
        } else {
            return None;
        }
    })
}

fn is_facility_head(w: &str) -> bool {
    matches!(
        w,
        "Airport"
            | "Bridge"
            | "Stadium"
            | "Tower"
            | "Towers"
            | "Palace"
            | "Square"
            | "Street"
            | "Avenue"
            | "Hospital"
            | "Prison"
            | "Station"
            | "Building"
            | "Dam"
            | "Highway"
            | "Canal"
            | "Cathedral"
            | "Mosque"
            | "Church"
            | "Museum"
            | "Arena"
            | "Base"
            | "Plant"
            | "Port"
            | "Harbour"
            | "Harbor"
            | "Terminal"
    )
}

/// Whether the gazetteer's `bits` for a word leave it free to name a
/// person: it knows no place, organisation or group so named, or it knows a
/// person so named too ("Obama", a Japanese city and a president).
fn may_name_a_person(bits: u8) -> bool {
    let not_person = gazetteer::GPE | gazetteer::LOC | gazetteer::ORG | gazetteer::NORP;
    bits & not_person == 0 || bits & gazetteer::PERSON != 0
}

/// Seats of government that act for it ("the White House said").
fn is_seat_of_government(words: &[&str]) -> bool {
    matches!(
        words,
        ["White", "House"]
            | ["Kremlin"]
            | ["Pentagon"]
            | ["Downing", "Street"]
            | ["Elysee" | "Élysée"]
            | ["Blue", "House"]
    )
}

/// The last word of a region named by its landform ("Silicon Valley",
/// "the Gulf Coast", "the Rust Belt", "the Sahara Desert").
fn is_landform_head(w: &str) -> bool {
    matches!(
        w,
        "Valley"
            | "Peninsula"
            | "Coast"
            | "Basin"
            | "Desert"
            | "Plateau"
            | "Highlands"
            | "Delta"
            | "Mountains"
            | "Belt"
    )
}

fn is_continent(w: &str) -> bool {
    matches!(
        w,
        "Asia" | "Europe" | "Africa" | "Antarctica" | "Oceania" | "Australasia" | "Eurasia"
    )
}

fn last_word<'a>(words: &[&'a str]) -> &'a str {
    words.last().copied().unwrap_or("")
}

fn is_region(w: &str) -> bool {
    matches!(
        w,
        "Pacific"
            | "Atlantic"
            | "Arctic"
            | "Asia"
            | "Europe"
            | "Africa"
            | "America"
            | "Mediterranean"
            | "Caribbean"
            | "Baltic"
            | "Balkan"
            | "Balkans"
            | "Sahel"
            | "Gulf"
            | "Indo"
            | "Euro"
            | "Eurasia"
    )
}

fn is_language(w: &str) -> bool {
    matches!(
        w,
        "English"
            | "French"
            | "German"
            | "Spanish"
            | "Russian"
            | "Ukrainian"
            | "Arabic"
            | "Chinese"
            | "Mandarin"
            | "Cantonese"
            | "Japanese"
            | "Korean"
            | "Hindi"
            | "Portuguese"
            | "Italian"
            | "Dutch"
            | "Polish"
            | "Turkish"
            | "Persian"
            | "Farsi"
            | "Hebrew"
            | "Urdu"
            | "Swahili"
            | "Greek"
            | "Latin"
            | "Bengali"
            | "Punjabi"
            | "Tamil"
            | "Vietnamese"
            | "Thai"
            | "Indonesian"
            | "Malay"
            | "Swedish"
            | "Norwegian"
            | "Danish"
            | "Finnish"
            | "Romanian"
            | "Hungarian"
            | "Czech"
    )
}

fn is_open_quote(t: &str) -> bool {
    matches!(t, "\"" | "“" | "‘" | "'" | "«")
}

fn is_close_quote(t: &str) -> bool {
    matches!(t, "\"" | "”" | "’" | "'" | "»")
}

/// A capitalised plural that names a group of people ("Kurds", "Shiites";
/// a MISC name of one or two words ending in one, once events, laws and
/// countries are ruled out): its word cluster (`models/clusters.bin`, the
/// finer level) holds the plural of a demonym the gazetteer lists
/// ("Syrians", "Afghans"), which "Euphrates" or "Kalashnikovs" do not.
fn is_group_plural(w: &str, names: &Names) -> bool {
    static GROUPS: std::sync::OnceLock<std::collections::HashSet<u16>> = std::sync::OnceLock::new();
    let cluster = |w: &str| names.clusters.lookup_key(clusters::word_key(w)).fine;
    let groups = GROUPS.get_or_init(|| {
        names
            .gazetteer
            .demonyms()
            .iter()
            .map(|d| cluster(&format!("{d}s")))
            .filter(|&c| c != 0)
            .collect()
    });
    is_title_case_word(w) && w.ends_with('s') && groups.contains(&cluster(w))
}

/// Groups of faith and party that OntoNotes types NORP and no ending marks
/// ("Democrats", "Communists", "Hindus"): the NER reads them as MISC, and
/// without a type they would be no name at all. Singular forms.
const FAITH_AND_PARTY: &[&str] = &[
    "Democrat",
    "Conservative",
    "Liberal",
    "Socialist",
    "Communist",
    "Tory",
    "Tories",
    "Nationalist",
    "Unionist",
    "Loyalist",
    "Labourite",
    "Islamist",
    "Salafist",
    "Protestant",
    "Hindu",
    "Buddhist",
    "Sikh",
    "Mormon",
    "Jew",
    "Evangelical",
    "Baptist",
    "Methodist",
    "Quaker",
    "Shia",
    "Shiite",
    "Druze",
    "Copt",
    "Maronite",
    "Alawite",
];

/// "Ukrainian", "Chinese", "Republican", "Democrats", "Muslim".
fn is_demonym_like(w: &str) -> bool {
    let w = w.strip_suffix('s').unwrap_or(w);
    if FAITH_AND_PARTY.contains(&w) {
        return true;
    }
    w.chars().next().is_some_and(char::is_uppercase)
        && [
            "an",
            "ese",
            "ish",
            "ic",
            "i",
            "ch",
            "Muslim",
            "Christian",
            "Jewish",
        ]
        .iter()
        .any(|s| w.ends_with(s))
}

/// The key part of a name (typography made plain, a person's title gone).
pub fn name_key(name: &str, ty: EntityType) -> String {
    names::name_key(name, ty == EntityType::Person)
}

/// Groups mentions into entities: same type and normalised name; then a
/// person's lone surname or given name joins the one full name of the
/// document it fits ("Clinton" stays apart where Bill and Hillary Clinton
/// are both named).
fn group(mentions: &mut [Mention], text: &str) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    let keys: Vec<String> = mentions
        .iter()
        .map(|m| name_key(m.span.of(text), m.ty))
        .collect();
    let lone_person = |mi: usize| mentions[mi].ty == EntityType::Person && !keys[mi].contains(' ');
    let mut entity_of = vec![usize::MAX; mentions.len()];
    let mut by_key: std::collections::HashMap<(EntityType, &str), usize> =
        std::collections::HashMap::new();
    for (mi, m) in mentions
        .iter()
        .enumerate()
        .filter(|&(mi, _)| !lone_person(mi))
    {
        entity_of[mi] = *by_key.entry((m.ty, keys[mi].as_str())).or_insert_with(|| {
            entities.push(Entity {
                name: String::new(),
                ty: m.ty,
                mentions: Vec::new(),
                aliases: Vec::new(),
                kb: Vec::new(),
                key: None,
            });
            entities.len() - 1
        });
    }
    let full_names: Vec<(usize, Vec<&str>)> = by_key
        .iter()
        .filter(|((ty, k), _)| *ty == EntityType::Person && k.contains(' '))
        .map(|((_, k), &e)| (e, k.split(' ').collect()))
        .collect();
    for mi in (0..mentions.len()).filter(|&mi| lone_person(mi)) {
        let word = keys[mi].as_str();
        let fits = |at_end: bool| -> Vec<usize> {
            let mut found: Vec<usize> = full_names
                .iter()
                .filter(|(_, w)| {
                    if at_end {
                        w.last() == Some(&word)
                    } else {
                        w.first() == Some(&word)
                    }
                })
                .map(|(e, _)| *e)
                .collect();
            found.sort_unstable();
            found
        };
        let (surname, given) = (fits(true), fits(false));
        entity_of[mi] = match (&surname[..], &given[..]) {
            ([one], _) | ([], [one]) => *one,
            _ => *by_key.entry((EntityType::Person, word)).or_insert_with(|| {
                entities.push(Entity {
                    name: String::new(),
                    ty: EntityType::Person,
                    mentions: Vec::new(),
                    aliases: Vec::new(),
                    kb: Vec::new(),
                    key: None,
                });
                entities.len() - 1
            }),
        };
    }
    for (mi, m) in mentions.iter_mut().enumerate() {
        let surface = m.span.of(text);
        let e = &mut entities[entity_of[mi]];
        e.mentions.push(MentionId::new(mi));
        // The fullest form names the entity; the others are aliases.
        if surface.len() > e.name.len() {
            let old = std::mem::replace(&mut e.name, surface.to_string());
            if !old.is_empty() && !e.aliases.contains(&old) {
                e.aliases.push(old);
            }
        } else if surface != e.name && !e.aliases.iter().any(|a| a == surface) {
            e.aliases.push(surface.to_string());
        }
        m.entity = Some(EntityId::new(entity_of[mi]));
    }
    // Entities in the order of their first mentions.
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by_key(|&e| entities[e].mentions[0]);
    let mut new_index: Renumber<EntityId> = IdVec::filled(EntityId::new(0), entities.len());
    for (new, &old) in order.iter().enumerate() {
        new_index[EntityId::new(old)] = EntityId::new(new);
    }
    for m in mentions.iter_mut() {
        m.entity = m.entity.map(|e| new_index[e]);
    }
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    let mut entities: Vec<Entity> = order.iter().filter_map(|&e| slots[e].take()).collect();
    for e in &mut entities {
        e.key = Some(format!("{}:{}", e.ty.as_str(), name_key(&e.name, e.ty)));
    }
    entities
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `spans` after `join_long_forms` over the words of `sentence` (model
    /// types: 0 a person, 1 an organisation, 2 a nationality).
    fn joined(sentence: &str, mut spans: Vec<(usize, usize, usize)>) -> Vec<(usize, usize, usize)> {
        let words: Vec<&str> = sentence.split(' ').collect();
        join_long_forms(|i| words[i], words.len(), Some(0), &mut spans);
        spans
    }

    #[test]
    fn a_long_form_cut_by_the_model_is_one_name_of_its_abbreviations_type() {
        // "Kurdish-led | Syrian(nationality) | Democratic Forces(person) | ( SDF(org) )".
        let s = "troops of the Kurdish-led Syrian Democratic Forces ( SDF ) held it";
        assert_eq!(
            joined(s, vec![(4, 5, 2), (5, 7, 0), (8, 9, 1)]),
            [(4, 7, 1), (8, 9, 1)]
        );
        // Function words inside; a name the model already has whole stays.
        let s = "the Organisation for the Prohibition of Chemical Weapons ( OPCW ) said";
        assert_eq!(
            joined(s, vec![(1, 3, 1), (4, 5, 1), (9, 10, 1)]),
            [(1, 8, 1), (9, 10, 1)]
        );
        assert_eq!(
            joined(s, vec![(1, 8, 1), (9, 10, 1)]),
            [(1, 8, 1), (9, 10, 1)]
        );
    }

    #[test]
    fn no_long_form_no_name_or_a_person_leaves_the_spans() {
        // The initials do not spell it, or a lower-case word breaks the run.
        let s = "the Syrian Democratic Forces ( SDC ) met";
        assert_eq!(
            joined(s, vec![(1, 2, 2), (2, 4, 0), (5, 6, 1)]),
            [(1, 2, 2), (2, 4, 0), (5, 6, 1)]
        );
        let s = "the Syrian backed Forces ( SBF ) met";
        assert_eq!(
            joined(s, vec![(1, 2, 2), (3, 4, 1), (5, 6, 1)]),
            [(1, 2, 2), (3, 4, 1), (5, 6, 1)]
        );
        // An abbreviation read as a person's, or none the model saw.
        let s = "the Syrian Democratic Forces ( SDF ) met";
        assert_eq!(
            joined(s, vec![(1, 2, 2), (2, 4, 0), (5, 6, 0)]),
            [(1, 2, 2), (2, 4, 0), (5, 6, 0)]
        );
        assert_eq!(
            joined(s, vec![(1, 2, 2), (2, 4, 0)]),
            [(1, 2, 2), (2, 4, 0)]
        );
    }
}
