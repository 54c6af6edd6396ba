//! Speakers: which entity a quote's source phrase names.
//!
//! The name at the head of the source phrase first; a relative pronoun
//! stands for the noun its clause describes (else the name it follows); a
//! personal pronoun for the most salient earlier entity of its type.

use std::collections::HashMap;

use dossier_core::{Document, EntityType, Quote, QuoteKind, Span};

use crate::given_names;
use crate::quotes::CueLexicon;
use crate::tree::{is_comma, sentence_index_at, tokens_in};

const MALE: &[&str] = &["he", "him", "his", "himself"];
const FEMALE: &[&str] = &["she", "her", "hers", "herself"];
const PLURAL: &[&str] = &["they", "them", "their", "we", "us", "our"];

fn person_like(t: EntityType) -> bool {
    t == EntityType::Person
}

fn group_like(t: EntityType) -> bool {
    matches!(t, EntityType::Org | EntityType::Gpe | EntityType::Norp)
}

/// Points each speaker span at an entity: the name at the head of the
/// source phrase first; a relative pronoun at the noun its clause
/// describes, else the name it follows; a personal pronoun at the most
/// salient earlier entity of its type. A
/// speaker that is a bare function word ("the", "those") is dropped.
pub(crate) fn resolve_speakers(
    doc: &Document,
    quotes: &mut [(Quote, Option<(usize, usize)>)],
    cues: &CueLexicon,
) {
    let text = doc.text();
    // Gender learned from the pronouns that resolved to each entity,
    // seeded with the pronouns the text uses around each person's name.
    let mut gender: HashMap<usize, bool> = HashMap::new();
    let mut last_speaker: Option<(usize, usize)> = None; // (entity, byte position)
    let mut unnamed: Vec<Span> = Vec::new(); // speakers that name no one
    let mut previous: Option<PreviousQuote> = None;
    let mut last_unnamed: Option<(Span, bool)> = None; // a person or people named by no name
                                                       // Names inside quotation marks are what speakers talk about, not who speaks.
    let quoted: Vec<Span> = quotes
        .iter()
        .filter(|(q, _)| q.kind != QuoteKind::Indirect)
        .map(|(q, _)| q.span)
        .collect();
    // Every quote's content, indirect ones too: what was said, not who.
    let contents: Vec<Span> = quotes.iter().map(|(q, _)| q.span).collect();
    gender.extend(pronoun_genders(doc, &quoted));
    for (q, tokens) in quotes.iter_mut() {
        let mut kin_phrase: Option<Span> = None;
        let Some(sp) = q.speaker.as_mut() else {
            continue;
        };
        let w = sp.span.of(text).to_lowercase();
        if let Some(named) = head_name(doc, sp.span, *tokens) {
            sp.entity = Some(named);
            sp.also = coordinated(doc, sp.span, named);
        } else if let Some(e) = appositive_person(doc, *tokens) {
            sp.entity = Some(e);
        } else if let Some(e) = person_by_surname(doc, sp.span.of(text)) {
            // A transcript's "PENCE:" names Mike Pence, whom the tagger missed in capitals.
            sp.entity = Some(e);
        } else if matches!(w.as_str(), "who" | "which" | "that") {
            if !relative_speaker(doc, sp, (q.cue, *tokens), cues) {
                q.speaker = None;
            }
        } else if FUNCTION_WORDS.contains(&w.as_str()) {
            q.speaker = None;
        } else if let Some((kin, range)) =
            kin_antecedent(doc, &w, sp.span.start, &quoted, last_speaker)
        {
            // "Begum's father … “…,” he said": the kin noun, not a name.
            match possessed_antecedent(doc, kin, range) {
                Some(e) => sp.entity = Some(e),
                None => kin_phrase = Some(kin),
            }
        } else if let Some((e, from)) = resolve_pronoun_near_or_far(
            doc,
            &w,
            (sp.span.start, &quoted, &unnamed, &contents),
            last_speaker,
            &gender,
        ) {
            let (e, from) =
                continued_run(&w, from, previous.as_ref()).map_or((e, from), |p| (p, None));
            sp.entity = Some(e);
            // "They" for "Kotey and Elsheikh": every person of the coordination.
            if let Some(m) =
                from.filter(|_| PLURAL.contains(&w.as_str()) && person_like(doc.entities[e].ty))
            {
                sp.also = coordinated(doc, sentence_span(doc, m.start), e);
            }
            if MALE.contains(&w.as_str()) || FEMALE.contains(&w.as_str()) {
                gender.insert(e, MALE.contains(&w.as_str()));
            }
        } else if let Some(e) = descriptor_antecedent(
            doc,
            sp.span,
            *tokens,
            (&quoted, previous.as_ref().and_then(PreviousQuote::named)),
        ) {
            sp.entity = Some(e);
        } else if let Some(e) = institution_antecedent(doc, sp.span, *tokens) {
            sp.entity = Some(e);
        }
        if let Some(sp) = q.speaker.as_mut().filter(|_| is_pronoun(&w)) {
            let unnamed = unnamed_antecedent(doc, &w, sp, last_unnamed, last_speaker);
            let phrase = phrase_antecedent(doc, cues, &w, sp, (&quoted, &contents), last_speaker);
            // The unnamed speaker's whole phrase ("one doctor in Ghouta") when it holds the subject.
            let phrase = phrase.map(|p| unnamed.filter(|u| u.contains(p)).unwrap_or(p));
            sp.refers_to = kin_phrase.take().or(phrase).or(unnamed);
            if sp.refers_to.is_some() {
                sp.entity = None;
                sp.also.clear();
            }
        }
        if let Some(sp) = q.speaker.as_mut().filter(|sp| sp.entity.is_none()) {
            sp.affiliation = affiliation(doc, sp.span);
            // A relative pronoun's noun is no speaker a later "he" continues.
            if !is_pronoun(&w) && sp.refers_to.is_none() {
                unnamed.push(sp.span);
                if !quoted.iter().any(|q| q.contains(sp.span)) {
                    last_unnamed = unnamed_people(doc, *tokens).map(|plural| (sp.span, plural));
                }
            }
        }
        if let Some(e) = q.speaker.as_ref().and_then(|sp| sp.entity) {
            // "His mother, Jane Lyndon" is a woman whatever her name.
            if let Some(g) = tokens.and_then(|(x, y)| kin_gender(doc, x, y)) {
                gender.insert(e, g);
            }
            last_speaker = Some((e, q.speaker.as_ref().map_or(0, |sp| sp.span.end)));
        }
        previous = q.speaker.as_ref().map(|sp| PreviousQuote {
            word: w.clone(),
            entity: sp.entity,
            speaker: sp.span,
            content: q.span,
        });
    }
}

/// A speaker pronoun's entity and the mention it was found at: in the four
/// sentences before; else, for a he or she, past sentences inside
/// quotation marks ("Letts told ITV News: “…” He said") and sentences
/// whose subject is the same pronoun ("Begum married … She then had …
/// She had a son … She told"), unless an unnamed speaker ("said a doctor
/// in Ghouta") spoke since the last named one.
fn resolve_pronoun_near_or_far(
    doc: &Document,
    w: &str,
    (at, quoted, unnamed, contents): (usize, &[Span], &[Span], &[Span]),
    last_speaker: Option<(usize, usize)>,
    gender: &HashMap<usize, bool>,
) -> Option<(usize, Option<Span>)> {
    let near = sentence_start_back(doc, at, 4);
    let recency = Some(contents);
    resolve_pronoun(doc, w, (at, quoted, near), last_speaker, gender, recency).or_else(|| {
        let continues =
            |k: usize| inside_quotes(doc, k, quoted) || pronoun_subject(doc, k, w, quoted);
        let far = start_back_skipping(doc, at, 4, &continues);
        let spoke_after = |u: &&Span| last_speaker.is_none_or(|(_, s)| u.start >= s);
        let unnamed_since = unnamed.iter().filter(spoke_after).any(|u| u.start >= far);
        let personal = MALE.contains(&w) || FEMALE.contains(&w);
        (personal && !unnamed_since)
            .then(|| resolve_pronoun(doc, w, (at, quoted, far), last_speaker, gender, recency))?
    })
}

/// The quote just before, as the next one's speaker reads it.
struct PreviousQuote {
    /// Its speaker phrase, lowercase ("he", "the minister").
    word: String,
    entity: Option<usize>,
    speaker: Span,
    content: Span,
}

impl PreviousQuote {
    /// Its speaker's entity and phrase, when the speaker is named.
    fn named(&self) -> Option<(usize, Span)> {
        self.entity.map(|e| (e, self.speaker))
    }
}

/// The entity a personal pronoun at byte `at` stands for, resolved as a
/// speaker pronoun is but with no speakers seen: an event's "charged him".
pub(crate) fn pronoun_referent(doc: &Document, word: &str, at: usize) -> Option<usize> {
    let quoted: Vec<Span> = doc
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| q.span)
        .collect();
    let window = (at, quoted.as_slice(), sentence_start_back(doc, at, 4));
    resolve_pronoun(doc, word, window, None, &HashMap::new(), None).map(|(e, _)| e)
}

/// "In his remarks, he said Trump signed it. He said …": a pronoun that
/// repeats the previous quote's speaker pronoun continues its run of
/// quotes, so a name found inside that quote's content (what the speaker
/// talked about) yields to the entity the previous pronoun stood for.
fn continued_run(w: &str, from: Option<Span>, previous: Option<&PreviousQuote>) -> Option<usize> {
    let p = previous?;
    let inside = from.is_some_and(|m| p.content.contains(m));
    p.entity.filter(|_| p.word == w && inside)
}

fn is_pronoun(w: &str) -> bool {
    MALE.contains(&w)
        || FEMALE.contains(&w)
        || PLURAL.contains(&w)
        || matches!(w, "it" | "i" | "you")
}

/// Whether an indefinite speaker phrase is a person ("a doctor in Ghouta",
/// "one rebel official": false) or people ("a group of women", "Idlib
/// residents": true); None for an institution, a document, a group, and
/// for a definite phrase ("the foreign minister"), which is often someone
/// named before, unless the sentences before introduced it unnamed.
fn unnamed_people(doc: &Document, tokens: Option<(usize, usize)>) -> Option<bool> {
    let (x, y) = tokens.filter(|&(x, y)| y > x)?;
    let h = phrase_head(doc, x, y);
    let head = doc.span_text(doc.tokens[h].span).to_lowercase();
    let first = doc.span_text(doc.tokens[x].span).to_lowercase();
    let plural = head == "group" || matches!(doc.tokens[h].tag, Some("NNS" | "NNPS"));
    let indefinite = matches!(first.as_str(), "a" | "an" | "one" | "another")
        || (plural && !matches!(doc.tokens[x].pos, Some("DET" | "PRON")));
    // "A spokesman for the network told … the spokesman said": still no one named.
    let unnamed_before = first == "the"
        && role_of(&head) == Some(Role::Person)
        && introduced_unnamed(doc, doc.tokens[x].span.start, &head);
    if !indefinite && !unnamed_before {
        return None;
    }
    let not_people = INSTITUTIONS.contains(&head.as_str())
        || role_of(&head) == Some(Role::Group)
        || DOCUMENTS.contains(&head.as_str());
    (!not_people && doc.tokens[h].pos == Some("NOUN")).then_some(plural)
}

