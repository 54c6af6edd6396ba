//! A subject set off by a long apposition, re-hung on its verb.
//!
//! Between a noun and its verb, an apposition closed by commas ("X, the top
//! Democrat on the committee, criticized") often leads the parser to make
//! the noun the head and the finite verb its `acl`, `parataxis` or `conj`
//! child: the verb then has no subject, and every layer that reads one
//! (quotes, events, resolution) loses who acts. Where the tree shows
//! nothing else between them, the verb takes the noun's place and the noun
//! becomes its `nsubj`; the apposition stays on the noun.

use dossier_core::{Dep, Document, Token, Upos, Xpos};
use dossier_extract::tree;

/// Re-hangs, in every sentence, a finite verb with no subject under the noun
/// before its apposition (see the module's comment).
pub(crate) fn rehang_subjects(doc: &mut Document) {
    // The tokens are taken out while they change, so the text is read in
    // place rather than copied.
    let mut tokens = std::mem::take(&mut doc.tokens);
    for s in &doc.sentences {
        let (a, b) = s.tokens;
        rehang_in(doc.text(), &mut tokens, a, b);
    }
    doc.tokens = tokens;
}

fn rehang_in(text: &str, tokens: &mut [Token], a: usize, b: usize) {
    for v in a..b {
        let sentence = Sentence {
            text,
            tokens: &*tokens,
            a,
            b,
        };
        if let Some(n) = sentence.apposed_subject(v) {
            rehang(tokens, b, n, v);
        } else if let Some((n, apposition)) = sentence.apposed_subject_after_adjunct(v) {
            // "In March, Smith, the chief of staff, said": the name the
            // parse hung inside the adjunct before it, with its apposition.
            tokens[n].head = Some(v);
            tokens[n].dep = Some(Dep::Nsubj);
            for j in apposition {
                tokens[j].head = Some(n);
            }
        }
    }
}

/// The verb takes the noun's place in the tree, the noun becomes its
/// subject, and what hung on the noun after the verb hangs on the verb.
fn rehang(tokens: &mut [Token], b: usize, n: usize, v: usize) {
    tokens[v].head = tokens[n].head;
    tokens[v].dep = tokens[n].dep;
    tokens[n].head = Some(v);
    tokens[n].dep = Some(Dep::Nsubj);
    for t in tokens[v + 1..b].iter_mut() {
        if t.head == Some(n) {
            t.head = Some(v);
        }
    }
}

/// A parsed sentence, tokens `a..b` of the document.
struct Sentence<'s> {
    text: &'s str,
    tokens: &'s [Token],
    a: usize,
    b: usize,
}

/// The relations the parser gives a finite verb it hung on a noun.
const CLAUSE_ON_NOUN: &[Dep] = &[
    Dep::Acl,
    Dep::Parataxis,
    Dep::Appos,
    Dep::Dep,
    Dep::Conj,
    Dep::List,
    Dep::Advcl,
];

/// What may come between a noun and the comma after it in the noun's own
/// phrase ("the head of US Central Command,"): no clause.
const IN_NOUN_PHRASE: &[Dep] = &[
    Dep::Flat,
    Dep::Fixed,
    Dep::Nmod,
    Dep::Case,
    Dep::Det,
    Dep::Amod,
    Dep::Compound,
    Dep::Nummod,
    Dep::Cc,
    Dep::Conj,
    Dep::Appos,
    Dep::Punct,
];

/// What may stand before a verb in its own phrase after the closing comma:
/// auxiliaries and adjuncts, not a subject's words or a conjunction.
const BEFORE_VERB: &[Dep] = &[Dep::Aux, Dep::Advmod, Dep::Obl, Dep::Advcl, Dep::Punct];

fn finite(tag: Option<Xpos>) -> bool {
    matches!(tag, Some(Xpos::Vbd | Xpos::Vbz | Xpos::Vbp | Xpos::Md))
}

