//! What the event judge reads beyond the clause: the document around an event
//! and the kinds of its actors.
//!
//! Most false events of the judged Guardian rows come from sport, arts and
//! private life, where the codebook's acts are not what is told. Whether the
//! document is about countries and political actors at all (its share of
//! sentences naming a country or nationality, or a political or social agent
//! noun of the PETRARCH dictionary) and where the sentence stands in it are
//! general cues of that, as are the kinds of the event's actors (a country, a
//! person, a common noun by its CAMEO sector, or none).

use dossier_core::Upos;
use dossier_core::{BlockKind, Document, EntityType};
use dossier_core::{ById, EntityId, SentenceId};

use super::political::political_noun;
use super::{singular, EventLexicon, Nominals};

/// The document-wide cues of one document, read once before its events.
pub(super) struct DocContext {
    /// Per sentence: its rank among the body sentences, whether it names a
    /// country or nationality, and whether it has a political agent noun.
    sentences: Vec<(usize, bool, bool)>,
    /// The features every event of the document shares.
    shared: Vec<String>,
}

impl DocContext {
    pub(super) fn read(doc: &Document, lex: &EventLexicon) -> Self {
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        let mut rank = 0;
        let (mut body, mut places, mut agents) = (0usize, 0usize, 0usize);
        for s in &doc.sentences {
            let heading = doc.blocks.by_id(s.block).map(|b| b.kind) == Some(BlockKind::Heading);
            let place = doc.mentions.iter().any(|m| {
                matches!(m.ty, EntityType::Gpe | EntityType::Norp) && s.span.contains(m.span)
            });
            let (a, b) = s.tokens;
            let agent = (a..b).any(|i| {
                doc.tokens[i].pos == Some(Upos::Noun)
                    && political_noun(lex, doc.span_text(doc.tokens[i].span))
            });
            sentences.push((rank, place, agent));
            if !heading {
                rank += 1;
                body += 1;
                places += usize::from(place);
                agents += usize::from(agent);
            }
        }
        let share = |n: usize| (n * 5 / body.max(1)).min(4);
        let shared = vec![
            format!("dg={}", share(places)),
            format!("da={}", share(agents)),
            format!("dga={}|{}", share(places), share(agents)),
        ];
        DocContext { sentences, shared }
    }

    /// The document's and the sentence's cues for an event of sentence `si`.
    pub(super) fn features(&self, doc: &Document, si: SentenceId, f: &mut Vec<String>) {
        f.extend(self.shared.iter().cloned());
        let Some(&(rank, place, agent)) = self.sentences.get(si.index()) else {
            return;
        };
        let position = match rank {
            0 => "0",
            1 => "1",
            2..=4 => "2-4",
            5..=9 => "5-9",
            _ => "10+",
        };
        f.push(format!("sp={position}"));
        f.push(format!("sg={place}|{agent}"));
        let (a, b) = doc.sentences[si].tokens;
        let quoted = (a..b).any(|i| {
            matches!(
                doc.span_text(doc.tokens[i].span),
                "\"" | "\u{201c}" | "\u{201d}"
            )
        });
        f.push(format!("sqm={quoted}"));
    }
}

/// An actor's kind: a country (a place with an ISO code), another place, an
/// organisation, person or nationality, or a common noun by its CAMEO sector.
pub(super) fn actor_kind(
    doc: &Document,
    lex: &EventLexicon,
    nominals: &Nominals,
    a: EntityId,
) -> String {
    if nominals.nth(a).is_some() {
        let head = super::political::nominal_head(nominals, a);
        let code = head.and_then(|w| lex.agents.get(&singular(&w)).map(|(_, c)| c.clone()));
        return format!(
            "nom:{}",
            code.as_deref().map_or("-", |c| &c[..c.len().min(3)])
        );
    }
    let entity = &doc.entities[a];
    if entity.ty == EntityType::Gpe && entity.kb.iter().any(|(kb, _)| *kb == "iso3166") {
        return "country".to_string();
    }
    entity.ty.as_str().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::{Block, Mention, MentionKind, Sentence, Source, SourceFormat, Span, Token};

    /// A document of one-paragraph sentences, each word a token; `nouns`
    /// are tagged NOUN, `places` (by word) are GPE mentions.
    fn document(sentences: &[&str], nouns: &[&str], places: &[&str]) -> Document {
        let text = sentences.join("\n");
        let source = Source {
            uri: None,
            format: SourceFormat::Text,
            record: None,
        };
        let mut d = Document::new(text, source);
        let mut at = 0;
        for s in sentences {
            let first = d.tokens.len();
            for w in s.split(' ') {
                let start = at + s.find(w).unwrap_or(0);
                let span = Span::new(start, start + w.len());
                let mut t = Token::new(span);
                t.pos = Some(if nouns.contains(&w) {
                    Upos::Noun
                } else {
                    Upos::X
                });
                d.tokens.push(t);
                if places.contains(&w) {
                    d.mentions.push(Mention {
                        span,
                        ty: EntityType::Gpe,
                        kind: MentionKind::Name,
                        entity: None,
                    });
                }
            }
            let span = Span::new(at, at + s.len());
            let block = d.blocks.next_id();
            d.blocks.push(Block {
                span,
                kind: BlockKind::Paragraph,
            });
            d.sentences.push(Sentence {
                span,
                block,
                tokens: (first, d.tokens.len()),
            });
            at += s.len() + 1;
        }
        d
    }

    #[test]
    fn the_document_tells_how_political_it_is_and_where_the_sentence_stands() {
        let lex = EventLexicon::from_tsv("").with_agents("police\tCOP\tORG\ncompany\tBUS\tORG\n");
        let d = document(
            &[
                "Police met in Kabul",
                "The company grew",
                "He sang \u{201c} songs \u{201d}",
                "They ate",
                "Rain fell",
            ],
            &["Police", "company"],
            &["Kabul"],
        );
        let context = DocContext::read(&d, &lex);
        let features = |si| {
            let mut f = Vec::new();
            context.features(&d, SentenceId::new(si), &mut f);
            f
        };
        // One sentence in five names a place, one a political agent (a company is none).
        let first = features(0);
        for expected in [
            "dg=1",
            "da=1",
            "dga=1|1",
            "sp=0",
            "sg=true|true",
            "sqm=false",
        ] {
            assert!(
                first.contains(&expected.to_string()),
                "{expected} in {first:?}"
            );
        }
        let third = features(2);
        for expected in ["sp=2-4", "sg=false|false", "sqm=true"] {
            assert!(
                third.contains(&expected.to_string()),
                "{expected} in {third:?}"
            );
        }
    }
}