/// Heads of speaker phrases that are writings, not people.
pub(crate) const DOCUMENTS: &[&str] = &[
    "report",
    "statement",
    "document",
    "letter",
    "flyer",
    "study",
    "survey",
    "poll",
    "website",
    "video",
    "footage",
    "post",
    "tweet",
    "message",
    "television",
    "newspaper",
    "resolution",
    "transcript",
    "remarks",
    "interview",
];

/// The unnamed speaker a pronoun stands for: the last speaker phrase that
/// named no one, of the pronoun's number, when it spoke after the person
/// the pronoun resolved to (or the pronoun resolved to no one) and within
/// the four sentences before.
fn unnamed_antecedent(
    doc: &Document,
    w: &str,
    sp: &dossier_core::Speaker,
    last_unnamed: Option<(Span, bool)>,
    last_speaker: Option<(usize, usize)>,
) -> Option<Span> {
    let (span, plural) = last_unnamed?;
    let personal = MALE.contains(&w) || FEMALE.contains(&w);
    let they = matches!(w, "they" | "them" | "their");
    if !((personal && !plural) || (they && plural)) {
        return None;
    }
    if span.start < sentence_start_back(doc, sp.span.start, 4) {
        return None;
    }
    // A person the pronoun resolved to, named after the unnamed speaker, wins.
    let named_at = sp.entity.and_then(|e| {
        let mentioned = doc
            .mentions
            .iter()
            .filter(|m| m.entity == Some(e) && m.span.end <= sp.span.start)
            .map(|m| m.span.end)
            .max();
        let spoke = last_speaker.filter(|s| s.0 == e).map(|s| s.1);
        mentioned.max(spoke)
    });
    named_at.is_none_or(|at| at < span.start).then_some(span)
}

/// "Syrian civil society groups used the conference … They also warned":
/// a they or them whose nearest plural subject of people (outside quotation
/// marks and contents, in the four sentences before) stands later than the
/// entity it resolved to, or as a more topical subject of that entity's
/// sentence, refers to that phrase, not to a group named earlier; so does
/// a he or she with "a former admiral", "a Canadian woman" (a singular
/// indefinite phrase of a person of that sex). A name inside the phrase
/// ("Kurdish officials … they") keeps its entity. A name that is no
/// subject in a sentence whose subject is the pronoun itself ("She referred
/// to Rashida as Umm Yusuf") is what the pronoun's person talks about.
fn phrase_antecedent(
    doc: &Document,
    cues: &CueLexicon,
    w: &str,
    sp: &dossier_core::Speaker,
    (quoted, contents): (&[Span], &[Span]),
    last_speaker: Option<(usize, usize)>,
) -> Option<Span> {
    let number = match w {
        "they" | "them" => Number::Plural,
        "he" => Number::Singular(true),
        "she" => Number::Singular(false),
        _ => return None,
    };
    let at = sp.span.start;
    let (phrase, rank) = subject_phrase(doc, cues, at, number, (quoted, contents))?;
    let Some(e) = sp.entity else {
        return Some(phrase);
    };
    let outside = |s: Span| !quoted.iter().any(|q| q.contains(s));
    let talked_of = |m: Span| {
        topicality(doc, m) == 0 && !possessor(doc, m) && pronoun_subject_before(doc, m, w, quoted)
    };
    let mention = doc
        .mentions
        .iter()
        .filter(|m| m.entity == Some(e) && m.span.end <= at && outside(m.span))
        .map(|m| m.span)
        .rfind(|&m| !talked_of(m));
    let spoke = last_speaker.filter(|s| s.0 == e).map(|s| s.1);
    // The entity's latest place before the pronoun: (sentence, topicality, byte).
    let named = match (mention, spoke) {
        (Some(m), Some(s)) if s > m.end => (sentence_index_at(doc, s.saturating_sub(1)), 2, s),
        (Some(m), _) => (sentence_index_at(doc, m.start), topicality(doc, m), m.start),
        (None, Some(s)) => (sentence_index_at(doc, s.saturating_sub(1)), 2, s),
        (None, None) => return Some(phrase),
    };
    if mention.is_some_and(|m| phrase.contains(m)) {
        return None;
    }
    (rank > named).then_some(phrase)
}

/// The number (and for one person, the sex) a pronoun asks of a phrase.
#[derive(Clone, Copy)]
enum Number {
    Plural,
    /// A person: true a man.
    Singular(bool),
}

/// The nearest subject before byte `at`, in the four sentences before,
/// that is a phrase of people of `number` named by no name ("the
/// lawyers", "rebel officials", "those who resigned"; "a former admiral"),
/// outside quotation marks and contents: its span, and its rank
/// (sentence, topicality, byte).
fn subject_phrase(
    doc: &Document,
    cues: &CueLexicon,
    at: usize,
    number: Number,
    (quoted, contents): (&[Span], &[Span]),
) -> Option<(Span, (usize, u8, usize))> {
    let from = sentence_start_back(doc, at, 4);
    let first = doc.tokens.partition_point(|t| t.span.start < from);
    let last = doc.tokens.partition_point(|t| t.span.end <= at);
    let in_name = |s: Span| doc.mentions.iter().any(|m| m.span.contains(s));
    let outside = |s: Span| !quoted.iter().chain(contents).any(|q| q.contains(s));
    let fits = |i: usize| match number {
        Number::Plural => plural_people(doc, cues, i),
        Number::Singular(male) => unnamed_person(doc, i, male),
    };
    (first..last)
        .filter(|&i| matches!(doc.tokens[i].dep, Some("nsubj" | "nsubj:pass")))
        .filter(|&i| outside(doc.tokens[i].span) && !in_name(doc.tokens[i].span))
        .filter(|&i| fits(i))
        .map(|i| {
            let phrase = plural_phrase(doc, i);
            let rank = (
                sentence_index_at(doc, phrase.start),
                topicality(doc, doc.tokens[i].span),
                phrase.start,
            );
            (phrase, rank)
        })
        .max_by_key(|&(_, rank)| rank)
}

/// Whether token `i` heads a plural phrase of people: a plural noun that
/// headed speakers in training ("officials", "lawyers"), names a role or
/// kin, or is an agent noun ("journalists", "commanders", "militants");
/// or "those" and "others".
fn plural_people(doc: &Document, cues: &CueLexicon, i: usize) -> bool {
    let t = &doc.tokens[i];
    let word = doc.span_text(t.span).to_lowercase();
    if matches!(word.as_str(), "those" | "others") {
        return true;
    }
    if !(t.pos == Some("NOUN") && matches!(t.tag, Some("NNS" | "NNPS"))) {
        return false;
    }
    let singular = word.strip_suffix('s').unwrap_or(&word);
    cues.is_speaker_noun(&word)
        || people_noun(singular)
        || matches!(word.as_str(), "men" | "women" | "people" | "children")
}

/// Whether a singular noun names a person: a role or kin noun, or an agent
/// noun ("journalist", "commander", "militant").
fn people_noun(singular: &str) -> bool {
    role_of(singular) == Some(Role::Person)
        || kin_word_gender(singular).is_some()
        || matches!(singular, "parent" | "child")
        || ["er", "or", "ist", "ian", "ant"]
            .iter()
            .any(|suffix| singular.ends_with(suffix))
}

/// Whether token `i` heads "a former Russian admiral", "one doctor", "a
/// Canadian woman": a singular person noun after "a", "an", "one" or
/// "another", of the sex `male` where the noun says it, with no name in
/// apposition.
fn unnamed_person(doc: &Document, i: usize, male: bool) -> bool {
    let t = &doc.tokens[i];
    let word = doc.span_text(t.span).to_lowercase();
    if !(t.pos == Some("NOUN") && t.tag == Some("NN")) {
        return false;
    }
    let sex = match word.as_str() {
        "man" | "boy" => Some(true),
        "woman" | "girl" => Some(false),
        w => kin_word_gender(w),
    };
    let indefinite = (i.saturating_sub(5)..i).any(|d| {
        doc.tokens[d].head == Some(i)
            && matches!(
                doc.span_text(doc.tokens[d].span).to_lowercase().as_str(),
                "a" | "an" | "one" | "another"
            )
    });
    let named = (i + 1..doc.tokens.len().min(i + 30))
        .any(|c| doc.tokens[c].head == Some(i) && doc.tokens[c].dep == Some("appos"));
    let thing = INSTITUTIONS.contains(&word.as_str()) || DOCUMENTS.contains(&word.as_str());
    let person = sex.is_some() || (people_noun(&word) && !thing);
    indefinite && !named && person && sex.is_none_or(|s| s == male)
}

/// The span of the phrase token `h` heads: from its first dependent to
/// it; with what follows for "those" and "others" ("those who resigned")
/// and a noun's "of" phrase.
fn plural_phrase(doc: &Document, h: usize) -> Span {
    // Whether token `t` hangs under `h`, through modifiers only when `tight`
    // ("Letts’s parents", not "In Brussels … groups").
    let under = |mut t: usize, tight: bool| {
        for _ in 0..8 {
            let modifier = matches!(
                doc.tokens[t].dep,
                Some("det" | "amod" | "compound" | "nummod" | "nmod:poss" | "case" | "flat")
            );
            match doc.tokens[t].head {
                _ if tight && !modifier => return false,
                Some(u) if u == h => return true,
                Some(u) if u != t => t = u,
                _ => return false,
            }
        }
        false
    };
    let mut start = h;
    while start > 0 && under(start - 1, true) {
        start -= 1;
    }
    // A noun keeps its "of" phrase ("members of Congress"), up to a comma;
    // "those" its relative clause, up to the clause's verb.
    let word = |i: usize| doc.span_text(doc.tokens[i].span);
    let runs_on = doc.tokens[h].pos != Some("NOUN")
        || (h + 1 < doc.tokens.len() && word(h + 1).eq_ignore_ascii_case("of"));
    let mut end = h;
    while runs_on && end + 1 < doc.tokens.len() && under(end + 1, false) && !is_comma(doc, end + 1)
    {
        end += 1;
        if doc.tokens[end].pos == Some("VERB") {
            break;
        }
    }
    Span::new(doc.tokens[start].span.start, doc.tokens[end].span.end)
}

/// Words that can stand as a parse's subject but name no one.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "there", "here", "what", "whom", "whose", "such",
];

/// The person or group named last before `pos` in its sentence, preferring
/// a name that does not only modify a noun ("Lindsey Graham, a senior
/// Republican senator who" → Graham, not the Republicans).
fn antecedent(doc: &Document, pos: usize) -> Option<&dossier_core::Mention> {
    let sentence_start = sentence_start_back(doc, pos, 0);
    let named: Vec<_> = doc
        .mentions
        .iter()
        .rev()
        .skip_while(|m| m.span.end > pos)
        .take_while(|m| m.span.start >= sentence_start)
        .filter(|m| (person_like(m.ty) || group_like(m.ty)) && m.entity.is_some())
        .collect();
    named
        .iter()
        .find(|m| !modifies_noun(doc, m.span))
        .or(named.first())
        .copied()
}

