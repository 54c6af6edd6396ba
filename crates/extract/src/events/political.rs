//! An event needs a political or social actor (#24 item 2).
//!
//! PETRARCH codes an event only between coded actors: a country, an
//! organisation of its dictionaries, or a common noun its agents dictionary
//! codes ("police" COP, "protesters" OPP). CAMEO and PLOVER have no acts
//! between companies, teams, artists and their customers, so an event whose
//! every actor is a business (an agent noun coded BUS: "the company",
//! "airlines") or a name the text describes as one ("carmaker Audi", "WeWork
//! CEO Adam Neumann", "Neumann, the chief executive"), is no event. Countries, nationalities and every other name
//! stand: on news about politics most persons and organisations are political.
//! An event with no actor at all is left to the other rules.

use dossier_core::Dep;
use dossier_core::EntityId;
use dossier_core::{Document, EntityType, Event, Mention};

use super::{singular, EventLexicon, Nominals};

/// CAMEO agent sectors of no political or social actor: business and
/// celebrities ("actor", "vip"). Media, schools and hospitals stay social: a
/// journalist or a hospital attacked is the target of an ASSAULT, and a
/// spokesman (MED in the dictionary) speaks for whoever employs him.
const NON_POLITICAL: [&str; 2] = ["BUS", "ELI"];

/// Drops the events none of whose actors is political or social.
pub(super) fn keep_political(
    doc: &Document,
    lex: &EventLexicon,
    nominals: &Nominals,
    events: &mut Vec<Event>,
) {
    events.retain(|e| {
        let mut actors = e.source.iter().chain(&e.target).peekable();
        actors.peek().is_none() || actors.any(|&a| political_actor(doc, lex, nominals, a))
    });
}

fn political_actor(doc: &Document, lex: &EventLexicon, nominals: &Nominals, a: EntityId) -> bool {
    if nominals.nth(a).is_some() {
        return nominal_head(nominals, a).is_none_or(|w| !in_sectors(lex, &w, &NON_POLITICAL));
    }
    let entity = &doc.entities[a];
    match entity.ty {
        EntityType::Org | EntityType::Person => !entity
            .mentions
            .iter()
            .any(|&m| described_as(doc, lex, &doc.mentions[m], &NON_POLITICAL)),
        _ => true,
    }
}

/// The head noun of common-noun actor `a`: its name ends in it ("traffic police").
pub(super) fn nominal_head(nominals: &Nominals, a: EntityId) -> Option<String> {
    let found = nominals.found.borrow();
    found.get(nominals.nth(a)?).and_then(|(_, name, _, _)| {
        name.split(|c: char| !c.is_alphabetic() && c != '-')
            .rfind(|w| !w.is_empty())
            .map(str::to_string)
    })
}

/// CAMEO agent sectors of armed forces and groups: military, unaligned armed
/// forces, rebels ("troops", "militants", "insurgents").
const ARMED_SECTORS: &[&str] = &["MIL", "UAF", "REB"];

/// Whether the agents dictionary codes `word` as an armed force or group:
/// in `ARMED_SECTORS`, by prefix like every sector test ("jihadists" is
/// UAFMUS). The one armed-party test of the agents dictionary.
pub(super) fn armed_noun(lex: &EventLexicon, word: &str) -> bool {
    in_sectors(lex, word, ARMED_SECTORS)
}

/// Whether the agents dictionary codes `word` in one of `sectors`.
pub(super) fn in_sectors(lex: &EventLexicon, word: &str, sectors: &[&str]) -> bool {
    agent_code(lex, word).is_some_and(|code| sectors.iter().any(|s| code.starts_with(s)))
}

/// Whether the agents dictionary codes `word` as a political or social actor
/// (a noun it codes, in none of the `NON_POLITICAL` sectors).
pub(super) fn political_noun(lex: &EventLexicon, word: &str) -> bool {
    agent_code(lex, word).is_some_and(|code| !NON_POLITICAL.iter().any(|s| code.starts_with(s)))
}

/// The CAMEO agent code the agents dictionary gives `word`, if any.
fn agent_code<'l>(lex: &'l EventLexicon, word: &str) -> Option<&'l str> {
    lex.agents
        .get(&singular(&word.to_lowercase()))
        .map(|(_, code)| code.as_str())
}

/// Whether a noun of one of `sectors` describes the mention: a compound or
/// apposition of its name ("carmaker Audi", "Neumann, the chief executive"),
/// or the noun the name is itself an apposition or compound of ("the
/// company's founder, Adam Neumann").
pub(super) fn described_as(
    doc: &Document,
    lex: &EventLexicon,
    m: &Mention,
    sectors: &[&str],
) -> bool {
    let inside = |k: usize| crate::tree::holds_token(doc, m.span, k);
    let first = doc.tokens.partition_point(|t| t.span.end <= m.span.start);
    let last = doc.tokens.partition_point(|t| t.span.start < m.span.end);
    if first >= last {
        return false;
    }
    let near = first.saturating_sub(8)..(last + 8).min(doc.tokens.len());
    let describes = |k: usize| {
        let t = &doc.tokens[k];
        let attached =
            t.head.is_some_and(inside) && matches!(t.dep, Some(Dep::Compound | Dep::Appos));
        let over = (first..last).any(|j| {
            doc.tokens[j].head == Some(k)
                && matches!(doc.tokens[j].dep, Some(Dep::Appos | Dep::Compound))
        });
        (attached || over) && in_sectors(lex, doc.span_text(t.span), sectors)
    };
    near.filter(|&k| !inside(k)).any(describes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_armed_noun_is_coded_in_an_armed_sector_by_prefix_in_any_case() {
        let lex = EventLexicon::from_tsv("")
            .with_agents("troop\tMIL\tORG\njihadist\tUAFMUS\tNORP\npolice\tCOP\tORG\n");
        assert!(armed_noun(&lex, "Troops"));
        assert!(armed_noun(&lex, "jihadists"), "UAFMUS is of UAF");
        assert!(!armed_noun(&lex, "police"));
    }
}
