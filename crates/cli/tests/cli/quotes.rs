//! Quotes (#23): speech by default, the speaker at the head of the source
//! phrase, and marks that pair.

use super::*;

fn example_quotes(mode: &str) -> (Value, Vec<Value>) {
    let example = root().join("examples/nato-summit-2024.txt");
    let out = run(
        &[
            "extract",
            "--date",
            "2024-07-10",
            "--quotes",
            mode,
            example.to_str().unwrap(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = docs(&out).remove(0);
    let quotes = doc["quotes"].as_array().unwrap().clone();
    (doc, quotes)
}

fn quotes_of(text: &str, mode: &str) -> (Value, Vec<Value>) {
    let out = run(
        &["extract", "--from", "text", "--quotes", mode],
        Some(text.as_bytes()),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = docs(&out).remove(0);
    let quotes = doc["quotes"].as_array().unwrap().clone();
    (doc, quotes)
}

fn entity_name(doc: &Value, speaker: &Value) -> Option<String> {
    let id = speaker["entity"].as_str()?;
    doc["entities"]
        .as_array()?
        .iter()
        .find(|e| e["id"] == id)
        .and_then(|e| e["name"].as_str())
        .map(str::to_string)
}

#[test]
fn example_direct_quotes_have_speakers_and_no_function_word_or_name_only_quote() {
    let (doc, quotes) = example_quotes("speech");
    let names: Vec<String> = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["name"].as_str().map(str::to_string))
        .collect();
    let mut speakers = Vec::new();
    for q in &quotes {
        assert_eq!(q["cue_class"], "speech", "{q}");
        let text = q["text"].as_str().unwrap();
        assert!(
            !names.iter().any(|n| n == text),
            "a quote that is only a name: {text}"
        );
        let sp = &q["speaker"];
        if !sp.is_null() {
            let w = sp["text"].as_str().unwrap().to_lowercase();
            assert!(
                !["the", "that", "who", "which", "those", "this"].contains(&w.as_str())
                    || !sp["entity"].is_null(),
                "function-word speaker in {q}"
            );
        }
        if q["kind"] == "direct" {
            let name = entity_name(&doc, sp)
                .unwrap_or_else(|| panic!("direct quote without a resolved speaker: {q}"));
            speakers.push((sp["text"].as_str().unwrap().to_string(), name));
        }
    }
    for who in ["Zelenskyy", "Biden", "Stoltenberg"] {
        assert!(
            speakers.iter().any(|(_, n)| n.contains(who)),
            "{who} missing from {speakers:?}"
        );
    }
    assert!(
        speakers
            .iter()
            .any(|(t, n)| t.eq_ignore_ascii_case("he") && n.contains("Biden")),
        "no resolved \"he said\": {speakers:?}"
    );
}

#[test]
fn all_keeps_more_attributions_than_speech() {
    let text = "The inspectors are expected to start their work in the coming weeks. The minister said the talks failed.\n";
    let (_, speech) = quotes_of(text, "speech");
    let (_, all) = quotes_of(text, "all");
    assert!(speech.iter().all(|q| q["cue_class"] == "speech"));
    assert!(
        all.iter().any(|q| q["cue_class"] == "expectation"),
        "{all:?}"
    );
    assert!(all.len() > speech.len());
}

#[test]
fn agentless_passive_gives_no_subject_content_or_speaker() {
    let text = "The planned US pullout was announced as Turkey was preparing to send its military into Syria.\n";
    let (_, quotes) = quotes_of(text, "all");
    for q in &quotes {
        assert_ne!(q["text"], "The planned US pullout", "{q}");
        assert!(q["speaker"].is_null(), "{q}");
    }
    let (_, speech) = quotes_of(text, "speech");
    assert!(speech.is_empty(), "{speech:?}");
}

#[test]
fn that_said_is_no_cue() {
    let (_, quotes) = quotes_of(
        "That said, the economy grew by three percent last year.\n",
        "all",
    );
    assert!(quotes.is_empty(), "{quotes:?}");
}

#[test]
fn a_friend_of_a_person_is_not_that_person() {
    let text = "Shamima Begum left London in 2015. A friend of Begum said the baby had been ill for a week.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    let q = quotes
        .iter()
        .find(|q| q["cue"]["text"] == "said")
        .expect("the friend's quote");
    assert!(
        entity_name(&doc, &q["speaker"]).is_none_or(|n| !n.contains("Begum")),
        "{q}"
    );
}

#[test]
fn the_adjacent_verb_beats_a_distant_according_to() {
    let text =
        "Mark Smith spoke on Monday.\n“We will not leave the region,” he said, according to CNN.\n";
    let (_, quotes) = quotes_of(text, "speech");
    let q = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with("We will not"))
        .expect("the quote");
    assert_eq!(q["speaker"]["text"], "he", "{q}");
}

#[test]
fn double_curly_apostrophes_close_a_quote() {
    let text = "“If he were surrendered, he would face charges,’’ she said. The case continues in court.\n";
    let (_, quotes) = quotes_of(text, "speech");
    assert!(
        quotes
            .iter()
            .any(|q| q["text"] == "If he were surrendered, he would face charges"),
        "{quotes:?}"
    );
}

#[test]
fn a_quoted_fragment_is_mixed_and_keeps_both_marks() {
    let text = "Two years later, NATO called China a \"systemic challenge\" and said that it was \"cooperating with Russia\".\n";
    let (_, quotes) = quotes_of(text, "speech");
    for q in &quotes {
        let t = q["text"].as_str().unwrap();
        assert_eq!(t.matches('"').count() % 2, 0, "unbalanced marks: {t}");
        if t.contains("systemic") {
            assert_eq!(q["kind"], "mixed", "{q}");
        }
    }
}

#[test]
fn a_definite_descriptor_speaks_for_the_person_titled_so_earlier() {
    let text = "French President Emmanuel Macron met Vladimir Putin in Sochi on Tuesday.\n\nThe two leaders discussed the border. \"We will not accept a new wave of refugees,\" the president said.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    let q = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("refugees"))
        .expect("the quote");
    assert_eq!(
        entity_name(&doc, &q["speaker"]).as_deref(),
        Some("Emmanuel Macron"),
        "{q}"
    );
}

#[test]
fn a_descriptor_with_no_titled_antecedent_stays_unresolved() {
    // Nobody is introduced as a president, so "the president" names no one.
    let text = "Vladimir Putin met Recep Tayyip Erdogan in Sochi on Tuesday.\n\n\"We will not accept a new wave of refugees,\" the president said.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    let q = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("refugees"))
        .expect("the quote");
    assert_eq!(entity_name(&doc, &q["speaker"]), None, "{q}");
}

#[test]
fn the_group_and_it_speak_for_the_organisation_just_named() {
    let text = "Amnesty International published a report on the prisons on Monday.\n\n\"Torture is systematic,\" the group said. It added that the guards were never punished.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    for needle in ["Torture", "guards"] {
        let q = quotes
            .iter()
            .find(|q| q["text"].as_str().unwrap().contains(needle))
            .unwrap_or_else(|| panic!("no quote with {needle}: {quotes:?}"));
        assert_eq!(
            entity_name(&doc, &q["speaker"]).as_deref(),
            Some("Amnesty International"),
            "{q}"
        );
    }
}

#[test]
fn the_hearer_of_told_is_not_part_of_what_was_said() {
    let text = "Begum told the Times she had lost two young children.\n\nErdogan told reporters at a briefing on Tuesday that Turkey would enter.\n";
    let (_, quotes) = quotes_of(text, "speech");
    let texts: Vec<&str> = quotes.iter().map(|q| q["text"].as_str().unwrap()).collect();
    assert!(
        texts.contains(&"she had lost two young children"),
        "{texts:?}"
    );
    assert!(texts.contains(&"Turkey would enter"), "{texts:?}");
}

#[test]
fn a_participle_describing_a_noun_reports_nothing() {
    let text = "Footage posted on social media showed the convoy crossing the border.\n\nThey live in a place called Rojava.\n";
    let (_, quotes) = quotes_of(text, "all");
    assert!(
        quotes
            .iter()
            .all(|q| !matches!(q["cue"]["text"].as_str(), Some("posted" | "called"))),
        "{quotes:?}"
    );
}

/// The names of a quote's speaker and of the speakers coordinated with it, sorted.
fn all_speakers(doc: &Value, q: &Value) -> Vec<String> {
    let mut names = vec![entity_name(doc, &q["speaker"]).expect("a speaker")];
    for id in q["speaker"]["also"].as_array().expect("also") {
        names.push(entity_name(doc, &serde_json::json!({ "entity": id })).unwrap());
    }
    names.sort();
    names
}

#[test]
fn a_coordinated_speaker_named_in_apposition_is_kept() {
    // "A and the title, NAME": the parse makes the name a second subject.
    let text = "Boris Johnson and the Irish prime minister, Leo Varadkar, have promised the border would stay open.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    let q = &quotes[0];
    assert_eq!(
        all_speakers(&doc, q),
        ["Boris Johnson", "Leo Varadkar"],
        "{q}"
    );
}

#[test]
fn coordinated_speakers_are_all_kept() {
    let text = "Donald Trump and Mike Pence said the election was rigged.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    let q = &quotes[0];
    assert_eq!(all_speakers(&doc, q), ["Donald Trump", "Mike Pence"], "{q}");
}

#[test]
fn a_source_of_a_campaign_is_not_its_candidate_but_affiliated_to_it() {
    let text = "A Trump campaign source told NBC that the rally would go ahead.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    let q = &quotes[0];
    assert!(q["speaker"]["entity"].is_null(), "{q}");
    assert_eq!(
        entity_name(
            &doc,
            &serde_json::json!({ "entity": q["speaker"]["affiliation"] })
        )
        .as_deref(),
        Some("Trump"),
        "{q}"
    );
}

#[test]
fn a_name_inside_a_quote_is_not_its_speaker() {
    let text = "When I asked Ricardo Alvarez about the guards, he laughed.\n\n\"Jihadi John was a complete psycho,\" he said.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    let q = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("psycho"))
        .expect("the quote");
    assert_eq!(
        entity_name(&doc, &q["speaker"]).as_deref(),
        Some("Ricardo Alvarez"),
        "{q}"
    );
}

#[test]
fn a_demonym_heading_the_source_is_a_person_of_that_country() {
    let text = "\"It was discussed last night,\" said the second Canadian.\n";
    let (_, quotes) = quotes_of(text, "speech");
    let q = &quotes[0];
    assert!(q["speaker"]["entity"].is_null(), "{q}");
    assert!(!q["speaker"]["affiliation"].is_null(), "{q}");
}

#[test]
fn a_plural_demonym_with_a_quantifier_is_people_not_the_country() {
    let text = "Some Syrians say the regime will never fall.\n\nThe Russians said the strikes were illegal.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    let some = quotes.iter().find(|q| q["cue"]["text"] == "say").unwrap();
    assert!(some["speaker"]["entity"].is_null(), "{some}");
    assert!(!some["speaker"]["affiliation"].is_null(), "{some}");
    let the = quotes.iter().find(|q| q["cue"]["text"] == "said").unwrap();
    assert_eq!(
        entity_name(&doc, &the["speaker"]).as_deref(),
        Some("Russia"),
        "{the}"
    );
}

#[test]
fn an_opening_bare_participle_is_a_passive_and_reports_nothing() {
    let text = "Asked about the poisoning, Yakovenko denied that Russia was involved.\n";
    let (_, quotes) = quotes_of(text, "all");
    assert!(
        quotes.iter().all(|q| q["cue"]["text"] != "Asked"),
        "{quotes:?}"
    );
    let q = quotes
        .iter()
        .find(|q| q["cue"]["text"] == "denied")
        .unwrap();
    assert_eq!(q["speaker"]["text"], "Yakovenko", "{q}");
    assert_eq!(q["text"], "that Russia was involved", "{q}");
}

#[test]
fn a_negated_speech_verb_is_not_speech() {
    let text = "The minister did not say whether the talks had failed.\n\nThe minister said the talks had failed.\n";
    let (_, speech) = quotes_of(text, "speech");
    assert_eq!(speech.len(), 1, "{speech:?}");
    let (_, all) = quotes_of(text, "all");
    assert!(all.iter().any(|q| q["cue_class"] == "other"), "{all:?}");
}

/// The entity of the speaker of the quote whose text holds `part`.
fn speaker_of(doc: &Value, quotes: &[Value], part: &str) -> Option<String> {
    let q = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains(part))
        .unwrap_or_else(|| panic!("no quote with {part:?}: {quotes:?}"));
    entity_name(doc, &q["speaker"])
}