/// Resolves a relative pronoun speaker: the noun its clause describes
/// ("officials … who say"), else the name just before it. False when no
/// name stands before it at all: then there is no speaker.
fn relative_speaker(
    doc: &Document,
    sp: &mut dossier_core::Speaker,
    (cue, tokens): (Option<Span>, Option<(usize, usize)>),
    cues: &CueLexicon,
) -> bool {
    let Some(m) = antecedent(doc, sp.span.start) else {
        return false;
    };
    match relative_head(doc, (cue, tokens), cues) {
        Some(Relative::Named(e)) => sp.entity = Some(e),
        Some(Relative::Unnamed(phrase)) => sp.refers_to = Some(phrase),
        None => sp.entity = m.entity,
    }
    true
}

/// What a relative pronoun's clause describes.
#[derive(Debug, PartialEq)]
enum Relative {
    /// A person or group the noun names ("Trump, who said"; "Lindsey
    /// Graham, a senior senator who said").
    Named(usize),
    /// A common noun phrase that names no one ("a Kafranbel resident, who
    /// asked"; "the Isis members who were threatening").
    Unnamed(Span),
}

/// The noun the relative clause of the pronoun at `tokens` describes, from
/// the parse: the cue is the pronoun's verb (or completes it: "took to social
/// media to call"), and that verb hangs on the noun as a relative clause. A
/// name inside the noun's modifiers ("officials involved in the war against
/// Islamic State who say") is not it; a name set beside it or a group it
/// belongs to is ("the anti-fascist group Antifa, who"; "The Syrian
/// regime, which"). A noun that cannot speak ("a rebuke by Turkey's
/// president …, who" as the parse may read it) is none: None then, as
/// when the parse shows no such noun before the pronoun.
fn relative_head(
    doc: &Document,
    (cue, tokens): (Option<Span>, Option<(usize, usize)>),
    cues: &CueLexicon,
) -> Option<Relative> {
    let (x, _) = tokens.filter(|&(x, y)| y == x + 1)?;
    let verb = doc.tokens[x].head?;
    let cue = tokens_in(doc, cue?).find(|&c| doc.tokens[c].pos == Some("VERB"))?;
    let completes = doc.tokens[cue].dep == Some("xcomp") && doc.tokens[cue].head == Some(verb);
    if (cue != verb && !completes) || !matches!(doc.tokens[verb].dep, Some("acl:relcl" | "acl")) {
        return None;
    }
    let n = doc.tokens[verb].head.filter(|&n| n < x)?;
    let named = |t: usize| {
        doc.mentions
            .iter()
            .filter(|m| person_like(m.ty) || group_like(m.ty))
            .find(|m| m.span.contains(doc.tokens[t].span))
            .and_then(|m| m.entity)
    };
    if let Some(e) = named(n) {
        return Some(Relative::Named(e));
    }
    if doc.tokens[n].pos != Some("NOUN") {
        return None;
    }
    // "Lindsey Graham, a senior Republican senator who": the name it describes.
    let described = doc.tokens[n]
        .head
        .filter(|_| doc.tokens[n].dep == Some("appos"))
        .and_then(named);
    let beside = (n + 1..x)
        .filter(|&k| doc.tokens[k].head == Some(n))
        .filter(|&k| matches!(doc.tokens[k].dep, Some("appos" | "flat")))
        .find_map(named);
    let group = is_institution(doc, n)
        .then(|| modifying_group(doc, n))
        .flatten();
    if let Some(e) = described.or(beside).or(group) {
        return Some(Relative::Named(e));
    }
    let who = doc
        .span_text(doc.tokens[x].span)
        .eq_ignore_ascii_case("who");
    can_speak(doc, n, who, cues).then(|| Relative::Unnamed(modified_noun(doc, n)))
}

/// Whether the common noun `n` can stand for a speaker: one the training
/// reports saw speak ("officials", "the group", "a report"), a role, or,
/// after "who", a person's noun by its form ("residents", "a fighter").
fn can_speak(doc: &Document, n: usize, who: bool, cues: &CueLexicon) -> bool {
    let word = doc.span_text(doc.tokens[n].span).to_lowercase();
    let agent = ["er", "or", "ist", "ant", "ent", "ee", "ian", "man", "woman"]
        .iter()
        .any(|suffix| word.ends_with(suffix));
    let plural = doc.tokens[n].tag == Some("NNS");
    // "Trump fired off a tweet that told": the writing is its writer's.
    if DOCUMENTS.contains(&word.as_str()) {
        return false;
    }
    cues.is_speaker_noun(&word)
        || role_of(&word).is_some()
        || is_institution(doc, n)
        || (who && (agent || plural || cues.is_speaker_noun(&format!("{word}s"))))
}

/// Noun `n` with its determiner and modifiers before it, a possessor's
/// words too ("a Kafranbel resident", "Isis's most prominent agitators").
fn modified_noun(doc: &Document, n: usize) -> Span {
    let (a, _) = doc.sentences[sentence_index_at(doc, doc.tokens[n].span.start)].tokens;
    let mut first = n;
    while first > a
        && doc.tokens[first - 1]
            .head
            .is_some_and(|h| h > first - 1 && h <= n)
        && (matches!(
            doc.tokens[first - 1].dep,
            Some("det" | "amod" | "compound" | "nummod" | "nmod:poss" | "flat" | "advmod")
        ) || doc.tokens[first - 1].tag == Some("POS"))
    {
        first -= 1;
    }
    Span::new(doc.tokens[first].span.start, doc.tokens[n].span.end)
}

/// Whether the name at `span` only modifies a common noun ("a Trump
/// loyalist", "the Obama administration", "a Republican senator"): it
/// names no one a later pronoun could stand for.
fn modifies_noun(doc: &Document, span: Span) -> bool {
    let Some(last) = tokens_in(doc, span).last() else {
        return false;
    };
    let t = &doc.tokens[last];
    matches!(t.dep, Some("compound" | "amod"))
        && t.head.is_some_and(|h| {
            h != last && doc.tokens[h].pos == Some("NOUN") && !doc.tokens[h].span.overlaps(span)
        })
}

/// The span of the sentence holding byte `pos`.
fn sentence_span(doc: &Document, pos: usize) -> Span {
    let i = sentence_index_at(doc, pos);
    doc.sentences
        .get(i)
        .map_or(Span::new(0, doc.text().len()), |s| s.span)
}

/// How strongly a mention is its sentence's topic: 2 the subject of a main
/// clause (no subordinate relation above its verb), or in apposition to it
/// ("the Turkish president, Recep Tayyip Erdoğan, said"), or a name opening
/// the sentence that the parse made its root; 1 the subject of another
/// clause; 0 neither.
fn topicality(doc: &Document, span: Span) -> u8 {
    // A main clause: no subordinate relation on the way up to the root.
    let main_clause = |mut t: usize| {
        for _ in 0..12 {
            if matches!(
                doc.tokens[t].dep,
                Some("advcl" | "ccomp" | "acl" | "acl:relcl" | "xcomp" | "csubj")
            ) {
                return false;
            }
            match doc.tokens[t].head {
                Some(h) if h != t => t = h,
                _ => return true,
            }
        }
        true
    };
    let subject_of = |i: usize| -> Option<u8> {
        // The name itself, or the noun it is in apposition to, is a subject.
        let i = if doc.tokens[i].dep == Some("appos") {
            doc.tokens[i].head?
        } else {
            i
        };
        matches!(doc.tokens[i].dep, Some("nsubj" | "nsubj:pass")).then(|| {
            if doc.tokens[i].head.is_some_and(main_clause) {
                2
            } else {
                1
            }
        })
    };
    let opens_as_root = doc.sentences.iter().any(|s| s.span.start == span.start)
        && tokens_in(doc, span).any(|i| doc.tokens[i].dep == Some("root"));
    let best = tokens_in(doc, span)
        .filter_map(subject_of)
        .max()
        .unwrap_or(0);
    if opens_as_root {
        2
    } else {
        best
    }
}

/// A personal pronoun's entity: he and she a person (of that gender when
/// known), they a group, an organisation or coordinated people, it an
/// organisation or a country; "we" stays unresolved (the writer, or a
/// speaker's side). The nearest sentence (up to four back) with a subject
/// of that type gives its main-clause subject, else its other subject; the
/// last speaker wins when it spoke later; without either, the last name of
/// that type. Names
/// inside the `quoted` spans and names that only modify a noun do not count.
/// Returns the entity and the mention it was found at, if any.
fn resolve_pronoun(
    doc: &Document,
    w: &str,
    (before, quoted, window_start): (usize, &[Span], usize),
    last_speaker: Option<(usize, usize)>,
    gender: &HashMap<usize, bool>,
    recency: Option<&[Span]>,
) -> Option<(usize, Option<Span>)> {
    let (male, female, neuter) = (MALE.contains(&w), FEMALE.contains(&w), w == "it");
    let plural = matches!(w, "they" | "them" | "their");
    if !(male || female || plural || neuter) {
        return None;
    }
    let ok = |e: usize, at: Span| {
        let ty = doc.entities[e].ty;
        if plural {
            matches!(ty, EntityType::Org | EntityType::Norp)
                || (person_like(ty)
                    && !coordinated(doc, sentence_span(doc, at.start), e).is_empty())
        } else if neuter {
            // "it added": an organisation or a country, never a person.
            matches!(ty, EntityType::Org | EntityType::Gpe)
        } else {
            person_like(ty) && known_gender(doc, e, gender).is_none_or(|g| g == male)
        }
    };
    // A name modifying a noun ("a Trump loyalist") is no one's antecedent, but
    // "Kurdish officials … they" speak for the Kurds.
    let unquoted = |m: &&dossier_core::Mention| {
        !quoted.iter().any(|q| q.contains(m.span)) && (plural || !modifies_noun(doc, m.span))
    };
    let ms: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| {
            m.span.end <= before
                && m.span.start >= window_start
                && m.entity.is_some_and(|e| ok(e, m.span))
        })
        .filter(unquoted)
        .collect();
    let speaker = last_speaker
        .filter(|&(e, at)| at >= window_start && ok(e, Span::new(at.saturating_sub(1), at)));
    // A name that is not a subject, only where the sex agrees for sure.
    let agrees = |e: usize| known_gender(doc, e, gender) == Some(male);
    let subject = match recency {
        Some(contents) if male || female => {
            nearest_mention(doc, w, &ms, (before, quoted, contents), &agrees)
        }
        _ => nearest_subject(doc, &ms),
    };
    match (speaker, subject) {
        (Some(s), Some(t)) if s.1 > t.1.end => Some((s.0, None)),
        (_, Some(t)) => Some((t.0, Some(t.1))),
        (Some(s), None) => Some((s.0, None)),
        (None, None) => ms.last().and_then(|m| m.entity.map(|e| (e, Some(m.span)))),
    }
}

/// The nearest sentence with a subject among the mentions `ms`, and its
/// most topical one (the latest among equals): its entity and span.
fn nearest_subject(doc: &Document, ms: &[&dossier_core::Mention]) -> Option<(usize, Span)> {
    let sentence_of = |m: &dossier_core::Mention| sentence_index_at(doc, m.span.start);
    let subjects: Vec<_> = ms.iter().filter(|m| topicality(doc, m.span) > 0).collect();
    let last = subjects.last()?;
    let si = sentence_of(last);
    let best = subjects
        .iter()
        .rev()
        .take_while(|m| sentence_of(m) == si)
        .max_by_key(|m| (topicality(doc, m.span), m.span.start))
        .unwrap_or(last);
    Some((best.entity.unwrap_or(0), best.span))
}

