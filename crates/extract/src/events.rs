//! Events in PLOVER terms: who did what to whom, with theme, amount, time,
//! place, status and the quote that reported it.
//!
//! The trigger is a verb. Its type comes from the PETRARCH-2 CAMEO verb
//! patterns (a pattern on the verb's object first, else the verb's default where backed),
//! mapped to PLOVER (`scripts/build-event-verbs`). Giving verbs whose object is
//! equipment or aid are AID, as an aid tracker needs, whatever CAMEO says.
//! Actors come from the parse: the subject's names are the sources, split
//! over coordination; the indirect object, a "to" phrase or (for non-aid
//! events) the object's names are the targets.
//!
//! # The steps, in order
//!
//! 1. **Trigger and type.** A verb is typed by the CAMEO patterns mapped to
//!    PLOVER; where the codebook names the act ("signed an agreement",
//!    "blocked roads") its code wins. A block default stands only where the
//!    codebook names the verb or the NGEC stories back it (lift >= 2,
//!    `models/event-trigger-lift.tsv`); a pattern stands unless the stories
//!    speak against it; an everyday or motion verb needs a pattern with a
//!    content word. Defaults and patterns the judged rows show wrong are
//!    corrected when the lexicon is built (`models/event-verb-corrections.tsv`).
//!    A verb of speech, belief, perception or expectation is an event only
//!    as a speech act the codebook codes (`data/en/event-speech-acts.tsv`) or
//!    through a CAMEO pattern.
//! 2. **No event** (`acts`, `obligations`): an obligation or need stated,
//!    unless reported as a demand of an actor; an act only wanted, tried,
//!    asked for, possible, hoped, feared or expected; one done by no one; a
//!    verb standing as a noun with no argument; an act after "without" or
//!    under "avoid". One event per clause: a verb under another event's verb
//!    or describing a noun folds into it, except a gift under a pledge.
//! 3. **Status.** A negation reaches down through complements and conjuncts
//!    that share the subject; a condition or question makes the event
//!    hypothetical; a pledge or plan is pledged/planned; an act relayed by a
//!    verb of speech or "according to" is reported.
//! 4. **Actors** (`political`, `embedding`, `passive_voice`): sources from
//!    the subject, targets from indirect objects and "to" phrases, swapped
//!    by a passive; only the least embedded names of a role act; a common
//!    noun that names an actor (`models/event-agents.tsv`) becomes an entity;
//!    an event needs an actor who acts and one who is no business.
//! 5. **Classifier and judge.** A CAMEO-typed trigger must pass the trigger
//!    classifier (`models/event-triggers.tsv`, trained on the NGEC stories);
//!    every event must pass the event judge (`models/event-judge.tsv`, a
//!    logistic model over general features, `judge_features` and `context`,
//!    trained on hand-judged rows and the PLOVER tune half by
//!    `scripts/build-event-judge`).
//! 6. **Second reading** (`reread`, `phrases`): once kept, an event's actors
//!    and status are read again, so no event comes or goes: places become
//!    `place`, pronouns stand for their names, names that only describe or
//!    place another do not act.
//! 7. **Recode** (`recode`, `discourse`, `object_classes`, `conventions`):
//!    the act is recoded where the PLOVER codebook codes it otherwise than
//!    CAMEO, and political discourse it does not code (polls, rallies, views
//!    shared, comment declined) goes. Each rule's words are in `data/en/`.
//!
//! The JSON `type` is the PLOVER code (`plover_type`: an intention to give
//! aid is AGREE), `act` the act pledged or done (AID) and `status` its
//! status; the store's aid tracker reads `act`.

use dossier_core::{Dep, Upos, Xpos};

use crate::speakers::Reach;
use std::collections::HashMap;

use dossier_core::{
    ById, Document, EntityId, EntityType, Event, EventStatus, EventType, IdVec, MentionId,
    MentionKind, Numbered, QuantityId, QuoteId, Renumber, SentenceId, Span, TimeId,
};

mod acts;
mod context;
mod conventions;
mod discourse;
mod object_classes;
mod obligations;
mod party_roles;
mod phrases;
mod political;
mod recode;
mod reread;
mod word_classes;

/// A verb pattern: the words that must all occur in what the verb governs, and its type.
type Pattern = (Vec<String>, Option<EventType>);

/// The verb patterns of `models/event-verbs.tsv` (`scripts/build-event-verbs`).
pub struct EventLexicon {
    /// form → (lemma, default type): `None` for a verb that makes an event only through a pattern.
    verbs: HashMap<String, (String, Option<EventType>)>,
    /// lemma → its patterns in dictionary order: the words that must all occur in what the verb
    /// governs (a word or `&SYNSET`), and the type (`None`: no event with these words).
    patterns: HashMap<String, Vec<Pattern>>,
    /// word → synsets it belongs to
    synsets: HashMap<String, Vec<String>>,
    /// Common nouns that name an actor ("police", "protester"), singular, with their entity
    /// type and CAMEO agent code ("police" → COP, "company" → BUS, read by `political`).
    agents: HashMap<String, (EntityType, String)>,
    /// (lemma, act) pairs whose CAMEO default the synthetic stories or the codebook support
    /// (`models/event-trigger-lift.tsv`); `None` when no table is read (every default stands).
    supported: Option<std::collections::HashSet<(String, EventType)>>,
    /// (lemma, act) pairs the synthetic stories speak against: seen in several stories, no more
    /// often in that act's stories than elsewhere, and not named by the codebook.
    contradicted: std::collections::HashSet<(String, EventType)>,
    /// The trigger classifier (`models/event-triggers.tsv`), when one is read.
    triggers: Option<TriggerModel>,
    /// The event judge (`models/event-judge.tsv`), when one is read: whether an
    /// extracted event is a real, done act of its type (learned from judged rows).
    judge: Option<TriggerModel>,
    /// Whether the judge weighs a sense feature (`sense_features`): if not,
    /// they are computed only for training.
    judge_reads_sense: bool,
}

/// A logistic model over a candidate trigger's features (`trigger_features`),
/// trained on the NGEC synthetic stories (`dossier train event-triggers`): the
/// probability that the candidate's act is its story's labelled event. A
/// candidate scoring under the threshold is no event.
pub struct TriggerModel {
    pub bias: f64,
    pub threshold: f64,
    /// Thresholds for events with a given feature (`threshold|st=asserted`), the first
    /// that applies replacing `threshold`: the judge's labels disagree less on some kinds.
    pub thresholds_if: Vec<(String, f64)>,
    pub weights: HashMap<String, f64>,
}

impl TriggerModel {
    /// Reads `bias`, `threshold` and `feature<TAB>weight` lines.
    pub fn from_tsv(tsv: &str) -> Option<Self> {
        let mut model = TriggerModel {
            bias: 0.0,
            threshold: 0.0,
            thresholds_if: Vec::new(),
            weights: HashMap::new(),
        };
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let Some((name, w)) = line.split_once('\t') else {
                continue;
            };
            let Ok(w) = w.parse::<f64>() else { continue };
            match name {
                "bias" => model.bias = w,
                "threshold" => model.threshold = w,
                _ if name.starts_with("threshold|") => {
                    model
                        .thresholds_if
                        .push((name["threshold|".len()..].to_string(), w));
                }
                _ => {
                    model.weights.insert(name.to_string(), w);
                }
            }
        }
        (!model.weights.is_empty()).then_some(model)
    }

    /// The model of a table, its threshold replaced when one is given; none for an empty table.
    fn with_threshold(tsv: &str, threshold: Option<f64>) -> Option<Self> {
        Self::from_tsv(tsv).map(|mut m| {
            m.threshold = threshold.unwrap_or(m.threshold);
            m
        })
    }

    /// Whether a model keeps these features (always, with no model).
    fn keeps(model: Option<&Self>, features: &[String]) -> bool {
        model.is_none_or(|m| m.probability(features) >= m.threshold_for(features))
    }

    /// The threshold of the first feature-conditioned one that applies, else the model's.
    fn threshold_for(&self, features: &[String]) -> f64 {
        self.thresholds_if
            .iter()
            .find(|(feature, _)| features.contains(feature))
            .map_or(self.threshold, |&(_, t)| t)
    }

    /// The probability the model gives these features.
    pub fn probability(&self, features: &[String]) -> f64 {
        let z = self.bias
            + features
                .iter()
                .filter_map(|f| self.weights.get(f))
                .sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }
}

impl EventLexicon {
    pub fn from_tsv(tsv: &str) -> Self {
        let mut lex = EventLexicon {
            verbs: HashMap::new(),
            patterns: HashMap::new(),
            synsets: HashMap::new(),
            agents: HashMap::new(),
            supported: None,
            contradicted: Default::default(),
            triggers: None,
            judge: None,
            judge_reads_sense: false,
        };
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = line.split('\t').collect();
            match f.as_slice() {
                ["V", form, lemma, _, ty] => {
                    lex.verbs
                        .insert(form.to_string(), (lemma.to_string(), EventType::parse(ty)));
                }
                ["P", lemma, words, _, ty] => {
                    let words = words
                        .split(' ')
                        .map(|w| {
                            if w.starts_with('&') {
                                w.to_string()
                            } else {
                                singular(w)
                            }
                        })
                        .collect();
                    lex.patterns
                        .entry(lemma.to_string())
                        .or_default()
                        .push((words, EventType::parse(ty)));
                }
                ["S", name, word] => lex
                    .synsets
                    .entry(singular(word))
                    .or_default()
                    .push(name.to_string()),
                _ => {}
            }
        }
        lex
    }

    /// Adds the actor nouns of `models/event-agents.tsv` (`scripts/build-event-agents`).
    pub fn with_agents(mut self, tsv: &str) -> Self {
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            if let [noun, code, ty] = line.split('\t').collect::<Vec<_>>().as_slice() {
                if let Some(ty) = EntityType::parse(ty) {
                    self.agents.insert(singular(noun), (ty, code.to_string()));
                }
            }
        }
        self
    }

    /// Reads `models/event-trigger-lift.tsv` (`scripts/build-event-trigger-lift`): a verb's
    /// CAMEO default act stands only where the codebook names the verb or the synthetic stories
    /// back it (in at least 2 stories of that act, at least twice as often as in the rest: lift >= 2).
    /// A default the stories never show, or show no more in its act's stories, is only the
    /// default of the verb's CAMEO block: "managed", "faces", "broke out" make no event.
    /// An empty table keeps every default (`DOSSIER_NO_TRIGGER_LIFT`, to build the table).
    pub fn with_trigger_lift(mut self, tsv: &str) -> Self {
        let mut supported = std::collections::HashSet::new();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            if let [lemma, act, stories, of_its_type, lift, named] =
                line.split('\t').collect::<Vec<_>>().as_slice()
            {
                // A word of the codebook's prose ("express", "control", "make") is not
                // evidence when many stories show it no more often in its act's stories.
                let refuted = stories.parse::<u32>().is_ok_and(|n| n >= REFUTING_STORIES)
                    && lift.parse::<f64>().is_ok_and(|l| l < 1.0);
                let backed = (lift.parse::<f64>().is_ok_and(|l| l >= 2.0)
                    && of_its_type.parse::<u32>().is_ok_and(|n| n >= 2))
                    || (*named == "1" && !refuted);
                // Against: in 3 stories or more, and no more often in its act's stories than elsewhere.
                let against = stories.parse::<u32>().is_ok_and(|n| n >= 3)
                    && lift.parse::<f64>().is_ok_and(|l| l < 1.0)
                    && *named != "1";
                if let (true, Some(act)) = (against, EventType::parse(act)) {
                    self.contradicted.insert((lemma.to_string(), act));
                }
                if let (true, Some(act)) = (backed, EventType::parse(act)) {
                    supported.insert((lemma.to_string(), act));
                }
            }
        }
        self.supported = (!supported.is_empty()).then_some(supported);
        self
    }

    /// Adds the trigger classifier of `models/event-triggers.tsv`, its threshold
    /// replaced when one is given; an empty table adds none.
    pub fn with_trigger_model(mut self, tsv: &str, threshold: Option<f64>) -> Self {
        self.triggers = TriggerModel::with_threshold(tsv, threshold);
        self
    }

    /// Whether the trigger classifier keeps a candidate (always, with no classifier).
    fn takes_trigger(&self, features: &[String]) -> bool {
        TriggerModel::keeps(self.triggers.as_ref(), features)
    }

    /// Adds the event judge of `models/event-judge.tsv` (same format as the
    /// trigger classifier), its threshold replaced when one is given.
    pub fn with_judge_model(mut self, tsv: &str, threshold: Option<f64>) -> Self {
        self.judge = TriggerModel::with_threshold(tsv, threshold);
        self.judge_reads_sense = self.judge.as_ref().is_some_and(|m| {
            let thresholds = m.thresholds_if.iter().map(|(f, _)| f);
            m.weights
                .keys()
                .chain(thresholds)
                .any(|f| SENSE_PREFIXES.iter().any(|p| f.starts_with(p)))
        });
        self
    }

    /// Whether the event judge keeps an event (always, with no judge).
    fn takes_event(&self, features: &[String]) -> bool {
        TriggerModel::keeps(self.judge.as_ref(), features)
    }

    /// A verb form's lemma in the dictionary, else the form.
    fn lemma<'a>(&'a self, form: &'a str) -> &'a str {
        self.verbs
            .get(form)
            .map_or(form, |(lemma, _)| lemma.as_str())
    }

    /// Whether the synthetic stories speak against verb `form` having act `act`.
    fn contradicts(&self, form: &str, act: EventType) -> bool {
        self.verbs
            .get(form)
            .is_some_and(|(lemma, _)| self.contradicted.contains(&(lemma.clone(), act)))
    }

    /// Whether the codebook or the synthetic stories support verb `form`'s default act `act`.
    fn supports_default(&self, form: &str, act: EventType) -> bool {
        // Motion, possession and everyday verbs make an event only through what they govern.
        if self
            .verbs
            .get(form)
            .is_some_and(|(lemma, _)| EVERYDAY.contains(&lemma.as_str()))
        {
            return false;
        }
        let Some(supported) = &self.supported else {
            return true;
        };
        self.verbs
            .get(form)
            .is_some_and(|(lemma, _)| supported.contains(&(lemma.clone(), act)))
    }

    /// The type of verb `form` governing these words (lower case, singular), if it is an event:
    /// the pattern with most words that all occur wins (the first in the dictionary among equals),
    /// else the verb's default.
    pub fn classify(&self, form: &str, governed: &[String]) -> Option<EventType> {
        let default = self.verbs.get(form)?.1;
        self.classify_by_pattern(form, governed).unwrap_or(default)
    }

    /// The type a pattern gives verb `form` governing these words: `None`
    /// when no pattern matches (the verb's default would decide).
    pub fn classify_by_pattern(
        &self,
        form: &str,
        governed: &[String],
    ) -> Option<Option<EventType>> {
        let (lemma, _) = self.verbs.get(form)?;
        let occurs = |p: &String| {
            governed
                .iter()
                .any(|w| w == p || self.synsets.get(w).is_some_and(|s| s.contains(p)))
        };
        let mut best: Option<(usize, Option<EventType>)> = None;
        // "came to", "went on": an everyday verb's pattern needs a content word.
        let everyday = EVERYDAY.contains(&lemma.as_str());
        let loose = |words: &Vec<String>| {
            everyday && words.iter().all(|w| FUNCTION_WORDS.contains(&w.as_str()))
        };
        for (words, ty) in self.patterns.get(lemma).into_iter().flatten() {
            if best.is_none_or(|(n, _)| words.len() > n)
                && !loose(words)
                && words.iter().all(occurs)
            {
                best = Some((words.len(), *ty));
            }
        }
        best.map(|(_, ty)| ty)
    }
}

/// Stories that must show a verb, no more often in its act's stories than elsewhere,
/// before the codebook's naming of the verb stops backing its default act.
const REFUTING_STORIES: u32 = 10;

/// Verbs of motion, possession and everyday doing (#24): "going", "took",
/// "came to", "swept into" report no act unless what they govern names one
/// ("took control of", "went on strike").
const EVERYDAY: &[&str] = &[
    "come", "go", "leave", "take", "get", "make", "have", "put", "move", "sweep", "bring", "keep",
    "fly", "travel", "head", "run", "walk",
];

/// Prepositions and particles: a pattern of these alone names no act.
const FUNCTION_WORDS: &[&str] = &[
    "to", "in", "into", "on", "onto", "up", "out", "off", "down", "over", "for", "with", "from",
    "at", "by", "back", "away", "about", "through", "across", "around", "along",
];

/// Nouns that count or gather the actors named after "of".
const COLLECTIVES: &[&str] = &[
    "group",
    "number",
    "crowd",
    "band",
    "team",
    "delegation",
    "contingent",
    "thousand",
    "hundred",
    "dozen",
    "score",
    "member",
    "million",
];

/// Nouns that name an attack: an act with no actor named.
const ATTACK_NOUNS: &[&str] = &[
    "attack",
    "assault",
    "bombing",
    "bomb",
    "blast",
    "explosion",
    "airstrike",
    "strike",
    "raid",
    "shelling",
    "shell",
    "rocket",
    "missile",
    "ambush",
    "offensive",
];

