//! Features of a candidate trigger and of a kept event, for the trigger classifier and the event
//! judge (step 5): general cues of the parse, no word lists.

use super::*;

/// A trigger whose act a CAMEO pattern or default gave, with the features the
/// trigger classifier reads, its act and its PLOVER code (`dossier train event-triggers`).
pub struct Candidate {
    pub features: Vec<String>,
    pub act: EventType,
    pub ty: EventType,
}

/// An event as extracted before the event judge decides, with what the judge
/// reads of it (`dossier train event-features`).
pub struct JudgedCandidate {
    pub event: Event,
    pub features: Vec<String>,
}

thread_local! {
    /// Set by `judge_candidates_of`: every event the judge is asked about, kept.
    static JUDGE_LOG: std::cell::RefCell<Option<Vec<JudgedCandidate>>> =
        const { std::cell::RefCell::new(None) };
}

/// Runs `run` (the pipeline over documents, on this thread) with the event
/// judge keeping everything, and returns every event it was asked about with
/// its features: what `extract` sees, to train the judge on.
pub fn judge_candidates_of(run: impl FnOnce()) -> Vec<JudgedCandidate> {
    JUDGE_LOG.with(|l| *l.borrow_mut() = Some(Vec::new()));
    run();
    JUDGE_LOG.with(|l| l.borrow_mut().take().unwrap_or_default())
}

/// The event judge's verdict on an event (every one kept while logging).
pub(super) fn judged(lex: &EventLexicon, event: &Event, features: Vec<String>) -> Verdict {
    JUDGE_LOG.with(|l| match l.borrow_mut().as_mut() {
        Some(log) => {
            log.push(JudgedCandidate {
                event: event.clone(),
                features,
            });
            Verdict::Kept(None)
        }
        None => lex.judge_event(&features),
    })
}

/// Every trigger the CAMEO dictionary types, with its features, before the
/// trigger classifier decides (which it does not here).
pub fn candidates(doc: &mut Document, lex: &EventLexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    recognise_with(doc, lex, Some(&mut out));
    out
}

/// What the trigger classifier reads of a candidate: the verb's lemma and act
/// and where the act came from, what the verb governs (its object's head, its
/// prepositions), its attachment, who acts and is acted on, and the status.
pub(super) fn trigger_features(
    c: &Clause<'_>,
    verb: &Verb,
    e: &Event,
    origin: Origin,
) -> Vec<String> {
    let v = verb.v;
    let lemma = c.lex.lemma(&verb.form);
    let act = e.act.as_str();
    let kids: Vec<usize> = c.children(v).collect();
    let object = c.object(v).map(|k| singular(c.word(k)));
    let subject_pos = c
        .subject(v)
        .map_or("none", |sj| c.doc.tokens[sj].pos.map_or("X", Upos::as_str));
    let source_kind = e.source.first().map_or("none", |&a| {
        if c.nominals.nth(a).is_some() {
            "nominal"
        } else {
            c.doc.entities[a].ty.as_str()
        }
    });
    let mut f = vec![
        format!("l={lemma}"),
        format!("la={lemma}|{act}"),
        format!("a={act}"),
        format!("o={}", origin.as_str()),
        format!("oa={}|{act}", origin.as_str()),
        format!("d={}", c.rel(v)),
        format!("sp={subject_pos}"),
        format!("sk={source_kind}"),
        format!("ska={source_kind}|{act}"),
        format!("t={}", !e.target.is_empty()),
        format!("ta={}|{act}", !e.target.is_empty()),
        format!("st={}", e.status.as_str()),
        format!("ob={}", object.as_deref().unwrap_or("-")),
        format!("lo={lemma}|{}", object.as_deref().unwrap_or("-")),
    ];
    for &k in kids
        .iter()
        .filter(|&&k| matches!(c.dep(k), Some(Dep::Obl | Dep::Xcomp)))
    {
        let marker = c
            .children(k)
            .find(|&m| matches!(c.dep(m), Some(Dep::Case | Dep::Mark)))
            .map_or_else(|| c.word(k).to_lowercase(), |m| c.word(m).to_lowercase());
        f.push(format!("p={}:{marker}", c.rel(k)));
        f.push(format!("lp={lemma}|{marker}"));
    }
    f
}