/// The most recent sentence that names a fitting entity among `ms`: its
/// most topical subject as in `nearest_subject`; else its first name that
/// is neither a possessor nor inside a quote's content, when that name's
/// sex is known to be the pronoun's (`agrees`; when unknown, the nearest
/// subject) and no other phrase of the pronoun's kind is the sentence's
/// subject before it ("I met Ricardo. … he said"; "described by Russia's
/// envoy, Alexey Borodavkin. He urged"). A sentence whose subject is such a
/// phrase ("He attacked Clinton", "The foreign minister criticised
/// Macron") continues an earlier topic, so its other names are passed over.
fn nearest_mention(
    doc: &Document,
    w: &str,
    ms: &[&dossier_core::Mention],
    (before, quoted, contents): (usize, &[Span], &[Span]),
    agrees: &dyn Fn(usize) -> bool,
) -> Option<(usize, Span)> {
    let sentence_of = |m: &dossier_core::Mention| sentence_index_at(doc, m.span.start);
    // "Using a pejorative for Erdoğan, he added": a main-clause subject
    // pronoun is not a name earlier in its own sentence; "For Trump, …, a
    // war he claims" is.
    let own = sentence_index_at(doc, before);
    let pronoun = Span::new(before, before + w.len());
    let own_open = topicality(doc, pronoun) < 2;
    let mut rest = ms;
    while let Some(last) = rest.last() {
        let si = sentence_of(last);
        let split = rest.partition_point(|m| sentence_of(m) < si);
        let (earlier, here) = rest.split_at(split);
        if let Some(found) = nearest_subject(doc, here) {
            return Some(found);
        }
        let first = here
            .iter()
            .find(|m| !possessor(doc, m.span) && !contents.iter().any(|q| q.contains(m.span)));
        if let Some(m) = first {
            if !m.entity.is_some_and(agrees) {
                // A name of unknown sex ("Among them was Nuri Mahmud"):
                // no better guess than the nearest subject.
                return nearest_subject(doc, ms);
            }
            let open = si < own || own_open;
            if open && !topic_of_kind(doc, si, w, (m.span.start, quoted)) {
                return Some((m.entity.unwrap_or(0), m.span));
            }
        }
        rest = earlier;
    }
    None
}

/// Whether the name at `span` is a possessor ("Alan's body", "Trump's
/// eagerness"): it names what is talked of, rarely the next speaker.
fn possessor(doc: &Document, span: Span) -> bool {
    let after = tokens_in(doc, span).end;
    after < doc.tokens.len() && is_possessive(doc, after)
}

/// Whether sentence `si`, before byte `before` and outside quotation marks,
/// has a subject that stands for a person of the he or she `w` without
/// naming one: the same pronoun, or a person noun ("the minister", "his
/// father", "senators").
fn topic_of_kind(doc: &Document, si: usize, w: &str, (before, quoted): (usize, &[Span])) -> bool {
    let Some(s) = doc.sentences.get(si) else {
        return false;
    };
    let (a, b) = s.tokens;
    (a..b).any(|i| {
        let t = &doc.tokens[i];
        let word = doc.span_text(t.span).to_lowercase();
        let singular = word.strip_suffix('s').unwrap_or(&word);
        let person_noun = t.pos == Some("NOUN")
            && (role_of(&word).or_else(|| role_of(singular)) == Some(Role::Person)
                || kin_word_gender(&word).is_some()
                || matches!(word.as_str(), "man" | "woman" | "men" | "women"));
        let same_pronoun = [MALE, FEMALE]
            .iter()
            .any(|set| set.contains(&w) && set.contains(&word.as_str()));
        t.span.end <= before && unquoted_subject(doc, i, quoted) && (same_pronoun || person_noun)
    })
}

/// A person's gender: from the first name of the entity's name (after a
/// title: "President Emmanuel Macron"), else from the pronouns that resolved
/// to it so far.
fn known_gender(doc: &Document, e: usize, learned: &HashMap<usize, bool>) -> Option<bool> {
    let mut words = doc.entities[e].name.split_whitespace();
    let first = words.next()?;
    let first = if is_title(first) {
        words.next()?
    } else {
        first
    };
    given_names::gender(first).or_else(|| learned.get(&e).copied())
}