#[test]
fn a_name_that_modifies_a_noun_is_no_antecedent() {
    let text = "Mary Fowler, a veteran Labour councillor who is a Corbyn critic on most issues, condemned the budget plan.\n\nShe added that the cuts to the library service would hurt poorer families.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "library service").as_deref(),
        Some("Mary Fowler"),
        "{quotes:?}"
    );
}

#[test]
fn a_pronoun_prefers_the_main_clause_subject_to_an_embedded_one() {
    let text = "Ambassador Viktor Orlov has demanded evidence that Yelena Sokolova was still in the country.\n\nHe said the police inquiry had been flawed from the start.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "police inquiry").as_deref(),
        Some("Viktor Orlov"),
        "{quotes:?}"
    );
}

#[test]
fn a_pronoun_continuing_a_run_of_quotes_is_not_a_name_inside_the_last_one() {
    // The second "He" repeats the first one's speaker, not Peter Hall, whom
    // the first quote is about.
    let text = "Mark Ellis met the finance committee on Tuesday.\n\nHe said Peter Hall had approved the budget.\n\nHe said the money would run out by March.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "run out").as_deref(),
        Some("Mark Ellis"),
        "{quotes:?}"
    );
}

#[test]
fn they_stands_for_coordinated_people() {
    let text = "Tom Walker and Peter Harris were arrested in the city last year.\n\nThey said the charges against them had been invented by the police.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    let q = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("charges"))
        .expect("the quote");
    assert_eq!(all_speakers(&doc, q), ["Peter Harris", "Tom Walker"], "{q}");
}

