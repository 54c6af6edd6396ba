//! Who speaks: the source of a cue, from its subject, its agent, a name set off beside it, a
//! signer, a speaker's colon or the noun phrase before it, trimmed to the speaker's phrase.

use super::*;

/// The source phrase of a cue: its subject (or a passive's "by" agent), else
/// the subject of the verb it completes or the noun its clause describes,
/// else a name or noun phrase just before it; the words between a signed
/// quote and its cue win over all of these.
pub(super) fn cue_source(
    doc: &Document,
    cues: &CueLexicon,
    cue: CueAt,
    earlier: &[Found],
) -> Option<(usize, usize)> {
    let CueAt { c, a, b, .. } = cue;
    let d = doc.tokens[c].dep;
    // "X was quoted as saying (by Interfax)": the one quoted speaks, not
    // the outlet in the "by" phrase.
    let quoted_as = quoting_as_clause(doc, c, a, b).is_some();
    let mut source = if cue.passive && !quoted_as {
        agent_source(doc, c, a, b)
    } else {
        subject_source(doc, cues, cue)
    };
    let mut unlikely = None;
    // "While many … are expected to back her, she …": an agentless passive
    // belief names no one, not even the main clause's subject.
    let agentless_belief = cue.passive && !is_speech_verb(doc, c);
    if source.is_none()
        && !agentless_belief
        && matches!(d, Some(Dep::Xcomp | Dep::Conj | Dep::Advcl | Dep::Ccomp))
    {
        (source, unlikely) = climbed_source(doc, cues, cue, earlier);
    }
    if source.is_none() && d == Some(Dep::Acl) {
        source = described_noun_source(doc, cues, cue);
    }
    // An agentless passive ("was announced", "is seen as") names no
    // speaker: no fallback makes one up from its subject.
    if source.is_none() && !cue.passive {
        source = fallback_source(doc, cues, cue, unlikely);
    }
    let source = source.map(|s| {
        if s.1 <= c {
            with_name_before_cue(doc, s, c)
        } else {
            with_name_after_noun(doc, s, b)
        }
    });
    let source = if let Some(m) = cue.signed {
        signer_between(doc, m, c, b, source)
    } else if source.is_none() && (c == a || is_comma(doc, c - 1)) {
        // "…, noted NBC's Dante Chinni." and "Said Ellis: …": an inverted
        // cue with no subject names its speaker right after it.
        name_after(doc, c, b)
    } else {
        source
    };
    source.and_then(|s| trim_source(doc, s))
}

/// The source of a cue the parse gave none: a name set off after an
/// inverted cue ("…would, said Carlile, also contribute"), else the
/// sentence's topic, a name or a noun phrase just before the cue (or the
/// phrase that holds it), else a subject that names no speaker.
pub(super) fn fallback_source(
    doc: &Document,
    cues: &CueLexicon,
    cue: CueAt,
    unlikely: Option<TokenRange>,
) -> Option<TokenRange> {
    let CueAt { c, a, b, .. } = cue;
    let held = |s: TokenRange| holding_phrase(doc, s, c, (a, b)).unwrap_or(s);
    name_set_off_after(doc, c, b)
        .or_else(|| sentence_topic(doc, c, a))
        .or_else(|| name_before(doc, c, a).map(held))
        .or_else(|| {
            noun_phrase_before(doc, c, a)
                .map(held)
                .filter(|&np| unlikely.is_none() || speaker_like(doc, cues, np))
        })
        .or(unlikely)
}

/// "Granting a fair trial would, said Carlile, also contribute": a cue right
/// after a comma whose name after it is set off by a comma or ends the
/// sentence is inverted, and that name speaks. Not the hearer of "told".
pub(super) fn name_set_off_after(doc: &Document, c: usize, b: usize) -> Option<TokenRange> {
    let word = doc.span_text(doc.tokens[c].span).to_lowercase();
    if c == 0 || !is_comma(doc, c - 1) || HEARER_CUES.contains(&word.as_str()) {
        return None;
    }
    name_after(doc, c, b).filter(|&(x, y)| {
        !is_punct(doc, x)
            && (y == b
                || is_comma(doc, y)
                || matches!(doc.span_text(doc.tokens[y].span), "." | ";"))
    })
}