/// Verbs that hand something over.
const GIVING: &[&str] = &[
    "send", "provide", "give", "supply", "deliver", "donate", "ship", "transfer", "grant", "offer",
    "pledge", "commit", "allocate", "lend", "loan",
];
/// What an aid tracker counts: equipment and aid.
const AID_GOODS: &[&str] = &[
    "system",
    "battery",
    "weapon",
    "missile",
    "munition",
    "ammunition",
    "shell",
    "rocket",
    "tank",
    "aircraft",
    "jet",
    "fighter",
    "drone",
    "equipment",
    "component",
    "artillery",
    "vehicle",
    "helicopter",
    "aid",
    "assistance",
    "package",
    "fund",
    "funding",
    "loan",
    "grant",
    "money",
    "support",
    "interceptor",
    "launcher",
];
/// Verbs that report what someone said or concluded.
const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "announced",
    "concluded",
    "insisted",
    "stated",
    "declared",
    "added",
];
/// Nouns that name a protest, and the verbs that put one on.
const PROTEST_NOUNS: &[&str] = &[
    "demonstration",
    "protest",
    "strike",
    "rally",
    "march",
    "sit-in",
    "walkout",
    "vigil",
    "picket",
];
const STAGING: &[&str] = &[
    "stage",
    "staged",
    "stages",
    "staging",
    "hold",
    "held",
    "holds",
    "holding",
    "begin",
    "began",
    "begun",
    "begins",
    "continue",
    "continued",
    "continues",
    "continuing",
    "launch",
    "launched",
    "launches",
    "start",
    "started",
    "starts",
    "mount",
    "mounted",
    "organize",
    "organized",
    "organise",
    "organised",
];
/// Verbs that make their event a commitment.
const PLEDGING: &[&str] = &[
    "pledge", "promise", "commit", "vow", "offer", "announce", "agree",
];
const PLANNING: &[&str] = &[
    "plan", "intend", "aim", "expect", "set", "prepare", "seek", "want", "hope", "schedule",
    "poise",
];

fn base_form(word: &str) -> String {
    let w = word.to_lowercase();
    for (suffix, repl) in [
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.len() >= 3 {
                let candidate = format!("{stem}{repl}");
                if GIVING.contains(&candidate.as_str())
                    || PLEDGING.contains(&candidate.as_str())
                    || PLANNING.contains(&candidate.as_str())
                {
                    return candidate;
                }
                let with_e = format!("{stem}e");
                if GIVING.contains(&with_e.as_str())
                    || PLEDGING.contains(&with_e.as_str())
                    || PLANNING.contains(&with_e.as_str())
                {
                    return with_e;
                }
                // "committed", "shipped": a doubled final consonant.
                let mut chars = stem.chars().rev();
                if let (Some(last), Some(before)) = (chars.next(), chars.next()) {
                    let undoubled = &stem[..stem.len() - last.len_utf8()];
                    if last == before
                        && (GIVING.contains(&undoubled) || PLEDGING.contains(&undoubled))
                    {
                        return undoubled.to_string();
                    }
                }
            }
        }
    }
    w
}

/// A verb without one inflection and its final "e": "withdrew" stays,
/// "evacuated" is "evacuat", "refuses" "refus".
fn stem_of(form: &str) -> &str {
    let bare = ["ing", "ed", "es", "s"]
        .iter()
        .find_map(|suffix| form.strip_suffix(suffix).filter(|s| s.len() >= 2))
        .unwrap_or(form);
    bare.trim_end_matches('e')
}

fn singular(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some(s) = w.strip_suffix("ies") {
        return format!("{s}y");
    }
    w.strip_suffix('s')
        .filter(|s| s.len() >= 3)
        .map(str::to_string)
        .unwrap_or(w)
}

/// Tokens of a sentence `[a, b)` with their parse, for the role lookups.
#[derive(Clone, Copy)]
struct Clause<'d> {
    doc: &'d Document,
    a: usize,
    b: usize,
    lex: &'d EventLexicon,
    nominals: &'d Nominals,
    /// The document around the clause, for the event judge.
    context: &'d context::DocContext,
    /// The second reading of a kept event's actors (`reread`).
    reread: bool,
}

/// Dependency labels of an auxiliary (the parser marks no passive one apart).
const AUX: &[Dep] = &[Dep::Aux];

impl Clause<'_> {
    fn dep(&self, i: usize) -> Option<Dep> {
        self.doc.tokens[i].dep
    }
    /// The relation as the classifiers' features spell it ("" for none).
    fn rel(&self, i: usize) -> &'static str {
        self.dep(i).map_or("", Dep::as_str)
    }
    fn word(&self, i: usize) -> &str {
        self.doc.span_text(self.doc.tokens[i].span)
    }
    fn children(&self, of: usize) -> impl Iterator<Item = usize> + '_ {
        crate::tree::children(self.doc, self.a, self.b, of)
    }
    /// The direct objects of `v` (`tree::objects_of`).
    fn objects(&self, v: usize) -> impl Iterator<Item = usize> + '_ {
        crate::tree::objects_of(self.doc, self.a, self.b, v)
    }
    /// The direct object of `v`, its first `obj` child (`tree::object_of`).
    fn object(&self, v: usize) -> Option<usize> {
        crate::tree::object_of(self.doc, self.a, self.b, v)
    }
    /// Whether `of` has a child labelled one of `deps` that is one of `words`
    /// (lowercase): "must" in "must send", "was" in "was attacked".
    fn has_auxiliary(&self, of: usize, deps: &[Dep], words: &[&str]) -> bool {
        self.children(of).any(|k| {
            self.dep(k).is_some_and(|d| deps.contains(&d))
                && words.contains(&self.word(k).to_lowercase().as_str())
        })
    }
    /// Whether `v` has an oblique phrase marked by one of `words` (lowercase).
    fn obl_marked(&self, v: usize, words: &[&str]) -> bool {
        self.children(v)
            .filter(|&k| self.dep(k) == Some(Dep::Obl))
            .any(|k| {
                self.children(k)
                    .any(|m| words.contains(&self.word(m).to_lowercase().as_str()))
            })
    }
    /// The oblique phrases of `v` marked by the case word `word` ("with", "from").
    fn obliques(&self, v: usize, word: &'static str) -> impl Iterator<Item = usize> + '_ {
        self.children(v)
            .filter(move |&k| self.dep(k) == Some(Dep::Obl) && marked_by(self.doc, k, word))
    }
    /// Whether `v` has a child that is the word `word` (a particle: "down").
    fn has_word(&self, v: usize, word: &str) -> bool {
        self.children(v)
            .any(|k| self.word(k).eq_ignore_ascii_case(word))
    }
    /// Whether a word that negates (`NEGATING`: "not", "never") hangs on `v`.
    fn negated(&self, v: usize) -> bool {
        self.children(v)
            .any(|k| NEGATING.contains(&self.word(k).to_lowercase().as_str()))
    }
    /// Tokens under `top`, skipping the subtrees of `skip`-labelled children.
    fn subtree(&self, top: usize, skip: &[Dep]) -> Vec<usize> {
        crate::tree::subtree_without(self.doc, top, self.a, self.b, skip)
    }
    fn hull(&self, tokens: &[usize]) -> Option<Span> {
        let (&x, &y) = (tokens.iter().min()?, tokens.iter().max()?);
        Some(Span::new(
            self.doc.tokens[x].span.start,
            self.doc.tokens[y].span.end,
        ))
    }
    /// The actors a phrase headed by `head` names, without the clauses that
    /// describe it; failing a name, the common nouns that name actors.
    fn actors_of(&self, head: usize) -> Vec<EntityId> {
        let named = self.entities(actors(self, &self.subtree(head, &[Dep::Acl])));
        let conjuncts = self
            .children(head)
            .filter(|&k| self.dep(k) == Some(Dep::Conj));
        let conjuncts: Vec<usize> = std::iter::once(head).chain(conjuncts).collect();
        if named.is_empty() {
            // "the police chief and the army commander" may both resolve to one holder.
            let mut out: Vec<EntityId> = Vec::new();
            for n in conjuncts.iter().filter_map(|&h| self.nominal(h)) {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
            return out;
        }
        // "the Sudanese government and the rebels in Darfur": a conjunct that
        // names no one may still be a common noun that acts.
        let unnamed =
            |h: usize| actors(self, &self.subtree(h, &[Dep::Acl, Dep::Conj, Dep::Cc])).is_empty();
        let mut out = named;
        for h in conjuncts.into_iter().filter(|&h| unnamed(h)) {
            out.extend(self.nominal(h).filter(|n| !out.contains(n)));
        }
        out
    }

    /// Entity ids of actors, a nationality's people made a common-noun entity.
    fn entities(&self, found: Vec<Actor>) -> Vec<EntityId> {
        let mut out = Vec::new();
        for a in found {
            let id = match a {
                Actor::Entity(e) => Some(e),
                Actor::People(h) => self.nominal(h),
                Actor::Role(h) => self.role_nominal(h),
                Actor::Counted(h) => self.noun_phrase_actor(h, EntityType::Norp),
                Actor::Named(span) => Some(self.named(span)),
            };
            out.extend(id.filter(|id| !out.contains(id)));
        }
        out
    }

    /// A name read in full where the NER cut it ("Islamic State"): the
    /// document's entity of that name or alias, else a new organisation.
    fn named(&self, span: Span) -> EntityId {
        let text = self.doc.span_text(span);
        let same = |e: &dossier_core::Entity| {
            e.name.eq_ignore_ascii_case(text)
                || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(text))
        };
        let found = self.doc.entities.iter().position(same);
        found.map(EntityId::new).unwrap_or_else(|| {
            self.nominals.index_kind(
                span,
                text.to_string(),
                EntityType::Org,
                dossier_core::MentionKind::Name,
            )
        })
    }

    /// "the government", "protesters", "police": an actor named by a common
    /// noun, as a (provisional) entity; the noun phrase without its clauses,
    /// prepositional phrases and determiners is its name.
    fn nominal(&self, head: usize) -> Option<EntityId> {
        if self.doc.tokens[head].pos != Some(Upos::Noun) {
            return None;
        }
        // "a group of refugees", "thousands of protesters": the counted are the actor.
        if COLLECTIVES.contains(&singular(self.word(head)).as_str()) {
            let counted = self.children(head).find(|&k| {
                self.dep(k) == Some(Dep::Nmod)
                    && self
                        .children(k)
                        .any(|m| self.word(m).eq_ignore_ascii_case("of"))
            });
            return counted.and_then(|k| self.nominal(k));
        }
        let Some(ty) = self.lex.agents.get(&singular(self.word(head))).map(|a| a.0) else {
            // "the candidate", "the committee": a role noun the agents lack
            // (`data/en/role-nouns.tsv`) is no actor by itself, only the one
            // holder its own words name.
            return self.descriptor_holder(head, Reach::Words);
        };
        self.descriptor_holder(head, Reach::Context)
            .or_else(|| self.noun_phrase_actor(head, ty))
    }

    /// (Second reading) "the foreign minister", "the group": a definite
    /// descriptor the document resolves to one named holder
    /// (`speakers::descriptor_entity`, as far as `reach` lets) is that holder.
    fn descriptor_holder(&self, head: usize, reach: Reach) -> Option<EntityId> {
        if !self.reread {
            return None;
        }
        let phrase = self.phrase_tokens(head, true);
        // "the new force", "the other group": someone besides those named before.
        let another = |&j: &usize| {
            matches!(
                self.word(j).to_lowercase().as_str(),
                "new" | "other" | "another" | "second"
            )
        };
        if phrase.iter().any(another) {
            return None;
        }
        let (&x, &y) = (phrase.iter().min()?, phrase.iter().max()?);
        crate::speakers::descriptor_entity(self.doc, self.hull(&phrase)?, (x, y + 1), reach)
    }

    /// A person's role a party names ("the GOP nominee", `party_roles`):
    /// its phrase as an actor, of the agent nouns' type, else a person
    /// (people in the plural).
    fn role_nominal(&self, head: usize) -> Option<EntityId> {
        let word = self.word(head).to_lowercase();
        let ty = match self.lex.agents.get(&singular(&word)) {
            Some(a) => a.0,
            None if singular(&word) == word => EntityType::Person,
            None => EntityType::Norp,
        };
        self.noun_phrase_actor(head, ty)
    }

    /// The tokens of the noun phrase headed by `head` without its clauses,
    /// prepositional phrases, conjuncts and appositions; with or without its
    /// determiners and case words.
    fn phrase_tokens(&self, head: usize, determiners: bool) -> Vec<usize> {
        let mut cut = vec![
            Dep::Acl,
            Dep::Nmod,
            Dep::Conj,
            Dep::Cc,
            Dep::Appos,
            Dep::Punct,
            Dep::Dep,
        ];
        if !determiners {
            cut.extend([Dep::Det, Dep::Case]);
        }
        self.subtree(head, &cut)
    }

    /// The noun phrase headed by `head` without its clauses, prepositional
    /// phrases and determiners, as a common-noun actor of type `ty`.
    fn noun_phrase_actor(&self, head: usize, ty: EntityType) -> Option<EntityId> {
        let phrase = self.phrase_tokens(head, false);
        let span = self.hull(&phrase)?;
        let name = self.doc.span_text(span).to_lowercase();
        Some(self.nominals.index(span, name, ty))
    }

    /// The actors among a role's tokens: names, else the common-noun heads
    /// the verb reaches (an object, a prepositional phrase, their conjuncts).
    fn actors_among(&self, tokens: &[usize]) -> Vec<EntityId> {
        let named = self.entities(actors(self, tokens));
        if !named.is_empty() {
            return named;
        }
        let reached = |&&j: &&usize| {
            self.doc.tokens[j].head.is_none_or(|h| !tokens.contains(&h))
                || self.dep(j) == Some(Dep::Conj)
        };
        tokens
            .iter()
            .filter(reached)
            .filter_map(|&j| self.nominal(j))
            .collect()
    }

    fn subject(&self, v: usize) -> Option<usize> {
        self.subject_where(v, |_| true)
    }

    /// The first subject up the tree that `accept` takes; one it refuses
    /// counts as absent, so the search climbs on.
    fn subject_where(&self, v: usize, accept: impl Fn(usize) -> bool) -> Option<usize> {
        let mut h = v;
        for _ in 0..4 {
            // "Turkey – which has threatened", "anyone who criticised them",
            // "Kurdish forces fighting Isis": a relative clause's or a
            // participle's subject is the noun it describes, actor or not.
            if let Some(described) = self.described_subject(h) {
                return accept(described).then_some(described);
            }
            // A name the parse made the subject is the subject, actor or not:
            // "the two Koreas support" is not Russia's support.
            if self.children(h).any(|c| {
                self.dep(c) == Some(Dep::Nsubj)
                    && self.doc.tokens[c].pos == Some(Upos::Propn)
                    && !accept(c)
            }) {
                return None;
            }
            if let Some(s) = self
                .children(h)
                .find(|&c| self.dep(c) == Some(Dep::Nsubj) && accept(c))
            {
                // "Hungary has said it will support…": the pronoun is the reporter.
                if matches!(
                    self.word(s).to_lowercase().as_str(),
                    "it" | "they" | "he" | "she" | "we"
                ) && self.dep(h) == Some(Dep::Ccomp)
                {
                    if let Some(up) = self.doc.tokens[h]
                        .head
                        .filter(|&u| u >= self.a && u < self.b)
                    {
                        if let Some(r) =
                            self.children(up).find(|&c| self.dep(c) == Some(Dep::Nsubj))
                        {
                            return Some(r);
                        }
                    }
                }
                return Some(s);
            }
            // (Second reading) a clause with a subject of its own is that
            // subject's act, even when it names no one: no climbing to the
            // subject of another clause ("while agencies rebuked").
            if let Some(s) = reread::own_subject(self, h) {
                return Some(s);
            }
            // Up through any attachment but reported speech: "committed
            // themselves towards sending" reaches "committed".
            if matches!(self.dep(h), Some(Dep::Ccomp | Dep::Parataxis | Dep::Root)) {
                return None;
            }
            h = self.doc.tokens[h]
                .head
                .filter(|&u| u >= self.a && u < self.b)?;
        }
        None
    }
}

impl Clause<'_> {
    /// The noun a clause describes, when it stands for the clause's subject:
    /// the antecedent of a relative pronoun subject, or the noun an active
    /// participle with no subject of its own describes.
    fn described_subject(&self, h: usize) -> Option<usize> {
        if self.dep(h) != Some(Dep::Acl) {
            return None;
        }
        let head = self.doc.tokens[h]
            .head
            .filter(|&u| u >= self.a && u < self.b)?;
        let subject = self.children(h).find(|&k| self.dep(k) == Some(Dep::Nsubj));
        match subject {
            Some(k) if matches!(self.doc.tokens[k].tag, Some(Xpos::Wp | Xpos::Wdt)) => {
                Some(self.antecedent(k).unwrap_or(head))
            }
            None if self.doc.tokens[h].tag == Some(Xpos::Vbg) => Some(head),
            _ => None,
        }
    }

    /// The noun right before a relative pronoun ("neighbouring Turkey –
    /// which"), up out of an "of" phrase ("the leader of Hamas, who"); the
    /// parse may hang the clause on a noun further back.
    fn antecedent(&self, pronoun: usize) -> Option<usize> {
        let mut t = (self.a..pronoun)
            .rev()
            .find(|&j| self.doc.tokens[j].pos != Some(Upos::Punct))?;
        if !matches!(
            self.doc.tokens[t].pos,
            Some(Upos::Noun | Upos::Propn | Upos::Pron)
        ) {
            return None;
        }
        for _ in 0..3 {
            let of_phrase = self.dep(t) == Some(Dep::Nmod) && marked_by(self.doc, t, "of");
            if !of_phrase && !matches!(self.dep(t), Some(Dep::Flat | Dep::Compound)) {
                break;
            }
            t = self.doc.tokens[t]
                .head
                .filter(|&u| u >= self.a && u < self.b)?;
        }
        Some(t)
    }
}

