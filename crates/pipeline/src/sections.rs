//! Long documents are analysed a section of blocks at a time, and the
//! sections' layers are joined: memory then follows the section, not the
//! document, and the recognisers' look-ups stay local. An ordinary article
//! is far below the section size and is analysed whole.

use std::collections::HashMap;

use dossier_core::{
    Block, BlockId, ById, Document, Entity, EntityId, EntityType, IdVec, Renumber, Span, Speaker,
};

/// Bytes of text analysed together at most.
pub const SECTION_BYTES: usize = 64 << 10;

/// Cuts the blocks into runs of at most `limit` bytes; a block longer than
/// that is cut at white space into pieces. Each piece remembers its block.
pub fn plan(text: &str, blocks: &[Block], limit: usize) -> Vec<Vec<(Block, BlockId)>> {
    let mut sections: Vec<Vec<(Block, BlockId)>> = Vec::new();
    let mut size = usize::MAX;
    for (bi, block) in blocks.with_ids() {
        for span in pieces(text, block.span, limit) {
            if size.saturating_add(span.len()) > limit {
                sections.push(Vec::new());
                size = 0;
            }
            size += span.len();
            sections
                .last_mut()
                .expect("a section was opened")
                .push((Block { span, ..*block }, bi));
        }
    }
    sections
}

/// `span` cut into pieces of at most about `limit` bytes, each ending at
/// white space where there is some (else at a character boundary).
fn pieces(text: &str, span: Span, limit: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    while span.end - start > limit {
        let mut cut = start + limit;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &text[start..cut];
        let at_space = window
            .rfind(char::is_whitespace)
            .filter(|&i| i > limit / 2)
            .map(|i| start + i + 1);
        let mut end = at_space.unwrap_or(cut);
        while !text.is_char_boundary(end) {
            end += 1;
        }
        out.push(Span::new(start, end));
        start = end;
    }
    out.push(Span::new(start, span.end));
    out
}

/// Appends an analysed section's layers to `doc`, renumbering every
/// cross-layer link; `block_of` maps the section's blocks to `doc`'s.
pub fn absorb(doc: &mut Document, mut part: Document, block_of: &Renumber<BlockId>) {
    let tokens = doc.tokens.len();
    let sentences = doc.sentences.len();
    let mentions = doc.mentions.len();
    let entities = doc.entities.len();
    let quotes = doc.quotes.len();
    let times = doc.times.len();
    let quantities = doc.quantities.len();
    doc.tokens.extend(part.tokens.drain(..).map(|mut t| {
        t.head = t.head.map(|h| h + tokens);
        t
    }));
    doc.sentences.extend(part.sentences.drain(..).map(|mut s| {
        s.tokens = (s.tokens.0 + tokens, s.tokens.1 + tokens);
        s.block = block_of[s.block];
        s
    }));
    doc.mentions.extend(part.mentions.drain(..).map(|mut m| {
        m.entity = m.entity.map(|e| e.shifted(entities));
        m
    }));
    doc.entities.extend(part.entities.drain(..).map(|mut e| {
        e.mentions.iter_mut().for_each(|m| *m = m.shifted(mentions));
        e
    }));
    doc.quotes.extend(part.quotes.drain(..).map(|mut q| {
        if let Some(sp) = q.speaker.as_mut() {
            sp.entities_mut().for_each(|e| *e = e.shifted(entities));
        }
        q
    }));
    doc.times.append(&mut part.times);
    doc.quantities.append(&mut part.quantities);
    doc.events.extend(part.events.drain(..).map(|mut e| {
        e.sentence = e.sentence.shifted(sentences);
        e.source
            .iter_mut()
            .chain(e.target.iter_mut())
            .chain(e.place.as_mut())
            .for_each(|a| *a = a.shifted(entities));
        e.quantity = e.quantity.map(|q| q.shifted(quantities));
        e.time = e.time.map(|t| t.shifted(times));
        e.quote = e.quote.map(|q| q.shifted(quotes));
        e
    }));
    doc.warnings.append(&mut part.warnings);
}

