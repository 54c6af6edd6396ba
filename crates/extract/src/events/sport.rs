//! Sport (#24): a match report tells its play with the codebook's verbs
//! ("Russia beat Croatia", "fired a 66", "allowed two runs", "rallied to
//! win", "withdrew from the tournament"), which political coders never code;
//! GDELT's sport coded as war is the known failure. A document dense in
//! sport's own words is a sport report, and there a verb of play makes no
//! event; policing, protest and killing there stay events. The words are in
//! `data/en/event-sport.tsv`.

use dossier_core::{Dep, Document, EntityType, Upos};

use super::roles::{mention_of, passive_voice};
use super::word_classes::WordFile;
use super::{Clause, Verb};
use crate::lexicon::lower;

/// The word classes of `data/en/event-sport.tsv`.
static WORDS: WordFile = WordFile::new(WORDS_TEXT);
const WORDS_TEXT: &str = include_str!("../../data/en/event-sport.tsv");

/// How a document reads as sport.
pub(super) struct Reading {
    /// A sport report: a sport page, or a text dense in sport's words (`dense_in_sport`).
    report: bool,
    /// A sport page: its title opens with a sport's slug ("TENNIS - ...",
    /// "SQUASH - ..."). A wire service slugs only what its sport desk files,
    /// so this is stronger evidence than words of sport in the text, which
    /// political stories of a match or a bid to host one have too.
    page: bool,
}

impl Reading {
    pub(super) fn of(doc: &Document) -> Reading {
        let page = doc.title.as_deref().is_some_and(sport_title);
        Reading {
            report: page || dense_in_sport(doc),
            page,
        }
    }

    /// Whether the event of `verb` is play, no event: a verb of play in a
    /// sport report or a result line, or on a sport page any verb not
    /// [`beyond_play`].
    pub(super) fn play_only(&self, c: &Clause<'_>, verb: &Verb) -> bool {
        (play(c, verb) && (self.report || result_line(c))) || (self.page && !beyond_play(c, verb))
    }
}

/// Whether at least three of the words of `doc`, and two in a hundred, are
/// sport's own ("innings", "halftime", "quarterback") or scores ("6-3",
/// "3:31.526"): a results list is mostly names and scores.
fn dense_in_sport(doc: &Document) -> bool {
    let hits = doc
        .tokens
        .iter()
        .filter(|t| sport_word(doc.span_text(t.span)))
        .count();
    hits >= 3 && hits * 50 >= doc.tokens.len()
}

/// Whether the event of `verb` on a sport page may be more than play: its
/// verb is of policing, courts, sanctions, protest or harm (class `public`),
/// or of force, injury or a bout (left to [`play`]), or a noun of class
/// authority is in its sentence ("police detained fans", "the government
/// barred the team"). Anything else there ("met them in the cup", "took
/// control", "blamed the wind") is play or the talk of play.
fn beyond_play(c: &Clause<'_>, verb: &Verb) -> bool {
    let lemma = c.lex.lemma(&verb.form);
    ["public", "force", "hurt", "bout"]
        .iter()
        .any(|class| WORDS.contains(class, lemma))
        || (c.a..c.b)
            .any(|j| c.doc.tokens[j].pos.is_some_and(Upos::is_noun) && authority(c.word(j)))
}

/// Whether `w` is a noun of class authority, or its plural in "s" (the
/// file lists the other plurals): read of every noun of a sentence, so
/// through the stack buffer of [`in_class`].
fn authority(w: &str) -> bool {
    in_class("authority", w)
        || w.strip_suffix('s')
            .is_some_and(|one| in_class("authority", one))
}

/// Whether the sentence of `c` reads as a result line even in a document
/// that is not all sport: two scores ("6-3 6-4"), or a score beside a word
/// of sport ("a 2-1 win in the qualifier"). One score alone may be a range
/// ("on 24-25 April", "10-15 minutes") or a vote ("voted 51-49").
fn result_line(c: &Clause<'_>) -> bool {
    let words = || (c.a..c.b).map(|i| c.word(i));
    let scores = words().filter(|w| score(w)).count();
    scores >= 2 || (scores == 1 && words().any(|w| in_class("sport", w)))
}