/// Entities named in a span of tokens, heads only: "US President Joe Biden"
/// gives Biden, "the US, Germany and Romania" gives all three.
fn actors(c: &Clause<'_>, tokens: &[usize]) -> Vec<Actor> {
    let (doc, lex) = (c.doc, c.lex);
    let Some(span) = tokens
        .iter()
        .min()
        .zip(tokens.iter().max())
        .map(|(&x, &y)| Span::new(doc.tokens[x].span.start, doc.tokens[y].span.end))
    else {
        return Vec::new();
    };
    let actor_type = |t: EntityType| {
        matches!(
            t,
            EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Norp
        )
    };
    // Overlapping, not only inside: a name the parse split ("Moody/obl Awori/nsubj") still counts.
    // A token of the phrase, not only its hull: the clause a phrase leaves out
    // ("Turkey, which has attacked Kurdish forces,") lies inside its hull.
    let overlaps = |s: Span| s.start < span.end && span.start < s.end;
    let on_a_token = |m: &dossier_core::Mention| {
        tokens
            .iter()
            .any(|&j| crate::tree::touches_token(doc, m.span, j))
    };
    let inside: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| overlaps(m.span) && m.entity.is_some() && actor_type(m.ty) && on_a_token(m))
        .collect();
    // A name that only modifies another name ("US" in "US President Joe
    // Biden") is not an actor of its own; one that modifies a common noun
    // ("Hungarian officials", "Haiti's efforts") stands for it.
    let token_at = |pos: usize| doc.tokens.partition_point(|t| t.span.end <= pos);
    let modifies_a_name = |m: &dossier_core::Mention| {
        if reread::modifies_named_noun(c, &inside, m)
            || reread::titles_a_name(c, &inside, m)
            || reread::titles_next_name(c, &inside, m)
        {
            return true;
        }
        let mut t = token_at(m.span.end.saturating_sub(1)).min(doc.tokens.len() - 1);
        for _ in 0..4 {
            if !matches!(
                doc.tokens[t].dep,
                Some(Dep::Compound | Dep::Amod | Dep::Nmod | Dep::Flat)
            ) {
                return false;
            }
            let Some(h) = doc.tokens[t].head else {
                return false;
            };
            if inside
                .iter()
                .any(|o| !std::ptr::eq(*o, m) && crate::tree::holds_token(doc, o.span, h))
            {
                return true;
            }
            t = h;
        }
        false
    };
    let placed: Vec<_> = inside
        .iter()
        .map(|m| embedding(doc, tokens, m.span))
        .collect();
    let shallowest = |conjunct: usize| placed.iter().filter(|p| p.0 == conjunct).map(|p| p.1).min();
    let inside: Vec<_> = inside
        .iter()
        .zip(&placed)
        .filter(|(_, p)| shallowest(p.0) == Some(p.1))
        .map(|(m, _)| *m)
        // Where the act was done names no actor, nor makes a deeper name one.
        .filter(|m| !reread::only_where(c, m))
        // A backer ("US-backed rebels") or a stretch of ground ("the Turkish border") acts not.
        .filter(|m| !phrases::backs_only(c, m) && !phrases::locates_ground(c, m))
        // "a New York man", "the Sochi talks": a town's name says where from or where held.
        .filter(|m| !phrases::locates_noun(c, m))
        // "Democratic presidential candidate Hillary Clinton": the party titles a person.
        .filter(|m| !party_roles::titles_a_person(c, m))
        .collect();
    // "a British man", "Syrian militants": the people, not their country.
    let actor = |m: &&dossier_core::Mention| match nationality(doc, lex, m) {
        Some(people) => Some(Actor::People(people)),
        _ => reread::full_name(c, tokens, m)
            .or_else(|| reread::nationals_by_form(c, m))
            .or_else(|| reread::group_people(c, m))
            .or_else(|| reread::counted_nationals(c, m))
            .or_else(|| party_roles::party_role(c, m))
            .or_else(|| reread::located_people(c, tokens, m))
            .or_else(|| phrases::whose_people(c, m))
            .or(m.entity.map(Actor::Entity)),
    };
    let heads: Vec<Actor> = inside
        .iter()
        .filter(|m| !modifies_a_name(m))
        .filter_map(actor)
        .collect();
    let mut out = if heads.is_empty() {
        inside.iter().filter_map(actor).collect()
    } else {
        heads
    };
    let mut seen = Vec::new();
    out.retain(|e| {
        let fresh = !seen.contains(e);
        seen.push(*e);
        fresh
    });
    out
}

/// Whether the phrase headed by `t` is marked by the case word `word`.
fn marked_by(doc: &Document, t: usize, word: &str) -> bool {
    (t.saturating_sub(8)..(t + 2).min(doc.tokens.len())).any(|k| {
        doc.tokens[k].head == Some(t)
            && doc.tokens[k].dep == Some(Dep::Case)
            && doc.span_text(doc.tokens[k].span).eq_ignore_ascii_case(word)
    })
}

/// The common noun of people a country's name only describes, if it does:
/// "a British man", "Syrian militants" (people by the agent nouns' type),
/// not "Turkish troops" or "Hungarian officials", who act for the state.
fn nationality(doc: &Document, lex: &EventLexicon, m: &dossier_core::Mention) -> Option<usize> {
    let country = is_country(doc, m);
    let t = doc
        .tokens
        .get(doc.tokens.partition_point(|t| t.span.end <= m.span.start))?;
    let modifier = matches!(t.dep, Some(Dep::Amod | Dep::Compound)) && t.span.end <= m.span.end;
    let h = t.head?;
    let people = doc.tokens[h].pos == Some(Upos::Noun)
        && lex
            .agents
            .get(&singular(doc.span_text(doc.tokens[h].span)))
            .is_some_and(|a| a.0 == EntityType::Norp);
    (country && modifier && people).then_some(h)
}

/// Whether a mention names a country (its entity has an ISO 3166 code).
fn is_country(doc: &Document, m: &dossier_core::Mention) -> bool {
    m.entity
        .is_some_and(|e| doc.entities[e].kb.iter().any(|(k, _)| *k == "iso3166"))
}

/// An actor a phrase names: an entity, or the common noun of people a
/// nationality describes (the token, made an entity by `Clause::nominal`).
#[derive(Clone, Copy, PartialEq)]
enum Actor {
    Entity(EntityId),
    People(usize),
    /// A name read in full where the NER cut it (`reread::full_name`).
    Named(Span),
    /// The role noun a party's adjective modifies (`party_roles`), as `Clause::role_nominal` makes it.
    Role(usize),
    /// A country's people counted ("four Americans", `reread::counted_nationals`) or
    /// named by a noun of people ("a British film-maker", `reread::nationals_by_form`):
    /// the noun phrase.
    Counted(usize),
}

/// How deeply a name is embedded in its phrase's conjunct: the prepositional
/// phrases, clauses and appositions of a name between it and the conjunct's
/// head, and that head. Only the least embedded names of a conjunct act:
/// "Donald Trump's rhetoric on Syria" is Trump's, "Brandon Lewis, the
/// Conservative party chairman" Lewis's, while "the Sudanese government and
/// the rebels in Darfur" keeps Darfur for the rebels.
fn embedding(doc: &Document, tokens: &[usize], name: Span) -> (usize, usize) {
    let Some(mut t) = crate::tree::top_in(doc, name, tokens.iter().copied()) else {
        return (0, 0);
    };
    // ("Schiff, the top Democrat": a party's or faith's member is a noun too.)
    let group = || {
        doc.mentions
            .iter()
            .any(|m| m.span == name && m.ty == EntityType::Norp)
    };
    let mut depth = 0;
    for _ in 0..tokens.len() {
        let Some(h) = doc.tokens[t].head.filter(|h| tokens.contains(h)) else {
            break;
        };
        if doc.tokens[t].dep == Some(Dep::Conj) {
            break;
        }
        // "Russia, Assad's ally"; not "the director of GCHQ, Jeremy Fleming",
        // where the parse hangs the name on the nearest name, nor "Qatar's
        // emir, Sheikh Hamad", a title before the name.
        let describes_a_name = doc.tokens[t].dep == Some(Dep::Appos)
            && (doc.tokens[t].pos == Some(Upos::Noun) || group())
            && t > h
            && doc.tokens[h].pos == Some(Upos::Propn);
        // "the town of Gorazde", "members of Hamas": an "of" phrase names
        // what its noun is or is made of.
        // "Qatar's emir": a possessor the parse labels plain "nmod".
        let of_phrase = doc.tokens[t].dep == Some(Dep::Nmod)
            && ["of", "'s", "’s", "'", "’"]
                .iter()
                .any(|w| marked_by(doc, t, w));
        let embeds = !of_phrase
            && matches!(
                doc.tokens[t].dep,
                Some(
                    Dep::Nmod
                        | Dep::Acl
                        | Dep::Obl
                        | Dep::Obj
                        | Dep::Nsubj
                        | Dep::Advcl
                        | Dep::Ccomp
                        | Dep::Xcomp
                )
            );
        depth += usize::from(embeds || describes_a_name);
        t = h;
    }
    (t, depth)
}

pub fn recognise(doc: &mut Document, lex: &EventLexicon) {
    recognise_with(doc, lex, None);
}

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

/// Whether the event judge keeps an event (every one while logging).
fn judged(lex: &EventLexicon, event: &Event, features: Vec<String>) -> bool {
    JUDGE_LOG.with(|l| match l.borrow_mut().as_mut() {
        Some(log) => {
            log.push(JudgedCandidate {
                event: event.clone(),
                features,
            });
            true
        }
        None => lex.takes_event(&features),
    })
}

/// Every trigger the CAMEO dictionary types, with its features, before the
/// trigger classifier decides (which it does not here).
pub fn candidates(doc: &mut Document, lex: &EventLexicon) -> Vec<Candidate> {
    let mut out = Vec::new();
    recognise_with(doc, lex, Some(&mut out));
    out
}

fn recognise_with(
    doc: &mut Document,
    lex: &EventLexicon,
    mut collect: Option<&mut Vec<Candidate>>,
) {
    if doc.tokens.first().is_none_or(|t| t.pos.is_none()) {
        return;
    }
    let mut events: Vec<Event> = Vec::new();
    let mut recoded = Vec::new();
    // Negated acts that are no refusal: the act, negated, not REJECT.
    let mut not_refused = Vec::new();
    let nominals = Nominals {
        first: doc.entities.len(),
        found: Default::default(),
    };
    let context = context::DocContext::read(doc, lex);
    for (si, s) in doc.sentences.iter().enumerate() {
        if doc.blocks[s.block].kind == dossier_core::BlockKind::Heading {
            continue; // a headline restates the body's events
        }
        let (a, b) = s.tokens;
        let c = Clause {
            doc,
            a,
            b,
            lex,
            nominals: &nominals,
            context: &context,
            reread: false,
        };
        for v in a..b {
            // "the imprisoned leader": a participle describing a noun reports no act.
            if doc.tokens[v].pos != Some(Upos::Verb) || doc.tokens[v].dep == Some(Dep::Amod) {
                continue;
            }
            if unrealised_chain(&c, v)
                || counted_out(&c, v)
                || speculative(&c, v)
                || foreseen_only(&c, v)
                || noun_use(&c, v)
            {
                continue;
            }
            let verb = Verb::read(&c, v);
            let Some((act, demander, origin)) = act_of(&c, &verb, lex) else {
                continue;
            };
            let Some(roles) = roles(&c, &verb, act, demander) else {
                continue;
            };
            if act == EventType::Aid && !is_aid(&c, &verb, &roles) {
                continue;
            }
            let event = attach(&c, si, &verb, act, roles);
            // The CAMEO dictionary's acts go past the trigger classifier; the codebook's stand.
            if origin != Origin::Rule {
                let features = trigger_features(&c, &verb, &event, origin);
                match collect.as_deref_mut() {
                    Some(out) => out.push(Candidate {
                        features,
                        act,
                        ty: plover_type(&event),
                    }),
                    None if !lex.takes_trigger(&features) => continue,
                    None => {}
                }
            }
            // Every event then goes past the event judge.
            if !judged(lex, &event, judge_features(&c, &verb, &event, origin)) {
                continue;
            }
            let mut event = event;
            reread::reread_actors(&c, &verb, demander, &mut event);
            if demander.is_some_and(|says| obligations::negates_what_is_demanded(&c, v, says)) {
                event.status = EventStatus::Reported;
            }
            let codebook = recode::recoded(&c, &verb, &event);
            recoded.extend(codebook.map(|act| (event.trigger, event.act, act)));
            if event.status == EventStatus::Negated && !refusal(&c, v) {
                not_refused.push(event.trigger);
            }
            if demander.is_none() {
                // (A demand reported through "should" is the demand itself.)
                reread::relay_status(&c, v, &mut event);
            }
            events.push(event);
        }
        // "These will include NASAMS, HAWKs…": the list is the theme of the
        // previous sentence's aid, given by the same donors.
        follow_list(doc, &c, si, &mut events);
    }
    borrow_recipients(&mut events);
    keep_main_events(doc, &mut events);
    political::keep_political(doc, lex, &nominals, &mut events);
    recode::apply(&recoded, &mut events);
    for e in &mut events {
        let refused = !not_refused.contains(&e.trigger);
        e.ty = if refused {
            plover_type(e)
        } else {
            unrefused_type(e)
        };
        e.mode = codebook_mode(doc, lex, e);
    }
    nominals.add_to(doc, &mut events);
    doc.events = events;
}

/// Actors named by a common noun ("protesters", "the government"), found
/// while reading roles and numbered in the order found. Until `add_to` makes
/// those a kept event names entities of the document, each stands in the
/// events' roles as a provisional `EntityId` past `doc.entities` (`first`
/// on): `provisional` is the only place one is made, `nth` reads one back.
struct Nominals {
    first: usize,
    found: std::cell::RefCell<IdVec<NominalId, (Span, String, EntityType, MentionKind)>>,
}

/// A common-noun actor, by its place among those `Nominals` found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct NominalId(usize);

impl Numbered for NominalId {
    fn from_index(index: usize) -> Self {
        NominalId(index)
    }
    fn to_index(self) -> usize {
        self.0
    }
}

impl Nominals {
    fn index(&self, span: Span, name: String, ty: EntityType) -> EntityId {
        self.index_kind(span, name, ty, MentionKind::Nominal)
    }

    fn index_kind(&self, span: Span, name: String, ty: EntityType, kind: MentionKind) -> EntityId {
        let mut found = self.found.borrow_mut();
        let seen = found.iter().find(|(_, f)| f.0 == span).map(|(n, _)| n);
        let n = seen.unwrap_or_else(|| found.push((span, name, ty, kind)));
        self.provisional(n)
    }

    /// The provisional entity a common-noun actor stands as in the roles.
    fn provisional(&self, n: NominalId) -> EntityId {
        EntityId::new(self.first + n.0)
    }

    /// Which common-noun actor `a` is, when it is one (no entity of the document yet).
    fn nth(&self, a: EntityId) -> Option<NominalId> {
        a.index().checked_sub(self.first).map(NominalId)
    }

    /// Adds the nominal actors the events name as entities with one mention
    /// each (mentions kept in text order), and renumbers the events' actors.
    fn add_to(self, doc: &mut Document, events: &mut [Event]) {
        let found = self.found.take();
        let mut named = IdVec::filled(false, found.len());
        for e in events.iter() {
            for &a in e.source.iter().chain(&e.target) {
                if let Some(k) = self.nth(a) {
                    named[k] = true;
                }
            }
        }
        let mut new_index: IdVec<NominalId, Option<EntityId>> = IdVec::filled(None, found.len());
        let mut mentions: Vec<(dossier_core::Mention, Option<usize>)> = doc
            .mentions
            .drain(..)
            .enumerate()
            .map(|(i, m)| (m, Some(i)))
            .collect();
        for (k, (span, name, ty, kind)) in found {
            if !named[k] {
                continue;
            }
            let id = doc.entities.next_id();
            new_index[k] = Some(id);
            mentions.push((
                dossier_core::Mention {
                    span,
                    ty,
                    kind,
                    entity: Some(id),
                },
                None,
            ));
            doc.entities.push(dossier_core::Entity {
                name,
                ty,
                mentions: Vec::new(),
                aliases: Vec::new(),
                kb: Vec::new(),
                key: None,
            });
        }
        mentions.sort_by_key(|(m, _)| m.span.start);
        let mut moved: Renumber<MentionId> = IdVec::filled(MentionId::new(0), mentions.len());
        let mut added = Vec::new();
        for (new, (m, old)) in mentions.iter().enumerate() {
            let new = MentionId::new(new);
            match (old, m.entity) {
                (Some(old), _) => moved[MentionId::new(*old)] = new,
                (None, Some(e)) => added.push((e, new)),
                (None, None) => {}
            }
        }
        for e in &mut doc.entities {
            for m in &mut e.mentions {
                *m = moved[*m];
            }
        }
        for (e, m) in added {
            doc.entities[e].mentions.push(m);
        }
        doc.mentions = mentions.into_iter().map(|(m, _)| m).collect();
        for e in events.iter_mut() {
            for a in e.source.iter_mut().chain(e.target.iter_mut()) {
                if let Some(k) = self.nth(*a) {
                    *a = new_index[k].unwrap_or(*a);
                }
            }
        }
    }
}

/// A verb and what it governs, read once for the type and role rules.
struct Verb {
    v: usize,
    form: String,
    base: String,
    /// What the verb acts on: its subtree without subject and reported content.
    scope: Vec<usize>,
    /// The nouns in `scope`, singular and lower case.
    objects: Vec<String>,
    /// A product name (a weapon system) in `scope`.
    equipment: bool,
    giving: bool,
}