#[test]
fn we_is_not_resolved_to_an_organisation_named_nearby() {
    let text = "Inspectors from the World Health Organization arrived in the capital on Monday.\n\nWe asked whether the hospitals could cope with the outbreak.\n";
    let (_, quotes) = quotes_of(text, "all");
    for q in quotes.iter().filter(|q| {
        q["speaker"]["text"]
            .as_str()
            .is_some_and(|s| s.eq_ignore_ascii_case("we"))
    }) {
        assert!(q["speaker"]["entity"].is_null(), "{q}");
    }
}

#[test]
fn a_time_phrase_is_no_speaker() {
    // "on Monday" before the cue: the noun phrase before it speaks.
    let text = "Turkish-backed fighters on Monday described the town as a “fortress”, saying it would fall.\n";
    let (_, quotes) = quotes_of(text, "all");
    let q = quotes
        .iter()
        .find(|q| q["cue"]["text"] == "described")
        .expect("the description");
    assert_eq!(q["speaker"]["text"], "fighters", "{q}");
    // "at the same time asking": no one, rather than the time.
    let text = "Begum was stripped of her passport after the interview, while at the same time asking to come home.\n";
    let (_, quotes) = quotes_of(text, "all");
    assert!(
        quotes
            .iter()
            .all(|q| q["speaker"]["text"] != "the same time"),
        "{quotes:?}"
    );
}

#[test]
fn a_descriptor_in_the_lede_is_the_person_the_next_sentence_names() {
    let text = "Trade talks will resume next month, the Danish trade minister has said. Maria Jensen told reporters in Brussels that the two sides were close.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    let q = quotes
        .iter()
        .find(|q| q["speaker"]["text"] == "the Danish trade minister")
        .expect("the lede's quote");
    assert_eq!(
        entity_name(&doc, &q["speaker"]).as_deref(),
        Some("Maria Jensen"),
        "{q}"
    );
}

#[test]
fn a_pronoun_looks_past_a_long_quotation_to_its_speaker() {
    let text = "On Friday, Jack Letts told ITV News: \"I miss people mostly. I miss my mum. Five years I have not seen her. I miss pasties. And Doctor Who. I feel British.\"\n\nHe said he did not know if his passport would still be valid.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "passport").as_deref(),
        Some("Jack Letts"),
        "{quotes:?}"
    );
}

#[test]
fn a_descriptor_continues_the_one_person_of_the_sentence_before() {
    let text = "Emmanuel Macron has threatened to send more troops to the Sahel since February.\n\nThe president said the operation would start within days.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "operation").as_deref(),
        Some("Emmanuel Macron"),
        "{quotes:?}"
    );
}

#[test]
fn she_is_not_resolved_to_a_man_by_his_first_name() {
    let text = "Anna Petrova criticised the plan on Monday, and Sergei Ivanov defended it.\n\nShe said the talks had failed.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "talks").as_deref(),
        Some("Anna Petrova"),
        "{quotes:?}"
    );
}

#[test]
fn a_fragment_is_its_own_clauses_speakers_not_the_previous_quotes() {
    let text = "In a statement on Sunday, the commander Nesrin Abdullah said: “Her death is a great loss to us. We will represent her in all our struggles.” Her father, Dirk Campbell, described her as a “beautiful and loving daughter” who “would go to any lengths to create the world that she believed in”.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "loving daughter").as_deref(),
        Some("Dirk Campbell"),
        "{quotes:?}"
    );
}

#[test]
fn a_pronoun_after_an_unnamed_speaker_refers_to_that_phrase() {
    let text = "Aid workers reached the town on Monday. \"We are standing before a massacre,\" said a doctor in the eastern district. \"A child came to me who was blue in the face,\" he added.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    let q = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("blue in the face"))
        .expect("the second quote");
    assert_eq!(entity_name(&doc, &q["speaker"]), None, "{q}");
    assert_eq!(
        q["speaker"]["refers_to"]["text"].as_str(),
        Some("a doctor"),
        "{q}"
    );
}

#[test]
fn a_report_under_a_condition_is_not_speech() {
    let text = "If he gets his way, the president will announce next week that the group has been defeated.\n\nThe minister said the talks would resume on Monday.\n";
    let (_, speech) = quotes_of(text, "speech");
    assert!(
        speech
            .iter()
            .all(|q| !q["text"].as_str().unwrap().contains("defeated")),
        "{speech:?}"
    );
    assert!(
        speech
            .iter()
            .any(|q| q["text"].as_str().unwrap().contains("talks would resume")),
        "{speech:?}"
    );
    let (_, all) = quotes_of(text, "all");
    let q = all
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("defeated"))
        .expect("kept with every attribution");
    assert_eq!(q["cue_class"], "other", "{q}");
}