/// The cue's subject; a subject that names no speaker gives way to a noun
/// phrase right before the cue that does.
pub(super) fn subject_source(doc: &Document, cues: &CueLexicon, cue: CueAt) -> Option<TokenRange> {
    let CueAt { c, a, b, .. } = cue;
    let mut source = nearest_subject(doc, c, a, b);
    // Not a phrase inside the subject: "the men hunting them say" is the
    // men's, "Locals who fled the town in February said" the locals'.
    let within = |(x, y): TokenRange, (sx, sy): TokenRange| x >= sx && y <= sy;
    if let Some(subject) = source.filter(|&sj| !speaker_like(doc, cues, sj)) {
        if let Some(np) = noun_phrase_before(doc, c, a)
            .filter(|&np| !within(np, subject) && speaker_like(doc, cues, np))
        {
            source = Some(np);
        }
    }
    source
}

/// The subject of cue `c`. When the parse gives it several ("That is why
/// critics say", "those surveyed said" as two subjects), the one nearest
/// the cue, with the subjects right before it that run into it.
pub(super) fn nearest_subject(doc: &Document, c: usize, a: usize, b: usize) -> Option<TokenRange> {
    let subjects: Vec<TokenRange> = children(doc, a, b, c)
        .filter(|&j| doc.tokens[j].dep == Some(Dep::Nsubj))
        .map(|j| subtree(doc, j, a, b))
        .collect();
    // "relatives who have made it back for fleeting visits say": a finite
    // cue's "subject" right after a preposition is that preposition's object.
    let placed = |s: &TokenRange| {
        doc.tokens[c].tag != Some(Xpos::Vb) && s.0 > a && places_phrase(doc, s.0 - 1, a)
    };
    let mut before: Vec<TokenRange> = subjects
        .iter()
        .copied()
        .filter(|s| s.1 <= c && !placed(s))
        .collect();
    // "The Syrian regime, which said …, if the opposition insisted …, has
    // said": of several subjects, one opening a subordinate clause with a
    // verb of its own is that clause's.
    let subordinate = |&(x, y): &TokenRange| {
        opens_subordinate(doc, x, a) && (x..y).any(|i| doc.tokens[i].pos == Some(Upos::Verb))
    };
    if before.len() > 1 && before.last().is_some_and(subordinate) {
        before.pop();
    }
    let Some(&(mut x, y)) = before.last() else {
        return subjects.iter().copied().find(|s| s.1 > c);
    };
    for s in before.iter().rev().skip(1) {
        if s.1 != x {
            break;
        }
        x = s.0;
    }
    Some((x, y))
}

/// Whether the phrase starting at token `x` follows a conjunction that
/// opens a subordinate clause ("if the opposition insisted").
pub(super) fn opens_subordinate(doc: &Document, x: usize, a: usize) -> bool {
    x > a
        && doc.tokens[x - 1].dep == Some(Dep::Mark)
        && (SUBORDINATORS.contains(
            &doc.span_text(doc.tokens[x - 1].span)
                .to_lowercase()
                .as_str(),
        ) || matches!(
            doc.span_text(doc.tokens[x - 1].span)
                .to_lowercase()
                .as_str(),
            "if" | "unless" | "whether" | "after" | "before" | "until" | "once"
        ))
}

/// A passive cue's speaker, if named, is the "by" agent: the agent's noun
/// and what precedes it, without its trailing modifiers.
pub(super) fn agent_source(doc: &Document, c: usize, a: usize, b: usize) -> Option<(usize, usize)> {
    children(doc, a, b, c)
        .find(|&j| j > c && is_by_phrase(doc, j, a, b))
        .map(|j| {
            let x = subtree(doc, j, a, b).0 + 1;
            let y = children(doc, a, b, j)
                .filter(|&k| k > j && doc.tokens[k].dep == Some(Dep::Flat))
                .max()
                .unwrap_or(j)
                + 1;
            (x, y)
        })
}