impl Verb {
    fn read(c: &Clause<'_>, v: usize) -> Verb {
        let doc = c.doc;
        let form = c.word(v).to_lowercase();
        let base = base_form(&form);
        let scope = c.subtree(
            v,
            &[
                Dep::Nsubj,
                Dep::Ccomp,
                Dep::Parataxis,
                Dep::Advcl,
                Dep::Csubj,
            ],
        );
        let objects = scope
            .iter()
            .filter(|&&j| j != v && doc.tokens[j].pos.is_some_and(Upos::is_noun))
            .map(|&j| singular(c.word(j)))
            .collect();
        let equipment = scope
            .iter()
            .any(|&j| mention_of(c, j, &[EntityType::Product]));
        let giving = GIVING.contains(&base.as_str());
        Verb {
            v,
            form,
            base,
            scope,
            objects,
            equipment,
            giving,
        }
    }
}

/// What the trigger classifier reads of a candidate: the verb's lemma and act
/// and where the act came from, what the verb governs (its object's head, its
/// prepositions), its attachment, who acts and is acted on, and the status.
fn trigger_features(c: &Clause<'_>, verb: &Verb, e: &Event, origin: Origin) -> Vec<String> {
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
fn judge_features(c: &Clause<'_>, verb: &Verb, e: &Event, origin: Origin) -> Vec<String> {
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
fn actor_features(c: &Clause<'_>, e: &Event, f: &mut Vec<String>) {
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
fn subject_features(c: &Clause<'_>, v: usize, f: &mut Vec<String>) {
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
fn governor_features(c: &Clause<'_>, v: usize, f: &mut Vec<String>) {
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
const SENSE_PREFIXES: [&str; 4] = ["ok=", "prt=", "gen=", "nn="];

/// The trigger's sense (#24, session 25): what its object is (a name by
/// type, an actor noun, an act named by a noun, a pronoun, a number, another
/// noun: "struck a deal" and "struck a note" differ here), its particle, a
/// generic statement (a bare plural subject in the present tense), and how
/// many names of people, organisations and places the sentence holds.
fn sense_features(c: &Clause<'_>, v: usize, f: &mut Vec<String>) {
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
fn sentence_features(c: &Clause<'_>, f: &mut Vec<String>) {
    let question = (c.a..c.b).any(|i| c.word(i) == "?");
    let condition = (c.a..c.b).any(|i| {
        c.dep(i) == Some(Dep::Mark) && matches!(c.word(i).to_lowercase().as_str(), "if" | "unless")
    });
    f.push(format!("sq={question}"));
    f.push(format!("sif={condition}"));
}

/// The act of a verb, if it is an event, and (for "X said Y must …") the
/// verb of saying whose subject demands it.
fn act_of(
    c: &Clause<'_>,
    verb: &Verb,
    lex: &EventLexicon,
) -> Option<(EventType, Option<usize>, Origin)> {
    let (doc, v, form, objects) = (c.doc, verb.v, verb.form.as_str(), &verb.objects);
    let aid_goods = verb.equipment
        || objects.iter().any(|o| {
            AID_GOODS.contains(&o.as_str()) || o.ends_with("defence") || o.ends_with("defense")
        });
    // "agreed to", "promised to": an intent, PLOVER's AGREE.
    let intent = matches!(
        verb.base.as_str(),
        "agree" | "promise" | "pledge" | "vow" | "swear" | "swore" | "sworn"
    ) && c
        .children(v)
        .any(|k| matches!(c.dep(k), Some(Dep::Xcomp | Dep::Ccomp | Dep::Obl)));
    // "Russia said that Sudan must return a helicopter": an obligation
    // laid on someone in reported speech is the speaker's demand of them.
    let says = |h: usize| {
        doc.tokens[h].pos == Some(Upos::Verb) && SAYING.contains(&c.word(h).to_lowercase().as_str())
    };
    // (Only where it calls on an actor: "said the ruling should lift investment" is a view.)
    let demander = (c.dep(v) == Some(Dep::Ccomp) && c.has_auxiliary(v, AUX, &["must", "should"]))
        .then(|| {
            doc.tokens[v].head.filter(|&h| {
                h >= c.a && h < c.b && says(h) && obligations::demands_of_an_actor(c, verb, h)
            })
        })
        .flatten();
    // "should push", "must stop appeasing", "ought to act": an obligation
    // stated, not an act done or pledged (reported demands are handled above).
    // "need to clear the tunnels", "needs legitimacy": a necessity, like "must", is no request.
    let needs = matches!(form, "need" | "needs" | "needed" | "needing");
    // "should be stripped of citizenship and hunted down": a later conjunct
    // shares the first one's modal.
    let obliged = needs
        || std::iter::once(v)
            .chain(shared_conjunct_heads(c, v))
            .any(|w| c.has_auxiliary(w, AUX, DEONTIC));
    if obliged && demander.is_none() {
        return None;
    }
    // "staged mass demonstrations", "began a hunger strike".
    let protest = c
        .objects(v)
        .any(|k| PROTEST_NOUNS.contains(&singular(c.word(k)).as_str()))
        && STAGING.contains(&form);
    // The prepositions on the verb, for the codebook rules.
    let marked_by = |words: &[&str]| c.obl_marked(v, words);
    let joint = verb
        .scope
        .iter()
        .any(|&j| c.word(j).eq_ignore_ascii_case("joint"))
        || c.subject(v).is_some_and(|sj| {
            c.subtree(sj, &[])
                .iter()
                .any(|&k| c.dep(k) == Some(Dep::Conj))
        });
    let appeal = marked_by(&["on", "for"])
        || c.children(v)
            .any(|k| c.dep(k) == Some(Dep::Xcomp) && doc.tokens[k].pos == Some(Upos::Verb));
    let acted_on = codebook_objects(c, verb);
    let codebook = codebook_type(form, &acted_on, joint, appeal, aims_at(c, v))
        .or_else(|| acts::codebook_act(c, verb));
    // Peacekeepers arriving: military personnel given, PLOVER's AID.
    let peacekeepers = matches!(stem_of(form), "arriv" | "deploy")
        && c.subject(v).is_some_and(|sj| {
            c.subtree(sj, &[])
                .iter()
                .any(|&k| c.word(k).to_lowercase().starts_with("peacekeep"))
        });
    let (act, origin) = match codebook {
        Some(None) => return None,
        _ if demander.is_some() => (EventType::Request, Origin::Rule),
        Some(Some(t)) => (t, Origin::Rule),
        None if peacekeepers => (EventType::Aid, Origin::Rule),
        None if protest => (EventType::Protest, Origin::Rule),
        None if verb.giving && aid_goods => (EventType::Aid, Origin::Rule),
        None if intent => (EventType::Agree, Origin::Rule),
        None => {
            let governed = pattern_words(c, verb);
            // A verb of speech or thought is an event through what it names
            // ("reiterated its demand", "accept refugees": a CAMEO pattern) or
            // as a speech act the codebook codes; else it only reports.
            match (
                spoken_act(c, verb),
                lex.classify_by_pattern(form, &governed),
            ) {
                (Some(_), Some(_)) if !speech_verb(verb) && attitude_complement(c, v) => {
                    return None
                }
                // The codebook's speech act stands whatever the stories say.
                (Some(spoken), Some(by_pattern)) if spoken == by_pattern => {
                    (by_pattern?, Origin::Rule)
                }
                (Some(_), Some(by_pattern)) => (
                    unless_contradicted(lex, form, by_pattern?)?,
                    Origin::Pattern,
                ),
                (Some(spoken), None) => (spoken?, Origin::Rule),
                (None, Some(by_pattern)) => (
                    unless_contradicted(lex, form, by_pattern?)?,
                    Origin::Pattern,
                ),
                // A verb's default act, where the stories back it.
                (None, None) => (
                    lex.classify(form, &governed)
                        .filter(|&act| lex.supports_default(form, act))?,
                    Origin::Default,
                ),
            }
        }
    };
    // (A demand that a state go on, "says they must stay", is a demand.)
    if folds_away(c, verb, act) || (demander.is_none() && persists(c, verb)) {
        return None;
    }
    Some((act, demander, origin))
}

/// The nouns the codebook's rules read as what a verb acts on: those it
/// governs, and a passive's subject ("Sanctions were imposed on Russia", "an
/// attack was launched").
fn codebook_objects(c: &Clause<'_>, verb: &Verb) -> Vec<String> {
    let passive_subject = c
        .children(verb.v)
        .find(|&k| c.dep(k) == Some(Dep::Nsubj))
        .filter(|_| passive_voice(c, verb));
    passive_subject
        .into_iter()
        .flat_map(|k| c.subtree(k, &[Dep::Acl]))
        .filter(|&j| c.doc.tokens[j].pos.is_some_and(Upos::is_noun))
        .map(|j| singular(c.word(j)))
        .chain(verb.objects.iter().cloned())
        .collect()
}

/// Modals of obligation and advice: what they govern is a view of what ought
/// to be done, not an act done, pledged or planned.
const DEONTIC: &[&str] = &["should", "must", "ought"];

/// How many content words down a CAMEO pattern's words may lie below the verb.
const PATTERN_DEPTH: usize = 2;
/// Relations that tie a function word or a name's part to its word: no step down.
const PHRASE_PARTS: &[Dep] = &[
    Dep::Case,
    Dep::Det,
    Dep::Mark,
    Dep::Fixed,
    Dep::Flat,
    Dep::Compound,
];

/// The words a CAMEO pattern may match: what the verb governs, down to
/// `PATTERN_DEPTH` content words ("took part in a protest"); a word deeper
/// belongs to another phrase ("reported to the scene of the attack").
fn pattern_words(c: &Clause<'_>, verb: &Verb) -> Vec<String> {
    verb.scope
        .iter()
        .filter(|&&j| j != verb.v && pattern_depth(c, verb.v, j) <= PATTERN_DEPTH)
        .map(|&j| singular(c.word(j)))
        .collect()
}

/// Content-word steps from `v` down to `j` in its subtree: a function word
/// counts as its head's depth, except right under the verb ("out", "to").
fn pattern_depth(c: &Clause<'_>, v: usize, j: usize) -> usize {
    let (mut depth, mut h) = (0, j);
    for _ in c.a..c.b {
        if h == v || depth > PATTERN_DEPTH {
            return depth;
        }
        let Some(up) = c.doc.tokens[h]
            .head
            .filter(|&u| u >= c.a && u < c.b && u != h)
        else {
            break;
        };
        if up == v || !c.dep(h).is_some_and(|d| PHRASE_PARTS.contains(&d)) {
            depth += 1;
        }
        h = up;
    }
    usize::MAX
}

/// Where a candidate's act came from: the codebook's rules and speech acts,
/// a CAMEO pattern on what the verb governs, or the verb's CAMEO default.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Origin {
    Rule,
    Pattern,
    Default,
}

impl Origin {
    fn as_str(self) -> &'static str {
        match self {
            Origin::Rule => "rule",
            Origin::Pattern => "pattern",
            Origin::Default => "default",
        }
    }
}

/// Whether verb `v` has an "at", "on" or "upon" phrase that is no time:
/// "fired at/on a convoy", not "fired on Tuesday".
fn aims_at(c: &Clause<'_>, v: usize) -> bool {
    let doc = c.doc;
    c.children(v).any(|k| {
        c.dep(k) == Some(Dep::Obl)
            && c.children(k)
                .any(|m| matches!(c.word(m).to_lowercase().as_str(), "at" | "on" | "upon"))
            && !doc
                .times
                .iter()
                .any(|t| crate::tree::holds_token(doc, t.span, k))
    })
}

/// Whether an act folds away: helping with no aid given, striving
/// ("fighting for"), or a pledge of aid whose gift is a verb below it.
fn folds_away(c: &Clause<'_>, verb: &Verb, act: EventType) -> bool {
    let (doc, v) = (c.doc, verb.v);
    // "help fight off advances", "help it to prioritise": helping is aid
    // only with aid given.
    let gives_goods = |o: usize| {
        c.subtree(o, &[])
            .iter()
            .any(|&j| AID_GOODS.contains(&singular(c.word(j)).as_str()))
    };
    // What help gives: its object or a "with" phrase ("helped them with
    // weapons"), so more than the object alone.
    let object_or_with_phrase = |k: usize| {
        c.dep(k) == Some(Dep::Obj)
            || (c.dep(k) == Some(Dep::Obl)
                && c.children(k)
                    .any(|m| c.word(m).eq_ignore_ascii_case("with")))
    };
    let helps_to = matches!(verb.base.as_str(), "help" | "helped" | "helping" | "helps")
        && !c
            .children(v)
            .any(|k| object_or_with_phrase(k) && gives_goods(k));
    // "fighting for more air-defence systems": striving, no attack.
    let strives = act == EventType::Assault
        && c.obl_marked(v, &["for"])
        && !c.obl_marked(v, &["against", "on", "with"])
        && c.object(v).is_none();
    if helps_to || strives || publishes(c, verb) || silent(c, verb, act) {
        return true;
    }
    // "committed … towards sending": one event, on the verb that gives.
    let gift_below = verb.scope.iter().any(|&j| {
        j != v
            && GIVING.contains(&base_form(c.word(j)).as_str())
            && doc.tokens[j].pos == Some(Upos::Verb)
    });
    act == EventType::Aid && (!verb.giving || PLEDGING.contains(&verb.base.as_str())) && gift_below
}

/// Records and figures besides the writings a speaker phrase may name
/// (`speakers::DOCUMENTS`): what is released as news, not set free.
const RECORDS: &[&str] = &[
    "image",
    "photo",
    "photograph",
    "picture",
    "recording",
    "audio",
    "clip",
    "account",
    "figure",
    "data",
    "detail",
    "finding",
    "result",
    "book",
    "album",
    "film",
];

/// Whether "release" publishes: its object is a writing, a recording or a
/// figure ("released a video", "released figures"), not someone or something
/// set free. In the NGEC stories a published object goes with any label (2 of
/// 36 RETREAT), a released other object with RETREAT 137 of 828.
fn publishes(c: &Clause<'_>, verb: &Verb) -> bool {
    c.lex.lemma(&verb.form).eq_ignore_ascii_case("release")
        && c.objects(verb.v).any(|o| {
            let noun = singular(&c.word(o).to_lowercase());
            crate::speakers::DOCUMENTS.contains(&noun.as_str()) || RECORDS.contains(&noun.as_str())
        })
}

/// Whether a refusal only keeps silent: "declined to comment", "refused to
/// confirm" (a verb of speech the codebook codes no act for). No proposal or
/// demand is turned down; "refused to apologise" or "to resign" still is.
fn silent(c: &Clause<'_>, verb: &Verb, act: EventType) -> bool {
    act == EventType::Reject
        && c.children(verb.v).any(|k| {
            // (The parser reads "to comment" as a noun phrase too.)
            let infinitive = match c.dep(k) {
                Some(Dep::Xcomp) => c.doc.tokens[k].pos == Some(Upos::Verb),
                Some(Dep::Obl) => c.children(k).any(|m| c.word(m).eq_ignore_ascii_case("to")),
                _ => false,
            };
            infinitive
                && crate::cue_classes::CueClasses::english()
                    .of_word(c.word(k))
                    .is_some_and(|(class, lemma)| {
                        class == dossier_core::CueClass::Speech
                            && !speech_acts().contains_key(lemma)
                    })
        })
}

/// Whether the verb only says a state goes on: "remains committed to",
/// "remain at odds", "stayed defiant". A stance kept is no act done to anyone.
fn persists(c: &Clause<'_>, verb: &Verb) -> bool {
    [c.lex.lemma(&verb.form).to_lowercase(), verb.base.clone()]
        .iter()
        .any(|w| matches!(w.as_str(), "remain" | "stay"))
}

/// A pattern's act, unless the synthetic stories speak against it.
fn unless_contradicted(lex: &EventLexicon, form: &str, act: EventType) -> Option<EventType> {
    (!lex.contradicts(form, act)).then_some(act)
}

/// Whether a verb of attitude has what it holds as a clause or an "as"
/// phrase: "wanted to change", "views the YPG as a threat".
fn attitude_complement(c: &Clause<'_>, v: usize) -> bool {
    c.children(v)
        .any(|k| matches!(c.dep(k), Some(Dep::Xcomp | Dep::Ccomp)))
        || c.obl_marked(v, &["as"])
}

/// Whether a verb of the cue lexicon is one of speech (not belief, perception or expectation).
fn speech_verb(verb: &Verb) -> bool {
    crate::cue_classes::CueClasses::english()
        .of_word(&verb.form)
        .is_some_and(|(class, lemma)| {
            class == dossier_core::CueClass::Speech || speech_acts().contains_key(lemma)
        })
}

/// Adjectives of intent: "willing to withdraw" states an intention (AGREE).
const INTENDING: &[&str] = &["willing", "ready", "prepared", "eager", "determined"];

/// Verbs of trying and managing: what they govern is attempted, not done.
const ATTEMPTING: &[&str] = &[
    "try", "tri", "attempt", "seek", "sought", "struggl", "manag", "aim", "striv", "strove",
    "need", "want", "wish", "hop", "fear",
];

/// Verbs of failing, avoiding, asking and pressing: what they govern was not done, or is
/// only asked of someone ("failed to persuade", "avoided criticising", "pressing Turkey to extradite").
/// A request is its own event (REQUEST), on the asking verb.
const NOT_DONE: &[&str] = &[
    "fail", "ask", "urg", "press", "pressur", "push", "persuad", "encourag", "invit", "beg",
    "implor", "lobb", "lobbi", "lobby", "demand", "request", "call", "appeal", "begg", "avoid",
];

/// Auxiliaries and adverbs of mere possibility: "may yet reach a deal",
/// "possibly supported by France", "could arrest her".
/// Adverbs of likelihood too: "will probably agree" is a forecast, not a pledge.
const SPECULATING: &[&str] = &[
    "may",
    "might",
    "could",
    "can",
    "possibly",
    "perhaps",
    "maybe",
    "probably",
    "likely",
    "presumably",
];
/// Adjectives that make what they govern a prospect: "quite possible that Nato will conduct".
const PROSPECTS: &[&str] = &["possible", "likely", "unlikely", "probable", "conceivable"];

/// Whether verb `v` names an act only as a possibility, not done, pledged or
/// threatened: an auxiliary or adverb of possibility on it, or an adjective of
/// likelihood above it. A speech act keeps its own modal ("could face charges" is
/// no accusation either).
fn speculative(c: &Clause<'_>, v: usize) -> bool {
    let lower = |i: usize| c.word(i).to_lowercase();
    let possible = |w: usize| {
        c.children(w).any(|k| {
            matches!(c.dep(k), Some(Dep::Aux | Dep::Advmod))
                && SPECULATING.contains(&lower(k).as_str())
        })
    };
    if possible(v) || shared_conjunct_heads(c, v).any(possible) {
        return true;
    }
    let mut h = v;
    for _ in 0..2 {
        let Some(u) = c.doc.tokens[h]
            .head
            .filter(|&u| u >= c.a && u < c.b && u != h)
        else {
            return false;
        };
        if c.doc.tokens[u].pos == Some(Upos::Adj) && PROSPECTS.contains(&lower(u).as_str()) {
            return true;
        }
        // "could decide to send", "might mean that prisoners are released", "probably
        // determined to attack": the act completes a predicate that is itself only possible.
        if matches!(c.dep(h), Some(Dep::Xcomp | Dep::Ccomp)) && possible(u) {
            return true;
        }
        h = u;
    }
    false
}

/// The conjuncts before verb `v` whose subject and auxiliaries it shares:
/// "can be carried and fired by troops or mounted … and used" (each later
/// verb with no subject or auxiliary of its own).
fn shared_conjunct_heads<'a>(c: &'a Clause<'_>, v: usize) -> impl Iterator<Item = usize> + 'a {
    conjunct_heads(c, v, |w| !own_clause(c, w))
}

/// Whether verb `w` has a subject or an auxiliary of its own, so a
/// conjunct's subject, modal or negation does not carry over to it.
fn own_clause(c: &Clause<'_>, w: usize) -> bool {
    c.children(w)
        .any(|k| matches!(c.dep(k), Some(Dep::Nsubj | Dep::Aux)))
}

/// The verbs up the chain of conjuncts from `v` ("used" → "mounted" →
/// "carried"), at most four, stepping up only from a conjunct that `through`
/// lets pass.
fn conjunct_heads<'a>(
    c: &'a Clause<'_>,
    v: usize,
    through: impl Fn(usize) -> bool + 'a,
) -> impl Iterator<Item = usize> + 'a {
    std::iter::successors(Some(v), move |&w| {
        (c.dep(w) == Some(Dep::Conj) && through(w))
            .then(|| {
                c.doc.tokens[w]
                    .head
                    .filter(|&h| h >= c.a && h < c.b && h != w)
            })
            .flatten()
    })
    .skip(1)
    .take(4)
}

/// Verbs of hope, fear and expectation (by `stem_of`): what their clause
/// tells is foreseen, not done or planned by anyone ("residents fear that
/// dissenters will be arrested", "she hoped the men would be imprisoned").
const FORESEEING: &[&str] = &[
    "fear",
    "hop",
    "wish",
    "worri",
    "worry",
    "dream",
    "dreamt",
    "expect",
    "anticipat",
    "forecast",
    "fores",
    "foresaw",
    "foreseen",
    "predict",
];

/// Whether verb `v`, or the conjunct it continues ("arrested and tortured"),
/// is the clause a verb of hope, fear or expectation holds. (An infinitive
/// under one, "hopes to win", is `unrealised`.)
fn foreseen_only(c: &Clause<'_>, v: usize) -> bool {
    std::iter::once(v)
        .chain(conjunct_heads(c, v, |_| true))
        .any(|w| {
            c.dep(w) == Some(Dep::Ccomp)
                && c.doc.tokens[w]
                    .head
                    .filter(|&h| h >= c.a && h < c.b && c.doc.tokens[h].pos == Some(Upos::Verb))
                    .is_some_and(|h| FORESEEING.contains(&stem_of(&c.word(h).to_lowercase())))
        })
}

/// Whether verb `v` stands as a noun or a noun's modifier with no argument
/// of its own: "treating the injured", "the fighting groups", "the
/// negotiating team". It names people or a kind, no act.
fn noun_use(c: &Clause<'_>, v: usize) -> bool {
    matches!(
        c.dep(v),
        Some(Dep::Compound | Dep::Obj | Dep::Iobj | Dep::Nsubj | Dep::Obl | Dep::Appos)
    ) && !c.children(v).any(|k| {
        matches!(
            c.dep(k),
            Some(
                Dep::Obj
                    | Dep::Iobj
                    | Dep::Obl
                    | Dep::Xcomp
                    | Dep::Ccomp
                    | Dep::Advcl
                    | Dep::Nsubj
                    | Dep::Aux
            )
        )
    })
}

/// Words that count no one or nothing: "none of the big players support him".
const NOUGHT: &[&str] = &["none", "nobody", "nothing", "neither", "no-one"];

/// Whether a quantifier of no one or nothing is the subject or object of verb
/// `v` (or the subject of the clause `v` completes): "none of them support",
/// "no country has sent troops", "gave them no promises". No actor then acts.
fn counted_out(c: &Clause<'_>, v: usize) -> bool {
    let lower = |i: usize| c.word(i).to_lowercase();
    let nought = |k: usize| {
        NOUGHT.contains(&lower(k).as_str())
            || c.children(k).any(|d| {
                c.dep(d) == Some(Dep::Det) && matches!(lower(d).as_str(), "no" | "neither")
            })
    };
    let argument = |h: usize, deps: &[Dep]| {
        c.children(h)
            .any(|k| c.dep(k).is_some_and(|d| deps.contains(&d)) && nought(k))
    };
    const SUBJECTS: &[Dep] = &[Dep::Nsubj];
    argument(v, &[Dep::Nsubj, Dep::Obj])
        || (c.dep(v) == Some(Dep::Xcomp)
            && c.doc.tokens[v]
                .head
                .filter(|&h| h >= c.a && h < c.b)
                .is_some_and(|h| argument(h, SUBJECTS)))
}

/// Whether verb `v` only names an act wanted, tried or aimed at: "is able to come",
/// "struggling to muster", "to allow Turkish troops" (a purpose), "a plot to shoot".
fn unrealised(c: &Clause<'_>, v: usize) -> bool {
    let doc = c.doc;
    let lower = |i: usize| c.word(i).to_lowercase();
    // "raised taxes without consulting the unions": an act left undone.
    if c.children(v)
        .any(|k| c.dep(k) == Some(Dep::Mark) && lower(k) == "without")
    {
        return true;
    }
    let Some(h) = doc.tokens[v]
        .head
        .filter(|&h| h >= c.a && h < c.b && h != v)
    else {
        return false;
    };
    match c.dep(v) {
        // "Canada's ability to provide assistance", "in talks to transfer the
        // detainees", "a force including the YPG to patrol": an act a noun
        // aims at is not done, unless the noun pledges or plans it.
        Some(Dep::Acl | Dep::Xcomp)
            if doc.tokens[h].pos.is_some_and(Upos::is_noun)
                && to_infinitive(c, v)
                && intention_noun(c.word(h)).is_none() =>
        {
            true
        }
        Some(Dep::Xcomp | Dep::Ccomp) => {
            sent_for(c, v, h)
                || obligation_of_have(c, v, h)
                || (doc.tokens[h].pos == Some(Upos::Adj) && !INTENDING.contains(&lower(h).as_str()))
                || (c.dep(v) == Some(Dep::Xcomp)
                    && doc.tokens[h].pos == Some(Upos::Verb)
                    && (ATTEMPTING.contains(&stem_of(&lower(h)))
                        || NOT_DONE.contains(&stem_of(&lower(h)))
                        || crate::cue_classes::CueClasses::english()
                            .of_word(c.word(h))
                            .is_some_and(|(class, _)| {
                                matches!(
                                    class,
                                    dossier_core::CueClass::Belief
                                        | dossier_core::CueClass::Expectation
                                ) && !speech_acts().contains_key(&base_form(&lower(h)))
                            })))
        }
        _ => false,
    }
}

/// Whether verb `v`, or a verb it completes or continues, is `unrealised`: "trying
/// to force them to surrender", "reluctant to send women to battle", "sought
/// backing to use the airspace and to conduct the operation". An act inside an
/// act not done is not done either. Climbs complements and the conjuncts
/// that share their subject and auxiliaries, at most three steps.
fn unrealised_chain(c: &Clause<'_>, v: usize) -> bool {
    let tokens = &c.doc.tokens;
    let mut h = v;
    for step in 0..4 {
        // (Above the act itself, a clause only an adjective governs may be a
        // fact: "unacceptable that people are murdered and attacked".)
        if unrealised(c, h) && (step == 0 || c.dep(h) != Some(Dep::Ccomp)) {
            return true;
        }
        let Some(u) = tokens[h].head.filter(|&u| u >= c.a && u < c.b && u != h) else {
            return false;
        };
        // A conjunct continues the act it is coordinated with only in the same
        // form ("to use … and to conduct", not "to use … and openly condemning").
        let climbs = match c.dep(h) {
            Some(Dep::Xcomp) => true,
            Some(Dep::Conj) => !own_clause(c, h) && tokens[h].tag == tokens[u].tag,
            _ => false,
        };
        if step == 3 || !climbs || !matches!(tokens[u].pos, Some(Upos::Verb | Upos::Adj)) {
            return false;
        }
        h = u;
    }
    false
}

/// Verbs (by `stem_of`) whose passive's infinitive was done: "was forced to
/// withdraw", "weapons used to kill".
const IMPLICATIVE: &[&str] = &["forc", "compell", "compel", "oblig", "mad", "us"];

/// Whether infinitive `v` is what the passive verb `h` was done for: "forces
/// who had been raised to fight Assad", "Arabs being sent to fight Kurds". The
/// purpose of a passive is not done (its reports and expectations are
/// `relayed` or `unrealised` elsewhere: "is said to have used").
fn sent_for(c: &Clause<'_>, v: usize, h: usize) -> bool {
    c.dep(v) == Some(Dep::Xcomp)
        && to_infinitive(c, v)
        && !c.has_auxiliary(v, AUX, &["have"])
        && c.doc.tokens[h].pos == Some(Upos::Verb)
        && auxiliary_passive(c, h)
        && !PLANNING.contains(&base_form(c.word(h)).as_str())
        && !IMPLICATIVE.contains(&stem_of(&c.word(h).to_lowercase()))
        && crate::cue_classes::CueClasses::english()
            .of_word(c.word(h))
            .is_none()
}

/// Whether verb `v` is an infinitive: "to" among its markers.
fn to_infinitive(c: &Clause<'_>, v: usize) -> bool {
    c.children(v)
        .any(|k| c.dep(k) == Some(Dep::Mark) && c.word(k).eq_ignore_ascii_case("to"))
}

/// The status a noun gives the infinitive it governs when it pledges or plans
/// it ("a pledge to send", "plans to build"); none for other nouns ("ability to
/// provide", "talks to transfer").
fn intention_noun(word: &str) -> Option<EventStatus> {
    const PLEDGES: &[&str] = &[
        "pledg",
        "promis",
        "commitment",
        "vow",
        "offer",
        "undertaking",
    ];
    const PLANS: &[&str] = &[
        "plan",
        "intention",
        "decision",
        "threat",
        "readiness",
        "willingness",
    ];
    let w = word.to_lowercase();
    if PLEDGES.iter().any(|p| w.starts_with(p)) {
        Some(EventStatus::Pledged)
    } else if PLANS.iter().any(|p| w.starts_with(p)) {
        Some(EventStatus::Planned)
    } else {
        None
    }
}

/// Whether `v` is what verb `h` says someone "has to" or "has yet to" do: an
/// obligation or a thing not yet done, like "must" ("has yet to give a verdict").
fn obligation_of_have(c: &Clause<'_>, v: usize, h: usize) -> bool {
    c.dep(v) == Some(Dep::Xcomp)
        && matches!(
            c.word(h).to_lowercase().as_str(),
            "have" | "has" | "had" | "having"
        )
        && to_infinitive(c, v)
}

static SPEECH_ACTS: &str = include_str!("../data/en/event-speech-acts.tsv");

/// The speech acts and attitudes the PLOVER codebook codes
/// (`data/en/event-speech-acts.tsv`): lemma → (type, only with a complement).
fn speech_acts() -> &'static HashMap<String, (EventType, bool)> {
    static CELL: std::sync::OnceLock<HashMap<String, (EventType, bool)>> =
        std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        let rows = SPEECH_ACTS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').collect::<Vec<_>>());
        rows.filter_map(|f| {
            Some((
                f.first()?.to_string(),
                (EventType::parse(f.get(1)?)?, *f.get(2)? == "complement"),
            ))
        })
        .collect()
    })
}