#[test]
fn a_name_in_apposition_to_a_title_is_the_speaker() {
    let text = "Former CIA director Mike Pompeo said the agency would respond.\n\nThe director of the UK surveillance agency GCHQ, Jeremy Fleming, has accused Russia of being behind the attack.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "behind the attack").as_deref(),
        Some("Jeremy Fleming"),
        "{quotes:?}"
    );
}

#[test]
fn of_several_subjects_the_one_next_to_the_cue_speaks() {
    // The parse gives "say" two subjects, "That" and "many farmers".
    let text = "That is why many farmers say the new rules will hurt them.\n";
    let (_, quotes) = quotes_of(text, "speech");
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0]["speaker"]["text"], "many farmers");
    // "those" and "surveyed", both subjects of "said", are one speaker.
    let text = "Once again, those surveyed said the economy was their top issue.\n";
    let (_, quotes) = quotes_of(text, "speech");
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0]["speaker"]["text"], "those surveyed");
}

#[test]
fn the_name_after_a_descriptor_and_the_name_at_the_head_speak() {
    // A passive's agent keeps the name that follows its descriptor (the
    // content is the quotation, not the agent phrase).
    let text =
        "The warning was echoed by the veteran lawyer Daniel Cohen: “It is a scandal and it must stop now.”\n";
    let (doc, quotes) = quotes_of(text, "speech");
    let q = quotes
        .iter()
        .find(|q| q["cue"]["text"] == "was echoed")
        .expect("the echo");
    assert_eq!(
        q["speaker"]["text"], "the veteran lawyer Daniel Cohen",
        "{q}"
    );
    assert_eq!(
        entity_name(&doc, &q["speaker"]).as_deref(),
        Some("Daniel Cohen")
    );
    // The person heading the phrase, not one named in its apposition.
    for text in [
        "Omar Haddad, a Syrian Democratic Forces (SDF) spokesman, said dozens of fighters had surrendered.\n",
        "Omar Haddad, an adviser to the UN envoy for Syria, Staffan de Mistura, said the talks would resume.\n",
    ] {
        let (doc, quotes) = quotes_of(text, "speech");
        assert_eq!(quotes.len(), 1, "{quotes:?}");
        assert_eq!(
            entity_name(&doc, &quotes[0]["speaker"]).as_deref(),
            Some("Omar Haddad")
        );
    }
}

#[test]
fn an_opening_participles_clause_is_no_speaker_the_name_after_it_is() {
    let text = "Speaking to the Observer, Maria Jensen, mother of Anna Jensen, said her daughter had been misled.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "misled").as_deref(),
        Some("Maria Jensen"),
        "{quotes:?}"
    );
}

#[test]
fn a_descriptor_continues_the_named_speaker_of_the_quote_before() {
    // Two people in the sentence before: only the speaker tells which.
    let text = "The inquiry will focus on what Anna Berg told the police, her colleague Peter Olsen said on Sunday.\n\n\"We want answers,\" the trade minister told reporters.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "answers").as_deref(),
        Some("Peter Olsen"),
        "{quotes:?}"
    );
}

#[test]
fn a_cue_after_an_adverbial_clause_does_not_take_its_subject() {
    let text = "Rebel fighters are trying to negotiate with the army’s backer, Iran, as the enclave in northern Hama province rapidly shrinks under airstrikes and shelling, but say the terms offered are hard to accept.\n";
    let (_, quotes) = quotes_of(text, "speech");
    let q = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("terms"))
        .expect("the quote");
    assert_eq!(q["speaker"]["text"], "Rebel fighters", "{q}");
}

#[test]
fn a_descriptor_naming_a_country_continues_a_speaker_named_beside_it() {
    let text = "US President Donald Trump met Emmanuel Macron on Monday. \"We are looking very seriously at that,\" Trump said ahead of a meeting with Angela Merkel.\n\nEarlier on Monday, the US leader stepped back from his promise, tweeting that he never gave a timetable.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "timetable").as_deref(),
        Some("Donald Trump"),
        "{quotes:?}"
    );
}

#[test]
fn the_one_an_outlet_quotes_speaks_not_the_outlet() {
    // "X quoted Y as saying": one quote, Y's; a passive "was quoted as
    // saying" keeps its subject as the speaker.
    let text = "Umm Abdullah fled to Kobani last year. The AFP news agency quoted her as saying: \"I can't describe my happiness.\"\n\nReuters quoted a US official as saying the troop pullout would take weeks.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "happiness").as_deref(),
        Some("Umm Abdullah"),
        "{quotes:?}"
    );
    let pullout: Vec<&Value> = quotes
        .iter()
        .filter(|q| q["text"].as_str().unwrap().contains("pullout"))
        .collect();
    assert_eq!(pullout.len(), 1, "{quotes:?}");
    assert_eq!(pullout[0]["speaker"]["text"], "a US official", "{quotes:?}");
    // The parse may hang "as saying" on the object; a passive's subject
    // speaks, not the outlet in its "by" phrase.
    let text = "Reuters quoted a US official as saying the pullout would take weeks.\n\nTrump was quoted as saying by Interfax that the war would end soon.\n";
    let (_, quotes) = quotes_of(text, "speech");
    let speakers: Vec<&str> = quotes
        .iter()
        .map(|q| q["speaker"]["text"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(speakers, ["a US official", "Trump"], "{quotes:?}");
    // What the "as" clause says, without "as saying by Interfax".
    assert_eq!(
        quotes[1]["text"], "that the war would end soon",
        "{quotes:?}"
    );
}

#[test]
fn a_gerund_of_speech_on_an_object_is_the_objects_quote() {
    // "reports her saying": the outlet only relays, and gives no quote of its own.
    let text = "Kate Osamor spoke in Leeds on Monday. Politics Home reports her saying: \"He needs to be removed.\"\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(
        speaker_of(&doc, &quotes, "removed").as_deref(),
        Some("Kate Osamor"),
        "{quotes:?}"
    );
}

#[test]
fn the_writer_contacted_to_say_is_no_speaker() {
    // A purpose infinitive after "contacted us": the subject speaks.
    let text = "Kaya Kayaoglu contacted us to say he does not represent Robinson.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "represent").as_deref(),
        Some("Kaya Kayaoglu"),
        "{quotes:?}"
    );
}