/// "…, adding that", "urged him to call for": the subject of the nearest
/// verb up the chain that has one, or the source of a cue found there.
/// Returns that source, and else a subject that names no speaker, kept only
/// as a last resort.
pub(super) fn climbed_source(
    doc: &Document,
    cues: &CueLexicon,
    cue: CueAt,
    earlier: &[Found],
) -> (Option<TokenRange>, Option<TokenRange>) {
    let CueAt { c, a, b, .. } = cue;
    let dep = |i: usize| doc.tokens[i].dep;
    let mut unlikely = None;
    if let Some(o) = quoted_speaker(doc, c, a, b) {
        // The object's phrase, without the clause when it hangs on it.
        let (x, y) = subtree(doc, o, a, b);
        return (Some((x, y.min(subtree(doc, c, a, b).0.max(o + 1)))), None);
    }
    // "forced Stumpf … to admit", "led the journalist to fear": a clause
    // completing a verb's object is that object's to report. Not when that
    // verb is a report itself ("daring him to say").
    // "contacted us to say" is a purpose, not the hearer's words.
    let controller = (dep(c) == Some(Dep::Xcomp))
        .then(|| {
            doc.tokens[c]
                .head
                .filter(|&u| u >= a && u < b && !earlier.iter().any(|f| f.cue_token == u))
        })
        .flatten()
        .and_then(|up| {
            children(doc, a, b, up).find(|&j| j < c && matches!(dep(j), Some(Dep::Obj | Dep::Iobj)))
        })
        .filter(|&o| !is_hearer_pronoun(doc, o));
    if let Some(o) = controller {
        return (Some(subtree(doc, o, a, b)), unlikely);
    }
    let mut h = c;
    for _ in 0..4 {
        let Some(up) = doc.tokens[h].head.filter(|&u| u >= a && u < b) else {
            break;
        };
        if let Some(f) = earlier
            .iter()
            .rev()
            .find(|f| f.cue_token == up && f.source.is_some())
        {
            return (f.source, unlikely);
        }
        if let Some(j) = children(doc, a, b, up)
            .find(|&j| dep(j) == Some(Dep::Nsubj))
            .filter(|&j| !joined_to_subordinate(doc, (a, b), h, up, subtree(doc, j, a, b)))
        {
            // "Trump's late-summer swoon had Republicans wondering": a
            // subject that names no speaker is kept only as a last resort.
            let subject = subtree(doc, j, a, b);
            if speaker_like(doc, cues, subject) {
                return (Some(subject), unlikely);
            }
            unlikely = unlikely.or(Some(subject));
        }
        if !matches!(
            dep(up),
            Some(Dep::Xcomp | Dep::Conj | Dep::Advcl | Dep::Ccomp)
        ) {
            break;
        }
        h = up;
    }
    (None, unlikely)
}

/// "us", "me", "you": the writer or the reader, who hear a report in the
/// news but do not make it.
pub(super) fn is_hearer_pronoun(doc: &Document, o: usize) -> bool {
    matches!(
        doc.span_text(doc.tokens[o].span).to_lowercase().as_str(),
        "us" | "me" | "you"
    )
}

/// "Rebel fighters are trying …, as the enclave shrinks …, but say",
/// "While X was elected …, Y condemned": a cue `h` the parse joined to an
/// adverbial clause `up` (its "as" or "while" right before its subject),
/// after a comma that ends that clause, does not share the clause's subject.
pub(super) fn joined_to_subordinate(
    doc: &Document,
    (a, b): (usize, usize),
    h: usize,
    up: usize,
    subject: TokenRange,
) -> bool {
    let opens = |j: usize| {
        doc.tokens[j].dep == Some(Dep::Mark)
            && j < subject.0
            && !(j + 1..subject.0).any(|i| is_comma(doc, i))
            && SUBORDINATORS.contains(&doc.span_text(doc.tokens[j].span).to_lowercase().as_str())
    };
    matches!(doc.tokens[h].dep, Some(Dep::Conj | Dep::Advcl))
        && (up + 1..h).any(|i| is_comma(doc, i))
        && children(doc, a, b, up).any(opens)
}

/// Conjunctions that open an adverbial clause ("as the enclave shrinks",
/// "while X was elected"); not "that", which opens what is said.
pub(super) const SUBORDINATORS: &[&str] = &[
    "as", "while", "whilst", "although", "though", "because", "since", "whereas", "when",
];