/// The act of a verb of speech, belief, perception or expectation
/// (`data/en/cue-classes.tsv`): `None` for any other verb; `Some(None)` when
/// the codebook codes no such act ("claimed", "wants", "expects", "saw"),
/// else its type. A request or warning needs what it asks or warns of:
/// "asked him to leave", "asked for aid", "warned it would retaliate".
fn spoken_act(c: &Clause<'_>, verb: &Verb) -> Option<Option<EventType>> {
    let (_, lemma) = crate::cue_classes::CueClasses::english().of_word(&verb.form)?;
    let Some(&(ty, needs_complement)) = speech_acts().get(lemma) else {
        return Some(None);
    };
    let modal = |k: usize| c.has_auxiliary(k, AUX, &["will", "would", "could", "must", "should"]);
    let complement = c.children(verb.v).any(|k| match c.dep(k) {
        Some(Dep::Xcomp) => c.doc.tokens[k].pos == Some(Upos::Verb),
        // (A state foretold, "warned that peace would be fragile", is no act.)
        Some(Dep::Ccomp) => {
            modal(k) && acting_subject(c, k) && c.doc.tokens[k].pos == Some(Upos::Verb)
        }
        // ("warned on Tuesday that …": a time, not what is warned of;
        // "warned Slovenia of legal action": a repercussion warned of.)
        // (The parse may hang the "of" phrase on the time: "on Friday of".)
        Some(Dep::Obl) if lemma == "warn" => {
            let of_repercussion =
                |j: usize| marked_by(c.doc, j, "of") && object_classes::repercussion(c.word(j));
            if in_time(c, k) {
                c.children(k)
                    .any(|j| c.dep(j) == Some(Dep::Nmod) && of_repercussion(j))
            } else {
                marked_by(c.doc, k, "on") || of_repercussion(k)
            }
        }
        Some(Dep::Obl) => c
            .children(k)
            .any(|m| matches!(c.word(m).to_lowercase().as_str(), "for" | "on")),
        _ => false,
    });
    Some((complement || !needs_complement).then_some(ty))
}

/// Whether token `j` lies in a time expression ("on Tuesday").
fn in_time(c: &Clause<'_>, j: usize) -> bool {
    c.doc
        .times
        .iter()
        .any(|t| crate::tree::holds_token(c.doc, t.span, j))
}

/// Whether a warned or asked-for clause has someone to act: a pronoun or an
/// actor as its subject ("warned it would retaliate"), not a thing
/// ("warned that repatriation would be difficult"), nor a thing an actor
/// only qualifies ("warned that Spain's exit will weaken", "that the Brexit
/// vote could depress growth", "that a Syrian assault would lead to"): such
/// a warning foretells, and no one is threatened with an act (noevent33,
/// from the no-event notes of Guardian 1414/3737, PolNeAR dev 2626/3939).
fn acting_subject(c: &Clause<'_>, k: usize) -> bool {
    c.children(k)
        .find(|&j| matches!(c.dep(j), Some(Dep::Nsubj | Dep::Expl)))
        .is_none_or(|j| {
            // (A passive clause's act is someone's: "could be put under surveillance".)
            let acted_on = auxiliary_passive(c, k);
            c.doc.tokens[j].pos == Some(Upos::Pron)
                || (!c.actors_of(j).is_empty() && (acted_on || head_names_actor(c, j)))
        })
}

/// Whether the noun phrase headed at `j`, or a conjunct of it, is headed by
/// an actor's word: a name, a noun the agents dictionary codes ("the army",
/// "his government"), or a count of them ("thousands of troops").
fn head_names_actor(c: &Clause<'_>, j: usize) -> bool {
    std::iter::once(j)
        .chain(c.children(j).filter(|&m| c.dep(m) == Some(Dep::Conj)))
        .any(|h| {
            let word = singular(c.word(h));
            c.doc.tokens[h].pos == Some(Upos::Propn)
                || mention_of(c, h, &NAMED)
                || c.lex.agents.contains_key(&word)
                || COLLECTIVES.contains(&word.as_str())
        })
}

/// Who acts and who is acted on, and the phrase acted on.
struct Roles {
    source: Vec<EntityId>,
    target: Vec<EntityId>,
    /// The object (or what stands for it) that holds the theme.
    theme_head: Option<usize>,
}