#[test]
fn a_lede_descriptor_is_named_in_the_third_sentence_when_the_second_names_no_one() {
    let text = "The prime minister has confirmed the government is working with the Red Cross on the camps. There are an estimated 70 children born to Australian nationals in the camps. Scott Morrison stood by his earlier comments on Friday.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "Red Cross").as_deref(),
        Some("Scott Morrison"),
        "{quotes:?}"
    );
}

#[test]
fn a_lede_group_descriptor_is_the_organisation_the_next_sentence_names() {
    let text = "The rights group that has documented the abuses has said the trial of the three activists was unfair. Amnesty International, which has followed the case for years, said the verdict should be quashed.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "trial").as_deref(),
        Some("Amnesty International"),
        "{quotes:?}"
    );
}

#[test]
fn a_descriptor_is_the_person_titled_so_in_the_sentences_after() {
    let text = "Officials met in Geneva on Monday to discuss the talks. The spokesman said no date had been set for a second round. Ahmed Fawzi, the spokesman for the mediators, will brief reporters on Tuesday.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "second round").as_deref(),
        Some("Ahmed Fawzi"),
        "{quotes:?}"
    );
}

#[test]
fn an_institution_is_the_country_that_named_the_same_noun_before() {
    // "the defence ministry" after "The Russian defence ministry"; a
    // demonym before an institution is the state's, not a person.
    let text = "The Russian defence ministry said its military police had begun patrolling Douma. Rebels left the town on Thursday. The defence ministry said the patrols would continue.\n\nThe Australian government said the camps were too dangerous.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "patrols would").as_deref(),
        Some("Russia"),
        "{quotes:?}"
    );
    assert_eq!(
        speaker_of(&doc, &quotes, "too dangerous").as_deref(),
        Some("Australia"),
        "{quotes:?}"
    );
}

#[test]
fn an_outlet_that_reported_a_signed_quote_does_not_take_it() {
    let text = "\"The investigation should not be left to the agencies whose actions are being questioned. The investigator should not be the investigated,\" lawyer Enrique Moreno said at a press conference, NBC News reported.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert!(
        quotes.iter().all(|q| q["speaker"]["text"] != "NBC News"),
        "{quotes:?}"
    );
    assert_eq!(
        speaker_of(&doc, &quotes, "investigated").as_deref(),
        Some("Enrique Moreno"),
        "{quotes:?}"
    );
}

#[test]
fn a_place_the_speaker_is_from_does_not_speak() {
    // The parse gives "said" no subject; the nearest name before the cue
    // is the place after "from", and the person named before it speaks.
    let text = "With a radio in one hand and another device to talk with his men in the other, Ahmed, 25, from Raqqa, said the local units had been crucial in the advance.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "crucial").as_deref(),
        Some("Ahmed"),
        "{quotes:?}"
    );
}

#[test]
fn a_mixed_quote_keeps_the_closing_mark_set_after_its_comma() {
    let text = "Mining is not \"a bolt-on business,\" Smith said, but a core one.\n";
    let (_, quotes) = quotes_of(text, "speech");
    let q = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().starts_with("Mining"))
        .expect("the quote");
    assert_eq!(q["text"], "Mining is not \"a bolt-on business,\"", "{q}");
}

#[test]
fn the_time_before_a_reported_clause_is_not_its_content() {
    let text =
        "The embassy reported Wednesday that the air quality had reached hazardous levels.\n";
    let (_, quotes) = quotes_of(text, "speech");
    assert!(
        quotes
            .iter()
            .any(|q| q["text"] == "that the air quality had reached hazardous levels"),
        "{quotes:?}"
    );
}

#[test]
fn a_mother_named_in_apposition_is_the_next_she_and_his_mother() {
    // "Ollie" is a given name of either sex: the narration's "he" says
    // which; "His mother, Jane Vance," titles her for "his mother" later.
    let text = "Ollie Vance was so angered by the attack that he decided to join the army. His mother, Jane Vance, said her son had been careful. She said he had planned to come home in May. Outside the court, his mother said she wanted answers.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    for part in ["been careful", "come home", "wanted answers"] {
        assert_eq!(
            speaker_of(&doc, &quotes, part).as_deref(),
            Some("Jane Vance"),
            "{part}: {quotes:?}"
        );
    }
}

#[test]
fn a_pronoun_after_a_possessed_kin_noun_refers_to_that_phrase() {
    let text = "Anna Berg was last seen in the mountains in May. Her father, speaking from Oslo, urged rescuers to keep looking. “We still have hope,” he said.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    let q = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("still have hope"))
        .expect("the quote");
    assert_eq!(entity_name(&doc, &q["speaker"]), None, "{q}");
    assert_eq!(
        q["speaker"]["refers_to"]["text"].as_str(),
        Some("Her father"),
        "{q}"
    );
}

#[test]
fn a_descriptor_takes_the_name_in_apposition_after_it() {
    let text = "Lena Park has been told by the foreign secretary, Peter Hale, that her passport will be cancelled.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "passport").as_deref(),
        Some("Peter Hale"),
        "{quotes:?}"
    );
}

#[test]
fn a_descriptor_is_not_someone_titled_with_another_office() {
    // "the health minister" is not "The foreign minister, Julie Marsh".
    let text = "The foreign minister, Julie Marsh, met officials on Monday. The plan was sound, Greg Hale said on Sunday. “It protects everyone,” the health minister told reporters.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "protects everyone").as_deref(),
        Some("Greg Hale"),
        "{quotes:?}"
    );
}

#[test]
fn a_pronoun_takes_the_man_named_last_though_not_a_subject() {
    // The sentence before names only Thomas Becker, as an object; an older
    // subject (Mark Ellis) is not the antecedent.
    let text = "Mark Ellis opened the inquiry in March.\n\nLast week the committee met Thomas Becker in Vienna.\n\nHe said the money had been spent on roads.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "spent on roads").as_deref(),
        Some("Thomas Becker"),
        "{quotes:?}"
    );
}

