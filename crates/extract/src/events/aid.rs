//! The aid tracker's events: what counts as aid given (goods, money, arms), its kind, and the
//! recipients a pledge lends the gift under it.

use super::*;

/// Verbs that hand something over.
pub(super) const GIVING: &[&str] = &[
    "send", "provide", "give", "supply", "deliver", "donate", "ship", "transfer", "grant", "offer",
    "pledge", "commit", "allocate", "lend", "loan",
];

/// What an aid tracker counts: equipment and aid.
pub(super) const AID_GOODS: &[&str] = &[
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

/// Words that show a "gift" is no aid: a death toll, campaign money.
pub(super) const NOT_AID: &[&str] = &[
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
pub(super) fn is_aid(c: &Clause<'_>, verb: &Verb, roles: &Roles) -> bool {
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

/// The kind of aid (the PLOVER codebook's examples): weapons are military,
/// money economic, food and medicine humanitarian.
pub(super) fn aid_kind(verb: &Verb) -> &'static str {
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
pub(super) fn borrow_recipients(events: &mut [Event]) {
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