/// Whether a title opens with a slug of one to three words, one of them a
/// word of sport, before a dash ("RUGBY UNION - ...", "Boxing-Bruno quits"):
/// no other slug ("PRESS DIGEST - ...") nor a headline with a dash in it.
fn sport_title(title: &str) -> bool {
    let Some((slug, _)) = title.split_once('-') else {
        return false;
    };
    let words = || slug.split_whitespace();
    (1..=3).contains(&words().count())
        && words().all(|w| w.bytes().all(|b| b.is_ascii_alphabetic()))
        && words().any(|w| in_class("sport", w) || (capitals(w) && in_class("slug", w)))
}

/// Whether `w` is written in capitals, as a wire service writes its slugs
/// ("MOTOR RACING - ..."): a headline's first words ("Racing pigeons lost -
/// owners") are no slug.
fn capitals(w: &str) -> bool {
    w.bytes().all(|b| b.is_ascii_uppercase())
}

fn sport_word(w: &str) -> bool {
    score(w) || in_class("sport", w)
}

/// The longest word of `data/en/event-sport.tsv` may have this many bytes.
const LONGEST: usize = 24;

/// Whether `w`, lower-cased, is of `class`: an ASCII word is lower-cased into
/// a buffer on the stack, as this is read of every token of a document.
fn in_class(class: &str, w: &str) -> bool {
    if !w.is_ascii() {
        return WORDS.contains(class, &lower(w));
    }
    // Lower-casing keeps an ASCII word's length: a longer one is of no class.
    if w.len() > LONGEST {
        return false;
    }
    let mut buffer = [0u8; LONGEST];
    let word = &mut buffer[..w.len()];
    word.copy_from_slice(w.as_bytes());
    word.make_ascii_lowercase();
    std::str::from_utf8(word).is_ok_and(|word| WORDS.contains(class, word))
}