/// Each person's gender as the narration shows it ("Hall was so angered
/// that he decided"): in every sentence where one person's name, and no
/// other person's, is a subject, the he/him/his and she/her after it
/// outside quotation marks count for that person; a person gets the gender
/// of the pronouns when none is of the other, or twice as many.
/// For names the table of given names does not know ("Ollie", "Shamima").
fn pronoun_genders(doc: &Document, quoted: &[Span]) -> HashMap<usize, bool> {
    let mut counts: HashMap<usize, (usize, usize)> = HashMap::new();
    for s in &doc.sentences {
        let people: Vec<_> = doc
            .mentions
            .iter()
            .filter(|m| s.span.contains(m.span) && person_like(m.ty))
            .filter(|m| !quoted.iter().any(|q| q.contains(m.span)))
            .collect();
        let Some(e) = only_one(people.iter().filter_map(|m| m.entity)) else {
            continue;
        };
        let Some(subject) = people.iter().find(|m| topicality(doc, m.span) > 0) else {
            continue;
        };
        let (a, b) = s.tokens;
        let words = (a..b)
            .map(|i| doc.tokens[i].span)
            .filter(|t| t.start >= subject.span.end && !quoted.iter().any(|q| q.contains(*t)))
            .map(|t| doc.span_text(t));
        let c = counts.entry(e).or_default();
        // (Compared case-blind in place: no string per token.)
        let among = |set: &[&str], w: &str| set.iter().any(|p| p.eq_ignore_ascii_case(w));
        for w in words {
            if among(MALE, w) {
                c.0 += 1;
            } else if among(FEMALE, w) {
                c.1 += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter_map(|(e, (m, f))| {
            if (m >= 1 && f == 0) || (m >= 2 && m >= 2 * f) {
                Some((e, true))
            } else if (f >= 1 && m == 0) || (f >= 2 && f >= 2 * m) {
                Some((e, false))
            } else {
                None
            }
        })
        .collect()
}

/// "Begum's father, speaking from Sunamganj, … “…,” he said": a he or she
/// whose nearest antecedent is a subject headed by a kin noun of its sex
/// ("his mother", "Begum's father"), in this sentence or the two before,
/// with no person of a fitting sex named (outside quotation marks) and no
/// speaker since. Returns the kin phrase's span and tokens; the caller
/// resolves it as a possessed descriptor.
fn kin_antecedent(
    doc: &Document,
    w: &str,
    at: usize,
    quoted: &[Span],
    last_speaker: Option<(usize, usize)>,
) -> Option<(Span, (usize, usize))> {
    let male = match w {
        "he" => true,
        "she" => false,
        _ => return None,
    };
    // Not the pronoun's own sentence: "Andersson's daughter died …, and
    // she blames".
    let (from, until) = (
        sentence_start_back(doc, at, 2),
        sentence_start_back(doc, at, 0),
    );
    let outside = |t: Span| !quoted.iter().any(|q| q.contains(t));
    let k = doc
        .tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.span.start >= from && t.span.end <= until && outside(t.span))
        .filter(|(_, t)| matches!(t.dep, Some("nsubj" | "nsubj:pass")))
        .filter(|(_, t)| kin_word_gender(&doc.span_text(t.span).to_lowercase()) == Some(male))
        .filter(|(i, _)| {
            // A possessed kin noun is someone new ("Her father"); "the
            // Trinidadian mother" is often the woman named before.
            (i.saturating_sub(4)..*i)
                .any(|d| is_possessive(doc, d) && doc.tokens[d].head == Some(*i))
        })
        .map(|(i, _)| i)
        .next_back()?;
    // The phrase: the kin noun and the possessor or article before it.
    let reaches = |mut t: usize| {
        for _ in 0..4 {
            match doc.tokens[t].head {
                Some(h) if h == k => return true,
                Some(h) if h != t => t = h,
                _ => return false,
            }
        }
        false
    };
    let mut start = k;
    while start > 0 && reaches(start - 1) {
        start -= 1;
    }
    let range = (start, k + 1);
    let k = Span::new(doc.tokens[start].span.start, doc.tokens[k].span.end);
    let fits = |m: &&dossier_core::Mention| {
        m.entity.is_some_and(|e| {
            let g = known_gender(doc, e, &HashMap::new());
            person_like(m.ty) && g.is_none_or(|g| g == male)
        })
    };
    let named_since = doc
        .mentions
        .iter()
        .filter(|m| m.span.start > k.end && m.span.end <= at && outside(m.span))
        .any(|m| fits(&m));
    let spoke_since = last_speaker.is_some_and(|(_, pos)| pos > k.start);
    (!named_since && !spoke_since).then_some((k, range))
}

/// The sex a kin noun heading the phrase `[x, y)` gives ("his mother":
/// false, a woman; "Robinson's father": true).
fn kin_gender(doc: &Document, x: usize, y: usize) -> Option<bool> {
    if y <= x {
        return None;
    }
    let head = doc.span_text(doc.tokens[phrase_head(doc, x, y)].span);
    kin_word_gender(&head.to_lowercase())
}

fn kin_word_gender(word: &str) -> Option<bool> {
    match word {
        "father" | "husband" | "son" | "brother" | "widower" | "grandfather" | "uncle" => {
            Some(true)
        }
        "mother" | "wife" | "daughter" | "sister" | "widow" | "grandmother" | "aunt" => Some(false),
        _ => None,
    }
}

/// A title before a name: "Mr", "Dr.", or a role noun ("President").
fn is_title(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    matches!(
        w.as_str(),
        "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame" | "lord" | "lady"
    ) || role_of(&w).is_some()
}

/// Heads of source phrases that stand for the group named before them
/// ("the US state department", "Syrian troops").
const INSTITUTIONS: &[&str] = &[
    "government",
    "ministry",
    "department",
    "office",
    "army",
    "military",
    "forces",
    "troops",
    "police",
    "authorities",
    "administration",
    "embassy",
    "presidency",
    "council",
    "parliament",
    "court",
    "regime",
    "cabinet",
    "state",
    "media",
    "agency",
];

fn is_institution(doc: &Document, t: usize) -> bool {
    INSTITUTIONS.contains(&doc.span_text(doc.tokens[t].span).to_lowercase().as_str())
}

/// The entity named at the head of the source phrase. With the phrase's
/// tokens, only names joined to its head by name parts, modifiers or
/// apposition count ("Russia's deputy prime minister Arkady Dvorkovich" →
/// Dvorkovich), not those in its possessor, "of" phrase or relative clause
/// ("A friend of Begum" → none); a name before a common-noun head is a
/// modifier ("a Trump campaign source"), except a group's before an
/// institution. A person is preferred to a group ("Ukrainian President
/// Volodymyr Zelenskyy"); among groups the first ("the NATO Summit in London").
fn head_name(doc: &Document, span: Span, tokens: Option<(usize, usize)>) -> Option<usize> {
    let inside: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| span.contains(m.span) && m.entity.is_some())
        .collect();
    let inside: Vec<_> = match tokens {
        Some((x, y)) if y > x => {
            let h = phrase_head(doc, x, y);
            // A lowercase role noun is a common noun whatever its tag
            // ("Russia's UN ambassador"; not "al-Assad").
            let word = doc.span_text(doc.tokens[h].span);
            let common = doc.tokens[h].pos == Some("NOUN")
                || (word.starts_with(|c: char| c.is_lowercase()) && role_of(word).is_some());
            let institution = is_institution(doc, h);
            inside
                .into_iter()
                .filter(|m| {
                    (x..y).any(|i| {
                        m.span.contains(doc.tokens[i].span)
                            && joined_to_head(doc, (i, m.span), h, x, y)
                    })
                })
                .filter(|m| {
                    !common
                        || m.span.start > doc.tokens[h].span.start
                        || (institution && group_like(m.ty))
                })
                .collect()
        }
        _ => inside,
    };
    // The person named by the head and its name parts ("Mustafa Bali, a
    // … spokesman"), else the last person, else the first group.
    let names_head = |m: &&&dossier_core::Mention| {
        tokens.is_some_and(|(x, y)| y > x && names_phrase_head(doc, m.span, x, y))
    };
    let named = inside
        .iter()
        .rev()
        .find(|m| person_like(m.ty) && names_head(m))
        .or_else(|| inside.iter().rev().find(|m| person_like(m.ty)))
        .or_else(|| inside.iter().find(|m| group_like(m.ty)))?;
    if named.ty == EntityType::Norp
        && tokens.is_some_and(|(x, y)| {
            y > x
                && ((doc.tokens[x].pos == Some("DET")
                    && is_singular(doc, phrase_head(doc, x, y))
                    && !is_institution(doc, phrase_head(doc, x, y)))
                    || some_of_a_people(doc, x, y, named.span))
        })
    {
        // "the second Canadian", "a Briton", "some Syrians": people of that
        // nation, not the nation (it becomes the speaker's affiliation); not
        // "the Australian government", the state's.
        return None;
    }
    named.entity
}

/// Whether `name` holds the head of the phrase `[x, y)` or one of the head's
/// name parts (not a name in apposition to it).
fn names_phrase_head(doc: &Document, name: Span, x: usize, y: usize) -> bool {
    let h = phrase_head(doc, x, y);
    (x..y).any(|i| {
        name.contains(doc.tokens[i].span)
            && (i == h
                || (doc.tokens[i].head == Some(h)
                    && matches!(doc.tokens[i].dep, Some("flat" | "compound"))))
    })
}

/// "some Syrians", "Syrians in Beirut", "many Americans": a plural demonym
/// heading the phrase names people of a nation; not "the Russians", which
/// often stands for the government, nor "Syrian troops", the state's.
fn some_of_a_people(doc: &Document, x: usize, y: usize, demonym: Span) -> bool {
    let h = phrase_head(doc, x, y);
    demonym.contains(doc.tokens[h].span)
        && matches!(doc.tokens[h].tag, Some("NNS" | "NNPS"))
        && doc.span_text(doc.tokens[h].span).ends_with('s')
        && !doc
            .span_text(doc.tokens[x].span)
            .eq_ignore_ascii_case("the")
}

fn is_singular(doc: &Document, t: usize) -> bool {
    matches!(doc.tokens[t].tag, Some("NN" | "NNP" | "JJ"))
}

/// The token of `[x, y)` whose head lies outside it.
pub(crate) fn phrase_head(doc: &Document, x: usize, y: usize) -> usize {
    (x..y)
        .find(|&i| doc.tokens[i].head.is_none_or(|h| h < x || h >= y))
        .unwrap_or(y - 1)
}

/// Whether token `i` of the name `name` reaches the head `h` through name
/// parts, modifiers and apposition only; not through an apposition once
/// the name is a modifier of a common noun ("Hero, a Kurdish resident"
/// names no Kurds; "The lawyer for Hoda Muthana, the US woman …" not the
/// US; but "…, the Turkish foreign minister, Mevlüt Çavuşoğlu").
fn joined_to_head(doc: &Document, (i, name): (usize, Span), h: usize, x: usize, y: usize) -> bool {
    let mut t = i;
    // Whether the walk left the name as a modifier of a common noun.
    let mut modifier = false;
    for _ in 0..12 {
        if t == h {
            return true;
        }
        let ok = match doc.tokens[t].dep {
            Some("appos") => !modifier,
            d => matches!(
                d,
                Some("flat" | "compound" | "amod" | "det" | "nummod" | "punct")
            ),
        };
        modifier = modifier
            || (matches!(doc.tokens[t].dep, Some("compound" | "amod"))
                && name.contains(doc.tokens[t].span)
                && doc.tokens[t].head.is_some_and(|u| {
                    doc.tokens[u].pos == Some("NOUN") && !name.contains(doc.tokens[u].span)
                }));
        match doc.tokens[t].head {
            Some(up) if ok && up >= x && up < y => t = up,
            _ => return false,
        }
    }
    false
}

/// The one person entity whose name ends with the speaker's one word, in any case.
fn person_by_surname(doc: &Document, speaker: &str) -> Option<usize> {
    let word = speaker.trim();
    if word.contains(char::is_whitespace)
        || word.chars().count() < 3
        || !word.chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    let mut hits = doc.entities.iter().enumerate().filter(|(_, e)| {
        e.ty == EntityType::Person
            && e.name
                .rsplit(' ')
                .next()
                .is_some_and(|last| last.eq_ignore_ascii_case(word))
    });
    let first = hits.next()?.0;
    hits.next().is_none().then_some(first)
}

/// The byte offset where the sentence `n` sentences before `pos` starts.
fn sentence_start_back(doc: &Document, pos: usize, n: usize) -> usize {
    let i = sentence_index_at(doc, pos);
    doc.sentences
        .get(i.saturating_sub(n))
        .map_or(0, |s| s.span.start)
}

/// The byte offset where the sentence `n` sentences before `pos` starts,
/// not counting sentences inside the `quoted` spans: a long quotation
/// between "Letts told ITV News: …" and "He said" does not hide Letts.
/// At most 12 sentences back.
fn start_back_outside_quotes(doc: &Document, pos: usize, n: usize, quoted: &[Span]) -> usize {
    start_back_skipping(doc, pos, n, &|k| inside_quotes(doc, k, quoted))
}

/// Whether sentence `k` lies inside one of the `quoted` spans.
fn inside_quotes(doc: &Document, k: usize, quoted: &[Span]) -> bool {
    let s = doc.sentences[k].span;
    quoted
        .iter()
        .any(|q| q.start <= s.start + 4 && s.end <= q.end + 4)
}

/// The byte offset where the sentence `n` sentences before `pos` starts,
/// not counting the sentences `skip` passes over; at most 12 back.
fn start_back_skipping(
    doc: &Document,
    pos: usize,
    n: usize,
    skip: &dyn Fn(usize) -> bool,
) -> usize {
    let i = sentence_index_at(doc, pos);
    let mut counted = 0;
    let mut k = i;
    while k > 0 && counted < n && i - k < 12 {
        k -= 1;
        if !skip(k) {
            counted += 1;
        }
    }
    doc.sentences.get(k).map_or(0, |s| s.span.start)
}

/// Whether sentence `si` has the he or she `w` as a subject outside
/// quotation marks: it goes on about whoever the pronoun stands for.
fn pronoun_subject(doc: &Document, si: usize, w: &str, quoted: &[Span]) -> bool {
    let Some(set) = [MALE, FEMALE].into_iter().find(|set| set.contains(&w)) else {
        return false;
    };
    let (a, b) = doc.sentences[si].tokens;
    (a..b).any(|i| {
        unquoted_subject(doc, i, quoted)
            && set
                .iter()
                .any(|p| p.eq_ignore_ascii_case(doc.span_text(doc.tokens[i].span)))
    })
}

/// Whether the pronoun `w` is a subject, outside quotation marks, before
/// the name at `name` in its sentence ("She referred to Rashida as …").
fn pronoun_subject_before(doc: &Document, name: Span, w: &str, quoted: &[Span]) -> bool {
    let (a, _) = doc.sentences[sentence_index_at(doc, name.start)].tokens;
    (a..tokens_in(doc, name).start).any(|i| {
        unquoted_subject(doc, i, quoted)
            && doc.span_text(doc.tokens[i].span).eq_ignore_ascii_case(w)
    })
}

/// Whether token `i` is a subject outside quotation marks.
fn unquoted_subject(doc: &Document, i: usize, quoted: &[Span]) -> bool {
    let t = &doc.tokens[i];
    matches!(t.dep, Some("nsubj" | "nsubj:pass")) && !quoted.iter().any(|q| q.contains(t.span))
}

/// What a descriptor's head word stands for.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Role {
    /// Resolved only to a person introduced with the word beside the name.
    Person,
    /// Resolved to the one organisation named just before.
    Group,
}

const ROLE_NOUNS: &str = include_str!("../data/en/role-nouns.tsv");

fn role_of(word: &str) -> Option<Role> {
    static ROLES: std::sync::OnceLock<HashMap<&'static str, Role>> = std::sync::OnceLock::new();
    let roles = ROLES.get_or_init(|| {
        let rows = ROLE_NOUNS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'));
        rows.filter_map(|(w, class)| {
            Some((
                w,
                match class.trim() {
                    "person" => Role::Person,
                    "group" => Role::Group,
                    _ => return None,
                },
            ))
        })
        .collect()
    });
    roles.get(word).copied()
}

/// Whether a word (lowercase) is a title of a person ("president",
/// "senator"), by the role nouns.
pub(crate) fn is_person_title(word: &str) -> bool {
    role_of(word) == Some(Role::Person)
}

/// The person named in apposition to a role noun heading the phrase ("The
/// shadow home secretary, Diane Abbott,"): that name, not someone titled so
/// earlier.
fn appositive_person(doc: &Document, tokens: Option<(usize, usize)>) -> Option<usize> {
    let (x, y) = tokens.filter(|&(x, y)| y > x)?;
    let h = phrase_head(doc, x, y);
    role_of(&doc.span_text(doc.tokens[h].span).to_lowercase()).filter(|&r| r == Role::Person)?;
    let after_comma = |m: &&dossier_core::Mention| {
        let first = tokens_in(doc, m.span).start;
        first > h + 1 && first < y && is_comma(doc, first - 1)
    };
    doc.mentions
        .iter()
        .filter(|m| person_like(m.ty) && m.entity.is_some())
        .find(after_comma)?
        .entity
}

