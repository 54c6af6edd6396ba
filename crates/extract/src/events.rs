//! Events in PLOVER terms: who did what to whom, with theme, amount, time,
//! place, status and the quote that reported it.
//!
//! The trigger is a verb. Its type comes from the PETRARCH-2 CAMEO verb
//! patterns (a pattern on the verb's object first, else the verb's default),
//! mapped to PLOVER (`scripts/build-event-verbs`). Giving verbs whose object is
//! equipment or aid are AID, as an aid tracker needs, whatever CAMEO says.
//! Actors come from the parse: the subject's names are the sources, split
//! over coordination; the indirect object, a "to" phrase or (for non-aid
//! events) the object's names are the targets.

use std::collections::HashMap;

use dossier_core::{Document, EntityType, Event, EventStatus, EventType, Span};

/// The verb patterns.
pub struct EventLexicon {
    /// form → (block, default type and CAMEO code)
    verbs: HashMap<String, (u32, Option<EventType>)>,
    /// (block, object word or `&SYNSET`) → (order in the dictionary, type)
    patterns: HashMap<(u32, String), (u32, EventType)>,
    /// word → synsets it belongs to
    synsets: HashMap<String, Vec<String>>,
}

impl EventLexicon {
    pub fn from_tsv(tsv: &str) -> Self {
        let mut lex = EventLexicon { verbs: HashMap::new(), patterns: HashMap::new(), synsets: HashMap::new() };
        for (order, line) in tsv.lines().filter(|l| !l.starts_with('#')).enumerate() {
            let f: Vec<&str> = line.split('\t').collect();
            match f.as_slice() {
                ["V", form, block, _, ty] => {
                    if let Ok(b) = block.parse() {
                        lex.verbs.insert(form.to_string(), (b, EventType::parse(ty)));
                    }
                }
                ["P", block, object, _, ty] => {
                    if let (Ok(b), Some(t)) = (block.parse(), EventType::parse(ty)) {
                        lex.patterns.entry((b, object.to_string())).or_insert((order as u32, t));
                    }
                }
                ["S", name, word] => lex.synsets.entry(word.to_string()).or_default().push(name.to_string()),
                _ => {}
            }
        }
        lex
    }

    /// The type of verb `form` with these object words, if it is an event.
    pub fn classify<'w>(&self, form: &str, objects: impl Iterator<Item = &'w str>) -> Option<EventType> {
        let &(block, default) = self.verbs.get(form)?;
        let mut best: Option<(u32, EventType)> = None;
        for o in objects {
            let mut consider = |key: &str| {
                if let Some(&(order, t)) = self.patterns.get(&(block, key.to_string())) {
                    if best.is_none_or(|(b, _)| order < b) {
                        best = Some((order, t));
                    }
                }
            };
            consider(o);
            for s in self.synsets.get(o).into_iter().flatten() {
                consider(s);
            }
        }
        best.map(|(_, t)| t).or(default)
    }
}

/// Verbs that hand something over.
const GIVING: &[&str] = &["send", "provide", "give", "supply", "deliver", "donate", "ship", "transfer", "grant", "offer", "pledge", "commit", "allocate", "lend", "loan"];
/// What an aid tracker counts: equipment and aid.
const AID_GOODS: &[&str] = &[
    "system", "battery", "weapon", "missile", "munition", "ammunition", "shell", "rocket", "tank", "aircraft", "jet", "fighter", "drone",
    "equipment", "component", "artillery", "vehicle", "helicopter", "aid", "assistance", "package", "fund", "funding", "loan", "grant",
    "money", "support", "interceptor", "launcher",
];
/// Verbs that report what someone said or concluded.
const SAYING: &[&str] = &["said", "says", "say", "told", "announced", "concluded", "insisted", "stated", "declared", "added"];
/// Nouns that name a protest, and the verbs that put one on.
const PROTEST_NOUNS: &[&str] = &["demonstration", "protest", "strike", "rally", "march", "sit-in", "walkout", "vigil", "picket"];
const STAGING: &[&str] = &[
    "stage", "staged", "stages", "staging", "hold", "held", "holds", "holding", "begin", "began", "begun", "begins", "continue", "continued", "continues",
    "continuing", "launch", "launched", "launches", "start", "started", "starts", "mount", "mounted", "organize", "organized", "organise", "organised",
];
/// Verbs that make their event a commitment.
const PLEDGING: &[&str] = &["pledge", "promise", "commit", "vow", "offer", "announce", "agree"];
const PLANNING: &[&str] = &["plan", "intend", "aim", "expect", "set", "prepare", "seek", "want", "hope"];