/// What the event judge reads of an event: general cues of whether a real act
/// of its type was done, not word lists. The trigger's lemma, act, PLOVER code,
/// origin and status; its tense (the tagger's XPOS tag) and attachment; its
/// auxiliaries, markers, negation, copula and object; the verbs it hangs under
/// (up to two, by relation, lemma and cue class: "wants to", "in order to",
/// "if"); its subject and actors; quote, question and condition.
pub(super) fn judge_features(
    c: &Clause<'_>,
    verb: &Verb,
    e: &Event,
    origin: Origin,
) -> Vec<String> {
    let v = verb.v;
    let lemma = c.lex.lemma(&verb.form);
    let ty = plover_type(e);
    let tag = c.doc.tokens[v].tag.map_or("X", Xpos::as_str);
    let mut f = vec![
        format!("l={lemma}"),
        format!("a={}", e.act.as_str()),
        format!("ty={}", ty.as_str()),
        format!("lt={lemma}|{}", ty.as_str()),
        format!("o={}", origin.as_str()),
        format!("st={}", e.status.as_str()),
        format!("tag={tag}"),
        format!("d={}", c.rel(v)),
        format!("q={}", e.quote.is_some()),
        format!("src={}", e.source.len().min(2)),
        format!("tgt={}", e.target.len().min(2)),
        format!("th={}", e.theme.is_some()),
    ];
    for k in c.children(v) {
        let dep = c.dep(k);
        if matches!(
            dep,
            Some(Dep::Aux | Dep::Mark | Dep::Cop | Dep::Expl | Dep::Advmod)
        ) {
            f.push(format!("c={}:{}", c.rel(k), c.word(k).to_lowercase()));
        } else if dep == Some(Dep::Obj) {
            // What is acted on: "gave reasons" is no act, "gave weapons" is.
            f.push(format!("ob={}", singular(c.word(k))));
        } else if matches!(dep, Some(Dep::Iobj | Dep::Ccomp | Dep::Xcomp | Dep::Obl)) {
            f.push(format!("c={}", c.rel(k)));
        }
    }
    subject_features(c, v, &mut f);
    governor_features(c, v, &mut f);
    sentence_features(c, &mut f);
    // Only when read: the shipped judge has no weight for them.
    if c.lex.judge_reads_sense || JUDGE_LOG.with(|l| l.borrow().is_some()) {
        sense_features(c, v, &mut f);
    }
    actor_features(c, e, &mut f);
    c.context.features(c.doc, e.sentence, &mut f);
    f
}

/// The kinds of the first source and target (a country, a person, a common
/// noun by its CAMEO sector…, or none) and the pair.
pub(super) fn actor_features(c: &Clause<'_>, e: &Event, f: &mut Vec<String>) {
    let kind = |actors: &[EntityId]| {
        actors.first().map_or_else(
            || "none".to_string(),
            |&a| context::actor_kind(c.doc, c.lex, c.nominals, a),
        )
    };
    let (source, target) = (kind(&e.source), kind(&e.target));
    f.push(format!("sk={source}"));
    f.push(format!("tk={target}"));
    f.push(format!("skt={source}|{target}"));
}

/// The subject's kind: a pronoun by its word, else its part of speech.
pub(super) fn subject_features(c: &Clause<'_>, v: usize, f: &mut Vec<String>) {
    let subject = c.subject(v);
    let kind = subject.map_or_else(
        || "none".to_string(),
        |sj| match c.doc.tokens[sj].pos {
            Some(Upos::Pron) => c.word(sj).to_lowercase(),
            pos => pos.unwrap_or(Upos::X).to_string(),
        },
    );
    f.push(format!("sj={kind}"));
}