/// A definite descriptor's entity: "the US president" is the person named
/// earlier with "president" beside the name ("President Erdoğan",
/// "Pompeo, the secretary of state"); "the group" is the one organisation
/// named in the two sentences before. Anything less certain stays
/// unresolved: a wrong name is worse than none.
fn descriptor_antecedent(
    doc: &Document,
    span: Span,
    tokens: Option<(usize, usize)>,
    (quoted, previous_named): (&[Span], Option<(usize, Span)>),
) -> Option<usize> {
    let (x, y) = tokens.filter(|&(x, y)| y > x)?;
    let head = doc
        .span_text(doc.tokens[phrase_head(doc, x, y)].span)
        .to_lowercase();
    let first = doc.span_text(doc.tokens[x].span);
    // "Its foreign minister, Nicos Christodoulides, said": the name set off
    // right after a person's descriptor, whatever its determiner.
    if role_of(&head) == Some(Role::Person) {
        if let Some(e) = named_after(doc, y) {
            return Some(e);
        }
    }
    if possessed(doc, x, y) && !first.eq_ignore_ascii_case("the") {
        return role_of(&head)
            .filter(|&r| r == Role::Person)
            .and_then(|_| possessed_antecedent(doc, span, (x, y)));
    }
    if !first.eq_ignore_ascii_case("the") {
        return None;
    }
    match role_of(&head)? {
        Role::Person => doc
            .mentions
            .iter()
            .rev()
            .filter(|m| m.span.end <= span.start && person_like(m.ty))
            .find(|m| m.entity.is_some() && titled_as(doc, m.span, (x, y)))
            .and_then(|m| m.entity)
            .or_else(|| lede_subject(doc, span, person_like))
            .or_else(|| untitled_person(doc, span, &head, (quoted, previous_named)))
            .or_else(|| titled_later(doc, span, &head)),
        // "the coalition" used before for another group is that group.
        Role::Group => lone_group(
            doc,
            span.start,
            &head,
            &head_modifiers(doc, x, phrase_head(doc, x, y)),
        )
        .or_else(|| {
            let organisation = |t| t == EntityType::Org;
            previous_speaker(doc, span, quoted, previous_named, organisation)
                .filter(|_| !word_before(doc, &head, span.start, previous_named))
        })
        .or_else(|| lede_subject(doc, span, |t| t == EntityType::Org))
        .or_else(|| spokesman_for(doc, span, quoted, previous_named)),
    }
}

/// "Hamza Birqdar, a spokesman for Jaish al-Islam, said … The group said":
/// a group descriptor nothing else resolves is the one organisation named
/// inside the phrase of the person who spoke just before.
fn spokesman_for(
    doc: &Document,
    span: Span,
    quoted: &[Span],
    previous_named: Option<(usize, Span)>,
) -> Option<usize> {
    let person = previous_speaker(doc, span, quoted, previous_named, person_like)?;
    let (_, phrase) = previous_named?;
    // "…,” said X of Physicians for Human Rights. The UN and other aid
    // organisations … The organisation says": the last one named.
    let group_since = doc.mentions.iter().any(|m| {
        m.span.start >= phrase.end
            && m.span.end <= span.start
            && m.ty == EntityType::Org
            && !quoted.iter().any(|q| q.contains(m.span))
    });
    if group_since {
        return None;
    }
    only_one(
        doc.mentions
            .iter()
            .filter(|m| phrase.contains(m.span) && m.ty == EntityType::Org)
            .filter_map(|m| m.entity.filter(|&e| e != person)),
    )
}

/// "has been told by the home secretary, Sajid Javid, that": the person
/// named in apposition right after the descriptor's last token `y - 1`,
/// between commas (or a comma and the sentence's end).
fn named_after(doc: &Document, y: usize) -> Option<usize> {
    if !is_comma(doc, y) {
        return None;
    }
    let m = doc.mentions.iter().find(|m| {
        tokens_in(doc, m.span).start == y + 1 && person_like(m.ty) && m.entity.is_some()
    })?;
    let end = tokens_in(doc, m.span).end;
    let closes = is_comma(doc, end)
        || doc
            .tokens
            .get(end)
            .is_none_or(|t| matches!(doc.span_text(t.span), "." | ";" | ":"));
    closes.then_some(m.entity?)
}

/// Whether the phrase `[x, y)` opens with a possessor of its head: "his
/// mother", "Scurfield's mother" (the possessor's own tokens aside).
fn possessed(doc: &Document, x: usize, y: usize) -> bool {
    let h = phrase_head(doc, x, y);
    (x..h).any(|i| is_possessive(doc, i))
}

/// "his", "their", or the "'s" of "Scurfield's".
fn is_possessive(doc: &Document, i: usize) -> bool {
    matches!(doc.tokens[i].tag, Some("PRP$" | "POS"))
}

/// "His mother, Jane Lyndon, said … Outside court, his mother said": a
/// possessed descriptor is the one person the document titles with its
/// head word before it, else the one it titles so in the five sentences
/// after (a lede's "his mother has said"); several, and it stays unresolved.
fn possessed_antecedent(doc: &Document, span: Span, (x, y): (usize, usize)) -> Option<usize> {
    let h = phrase_head(doc, x, y);
    let head = doc.span_text(doc.tokens[h].span).to_lowercase();
    // "Scurfield's mother" is not Scurfield, however "the mother of …
    // Kosta Scurfield" titles him too.
    let before_head = Span::new(doc.tokens[x].span.start, doc.tokens[h].span.start);
    let possessors: Vec<usize> = doc
        .mentions
        .iter()
        .filter(|m| before_head.contains(m.span))
        .filter_map(|m| m.entity)
        .collect();
    let found = only_one(
        doc.mentions
            .iter()
            .filter(|m| m.span.end <= span.start && person_like(m.ty))
            .filter(|m| titled_as(doc, m.span, (x, y)))
            .filter_map(|m| m.entity)
            .filter(|e| !possessors.contains(e)),
    )
    .or_else(|| titled_later(doc, span, &head));
    found.filter(|e| !possessors.contains(e))
}

/// A person's descriptor no title resolves: the one person of the sentence
/// before, else the speaker of the quote before. A descriptor naming a
/// country ("the US leader") only that speaker, when named beside that
/// country somewhere ("US President Donald Trump"); one naming anyone else
/// ("the SDF spokesman"), and one introduced unnamed, no one.
fn untitled_person(
    doc: &Document,
    span: Span,
    head: &str,
    (quoted, previous_named): (&[Span], Option<(usize, Span)>),
) -> Option<usize> {
    if introduced_unnamed(doc, span.start, head) {
        return None;
    }
    let inside: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| span.contains(m.span))
        .collect();
    if inside.is_empty() {
        return previous_subject(doc, span, quoted)
            .or_else(|| previous_speaker(doc, span, quoted, previous_named, person_like));
    }
    let places: Vec<usize> = inside
        .iter()
        .filter(|m| matches!(m.ty, EntityType::Gpe | EntityType::Norp))
        .filter_map(|m| m.entity)
        .collect();
    if places.len() < inside.len() {
        return None;
    }
    // "Trump stuck to his decision … the US president said": the person
    // the text was just about, too, when named beside that country.
    previous_speaker(doc, span, quoted, previous_named, person_like)
        .or_else(|| previous_subject(doc, span, quoted))
        .filter(|&e| places.iter().all(|&p| named_beside(doc, e, p)))
}

/// Whether a mention of `place` stands among the six tokens before a
/// mention of `person` in its sentence ("US President Donald Trump",
/// "Turkey's president, Recep Tayyip Erdoğan").
fn named_beside(doc: &Document, person: usize, place: usize) -> bool {
    doc.mentions
        .iter()
        .filter(|m| m.entity == Some(person))
        .any(|m| {
            let first = tokens_in(doc, m.span).start;
            let from = doc.tokens[first.saturating_sub(6)]
                .span
                .start
                .max(sentence_span(doc, m.span.start).start);
            doc.mentions.iter().any(|p| {
                p.entity == Some(place) && p.span.start >= from && p.span.end <= m.span.start
            })
        })
}

/// "Greg Hunt said on Sunday. “…,” the health minister told Channel
/// Seven": a descriptor that nothing else resolves continues the speaker
/// of the quote just before, when that speaker is named, of the
/// descriptor's kind, and spoke in this sentence or the two before, or in
/// the four before with nothing of that kind named since and the
/// descriptor's head word in a sentence that names it ("As UN secretary
/// general, … Guterres's duty") (sentences inside quotation marks not
/// counted).
fn previous_speaker(
    doc: &Document,
    span: Span,
    quoted: &[Span],
    previous_named: Option<(usize, Span)>,
    kind: fn(EntityType) -> bool,
) -> Option<usize> {
    let (e, at) = previous_named?;
    let named_since = || {
        doc.mentions.iter().any(|m| {
            m.span.start >= at.end
                && m.span.end <= span.start
                && kind(m.ty)
                && !quoted.iter().any(|q| q.contains(m.span))
        })
    };
    let near = at.start >= start_back_outside_quotes(doc, span.start, 2, quoted)
        || (at.start >= start_back_outside_quotes(doc, span.start, 4, quoted)
            && !named_since()
            && head_beside(doc, e, span));
    // Two quotes of one speaker phrase share its entity.
    let before = at.end <= span.start || at == span;
    (near && before && kind(doc.entities[e].ty)).then_some(e)
}

/// Whether the head word of the descriptor at `span` stands in a sentence
/// that names the entity `e`.
fn head_beside(doc: &Document, e: usize, span: Span) -> bool {
    let std::ops::Range { start: x, end: y } = tokens_in(doc, span);
    if y <= x {
        return false;
    }
    let head = doc.span_text(doc.tokens[phrase_head(doc, x, y)].span);
    doc.mentions
        .iter()
        .filter(|m| m.entity == Some(e))
        .any(|m| {
            let (a, b) = doc.sentences[sentence_index_at(doc, m.span.start)].tokens;
            (a..b).any(|i| i < x && same_word(doc.span_text(doc.tokens[i].span), head))
        })
}

/// Whether `word` occurs before `pos` outside the previous speaker's
/// phrase: the descriptor may then stand for what it named there.
fn word_before(doc: &Document, word: &str, pos: usize, previous: Option<(usize, Span)>) -> bool {
    let own = previous.map(|p| p.1);
    doc.tokens
        .iter()
        .take_while(|t| t.span.end <= pos)
        .filter(|t| own.is_none_or(|s| !s.contains(t.span)))
        .any(|t| doc.span_text(t.span).eq_ignore_ascii_case(word))
}

/// A news lede names its speaker by a descriptor and a following sentence
/// by name ("…, the Syrian opposition leader has said. Nasr al-Hariri,
/// chief negotiator for …, said"): for a descriptor in the document's
/// first sentence, the first subject of the descriptor's `kind` (a person;
/// an organisation for "the group") in the second sentence, or in the
/// third when the second has none (a sentence of background between).
fn lede_subject(doc: &Document, span: Span, kind: fn(EntityType) -> bool) -> Option<usize> {
    if !doc.sentences.first()?.span.contains(span) {
        return None;
    }
    doc.sentences.iter().skip(1).take(2).find_map(|s| {
        doc.mentions
            .iter()
            .filter(|m| s.span.contains(m.span) && kind(m.ty))
            .find(|m| m.entity.is_some() && topicality(doc, m.span) > 0)?
            .entity
    })
}

/// "The prime minister said … Scott Morrison, the prime minister, …": a
/// descriptor that nothing before resolves is the one person titled with
/// its head word in the five sentences after it.
fn titled_later(doc: &Document, span: Span, head: &str) -> Option<usize> {
    let here = sentence_index_at(doc, span.start);
    let until = doc
        .sentences
        .get(here + 5)
        .map_or(doc.text().len(), |s| s.span.start);
    only_one(
        doc.mentions
            .iter()
            .filter(|m| m.span.start >= span.end && m.span.end <= until && person_like(m.ty))
            .filter(|m| titled(doc, m.span, head))
            .filter_map(|m| m.entity),
    )
}