/// "Trump, who said", "footage of Hillary Clinton asking": the noun the
/// clause of cue `c` hangs on.
pub(super) fn described_noun_source(
    doc: &Document,
    cues: &CueLexicon,
    cue: CueAt,
) -> Option<TokenRange> {
    let CueAt { c, a, b, .. } = cue;
    let dep = |i: usize| doc.tokens[i].dep;
    let h = doc.tokens[c].head.filter(|&h| h >= a && h < c)?;
    // The whole name: "Lin Jian", "Prime Minister Keir Starmer".
    let is_part = |k: usize| {
        doc.tokens[k].head == Some(h) && matches!(dep(k), Some(Dep::Flat | Dep::Compound))
    };
    let (x, _) = noun_with_modifiers(doc, h, a);
    let mut y = h + 1;
    while y < c && is_part(y) {
        y += 1;
    }
    // "Other leaders used blunt language, condemning …": a clause on an
    // object reports its verb's subject, not the object. So does a clause
    // on a noun that names no speaker ("protesters marching through the
    // streets chanted").
    if (doc.tokens[h].pos != Some(Upos::Propn)
        && matches!(dep(h), Some(Dep::Obj | Dep::Obl | Dep::Iobj)))
        || !speaker_like(doc, cues, (x, y))
    {
        let verb = doc.tokens[h].head.filter(|&v| v >= a && v < b);
        let climbed = verb.and_then(|v| {
            match children(doc, a, b, v).find(|&j| dep(j) == Some(Dep::Nsubj)) {
                Some(j) => Some(subtree(doc, j, a, b)),
                // "leaders using blunt language to denounce": the verb is itself a clause on a noun.
                None if dep(v) == Some(Dep::Acl) => doc.tokens[v]
                    .head
                    .filter(|&n| n >= a && n < v)
                    .map(|n| (subtree(doc, n, a, b).0, n + 1)),
                None => None,
            }
        });
        // "while at the same time asking": a time names no one.
        return climbed.or((!is_time_phrase(doc, (x, y))).then_some((x, y)));
    }
    Some((x, y))
}

/// "US National security advisor | Jake Sullivan said": a name the parse
/// left between the subject and the cue belongs to the subject.
pub(super) fn with_name_before_cue(
    doc: &Document,
    (x, y): (usize, usize),
    c: usize,
) -> (usize, usize) {
    if y >= c {
        return (x, y);
    }
    (x, with_person_at(doc, y, c).unwrap_or(y))
}

/// "by the human rights lawyer | Philippe Sands", "according to chemical
/// weapons expert | Hamish de Bretton-Gordon": a person's name right after
/// a common noun ending the source phrase is the name of that person.
pub(super) fn with_name_after_noun(
    doc: &Document,
    (x, y): (usize, usize),
    b: usize,
) -> (usize, usize) {
    if y >= b || y == x || doc.tokens[y - 1].pos != Some(Upos::Noun) {
        return (x, y);
    }
    (x, with_person_at(doc, y, b).unwrap_or(y))
}

/// The end of a person's name that starts at token `y` and ends before token `limit`.
pub(super) fn with_person_at(doc: &Document, y: usize, limit: usize) -> Option<usize> {
    let after = doc.tokens[y].span.start;
    let m = doc.mentions.iter().find(|m| {
        m.span.start == after
            && m.ty == EntityType::Person
            && m.span.end <= doc.tokens[limit - 1].span.end
    })?;
    (y..limit)
        .rev()
        .find(|&i| doc.tokens[i].span.end <= m.span.end)
        .map(|i| i + 1)
}

/// '"…," Rep. Gwen Moore (D-Wis.) said Friday': the words between the
/// closing mark `m` and the cue name the speaker, whatever the parse says.
pub(super) fn signer_between(
    doc: &Document,
    m: usize,
    c: usize,
    b: usize,
    source: Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    let (mut x, mut y) = (m + 1, c);
    while x < y && is_punct(doc, x) {
        x += 1;
    }
    while y > x
        && matches!(
            doc.tokens[y - 1].pos,
            Some(Upos::Punct | Upos::Adv | Upos::Part)
        )
        && doc.span_text(doc.tokens[y - 1].span) != ")"
    {
        y -= 1;
    }
    if x < y {
        Some((x, y))
    } else if source.is_none_or(|(sx, _)| sx < c) {
        // '"…," added Rep. Jim Clyburn (D-S.C.), the …': the name after the cue.
        name_after(doc, c, b).or(source)
    } else {
        source
    }
}