/// The sources and targets of an event: the subject acts; the indirect
/// object, "to"/"towards"/"for"/"with"/"against"/"on" phrases and (but for
/// aid) the object are acted on; a passive turns these round. `None` when
/// no actor is named.
fn roles(c: &Clause<'_>, verb: &Verb, act: EventType, demander: Option<usize>) -> Option<Roles> {
    let (doc, v) = (c.doc, verb.v);
    let actors_of = |head: usize| c.actors_of(head);
    // A subject that names no actor may be a misparse ("committed themselves
    // towards sending", "towards" read as a noun): the governing clause's subject then gives.
    let names_actor = |sj: usize| !actors_of(sj).is_empty();
    let subject = c.subject_where(v, names_actor).or_else(|| c.subject(v));
    let mut source = subject.map(actors_of).unwrap_or_default();
    reread::split_subjects(c, subject, &mut source);
    reread::pronoun_sources(c, subject, &mut source);
    reread::drop_opponents(c, subject, &mut source);
    // The object; or a bare noun phrase the parse hung as an oblique
    // ("arrested more than 100 Palestinians"), not a time.
    let in_time = |j: usize| {
        doc.times
            .iter()
            .any(|t| crate::tree::holds_token(doc, t.span, j))
    };
    let bare_obl = || {
        c.children(v).find(|&j| {
            c.dep(j) == Some(Dep::Obl)
                && doc.tokens[j].pos.is_some_and(Upos::is_noun)
                && !c.children(j).any(|k| c.dep(k) == Some(Dep::Case))
                && !in_time(j)
        })
    };
    let mut obj = c.object(v).or_else(bare_obl);
    let mut target_tokens = recipient_phrases(c, verb, act, obj);
    reread::addressee_only(c, v, act, &mut target_tokens);
    let aid = act == EventType::Aid;
    // "provide Ukraine with 500 million euros": the object receives, the "with" phrase is given.
    let with_phrase = || {
        c.children(v).find(|&j| {
            c.dep(j) == Some(Dep::Obl)
                && c.children(j)
                    .any(|k| c.word(k).eq_ignore_ascii_case("with"))
        })
    };
    if let (true, Some(o), Some(w)) = (aid, obj, with_phrase()) {
        if !actors_of(o).is_empty() {
            target_tokens.retain(|t| !c.subtree(w, &[]).contains(t));
            target_tokens.extend(c.subtree(o, &[Dep::Acl]));
            obj = Some(w);
        }
    }
    let mut target = c.actors_among(&target_tokens);
    // "withdraw its troops": what is pulled back is not acted on.
    if !aid && (act != EventType::Retreat || reread::releases(c, verb, act)) {
        // "threatened to ban the candidates": the complement's object.
        let complement_obj = || {
            c.children(v)
                .filter(|&x| c.dep(x) == Some(Dep::Xcomp))
                .find_map(|x| c.object(x))
        };
        // Not when the one addressed is named: "urged the UK not to join any US-led action".
        let complement_obj = || complement_obj().filter(|_| !reread::addressed(c, v));
        for t in obj
            .or_else(complement_obj)
            .map(|o| c.actors_of(o))
            .unwrap_or_default()
        {
            if !target.contains(&t) {
                target.push(t);
            }
        }
    }
    reread::pronoun_targets(c, v, act, &source, &mut target);
    reread::owner_targets(c, act, obj, &mut target);
    let reduced = reread::reduced_passive(c, verb);
    if reduced {
        target.clear(); // what the harmed did ("fighting Isis") names no one harmed
    }
    let passive = reduced || passive_voice(c, verb);
    if passive {
        turn_round(c, v, &mut source, &mut target);
        attack_subject_acts(c, v, &mut source, &mut target);
        if source.is_empty() && hostile(act) {
            source = reread::attackers(c, v);
        }
    } else if source.is_empty() && hostile(act) {
        source = reread::attack_claimants(c, v);
    }
    if !passive && target.is_empty() {
        target = phrases::purpose_targets(c, v, act);
    }
    fill_roles(c, verb, act, passive, demander, &mut source, &mut target);
    target.retain(|t| !source.contains(t));
    // An event needs a political or social actor who acts. A subject that
    // names none ("I", "it", "the jury") makes no event, unless the verb is
    // an agentless passive ("was arrested") or its subject is an attack ("a
    // roadside bombing killed a soldier"); with no subject found at all, the
    // one acted on must be named.
    let subject = c.subject(v).filter(|_| !passive);
    let attack = |sj: usize| {
        c.subtree(sj, &[])
            .iter()
            .any(|&j| ATTACK_NOUNS.contains(&singular(c.word(j)).as_str()))
    };
    // (Whether an event exists is the first reading's to say: the second may find no one.)
    let no_actor =
        source.is_empty() && (target.is_empty() || subject.is_some_and(|sj| !attack(sj)));
    if no_actor && !c.reread {
        return None;
    }
    let theme_head = obj.or_else(|| {
        verb.scope
            .iter()
            .copied()
            .find(|&j| j != v && c.dep(j) == Some(Dep::Obj))
    });
    Some(Roles {
        source,
        target,
        theme_head,
    })
}

/// A passive's subject is acted on, its "by" phrase acts: "a camp for
/// refugees was attacked by militiamen". Without a subject of its own, the
/// one the subject search found ("after being driven out") or the noun a
/// participle describes ("people detained by Isis") is acted on.
fn turn_round(c: &Clause<'_>, v: usize, source: &mut Vec<EntityId>, target: &mut Vec<EntityId>) {
    // "targeted, expelled and killed by Isis": the parse may hang the
    // "by" phrase on either conjunct.
    let agent = by_agent(c, v)
        .or_else(|| passive_conjunct_of(c, v).and_then(|h| by_agent(c, h)))
        .or_else(|| reread::later_conjunct_agent(c, v));
    // "In eastern Ghouta, scene of the attack, 200 civilians were killed":
    // of two subjects the parse gave apart by a comma, the one that names actors.
    let subjects: Vec<usize> = c
        .children(v)
        .filter(|&k| c.dep(k) == Some(Dep::Nsubj))
        .collect();
    let set_off = |k: usize| {
        subjects
            .first()
            .is_some_and(|&f| (f..k).any(|j| crate::tree::is_comma(c.doc, j)))
    };
    let naming = subjects.iter().copied().find(|&k| {
        c.reread && !c.actors_of(k).is_empty() && (Some(&k) == subjects.first() || set_off(k))
    });
    let own = naming.or(subjects.first().copied());
    let described = || {
        matches!(c.dep(v), Some(Dep::Acl | Dep::Amod))
            .then(|| c.doc.tokens[v].head)
            .flatten()
            .filter(|&h| h >= c.a && h < c.b)
    };
    let patient = match own.or_else(described) {
        Some(ps) => Some(c.actors_of(ps))
            .filter(|a| !a.is_empty())
            .unwrap_or_else(|| reread::referents(c, ps)),
        None => std::mem::take(source),
    };
    *source = agent.map(|a| c.actors_of(a)).unwrap_or_default();
    *target = patient.into_iter().chain(target.drain(..)).collect();
}

/// "The attack by Ansar al-Tawhid fighters was carried out in Hama": a
/// passive whose subject is the attack itself has its attackers in the
/// subject's "by" phrase or possessor (in the second reading also its
/// country's or people's modifier: "Russian missiles were fired at"), not
/// among those acted on.
fn attack_subject_acts(
    c: &Clause<'_>,
    v: usize,
    source: &mut Vec<EntityId>,
    target: &mut Vec<EntityId>,
) {
    let Some(sj) = c.subject(v) else {
        return;
    };
    let noun = singular(c.word(sj));
    if !source.is_empty()
        || !(ATTACK_NOUNS.contains(&noun.as_str()) || acts::launched_attack(&noun))
    {
        return;
    }
    let attackers: Vec<EntityId> = c
        .children(sj)
        .filter(|&k| {
            let marked = |w: &str| marked_by(c.doc, k, w);
            // (Second reading) "Israeli missiles were fired at …": whose weapon or attack it is.
            let whose = c.reread
                && matches!(c.dep(k), Some(Dep::Amod | Dep::Compound))
                && mention_of(c, k, &[EntityType::Gpe, EntityType::Norp]);
            whose || c.dep(k) == Some(Dep::Nmod) && (marked("by") || marked("'s") || marked("’s"))
        })
        .flat_map(|k| c.actors_of(k))
        .collect();
    target.retain(|t| !attackers.contains(t));
    *source = attackers;
}

/// Whether the verb is passive: a passive subject or auxiliary; a "be" or
/// "get" before a participle with no object (the parse may label its subject
/// plain "nsubj"); a bare past participle with a "by" phrase ("civilians
/// killed by the coalition") or describing a noun ("people detained by
/// Isis"), or coordinated with a passive ("targeted, expelled and killed by
/// Isis", "had been killed and the children severely injured").
fn passive_voice(c: &Clause<'_>, verb: &Verb) -> bool {
    let v = verb.v;
    if auxiliary_passive(c, v) {
        return true;
    }
    let no_object = c.object(v).is_none();
    let unaided = c.children(v).all(|k| c.dep(k) != Some(Dep::Aux));
    let participle = c.doc.tokens[v].tag == Some(Xpos::Vbn);
    // "civilians killed by the coalition": a participle with an agent and no
    // auxiliary, whatever the parse made of its noun.
    if participle && no_object && unaided && by_agent(c, v).is_some() {
        return true;
    }
    // "were rounded up, shot or beheaded": a later conjunct with no subject
    // of its own shares the passive, whatever tag the past form got.
    let own_subject = c.children(v).any(|k| c.dep(k) == Some(Dep::Nsubj));
    // ("had been killed and the children severely injured": a participle may have one).
    let past = participle || (c.doc.tokens[v].tag == Some(Xpos::Vbd) && !own_subject);
    describing_participle(c, v)
        || (past && no_object && unaided && passive_conjunct_of(c, v).is_some())
}

/// A bare past participle describing a noun: "people detained by Isis".
fn describing_participle(c: &Clause<'_>, v: usize) -> bool {
    c.doc.tokens[v].tag == Some(Xpos::Vbn)
        && matches!(c.dep(v), Some(Dep::Acl | Dep::Amod))
        && c.children(v)
            .all(|k| !matches!(c.dep(k), Some(Dep::Obj | Dep::Aux)))
}

/// A passive by its auxiliary: a "be" or "get" before a participle with no
/// object (the parser has no passive labels: its subject is plain "nsubj").
fn auxiliary_passive(c: &Clause<'_>, v: usize) -> bool {
    let no_object = c.object(v).is_none();
    let be_aux = c.has_auxiliary(v, AUX, &crate::tree::PASSIVE_AUXILIARIES);
    be_aux && no_object && !c.word(v).ends_with("ing")
}

/// The types of a name that can act: people, organisations, places, groups.
const NAMED: [EntityType; 4] = [
    EntityType::Person,
    EntityType::Org,
    EntityType::Gpe,
    EntityType::Norp,
];

/// Whether token `j` lies in a mention of one of these types.
fn mention_of(c: &Clause<'_>, j: usize, types: &[EntityType]) -> bool {
    c.doc
        .mentions
        .iter()
        .any(|m| types.contains(&m.ty) && crate::tree::holds_token(c.doc, m.span, j))
}

/// The passive verb `v` is coordinated with, if any: up the chain of
/// conjuncts ("rounded up, shot or beheaded") to a passive one.
fn passive_conjunct_of(c: &Clause<'_>, v: usize) -> Option<usize> {
    conjunct_heads(c, v, |_| true).find(|&h| auxiliary_passive(c, h) || describing_participle(c, h))
}

/// The head of who does a verb's act: a passive's "by" phrase (a passive's
/// subject is the one acted on), else the subject, up the tree if need be
/// ("police who raided", "Kurdish forces fighting Isis").
fn who_acts(c: &Clause<'_>, verb: &Verb) -> Option<usize> {
    if passive_voice(c, verb) {
        return by_agent(c, verb.v);
    }
    c.subject(verb.v)
}

/// The "by" phrase of `h`, its agent when `h` is passive.
fn by_agent(c: &Clause<'_>, h: usize) -> Option<usize> {
    c.children(h)
        .find(|&k| crate::tree::is_by_phrase(c.doc, k, c.a, c.b))
}

/// The roles the clause leaves to fill: a passive's place acting (its
/// authorities), the place acted in as target, those asked to act, and for
/// a reported demand the one who demands.
fn fill_roles(
    c: &Clause<'_>,
    verb: &Verb,
    act: EventType,
    passive: bool,
    demander: Option<usize>,
    source: &mut Vec<EntityId>,
    target: &mut Vec<EntityId>,
) {
    let (doc, v) = (c.doc, verb.v);
    let aid = act == EventType::Aid;
    let place_of = |j: usize| {
        doc.mentions
            .iter()
            .filter(|m| {
                matches!(m.ty, EntityType::Gpe | EntityType::Loc)
                    && crate::tree::holds_token(doc, m.span, j)
            })
            .find_map(|m| m.entity)
    };
    // In the second reading the place acted in is the event's `place`, no role (#24's convention).
    let in_place = verb
        .scope
        .iter()
        .copied()
        .filter(|_| !c.reread)
        .filter(|&j| {
            matches!(c.dep(j), Some(Dep::Obl | Dep::Nmod))
                && c.children(j).any(|k| c.word(k).eq_ignore_ascii_case("in"))
        })
        .find_map(place_of);
    // "was arrested in Lebanon": with no one named acting, the place's
    // authorities did; a state's acts only, not a killing.
    if passive
        && source.is_empty()
        && matches!(
            act,
            EventType::Coerce | EventType::Accuse | EventType::Sanction
        )
    {
        source.extend(in_place.filter(|p| !target.contains(p)));
    }
    // "demonstrated in Serbia", "a curfew in Algiers": with no one else
    // acted on, the place acted in (PLOVER codes it as the target).
    if target.is_empty() && !aid {
        target.extend(in_place.filter(|p| !source.contains(p)));
    }
    // "demanded that the US cancel …": those asked to act.
    if target.is_empty()
        && matches!(
            act,
            EventType::Request | EventType::Accuse | EventType::Threaten | EventType::Reject
        )
    {
        if let Some(sj) = c
            .children(v)
            .find(|&x| c.dep(x) == Some(Dep::Ccomp))
            .and_then(|x| c.children(x).find(|&j| c.dep(j) == Some(Dep::Nsubj)))
        {
            *target = c.actors_of(sj);
        }
    }
    if let Some(h) = demander {
        // The obliged are the target; the one who says so, the source.
        *target = std::mem::take(source);
        *source = c.subject(h).map(|sj| c.actors_of(sj)).unwrap_or_default();
    }
}

/// The tokens of the phrases that name whom an act is aimed at or given to.
fn recipient_phrases(
    c: &Clause<'_>,
    verb: &Verb,
    act: EventType,
    obj: Option<usize>,
) -> Vec<usize> {
    let doc = c.doc;
    let aid = act == EventType::Aid;
    // "withdraw from Chad": what is left is acted on.
    let left = matches!(act, EventType::Retreat)
        || matches!(
            stem_of(&verb.form),
            "withdraw" | "withdrew" | "evacuat" | "expell" | "pull"
        );
    let (mut tokens, mut grounds) = (Vec::new(), Vec::new());
    for &j in &verb.scope {
        let d = c.dep(j);
        if !doc.tokens[j].head.is_some_and(|h| verb.scope.contains(&h)) {
            continue;
        }
        let marked = |words: &[&str]| {
            c.children(j)
                .any(|k| words.contains(&c.word(k).to_lowercase().as_str()))
        };
        // "sending systems to Ukraine", "€225m for the Gambia": the parse may
        // hang the phrase on the thing given; it still names the recipient.
        let recipient_of_goods = aid && d == Some(Dep::Nmod) && marked(&["to", "for"]);
        // "a blockade on Palestinian lorries": the one a thing is aimed at.
        let aimed = !aid
            && d == Some(Dep::Nmod)
            && (obj.is_some_and(|o| doc.tokens[j].head == Some(o) && !phrases::topic_of(c, o, j))
                && marked(&["against", "on"])
                || reread::against_nominal(c, verb.v, j, act));
        // (Second reading) "lashed out at Trump", "fired at the convoy";
        // "fought alongside the SDF".
        let aimed_at = c.reread
            && d == Some(Dep::Obl)
            && ((hostile(act) || matches!(act, EventType::Accuse | EventType::Threaten))
                && marked(&["at"])
                // ("at the hands of the rebels" says who did it.)
                && !c.word(j).eq_ignore_ascii_case("hands")
                || (cooperative(act) && marked(&["alongside"])));
        // (Second reading) "criticised Bolton for his insistence", "was
        // sentenced for reporting": a "for" phrase of blame or harm gives
        // its ground, not whom it is aimed at; "according to" its source.
        if c.reread
            && ((d == Some(Dep::Obl) && reread::blames(act) && marked(&["for"]))
                || marked(&["according"]))
        {
            grounds.extend(c.subtree(j, &[]));
            continue;
        }
        // "on behalf of the regime": for whom, not against whom.
        if c.reread && c.word(j).eq_ignore_ascii_case("behalf") {
            grounds.extend(c.subtree(j, &[]));
            continue;
        }
        if d == Some(Dep::Iobj)
            || aimed_at
            || (d == Some(Dep::Obl)
                && marked(&["to", "towards", "for", "with", "against", "on"])
                && !phrases::sends_away(c, act, j))
            || (d == Some(Dep::Obl) && left && marked(&["from"]))
            || aimed
            || recipient_of_goods
            || phrases::attack_aimed(c, act, j)
        {
            tokens.extend(c.subtree(j, &[]));
        }
    }
    tokens.retain(|t| !grounds.contains(t));
    tokens
}