/// "the US state department … the department said": a definite phrase
/// headed by an institution noun and naming no one stands for the country
/// or organisation that modified the same noun where it last occurred
/// in the three sentences before ("the Russian defence ministry",
/// "Russia's embassy"), reached through occurrences that name none as
/// this one ("The Russian Embassy … from the embassy. But the embassy
/// claims"); none when an occurrence names none otherwise ("an embassy").
fn institution_antecedent(
    doc: &Document,
    span: Span,
    tokens: Option<(usize, usize)>,
) -> Option<usize> {
    let (x, y) = tokens.filter(|&(x, y)| y > x)?;
    let word = |i: usize| doc.span_text(doc.tokens[i].span).to_lowercase();
    let h = phrase_head(doc, x, y);
    let head = word(h);
    let named_inside = doc.mentions.iter().any(|m| span.contains(m.span));
    if word(x) != "the" || !is_institution(doc, h) || named_inside {
        return None;
    }
    // Several governments or ministries may be in the story: only a
    // mention in the three sentences before stands for this one.
    let from = sentence_start_back(doc, span.start, 3);
    let mut earlier = (0..x)
        .rev()
        .take_while(|&i| doc.tokens[i].span.start >= from)
        .filter(|&i| word(i) == head);
    loop {
        let last = earlier.next()?;
        if let Some(e) = modifying_group(doc, last) {
            return Some(e);
        }
        // Only a bare "the embassy" goes on to the one before.
        if last == 0 || word(last - 1) != "the" {
            return None;
        }
    }
}

/// The country or organisation named as a modifier of the noun `n` in its
/// sentence ("the Russian defence ministry", "Russia's embassy").
fn modifying_group(doc: &Document, n: usize) -> Option<usize> {
    let (a, _) = doc.sentences[doc.sentences.partition_point(|s| s.tokens.1 <= n)].tokens;
    doc.mentions
        .iter()
        .filter(|m| group_like(m.ty) && m.entity.is_some())
        .filter(|m| m.span.end <= doc.tokens[n].span.start)
        .find(|m| tokens_in(doc, m.span).any(|i| i >= a && modifies(doc, i, n)))?
        .entity
}

/// Whether token `i` modifies the noun `n` through name parts, modifiers or
/// a possessive ("the US state department", "Russia's embassy").
fn modifies(doc: &Document, i: usize, n: usize) -> bool {
    let mut t = i;
    for _ in 0..4 {
        let ok = matches!(
            doc.tokens[t].dep,
            Some("flat" | "compound" | "amod" | "nmod:poss" | "case")
        );
        match doc.tokens[t].head {
            Some(up) if up == n && ok => return true,
            Some(up) if ok && up > t && up < n => t = up,
            _ => return false,
        }
    }
    false
}

/// A descriptor no title resolves continues the person the text was just
/// about ("Erdoğan has threatened … The president said"): the one person
/// named in the sentence before (outside quotation marks), when that person
/// is its main-clause subject. Up to two sentences that name no person
/// but go on about one may lie between, their main-clause subject a he or
/// she or a phrase one possesses ("Trump stuck to his decision … On
/// Wednesday, he had argued … But the US president said").
fn previous_subject(doc: &Document, span: Span, quoted: &[Span]) -> Option<usize> {
    let here = sentence_index_at(doc, span.start);
    let people_in = |k: usize| -> Vec<&dossier_core::Mention> {
        let sentence = doc.sentences[k].span;
        doc.mentions
            .iter()
            .filter(|m| sentence.contains(m.span) && person_like(m.ty) && m.entity.is_some())
            .filter(|m| !quoted.iter().any(|q| q.contains(m.span)))
            .collect()
    };
    let mut people = Vec::new();
    for k in (here.saturating_sub(3)..here).rev() {
        people = people_in(k);
        if !people.is_empty() || !about_someone(doc, k) {
            break;
        }
    }
    // "Putin met Erdogan. … the president said" could be either.
    let one = only_one(people.iter().filter_map(|m| m.entity))?;
    people
        .iter()
        .any(|m| topicality(doc, m.span) == 2)
        .then_some(one)
}

/// Whether sentence `k`'s main-clause subject is a he or she, or a phrase a
/// his or her possesses ("His presidency has not been …").
fn about_someone(doc: &Document, k: usize) -> bool {
    let (a, b) = doc.sentences[k].tokens;
    let personal = |i: usize| {
        let w = doc.span_text(doc.tokens[i].span);
        ["he", "she", "his", "her"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(w))
    };
    (a..b).any(|i| {
        let t = &doc.tokens[i];
        let main = t.head.is_some_and(|h| doc.tokens[h].dep == Some("root"));
        matches!(t.dep, Some("nsubj" | "nsubj:pass"))
            && main
            && (personal(i)
                || (a..i)
                    .any(|j| doc.tokens[j].head == Some(i) && is_possessive(doc, j) && personal(j)))
    })
}

/// Whether the three sentences before `pos` introduce someone unnamed by
/// `head` ("a spokesman for the militias said … the spokesman claimed").
fn introduced_unnamed(doc: &Document, pos: usize, head: &str) -> bool {
    let from = sentence_start_back(doc, pos, 3);
    let word = |i: usize| doc.span_text(doc.tokens[i].span).to_lowercase();
    // Tokens are in text order: only those from `from` on are read.
    let first = doc.tokens.partition_point(|t| t.span.start < from);
    (first..doc.tokens.len())
        .take_while(|&i| doc.tokens[i].span.start <= pos)
        .filter(|&i| doc.tokens[i].span.end <= pos)
        .filter(|&i| word(i) == head)
        .any(|i| {
            (i.saturating_sub(4)..i)
                .any(|j| matches!(word(j).as_str(), "a" | "an" | "one" | "another"))
        })
}

/// The organisation named in the two sentences before `pos`: the only one,
/// or the only one whose name or apposition holds `word`, or else whose
/// name holds one of the descriptor's `modifiers`.
fn lone_group(doc: &Document, pos: usize, word: &str, modifiers: &[String]) -> Option<usize> {
    let from = sentence_start_back(doc, pos, 2);
    let groups: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| m.span.start >= from && m.span.end <= pos && m.ty == EntityType::Org)
        .filter_map(|m| m.entity.map(|e| (e, m.span)))
        .collect();
    let named = |g: &&(usize, Span)| {
        doc.entities[g.0].name.to_lowercase().contains(word) || titled(doc, g.1, word)
    };
    // "The Syrian Network for Human Rights … according to the rights group":
    // a word describing the head that the name spells out.
    let described = |g: &&(usize, Span)| {
        let name = doc.entities[g.0].name.to_lowercase();
        modifiers
            .iter()
            .any(|m| name.split(|c: char| !c.is_alphanumeric()).any(|w| w == m))
    };
    only_one(groups.iter().map(|g| g.0))
        .or_else(|| only_one(groups.iter().filter(named).map(|g| g.0)))
        .or_else(|| only_one(groups.iter().filter(described).map(|g| g.0)))
}

/// The lower-cased nouns and adjectives before the head `h` of the phrase
/// from `x` ("rights" of "the rights group").
fn head_modifiers(doc: &Document, x: usize, h: usize) -> Vec<String> {
    (x..h)
        .filter(|&i| matches!(doc.tokens[i].pos, Some("NOUN" | "ADJ")))
        .map(|i| doc.span_text(doc.tokens[i].span).to_lowercase())
        .collect()
}

/// The one value `found` yields, however often; None for none or several.
fn only_one(mut found: impl Iterator<Item = usize>) -> Option<usize> {
    let first = found.next()?;
    found.all(|e| e == first).then_some(first)
}

/// Whether `word` stands beside the name at `name`: among the five tokens
/// before it or inside it ("US Secretary of State Mike Pompeo"), or in an
/// apposition after or before it ("Pompeo, the secretary of state,",
/// "His mother, Jane Lyndon,").
fn titled(doc: &Document, name: Span, word: &str) -> bool {
    among_titles(doc, &title_tokens(doc, name), word)
}

/// Whether `word` is one of the title tokens `titles`, whatever its case.
fn among_titles(doc: &Document, titles: &[usize], word: &str) -> bool {
    titles
        .iter()
        .any(|&i| same_word(doc.span_text(doc.tokens[i].span), word))
}

/// Whether two words are the same but for case, without allocating.
fn same_word(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// The tokens beside a name that may title it: the run before it, its own
/// words, and an apposition's run after or before a comma.
fn title_tokens(doc: &Document, name: Span) -> Vec<usize> {
    let std::ops::Range { start: first, end } = tokens_in(doc, name);
    // A title is a run of nouns, names, adjectives and "of" or "the":
    // a verb, a pronoun or a mark ends it ("Erdogan met Vladimir Putin").
    let breaks = |i: &usize| {
        !matches!(
            doc.tokens[*i].pos,
            Some("NOUN" | "PROPN" | "ADJ" | "ADP" | "DET" | "PART")
        )
    };
    // "the mother of former Royal Marine Kosta Scurfield": a kin noun
    // before "of" is someone else's title.
    let kin_of = |i: &usize| {
        *i >= 1
            && doc
                .span_text(doc.tokens[*i].span)
                .eq_ignore_ascii_case("of")
            && kin_word_gender(&doc.span_text(doc.tokens[*i - 1].span).to_lowercase()).is_some()
    };
    let run_before = |to: usize| {
        (to.saturating_sub(5)..to)
            .rev()
            .take_while(|i| !breaks(i) && !kin_of(i))
    };
    // "The father of Shamima Begum": a run ending in "of" is about her.
    let of_before = first >= 1 && doc.tokens[first - 1].pos == Some("ADP");
    let mut at: Vec<usize> = (first..end).collect();
    if !of_before {
        at.extend(run_before(first));
    }
    // "According to a senior official, Trump agreed": an oblique before a
    // subject, no apposition ("by his defence minister, Hulusi Akar," is one).
    let oblique = first >= 2 && doc.tokens[first - 2].dep == Some("obl");
    let appos = (first..end).any(|i| doc.tokens[i].dep == Some("appos"));
    if first >= 2 && is_comma(doc, first - 1) && (!oblique || appos) {
        at.extend(run_before(first - 1));
    }
    if is_comma(doc, end) {
        at.extend((end + 1..(end + 9).min(doc.tokens.len())).take_while(|i| !breaks(i)));
    }
    at
}

/// Whether a person's name is titled as the descriptor `[x, y)` says:
/// its head word and every adjective or noun before the head ("the health
/// minister" is not "the foreign minister, Julie Bishop"); a country's
/// word is left to the caller.
fn titled_as(doc: &Document, name: Span, (x, y): (usize, usize)) -> bool {
    let h = phrase_head(doc, x, y);
    let titles = title_tokens(doc, name);
    let place = |i: usize| {
        doc.mentions.iter().any(|m| {
            m.span.contains(doc.tokens[i].span)
                && matches!(m.ty, EntityType::Gpe | EntityType::Norp)
        })
    };
    (x..=h)
        .filter(|&i| i == h || (matches!(doc.tokens[i].pos, Some("ADJ" | "NOUN")) && !place(i)))
        .all(|i| among_titles(doc, &titles, doc.span_text(doc.tokens[i].span)))
}

/// Whether token `i` is a conjunct of a token in `to`.
fn conjunct_of(doc: &Document, i: usize, to: &std::ops::Range<usize>) -> bool {
    doc.tokens[i].dep == Some("conj") && doc.tokens[i].head.is_some_and(|h| to.contains(&h))
}

/// "Yıldırım and the Turkish president, Recep Tayyip Erdoğan, have vowed":
/// a name right after a comma that follows a conjunct of `to` names that
/// conjunct, whatever the parse made of it (here a second subject).
fn appositive_of_conjunct(doc: &Document, start: usize, to: &std::ops::Range<usize>) -> bool {
    start >= 2 && is_comma(doc, start - 1) && conjunct_of(doc, start - 2, to)
}

/// The other people and groups coordinated with the speaker `named` in
/// its span ("Trump and Pence", "Germany, France and Italy"): names
/// joined to it, or to one already joined, by a conjunction in the parse.
fn coordinated(doc: &Document, span: Span, named: usize) -> Vec<usize> {
    let names: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| {
            span.contains(m.span)
                && m.entity.is_some_and(|e| e != named)
                && (person_like(m.ty) || group_like(m.ty))
        })
        .collect();
    let mut joined: Vec<std::ops::Range<usize>> = doc
        .mentions
        .iter()
        .filter(|m| span.contains(m.span) && m.entity == Some(named))
        .map(|m| tokens_in(doc, m.span))
        .collect();
    let mut also = Vec::new();
    // Two passes reach a name joined through another ("A, B and C").
    for _ in 0..2 {
        for m in &names {
            let mine = tokens_in(doc, m.span);
            let conj_into = |from: &std::ops::Range<usize>, to: &std::ops::Range<usize>| {
                from.clone().any(|i| conjunct_of(doc, i, to))
                    || appositive_of_conjunct(doc, from.start, to)
            };
            let linked = joined
                .iter()
                .any(|j| conj_into(&mine, j) || conj_into(j, &mine));
            let e = m.entity.unwrap_or(named);
            if linked && !also.contains(&e) {
                also.push(e);
                joined.push(mine);
            }
        }
    }
    also
}