/// The name right after cue `c`: up to eight nouns, names, adjectives,
/// determiners, numbers and name punctuation.
pub(super) fn name_after(doc: &Document, c: usize, b: usize) -> Option<(usize, usize)> {
    let mut y = c + 1;
    // "tweeted retired US army general Jack Keane": a participle describing
    // the name's noun.
    if y + 1 < b
        && matches!(doc.tokens[y].tag, Some(Xpos::Vbn | Xpos::Vbd))
        && matches!(
            doc.tokens[y + 1].pos,
            Some(Upos::Propn | Upos::Noun | Upos::Adj)
        )
    {
        y += 1;
    }
    while y < b
        && y < c + 9
        && (matches!(
            doc.tokens[y].pos,
            Some(Upos::Propn | Upos::Noun | Upos::Adj | Upos::Det | Upos::Num)
        ) || matches!(
            doc.span_text(doc.tokens[y].span),
            "(" | ")" | "." | "-" | "'s" | "’s"
        ))
    {
        y += 1;
    }
    (y > c + 1).then_some((c + 1, y))
}

/// A source range without punctuation at its ends (but with the bracket
/// that closes "(D-Wis.)"); `None` when nothing is left.
pub(super) fn trim_source(
    doc: &Document,
    (mut x, mut y): (usize, usize),
) -> Option<(usize, usize)> {
    let word = |i: usize| doc.span_text(doc.tokens[i].span);
    while x < y && is_punct(doc, x) {
        x += 1;
    }
    while y > x && is_punct(doc, y - 1) && !(word(y - 1) == ")" && (x..y).any(|i| word(i) == "(")) {
        y -= 1;
    }
    (x < y).then_some((x, y))
}

/// "Back in Virginia, Mr. Clarke said, he decided …": a report set off by
/// commas inside the clause it reports.
pub(super) fn is_parenthetical(doc: &Document, c: usize, a: usize, b: usize) -> bool {
    doc.tokens[c].dep == Some(Dep::Advcl)
        && c + 1 < b
        && is_comma(doc, c + 1)
        && doc.tokens[c].head.is_some_and(|h| h > c && h < b)
        && children(doc, a, b, c).any(|j| doc.tokens[j].dep == Some(Dep::Nsubj))
}

/// "PENCE: Well, look…" in a transcript, or "Pat Caddell: Voters Worried"
/// in a headline: a short name opening its paragraph, then a colon. The
/// content is the rest of the paragraph.
pub(super) fn speaker_colon(doc: &Document, si: usize, found: &mut Vec<Found>) -> bool {
    let s = doc.sentences[si];
    let (a, b) = s.tokens;
    let block = doc.blocks[s.block];
    if doc.tokens[a].span.start != block.span.start {
        return false;
    }
    let word = |i: usize| doc.span_text(doc.tokens[i].span);
    // '"WALLACE: Let's start…' when a whole transcript is quoted.
    let a = if is_open_mark(word(a)) { a + 1 } else { a };
    let Some(colon) = (a..b.min(a + 6)).find(|&i| word(i) == ":") else {
        return false;
    };
    let name_like = colon > a
        && (a..colon).all(|i| {
            let w = word(i);
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(w, "." | "-" | "'s" | "’s")
        });
    if !name_like {
        return false;
    }
    // The rest of the paragraph: every sentence of this block.
    let end = doc.sentences[si..]
        .iter()
        .take_while(|x| x.block == s.block)
        .last()
        .map_or(b, |x| x.tokens.1);
    let Some(content) = content_range(doc, (colon + 1, end), 3) else {
        return false;
    };
    found.push(Found {
        cue: doc.tokens[colon].span,
        cue_token: colon,
        source: Some((a, colon)),
        content: vec![content],
        marked: false,
        frames: false,
    });
    true
}