fn base_form(word: &str) -> String {
    let w = word.to_lowercase();
    for (suffix, repl) in [("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.len() >= 3 {
                let candidate = format!("{stem}{repl}");
                if GIVING.contains(&candidate.as_str()) || PLEDGING.contains(&candidate.as_str()) || PLANNING.contains(&candidate.as_str()) {
                    return candidate;
                }
                let with_e = format!("{stem}e");
                if GIVING.contains(&with_e.as_str()) || PLEDGING.contains(&with_e.as_str()) || PLANNING.contains(&with_e.as_str()) {
                    return with_e;
                }
                // "committed", "shipped": a doubled final consonant.
                let mut chars = stem.chars().rev();
                if let (Some(last), Some(before)) = (chars.next(), chars.next()) {
                    let undoubled = &stem[..stem.len() - last.len_utf8()];
                    if last == before && (GIVING.contains(&undoubled) || PLEDGING.contains(&undoubled)) {
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
    let bare = ["ing", "ed", "es", "s"].iter().find_map(|suffix| form.strip_suffix(suffix).filter(|s| s.len() >= 2)).unwrap_or(form);
    bare.trim_end_matches('e')
}

fn singular(word: &str) -> String {
    let w = word.to_lowercase();
    if let Some(s) = w.strip_suffix("ies") {
        return format!("{s}y");
    }
    w.strip_suffix('s').filter(|s| s.len() >= 3).map(str::to_string).unwrap_or(w)
}

/// Tokens of a sentence `[a, b)` with their parse, for the role lookups.
struct Clause<'d> {
    doc: &'d Document,
    a: usize,
    b: usize,
}

impl Clause<'_> {
    fn dep(&self, i: usize) -> &str {
        self.doc.tokens[i].dep.unwrap_or("")
    }
    fn word(&self, i: usize) -> &str {
        self.doc.span_text(self.doc.tokens[i].span)
    }
    fn children(&self, of: usize) -> impl Iterator<Item = usize> + '_ {
        crate::tree::children(self.doc, self.a, self.b, of)
    }
    /// Tokens under `top`, skipping the subtrees of `skip`-labelled children.
    fn subtree(&self, top: usize, skip: &[&str]) -> Vec<usize> {
        crate::tree::subtree_without(self.doc, top, self.a, self.b, skip)
    }
    fn hull(&self, tokens: &[usize]) -> Option<Span> {
        let (&x, &y) = (tokens.iter().min()?, tokens.iter().max()?);
        Some(Span::new(self.doc.tokens[x].span.start, self.doc.tokens[y].span.end))
    }
    fn subject(&self, v: usize) -> Option<usize> {
        self.subject_where(v, |_| true)
    }

    /// The first subject up the tree that `accept` takes; one it refuses
    /// counts as absent, so the search climbs on.
    fn subject_where(&self, v: usize, accept: impl Fn(usize) -> bool) -> Option<usize> {
        let mut h = v;
        for _ in 0..4 {
            if let Some(s) = self.children(h).find(|&c| matches!(self.dep(c), "nsubj" | "nsubj:pass") && accept(c)) {
                // "Hungary has said it will support…": the pronoun is the reporter.
                if matches!(self.word(s).to_lowercase().as_str(), "it" | "they" | "he" | "she" | "we") && self.dep(h) == "ccomp" {
                    if let Some(up) = self.doc.tokens[h].head.filter(|&u| u >= self.a && u < self.b) {
                        if let Some(r) = self.children(up).find(|&c| matches!(self.dep(c), "nsubj")) {
                            return Some(r);
                        }
                    }
                }
                return Some(s);
            }
            // Up through any attachment but reported speech: "committed
            // themselves towards sending" reaches "committed".
            if matches!(self.dep(h), "ccomp" | "parataxis" | "root" | "acl:relcl") {
                return None;
            }
            h = self.doc.tokens[h].head.filter(|&u| u >= self.a && u < self.b)?;
        }
        None
    }
}

/// Entities named in a span of tokens, heads only: "US President Joe Biden"
/// gives Biden, "the US, Germany and Romania" gives all three.
fn actors(doc: &Document, tokens: &[usize]) -> Vec<usize> {
    let Some(span) = tokens.iter().min().zip(tokens.iter().max()).map(|(&x, &y)| Span::new(doc.tokens[x].span.start, doc.tokens[y].span.end)) else {
        return Vec::new();
    };
    let actor_type = |t: EntityType| matches!(t, EntityType::Person | EntityType::Org | EntityType::Gpe | EntityType::Norp);
    // Overlapping, not only inside: a name the parse split ("Moody/obl Awori/nsubj") still counts.
    let inside: Vec<_> = doc.mentions.iter().filter(|m| span.start < m.span.end && m.span.start < span.end && m.entity.is_some() && actor_type(m.ty)).collect();
    // A name that only modifies another name ("US" in "US President Joe
    // Biden") is not an actor of its own; one that modifies a common noun
    // ("Hungarian officials", "Haiti's efforts") stands for it.
    let token_at = |pos: usize| doc.tokens.partition_point(|t| t.span.end <= pos);
    let modifies_a_name = |m: &dossier_core::Mention| {
        let mut t = token_at(m.span.end.saturating_sub(1)).min(doc.tokens.len() - 1);
        for _ in 0..4 {
            if !matches!(doc.tokens[t].dep, Some("compound" | "amod" | "nmod:poss" | "nmod" | "flat")) {
                return false;
            }
            let Some(h) = doc.tokens[t].head else { return false };
            if inside.iter().any(|o| !std::ptr::eq(*o, m) && o.span.contains(doc.tokens[h].span)) {
                return true;
            }
            t = h;
        }
        false
    };
    let heads: Vec<usize> = inside.iter().filter(|m| !modifies_a_name(m)).filter_map(|m| m.entity).collect();
    let mut out = if heads.is_empty() { inside.iter().filter_map(|m| m.entity).collect() } else { heads };
    let mut seen = Vec::new();
    out.retain(|e| {
        let fresh = !seen.contains(e);
        seen.push(*e);
        fresh
    });
    out
}

pub fn recognise(doc: &mut Document, lex: &EventLexicon) {
    if doc.tokens.first().is_none_or(|t| t.pos.is_none()) {
        return;
    }
    let mut events: Vec<Event> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        if doc.blocks[s.block].kind == dossier_core::BlockKind::Heading {
            continue; // a headline restates the body's events
        }
        let (a, b) = s.tokens;
        let c = Clause { doc, a, b };
        for v in a..b {
            if doc.tokens[v].pos != Some("VERB") {
                continue;
            }
            let form = c.word(v).to_lowercase();
            let base = base_form(&form);
            // What the verb acts on: its subtree without subject and reported content.
            let scope = c.subtree(v, &["nsubj", "nsubj:pass", "ccomp", "parataxis", "advcl", "csubj"]);
            let objects: Vec<String> = scope.iter().filter(|&&j| j != v && matches!(doc.tokens[j].pos, Some("NOUN" | "PROPN"))).map(|&j| singular(c.word(j))).collect();
            let equipment = scope.iter().any(|&j| doc.mentions.iter().any(|m| m.ty == EntityType::Product && m.span.contains(doc.tokens[j].span)));
            let aid_goods = equipment || objects.iter().any(|o| AID_GOODS.contains(&o.as_str()) || o.ends_with("defence") || o.ends_with("defense"));
            let giving = GIVING.contains(&base.as_str());
            // "agreed to", "promised to": an intent, PLOVER's AGREE.
            let intent = matches!(base.as_str(), "agree" | "promise" | "pledge" | "vow" | "swear" | "swore" | "sworn") && c.children(v).any(|k| matches!(c.dep(k), "xcomp" | "ccomp" | "obl"));
            // "Russia said that Sudan must return a helicopter": an obligation
            // laid on someone in reported speech is the speaker's demand of them.
            let says = |h: usize| doc.tokens[h].pos == Some("VERB") && SAYING.contains(&c.word(h).to_lowercase().as_str());
            let demander = (c.dep(v) == "ccomp" && c.children(v).any(|k| c.dep(k) == "aux" && matches!(c.word(k).to_lowercase().as_str(), "must" | "should")))
                .then(|| doc.tokens[v].head.filter(|&h| h >= a && h < b && says(h)))
                .flatten();
            // "staged mass demonstrations", "began a hunger strike".
            let protest = c.children(v).any(|k| c.dep(k) == "obj" && PROTEST_NOUNS.contains(&singular(c.word(k)).as_str())) && STAGING.contains(&form.as_str());
            // The prepositions on the verb, for the codebook rules.
            let marked_by = |words: &[&str]| c.children(v).filter(|&k| c.dep(k) == "obl").any(|k| c.children(k).any(|m| words.contains(&c.word(m).to_lowercase().as_str())));
            let joint = scope.iter().any(|&j| c.word(j).eq_ignore_ascii_case("joint")) || c.subject(v).is_some_and(|sj| c.subtree(sj, &[]).iter().any(|&k| c.dep(k) == "conj"));
            let appeal = marked_by(&["on", "for"]) || c.children(v).any(|k| c.dep(k) == "xcomp" && doc.tokens[k].pos == Some("VERB"));
            let codebook = codebook_type(&form, &objects, joint, appeal, marked_by(&["at"]));
            if codebook == Some(None) {
                continue;
            }
            // Peacekeepers arriving: military personnel given, PLOVER's AID.
            let peacekeepers = matches!(stem_of(&form), "arriv" | "deploy") && c.subject(v).is_some_and(|sj| c.subtree(sj, &[]).iter().any(|&k| c.word(k).to_lowercase().starts_with("peacekeep")));
            let ty = if demander.is_some() {
                Some(EventType::Request)
            } else if let Some(Some(t)) = codebook {
                Some(t)
            } else if peacekeepers {
                Some(EventType::Aid)
            } else if protest {
                Some(EventType::Protest)
            } else if giving && aid_goods {
                Some(EventType::Aid)
            } else if intent {
                Some(EventType::Agree)
            } else {
                lex.classify(&form, objects.iter().map(String::as_str))
            };
            let Some(ty) = ty else { continue };
            // "committed … towards sending": one event, on the verb that gives.
            if ty == EventType::Aid && (!giving || PLEDGING.contains(&base.as_str())) && scope.iter().any(|&j| j != v && GIVING.contains(&base_form(c.word(j)).as_str()) && doc.tokens[j].pos == Some("VERB")) {
                continue;
            }
            // A subject that names no actor may be a misparse ("committed
            // themselves towards sending", "towards" read as a noun): the
            // governing clause's subject then gives.
            // The actors a phrase names, without the clauses that describe it.
            let actors_of = |head: usize| actors(doc, &c.subtree(head, &["acl:relcl", "acl"]));
            let names_actor = |sj: usize| !actors_of(sj).is_empty();
            let mut source = c.subject_where(v, names_actor).or_else(|| c.subject(v)).map(actors_of).unwrap_or_default();
            // The object; or a bare noun phrase the parse hung as an oblique
            // ("arrested more than 100 Palestinians"), not a time.
            let in_time = |j: usize| doc.times.iter().any(|t| t.span.contains(doc.tokens[j].span));
            let bare_obl = || {
                c.children(v).find(|&j| {
                    c.dep(j) == "obl" && matches!(doc.tokens[j].pos, Some("NOUN" | "PROPN")) && !c.children(j).any(|k| c.dep(k) == "case") && !in_time(j)
                })
            };
            let obj = c.children(v).find(|&j| c.dep(j) == "obj").or_else(bare_obl);
            // Targets: indirect object, a "to" phrase, else (not for aid) the object.
            let mut target_tokens: Vec<usize> = Vec::new();
            // "withdraw from Chad": what is left is acted on.
            let left = matches!(ty, EventType::Retreat) || matches!(stem_of(&form), "withdraw" | "withdrew" | "evacuat" | "expell" | "pull");
            for &j in &scope {
                let d = c.dep(j);
                let head_in_scope = doc.tokens[j].head.is_some_and(|h| scope.contains(&h));
                if !head_in_scope {
                    continue;
                }
                let marked = |words: &[&str]| c.children(j).any(|k| words.contains(&c.word(k).to_lowercase().as_str()));
                // "sending systems to Ukraine": the parse may hang the "to"
                // phrase on the thing given; it still names the recipient.
                let recipient_of_goods = ty == EventType::Aid && d == "nmod" && marked(&["to"]);
                // "a blockade on Palestinian lorries": the one a thing is aimed at.
                let aimed = ty != EventType::Aid && d == "nmod" && obj.is_some_and(|o| doc.tokens[j].head == Some(o)) && marked(&["against", "on"]);
                if d == "iobj" || (d == "obl" && marked(&["to", "towards", "for", "with", "against", "on"])) || (d == "obl" && left && marked(&["from"])) || aimed || recipient_of_goods {
                    target_tokens.extend(c.subtree(j, &[]));
                }
            }
            if ty != EventType::Aid {
                // "threatened to ban the candidates": the complement's object.
                let complement_obj = || c.children(v).filter(|&x| c.dep(x) == "xcomp").find_map(|x| c.children(x).find(|&j| c.dep(j) == "obj"));
                if let Some(o) = obj.or_else(complement_obj) {
                    target_tokens.extend(c.subtree(o, &["acl:relcl", "acl"]));
                }
            }
            let mut target = actors(doc, &target_tokens);
            // A passive's subject is acted on, its "by" phrase acts: "a camp
            // for refugees was attacked by militiamen".
            // The parse may label a passive's subject plain "nsubj": then a
            // "be" auxiliary before a participle with no object tells.
            let be_aux = c.children(v).any(|k| matches!(c.dep(k), "aux" | "aux:pass") && matches!(c.word(k).to_lowercase().as_str(), "be" | "been" | "being" | "was" | "were" | "is" | "are"));
            let participle = !form.ends_with("ing") && c.children(v).all(|k| c.dep(k) != "obj");
            let passive = c.children(v).find(|&k| c.dep(k) == "nsubj:pass" || (be_aux && participle && c.dep(k) == "nsubj"));
            if let Some(ps) = passive {
                let agent = c.children(v).find(|&k| matches!(c.dep(k), "obl" | "obl:agent") && c.children(k).any(|m| c.word(m).eq_ignore_ascii_case("by")));
                let patients = actors_of(ps);
                source = agent.map(actors_of).unwrap_or_default();
                target = patients.into_iter().chain(target).collect();
            }
            let place_of = |j: usize| doc.mentions.iter().filter(|m| matches!(m.ty, EntityType::Gpe | EntityType::Loc) && m.span.contains(doc.tokens[j].span)).find_map(|m| m.entity);
            let in_place = scope.iter().copied().filter(|&j| matches!(c.dep(j), "obl" | "nmod") && c.children(j).any(|k| c.word(k).eq_ignore_ascii_case("in"))).find_map(place_of);
            // "was arrested in Lebanon": with no one named acting, the place's
            // authorities did; a state's acts only, not a killing.
            if passive.is_some() && source.is_empty() && matches!(ty, EventType::Coerce | EventType::Accuse | EventType::Sanction) {
                source.extend(in_place.filter(|p| !target.contains(p)));
            }
            // "demonstrated in Serbia", "a curfew in Algiers": with no one else
            // acted on, the place acted in (PLOVER codes it as the target).
            if target.is_empty() && ty != EventType::Aid {
                target.extend(in_place.filter(|p| !source.contains(p)));
            }
            // "demanded that the US cancel …": those asked to act.
            if target.is_empty() && matches!(ty, EventType::Request | EventType::Accuse | EventType::Threaten | EventType::Reject) {
                if let Some(sj) = c.children(v).find(|&x| c.dep(x) == "ccomp").and_then(|x| c.children(x).find(|&j| matches!(c.dep(j), "nsubj" | "nsubj:pass"))) {
                    target = actors_of(sj);
                }
            }
            if let Some(h) = demander {
                // The obliged are the target; the one who says so, the source.
                target = std::mem::take(&mut source);
                source = c.subject(h).map(actors_of).unwrap_or_default();
            }
            target.retain(|t| !source.contains(t));
            if source.is_empty() && target.is_empty() {
                continue;
            }
            // The theme: what is given, demanded, signed.
            let theme_tokens: Vec<usize> = match obj.or_else(|| scope.iter().copied().find(|&j| j != v && c.dep(j) == "obj")) {
                Some(o) => c.subtree(o, &["acl:relcl", "acl"]),
                None => Vec::new(),
            };
            let theme = c.hull(&theme_tokens);
            let scope_span = c.hull(&scope);
            // Only an amount inside the theme: elsewhere in the clause it may count something else.
            let quantity = doc.quantities.iter().position(|q| theme.is_some_and(|t| t.contains(q.span)));
            let time = doc.times.iter().position(|t| s.span.contains(t.span) && scope_span.is_some_and(|sc| sc.contains(t.span)))
                .or_else(|| doc.times.iter().position(|t| s.span.contains(t.span)));
            let place = scope.iter().filter(|&&j| c.dep(j) == "obl" && c.children(j).any(|k| matches!(c.word(k).to_lowercase().as_str(), "in" | "at"))).find_map(|&j| {
                doc.mentions.iter().filter(|m| matches!(m.ty, EntityType::Gpe | EntityType::Loc | EntityType::Fac) && m.span.contains(doc.tokens[j].span)).find_map(|m| m.entity)
            });
            let trigger = doc.tokens[v].span;
            let quote = doc.quotes.iter().position(|q| q.span.contains(trigger));
            let status = status_of(&c, v, &base, ty, quote.is_some());
            let mode = (ty == EventType::Aid && giving).then(|| if equipment || !objects.iter().any(|o| matches!(o.as_str(), "aid" | "fund" | "funding" | "loan" | "money" | "grant")) { "military".to_string() } else { "economic".to_string() });
            events.push(Event { ty, mode, status, trigger, sentence: si, source, target, theme, quantity, time, place, quote });
        }
        // "These will include NASAMS, HAWKs…": the list is the theme of the
        // previous sentence's aid, given by the same donors.
        follow_list(doc, &c, si, &mut events);
    }
    // "Italy will provide a SAMP-T system": the recipient is the one the
    // text has been giving to (within the last two sentences).
    for i in 0..events.len() {
        if events[i].ty != EventType::Aid || !events[i].target.is_empty() {
            continue;
        }
        let si = events[i].sentence;
        let recipient = events[..i].iter().rev().take_while(|e| e.sentence + 2 >= si).find(|e| !e.target.is_empty() && matches!(e.ty, EventType::Aid | EventType::Cooperate)).map(|e| e.target.clone());
        if let Some(r) = recipient {
            events[i].target = r.into_iter().filter(|t| !events[i].source.contains(t)).collect();
        }
    }
    keep_main_events(doc, &mut events);
    doc.events = events;
}

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
fn codebook_type(form: &str, objects: &[String], joint: bool, appeal: bool, at_target: bool) -> Option<Option<EventType>> {
    use EventType::*;
    let stem = stem_of(form);
    let any = |words: &[&str]| objects.iter().any(|d| words.contains(&d.as_str()));
    const AGREEMENTS: &[&str] = &["agreement", "treaty", "accord", "pact", "deal", "protocol", "memorandum", "declaration", "convention", "charter"];
    const DRILLS: &[&str] = &["game", "exercise", "maneuver", "manoeuvre", "drill"];
    const PASSAGES: &[&str] = &["road", "bridge", "highway", "street", "traffic", "transport", "railway", "rail", "access", "entrance", "route", "port"];
    const ATTACKS: &[&str] = &["invasion", "offensive", "attack", "assault", "raid", "airstrike", "incursion", "bombardment"];
    const TIES: &[&str] = &["tie", "relation", "link", "aid", "talk", "cooperation", "contact", "mediation"];
    Some(Some(match stem {
        "accord" if form == "according" => return Some(None),
        "reject" | "refus" | "reneg" | "rebuff" | "spurn" | "veto" => Reject,
        "accus" => Accuse,
        // Mounting an invasion, retaking a town, firing at targets: ASSAULT.
        "launch" | "mount" | "begin" | "began" | "start" | "stag" | "conduct" if any(ATTACKS) => Assault,
        "retak" | "retaken" | "recaptur" => Assault,
        "fir" if at_target => Assault,
        // Expelling a country's envoys or inspectors cuts relations: SANCTION.
        "expell" | "expel" if any(&["inspector", "diplomat", "ambassador", "envoy", "monitor", "observer", "mission"]) => Sanction,
        // Easing a restriction, or acceding to demands: CONCEDE.
        "lift" | "eas" | "relax" | "shorten" if any(&["curfew", "emergency", "restriction", "ban", "sanction", "embargo"]) => Concede,
        "accept" if any(&["demand", "condition", "term"]) => Concede,
        // Strikes, boycotts and sit-ins, joined, stopped for or kept up: PROTEST.
        "stopp" | "join" | "continu" | "go" | "went" if any(&["strike", "boycott", "sit-in", "demonstration", "protest", "walkout"]) => Protest,
        // "dismissed an appeal": turning a request down.
        "dismiss" | "ignor" | "snubb" if any(&["appeal", "request", "call", "demand", "ultimatum", "invitation", "offer", "proposal", "plea"]) => Reject,
        "su" if matches!(form, "sue" | "sued" | "sues" | "suing") => Accuse,
        "indict" => Accuse,
        "resign" | "surrender" | "disarm" | "demobiliz" | "demobilis" => Retreat,
        "arrest" | "detain" | "jail" | "imprison" => Coerce,
        "sign" | "ratifi" | "ratify" if any(AGREEMENTS) => Support,
        "launch" | "hold" | "held" | "conduct" | "stag" | "start" | "begin" | "began" if joint && any(DRILLS) => Cooperate,
        "block" | "blockad" | "barricad" if any(PASSAGES) => Protest,
        "impos" if any(&["sanction", "embargo", "boycott"]) => Sanction,
        "suspend" | "sever" | "cut" | "break" | "brok" | "end" | "halt" | "stopp" | "stop" if any(TIES) => Sanction,
        // A third party bringing two others together: CONSULT's mediation.
        "launch" | "start" | "begin" | "began" | "offer" | "host" if any(&["mediation"]) => Consult,
        "mediat" => Consult,
        "call" if appeal => Request,
        _ => return None,
    }))
}