/// A score or a race time: "6-3", "71-1", "45-17" (one to three digits each
/// side, so no year span "1994-95"), or "3:31.526" (minutes, seconds and a
/// fraction, so no clock time "10:30").
fn score(w: &str) -> bool {
    let digits = |s: &str, most: usize| {
        (1..=most).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if let Some((a, b)) = w.split_once('-') {
        return digits(a, 3) && digits(b, 3);
    }
    let Some((m, rest)) = w.split_once(':') else {
        return false;
    };
    let Some((sec, frac)) = rest.split_once('.') else {
        return false;
    };
    digits(m, 2) && sec.len() == 2 && digits(sec, 2) && digits(frac, 3)
}

/// Whether `verb` tells play: a verb of play, a club's signing or an
/// athlete's entry ("signed for the club", "agreed to run": `signed`), an
/// injury or a bout, a verb of force with "out" (a strikeout), or one of
/// force in the active voice whose object, if any, is a number or a word of
/// sport ("shot a 67", "hit his 38th homer"), not someone harmed.
fn play(c: &Clause<'_>, verb: &Verb) -> bool {
    let lemma = c.lex.lemma(&verb.form);
    if WORDS.contains("play", lemma) {
        return true;
    }
    if WORDS.contains("signing", lemma) {
        return signed(c, verb.v);
    }
    // An injury no one is said to have caused ("both are injured and will
    // miss the qualifier"), and a bout ("fought Tyson in Las Vegas").
    if WORDS.contains("hurt", lemma)
        && passive_voice(c, verb)
        && c.obliques(verb.v, "by").next().is_none()
        && !super::conventions::force_beside(c, verb.v)
    {
        return true;
    }
    if WORDS.contains("bout", lemma)
        && c.object(verb.v)
            .is_some_and(|o| mention_of(c, o, &[EntityType::Person]))
    {
        return true;
    }
    // A strikeout: "struck out the last batter" strikes no one.
    if WORDS.contains("force", lemma) && c.has_word(verb.v, "out") {
        return true;
    }
    // "was hit by a pitch": a stroke does the harm.
    if WORDS.contains("force", lemma)
        && passive_voice(c, verb)
        && c.obliques(verb.v, "by").any(|k| played(c.word(k)))
    {
        return true;
    }
    if !WORDS.contains("force", lemma) || passive_voice(c, verb) {
        return false;
    }
    c.object(verb.v).is_none_or(|o| {
        c.doc.tokens[o].pos == Some(Upos::Num)
            || played(c.word(o))
            || c.children(o)
                .any(|k| c.dep(k) == Some(Dep::Nmod) && played(c.word(k)))
    })
}

/// Whether a verb of signing is a club's or an athlete's ("signed for Ajax",
/// "joined Milan on a free transfer", "agreed to run"): no pact is what is
/// signed or agreed ("signed a memorandum", "would not sign a deal"), and no
/// country, people or armed group is named beside it.
fn signed(c: &Clause<'_>, v: usize) -> bool {
    let pact = c.children(v).any(|k| {
        matches!(c.dep(k), Some(Dep::Obj | Dep::Nsubj | Dep::Obl))
            && c.head_of_class(k, &WORDS, "pact")
    });
    !pact && !(c.a..c.b).any(|j| super::conventions::armed_party(c, j))
}

/// Whether a force verb's object names play, not someone harmed: a word of
/// sport or a stroke ("hit a single", "hit his first pitch"), also as the
/// last part of a compound ("fired a seven-hitter") or in an "of" phrase
/// ("hit a pair of homers").
fn played(w: &str) -> bool {
    let last = w.rsplit('-').next().unwrap_or(w);
    [w, last]
        .iter()
        .any(|x| in_class("sport", x) || in_class("stroke", x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_or_a_race_time_is_a_word_of_sport_but_a_year_span_or_a_clock_time_is_not() {
        for w in ["6-3", "71-1", "45-17", "3:31.526", "4:00.9"] {
            assert!(sport_word(w), "{w}");
        }
        for w in ["1994-95", "10:30", "18-year-old", "6-", "-3", "3:31", "a-b"] {
            assert!(!sport_word(w), "{w}");
        }
        assert!(sport_word("Qualifier") && sport_word("overs"));
    }

    #[test]
    fn no_word_of_the_file_is_longer_than_the_buffer_it_is_looked_up_in() {
        let longest = WORDS_TEXT
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(1))
            .map(str::len)
            .max();
        assert!(longest.is_some_and(|n| n <= LONGEST));
        assert!(in_class("sport", "INNINGS") && !in_class("sport", &"a".repeat(40)));
        assert!(in_class("sport", "Qualifier") && !in_class("sport", "Ünal"));
    }

    #[test]
    fn a_wire_sport_slug_makes_a_sport_title_but_no_other_slug_or_headline() {
        for t in [
            "SOCCER - A NEW CAPTAIN NAMED.",
            "Boxing-A champion retires.",
            "RUGBY UNION - LIONS WIN",
            "SQUASH - OPEN RESULTS.",
            "MOTOR RACING - A NEW POLE.",
        ] {
            assert!(sport_title(t), "{t}");
        }
        for t in [
            "PRESS DIGEST - Ruritania",
            "Ministers meet on trade - agency",
            "No dash here",
            "Racing pigeons lost - owners",
        ] {
            assert!(!sport_title(t), "{t}");
        }
    }

    #[test]
    fn a_stroke_or_a_compound_of_sport_names_play_not_a_person() {
        assert!(played("single") && played("seven-hitter") && played("homers"));
        assert!(!played("protesters") && !played("two-run") && !played("station"));
    }

    #[test]
    fn a_noun_of_authority_or_its_plural_but_no_title_clubs_have_too() {
        for w in [
            "police",
            "Police",
            "ministers",
            "policemen",
            "authorities",
            "court",
        ] {
            assert!(authority(w), "{w}");
        }
        for w in [
            "president",
            "officials",
            "referee",
            "fans",
            "courts-martial",
        ] {
            assert!(!authority(w), "{w}");
        }
        assert!(!in_class("sport", "squash") && in_class("slug", "squash"));
    }
}