/// The nearest verb above the quote's first token that has a subject, and
/// that subject ("the Summit termed China a "challenge" that "we need…"").
pub(super) fn governing_subject(doc: &Document, quote: Span) -> Option<(usize, (usize, usize))> {
    let (first, a, b) = sentence_of_quote(doc, quote)?;
    let mut j = first;
    for _ in 0..8 {
        let h = doc.tokens[j].head.filter(|&h| h >= a && h < b)?;
        if doc.tokens[h].pos == Some(Upos::Verb) && doc.tokens[h].span.end <= quote.start {
            if let Some(subj) = children(doc, a, b, h).find(|&k| {
                doc.tokens[k].dep == Some(Dep::Nsubj) && doc.tokens[k].span.end <= quote.start
            }) {
                let (x, y) = subtree(doc, subj, a, b);
                return (!matches!(
                    doc.span_text(doc.tokens[x].span).to_lowercase().as_str(),
                    "it" | "this" | "that" | "which"
                ))
                .then_some((h, (x, y)));
            }
        }
        j = h;
    }
    None
}

/// When the parse gives a cue no subject: the name (person, organization,
/// place) ending closest before it, within a few tokens.
pub(super) fn name_before(doc: &Document, c: usize, a: usize) -> Option<(usize, usize)> {
    let cue_start = doc.tokens[c].span.start;
    let window = doc.tokens[c.saturating_sub(4).max(a)].span.start;
    let m = doc
        .mentions
        .iter()
        .rev()
        .skip_while(|m| m.span.end > cue_start)
        .take_while(|m| m.span.end >= window)
        .find(|m| {
            matches!(
                m.ty,
                EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Norp
            )
        })?;
    let (x, y) = tokens_within(doc, m.span, a, c)?;
    Some(person_before_preposition(doc, x, a).unwrap_or((x, y)))
}

/// "Elyas, 25, from Hasaka, said", "Jones of Oxford University said": a
/// name after a preposition tells where the speaker is from; the person
/// named just before the preposition, with only commas and numbers between,
/// speaks.
pub(super) fn person_before_preposition(
    doc: &Document,
    x: usize,
    a: usize,
) -> Option<(usize, usize)> {
    let p = x
        .checked_sub(1)
        .filter(|&p| p >= a && doc.tokens[p].pos == Some(Upos::Adp))?;
    let aside = |i: usize| {
        matches!(doc.tokens[i].pos, Some(Upos::Punct | Upos::Num))
            && doc.span_text(doc.tokens[i].span) != "."
    };
    let end = (a..p).rev().find(|&i| !aside(i))? + 1;
    let m = doc
        .mentions
        .iter()
        .find(|m| m.ty == EntityType::Person && m.span.end == doc.tokens[end - 1].span.end)?;
    tokens_within(doc, m.span, a, p)
}

/// Whether the tokens `[x, y)` can name a speaker: a name, a pronoun, or a
/// phrase whose head noun names speakers in PolNeAR ("the spokesman"), not
/// "the streets" or "softer language".
pub(super) fn speaker_like(doc: &Document, cues: &CueLexicon, (x, y): (usize, usize)) -> bool {
    if is_time_phrase(doc, (x, y)) {
        return false;
    }
    if mention_within(
        doc,
        doc.tokens[x].span.start,
        doc.tokens[y - 1].span.end,
        &[
            EntityType::Person,
            EntityType::Org,
            EntityType::Gpe,
            EntityType::Norp,
        ],
    )
    .is_some()
    {
        return true;
    }
    let head = (x..y)
        .find(|&i| doc.tokens[i].head.is_none_or(|h| h < x || h >= y))
        .unwrap_or(y - 1);
    match doc.tokens[head].pos {
        Some(Upos::Propn | Upos::Pron) => true,
        Some(Upos::Noun) => cues.is_speaker_noun(doc.span_text(doc.tokens[head].span)),
        _ => false,
    }
}