/// Entities of different sections that one pass would have grouped become
/// one: the same key (or, keyless, type and name), and a person's surname
/// alone joins the one full name of the document that ends in it.
pub fn merge_entities(doc: &mut Document) {
    let identities = canonical_identities(&doc.entities);
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut target: Renumber<EntityId> = IdVec::default();
    let mut kept: Vec<Entity> = Vec::new();
    for (e, identity) in doc.entities.drain(..).zip(identities) {
        match first.get(&identity) {
            Some(&k) => {
                absorb_entity(&mut kept[k], e);
                target.push(EntityId::new(k));
            }
            None => {
                first.insert(identity, kept.len());
                target.push(kept.next_id());
                kept.push(e);
            }
        }
    }
    kept.iter_mut().for_each(|e| e.mentions.sort_unstable());
    doc.entities = kept;
    let moved = |e: &mut EntityId| *e = target[*e];
    doc.mentions
        .iter_mut()
        .filter_map(|m| m.entity.as_mut())
        .for_each(moved);
    doc.quotes
        .iter_mut()
        .filter_map(|q| q.speaker.as_mut())
        .flat_map(Speaker::entities_mut)
        .for_each(moved);
    for e in &mut doc.events {
        e.source
            .iter_mut()
            .chain(e.target.iter_mut())
            .chain(e.place.as_mut())
            .for_each(moved);
        unique(&mut e.source);
        unique(&mut e.target);
    }
}

/// Each entity's identity for merging: its key, or for a person known by
/// a surname alone, the key of the only full name ending in that surname.
fn canonical_identities(entities: &[Entity]) -> Vec<String> {
    let identity = |e: &Entity| {
        e.key
            .clone()
            .unwrap_or_else(|| format!("{}:{}", e.ty.as_str(), e.name.to_lowercase()))
    };
    let ids: Vec<String> = entities.iter().map(identity).collect();
    let name_of = |id: &str| {
        id.split_once(':')
            .map_or(id.to_string(), |(_, n)| n.to_string())
    };
    let mut full_names: HashMap<String, Vec<&str>> = HashMap::new();
    for (e, id) in entities.iter().zip(&ids) {
        let name = name_of(id);
        let words: Vec<&str> = name.split_whitespace().collect();
        if e.ty == EntityType::Person && words.len() > 1 {
            let holders = full_names
                .entry(words[words.len() - 1].to_string())
                .or_default();
            if !holders.contains(&id.as_str()) {
                holders.push(id);
            }
        }
    }
    entities
        .iter()
        .zip(&ids)
        .map(|(e, id)| match full_names.get(&name_of(id)) {
            Some(holders) if e.ty == EntityType::Person && holders.len() == 1 => {
                holders[0].to_string()
            }
            _ => id.clone(),
        })
        .collect()
}

/// Adds `e`'s mentions and names to `into`; the fuller name names both.
fn absorb_entity(into: &mut Entity, e: Entity) {
    into.mentions.extend(e.mentions);
    let (mut name, aliases) = (e.name, e.aliases);
    if name.len() > into.name.len() {
        std::mem::swap(&mut into.name, &mut name);
        into.key = e.key;
    }
    for alias in std::iter::once(name).chain(aliases) {
        if alias != into.name && !into.aliases.contains(&alias) {
            into.aliases.push(alias);
        }
    }
}

/// Drops repeated entries, keeping the first of each.
fn unique(items: &mut Vec<EntityId>) {
    let mut seen = Vec::with_capacity(items.len());
    items.retain(|&i| {
        let new = !seen.contains(&i);
        seen.push(i);
        new
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::BlockKind;

    #[test]
    fn long_blocks_are_cut_at_white_space_into_bounded_pieces() {
        let text = "word ".repeat(100);
        let blocks = [Block {
            span: Span::new(0, text.len()),
            kind: BlockKind::Paragraph,
        }];
        let plan = plan(&text, &blocks, 64);
        let pieces: Vec<Span> = plan.iter().flatten().map(|(b, _)| b.span).collect();
        assert!(pieces
            .iter()
            .all(|p| p.len() <= 64 && text[p.start..p.end].ends_with(' ') || p.end == text.len()));
        assert_eq!(pieces.first().unwrap().start, 0);
        assert!(
            pieces.windows(2).all(|w| w[0].end == w[1].start),
            "no text is lost between pieces"
        );
        assert!(plan.iter().flatten().all(|&(_, b)| b == BlockId::new(0)));
    }
}