#[test]
fn a_sentence_whose_subject_is_the_same_pronoun_offers_no_object_antecedent() {
    // "He criticised Thomas Becker" continues Mark Ellis's topic.
    let text = "Mark Ellis opened the inquiry in March.\n\nHe criticised Thomas Becker in Vienna.\n\nHe said the money had been spent on roads.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "spent on roads").as_deref(),
        Some("Mark Ellis"),
        "{quotes:?}"
    );
}

#[test]
fn a_naming_participle_or_a_command_to_the_reader_is_no_speech() {
    // "a charity called “…”" names a thing; "• Read more …" is a link's
    // command; Kemal Aydin's "said" stays speech.
    let text = "The women trained with a charity called “the Lotus Flower” in Erbil.\n\nKemal Aydin said the project would grow.\n\nJoin the debate • Read more Guardian letters – click here\n";
    let (doc, quotes) = quotes_of(text, "speech");
    let texts: Vec<&str> = quotes.iter().filter_map(|q| q["text"].as_str()).collect();
    assert!(
        texts
            .iter()
            .all(|t| !t.contains("Lotus") && !t.contains("Guardian letters")),
        "{texts:?}"
    );
    assert_eq!(
        speaker_of(&doc, &quotes, "project would grow").as_deref(),
        Some("Kemal Aydin"),
        "{quotes:?}"
    );
}

#[test]
fn sentences_whose_subject_is_the_same_pronoun_do_not_hide_the_name() {
    // Maria Lopez is five sentences back, four of them "She …".
    let text = "Maria Lopez moved to Valencia in 2010.\n\nShe found work at the port. She then had her first child. In 2015, the family bought a small house. She opened a bakery near the harbour. She told reporters the shop had survived the storm.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "survived the storm").as_deref(),
        Some("Maria Lopez"),
        "{quotes:?}"
    );
}

#[test]
fn an_unnamed_speaker_before_the_last_named_one_does_not_block_her() {
    // The nurse spoke before Sonia Marsh, so "she" may reach back to Marsh
    // past her long quotation.
    let text = "A nurse at the camp said the tents were flooded. The camp now holds 60,000 people, said Sonia Marsh, the aid agency's director. “The children are cold. They sleep in the mud. Many have no shoes. The schools are closed. The clinics are full.” Whatever the cause, every family deserved shelter, she said.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "deserved shelter").as_deref(),
        Some("Sonia Marsh"),
        "{quotes:?}"
    );
}

#[test]
fn a_descriptor_continues_the_subject_past_a_sentence_about_him() {
    // "His ministry has not been …" names no one but goes on about Ellis.
    let text = "The ferry strike entered its third week.\n\nMark Ellis is another reason to be careful. His ministry has not been burdened by scruples, and it is hard to trust his new concern for ferries. The minister called the strike a disgrace.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "disgrace").as_deref(),
        Some("Mark Ellis"),
        "{quotes:?}"
    );
}

#[test]
fn a_descriptor_continues_the_last_speaker_when_no_one_is_named_since() {
    // Three sentences back, no one named since, and "secretary general"
    // stands in a sentence that names him.
    let text = "It is the duty of António Guterres as secretary general to warn the powers. “The old rivalry is back,” Guterres said. The difference is that the armies now stand side by side. Warships from three navies sail in the same waters. “The safeguards are gone,” the secretary general said.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "safeguards").as_deref(),
        Some("António Guterres"),
        "{quotes:?}"
    );
}

#[test]
fn a_bare_institution_reaches_back_through_bare_mentions_of_it() {
    let text = "The Russian embassy in London has demanded proof that she is free. A statement issued by the police said she had refused help from the embassy. But the embassy claims the statement was written for her.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "written for her").as_deref(),
        Some("Russia"),
        "{quotes:?}"
    );
}

#[test]
fn a_pronoun_after_an_unnamed_descriptor_refers_to_it() {
    // "A spokesman … the spokesman said. … he said": still no one named.
    let text = "A spokesman for the network told reporters that 1,600 prisoners had died. The fate of the others is the task of the courts, the spokesman said. “We are still searching for the graves,” he said.\n";
    let (_, quotes) = quotes_of(text, "speech");
    let q = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("graves"))
        .unwrap();
    assert!(q["speaker"]["entity"].is_null(), "{q}");
    // The phrase that introduced him as subject, or the one that spoke since.
    let phrase = q["speaker"]["refers_to"]["text"].as_str();
    assert!(
        matches!(phrase, Some("A spokesman" | "the spokesman")),
        "{q}"
    );
}

#[test]
fn a_group_descriptor_is_the_organisation_its_spokesman_spoke_for() {
    let text = "The Red Cross and the Red Crescent said they would send trucks. Ali Hassan, a spokesman for the Red Crescent, said the road was open. The organisation said it had sent 40 trucks.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "40 trucks").as_deref(),
        Some("Red Crescent"),
        "{quotes:?}"
    );
}

#[test]
fn the_official_is_the_person_titled_official_before() {
    let text = "Jets circled over the old city all day. Dara Aziz, a Kurdish security official, said the fighters rarely left their tunnels. “They will not leave,” the official said.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    assert_eq!(
        speaker_of(&doc, &quotes, "will not leave").as_deref(),
        Some("Dara Aziz"),
        "{quotes:?}"
    );
}

#[test]
fn a_fronted_according_to_phrase_does_not_title_the_subject() {
    // "the official" is the unnamed official, not Nora Quinn.
    let text = "According to a senior city official, Nora Quinn agreed on Tuesday to keep the library open. “We will not close it this year,” the official said.\n";
    let (doc, quotes) = quotes_of(text, "speech");
    let q = quotes
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("close it"))
        .unwrap();
    assert_eq!(entity_name(&doc, &q["speaker"]), None, "{q}");
}