/// "Nearly eight of 10 voters say …", "A union representing flight
/// attendants endorsed …": the parse found no subject, but a noun phrase
/// ends right before the cue (past adverbs and auxiliaries: "privately
/// express", "would call").
pub(super) fn noun_phrase_before(doc: &Document, c: usize, a: usize) -> Option<(usize, usize)> {
    let pos = |i: usize| doc.tokens[i].pos;
    let mut y = c;
    while y > a && matches!(pos(y - 1), Some(Upos::Adv | Upos::Aux | Upos::Part)) {
        y -= 1;
    }
    // "authorities on Monday described", "at the same time asking": a time
    // phrase (with its preposition) before the cue is no speaker; the noun
    // phrase before it may be.
    if y > a && is_time_word(doc.span_text(doc.tokens[y - 1].span)) {
        y -= 1;
        while y > a
            && matches!(
                pos(y - 1),
                Some(Upos::Det | Upos::Adj | Upos::Num | Upos::Propn | Upos::Noun)
            )
        {
            y -= 1;
        }
        if y > a && pos(y - 1) == Some(Upos::Adp) {
            y -= 1;
        }
        while y > a && matches!(pos(y - 1), Some(Upos::Adv | Upos::Punct)) {
            y -= 1;
        }
    }
    if y == a
        || !matches!(
            pos(y - 1),
            Some(Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num)
        )
    {
        return None;
    }
    // "In a statement it said": a subject pronoun is a phrase of its own.
    let word = doc.span_text(doc.tokens[y - 1].span).to_lowercase();
    if pos(y - 1) == Some(Upos::Pron) && SUBJECT_PRONOUNS.contains(&word.as_str()) {
        return Some((y - 1, y));
    }
    let mut x = y - 1;
    while x > a
        && (matches!(
            pos(x - 1),
            Some(Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num | Upos::Det | Upos::Adj)
        ) || doc.span_text(doc.tokens[x - 1].span) == "of")
    {
        x -= 1;
    }
    Some((x, y))
}

/// Prepositions that place or relate a phrase ("in the camps", "for fleeting
/// visits", "of the Russian armed forces"), not those that open a clause
/// ("after the US announced") or mark an agent ("by officials").
pub(super) const PREPOSITIONS: &[&str] = &[
    "in", "at", "on", "for", "of", "from", "with", "into", "onto", "about", "over", "under",
    "against", "among", "across", "through", "near", "inside", "outside", "within", "without",
    "toward", "towards", "between", "around", "during", "despite", "upon", "via", "to",
];

/// Whether token `p` is one of `PREPOSITIONS`; not a "with" opening its
/// clause, whose object is the clause's subject (", with Turkey saying").
pub(super) fn places_phrase(doc: &Document, p: usize, a: usize) -> bool {
    let w = doc.span_text(doc.tokens[p].span).to_lowercase();
    PREPOSITIONS.contains(&w.as_str()) && !(w == "with" && (p == a || is_comma(doc, p - 1)))
}

/// Whether the phrase headed by `t` hangs on another word as its object or
/// modifier ("in the camps", "the Interpol chief", "fled the town"), so
/// that a larger phrase holds it.
pub(super) fn is_held_phrase(doc: &Document, t: usize, (a, b): (usize, usize)) -> bool {
    match doc.tokens[t].dep {
        Some(Dep::Compound | Dep::Amod | Dep::Obj | Dep::Iobj) => true,
        Some(Dep::Obl | Dep::Nmod) => children(doc, a, b, t)
            .any(|k| k < t && doc.tokens[k].dep == Some(Dep::Case) && places_phrase(doc, k, a)),
        _ => false,
    }
}