impl Sentence<'_> {
    fn word(&self, j: usize) -> &str {
        &self.text[self.tokens[j].span.start..self.tokens[j].span.end]
    }

    fn dep(&self, j: usize) -> Option<Dep> {
        self.tokens[j].dep
    }

    fn children(&self, h: usize) -> impl Iterator<Item = usize> + '_ {
        tree::children_in(self.tokens, self.a, self.b, h)
    }

    /// A comma or dash that sets a phrase off.
    fn separator(&self, j: usize) -> bool {
        matches!(self.word(j), "," | "—" | "–" | "--")
    }

    /// Whether `j` lies below `top` (or is it).
    fn under(&self, j: usize, top: usize) -> bool {
        tree::under_in(self.tokens, j, top, self.a, self.b)
    }

    /// A finite verb with no subject: tense or modal on its first auxiliary
    /// ("have died"), else on itself; not a participle ("having
    /// surrendered") or an infinitive.
    fn subjectless_finite(&self, v: usize) -> bool {
        if !matches!(self.tokens[v].pos, Some(Upos::Verb | Upos::Aux)) {
            return false;
        }
        if self.children(v).any(|k| {
            matches!(self.dep(k), Some(Dep::Nsubj | Dep::Csubj | Dep::Expl))
                || self.tokens[k].tag == Some(Xpos::To)
        }) {
            return false;
        }
        finite(self.tense_tag(v))
    }

    /// The tag that carries a verb's tense and number: its first
    /// auxiliary's ("have died"), else its own.
    fn tense_tag(&self, v: usize) -> Option<Xpos> {
        let first_aux = self
            .children(v)
            .find(|&k| matches!(self.dep(k), Some(Dep::Aux | Dep::Cop)));
        first_aux.map_or(self.tokens[v].tag, |k| self.tokens[k].tag)
    }

    /// The verb's number, from its first auxiliary or itself, agrees with
    /// the noun's (a conjunct before the verb makes it plural).
    fn agrees(&self, n: usize, v: usize) -> bool {
        let tag = self.tense_tag(v);
        let plural = matches!(self.tokens[n].tag, Some(Xpos::Nns | Xpos::Nnps))
            || self
                .children(n)
                .any(|k| k < v && self.dep(k) == Some(Dep::Conj));
        match tag {
            Some(Xpos::Vbz) => !plural,
            Some(Xpos::Vbp) => plural,
            _ => true,
        }
    }

    /// The noun a subjectless finite verb `v` hangs on, when an apposition
    /// set off by commas is all that stands between them: "The Kurdish
    /// militia, the YPG, withdrew", "Britons, followed by Russians,
    /// comprise", "the sides, which had been at odds, agreed".
    fn apposed_subject(&self, v: usize) -> Option<usize> {
        let n = self.tokens[v].head.filter(|&h| h >= self.a && h < v)?;
        if !self.dep(v).is_some_and(|d| CLAUSE_ON_NOUN.contains(&d))
            || !self.bare_noun(n)
            || !self.subjectless_finite(v)
            || !self.agrees(n, v)
        {
            return None;
        }
        let closing = self.closing_separator(n, v, None)?;
        let opening = (n + 1..closing).find(|&j| self.separator(j))?;
        (self.noun_phrase(n, opening) && self.apposition(opening + 1, closing)).then_some(n)
    }

    /// The comma right before the verb's own phrase (its words after
    /// `after`, not those below `adjunct`), when nothing of a subject's or a
    /// conjunction's stands between it and the verb.
    fn closing_separator(&self, after: usize, v: usize, adjunct: Option<usize>) -> Option<usize> {
        let own = |j: usize| self.under(j, v) && adjunct.is_none_or(|o| !self.under(j, o));
        let first = (after + 1..v)
            .filter(|&j| own(j) && !self.separator(j))
            .min()
            .unwrap_or(v);
        let closing = first - 1;
        let before_verb_ok = (closing + 1..v).all(|j| {
            self.tokens[j].head != Some(v) || self.dep(j).is_some_and(|d| BEFORE_VERB.contains(&d))
        });
        (closing > after && self.separator(closing) && before_verb_ok).then_some(closing)
    }

    /// Tokens after `n` up to `end` are `n`'s own noun phrase ("the head of
    /// US Central Command"): no clause.
    fn noun_phrase(&self, n: usize, end: usize) -> bool {
        (n + 1..end).all(|j| {
            self.under(j, n)
                && !matches!(self.tokens[j].pos, Some(Upos::Verb | Upos::Aux))
                && !matches!(self.tokens[j].tag, Some(Xpos::Wp | Xpos::Wdt))
                && self.dep(j).is_some_and(|d| IN_NOUN_PHRASE.contains(&d))
        })
    }

    /// No case marker, copula or subject on `n` or the first of its
    /// conjuncts: a noun in a prepositional phrase, or a predicate, is no
    /// subject.
    fn bare_noun(&self, n: usize) -> bool {
        if !matches!(self.tokens[n].pos, Some(Upos::Noun | Upos::Propn)) {
            return false;
        }
        let mut first_conjunct = n;
        while self.dep(first_conjunct) == Some(Dep::Conj) {
            match self.tokens[first_conjunct].head {
                Some(h) if h >= self.a && h < first_conjunct => first_conjunct = h,
                _ => return false,
            }
        }
        ![n, first_conjunct].iter().any(|&m| {
            self.children(m)
                .any(|k| matches!(self.dep(k), Some(Dep::Case | Dep::Cop | Dep::Nsubj)))
        })
    }

    /// An introductory adjunct of a subjectless finite verb `v` and the
    /// noun the parse hung on it after a comma, with an apposition closed
    /// by a comma before the verb: "During the rally, Smith, the party's
    /// candidate, urged them".
    /// Returns the noun and the words of its apposition the parse hung
    /// elsewhere in the adjunct.
    fn apposed_subject_after_adjunct(&self, v: usize) -> Option<(usize, Vec<usize>)> {
        if !self.subjectless_finite(v) {
            return None;
        }
        let adjunct = self
            .children(v)
            .find(|&o| o < v && self.dep(o) == Some(Dep::Obl))?;
        let after_adjunct = (adjunct + 1..v).find(|&j| self.separator(j))?;
        if !self.noun_phrase(adjunct, after_adjunct) {
            return None;
        }
        // The head of the phrase that starts after the comma, hung inside the adjunct.
        let mut n = after_adjunct + 1;
        if !self.under(n, adjunct) {
            return None;
        }
        for _ in self.a..self.b {
            match self.tokens[n].head {
                Some(h) if h > after_adjunct && h < v => n = h,
                _ => break,
            }
        }
        let hung_inside = self.tokens[n]
            .head
            .is_some_and(|h| h < after_adjunct && self.under(h, adjunct));
        // A bare noun hung as a modifier of the adjunct's noun is misread too.
        if !hung_inside
            || !self
                .dep(n)
                .is_some_and(|d| d == Dep::Nmod || CLAUSE_ON_NOUN.contains(&d))
            || !self.bare_noun(n)
            || !self.agrees(n, v)
        {
            return None;
        }
        let closing = self.closing_separator(n, v, Some(adjunct))?;
        let opening = (n + 1..closing).find(|&j| self.separator(j))?;
        if !self.noun_phrase(n, opening) || !self.apposition(opening + 1, closing) {
            return None;
        }
        // Neither below the noun already nor above it (no cycle).
        let apposition = (n + 1..=closing)
            .filter(|&j| {
                self.tokens[j].head.is_some_and(|h| h < after_adjunct)
                    && !self.under(j, n)
                    && !self.under(n, j)
            })
            .collect();
        Some((n, apposition))
    }

    /// Tokens `from..to` read as an apposition or a relative clause: a noun,
    /// a number, a relative pronoun or a participle in it; a finite verb
    /// only in a clause a relative pronoun opens ("which had been"); no
    /// quotation, colon or semicolon.
    fn apposition(&self, from: usize, to: usize) -> bool {
        if from >= to {
            return false;
        }
        let relative = |j: usize| {
            matches!(
                self.tokens[j].tag,
                Some(Xpos::Wp | Xpos::Wdt | Xpos::WpPoss)
            )
        };
        let opened_by_relative = (from..to.min(from + 2)).any(relative);
        let mut holds = false;
        for j in from..to {
            let t = &self.tokens[j];
            if matches!(self.word(j), "\"" | "“" | "”" | ";" | ":") {
                return false;
            }
            if finite(t.tag) && !opened_by_relative {
                return false;
            }
            holds |= matches!(
                t.pos,
                Some(Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num)
            ) || relative(j)
                || matches!(t.tag, Some(Xpos::Vbn | Xpos::Vbg));
        }
        holds
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::Span;

    /// A sentence of space-separated words with the parse given per word
    /// (head as an index into the words, `None` for the root).
    fn parsed(words: &[(&str, Upos, Xpos, Option<usize>, Dep)]) -> (String, Vec<Token>) {
        let mut text = String::new();
        let mut tokens = Vec::new();
        for &(w, pos, tag, head, dep) in words {
            if !text.is_empty() {
                text.push(' ');
            }
            let mut t = Token::new(Span::new(text.len(), text.len() + w.len()));
            text.push_str(w);
            (t.pos, t.tag, t.head, t.dep) = (Some(pos), Some(tag), head, Some(dep));
            tokens.push(t);
        }
        (text, tokens)
    }

    fn rehung(words: &[(&str, Upos, Xpos, Option<usize>, Dep)]) -> Vec<(Option<usize>, Dep)> {
        let (text, mut tokens) = parsed(words);
        let n = tokens.len();
        rehang_in(&text, &mut tokens, 0, n);
        tokens.iter().map(|t| (t.head, t.dep.unwrap())).collect()
    }

    use Dep::{Advmod, Appos, Case, Conj, Nmod, Nsubj, Obj, Obl, Parataxis, Root};
    use Upos::{Adj, Adp, Det, Noun, Propn, Punct, Verb};
    use Xpos::{Dt, In, Jj, Nn, Nnp, Vbd};

    #[test]
    fn a_verb_hung_on_the_name_before_its_apposition_takes_the_name_as_subject() {
        // "Smith , the chief of staff , criticized the plan ."
        let words = [
            ("Smith", Propn, Nnp, None, Root),
            (",", Punct, Xpos::Comma, Some(3), Dep::Punct),
            ("the", Det, Dt, Some(3), Dep::Det),
            ("chief", Noun, Nn, Some(0), Appos),
            ("of", Adp, In, Some(5), Case),
            ("staff", Noun, Nn, Some(3), Nmod),
            (",", Punct, Xpos::Comma, Some(7), Dep::Punct),
            ("criticized", Verb, Vbd, Some(0), Parataxis),
            ("the", Det, Dt, Some(9), Dep::Det),
            ("plan", Noun, Nn, Some(7), Obj),
            (".", Punct, Xpos::Period, Some(0), Dep::Punct),
        ];
        let after = rehung(&words);
        assert_eq!(after[7], (None, Root));
        assert_eq!(after[0], (Some(7), Nsubj));
        assert_eq!(
            after[3],
            (Some(0), Appos),
            "the apposition stays on the name"
        );
        assert_eq!(after[10], (Some(7), Dep::Punct));
    }

    #[test]
    fn a_verb_with_a_subject_or_after_a_conjunction_or_a_preposition_stays() {
        // "Smith , the chief , said it ." as parsed right: unchanged.
        let right = [
            ("Smith", Propn, Nnp, Some(5), Nsubj),
            (",", Punct, Xpos::Comma, Some(3), Dep::Punct),
            ("the", Det, Dt, Some(3), Dep::Det),
            ("chief", Noun, Nn, Some(0), Appos),
            (",", Punct, Xpos::Comma, Some(5), Dep::Punct),
            ("said", Verb, Vbd, None, Root),
        ];
        let unchanged = |w: &[(&str, Upos, Xpos, Option<usize>, Dep)]| {
            w.iter().map(|t| (t.3, t.4)).collect::<Vec<_>>()
        };
        assert_eq!(rehung(&right), unchanged(&right));
        // "an officer , too , and had ...": a coordinated predicate.
        let coordinated = [
            ("an", Det, Dt, Some(1), Dep::Det),
            ("officer", Noun, Nn, None, Root),
            (",", Punct, Xpos::Comma, Some(3), Dep::Punct),
            ("too", Adj, Jj, Some(1), Advmod),
            (",", Punct, Xpos::Comma, Some(6), Dep::Punct),
            ("and", Upos::Cconj, Xpos::Cc, Some(6), Dep::Cc),
            ("had", Verb, Vbd, Some(1), Conj),
        ];
        assert_eq!(rehung(&coordinated), unchanged(&coordinated));
        // "for their plan , the chief , argued": a noun in a prepositional phrase.
        let prepositional = [
            ("for", Adp, In, Some(1), Case),
            ("plans", Noun, Nn, None, Root),
            (",", Punct, Xpos::Comma, Some(3), Dep::Punct),
            ("chief", Noun, Nn, Some(1), Appos),
            (",", Punct, Xpos::Comma, Some(5), Dep::Punct),
            ("argued", Verb, Vbd, Some(1), Parataxis),
        ];
        assert_eq!(rehung(&prepositional), unchanged(&prepositional));
    }

    #[test]
    fn a_name_hung_in_the_adjunct_before_it_becomes_the_verbs_subject() {
        // "In March , Smith , the chief , resigned ." with Smith and his
        // apposition hung on "March".
        let words = [
            ("In", Adp, In, Some(1), Case),
            ("March", Propn, Nnp, Some(8), Obl),
            (",", Punct, Xpos::Comma, Some(1), Dep::Punct),
            ("Smith", Propn, Nnp, Some(1), Appos),
            (",", Punct, Xpos::Comma, Some(6), Dep::Punct),
            ("the", Det, Dt, Some(6), Dep::Det),
            ("chief", Noun, Nn, Some(1), Appos),
            (",", Punct, Xpos::Comma, Some(1), Dep::Punct),
            ("resigned", Verb, Vbd, None, Root),
            (".", Punct, Xpos::Period, Some(8), Dep::Punct),
        ];
        let after = rehung(&words);
        assert_eq!(after[3], (Some(8), Nsubj));
        assert_eq!(after[7], (Some(3), Dep::Punct));
        assert_eq!(
            after[6],
            (Some(3), Appos),
            "the apposition goes with the name"
        );
        assert_eq!(after[1], (Some(8), Obl), "the adjunct stays");
    }
}