/// #6 on the example: every direct quote is found with its speaker's
/// entity, including the "he said" and "he added" that name nobody.
#[test]
fn issue_6_example_quotes_have_their_speakers() {
    let doc = &example_document();
    check_document(doc);
    let entity_name = |id: &Value| name_by_id(doc, id);
    let quote = |start: &str| {
        doc["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["text"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("no quote {start}"))
            .clone()
    };
    for (start, kind, speaker) in [
        ("It had been four years", "direct", "Joe Biden"),
        ("It was here where they made", "direct", "Joe Biden"),
        ("Our allies are looking", "direct", "Joe Biden"),
        ("Who else do you think", "direct", "Joe Biden"),
        ("There is no way to provide", "direct", "Jens Stoltenberg"),
        (
            "We are fighting for more air-defence",
            "direct",
            "Zelenskyy",
        ),
        ("We are also striving", "direct", "Zelenskyy"),
        ("NATO of \"breaching its boundary", "mixed", "Lin Jian"),
        (
            "that China is supplying machine tools",
            "indirect",
            "United States",
        ),
    ] {
        let q = quote(start);
        assert_eq!(q["kind"], kind, "{start}");
        let name = entity_name(&q["speaker"]["entity"]).unwrap_or_default();
        assert!(
            name.contains(speaker),
            "{start}: speaker {name:?}, wanted {speaker}"
        );
    }
    assert_eq!(
        quote("It had been four years")["speaker"]["text"],
        "he",
        "the pronoun stays a pronoun in the span"
    );
    assert_eq!(quote("We are also striving")["cue"]["text"], "added");
}

/// #6 (PolNeAR's broad notion, `--quotes all`): a cue after a closing mark signs that quote whatever the parse made
/// of the sentence; a verb never seen in training ("yells") still signs one;
/// a transcript's "PENCE:" inside a mark is the speaker, not part of the quote.
#[test]
fn issue_6_signed_quotes_and_transcript_speakers() {
    let text = "German Chancellor Angela Merkel met Mike Pence in Bratislava.\n\n\
\"We are in such a critical situation in Europe after the referendum in Britain,\" German Chancellor Angela Merkel told reporters after the day-long meeting that was held on a boat.\n\n\
\"Did you shoot him? He better not be dead,\" she yells while moving along the street.\n\n\
\"PENCE: Well, look, this is serious business for all of us.\n\n\
\"WALLACE: Do you really see those two as equivalent?\n\n\
“It’s a dog whistle to all Americans,” Rep. Gwen Moore (D-Wis.) said Friday.\n\n\
“I have been doing a lot of thinking recently about where we are as a country,” added Rep. Jim Clyburn (D-S.C.), the assistant leader of the Democratic caucus.\n\n\
Mr. Quiros was accused by the commission of using $50 million for personal expenses.\n\n\
While debating the nominees, a friend commented: \"For you, immigration is the most important reason to vote.\"\n\n\
The New York Times reports:\n\n\
\"Just 24 percent of the contributors to the campaign so far have given $200 or less.\"";
    let doc = &docs(&run(
        &["extract", "--layers", "quotes", "--quotes", "all", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let quotes = doc["quotes"].as_array().unwrap();
    let quote = |start: &str| {
        quotes
            .iter()
            .find(|q| q["text"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("no quote {start}: {quotes:?}"))
    };
    let merkel = quote("We are in such a critical situation");
    assert_eq!(merkel["kind"], "direct");
    assert_eq!(merkel["cue"]["text"], "told");
    assert!(
        merkel["speaker"]["text"]
            .as_str()
            .unwrap()
            .ends_with("Angela Merkel"),
        "{merkel}"
    );
    assert!(
        !quotes
            .iter()
            .any(|q| q["text"].as_str().unwrap().starts_with("reporters after")),
        "what follows the cue is not content: {quotes:?}"
    );
    assert_eq!(quote("Did you shoot him")["cue"]["text"], "yells");
    let pence = quote("Well, look");
    assert_eq!(pence["speaker"]["text"], "PENCE");
    let entity = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == pence["speaker"]["entity"])
        .expect("PENCE resolves");
    assert_eq!(entity["name"], "Mike Pence");
    assert_eq!(quote("Do you really see")["speaker"]["text"], "WALLACE");
    assert_eq!(
        quote("It’s a dog whistle")["speaker"]["text"],
        "Rep. Gwen Moore (D-Wis.)",
        "the words between mark and cue, not the parse's \"Friday\""
    );
    assert!(
        quote("I have been doing")["speaker"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Rep. Jim Clyburn"),
        "the name after an inverted cue"
    );
    // A passive's subject is reported about; its "by" agent is the speaker.
    let accused = quotes
        .iter()
        .find(|q| {
            q["cue"]["text"]
                .as_str()
                .is_some_and(|c| c.ends_with("accused"))
        })
        .expect("the passive report");
    assert_eq!(accused["speaker"]["text"], "the commission");
    let introduced = quote("For you, immigration");
    assert_eq!(
        (
            introduced["kind"].as_str(),
            introduced["cue"]["text"].as_str(),
            introduced["speaker"]["text"].as_str()
        ),
        (Some("direct"), Some("commented"), Some("a friend"))
    );
    // A report ending its paragraph with a colon introduces the next paragraph's quote.
    let reported = quote("Just 24 percent");
    assert_eq!(
        (
            reported["cue"]["text"].as_str(),
            reported["speaker"]["text"].as_str()
        ),
        (Some("reports"), Some("The New York Times")),
        "{reported}"
    );
}

/// #6: a report the parse hangs under another report's content ("she
/// believes") is part of that report, as PolNeAR annotates it; a coordinated
/// verb with no subject of its own reports for the outer speaker; a clause
/// opened by "but" after a closing mark does not sign the quote.
#[test]
fn issue_6_nested_reports_belong_to_the_outer_speaker() {
    let text = "Clinton said she believes the plan will fail.\n\n\
Trump tweeted in the early morning hours that Machado was “disgusting” and “a con” and encouraged Americans to “check out” her non-existent sex tape.\n\n\
Trump is promising lower taxes and “jobs, jobs, jobs,” but he has also intensified the dire warnings that have defined his bid.";
    let doc = &docs(&run(
        &["extract", "--layers", "quotes", "--quotes", "all", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let quotes = doc["quotes"].as_array().unwrap();
    let speaker_of = |start: &str| {
        quotes
            .iter()
            .find(|q| q["text"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("no quote {start}: {quotes:?}"))["speaker"]["text"]
            .clone()
    };
    assert_eq!(speaker_of("she believes"), "Clinton");
    assert!(
        !quotes.iter().any(|q| q["cue"]["text"] == "believes"),
        "no second report for the nested verb: {quotes:?}"
    );
    assert_eq!(
        speaker_of("to “check out”"),
        "Trump",
        "not Machado, the subject the parse gave it"
    );
    assert!(
        quotes
            .iter()
            .all(|q| !q["text"].as_str().unwrap().contains("encouraged")),
        "the outer content stops before the coordinated report: {quotes:?}"
    );
    assert!(
        quotes.iter().all(|q| q["speaker"]["text"] != "but he has"),
        "{quotes:?}"
    );
}

/// #6 (with `--quotes all`): speakers the parse does not give as a subject:
/// a noun phrase right before the cue, a name right after an inverted cue,
/// "as X put it"; and since #23, no quote from a headline.
#[test]
fn issue_6_speakers_without_a_parsed_subject() {
    let text = "Hillary Clinton Speaks ‘Directly To White People’ After Latest Police Shooting.\n\n\
Nearly eight of 10 voters say they plan to tune in.\n\n\
However debates in and of themselves are not likely to alter the campaign, noted NBC’s Dante Chinni.\n\n\
As Steven M. Rosenthal, a tax lawyer and senior fellow at the Urban-Brookings Tax Policy Center, recently put it, “Did Trump lower his taxes through legal tax avoidance, or illegal tax evasion?”";
    let doc = &docs(&run(
        &["extract", "--layers", "quotes", "--quotes", "all", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let quotes = doc["quotes"].as_array().unwrap();
    let speaker_of = |start: &str| {
        quotes
            .iter()
            .find(|q| q["text"].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("no quote {start}: {quotes:?}"))["speaker"]["text"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    // #23: a headline's scare quotes are credited to no one.
    assert!(
        quotes
            .iter()
            .filter(|q| q["text"]
                .as_str()
                .unwrap()
                .contains("Directly To White People"))
            .all(|q| q["speaker"].is_null()),
        "{quotes:?}"
    );
    assert!(speaker_of("they plan to tune in").ends_with("10 voters"));
    assert_eq!(speaker_of("However debates"), "NBC’s Dante Chinni");
    assert_eq!(speaker_of("Did Trump lower"), "Steven M. Rosenthal");
    // "As X put it" is speech: the default keeps that direct quote too.
    let speech = &docs(&run(
        &["extract", "--layers", "quotes", "-"],
        Some(text.as_bytes()),
    ))[0];
    assert!(
        speech["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .any(
                |q| q["text"].as_str().unwrap().starts_with("Did Trump lower")
                    && q["speaker"]["text"] == "Steven M. Rosenthal"
            ),
        "{speech}"
    );
}

/// #6: the tagger reads a sentence-initial "Trump" before an adverb as a
/// verb; the names come before the parse, so the word in a person's name is
/// a proper noun, the subject of the report, and its speaker.
#[test]
fn issue_6_names_are_proper_nouns_before_the_parse() {
    let text = "Donald Trump spoke in Ohio on Monday.\n\n\
Trump further described the incident as a “terrible situation,” but stopped short of calling the actions racially motivated.";
    let doc = &docs(&run(
        &["extract", "--layers", "quotes", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let quotes = doc["quotes"].as_array().unwrap();
    let described = quotes
        .iter()
        .find(|q| {
            q["cue"]["text"]
                .as_str()
                .is_some_and(|c| c.ends_with("described"))
        })
        .unwrap_or_else(|| panic!("{quotes:?}"));
    assert_eq!(described["speaker"]["text"], "Trump");
}

/// #6: "according to X" and a report set off by commas ("…, Mr. Clarke
/// said, he decided …") frame the whole clause around them: the verbs
/// inside it are not reports of their own.
#[test]
fn issue_6_according_to_and_parenthetical_reports_frame_their_clause() {
    let text = "Clinton plans to visit Charlotte on Sunday, according to a campaign aide.\n\n\
Back in Virginia, Mr. Clarke said, he decided to take aim at the coal industry.";
    let doc = &docs(&run(
        &["extract", "--layers", "quotes", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let quotes = doc["quotes"].as_array().unwrap();
    let cues: Vec<&str> = quotes
        .iter()
        .map(|q| q["cue"]["text"].as_str().unwrap())
        .collect();
    assert!(
        !cues.contains(&"plans") && !cues.contains(&"decided"),
        "{quotes:?}"
    );
    let aide = quotes
        .iter()
        .find(|q| q["cue"]["text"] == "according to")
        .unwrap_or_else(|| panic!("{quotes:?}"));
    assert_eq!(aide["speaker"]["text"], "a campaign aide");
    assert!(aide["text"]
        .as_str()
        .unwrap()
        .starts_with("Clinton plans to visit"));
    assert!(
        quotes.iter().any(|q| q["cue"]["text"] == "said"
            && q["speaker"]["text"] == "Mr. Clarke"
            && q["text"].as_str().unwrap().starts_with("he decided")),
        "{quotes:?}"
    );
}

/// #6: odd marks never fail the document; the unclosed one is flagged.
#[test]
fn issue_6_unbalanced_marks_give_a_warning_and_the_rest_still_parses() {
    let text = "“There is no way,\" Stoltenberg said. He added: \"we will never stop\n\nBiden said the talks were good.";
    let doc = &docs(&run(
        &["extract", "--layers", "quotes", "-"],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    assert!(doc["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w["code"] == "unbalanced_quotes"));
    let texts: Vec<&str> = doc["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"There is no way"), "{texts:?}");
    assert!(
        texts.iter().any(|t| t.starts_with("the talks were good")),
        "{texts:?}"
    );
}

#[test]
fn a_closing_speech_verb_with_its_own_speaker_signs_the_clause_before_it() {
    // The parse hangs "reported" under "insisted" (or "decided"): the
    // closing attribution still reports the whole clause, and the cue
    // inside it is no second report.
    for (text, speaker, content) in [
        (
            "The general insisted the truce did not apply to the northern districts, the state news agency reported.",
            "the state news agency",
            "The general insisted the truce did not apply to the northern districts",
        ),
        (
            "The company decided to close two factories, Reuters reported.",
            "Reuters",
            "The company decided to close two factories",
        ),
    ] {
        let (_, quotes) = quotes_of(text, "all");
        let found: Vec<(&str, &str)> = quotes
            .iter()
            .map(|q| (q["speaker"]["text"].as_str().unwrap_or(""), q["text"].as_str().unwrap()))
            .collect();
        assert!(found.contains(&(speaker, content)), "{found:?}");
        assert!(
            !found.iter().any(|(_, c)| c.ends_with("reported")),
            "the signature is no content: {found:?}"
        );
    }
}