/// Who a speaker that names no one speaks for: the first person, group or
/// place named inside its phrase ("a Trump campaign source" → Trump,
/// "a spokesman for the Kremlin" → the Kremlin).
fn affiliation(doc: &Document, span: Span) -> Option<usize> {
    doc.mentions
        .iter()
        .find(|m| {
            span.contains(m.span) && m.entity.is_some() && (person_like(m.ty) || group_like(m.ty))
        })?
        .entity
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::tests::parsed;
    use dossier_core::{Entity, Mention, MentionKind, Sentence, Speaker};

    /// `doc` with a mention of a new entity over each `(first, last)` token pair.
    fn with_names(mut doc: Document, names: &[(usize, usize, EntityType)]) -> Document {
        for &(first, last, ty) in names {
            let span = Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end);
            doc.entities.push(Entity {
                name: doc.span_text(span).to_string(),
                ty,
                mentions: vec![doc.mentions.len()],
                aliases: Vec::new(),
                kb: Vec::new(),
                key: None,
            });
            doc.mentions.push(Mention {
                span,
                ty,
                kind: MentionKind::Name,
                entity: Some(doc.entities.len() - 1),
            });
        }
        doc
    }

    /// "X met . <subject> spoke ; they said": two sentences, "they" at token 8
    /// resolved to the organisation X.
    fn they_after(subject: &[(&str, &'static str, &'static str)]) -> (Document, Speaker) {
        let mut rows = vec![
            ("Hamas", "PROPN", "NNP", 1, "nsubj"),
            ("met", "VERB", "VBD", -1, "root"),
            (".", "PUNCT", ".", 1, "punct"),
        ];
        let head = 3 + subject.len() as i32 - 1;
        for (k, &(w, pos, tag)) in subject.iter().enumerate() {
            let last = k + 1 == subject.len();
            let (h, dep) = if last {
                (head + 1, "nsubj")
            } else {
                (head, "amod")
            };
            rows.push((w, pos, tag, h, dep));
        }
        rows.extend([
            ("spoke", "VERB", "VBD", -1, "root"),
            (";", "PUNCT", ":", head + 1, "punct"),
            ("they", "PRON", "PRP", head + 4, "nsubj"),
            ("said", "VERB", "VBD", head + 1, "conj"),
        ]);
        let mut d = with_names(parsed(&rows), &[(0, 0, EntityType::Org)]);
        let n = d.tokens.len();
        d.sentences = vec![
            Sentence {
                span: Span::new(0, d.tokens[2].span.end),
                block: 0,
                tokens: (0, 3),
            },
            Sentence {
                span: Span::new(d.tokens[3].span.start, d.tokens[n - 1].span.end),
                block: 0,
                tokens: (3, n),
            },
        ];
        let mut sp = Speaker::unresolved(d.tokens[n - 2].span);
        sp.entity = Some(0);
        (d, sp)
    }

    #[test]
    fn they_after_a_later_plural_subject_of_people_refers_to_it() {
        let cues = CueLexicon::from_tsv("");
        // "Hamas met. The lawyers spoke; they said": the lawyers, not Hamas.
        let (d, sp) = they_after(&[("The", "DET", "DT"), ("lawyers", "NOUN", "NNS")]);
        let found = phrase_antecedent(&d, &cues, "they", &sp, (&[], &[]), None);
        assert_eq!(found.map(|s| d.span_text(s)), Some("The lawyers"));
        // "Hamas met. Hamas officials spoke; they said": the name in the phrase keeps it.
        let (mut d, sp) = they_after(&[("Hamas", "PROPN", "NNP"), ("officials", "NOUN", "NNS")]);
        d.mentions.push(Mention {
            span: d.tokens[3].span,
            ty: EntityType::Org,
            kind: MentionKind::Name,
            entity: Some(0),
        });
        assert_eq!(
            phrase_antecedent(&d, &cues, "they", &sp, (&[], &[]), None),
            None
        );
        // "Hamas met. The talks spoke; they said": no people, Hamas stands.
        let (d, sp) = they_after(&[("The", "DET", "DT"), ("talks", "NOUN", "NNS")]);
        assert_eq!(
            phrase_antecedent(&d, &cues, "they", &sp, (&[], &[]), None),
            None
        );
    }

    #[test]
    fn a_relative_pronoun_stands_for_the_noun_its_clause_describes() {
        let cues = CueLexicon::from_tsv("officials\tspeaker\t9\t10\n");
        // "officials involved in the war against Islamic State who say so":
        // the officials, not the group inside their modifiers.
        let d = with_names(
            parsed(&[
                ("officials", "NOUN", "NNS", -1, "root"),
                ("involved", "VERB", "VBN", 0, "acl"),
                ("in", "ADP", "IN", 4, "case"),
                ("the", "DET", "DT", 4, "det"),
                ("war", "NOUN", "NN", 1, "obl"),
                ("against", "ADP", "IN", 7, "case"),
                ("Islamic", "PROPN", "NNP", 7, "compound"),
                ("State", "PROPN", "NNP", 4, "nmod"),
                ("who", "PRON", "WP", 9, "nsubj"),
                ("say", "VERB", "VBP", 0, "acl:relcl"),
                ("so", "ADV", "RB", 9, "advmod"),
            ]),
            &[(6, 7, EntityType::Org)],
        );
        let cue = Some(d.tokens[9].span);
        assert_eq!(
            relative_head(&d, (cue, Some((8, 9))), &cues),
            Some(Relative::Unnamed(d.tokens[0].span))
        );
        // "Lindsey Graham, a senior senator who said so": the name the
        // noun describes.
        let d = with_names(
            parsed(&[
                ("Lindsey", "PROPN", "NNP", -1, "root"),
                ("Graham", "PROPN", "NNP", 0, "flat"),
                (",", "PUNCT", ",", 5, "punct"),
                ("a", "DET", "DT", 5, "det"),
                ("senior", "ADJ", "JJ", 5, "amod"),
                ("senator", "NOUN", "NN", 0, "appos"),
                ("who", "PRON", "WP", 7, "nsubj"),
                ("said", "VERB", "VBD", 5, "acl:relcl"),
                ("so", "ADV", "RB", 7, "advmod"),
            ]),
            &[(0, 1, EntityType::Person)],
        );
        let cue = Some(d.tokens[7].span);
        assert_eq!(
            relative_head(&d, (cue, Some((6, 7))), &cues),
            Some(Relative::Named(0))
        );
        // A verb the pronoun is not the subject of reports nothing of it.
        let other = Some(d.tokens[8].span);
        assert_eq!(relative_head(&d, (other, Some((6, 7))), &cues), None);
    }

    #[test]
    fn a_name_modifying_the_noun_of_an_apposition_is_not_the_speaker() {
        // "Hero, a Kurdish resident of Afrin, said": Hero names no entity;
        // neither the Kurds nor Afrin speak.
        let d = with_names(
            parsed(&[
                ("Hero", "PROPN", "NNP", 8, "nsubj"),
                (",", "PUNCT", ",", 4, "punct"),
                ("a", "DET", "DT", 4, "det"),
                ("Kurdish", "ADJ", "JJ", 4, "amod"),
                ("resident", "NOUN", "NN", 0, "appos"),
                ("of", "ADP", "IN", 6, "case"),
                ("Afrin", "PROPN", "NNP", 4, "nmod"),
                (",", "PUNCT", ",", 0, "punct"),
                ("said", "VERB", "VBD", -1, "root"),
            ]),
            &[(3, 3, EntityType::Norp), (6, 6, EntityType::Gpe)],
        );
        let span = Span::new(0, d.tokens[6].span.end);
        assert_eq!(head_name(&d, span, Some((0, 7))), None);
        // "The Turkish president, Recep Erdoğan": the name heads the apposition.
        let d = with_names(
            parsed(&[
                ("The", "DET", "DT", 2, "det"),
                ("Turkish", "ADJ", "JJ", 2, "amod"),
                ("president", "NOUN", "NN", 6, "nsubj"),
                (",", "PUNCT", ",", 4, "punct"),
                ("Recep", "PROPN", "NNP", 2, "appos"),
                ("Erdoğan", "PROPN", "NNP", 4, "flat"),
                ("said", "VERB", "VBD", -1, "root"),
            ]),
            &[(1, 1, EntityType::Norp), (4, 5, EntityType::Person)],
        );
        let span = Span::new(0, d.tokens[5].span.end);
        assert_eq!(head_name(&d, span, Some((0, 6))), Some(1));
        // "After the call, the minister, Mevlüt Çavuşoğlu": a name in
        // apposition to an apposition still heads it.
        let d = with_names(
            parsed(&[
                ("After", "ADP", "IN", 2, "case"),
                ("the", "DET", "DT", 2, "det"),
                ("call", "NOUN", "NN", 10, "obl"),
                (",", "PUNCT", ",", 5, "punct"),
                ("the", "DET", "DT", 5, "det"),
                ("minister", "NOUN", "NN", 2, "appos"),
                (",", "PUNCT", ",", 7, "punct"),
                ("Mevlüt", "PROPN", "NNP", 5, "appos"),
                ("Çavuşoğlu", "PROPN", "NNP", 7, "flat"),
                (",", "PUNCT", ",", 2, "punct"),
                ("said", "VERB", "VBD", -1, "root"),
            ]),
            &[(7, 8, EntityType::Person)],
        );
        let span = Span::new(0, d.tokens[8].span.end);
        assert_eq!(head_name(&d, span, Some((0, 9))), Some(0));
    }
}