/// The verbs (or adjectives, nouns) `v` hangs under, up to two: by relation,
/// lemma, cue class and their own markers and auxiliaries.
pub(super) fn governor_features(c: &Clause<'_>, v: usize, f: &mut Vec<String>) {
    let mut h = v;
    for level in 1..=2 {
        let Some(u) = c.doc.tokens[h]
            .head
            .filter(|&u| u >= c.a && u < c.b && u != h)
        else {
            f.push(format!("h{level}=root"));
            return;
        };
        let rel = c.rel(h);
        let word = c.word(u).to_lowercase();
        let head_lemma = base_form(&word);
        let pos = c.doc.tokens[u].pos.unwrap_or(Upos::X);
        f.push(format!("h{level}={rel}|{pos}"));
        f.push(format!("h{level}l={rel}|{head_lemma}"));
        if let Some((class, _)) = crate::cue_classes::CueClasses::english().of_word(&word) {
            f.push(format!("h{level}c={rel}|{}", class.as_str()));
        }
        for k in c.children(h) {
            if c.dep(k) == Some(Dep::Mark) {
                f.push(format!("h{level}m={rel}|{}", c.word(k).to_lowercase()));
            }
        }
        for k in c.children(u) {
            if matches!(c.dep(k), Some(Dep::Aux | Dep::Mark)) {
                f.push(format!("h{level}a={}", c.word(k).to_lowercase()));
            }
        }
        h = u;
    }
}

/// The prefixes of the features `sense_features` writes.
pub(super) const SENSE_PREFIXES: [&str; 4] = ["ok=", "prt=", "gen=", "nn="];

/// The trigger's sense (#24, session 25): what its object is (a name by
/// type, an actor noun, an act named by a noun, a pronoun, a number, another
/// noun: "struck a deal" and "struck a note" differ here), its particle, a
/// generic statement (a bare plural subject in the present tense), and how
/// many names of people, organisations and places the sentence holds.
pub(super) fn sense_features(c: &Clause<'_>, v: usize, f: &mut Vec<String>) {
    let object = c.object(v);
    let kind = object.map_or("none", |o| {
        let word = singular(&c.word(o).to_lowercase());
        match c.doc.tokens[o].pos {
            _ if mention_of(c, o, &NAMED) => "name",
            Some(Upos::Pron) => "pron",
            Some(Upos::Num) => "num",
            _ if c.lex.agents.contains_key(&word) => "agent",
            _ if c.lex.verbs.contains_key(&word) => "act",
            _ => "noun",
        }
    });
    f.push(format!("ok={kind}"));
    // The parser hangs a particle ("lashed out", "called off") as a compound tagged RP.
    for k in c
        .children(v)
        .filter(|&k| c.doc.tokens[k].tag == Some(Xpos::Rp))
    {
        f.push(format!("prt={}", c.word(k).to_lowercase()));
    }
    let present = matches!(c.doc.tokens[v].tag, Some(Xpos::Vbp | Xpos::Vbz));
    let bare_plural = c.subject(v).is_some_and(|sj| {
        c.doc.tokens[sj].tag == Some(Xpos::Nns)
            && !c.children(sj).any(|k| c.dep(k) == Some(Dep::Det))
    });
    f.push(format!("gen={}", present && bare_plural));
    let (a, b) = (c.doc.tokens[c.a].span.start, c.doc.tokens[c.b - 1].span.end);
    let names = c
        .doc
        .mentions
        .iter()
        .filter(|m| NAMED.contains(&m.ty) && m.span.start >= a && m.span.end <= b)
        .count();
    f.push(format!("nn={}", names.min(3)));
}

/// Cues of the whole sentence: a question, a condition. (Not its length: the
/// PLOVER sentences, short and nearly all events, would teach that short is real.)
pub(super) fn sentence_features(c: &Clause<'_>, f: &mut Vec<String>) {
    let question = (c.a..c.b).any(|i| c.word(i) == "?");
    let condition = (c.a..c.b).any(|i| {
        c.dep(i) == Some(Dep::Mark) && matches!(c.word(i).to_lowercase().as_str(), "if" | "unless")
    });
    f.push(format!("sq={question}"));
    f.push(format!("sif={condition}"));
}