/// Words that show a "gift" is no aid: a death toll, campaign money.
const NOT_AID: &[&str] = &[
    "toll",
    "death",
    "dead",
    "killed",
    "casualty",
    "injured",
    "wounded",
    "life",
    "campaign",
    "candidate",
    "pac",
    "donor",
    "election",
    "re-election",
    "reelection",
    "party",
    "super",
    "politician",
    "fundraiser",
    "fundraising",
];

/// An aid tracker counts aid to a state, people or organisation, not a
/// death toll ("gave a toll of 50 dead") or campaign finance ("donated to
/// his campaign").
fn is_aid(c: &Clause<'_>, verb: &Verb, roles: &Roles) -> bool {
    let theme_words = roles
        .theme_head
        .map(|h| c.subtree(h, &[]))
        .unwrap_or_default();
    let recipient_words = recipient_phrases(c, verb, EventType::Aid, roles.theme_head);
    !theme_words
        .iter()
        .chain(&recipient_words)
        .any(|&j| NOT_AID.contains(&singular(c.word(j)).as_str()))
}

/// The event with its theme, amount, time, place, quote and status.
fn attach(c: &Clause<'_>, si: usize, verb: &Verb, act: EventType, roles: Roles) -> Event {
    let (doc, v) = (c.doc, verb.v);
    let s = &doc.sentences[si];
    let theme = c.hull(
        &roles
            .theme_head
            .map(|o| c.subtree(o, &[Dep::Acl]))
            .unwrap_or_default(),
    );
    let scope_span = c.hull(&verb.scope);
    // Only an amount inside the theme (elsewhere in the clause it may count
    // something else), and not a rank ("a third Patriot system").
    let quantity = doc.quantities.iter().position(|q| {
        q.kind != dossier_core::QuantityKind::Ordinal && theme.is_some_and(|t| t.contains(q.span))
    });
    let time = doc
        .times
        .iter()
        .position(|t| s.span.contains(t.span) && scope_span.is_some_and(|sc| sc.contains(t.span)))
        .or_else(|| doc.times.iter().position(|t| s.span.contains(t.span)));
    let place = verb
        .scope
        .iter()
        .filter(|&&j| {
            c.dep(j) == Some(Dep::Obl)
                && c.children(j)
                    .any(|k| matches!(c.word(k).to_lowercase().as_str(), "in" | "at"))
        })
        .find_map(|&j| {
            doc.mentions
                .iter()
                .filter(|m| {
                    matches!(m.ty, EntityType::Gpe | EntityType::Loc | EntityType::Fac)
                        && crate::tree::holds_token(doc, m.span, j)
                })
                .find_map(|m| m.entity)
        });
    let trigger = doc.tokens[v].span;
    let quote = doc.quotes.iter().position(|q| q.span.contains(trigger));
    let status = status_of(c, v, &verb.base, act, quote.is_some());
    let mode = (act == EventType::Aid && verb.giving).then(|| aid_kind(verb).to_string());
    Event {
        ty: act,
        act,
        mode,
        status,
        trigger,
        sentence: SentenceId::new(si),
        source: roles.source,
        target: roles.target,
        theme,
        quantity: quantity.map(QuantityId::new),
        time: time.map(TimeId::new),
        place,
        quote: quote.map(QuoteId::new),
    }
}

/// The kind of aid (the PLOVER codebook's examples): weapons are military,
/// money economic, food and medicine humanitarian.
fn aid_kind(verb: &Verb) -> &'static str {
    let has = |words: &[&str]| verb.objects.iter().any(|o| words.contains(&o.as_str()));
    if has(&[
        "humanitarian",
        "food",
        "medicine",
        "medical",
        "shelter",
        "relief",
        "tent",
        "water",
        "vaccine",
    ]) {
        "humanitarian"
    } else if !verb.equipment
        && has(&[
            "aid", "fund", "funding", "loan", "money", "grant", "credit", "budget",
        ])
        && !has(&["military", "weapon", "defence", "defense"])
    {
        "economic"
    } else {
        "military"
    }
}

/// "Italy will provide a SAMP-T system": an aid event with no recipient
/// gives to the one the text has been giving to (within the last two sentences).
fn borrow_recipients(events: &mut [Event]) {
    for i in 0..events.len() {
        if events[i].act != EventType::Aid || !events[i].target.is_empty() {
            continue;
        }
        let si = events[i].sentence;
        let recipient = events[..i]
            .iter()
            .rev()
            .take_while(|e| e.sentence.index() + 2 >= si.index())
            .find(|e| {
                !e.target.is_empty() && matches!(e.act, EventType::Aid | EventType::Cooperate)
            })
            .map(|e| e.target.clone());
        if let Some(r) = recipient {
            events[i].target = r
                .into_iter()
                .filter(|t| !events[i].source.contains(t))
                .collect();
        }
    }
}

/// What is signed or ratified: SUPPORT.
const AGREEMENTS: &[&str] = &[
    "agreement",
    "treaty",
    "accord",
    "pact",
    "deal",
    "protocol",
    "memorandum",
    "declaration",
    "convention",
    "charter",
];
/// Joint war games: COOPERATE.
const DRILLS: &[&str] = &["game", "exercise", "maneuver", "manoeuvre", "drill"];
/// Passages whose blocking is a PROTEST.
const PASSAGES: &[&str] = &[
    "road",
    "bridge",
    "highway",
    "street",
    "traffic",
    "transport",
    "railway",
    "rail",
    "access",
    "entrance",
    "route",
    "port",
];
/// What is cut or suspended as a SANCTION.
const TIES: &[&str] = &[
    "tie",
    "relation",
    "link",
    "aid",
    "talk",
    "cooperation",
    "contact",
    "mediation",
];
/// Envoys and inspectors whose expulsion cuts relations: SANCTION.
const ENVOYS: &[&str] = &[
    "inspector",
    "diplomat",
    "ambassador",
    "envoy",
    "monitor",
    "observer",
    "mission",
];

/// Restrictions whose easing is CONCEDE.
const RESTRICTIONS: &[&str] = &[
    "curfew",
    "emergency",
    "restriction",
    "ban",
    "sanction",
    "embargo",
];

/// Strikes, boycotts and sit-ins: PROTEST.
const STOPPAGES: &[&str] = &[
    "strike",
    "boycott",
    "sit-in",
    "demonstration",
    "protest",
    "walkout",
];

/// Requests whose dismissal is a REJECT.
const APPEALS: &[&str] = &[
    "appeal",
    "request",
    "call",
    "demand",
    "ultimatum",
    "invitation",
    "offer",
    "proposal",
    "plea",
];

/// Where the PLOVER codebook names the act itself, its code wins over the
/// CAMEO dictionary's: "according to" is no event; rejections, lawsuits,
/// resignations, surrenders and arrests have a code of their own; signing
/// an agreement is SUPPORT; joint war games are COOPERATE; blocking roads is
/// a PROTEST, and so is stopping work for a strike; imposing sanctions,
/// cutting ties or mediation and expelling envoys is SANCTION; mediating is
/// CONSULT; "called on X to", "called for" are a REQUEST; mounting an
/// invasion, retaking a town and firing at a target are ASSAULT; easing a
/// curfew and accepting demands are CONCEDE.
/// `objects` are the nouns the verb governs. `Some(None)`: not an event;
/// `None`: the codebook says nothing and the dictionary decides.
fn codebook_type(
    form: &str,
    objects: &[String],
    joint: bool,
    appeal: bool,
    at_target: bool,
) -> Option<Option<EventType>> {
    use EventType::*;
    let stem = stem_of(form);
    let any = |words: &[&str]| objects.iter().any(|d| words.contains(&d.as_str()));
    Some(Some(match stem {
        "accord" if form == "according" => return Some(None),
        "reject" | "refus" | "reneg" | "rebuff" | "spurn" | "veto" => Reject,
        "accus" => Accuse,
        // Mounting an invasion, retaking a town, firing at targets: ASSAULT.
        "launch" | "mount" | "begin" | "began" | "start" | "stag" | "conduct" | "carri"
        | "carry"
            if objects.iter().any(|o| acts::launched_attack(o)) =>
        {
            Assault
        }
        "retak" | "retaken" | "recaptur" => Assault,
        "fir" if at_target => Assault,
        // Expelling a country's envoys or inspectors cuts relations: SANCTION.
        "expell" | "expel" if any(ENVOYS) => Sanction,
        // Easing a restriction, or acceding to demands: CONCEDE.
        "lift" | "eas" | "relax" | "shorten" if any(RESTRICTIONS) => Concede,
        "accept" if any(&["demand", "condition", "term"]) => Concede,
        // Strikes, boycotts and sit-ins, joined, stopped for or kept up: PROTEST.
        "stopp" | "join" | "continu" | "go" | "went" if any(STOPPAGES) => Protest,
        // "dismissed an appeal": turning a request down.
        "dismiss" | "ignor" | "snubb" if any(APPEALS) => Reject,
        "su" if matches!(form, "sue" | "sued" | "sues" | "suing") => Accuse,
        "indict" => Accuse,
        "resign" | "surrender" | "disarm" | "demobiliz" | "demobilis" => Retreat,
        "arrest" | "detain" | "jail" | "imprison" => Coerce,
        // A court finding guilty or sentencing: SANCTION convict.
        "convict" | "sentenc" => Sanction,
        // The one who dies undergoes; an attack is coded on the attacker's verb.
        "di" if matches!(form, "die" | "died" | "dies") => return Some(None),
        "dy" if form == "dying" => return Some(None),
        "sign" | "ratifi" | "ratify" if any(AGREEMENTS) => Support,
        "launch" | "hold" | "held" | "conduct" | "stag" | "start" | "begin" | "began"
            if joint && any(DRILLS) =>
        {
            Cooperate
        }
        "block" | "blockad" | "barricad" if any(PASSAGES) => Protest,
        "impos" if any(&["sanction", "embargo", "boycott"]) => Sanction,
        "suspend" | "sever" | "cut" | "break" | "brok" | "end" | "halt" | "stopp" | "stop"
            if any(TIES) =>
        {
            Sanction
        }
        // A third party bringing two others together: CONSULT's mediation.
        "launch" | "start" | "begin" | "began" | "offer" | "host" if any(&["mediation"]) => Consult,
        "mediat" => Consult,
        "negotiat" => Consult,
        "call" if appeal => Request,
        _ => return None,
    }))
}

/// The PLOVER code of an event's act with its status. PLOVER, like CAMEO
/// before it, codes a stated intention as the intention: "will provide aid"
/// and "promised to continue aid" are AGREE, "would boycott" and "will
/// withdraw … unless" are THREATEN. The record keeps the act in `act` (an aid
/// tracker counts the pledged Patriot batteries as AID, pledged) and this
/// code in `ty`, the JSON `type`.
pub fn plover_type(e: &Event) -> EventType {
    use EventType::*;
    // "will not accept refugees", "refused to deploy": PLOVER's REJECT.
    if e.status == EventStatus::Negated && cooperative(e.act) {
        return Reject;
    }
    if !matches!(
        e.status,
        EventStatus::Pledged | EventStatus::Planned | EventStatus::Hypothetical
    ) {
        return e.act;
    }
    match e.act {
        t if hostile(t) => Threaten,
        t if cooperative(t) => Agree,
        // Already speech acts about the future, or refusals of it.
        t => t,
    }
}

/// The PLOVER code of an act negated with no refusal ("has not endorsed",
/// "did not cooperate", "have never met"): the act itself, negated. REJECT
/// is "all rejections and refusals" of a request, a proposal or a demand,
/// and not doing an act refuses none.
fn unrefused_type(e: &Event) -> EventType {
    match e.status {
        EventStatus::Negated => e.act,
        _ => plover_type(e),
    }
}

/// Whether the negation of verb `v` refuses: a modal of will or ability on
/// it or on a verb whose negation it shares ("will not accept refugees",
/// "cannot agree", "would never agree"), or a verb of refusing above it
/// ("refused to deploy"), "going to", a copula or a verb that refuses when
/// negated (`conventions::refused_when_negated`: "are not welcome", "did not
/// allow"). A past, perfect or habitual act not done ("did not cooperate",
/// "has not endorsed", "does not offer") refuses nothing.
fn refusal(c: &Clause<'_>, v: usize) -> bool {
    const WILLING: &[&str] = &[
        "will", "'ll", "wo", "would", "shall", "can", "ca", "cannot", "could",
    ];
    const REFUSING: &[&str] = &["refuse", "reject", "decline", "fail"];
    let modal = std::iter::once(v)
        .chain(negating_governors(c, v))
        .any(|h| c.has_auxiliary(h, AUX, WILLING));
    // "are not welcome": a state declared, a standing refusal.
    let copula = c.children(v).any(|k| c.dep(k) == Some(Dep::Cop))
        || conventions::refused_when_negated(c, v);
    let governors = governing_verbs(c, v);
    // "are not going to withdraw": a future said with "going to".
    let going_to = governors
        .iter()
        .any(|&g| c.word(g).eq_ignore_ascii_case("going") && to_infinitive(c, v));
    modal
        || copula
        || going_to
        || governors
            .iter()
            .any(|&g| REFUSING.contains(&c.lex.lemma(&c.word(g).to_lowercase())))
}

/// The PLOVER codebook's mode of an event's type, where its act tells it: a
/// threat to attack is THREATEN `violence`, to boycott or cut ties
/// `restrict`; a hack is COERCE `cyber`, a resignation RETREAT `resign`. An
/// AID event keeps the kind of aid (military, economic).
fn codebook_mode(doc: &Document, lex: &EventLexicon, e: &Event) -> Option<String> {
    use EventType::*;
    let trigger = || doc.span_text(e.trigger).to_lowercase();
    let mode = match (e.ty, e.act) {
        (Aid, _) => return e.mode.clone(),
        (Threaten, Assault | Mobilize) => "violence",
        (Threaten, Protest | Sanction) => "restrict",
        (Coerce, Coerce) if acts::cyber(doc, lex, e) => "cyber",
        (Retreat, Retreat) if acts::resignation_trigger(lex.lemma(&trigger())) => "resign",
        _ => return None,
    };
    Some(mode.to_string())
}

/// Types that do harm: intended, they are threats.
fn hostile(t: EventType) -> bool {
    use EventType::*;
    // A boycott or strike announced is a threat to restrict (PLOVER's THREATEN).
    matches!(t, Sanction | Coerce | Assault | Mobilize | Protest)
}

/// Types that help or give way: intended, they are agreements; refused, rejections.
fn cooperative(t: EventType) -> bool {
    use EventType::*;
    matches!(
        t,
        Agree | Consult | Support | Concede | Cooperate | Aid | Retreat
    )
}

/// Whether token `t` heads a purpose clause: "to" its only marker.
fn purpose(doc: &Document, t: usize) -> bool {
    let marks: Vec<String> = (0..doc.tokens.len())
        .filter(|&k| doc.tokens[k].head == Some(t) && doc.tokens[k].dep == Some(Dep::Mark))
        .map(|k| doc.span_text(doc.tokens[k].span).to_lowercase())
        .collect();
    !marks.is_empty() && marks.iter().all(|m| m == "to")
}

/// One event per clause, and none in a noun's modifier. A verb hung under
/// another event's verb as its complement or adjunct ("threatened to ban",
/// "agreed to share", "dismissed an appeal, saying …") is part of that
/// event, not one of its own. Aid is the exception an aid tracker needs: in
/// "pledged to send Patriot batteries" the sending is the event, with the
/// pledge as its status.
fn keep_main_events(doc: &Document, events: &mut Vec<Event>) {
    let token_of = |e: &Event| {
        doc.tokens
            .partition_point(|t| t.span.start < e.trigger.start)
    };
    let triggers: Vec<usize> = events.iter().map(token_of).collect();
    let mut dropped = vec![false; events.len()];
    for (child, &t) in triggers.iter().enumerate() {
        let dep = doc.tokens[t].dep;
        // "plans to sell weapons", "refugees fleeing the war", "the curfew
        // imposed in Sudan": a verb that describes a noun is background to
        // the sentence's event, not one of its own.
        if dep == Some(Dep::Acl)
            && events[child].act != EventType::Aid
            && doc.tokens[t]
                .head
                .is_some_and(|h| doc.tokens[h].pos == Some(Upos::Noun))
        {
            dropped[child] = true;
            continue;
        }
        if !matches!(dep, Some(Dep::Xcomp | Dep::Advcl | Dep::Ccomp)) {
            continue;
        }
        let Some(head) = doc.tokens[t].head else {
            continue;
        };
        let Some(parent) = triggers.iter().position(|&p| p == head) else {
            // "to allow Turkish troops": a purpose of what is no event is only aimed at.
            dropped[child] = dep == Some(Dep::Advcl) && purpose(doc, t);
            continue;
        };
        use EventType::*;
        // Only a demand, threat, charge or promise contains what it reports.
        if dep == Some(Dep::Ccomp)
            && !matches!(
                events[parent].act,
                Request | Threaten | Accuse | Reject | Agree
            )
        {
            continue;
        }
        // "vowed to fight", "swore to attack": an intention to do harm is a threat.
        if events[parent].act == Agree && hostile(events[child].act) {
            events[parent].act = Threaten;
        }
        if events[child].act == EventType::Aid {
            // "will send batteries while the Netherlands will provide components": two gifts.
            if events[parent].act != EventType::Aid {
                dropped[parent] = true;
            }
        } else {
            dropped[child] = true;
            // What the complement acts on is what the whole event acts on.
            if events[parent].target.is_empty() {
                let inherited: Vec<EntityId> = events[child]
                    .target
                    .iter()
                    .copied()
                    .filter(|t| !events[parent].source.contains(t))
                    .collect();
                events[parent].target = inherited;
            }
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !dropped[k - 1]
    });
}