/// The PLOVER code of an event. PLOVER, like CAMEO before it, codes a
/// stated intention as the intention: "will provide aid" and "promised to
/// continue aid" are AGREE, "would boycott" and "will withdraw … unless"
/// are THREATEN. The record keeps the act and its status (an aid tracker
/// counts the pledged Patriot batteries as AID, pledged); this gives the
/// code an event data set in PLOVER terms expects.
pub fn plover_type(e: &Event) -> EventType {
    use EventType::*;
    // "will not accept refugees", "refused to deploy": PLOVER's REJECT.
    if e.status == EventStatus::Negated && cooperative(e.ty) {
        return Reject;
    }
    if !matches!(e.status, EventStatus::Pledged | EventStatus::Planned | EventStatus::Hypothetical) {
        return e.ty;
    }
    match e.ty {
        t if hostile(t) => Threaten,
        t if cooperative(t) => Agree,
        // Already speech acts about the future, or refusals of it.
        t => t,
    }
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
    matches!(t, Agree | Consult | Support | Concede | Cooperate | Aid | Retreat)
}

/// One event per clause, and none in a noun's modifier. A verb hung under
/// another event's verb as its complement or adjunct ("threatened to ban",
/// "agreed to share", "dismissed an appeal, saying …") is part of that
/// event, not one of its own. Aid is the exception an aid tracker needs: in
/// "pledged to send Patriot batteries" the sending is the event, with the
/// pledge as its status.
fn keep_main_events(doc: &Document, events: &mut Vec<Event>) {
    let token_of = |e: &Event| doc.tokens.partition_point(|t| t.span.start < e.trigger.start);
    let triggers: Vec<usize> = events.iter().map(token_of).collect();
    let mut dropped = vec![false; events.len()];
    for (child, &t) in triggers.iter().enumerate() {
        let dep = doc.tokens[t].dep;
        // "plans to sell weapons", "refugees fleeing the war", "the curfew
        // imposed in Sudan": a verb that describes a noun is background to
        // the sentence's event, not one of its own.
        if dep == Some("acl") && events[child].ty != EventType::Aid && doc.tokens[t].head.is_some_and(|h| doc.tokens[h].pos == Some("NOUN")) {
            dropped[child] = true;
            continue;
        }
        if !matches!(dep, Some("xcomp" | "advcl" | "ccomp")) {
            continue;
        }
        let Some(head) = doc.tokens[t].head else { continue };
        let Some(parent) = triggers.iter().position(|&p| p == head) else { continue };
        use EventType::*;
        // Only a demand, threat, charge or promise contains what it reports.
        if dep == Some("ccomp") && !matches!(events[parent].ty, Request | Threaten | Accuse | Reject | Agree) {
            continue;
        }
        // "vowed to fight", "swore to attack": an intention to do harm is a threat.
        if events[parent].ty == Agree && hostile(events[child].ty) {
            events[parent].ty = Threaten;
        }
        if events[child].ty == EventType::Aid {
            // "will send batteries while the Netherlands will provide components": two gifts.
            if events[parent].ty != EventType::Aid {
                dropped[parent] = true;
            }
        } else {
            dropped[child] = true;
            // What the complement acts on is what the whole event acts on.
            if events[parent].target.is_empty() {
                let inherited: Vec<usize> = events[child].target.iter().copied().filter(|t| !events[parent].source.contains(t)).collect();
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
    let Some(prev) = events.iter().rev().find(|e| e.sentence + 1 == si && e.ty == EventType::Aid).cloned() else { return };
    for v in c.a..c.b {
        if !matches!(c.word(v).to_lowercase().as_str(), "include" | "includes" | "comprise" | "comprises") {
            continue;
        }
        let Some(subj) = c.subject(v) else { continue };
        if !matches!(c.word(subj).to_lowercase().as_str(), "these" | "they" | "those" | "this" | "it") {
            continue;
        }
        let Some(obj) = c.children(v).find(|&j| c.dep(j) == "obj") else { continue };
        let theme = c.hull(&c.subtree(obj, &[]));
        let trigger = doc.tokens[v].span;
        events.push(Event { trigger, sentence: si, theme, quantity: None, quote: doc.quotes.iter().position(|q| q.span.contains(trigger)), ..prev });
        return;
    }
}

fn status_of(c: &Clause<'_>, v: usize, base: &str, ty: EventType, in_quote: bool) -> EventStatus {
    let kids: Vec<usize> = c.children(v).collect();
    let lower = |i: usize| c.word(i).to_lowercase();
    if kids.iter().any(|&k| matches!(lower(k).as_str(), "not" | "n't" | "never")) {
        return EventStatus::Negated;
    }
    if kids.iter().any(|&k| matches!(lower(k).as_str(), "could" | "would" | "might" | "may" | "if" | "unless")) {
        return EventStatus::Hypothetical;
    }
    // The verbs above this one: "committed … towards sending", "plans to send".
    let mut governors = Vec::new();
    let mut h = v;
    for _ in 0..3 {
        match c.doc.tokens[h].head.filter(|&u| u >= c.a && u < c.b) {
            Some(u) if !matches!(c.dep(h), "parataxis" | "acl:relcl") => {
                if c.doc.tokens[u].pos == Some("VERB") {
                    governors.push(u);
                }
                h = u;
            }
            _ => break,
        }
    }
    let future = kids.iter().any(|&k| c.dep(k) == "aux" && matches!(lower(k).as_str(), "will" | "'ll" | "shall"))
        || governors.iter().any(|&g| c.children(g).any(|k| c.dep(k) == "aux" && matches!(lower(k).as_str(), "will" | "'ll" | "shall")));
    let pledging = PLEDGING.contains(&base) || governors.iter().any(|&g| PLEDGING.contains(&base_form(c.word(g)).as_str()));
    // "is willing to withdraw", "ready to send": an intention stated as a state.
    let willing = c.doc.tokens[v].head.filter(|&u| u >= c.a && u < c.b).is_some_and(|u| {
        c.doc.tokens[u].pos == Some("ADJ") && matches!(c.word(u).to_lowercase().as_str(), "willing" | "ready" | "prepared" | "eager" | "determined")
    });
    let planning = willing || governors.iter().any(|&g| PLANNING.contains(&base_form(c.word(g)).as_str()));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_beat_the_default_and_synsets_expand() {
        let lex = EventLexicon::from_tsv("# x\nV\taccused\t1\t112\tACCUSE\nV\tprovide\t2\t060\tCOOPERATE\nP\t2\tassistance\t070\tAID\nP\t2\t&WEAPON\t072\tAID\nS\t&WEAPON\tmissile\n");
        assert_eq!(lex.classify("accused", std::iter::empty()), Some(EventType::Accuse));
        assert_eq!(lex.classify("provide", ["report"].into_iter()), Some(EventType::Cooperate));
        assert_eq!(lex.classify("provide", ["assistance"].into_iter()), Some(EventType::Aid));
        assert_eq!(lex.classify("provide", ["missile"].into_iter()), Some(EventType::Aid));
        assert_eq!(lex.classify("walk", std::iter::empty()), None);
    }

    #[test]
    fn the_codebook_names_acts_the_dictionary_codes_otherwise() {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(codebook_type("according", &[], false, false, false), Some(None));
        for form in ["rejected", "refuses", "refusing", "reneged"] {
            assert_eq!(codebook_type(form, &[], false, false, false), Some(Some(EventType::Reject)), "{form}");
        }
        assert_eq!(codebook_type("suing", &[], false, false, false), Some(Some(EventType::Accuse)));
        assert_eq!(codebook_type("resigned", &[], false, false, false), Some(Some(EventType::Retreat)));
        assert_eq!(codebook_type("signed", &words(&["agreement"]), false, false, false), Some(Some(EventType::Support)));
        assert_eq!(codebook_type("signed", &words(&["bill"]), false, false, false), None);
        assert_eq!(codebook_type("launched", &words(&["game"]), true, false, false), Some(Some(EventType::Cooperate)));
        assert_eq!(codebook_type("launched", &words(&["game"]), false, false, false), None);
        assert_eq!(codebook_type("blocked", &words(&["road"]), false, false, false), Some(Some(EventType::Protest)));
        assert_eq!(codebook_type("imposed", &words(&["sanction"]), false, false, false), Some(Some(EventType::Sanction)));
        assert_eq!(codebook_type("called", &[], false, true, false), Some(Some(EventType::Request)));
        assert_eq!(codebook_type("called", &[], false, false, false), None);
        assert_eq!(codebook_type("accused", &[], false, false, false), Some(Some(EventType::Accuse)));
        assert_eq!(codebook_type("mounted", &words(&["invasion"]), false, false, false), Some(Some(EventType::Assault)));
        assert_eq!(codebook_type("fired", &words(&["shell"]), false, false, true), Some(Some(EventType::Assault)));
        assert_eq!(codebook_type("fired", &words(&["minister"]), false, false, false), None);
        assert_eq!(codebook_type("lifted", &words(&["curfew"]), false, false, false), Some(Some(EventType::Concede)));
        assert_eq!(codebook_type("accepted", &words(&["demand"]), false, false, false), Some(Some(EventType::Concede)));
        assert_eq!(codebook_type("expelled", &words(&["diplomat"]), false, false, false), Some(Some(EventType::Sanction)));
        assert_eq!(codebook_type("stopped", &words(&["work", "strike"]), false, false, false), Some(Some(EventType::Protest)));
    }

    #[test]
    fn plover_codes_intentions_as_agree_or_threaten() {
        let event = |ty, status| Event { ty, mode: None, status, trigger: Span::new(0, 1), sentence: 0, source: vec![], target: vec![], theme: None, quantity: None, time: None, place: None, quote: None };
        assert_eq!(plover_type(&event(EventType::Aid, EventStatus::Pledged)), EventType::Agree, "will provide aid");
        assert_eq!(plover_type(&event(EventType::Aid, EventStatus::Asserted)), EventType::Aid, "gave aid");
        assert_eq!(plover_type(&event(EventType::Sanction, EventStatus::Hypothetical)), EventType::Threaten, "would boycott");
        assert_eq!(plover_type(&event(EventType::Request, EventStatus::Planned)), EventType::Request);
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
