//! The event lexicon: the CAMEO verb patterns mapped to PLOVER (`models/event-verbs.tsv`), the
//! trigger classifier (`models/event-triggers.tsv`), the judge and the word lists the rules read, loaded once.

use super::*;
use foldhash::HashMap;

/// A verb pattern: the words that must all occur in what the verb governs, and its type.
pub(super) type Pattern = (Vec<String>, Option<EventType>);

/// Lemma → the acts a table names for it: looked up by a borrowed lemma, with no key built per lookup.
pub(super) type LemmaActs = HashMap<String, Vec<EventType>>;

fn names_act(table: &LemmaActs, lemma: &str, act: EventType) -> bool {
    table.get(lemma).is_some_and(|acts| acts.contains(&act))
}

/// The verb patterns of `models/event-verbs.tsv` (`scripts/build-event-verbs`).
pub struct EventLexicon {
    /// form → (lemma, default type): `None` for a verb that makes an event only through a pattern.
    pub(super) verbs: HashMap<String, (String, Option<EventType>)>,
    /// lemma → its patterns in dictionary order: the words that must all occur in what the verb
    /// governs (a word or `&SYNSET`), and the type (`None`: no event with these words).
    pub(super) patterns: HashMap<String, Vec<Pattern>>,
    /// word → synsets it belongs to
    pub(super) synsets: HashMap<String, Vec<String>>,
    /// Common nouns that name an actor ("police", "protester"), singular, with their entity
    /// type and CAMEO agent code ("police" → COP, "company" → BUS, read by `political`).
    pub(super) agents: HashMap<String, (EntityType, String)>,
    /// (lemma, act) pairs whose CAMEO default the synthetic stories or the codebook support
    /// (`models/event-trigger-lift.tsv`); `None` when no table is read (every default stands).
    pub(super) supported: Option<LemmaActs>,
    /// (lemma, act) pairs the synthetic stories speak against: seen in several stories, no more
    /// often in that act's stories than elsewhere, and not named by the codebook.
    pub(super) contradicted: LemmaActs,
    /// The trigger classifier (`models/event-triggers.tsv`), when one is read.
    pub(super) triggers: Option<TriggerModel>,
    /// The event judge (`models/event-judge.tsv`), when one is read: whether an
    /// extracted event is a real, done act of its type (learned from judged rows).
    pub(super) judge: Option<TriggerModel>,
    /// Whether the judge weighs a sense feature (`sense_features`): if not,
    /// they are computed only for training.
    pub(super) judge_reads_sense: bool,
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

/// What the event judge says of an event.
pub(super) enum Verdict {
    Dropped,
    /// Kept, with the judge's probability (none with no judge, or while logging).
    Kept(Option<f64>),
}

impl TriggerModel {
    /// Reads `bias`, `threshold` and `feature<TAB>weight` lines.
    pub fn from_tsv(tsv: &str) -> Option<Self> {
        let mut model = TriggerModel {
            bias: 0.0,
            threshold: 0.0,
            thresholds_if: Vec::new(),
            weights: HashMap::default(),
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
    pub(super) fn with_threshold(tsv: &str, threshold: Option<f64>) -> Option<Self> {
        Self::from_tsv(tsv).map(|mut m| {
            m.threshold = threshold.unwrap_or(m.threshold);
            m
        })
    }

    /// Whether a model keeps these features (always, with no model).
    pub(super) fn keeps(model: Option<&Self>, features: &[String]) -> bool {
        model.is_none_or(|m| m.passing(features).is_some())
    }

    /// The probability of these features when it reaches the threshold.
    fn passing(&self, features: &[String]) -> Option<f64> {
        let p = self.probability(features);
        (p >= self.threshold_for(features)).then_some(p)
    }

    /// The threshold of the first feature-conditioned one that applies, else the model's.
    pub(super) fn threshold_for(&self, features: &[String]) -> f64 {
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
            verbs: HashMap::default(),
            patterns: HashMap::default(),
            synsets: HashMap::default(),
            agents: HashMap::default(),
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
        let mut supported = LemmaActs::default();
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
                    self.contradicted
                        .entry(lemma.to_string())
                        .or_default()
                        .push(act);
                }
                if let (true, Some(act)) = (backed, EventType::parse(act)) {
                    supported.entry(lemma.to_string()).or_default().push(act);
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
    pub(super) fn takes_trigger(&self, features: &[String]) -> bool {
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

    /// The event judge's verdict on an event's features.
    pub(super) fn judge_event(&self, features: &[String]) -> Verdict {
        match &self.judge {
            None => Verdict::Kept(None),
            Some(m) => m
                .passing(features)
                .map_or(Verdict::Dropped, |p| Verdict::Kept(Some(p))),
        }
    }

    /// Whether the event judge keeps an event (always, with no judge).
    #[cfg(test)]
    pub(super) fn takes_event(&self, features: &[String]) -> bool {
        matches!(self.judge_event(features), Verdict::Kept(_))
    }

    /// A verb form's lemma in the dictionary, else the form.
    pub(super) fn lemma<'a>(&'a self, form: &'a str) -> &'a str {
        self.verbs
            .get(form)
            .map_or(form, |(lemma, _)| lemma.as_str())
    }

    /// Whether the synthetic stories speak against verb `form` having act `act`.
    pub(super) fn contradicts(&self, form: &str, act: EventType) -> bool {
        self.verbs
            .get(form)
            .is_some_and(|(lemma, _)| names_act(&self.contradicted, lemma, act))
    }

    /// Whether the codebook or the synthetic stories support verb `form`'s default act `act`.
    pub(super) fn supports_default(&self, form: &str, act: EventType) -> bool {
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
            .is_some_and(|(lemma, _)| names_act(supported, lemma, act))
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
        // The governed words and the synsets they are in, looked up once.
        let present: Vec<&String> = governed
            .iter()
            .flat_map(|w| std::iter::once(w).chain(self.synsets.get(w).into_iter().flatten()))
            .collect();
        let occurs = |p: &String| present.contains(&p);
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
pub(super) const REFUTING_STORIES: u32 = 10;