fn follow_list(doc: &Document, c: &Clause<'_>, si: usize, events: &mut Vec<Event>) {
    let Some(prev) = events
        .iter()
        .rev()
        .find(|e| e.sentence.index() + 1 == si && e.act == EventType::Aid)
        .cloned()
    else {
        return;
    };
    for v in c.a..c.b {
        if !matches!(
            c.word(v).to_lowercase().as_str(),
            "include" | "includes" | "comprise" | "comprises"
        ) {
            continue;
        }
        let Some(subj) = c.subject(v) else { continue };
        if !matches!(
            c.word(subj).to_lowercase().as_str(),
            "these" | "they" | "those" | "this" | "it"
        ) {
            continue;
        }
        let Some(obj) = c.object(v) else {
            continue;
        };
        let theme = c.hull(&c.subtree(obj, &[]));
        let trigger = doc.tokens[v].span;
        events.push(Event {
            trigger,
            sentence: SentenceId::new(si),
            theme,
            quantity: None,
            quote: doc
                .quotes
                .iter()
                .position(|q| q.span.contains(trigger))
                .map(QuoteId::new),
            ..prev
        });
        return;
    }
}

/// Verbs that deny what they govern: "denied that it was sending troops".
const DENYING: &[&str] = &[
    "deny",
    "denied",
    "denies",
    "denying",
    "dismissed",
    "dismisses",
    "rejected",
    "rejects",
    "refuted",
    "refutes",
    "refused",
    "refuses",
    "refusing",
];

/// Words that negate the verb they hang on: "not", "n't" (also with a
/// typographic apostrophe, "doesn’t"), "never".
const NEGATING: &[&str] = &["not", "n't", "n’t", "never"];

fn status_of(c: &Clause<'_>, v: usize, base: &str, ty: EventType, in_quote: bool) -> EventStatus {
    let kids: Vec<usize> = c.children(v).collect();
    let lower = |i: usize| c.word(i).to_lowercase();
    let negates = |k: usize| {
        NEGATING.contains(&lower(k).as_str())
            || matches!(lower(k).as_str(), "no" | "neither" | "nor")
    };
    if kids
        .iter()
        .any(|&k| c.dep(k) != Some(Dep::Obj) && negates(k))
    {
        return EventStatus::Negated;
    }
    let governors = governing_verbs(c, v);
    // "denied sending", "rejected an appeal for deploying", "did not say it
    // would attack": what is denied or not done is not asserted.
    let denied = governors
        .iter()
        .any(|&g| DENYING.contains(&lower(g).as_str()))
        || negating_governors(c, v).into_iter().any(|g| c.negated(g));
    if denied {
        return EventStatus::Negated;
    }
    // A condition or a question asserts nothing: "if Russia attacks", "will they send troops?".
    // A modal only as an auxiliary ("in May" is a month), a condition only as a marker.
    let conditional = |k: usize| match c.dep(k) {
        Some(Dep::Aux) => matches!(lower(k).as_str(), "could" | "would" | "might" | "may"),
        Some(Dep::Mark) => matches!(lower(k).as_str(), "if" | "unless" | "whether"),
        _ => false,
    };
    let question = (c.a..c.b)
        .rev()
        .find(|&i| !matches!(c.word(i), "\"" | "”" | "’" | "'" | ")"))
        .is_some_and(|i| c.word(i) == "?");
    // "would shoot down missiles and attack their platforms": a later conjunct
    // shares the first one's modal.
    if question
        || std::iter::once(v)
            .chain(shared_conjunct_heads(c, v))
            .any(|w| c.children(w).any(&conditional))
        || governors.iter().any(|&g| {
            c.children(g)
                .any(|k| c.dep(k) == Some(Dep::Mark) && conditional(k))
        })
    {
        return EventStatus::Hypothetical;
    }
    const FUTURE: &[&str] = &["will", "'ll", "shall"];
    let future = c.has_auxiliary(v, AUX, FUTURE)
        || governors.iter().any(|&g| c.has_auxiliary(g, AUX, FUTURE));
    let pledging = PLEDGING.contains(&base)
        || governors
            .iter()
            .any(|&g| PLEDGING.contains(&base_form(c.word(g)).as_str()));
    // "is willing to withdraw", "ready to send": an intention stated as a state.
    let willing = c.doc.tokens[v]
        .head
        .filter(|&u| u >= c.a && u < c.b)
        .is_some_and(|u| {
            c.doc.tokens[u].pos == Some(Upos::Adj)
                && matches!(
                    c.word(u).to_lowercase().as_str(),
                    "willing" | "ready" | "prepared" | "eager" | "determined"
                )
        });
    // "a pledge to send", "plans to build": the noun's intention.
    let intended = c.doc.tokens[v]
        .head
        .filter(|&u| u >= c.a && u < c.b && to_infinitive(c, v))
        .filter(|&u| c.doc.tokens[u].pos.is_some_and(Upos::is_noun))
        .and_then(|u| intention_noun(c.word(u)));
    let pledging = pledging || intended == Some(EventStatus::Pledged);
    let planning = willing
        || intended == Some(EventStatus::Planned)
        || governors
            .iter()
            .any(|&g| PLANNING.contains(&base_form(c.word(g)).as_str()));
    if pledging || (future && ty == EventType::Aid) {
        return EventStatus::Pledged;
    }
    if future || planning {
        return EventStatus::Planned;
    }
    if in_quote {
        return EventStatus::Reported;
    }
    EventStatus::Asserted
}

/// The verbs above `v` in its clause, nearest first: "committed … towards
/// sending", "plans to send", "denied that it was sending".
/// Whether a conjunct is joined by "but", "yet" or "while".
fn contrasted(c: &Clause<'_>, h: usize) -> bool {
    c.children(h).any(|k| {
        matches!(c.dep(k), Some(Dep::Cc | Dep::Mark))
            && matches!(
                c.word(k).to_lowercase().as_str(),
                "but" | "yet" | "while" | "whereas"
            )
    })
}

/// The verbs above `v` whose negation is `v`'s: up through
/// complements ("did not say it would attack") and conjuncts with no
/// subject or auxiliary of their own ("did not stop or search"), not
/// through an adjunct ("was not involved …, rejecting an accusation") or a
/// conjunct of its own ("have not been charged, and the authorities have
/// called").
fn negating_governors(c: &Clause<'_>, v: usize) -> Vec<usize> {
    let mut governors = Vec::new();
    let mut h = v;
    for _ in 0..3 {
        let passes = match c.dep(h) {
            Some(Dep::Xcomp | Dep::Ccomp) => true,
            Some(Dep::Conj) => !contrasted(c, h) && !own_clause(c, h),
            _ => false,
        };
        let Some(u) = c.doc.tokens[h]
            .head
            .filter(|&u| passes && u >= c.a && u < c.b && u != h)
        else {
            break;
        };
        if c.doc.tokens[u].pos == Some(Upos::Verb) {
            governors.push(u);
        }
        h = u;
    }
    governors
}

fn governing_verbs(c: &Clause<'_>, v: usize) -> Vec<usize> {
    let mut governors = Vec::new();
    let mut h = v;
    for _ in 0..3 {
        match c.doc.tokens[h].head.filter(|&u| u >= c.a && u < c.b) {
            // "will not join … but supports": a contrast does not share the first verb's negation.
            Some(_) if c.dep(h) == Some(Dep::Conj) && contrasted(c, h) => break,
            Some(u) if c.dep(h) != Some(Dep::Parataxis) => {
                if c.doc.tokens[u].pos == Some(Upos::Verb) {
                    governors.push(u);
                }
                h = u;
            }
            _ => break,
        }
    }
    governors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_trigger_classifier_keeps_a_candidate_at_or_over_its_threshold() {
        let tsv = "# model\nbias\t-1.0\nthreshold\t0.5\nl=meet\t2.0\nl=hold\t-1.0\n";
        let lex = EventLexicon::from_tsv("").with_trigger_model(tsv, None);
        assert!(lex.takes_trigger(&["l=meet".to_string()]));
        assert!(!lex.takes_trigger(&["l=hold".to_string()]));
        // An unknown feature weighs nothing: the bias decides.
        assert!(!lex.takes_trigger(&["l=unknown".to_string()]));
        let lowered = EventLexicon::from_tsv("").with_trigger_model(tsv, Some(0.2));
        assert!(lowered.takes_trigger(&["l=unknown".to_string()]));
        // No model, no veto.
        assert!(EventLexicon::from_tsv("").takes_trigger(&["l=hold".to_string()]));
    }

    #[test]
    fn the_event_judge_keeps_an_event_at_or_over_its_threshold() {
        let tsv = "bias\t0.0\nthreshold\t0.5\nst=asserted\t1.0\nh1l=xcomp|want\t-2.0\n";
        let lex = EventLexicon::from_tsv("").with_judge_model(tsv, None);
        let asserted = "st=asserted".to_string();
        assert!(lex.takes_event(std::slice::from_ref(&asserted)));
        assert!(!lex.takes_event(&[asserted.clone(), "h1l=xcomp|want".to_string()]));
        // A lower threshold keeps more; no judge keeps everything.
        let lenient = EventLexicon::from_tsv("").with_judge_model(tsv, Some(0.2));
        assert!(lenient.takes_event(&[asserted, "h1l=xcomp|want".to_string()]));
        assert!(EventLexicon::from_tsv("").takes_event(&["h1l=xcomp|want".to_string()]));
    }

    #[test]
    fn a_feature_conditioned_threshold_replaces_the_judges_own() {
        // Probability 0.5 with no feature, about 0.38 with "h1l=xcomp|want".
        let tsv = "bias\t0.0\nthreshold\t0.3\nthreshold|st=asserted\t0.45\nh1l=xcomp|want\t-0.5\n";
        let lex = EventLexicon::from_tsv("").with_judge_model(tsv, None);
        let (want, asserted, reported) = (
            "h1l=xcomp|want".to_string(),
            "st=asserted".to_string(),
            "st=reported".to_string(),
        );
        assert!(lex.takes_event(&[reported, want.clone()]));
        assert!(!lex.takes_event(&[asserted.clone(), want]));
        assert!(lex.takes_event(&[asserted]));
    }

    #[test]
    fn a_default_stands_only_where_the_stories_or_the_codebook_back_it() {
        let lex = EventLexicon::from_tsv("V\tfaces\tface\t-\tCONSULT\nV\tvisited\tvisit\t-\tCONSULT\nV\tshot\tshoot\t-\tASSAULT\nV\tgreeted\tgreet\t-\tSUPPORT\n");
        assert!(
            lex.supports_default("faces", EventType::Consult),
            "no table: every default stands"
        );
        let lex = lex.with_trigger_lift("face\tCONSULT\t80\t4\t1.82\t0\nvisit\tCONSULT\t109\t21\t6.95\t1\nshoot\tASSAULT\t106\t48\t3.65\t0\n");
        assert!(
            !lex.supports_default("faces", EventType::Consult),
            "lift under 2"
        );
        assert!(
            lex.supports_default("visited", EventType::Consult),
            "named by the codebook"
        );
        assert!(
            lex.supports_default("shot", EventType::Assault),
            "lift 3.65 over 48 stories"
        );
        assert!(
            !lex.supports_default("greeted", EventType::Support),
            "never seen in the stories"
        );
    }

    #[test]
    fn patterns_beat_the_default_and_synsets_expand() {
        let lex = EventLexicon::from_tsv(
            "# x\nV\taccused\taccuse\t112\tACCUSE\nV\tprovide\tprovide\t060\tCOOPERATE\nV\ttook\ttake\t-\t-\nV\tseized\tseize\t171\tCOERCE\n\
             P\tprovide\tassistance\t070\tAID\nP\tprovide\t&WEAPON\t072\tAID\nP\ttake\tpart\t030\tAGREE\nP\ttake\tpart in protest\t141\tPROTEST\n\
             P\ttake\tcontrol of house\t-\t-\nP\ttake\tcontrol\t192\tCOERCE\nS\t&WEAPON\tmissile\n",
        );
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(lex.classify("accused", &[]), Some(EventType::Accuse));
        assert_eq!(
            lex.classify("provide", &words(&["report"])),
            Some(EventType::Cooperate)
        );
        assert_eq!(
            lex.classify("provide", &words(&["assistance"])),
            Some(EventType::Aid)
        );
        assert_eq!(
            lex.classify("provide", &words(&["missile"])),
            Some(EventType::Aid)
        );
        assert_eq!(lex.classify("walk", &[]), None);
        // An everyday verb is an event only through its object, and the longest pattern wins.
        assert_eq!(
            lex.classify("took", &words(&["just", "15", "minute"])),
            None,
            "the jury took just 15 minutes"
        );
        assert_eq!(
            lex.classify("took", &words(&["part", "in", "the", "protest"])),
            Some(EventType::Protest)
        );
        assert_eq!(
            lex.classify("took", &words(&["control", "of", "the", "city"])),
            Some(EventType::Coerce)
        );
        assert_eq!(
            lex.classify("took", &words(&["control", "of", "the", "house"])),
            None
        );
        // A pattern belongs to its own verb, not to every verb of its block.
        assert_eq!(
            lex.classify("seized", &words(&["part"])),
            Some(EventType::Coerce)
        );
    }

    #[test]
    fn the_codebook_names_acts_the_dictionary_codes_otherwise() {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            codebook_type("according", &[], false, false, false),
            Some(None)
        );
        for form in ["rejected", "refuses", "refusing", "reneged"] {
            assert_eq!(
                codebook_type(form, &[], false, false, false),
                Some(Some(EventType::Reject)),
                "{form}"
            );
        }
        assert_eq!(
            codebook_type("suing", &[], false, false, false),
            Some(Some(EventType::Accuse))
        );
        assert_eq!(
            codebook_type("resigned", &[], false, false, false),
            Some(Some(EventType::Retreat))
        );
        assert_eq!(
            codebook_type("signed", &words(&["agreement"]), false, false, false),
            Some(Some(EventType::Support))
        );
        assert_eq!(
            codebook_type("signed", &words(&["bill"]), false, false, false),
            None
        );
        assert_eq!(
            codebook_type("launched", &words(&["game"]), true, false, false),
            Some(Some(EventType::Cooperate))
        );
        assert_eq!(
            codebook_type("launched", &words(&["game"]), false, false, false),
            None
        );
        // Strikes conducted are read with the other mounted strikes (`acts`).
        assert_eq!(
            codebook_type("conducted", &words(&["strike"]), false, false, false),
            None
        );
        assert_eq!(
            codebook_type("blocked", &words(&["road"]), false, false, false),
            Some(Some(EventType::Protest))
        );
        assert_eq!(
            codebook_type("imposed", &words(&["sanction"]), false, false, false),
            Some(Some(EventType::Sanction))
        );
        assert_eq!(
            codebook_type("called", &[], false, true, false),
            Some(Some(EventType::Request))
        );
        assert_eq!(codebook_type("called", &[], false, false, false), None);
        assert_eq!(
            codebook_type("accused", &[], false, false, false),
            Some(Some(EventType::Accuse))
        );
        assert_eq!(
            codebook_type("mounted", &words(&["invasion"]), false, false, false),
            Some(Some(EventType::Assault))
        );
        assert_eq!(
            codebook_type("fired", &words(&["shell"]), false, false, true),
            Some(Some(EventType::Assault))
        );
        assert_eq!(
            codebook_type("fired", &words(&["minister"]), false, false, false),
            None
        );
        assert_eq!(
            codebook_type("lifted", &words(&["curfew"]), false, false, false),
            Some(Some(EventType::Concede))
        );
        assert_eq!(
            codebook_type("accepted", &words(&["demand"]), false, false, false),
            Some(Some(EventType::Concede))
        );
        assert_eq!(
            codebook_type("expelled", &words(&["diplomat"]), false, false, false),
            Some(Some(EventType::Sanction))
        );
        assert_eq!(
            codebook_type("stopped", &words(&["work", "strike"]), false, false, false),
            Some(Some(EventType::Protest))
        );
    }

    #[test]
    fn plover_codes_intentions_as_agree_or_threaten() {
        let event = |act, status| Event {
            ty: act,
            act,
            mode: None,
            status,
            trigger: Span::new(0, 1),
            sentence: SentenceId::new(0),
            source: vec![],
            target: vec![],
            theme: None,
            quantity: None,
            time: None,
            place: None,
            quote: None,
        };
        assert_eq!(
            plover_type(&event(EventType::Aid, EventStatus::Pledged)),
            EventType::Agree,
            "will provide aid"
        );
        assert_eq!(
            plover_type(&event(EventType::Aid, EventStatus::Asserted)),
            EventType::Aid,
            "gave aid"
        );
        assert_eq!(
            plover_type(&event(EventType::Sanction, EventStatus::Hypothetical)),
            EventType::Threaten,
            "would boycott"
        );
        assert_eq!(
            plover_type(&event(EventType::Request, EventStatus::Planned)),
            EventType::Request
        );
    }

    #[test]
    fn base_forms_of_giving_and_pledging_verbs() {
        assert_eq!(base_form("committed"), "commit");
        assert_eq!(base_form("sending"), "send");
        assert_eq!(base_form("supplied"), "supply");
        assert_eq!(base_form("provides"), "provide");
        assert_eq!(base_form("shipped"), "ship");
        assert_eq!(base_form("’s"), "’s", "no slicing inside a character");
        assert_eq!(base_form("’’ing"), "’’ing");
    }
}
