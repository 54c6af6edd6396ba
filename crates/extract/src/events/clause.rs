//! A clause of the parse as the event rules read it: its tokens, their words, lemmas, relations
//! and the tree walks every step asks for.

use super::word_classes::WordFile;
use super::*;

/// Tokens of a sentence `[a, b)` with their parse, for the role lookups.
#[derive(Clone, Copy)]
pub(super) struct Clause<'d> {
    pub(super) doc: &'d Document,
    pub(super) a: usize,
    pub(super) b: usize,
    pub(super) lex: &'d EventLexicon,
    pub(super) nominals: &'d Nominals,
    /// The document around the clause, for the event judge.
    pub(super) context: &'d context::DocContext,
    /// The second reading of a kept event's actors (`reread`).
    pub(super) reread: bool,
}

/// Dependency labels of an auxiliary (the parser marks no passive one apart).
pub(super) const AUX: &[Dep] = &[Dep::Aux];

impl Clause<'_> {
    pub(super) fn dep(&self, i: usize) -> Option<Dep> {
        self.doc.tokens[i].dep
    }
    /// The relation as the classifiers' features spell it ("" for none).
    pub(super) fn rel(&self, i: usize) -> &'static str {
        self.dep(i).map_or("", Dep::as_str)
    }
    pub(super) fn word(&self, i: usize) -> &str {
        self.doc.span_text(self.doc.tokens[i].span)
    }
    pub(super) fn children(&self, of: usize) -> impl Iterator<Item = usize> + '_ {
        crate::tree::children(self.doc, self.a, self.b, of)
    }
    /// The direct objects of `v` (`tree::objects_of`).
    pub(super) fn objects(&self, v: usize) -> impl Iterator<Item = usize> + '_ {
        crate::tree::objects_of(self.doc, self.a, self.b, v)
    }
    /// The direct object of `v`, its first `obj` child (`tree::object_of`).
    pub(super) fn object(&self, v: usize) -> Option<usize> {
        crate::tree::object_of(self.doc, self.a, self.b, v)
    }
    /// Whether `of` has a child labelled one of `deps` that is one of `words`
    /// (lowercase): "must" in "must send", "was" in "was attacked".
    pub(super) fn has_auxiliary(&self, of: usize, deps: &[Dep], words: &[&str]) -> bool {
        self.children(of).any(|k| {
            self.dep(k).is_some_and(|d| deps.contains(&d))
                && words.contains(&self.word(k).to_lowercase().as_str())
        })
    }
    /// Whether the word at `k`, or a compound or conjunct beside it ("tax
    /// returns", "thoughts and prayers", "ads and mailers"), is, singular, of
    /// `class` in `words`: where a word class is read of a head.
    pub(super) fn head_of_class(&self, k: usize, words: &WordFile, class: &str) -> bool {
        std::iter::once(k)
            .chain(
                self.children(k)
                    .filter(|&m| matches!(self.dep(m), Some(Dep::Compound | Dep::Conj))),
            )
            .any(|m| words.contains(class, &singular(self.word(m))))
    }
    /// Whether the word at `m` marks its head as possessed: a possessive
    /// pronoun ("his campaign") or a name with a possessive "'s" ("Sanders's
    /// campaign", "Podliska's firing").
    pub(super) fn is_possessor(&self, m: usize) -> bool {
        self.doc.tokens[m].tag == Some(Xpos::PrpPoss)
            || self
                .children(m)
                .any(|p| self.doc.tokens[p].tag == Some(Xpos::Pos))
    }
    /// Whether `v` has an oblique phrase marked by one of `words` (lowercase).
    pub(super) fn obl_marked(&self, v: usize, words: &[&str]) -> bool {
        self.children(v)
            .filter(|&k| self.dep(k) == Some(Dep::Obl))
            .any(|k| {
                self.children(k)
                    .any(|m| words.contains(&self.word(m).to_lowercase().as_str()))
            })
    }
    /// The oblique phrases of `v` marked by the case word `word` ("with", "from").
    pub(super) fn obliques(
        &self,
        v: usize,
        word: &'static str,
    ) -> impl Iterator<Item = usize> + '_ {
        self.children(v)
            .filter(move |&k| self.dep(k) == Some(Dep::Obl) && marked_by(self.doc, k, word))
    }
    /// The phrases hung on noun `h` (`nmod`) marked by the case word `word`
    /// ("one of the attackers", "bombings by militants").
    pub(super) fn nmods(&self, h: usize, word: &'static str) -> impl Iterator<Item = usize> + '_ {
        self.children(h)
            .filter(move |&k| self.dep(k) == Some(Dep::Nmod) && marked_by(self.doc, k, word))
    }
    /// The phrases of `v`, on the verb or on a noun (`obl`, `nmod`), marked
    /// by the case word `word` ("by", "for", "into").
    pub(super) fn phrases(&self, v: usize, word: &'static str) -> impl Iterator<Item = usize> + '_ {
        self.children(v).filter(move |&k| {
            matches!(self.dep(k), Some(Dep::Obl | Dep::Nmod)) && marked_by(self.doc, k, word)
        })
    }
    /// Whether `v` has a child that is the word `word` (a particle: "down").
    pub(super) fn has_word(&self, v: usize, word: &str) -> bool {
        self.children(v)
            .any(|k| self.word(k).eq_ignore_ascii_case(word))
    }
    /// Whether a word that negates (`NEGATING`: "not", "never") hangs on `v`.
    pub(super) fn negated(&self, v: usize) -> bool {
        self.children(v)
            .any(|k| NEGATING.contains(&self.word(k).to_lowercase().as_str()))
    }
    /// Tokens under `top`, skipping the subtrees of `skip`-labelled children.
    pub(super) fn subtree(&self, top: usize, skip: &[Dep]) -> Vec<usize> {
        crate::tree::subtree_without(self.doc, top, self.a, self.b, skip)
    }
    pub(super) fn hull(&self, tokens: &[usize]) -> Option<Span> {
        let (&x, &y) = (tokens.iter().min()?, tokens.iter().max()?);
        Some(Span::new(
            self.doc.tokens[x].span.start,
            self.doc.tokens[y].span.end,
        ))
    }
    /// The actors a phrase headed by `head` names, without the clauses that
    /// describe it; failing a name, the common nouns that name actors.
    pub(super) fn actors_of(&self, head: usize) -> Vec<EntityId> {
        let named = self.entities(actors(self, &self.subtree(head, &[Dep::Acl])));
        let conjuncts = self
            .children(head)
            .filter(|&k| self.dep(k) == Some(Dep::Conj));
        let conjuncts: Vec<usize> = std::iter::once(head).chain(conjuncts).collect();
        if named.is_empty() {
            // "the police chief and the army commander" may both resolve to one holder.
            let mut out = Vec::new();
            add_actors(&mut out, conjuncts.iter().filter_map(|&h| self.nominal(h)));
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
    pub(super) fn entities(&self, found: Vec<Actor>) -> Vec<EntityId> {
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
    pub(super) fn named(&self, span: Span) -> EntityId {
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
    pub(super) fn nominal(&self, head: usize) -> Option<EntityId> {
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
    pub(super) fn descriptor_holder(&self, head: usize, reach: Reach) -> Option<EntityId> {
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
    pub(super) fn role_nominal(&self, head: usize) -> Option<EntityId> {
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
    pub(super) fn phrase_tokens(&self, head: usize, determiners: bool) -> Vec<usize> {
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
    pub(super) fn noun_phrase_actor(&self, head: usize, ty: EntityType) -> Option<EntityId> {
        let phrase = self.phrase_tokens(head, false);
        let span = self.hull(&phrase)?;
        let name = self.doc.span_text(span).to_lowercase();
        Some(self.nominals.index(span, name, ty))
    }

    /// The actors among a role's tokens: names, else the common-noun heads
    /// the verb reaches (an object, a prepositional phrase, their conjuncts).
    pub(super) fn actors_among(&self, tokens: &[usize]) -> Vec<EntityId> {
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

    pub(super) fn subject(&self, v: usize) -> Option<usize> {
        self.subject_where(v, |_| true)
    }

    /// The first subject up the tree that `accept` takes; one it refuses
    /// counts as absent, so the search climbs on.
    pub(super) fn subject_where(&self, v: usize, accept: impl Fn(usize) -> bool) -> Option<usize> {
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
                        // (Second reading) only a reporter the pronoun agrees with.
                        if let Some(r) = self.children(up).find(|&c| {
                            self.dep(c) == Some(Dep::Nsubj)
                                && super::sources::reporter_agrees(self, s, c)
                        }) {
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
    pub(super) fn described_subject(&self, h: usize) -> Option<usize> {
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
    pub(super) fn antecedent(&self, pronoun: usize) -> Option<usize> {
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