/// "many mothers detained in the camps say", "people who have seen him in
/// … Syria, and reported", "Valery Gerasimov, the chief of … the Russian
/// armed forces, said": a name or noun phrase before a cue with no subject
/// that is the object or modifier of another word does not speak; the
/// phrase holding it does: the nominal it hangs on (through objects,
/// modifiers, conjuncts and appositions), or the subject of the clause it
/// sits in, or the noun that clause describes. `None` when `phrase` is no
/// such part or nothing before the cue holds it.
pub(super) fn holding_phrase(
    doc: &Document,
    phrase: TokenRange,
    c: usize,
    (a, b): (usize, usize),
) -> Option<TokenRange> {
    let mut t = crate::speakers::phrase_head(doc, phrase.0, phrase.1);
    // "… on Sunday evening Trump said": a person named right before the
    // cue speaks, whatever the parse hangs the name on.
    let person = |m: &dossier_core::Mention| {
        m.ty == EntityType::Person && crate::tree::holds_token(doc, m.span, phrase.0)
    };
    let next_to_cue = (phrase.1..c)
        .all(|i| matches!(doc.tokens[i].pos, Some(Upos::Aux | Upos::Adv | Upos::Part)));
    if !is_held_phrase(doc, t, (a, b)) || (next_to_cue && doc.mentions.iter().any(person)) {
        return None;
    }
    let modified =
        matches!(doc.tokens[t].dep, Some(Dep::Compound | Dep::Amod)).then(|| doc.tokens[t].head);
    for _ in 0..8 {
        let Some(up) = doc.tokens[t].head.filter(|&u| u >= a && u < c) else {
            break;
        };
        let dep = doc.tokens[up].dep;
        let pos = doc.tokens[up].pos;
        if matches!(pos, Some(Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num))
            || dep == Some(Dep::Nsubj)
        {
            // Through conjuncts and descriptions ("the chief" in apposition
            // to a name), up to the nominal that is no one's part.
            let through =
                dep == Some(Dep::Conj) || (dep == Some(Dep::Appos) && pos != Some(Upos::Propn));
            if !through && !is_held_phrase(doc, up, (a, b)) {
                return Some(nominal_phrase(doc, up, (a, c)));
            }
        } else if pos == Some(Upos::Verb) {
            let relative = dep == Some(Dep::Acl);
            if let Some(s) =
                children(doc, a, b, up).find(|&s| s < up && doc.tokens[s].dep == Some(Dep::Nsubj))
            {
                return Some(match doc.tokens[up].head {
                    Some(n) if relative && is_relative_pronoun(doc, s) && n < s => {
                        noun_with_modifiers(doc, n, a)
                    }
                    _ => nominal_phrase(doc, s, (a, up)),
                });
            }
            if let Some(n) = doc.tokens[up]
                .head
                .filter(|&n| relative && n >= a && n < up)
            {
                return Some(noun_with_modifiers(doc, n, a));
            }
        }
        t = up;
    }
    // "Jürgen Stock, the Interpol chief, said": the noun a name modifies.
    modified
        .flatten()
        .filter(|&n| n >= a && n < c)
        .map(|n| noun_with_modifiers(doc, n, a))
}

/// The phrase of nominal `n` before token `end`, without a preposition
/// opening it or a clause hanging on it ("the official Syrian opposition",
/// "tens of thousands", "a group of 40 figures" of "… have written").
pub(super) fn nominal_phrase(doc: &Document, n: usize, (a, end): (usize, usize)) -> TokenRange {
    let end = end.max(n + 1);
    let clauses = [Dep::Parataxis, Dep::Acl, Dep::Advcl, Dep::Ccomp, Dep::Xcomp];
    let phrase = crate::tree::subtree_without(doc, n, a, end, &clauses);
    let mut x = phrase.first().copied().unwrap_or(n);
    let y = phrase.last().map_or(n + 1, |&l| l + 1);
    while x < n
        && matches!(
            doc.tokens[x].dep,
            Some(Dep::Case | Dep::Mark | Dep::Punct | Dep::Cc)
        )
    {
        x += 1;
    }
    (x, y)
}

/// Noun `n` with the determiners, adjectives and nouns before it that
/// modify it ("The few relatives", "the Interpol chief").
pub(super) fn noun_with_modifiers(doc: &Document, n: usize, a: usize) -> TokenRange {
    let modifies = |k: usize| {
        doc.tokens[k].head == Some(n)
            && matches!(
                doc.tokens[k].dep,
                Some(Dep::Flat | Dep::Compound | Dep::Det | Dep::Amod | Dep::Nummod)
            )
    };
    let mut x = n;
    while x > a && modifies(x - 1) {
        x -= 1;
    }
    (x, n + 1)
}

/// "who", "which", "that" opening a relative clause.
pub(super) fn is_relative_pronoun(doc: &Document, s: usize) -> bool {
    doc.tokens[s].pos == Some(Upos::Pron)
        && matches!(
            doc.span_text(doc.tokens[s].span).to_lowercase().as_str(),
            "who" | "which" | "that"
        )
}

/// Adverbs and objects right after a sentence-final cue ("he said on
/// Tuesday", "Biden said in an interview") belong to the attribution.
pub(super) fn trailing_modifiers(doc: &Document, c: usize, b: usize) -> usize {
    let mut n = 0;
    let mut j = c + 1;
    // An object is not a modifier: "accused NATO of …" reports about NATO.
    while j < b
        && doc.tokens[j].head.is_some_and(|h| {
            (h == c && !matches!(doc.tokens[j].dep, Some(Dep::Obj | Dep::Iobj))) || (h > c && h < j)
        })
        && !is_punct(doc, j)
    {
        n += 1;
        j += 1;
    }
    n
}
