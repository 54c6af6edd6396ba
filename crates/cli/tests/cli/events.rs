//! Events (#24): the JSON `type` is the PLOVER code (a pledge is AGREE) and
//! `act` the act; everyday verbs make no event; denials, questions and
//! conditions are not asserted; common-noun actors; the aid tracker.

use super::*;

fn events_of(text: &str) -> (Value, Vec<EventRow>) {
    events_with_env(text, &[])
}

/// The events of the rules alone: the judge's threshold (raised for precision,
/// session 30) drops some conditionals, but their status is still the rules' to set.
fn events_of_rules(text: &str) -> Vec<EventRow> {
    events_with_env(text, &[("DOSSIER_NO_EVENT_JUDGE", "1")]).1
}

fn events_with_env(text: &str, env: &[(&str, &str)]) -> (Value, Vec<EventRow>) {
    let out = run_with_env(
        &["extract", "--from", "text", "-"],
        Some(text.as_bytes()),
        env,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = docs(&out).remove(0);
    check_document(&doc);
    let rows = event_rows(&doc);
    (doc, rows)
}

/// The JSON types of the rules' events (the judge aside), in order.
fn rule_types(text: &str) -> Vec<String> {
    events_of_rules(text).into_iter().map(|e| e.0).collect()
}

/// The JSON types of a text's events, in order.
fn types_of(text: &str) -> Vec<String> {
    events_of(text).1.into_iter().map(|e| e.0).collect()
}

/// The status of the event on `trigger` in `text` (which must have one).
fn status_of(text: &str, trigger: &str) -> String {
    let events = events_of_rules(text);
    events
        .into_iter()
        .find(|e| e.3 == trigger)
        .unwrap_or_else(|| panic!("{text}: no {trigger}"))
        .2
}

/// Each text makes no event; the message names the text and what it made.
fn assert_no_events(texts: &[&str]) {
    for text in texts {
        assert!(types_of(text).is_empty(), "{text}: {:?}", types_of(text));
    }
}

#[test]
fn everyday_verbs_make_no_event_unless_their_object_does() {
    for text in [
        "The jury took just 15 minutes.",
        "I trained on a sewing project.",
        "The minister went to the house.",
        "The president left early.",
    ] {
        let (_, events) = events_of(text);
        assert!(events.is_empty(), "{text}: {events:?}");
    }
    // (Territory taken is a military occupation: ASSAULT by the codebook.)
    let (_, events) = events_of("The rebels took control of the city.");
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        (events[0].0.as_str(), events[0].4.as_slice()),
        ("ASSAULT", ["rebels".to_string()].as_slice())
    );
}

#[test]
fn a_pledge_is_agree_with_its_act_and_a_denial_is_never_asserted() {
    let (_, events) = events_of("Germany pledged to send tanks to Ukraine.");
    assert_eq!(
        (
            events[0].0.as_str(),
            events[0].1.as_str(),
            events[0].2.as_str()
        ),
        ("AGREE", "AID", "pledged"),
        "{events:?}"
    );
    for text in [
        "Russia denied that it was sending troops to Syria.",
        "Germany did not send tanks to Ukraine.",
        "Will France send troops to Mali?",
        "If Iran attacks Israel, the US will respond.",
    ] {
        let events = events_of_rules(text);
        assert!(!events.is_empty(), "{text}");
        assert!(
            events.iter().all(|e| e.2 != "asserted"),
            "{text}: {events:?}"
        );
    }
}

#[test]
fn common_nouns_act_and_the_aid_tracker_finds_recipients_and_amounts() {
    let (_, events) = events_of("Police arrested 20 protesters.");
    assert_eq!(events[0].0, "COERCE");
    assert_eq!(
        (events[0].4.as_slice(), events[0].5.as_slice()),
        (
            ["police".to_string()].as_slice(),
            ["20 protesters".to_string()].as_slice()
        )
    );
    let (doc, events) =
        events_of("Germany will provide Ukraine with 500 million euros in military aid.");
    assert_eq!(
        (
            events[0].1.as_str(),
            events[0].4.as_slice(),
            events[0].5.as_slice()
        ),
        (
            "AID",
            ["Germany".to_string()].as_slice(),
            ["Ukraine".to_string()].as_slice()
        )
    );
    let quantity = doc["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == doc["events"][0]["quantity"])
        .expect("an amount");
    assert_eq!(
        (quantity["value"].as_f64(), quantity["unit"].as_str()),
        (Some(5e8), Some("EUR"))
    );
    // A rank is no amount; campaign money is no aid.
    let (doc, events) = events_of("Britain will send a third Patriot system to Ukraine.");
    assert_eq!(events[0].1, "AID");
    assert!(doc["events"][0]["quantity"].is_null(), "{events:?}");
    let (_, events) = events_of("The businessman gave $2,700 to the Trump campaign.");
    assert!(events.iter().all(|e| e.1 != "AID"), "{events:?}");
}

#[test]
fn the_example_has_no_event_on_announced_fighting_or_help() {
    let doc = &example_document();
    let triggers: Vec<&str> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["trigger"]["text"].as_str().unwrap())
        .collect();
    for bad in ["announced", "fighting", "help"] {
        assert!(!triggers.contains(&bad), "{bad}: {triggers:?}");
    }
    // Every pledged gift keeps its act for the aid tracker, under PLOVER's AGREE.
    for e in doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["act"] == "AID" && e["status"] == "pledged")
    {
        assert_eq!(e["type"], "AGREE");
    }
}

#[test]
fn attitudes_and_plain_reports_make_no_event_but_the_codebooks_speech_acts_do() {
    // Wanting, expecting, considering, believing, claiming, suggesting and insisting are no PLOVER acts.
    for text in [
        "Germany wants Russia to leave Ukraine.",
        "France expects Iran to comply.",
        "Turkey considers the YPG a terrorist group.",
        "Russia claimed that Ukraine had shelled the plant.",
        "Britain suggested that France could do more.",
        "Officials in Iran believe that the talks will fail.",
    ] {
        let (_, events) = events_of(text);
        assert!(events.is_empty(), "{text}: {events:?}");
    }
    let (_, events) = events_of("Turkey accused Russia of lying.");
    assert_eq!(
        (
            events[0].0.as_str(),
            events[0].4.as_slice(),
            events[0].5.as_slice()
        ),
        (
            "ACCUSE",
            ["Turkey".to_string()].as_slice(),
            ["Russia".to_string()].as_slice()
        ),
        "{events:?}"
    );
    let (_, events) = events_of("France urged Russia to withdraw its troops from Ukraine.");
    assert_eq!(
        events.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
        ["REQUEST"],
        "{events:?}"
    );
    // A question asked is no request; asking for something is.
    let (_, events) = events_of("The senator asked Mattis a question.");
    assert!(events.is_empty(), "{events:?}");
    let (_, events) = events_of("Ukraine asked Germany for help.");
    assert_eq!(
        events.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
        ["REQUEST"],
        "{events:?}"
    );
}

#[test]
fn an_event_needs_an_actor_who_acts() {
    // A subject that names no actor, a participle describing a noun, the one who dies: no event.
    for text in [
        "It condemned Russia.",
        "The imprisoned leader of the PKK wrote a letter.",
        "At least 29 children have died in Syria.",
    ] {
        let (_, events) = events_of(text);
        assert!(events.is_empty(), "{text}: {events:?}");
    }
    // An agentless passive keeps the one acted on; an attack may be the subject.
    let (_, events) = events_of("Three Egyptian protesters were arrested on Friday.");
    assert_eq!(
        events.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
        ["COERCE"],
        "{events:?}"
    );
    let (_, events) = events_of("A roadside bombing killed two Iraqi soldiers.");
    assert_eq!(
        events.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
        ["ASSAULT"],
        "{events:?}"
    );
    // An object pronoun is not the clause's own subject; a subject "she" makes
    // no event (a guess at whom it means was wrong one time in five).
    let (_, events) = events_of(
        "Hillary Clinton met Bernie Sanders on Monday. Clinton later criticised him for his vote.",
    );
    let criticised = events
        .iter()
        .find(|e| e.3 == "criticised")
        .expect("criticised");
    assert_eq!(
        (criticised.0.as_str(), &criticised.4[..], &criticised.5[..]),
        (
            "ACCUSE",
            &["Hillary Clinton".to_string()][..],
            &["Bernie Sanders".to_string()][..]
        ),
        "{events:?}"
    );
    // A court finding guilty is SANCTION (PLOVER's convict), not COERCE.
    let (_, events) = events_of("A court in Turkey convicted Aine Davis of terrorism.");
    assert_eq!(
        events.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
        ["SANCTION"],
        "{events:?}"
    );
}

#[test]
fn a_block_default_without_support_and_an_obligation_make_no_event() {
    // Verbs typed only by their CAMEO block's default, which neither the codebook nor the
    // synthetic stories back (lift < 2), and an obligation stated ("should", "must"): no event.
    for text in [
        "The government faces a difficult choice.",
        "The European Union should impose sanctions on Russia.",
        "Britain must send more tanks to Ukraine.",
    ] {
        let (_, events) = events_of(text);
        assert!(events.is_empty(), "{text}: {events:?}");
    }
    // Block defaults the judged Guardian rows show wrong (models/event-verb-corrections.tsv):
    // no event from the bare verb, or the corrected code ("withdrew" from a town is RETREAT).
    assert!(types_of("Canada established a communications channel with the Kurds.").is_empty());
    assert!(types_of("Millions of people were forced to flee their homes.").is_empty());
    assert_eq!(types_of("The YPG withdrew from Afrin."), ["RETREAT"]);
    // A CAMEO pattern's words lie at most two content words below the verb:
    // "military" in "doubts about military action" is no MOBILIZE by "given".
    assert_no_events(&[
        "David Davis has been given reassurance over the doubts about military action in Syria.",
        "Ministers have abandoned the very values that shaped the role of America.",
    ]);
    // A reported demand stays a REQUEST; a backed default stays.
    let (_, events) = events_of("Kyiv said that Germany must send more tanks.");
    assert_eq!(
        events.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
        ["REQUEST"],
        "{events:?}"
    );
    let (_, events) = events_of("Soldiers shot two protesters in Cairo.");
    assert_eq!(
        events.iter().map(|e| e.0.as_str()).collect::<Vec<_>>(),
        ["ASSAULT"],
        "{events:?}"
    );
}

#[test]
fn a_reported_obligation_is_a_demand_only_when_it_calls_on_an_actor() {
    // The one obliged is a state, a public body or armed group, or the one told: REQUEST.
    for text in [
        "Kyiv said that Germany must send more tanks.",
        "The minister said the rebels must lay down their arms.",
        "The president told Russia that it must withdraw its troops from Ukraine.",
        "The president said the world must not abandon Ukraine.",
        "The minister said the international community must act to stop the bombing.",
    ] {
        assert_eq!(types_of(text), ["REQUEST"], "{text}");
    }
    // A view of what should be calls on no one: a passive, a person named alone, a
    // first person, a state of mind asked for.
    assert_no_events(&[
        "The senator said the prisoners should be released.",
        "The senator said the mayor should be replaced.",
        "The mayor said we must learn from the floods.",
        "The spokeswoman said the governor should know about it.",
    ]);
}

#[test]
fn a_demand_not_to_act_is_a_demand_made() {
    // "must not": what is demanded is negative; the demand itself was made.
    let status = status_of(
        "The president said the world must not abandon Ukraine.",
        "abandon",
    );
    assert_eq!(status, "reported");
}

#[test]
fn acts_not_done_nor_done_by_anyone_make_no_event() {
    // A quantifier of no one as subject or object, an act failed or only asked
    // for, an act only possible: the act itself is no event.
    for (text, act_verb) in [
        ("None of the big powers supported the plan.", "supported"),
        ("No country has sent troops to Mali.", "sent"),
        ("Russia gave Ukraine no guarantees.", "gave"),
        (
            "Britain failed to persuade France to join the coalition.",
            "persuade",
        ),
        ("Turkey urged Iraq to extradite the suspects.", "extradite"),
        ("Turkey and the US may yet reach a deal on Syria.", "reach"),
        (
            "It is quite possible that Nato will attack the city.",
            "attack",
        ),
        // What someone has to do, or has yet to do, like "must": not done.
        ("The rebels have to attack the city.", "attack"),
        ("The rebels have yet to attack the city.", "attack"),
        // A capability, and a later conjunct sharing its modal: not done.
        (
            "The court can prosecute people for war crimes.",
            "prosecute",
        ),
        ("The missile can be carried and fired by troops.", "fired"),
        // The predicate the act completes only possible: not done either.
        ("Russia could decide to send troops to Libya.", "send"),
        (
            "The deal might mean that the prisoners are released by Turkey.",
            "released",
        ),
        (
            "Egypt is probably determined to attack the rebels.",
            "attack",
        ),
        // An act left undone or avoided.
        (
            "The government raised taxes without consulting the unions.",
            "consulting",
        ),
        ("The ministers avoided criticising Iran.", "criticising"),
    ] {
        let (_, events) = events_of(text);
        assert!(events.iter().all(|e| e.3 != act_verb), "{text}: {events:?}");
    }
    // "in May" is a month, not a modal: the resignation happened.
    let (_, events) = events_of("Former minister Eric Schneiderman resigned in May.");
    assert_eq!(
        events
            .iter()
            .map(|e| (e.0.as_str(), e.2.as_str()))
            .collect::<Vec<_>>(),
        [("RETREAT", "asserted")],
        "{events:?}"
    );
    // Firing on a convoy is an attack.
    let (_, events) = events_of("Turkish forces fired on a convoy of Syrian troops.");
    assert_eq!(
        events.first().map(|e| e.0.as_str()),
        Some("ASSAULT"),
        "{events:?}"
    );
}

#[test]
fn a_participle_s_by_phrase_acts_and_an_apposition_names_no_other_actor() {
    // A passive participle describing a name: the "by" phrase acts on it.
    // (The event judge drops the backing beside "has used chemical weapons", as draw 8181 judged it.)
    let (_, events) = events_of("Assad, supported by Russia, has won the war.");
    let support = events.iter().find(|e| e.3 == "supported").unwrap();
    assert_eq!(
        (&support.4, &support.5),
        (&vec!["Russia".to_string()], &vec!["Assad".to_string()])
    );
    // "a father of two from west London" describes Kotey: London is no target.
    let (_, events) = events_of("Kotey, a father of two from west London, was seized last month.");
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].5, ["Kotey"], "{events:?}");
}

#[test]
fn the_event_judge_trains_on_what_extract_judges_and_drops_what_it_rejects() {
    let dir = scratch("event-judge");
    let input = dir.join("docs.jsonl");
    std::fs::write(
        &input,
        "{\"id\": \"a\", \"text\": \"Turkish forces fired on a convoy of Syrian troops.\"}\n",
    )
    .unwrap();
    // `train event-features`: one row per event, with the judge's features.
    let out = bin()
        .args(["train", "event-features", "--docs"])
        .arg(&input)
        .env("DOSSIER_NO_EVENT_JUDGE", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = String::from_utf8(out.stdout).unwrap();
    let row: Vec<&str> = rows.lines().next().unwrap().split('\t').collect();
    assert_eq!(
        &row[..7],
        [
            "a",
            "Turkish forces fired on a convoy of Syrian troops.",
            "15",
            "fired",
            "ASSAULT",
            "asserted",
            "ASSAULT"
        ]
    );
    let features: Vec<&str> = row[7].split(' ').collect();
    // The sense features: no object ("fired on" takes an oblique), no
    // generic statement, and a count of the sentence's names.
    for f in [
        "ty=ASSAULT",
        "st=asserted",
        "tag=VBD",
        "q=false",
        "ok=none",
        "gen=false",
    ] {
        assert!(features.contains(&f), "{f} in {features:?}");
    }
    assert!(
        features.iter().any(|f| f.starts_with("nn=")),
        "{features:?}"
    );
    // A judge that rejects ASSAULT drops the event from `extract`.
    let judge = dir.join("judge.tsv");
    std::fs::write(&judge, "bias\t0.0\nthreshold\t0.5\nty=ASSAULT\t-3.0\n").unwrap();
    let extract = |env: Option<&Path>| {
        let mut cmd = bin();
        cmd.args(["extract", "--from", "jsonl"]).arg(&input);
        if let Some(j) = env {
            cmd.env("DOSSIER_EVENT_JUDGE_FILE", j);
        }
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        docs(&out)[0]["events"].as_array().unwrap().len()
    };
    assert_eq!(extract(None), 1);
    assert_eq!(extract(Some(&judge)), 0);
    // A replacement that cannot be read, or a threshold that is no number,
    // stops the run with the variable's name instead of using the shipped one.
    let missing = dir.join("no-such-judge.tsv");
    for (var, value) in [
        ("DOSSIER_EVENT_JUDGE_FILE", missing.to_str().unwrap()),
        ("DOSSIER_EVENT_JUDGE_THRESHOLD", "half"),
    ] {
        let out = bin()
            .args(["extract", "--from", "jsonl"])
            .arg(&input)
            .env(var, value)
            .output()
            .unwrap();
        assert!(!out.status.success(), "{var}={value} ran");
        assert!(stderr(&out).contains(var), "{}", stderr(&out));
    }
}

/// The sources and targets of the event on `trigger`.
fn roles_of(text: &str, trigger: &str) -> (Vec<String>, Vec<String>) {
    let (_, events) = events_of(text);
    let e = events
        .iter()
        .find(|e| e.3 == trigger)
        .unwrap_or_else(|| panic!("{text}: no {trigger} in {events:?}"))
        .clone();
    (e.4, e.5)
}

#[test]
fn relative_clauses_passive_conjuncts_and_nationalities_find_who_acts() {
    // A relative pronoun's antecedent acts, not the subject of the clause
    // around it; a generic antecedent names no actor, so there is no event;
    // the names of a relative clause are no part of its antecedent's phrase.
    let (source, _) = roles_of(
        "Germany has criticised Hungary, which has blocked sanctions against Russia.",
        "blocked",
    );
    assert_eq!(source, ["Hungary"]);
    let (_, events) = events_of("The regime arrested anyone who criticised the president.");
    assert!(events.iter().all(|e| e.3 != "criticised"), "{events:?}");
    let (source, target) = roles_of(
        "Turkey, which has attacked Kurdish forces in Syria, was criticised.",
        "criticised",
    );
    assert!(source.is_empty(), "{source:?}");
    assert_eq!(target, ["Turkey"]);
    // A later conjunct of a passive is passive too: the subject is acted on.
    let (source, target) = roles_of(
        "Captured opposition fighters have been tortured and murdered.",
        "murdered",
    );
    assert!(source.is_empty(), "{source:?}");
    assert_eq!(target.len(), 1, "{target:?}");
    // A country's adjective on a noun of people names the people, not the state.
    let (_, target) = roles_of("A British man has been killed in Raqqa.", "killed");
    assert_eq!(target, ["british man"]);
}

#[test]
fn a_party_s_adjective_before_a_role_names_the_role_s_holder_not_the_party() {
    // The role phrase acts, never the bare adjective (#24).
    let (source, target) = roles_of(
        "The Democratic nominee criticized the president's policy on Monday.",
        "criticized",
    );
    assert_eq!(
        (source, target),
        (
            vec!["democratic nominee".to_string()],
            vec!["president".to_string()]
        )
    );
    let (_, target) = roles_of(
        // (A warning needs what is warned of: "on Tuesday" is a time.)
        "The senator warned the Democratic candidates on Tuesday of retaliation.",
        "warned",
    );
    assert_eq!(target, ["democratic candidates"]);
    // A role the document gives one named holder with the same words is that holder.
    let (source, _) = roles_of(
        "GOP presidential candidate Donald Trump spoke in Ohio. Later, the GOP presidential candidate criticized the decision.",
        "criticized",
    );
    assert_eq!(source, ["Donald Trump"]);
    // Beside a name the party only titles the person.
    let (source, _) = roles_of(
        "Republican presidential candidate Donald Trump condemned the decision on Tuesday.",
        "condemned",
    );
    assert_eq!(source, ["Donald Trump"]);
}

#[test]
fn purposes_abilities_and_acts_inside_an_act_not_done_are_not_done() {
    for (text, act_verb) in [
        // An act a noun aims at ("ability to", "talks to"), unless it pledges or plans it.
        (
            "Canada's ability to provide consular assistance in Syria is limited.",
            "provide",
        ),
        // What a passive was done for.
        ("The Arab force was raised to fight the Assad regime.", "fight"),
        ("Syrian fighters are being sent to fight Kurdish militias.", "fight"),
        // An act inside an act only sought or wanted, or continuing it.
        (
            "Turkey sought Russian backing to use the airspace and to conduct the operation against the Kurds.",
            "conduct",
        ),
        ("Iran wants to help Syria attack the rebels.", "attack"),
    ] {
        let (_, events) = events_of(text);
        assert!(events.iter().all(|e| e.3 != act_verb), "{text}: {events:?}");
    }
    // A passive that forces the act, and one that plans it, keep it.
    assert_eq!(
        status_of(
            "The troops were forced to withdraw from the town.",
            "withdraw"
        ),
        "asserted"
    );
    assert_eq!(
        status_of(
            "Chinese troops are scheduled to hold joint drills with Russia.",
            "hold"
        ),
        "planned"
    );
    // A later conjunct shares the first one's modal; a passive report relays.
    assert_eq!(
        status_of(
            "Russia would shoot down the missiles and attack their launchers if the US struck Syria.",
            "attack"
        ),
        "hypothetical"
    );
    assert_eq!(
        status_of(
            "Isis is said to have used such weapons against Kurdish forces.",
            "used"
        ),
        "reported"
    );
}

#[test]
fn hopes_fears_forecasts_make_no_event_and_negation_stays_in_its_clause() {
    // What is hoped, feared or forecast is no act of anyone.
    for (text, act_verb) in [
        (
            "Residents fear that the militia will attack the village.",
            "attack",
        ),
        (
            "She hoped the men would be arrested and imprisoned.",
            "imprisoned",
        ),
        ("Turkey will probably attack the town.", "attack"),
    ] {
        let (_, events) = events_of(text);
        assert!(events.iter().all(|e| e.3 != act_verb), "{text}: {events:?}");
    }
    // A typographic apostrophe negates like a plain one.
    let (_, events) = events_of("Germany didn’t send tanks to Ukraine.");
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e.2 == "negated"), "{events:?}");
    // A conjunct with its own subject does not share the first one's negation.
    let (_, events) = events_of(
        "The men have not been charged, and the Kurdish authorities have called on Britain to take them back.",
    );
    let call = events.iter().find(|e| e.3 == "called").unwrap();
    assert_eq!(
        (call.0.as_str(), call.2.as_str()),
        ("REQUEST", "asserted"),
        "{events:?}"
    );
}

#[test]
fn a_kept_event_s_actors_are_read_again_for_pronouns_appositions_addressees_and_places() {
    // A name that only says whose noun an appositive name is does not act.
    let (source, target) = roles_of(
        "The French president, Emmanuel Macron, criticised the Russian foreign minister, Sergei Lavrov, on Monday.",
        "criticised",
    );
    assert_eq!(
        (source, target),
        (
            vec!["Emmanuel Macron".to_string()],
            vec!["Sergei Lavrov".to_string()]
        )
    );
    // A pronoun object stands for the name it refers to.
    let (_, target) = roles_of(
        "John Smith was arrested at an airport in Spain last year. Prosecutors later charged him with fraud.",
        "charged",
    );
    assert_eq!(target, ["John Smith"]);
    // (targets36) So does the object pronoun of the complement of a verb with no object of its
    // own, when the name is in its sentence before it.
    let (_, target) = roles_of(
        "Governor Cuomo lost the primary, and Senator Warren refused to endorse him.",
        "refused",
    );
    assert_eq!(target, ["Cuomo"]);
    // (targets36) An object that names no one is acted on through a possessive pronoun that
    // cannot be the subject's own.
    let (_, target) = roles_of(
        "Governor Cuomo lost the primary after the FBI investigated his role in the scandal.",
        "investigated",
    );
    assert_eq!(target, ["Cuomo"]);
    // The one urged is the target, not the parties of what they are urged to do.
    let (_, target) = roles_of(
        "Germany has urged Hungary not to join any Russian-led action against Ukraine.",
        "urged",
    );
    assert_eq!(target, ["Hungary"]);
    // (targets37) Those named only in what a request asks for are not asked: the
    // countries whose goods a tariff would hit, the one a sought inquiry concerns;
    // the owner of what is asked for and the one it is asked from are.
    let (_, target) = roles_of(
        "Senator Dole called for new tariffs on steel from Germany and Japan.",
        "called",
    );
    assert!(target.is_empty(), "{target:?}");
    let (_, target) = roles_of("Mayor Dole sought a new Smith inquiry.", "sought");
    assert!(target.is_empty(), "{target:?}");
    let (_, target) = roles_of(
        "Germany has requested technical assistance from the World Bank.",
        "requested",
    );
    assert_eq!(target, ["World Bank"]);
    let (_, target) = roles_of(
        "Protesters demanded the resignation of the governor of Ruritania, John Smith.",
        "demanded",
    );
    assert!(target.contains(&"John Smith".to_string()), "{target:?}");
    // Pressure stepped up is the asking itself: its "on" phrase names the one asked.
    let (_, target) = roles_of(
        "Germany stepped up pressure on Hungary to free the prisoners.",
        "stepped",
    );
    assert_eq!(target, ["Hungary"]);
    // With someone addressed, what they are asked to do names no one asked.
    let (_, target) = roles_of(
        "The minister urged all parties to accept mediation with the Houthis.",
        "urged",
    );
    assert_eq!(target, ["parties"]);
    // A town that only locates an actor noun's people leaves the noun to act.
    let (_, target) = roles_of(
        "Government troops drove the rebels out of Homs in March.",
        "drove",
    );
    assert_eq!(target, ["rebels"]);
}

/// The name of the place of the event with trigger `trigger`, if it has one.
fn place_of(doc: &Value, trigger: &str) -> Option<String> {
    let e = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["trigger"]["text"] == trigger)?;
    name_by_id(doc, &e["place"])
}

#[test]
fn where_an_act_was_done_is_its_place_not_its_target() {
    // The place acted in is the event's place (#24's convention); a place the act is aimed at is its target.
    let text = "Police detained two journalists in Erbil on Monday.";
    let (doc, _) = events_of(text);
    let (_, target) = roles_of(text, "detained");
    assert!(!target.contains(&"Erbil".to_string()), "{target:?}");
    assert_eq!(place_of(&doc, "detained").as_deref(), Some("Erbil"));
    let (_, target) = roles_of("Turkish jets bombed Afrin on Sunday.", "bombed");
    assert_eq!(target, ["Afrin"]);
    // A town one is invited to is where, not whom.
    let text = "France invited the Kurdish leaders to Paris for talks.";
    let (doc, _) = events_of(text);
    let (_, target) = roles_of(text, "invited");
    assert!(!target.contains(&"Paris".to_string()), "{target:?}");
    assert_eq!(place_of(&doc, "invited").as_deref(), Some("Paris"));
}

#[test]
fn several_named_subjects_of_one_verb_all_act() {
    let (source, _) = roles_of(
        "Saudi Arabia, the UAE, Bahrain and Egypt imposed a boycott on Qatar last year.",
        "imposed",
    );
    assert!(source.len() >= 3, "{source:?}");
}

#[test]
fn an_act_relayed_from_someone_else_is_reported() {
    assert_eq!(
        status_of("Turkish jets bombed Afrin on Sunday.", "bombed"),
        "asserted"
    );
    // Under a verb of speech, also where no quote is found.
    assert_eq!(
        status_of(
            "He complains that the UK has refused consular access to the two men.",
            "refused"
        ),
        "reported"
    );
    assert_eq!(
        status_of(
            "Aid agencies say hospitals have been targeted and supply routes blocked by the army.",
            "blocked"
        ),
        "reported"
    );
    // An adverb of hearsay relays what others say was done; what was said
    // stays reported with its own clause of time, and a clause of time before
    // a trailing cue.
    for (text, trigger) in [
        (
            "Rebels reportedly killed 12 soldiers in the attack.",
            "killed",
        ),
        (
            "The army allegedly arrested dozens of students.",
            "arrested",
        ),
        (
            "The ministry said the army attacked the village after rebels shelled the road.",
            "attacked",
        ),
        (
            "After the police clashed with protesters, hundreds left the square, officials said.",
            "clashed",
        ),
        // An estimate of what was done, and a trailing cue the parse hangs
        // as an adverbial clause (status39).
        (
            "Monitors estimated that 40 civilians had been killed in the strikes.",
            "killed",
        ),
        (
            "It is estimated that more than 300 fighters have been killed in the region.",
            "killed",
        ),
        (
            "The two men were detained by Kurdish fighters in January, US military officials confirmed.",
            "detained",
        ),
    ] {
        assert_eq!(status_of(text, trigger), "reported", "{text}");
    }
    // A clause of time with its cue dates the act; it relays nothing.
    assert_eq!(
        status_of(
            "The two men were detained by Kurdish fighters in January after officials confirmed the raid.",
            "detained"
        ),
        "asserted"
    );
    // The words of the act itself, said with it, relay no act: the writer
    // tells the blame and the rebuke. Nor does a clause of time that frames
    // the saying: "a day after" hung on the cue, or the act an "after" clause
    // holding its cue hangs on.
    for (text, trigger) in [
        (
            "The governor angrily rebuked critics who call the plan \"a giveaway,\" saying the jobs it brings will pay for it.",
            "rebuked",
        ),
        (
            "The union accused the company of \"union busting,\" saying managers had threatened workers.",
            "accused",
        ),
        (
            "Rebels killed 12 soldiers near the \"red zone,\" saying the troops had shelled villages.",
            "killed",
        ),
        (
            "The governor tweeted a chart of crime figures on Sunday, just a day after protesters attacked a police station in the city.",
            "attacked",
        ),
        (
            "The president has accused the rebels of building a “terror army”, after the government announced plans for a new force in the north.",
            "accused",
        ),
        // The speaker's own act set beside the cue (status39).
        (
            "The senator argued forcefully - rebuking the governor twice by name - that the plan had failed.",
            "rebuking",
        ),
    ] {
        assert_eq!(status_of(text, trigger), "asserted", "{text}");
    }
}

#[test]
fn views_stances_silence_forecasts_and_publications_make_no_event() {
    for text in [
        // A later conjunct shares the first one's "should".
        "The minister said the militants should be stripped of citizenship and hunted down.",
        "Britain should expel the ambassador and sanction the regime.",
        // A stance kept, a comment declined.
        "France remains committed to the peace process.",
        "The two governments remain at odds over the pipeline.",
        "The Foreign Office declined to comment on the case.",
        // A state foretold is no threat.
        "Russia warned that the deal would be fragile.",
        // A writing or a recording released sets no one free.
        "Hamas released a statement on Tuesday.",
        "The ministry released figures showing the toll.",
    ] {
        let (_, events) = events_of(text);
        assert!(
            events.iter().all(|e| e.0 != "COERCE"
                && e.0 != "SUPPORT"
                && e.0 != "ACCUSE"
                && e.0 != "REJECT"
                && e.0 != "THREATEN"
                && e.0 != "RETREAT"),
            "{text}: {events:?}"
        );
    }
    assert_eq!(
        types_of("Russia warned it would retaliate against Ukraine."),
        ["THREATEN"]
    );
    assert_eq!(
        types_of("Kyiv said that Germany must send more tanks."),
        ["REQUEST"]
    );
}

#[test]
fn an_event_needs_a_political_or_social_actor() {
    // A product launch and a deal between businesses: no actor the codebook codes.
    for text in [
        "Carmaker Audi unveiled a new electric car on Monday.",
        "The company agreed to buy the airline.",
    ] {
        let (_, events) = events_of(text);
        assert!(events.is_empty(), "{text}: {events:?}");
    }
    // The police, a government and a country act, on a business too.
    for (text, ty) in [
        ("Police arrested two men in Paris.", "COERCE"),
        ("Police arrested the company's chief executive.", "COERCE"),
        (
            "The government imposed sanctions on the company.",
            "SANCTION",
        ),
        ("The United States imposed sanctions on Huawei.", "SANCTION"),
    ] {
        assert_eq!(types_of(text), [ty], "{text}");
    }
}

#[test]
fn the_codebook_codes_military_backing_occupation_expulsion_and_vowed_harm() {
    let coded = |text: &str, trigger: &str| {
        let (_, events) = events_of(text);
        let e = events
            .into_iter()
            .find(|e| e.3 == trigger)
            .unwrap_or_else(|| panic!("{text}: no {trigger}"));
        (e.0, e.1, e.4, e.5)
    };
    // Material support is no SUPPORT: troops backing someone give military AID.
    let (ty, _, source, target) = coded(
        "US troops were supporting the Syrian Democratic Forces on the ground.",
        "supporting",
    );
    assert_eq!(ty, "AID");
    assert_eq!(
        (source.len(), target.len()),
        (1, 1),
        "{source:?} {target:?}"
    );
    // Verbal backing, and backing a military act, stay SUPPORT.
    assert_eq!(
        coded(
            "The US and the EU have supported the Kurds since 2014.",
            "supported"
        )
        .0,
        "SUPPORT"
    );
    // Land seized is an occupation carried out: ASSAULT.
    assert_eq!(
        coded("Syrian forces took control of Deraa.", "took").0,
        "ASSAULT"
    );
    // Armed forces advancing into a place occupy it: ASSAULT, whatever the
    // verb of motion's CAMEO code (074 reads "cross the border into" as peacekeeping).
    // Aid workers crossing are no force.
    for (text, trigger, ty) in [
        (
            "Russian troops crossed the border into Georgia.",
            "crossed",
            "ASSAULT",
        ),
        (
            "Turkish troops pushed deep into northern Iraq.",
            "pushed",
            "ASSAULT",
        ),
        (
            "Aid workers crossed the border into Jordan.",
            "crossed",
            "AID",
        ),
    ] {
        assert_eq!(coded(text, trigger).0, ty, "{text}");
    }
    // Troops only invited move no one.
    assert!(types_of("Foreign troops were not invited into Syria.")
        .iter()
        .all(|t| t != "ASSAULT"));
    // Expelled from an organisation: SANCTION.
    assert_eq!(
        coded(
            "Saudi Arabia is expelling Syria from the Arab League.",
            "expelling"
        )
        .0,
        "SANCTION"
    );
    // A vow to do harm is a threat, also where its complement is no event of its own.
    let (ty, _, _, target) = coded("Mike Pompeo vowed to expel Iran from Syria.", "vowed");
    assert_eq!(ty, "THREATEN");
    assert_eq!(target, ["Iran"]);
    // A vow to help is still AGREE.
    assert_eq!(
        coded("Germany pledged to send tanks to Ukraine.", "send").0,
        "AGREE"
    );
}

#[test]
fn a_vow_of_harm_to_someone_or_of_a_reprisal_is_a_threat() {
    let type_of = |text: &str, trigger: &str| {
        events_of_rules(text)
            .into_iter()
            .find(|e| e.3 == trigger)
            .unwrap_or_else(|| panic!("{text}: no {trigger}"))
            .0
    };
    // The complement's act is the dictionary's, backed by the stories or not,
    // when it is done to someone.
    for (text, trigger) in [
        (
            "The minister vowed to crush the insurgents in the north.",
            "vowed",
        ),
        (
            "The governor vowed to punish the officials who leaked the files.",
            "vowed",
        ),
        ("The general has vowed vengeance for the raid.", "vowed"),
        (
            "The president promised a swift military response to any incursion.",
            "promised",
        ),
    ] {
        assert_eq!(type_of(text, trigger), "THREATEN", "{text}");
    }
    // A verb of force or coercion the dictionary leaves uncoded (class
    // harming), done to someone or to no one named (code41).
    for (text, trigger) in [
        ("The rebel commander vowed to exterminate them.", "vowed"),
        ("The defence minister promised to retaliate.", "promised"),
        (
            "The rebels swore to wipe out the garrison's soldiers.",
            "swore",
        ),
    ] {
        assert_eq!(type_of(text, trigger), "THREATEN", "{text}");
    }
    // Done to no one, or a reply, it stays a pledge.
    for (text, trigger) in [
        ("The mayor vowed to crush crime in the city.", "vowed"),
        (
            "The mayor pledged to eliminate hunger in the city.",
            "pledged",
        ),
        (
            "The ministry promised a response to the letter.",
            "promised",
        ),
    ] {
        assert_ne!(
            events_of_rules(text)
                .into_iter()
                .find(|e| e.3 == trigger)
                .map(|e| e.0),
            Some("THREATEN".to_string()),
            "{text}"
        );
    }
}

#[test]
fn a_court_blocking_or_striking_down_a_measure_or_passing_a_sentence_convicts() {
    let type_of = |text: &str, trigger: &str| {
        events_of_rules(text)
            .into_iter()
            .find(|e| e.3 == trigger)
            .map(|e| e.0)
    };
    for (text, trigger) in [
        (
            "A federal court blocked the governor's new voting law on Friday.",
            "blocked",
        ),
        (
            "The judge struck down the city's ban on street vendors.",
            "struck",
        ),
        (
            "Judge Maria Lopez imposed a ten-year sentence on the former mayor.",
            "imposed",
        ),
    ] {
        assert_eq!(
            type_of(text, trigger).as_deref(),
            Some("SANCTION"),
            "{text}"
        );
    }
    // Blocked by lawmakers, a measure is vetoed; a curfew imposed is coercion.
    assert_ne!(
        type_of("Senate Republicans blocked the funding bill.", "blocked").as_deref(),
        Some("SANCTION")
    );
    assert_ne!(
        type_of("The army imposed a curfew on the city.", "imposed").as_deref(),
        Some("SANCTION")
    );
    // A ruling overturned by a higher court finds nobody guilty.
    for text in [
        "The appeals court overturned a lower court ruling on the voting law.",
        "The appeals court overturned the ruling of the lower court.",
    ] {
        assert_ne!(
            type_of(text, "overturned").as_deref(),
            Some("SANCTION"),
            "{text}"
        );
    }
}

#[test]
fn the_harmed_do_not_act_nor_do_those_a_subject_is_against() {
    // A participle the parse read as a past tense: its subject was harmed.
    let (source, target) = roles_of(
        "Four Kurdish fighters killed on the battlefront a day earlier were buried.",
        "killed",
    );
    assert!(source.is_empty(), "{source:?}");
    assert_eq!(target.len(), 1, "{target:?}");
    // "against Isis" says whom the coalition fights: Isis does not kill.
    let (source, _) = roles_of(
        "The international coalition against Isis has killed more than 60,000 fighters.",
        "killed",
    );
    assert!(source.is_empty(), "{source:?}");
    // A verb of harm with its victims counted still has its agent.
    let (source, _) = roles_of("Russian jets killed about 120 fighters.", "killed");
    assert_eq!(source.len(), 1, "{source:?}");
}

#[test]
fn a_clause_s_own_subject_pronoun_and_prepositions_name_its_actors() {
    // A subject the parse hung on the auxiliary still acts.
    let (source, _) = roles_of(
        "The US, Britain and France have all strongly criticised the Turkish offensive.",
        "criticised",
    );
    assert_eq!(source.len(), 3, "{source:?}");
    // A clause with a subject of its own is not another clause's subject's act.
    let (source, _) = roles_of(
        "Maria Lopez found the clinic closed, while agencies condemned the Ugandan government over the decision.",
        "condemned",
    );
    assert!(!source.contains(&"Maria Lopez".to_string()), "{source:?}");
    // A pronoun subject of a passive is the one it refers to.
    let (_, target) = roles_of(
        "Joe Robinson flew home last week. On landing at the airport, he was arrested by British police.",
        "arrested",
    );
    assert_eq!(target, ["Joe Robinson"]);
    // The ground of blame is no target; a hostile "at" phrase is.
    let (_, target) = roles_of(
        "Russia condemned France for its decision to arm the rebels in Syria.",
        "condemned",
    );
    assert_eq!(target, ["France"]);
    let (_, target) = roles_of(
        "The Iranian president lashed out at Donald Trump on Monday.",
        "lashed",
    );
    assert_eq!(target, ["Donald Trump"]);
    // A person whose spokesman a named person is does not act with him.
    let (source, _) = roles_of(
        "Angela Merkel's spokesman, Steffen Seibert, criticised Russia on Tuesday.",
        "criticised",
    );
    assert_eq!(source, ["Steffen Seibert"]);
}

#[test]
fn a_title_s_modifiers_do_not_act_beside_the_name_that_renames_it() {
    // Whatever the parse hung the name on, the title's country, party or
    // agency only says whose title it is.
    for (text, trigger, person) in [
        (
            "The Spanish prime minister, Pedro Sanchez, criticised Russia on Monday.",
            "criticised",
            "Pedro Sanchez",
        ),
        (
            "The Labour party leader, Keir Starmer, praised the decision on Friday.",
            "praised",
            "Keir Starmer",
        ),
        (
            "The head of the French intelligence agency DGSE, Bernard Emie, accused Russia of the attack.",
            "accused",
            "Bernard Emie",
        ),
    ] {
        let (source, _) = roles_of(text, trigger);
        assert_eq!(source, [person], "{text}");
    }
    // A list after a comma renames no title.
    let (source, _) = roles_of(
        "The foreign ministers of Canada, Japan and South Korea criticised Russia on Monday.",
        "criticised",
    );
    assert!(source.len() >= 2, "{source:?}");
}

#[test]
fn an_agentless_harm_is_done_by_whose_attack_it_was() {
    // "killed in a Turkish air strike": the attack's country acts.
    let (source, target) = roles_of(
        "Three soldiers were killed in a Turkish air strike near the border on Sunday.",
        "killed",
    );
    assert_eq!(source, ["Turkey"]);
    assert_eq!(target, ["three soldiers"]);
    // "in a raid by US commandos": the attack's "by" phrase acts.
    let (source, _) = roles_of(
        "The commander was killed in a raid by Russian special forces last year.",
        "killed",
    );
    assert!(source.contains(&"Russia".to_string()), "{source:?}");
    // An attack as subject, claimed by someone: the claimant acts.
    let (source, _) = roles_of(
        "A car bombing claimed by the Taliban killed six policemen in Kabul on Monday.",
        "killed",
    );
    assert_eq!(source, ["Taliban"]);
}

#[test]
fn coordinated_passives_share_their_agent_and_against_phrases_name_the_target() {
    // The "by" phrase of the last conjunct is the agent of the first.
    let (source, _) = roles_of(
        "Dozens of activists were arrested and beaten by the Hamas police in Gaza.",
        "arrested",
    );
    assert!(
        source.iter().any(|s| s.to_lowercase().contains("hamas")),
        "{source:?}"
    );
    // "against" hung on a place in the verb's phrases still names the target.
    let (_, target) = roles_of(
        "Turkey launched an offensive last month in the mountains of northern Iraq against the PKK.",
        "launched",
    );
    assert!(target.contains(&"PKK".to_string()), "{target:?}");
    // "on behalf of" names for whom, not against whom.
    let (_, target) = roles_of(
        "The city was retaken last week by militias fighting on behalf of the Syrian government.",
        "retaken",
    );
    assert!(!target.iter().any(|t| t.contains("Syria")), "{target:?}");
}

#[test]
fn backers_ground_topics_and_destinations_name_no_actor() {
    // A name in a compound of backing says who backs the noun: the noun acts.
    let (_, target) = roles_of(
        "Kurdish fighters clashed with Turkish-backed rebels near the town.",
        "clashed",
    );
    assert_eq!(target, ["turkish-backed rebels"]);
    let (source, _) = roles_of(
        "The Manchester-born soldier fought against the Taliban in Helmand.",
        "fought",
    );
    assert!(!source.contains(&"Manchester".to_string()), "{source:?}");
    // A country that only says whose ground it is names where, not whom.
    let (_, target) = roles_of(
        "The journalist was arrested on a Greek beach last month.",
        "arrested",
    );
    assert_eq!(target, ["journalist"]);
    // The "on" phrase of a stance is its topic.
    let (_, target) = roles_of(
        "Germany condemned Russia's stance on Syria on Tuesday.",
        "condemned",
    );
    assert_eq!(target, ["Russia"]);
    // Where the one acted on is sent is no one acted on.
    let (_, target) = roles_of(
        "The activist was deported to Bolivia after her arrest.",
        "deported",
    );
    assert_eq!(target, ["activist"]);
    // An attack with no one named acted on aims at whom its purpose drives out.
    let (_, target) = roles_of(
        "Turkey launched the offensive on Sunday, aiming to force the Kurdistan Workers' Party out of the mountains.",
        "launched",
    );
    assert_eq!(target, ["Kurdistan Workers' Party"]);
}

#[test]
fn a_group_s_adjective_is_its_full_name_or_the_people_it_describes() {
    // The NER's cut adjective reads on through the capitalised words of the name.
    let (source, _) = roles_of(
        "Islamic State militants attacked a checkpoint near Mosul on Monday.",
        "attacked",
    );
    assert_eq!(source, ["Islamic State"]);
    // A group's adjective before an actor noun: the noun's people act.
    let (source, _) = roles_of(
        "Kurdish militias blocked the road to the airport on Sunday.",
        "blocked",
    );
    assert_eq!(source, ["kurdish militias"]);
    // A country's before counted people names those people; before troops, the state.
    let (_, target) = roles_of(
        "Three Canadian soldiers were killed in an ambush in Kandahar.",
        "killed",
    );
    assert_eq!(target, ["three canadian soldiers"]);
    let (source, _) = roles_of(
        "Turkish troops attacked Kurdish positions near the border on Friday.",
        "attacked",
    );
    assert_eq!(source, ["Turkey"]);
}

#[test]
fn verbal_attacks_labels_polls_and_rallies_are_discourse_not_violence() {
    // A verbal attack is ACCUSE; one with arms stays ASSAULT.
    assert_eq!(
        types_of("Senator Smith fired back at Governor Jones in an interview on Monday."),
        ["ACCUSE"]
    );
    assert_eq!(
        types_of("Gunmen attacked the village on Monday, killing five people."),
        ["ASSAULT"]
    );
    // A label is ACCUSE; a call for something stays a demand.
    assert_eq!(
        types_of("Senator Smith called Governor Jones \"unhinged\" on Twitter."),
        ["ACCUSE"]
    );
    assert_eq!(
        types_of("The senator called for new elections."),
        ["REQUEST"]
    );
    // A label read as a second object, or a passive's, that rebukes (class
    // rebuke) is ACCUSE, not a demand (code41).
    assert_eq!(
        types_of("Senator John Smith called the plan a disgrace on Monday."),
        ["ACCUSE"]
    );
    assert_eq!(
        types_of("Governor Jones was called a liar by Senator Smith."),
        ["ACCUSE"]
    );
    assert_ne!(
        types_of("Senator Smith called Governor Jones a fine leader."),
        ["ACCUSE"]
    );
    // Calling a meeting convenes it, whatever a clause below the meeting says.
    assert_eq!(
        types_of("The United Nations called an emergency meeting to discuss the report, which called the election \"a sham\"."),
        ["CONSULT"]
    );
    // A poll's result and a candidate's rallies are no event.
    assert_no_events(&[
        "In the poll, Smith beats Jones by 46 to 42 percent.",
        "Smith held rallies in Ohio and Iowa.",
    ]);
}

#[test]
fn resignations_meetings_attended_investigations_hacks_and_passive_sanctions_follow_the_codebook() {
    // A resignation is RETREAT `resign`, "stepped down" too.
    let (doc, _) = events_of("The defence minister stepped down after the scandal.");
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(
        (events[0]["type"].as_str(), events[0]["mode"].as_str()),
        (Some("RETREAT"), Some("resign"))
    );
    // Being present at a funeral, or studying a proposal, is no event.
    assert_no_events(&[
        "The senator attended the funeral of his friend.",
        "The ministry is examining the Russian proposal.",
    ]);
    // A cyber attack is COERCE `cyber`, not ASSAULT.
    let (doc, _) = events_of("North Korea launched a cyber attack on Sony Pictures.");
    let e = &doc["events"][0];
    assert_eq!(
        (e["type"].as_str(), e["mode"].as_str()),
        (Some("COERCE"), Some("cyber"))
    );
    // A passive's subject is what the codebook's rule reads: sanctions imposed.
    assert_eq!(
        types_of("New sanctions were imposed on Russia by the European Union."),
        ["SANCTION"]
    );
}

#[test]
fn stepping_down_needs_a_public_office_strikes_conducted_penalties_and_crackdowns() {
    // A chief executive stepping down resigns no office the codebook counts.
    assert!(
        types_of("The chief executive of the company stepped down after the scandal.").is_empty()
    );
    // An office holder does, named by a title elsewhere or stepping down as one,
    // also as a party's leader or chair (a political office; a company's chair holds none).
    assert!(types_of("Smith stepped down as chairman of the company.").is_empty());
    for text in [
        "Sarah Jones, the interior minister, said the plan would fail. Jones stepped down on Friday.",
        "Smith stepped down as prime minister on Friday.",
        "Smith stepped down as leader of the Labour Party.",
        "Smith stepped down as the party's national chair on Friday.",
        "The Democratic candidate spoke on Monday. Smith stepped down as chair of the Democratic National Committee.",
    ] {
        let (doc, _) = events_of(text);
        let e = &doc["events"][0];
        assert_eq!(
            (e["type"].as_str(), e["mode"].as_str()),
            (Some("RETREAT"), Some("resign")),
            "{text}"
        );
    }
    // Strikes conducted are an attack; a penalty imposed is SANCTION; a crackdown COERCE.
    assert_eq!(
        types_of("Russia conducted strikes against Ukraine."),
        ["ASSAULT"]
    );
    assert_eq!(
        types_of("Russia was hit with new sanctions by the European Union."),
        ["SANCTION"]
    );
    assert_eq!(
        types_of("Police cracked down on protesters in Minsk."),
        ["COERCE"]
    );
}

#[test]
fn what_is_fired_at_a_country_targets_it_and_strikes_mounted_with_arms_are_attacks() {
    // A country fired at is the target, not the place; a town fired at stays where.
    let text = "The rebels fired rockets at Israel on Tuesday.";
    let (doc, _) = events_of(text);
    assert_eq!(roles_of(text, "fired").1, ["Israel"]);
    assert_eq!(place_of(&doc, "fired"), None);
    let text = "Hezbollah fired rockets at Haifa.";
    let (doc, _) = events_of(text);
    assert!(roles_of(text, "fired").1.is_empty());
    assert_eq!(place_of(&doc, "fired").as_deref(), Some("Haifa"));
    // Strikes mounted with a sign of arms are an attack on whom they are aimed at; a labour strike is a protest.
    for text in [
        "Saudi Arabia launched air strikes against the Houthis.",
        "Israel carried out strikes on Hamas.",
        "Russia launched a strike against Syria.",
    ] {
        assert_eq!(types_of(text), ["ASSAULT"], "{text}");
    }
    assert_eq!(
        roles_of("Israel carried out strikes on Hamas.", "carried").1,
        ["Hamas"]
    );
    assert_eq!(
        types_of("Workers launched a strike against the company."),
        ["PROTEST"]
    );
}

#[test]
fn shared_views_fights_of_effort_campaigning_and_verbal_pounding_are_no_attack_or_agreement() {
    // Agreeing with someone, or that something is so, commits to nothing;
    // agreeing to an act does.
    assert_no_events(&[
        "Senator Smith agreed with Governor Jones about the budget.",
        "The minister agreed that the plan was a mistake.",
    ]);
    assert_eq!(
        types_of("Russia agreed to withdraw its troops from the border."),
        ["AGREE"]
    );
    // A fight of effort is no attack; an armed one is.
    assert!(types_of("The mayor has been fighting air pollution for years.").is_empty());
    assert_eq!(
        types_of("Government forces fought the rebels in Aleppo on Sunday."),
        ["ASSAULT"]
    );
    // Campaigning is no event; pounding a rival on an issue is ACCUSE.
    assert!(
        types_of("Senator Smith hit the campaign trail with Governor Jones on Monday.").is_empty()
    );
    assert_eq!(
        types_of("Senator Smith has been pounding Governor Jones on the budget issue."),
        ["ACCUSE"]
    );
    // A question asked is no request; asking someone to act is one.
    assert!(
        types_of("Asked on Monday whether the troops would leave, the minister said no.")
            .is_empty()
    );
    assert_eq!(
        types_of("The minister asked Russia to withdraw its troops."),
        ["REQUEST"]
    );
    // A strike conducted with no sign of arms is no attack.
    assert!(
        !types_of("The union conducted a strike against the company.")
            .contains(&"ASSAULT".to_string())
    );
}

#[test]
fn pleas_comment_declined_documents_released_blocks_and_raids_read_by_their_object() {
    // The rules' events (the judge aside): the classes recode what the judge keeps.
    let types = rule_types;
    // A plea in court asks for nothing; pleading with someone to act does.
    assert!(types("The former mayor pleaded guilty to fraud charges on Monday.").is_empty());
    assert_eq!(
        types("The mayor pleaded with the governor to send more police to the city."),
        ["REQUEST"]
    );
    // Declining comment is no rejection; refusing to talk to someone is one.
    assert!(types("The ministry refused to discuss the allegations.").is_empty());
    assert_eq!(
        types("The opposition refused to talk to the government."),
        ["REJECT"]
    );
    // A document released is published; hostages released are let go.
    assert!(types("The ministry released its annual budget on Tuesday.").is_empty());
    assert_eq!(
        types("The rebels released two hostages on Friday."),
        ["RETREAT"]
    );
    // Condolences offered are a statement; aid offered is a commitment.
    assert!(
        types("The senator offered his condolences to the families of the victims.").is_empty()
    );
    assert_eq!(types("Germany offered military aid to Ukraine."), ["AGREE"]);
    // A match won, with its score, is no attack.
    assert!(types("Brazil beat Argentina 3-1 in the final.").is_empty());
    // A proposal blocked is vetoed (REJECT); a raid by the police is coercion.
    assert_eq!(
        types("Russia blocked the resolution at the Security Council on Friday."),
        ["REJECT"]
    );
    assert_eq!(
        types("Police raided the offices of the opposition party on Tuesday."),
        ["COERCE"]
    );
    assert_eq!(
        types("Gunmen raided a village in the north of the country."),
        ["ASSAULT"]
    );
    // An interviewer's question put to the one who answers is no request.
    assert!(types(
        "When asked for his view during an interview, the minister said the deal was fair."
    )
    .is_empty());
}

#[test]
fn a_relative_clause_keeps_its_own_tense() {
    // What a relative clause tells was done, whatever the main verb plans.
    assert_eq!(
        status_of(
            "Mary Jones, who had endorsed Peter Brown, will visit Paris.",
            "endorsed"
        ),
        "asserted"
    );
    assert_eq!(
        status_of("Mary Jones will endorse Peter Brown on Monday.", "endorse"),
        "planned"
    );
}

#[test]
fn a_verbal_attack_on_a_topic_of_arms_a_judge_or_the_speaker_is_criticism() {
    let types = |text: &str| {
        events_of_rules(text)
            .into_iter()
            .map(|e| e.0)
            .collect::<Vec<_>>()
    };
    // Guns as the topic an attack is on are no force.
    assert_eq!(
        types("Mary Jones hit Peter Brown on taxes, and she hit him on guns."),
        ["ACCUSE", "ACCUSE"]
    );
    assert_eq!(
        types("Mary Jones spent the week pounding Peter Brown on the gun issue."),
        ["ACCUSE"]
    );
    // A judge attacked, or the speaker ("me"), is a rival attacked.
    assert_eq!(types("Peter Brown attacked a federal judge."), ["ACCUSE"]);
    assert_eq!(
        types("Mary Jones viciously attacked me from the stage."),
        ["ACCUSE"]
    );
    // Battling with a rival over a budget is a clash of words.
    assert_eq!(
        types("The governor has battled with Paul Green over the budget."),
        ["ACCUSE"]
    );
    // With arms, or on the body, it stays an assault.
    assert_eq!(
        types("Troops hit the rebels on the front line."),
        ["ASSAULT"]
    );
    assert_eq!(types("A gunman hit Peter Brown on the head."), ["ASSAULT"]);
    assert_eq!(
        types("Mary Jones attacked Peter Brown with a knife."),
        ["ASSAULT"]
    );
}

#[test]
fn verbal_attacks_dismissals_advocacy_cooperation_and_acts_not_done_take_the_codebook_code() {
    // The rules' events (the judge aside), as the codebook codes them.
    let typed = |text: &str| {
        events_of_rules(text)
            .into_iter()
            .map(|e| (e.0, e.2))
            .collect::<Vec<_>>()
    };
    let types = |text: &str| typed(text).into_iter().map(|e| e.0).collect::<Vec<_>>();
    // A rival or a stance attacked with no sign of force is criticism (ACCUSE).
    assert_eq!(
        types("Mary Jones attacked her opponent as a liar during the debate."),
        ["ACCUSE"]
    );
    assert_eq!(types("The senator attacked the farm program."), ["ACCUSE"]);
    assert_eq!(
        types("Peter Brown fired back at Paul Green on Sunday."),
        ["ACCUSE"]
    );
    // An actor blamed for a deed ("for" and a clause) is criticised; a
    // reason given for an attack with arms leaves it an assault.
    assert_eq!(
        types("The Liberals attacked the Greens for refusing to back the plan."),
        ["ACCUSE"]
    );
    assert_eq!(
        types("The mob attacked Peter Brown for refusing to pay them."),
        ["ASSAULT"]
    );
    // The CAMEO pattern "attack … for" reads criticism, but an armed group's
    // attack, or one on a place, vehicle or building, is an assault.
    assert_eq!(
        types("Insurgents attacked the convoy for carrying supplies to the base."),
        ["ASSAULT"]
    );
    assert_eq!(
        types("Rebels attacked the village for sheltering soldiers."),
        ["ASSAULT"]
    );
    // With arms, or by an armed party, it is an assault.
    assert_eq!(
        types("Rebels attacked the town with mortars on Sunday."),
        ["ASSAULT"]
    );
    assert_eq!(
        types("A gunman attacked Paul Green outside his home."),
        ["ASSAULT"]
    );
    // Firing an employee is dismissal, no PLOVER act; firing at someone is not.
    assert!(types("Peter Brown fired his campaign manager on Monday.").is_empty());
    assert!(types("Paul Green was fired from the network.").is_empty());
    assert_eq!(types("Troops fired at the protesters."), ["ASSAULT"]);
    // Fighting to pass a bill is advocacy; fighting to retake a town is not.
    assert!(types("The senator fought to pass the bill.").is_empty());
    assert_eq!(
        types("Kurdish forces fought to retake the town from Isis."),
        ["ASSAULT"]
    );
    // Cooperating is COOPERATE, not verbal support.
    assert_eq!(
        types("Mary Jones is cooperating with prosecutors."),
        ["COOPERATE"]
    );
    // An act not done is that act negated; a refusal is REJECT.
    assert_eq!(
        typed("The governor has not endorsed Peter Brown."),
        [("SUPPORT".to_string(), "negated".to_string())]
    );
    assert_eq!(
        typed("Mary Jones did not cooperate with the investigation."),
        [("COOPERATE".to_string(), "negated".to_string())]
    );
    assert_eq!(
        types("Syria will not accept any more refugees."),
        ["REJECT"]
    );
}

#[test]
fn towns_counted_nationals_people_of_a_country_and_descriptors_name_who_acts() {
    // A town's name before a person's noun says where from: the person acts,
    // and the town is not where the act was done.
    let (doc, events) =
        events_of("A Boston man attacked two police officers outside the station on Friday.");
    let e = events.iter().find(|e| e.3 == "attacked").expect("attacked");
    assert_eq!(e.4, ["boston man"]);
    assert_eq!(place_of(&doc, "attacked"), None);
    // A meeting's venue is no party to it.
    let (_, target) = roles_of(
        "Russia and Turkey are sponsoring the Sochi talks on Syria.",
        "sponsoring",
    );
    assert!(!target.contains(&"Sochi".to_string()), "{target:?}");
    // A country's people counted, or named by a noun of people, are those people.
    let (_, target) = roles_of(
        "Four Americans were killed in a bombing in Syria.",
        "killed",
    );
    assert_eq!(target, ["four americans"]);
    let (_, target) = roles_of(
        "A British film-maker was killed in Raqqa on Tuesday.",
        "killed",
    );
    assert_eq!(target, ["british film-maker"]);
    // A definite descriptor is the holder the document names.
    let (source, _) = roles_of(
        "President Emmanuel Macron met the prime minister on Monday. The president called for dialogue with Russia.",
        "called",
    );
    assert_eq!(source, ["Emmanuel Macron"]);
}

#[test]
fn whose_people_act_and_a_title_s_owner_does_not_act_beside_the_person() {
    // A town's or a person's name before a noun of civilians or kin only
    // says whose they are: those people act, not the name.
    let (source, _) = roles_of(
        "Springfield residents have accused the mayor of hiding the report.",
        "accused",
    );
    assert_eq!(source, ["springfield residents"]);
    let (_, target) = roles_of(
        "Walker's brother was detained by the police on Friday.",
        "detained",
    );
    assert_eq!(target, ["brother"]);
    // Officials act for the one they serve.
    let (source, _) = roles_of(
        "Obama officials criticized the ruling on Monday.",
        "criticized",
    );
    assert_eq!(source, ["Obama"]);
    // A name before a title that runs into a person's name is whose title it is.
    let (source, _) = roles_of(
        "Brooklyn Supreme Court Justice Mary Jones rejected the request on Friday.",
        "rejected",
    );
    assert_eq!(source, ["Mary Jones"]);
}

#[test]
fn a_name_before_or_after_a_noun_of_people_says_whose_they_are() {
    // A town's name before a noun of people says where they are from: they act.
    let (source, _) = roles_of(
        "The Springfield businessman praised the mayor on Monday.",
        "praised",
    );
    assert_eq!(source, ["springfield businessman"]);
    let (_, target) = roles_of(
        "Mary Jones urged the Springfield mogul to release the tapes.",
        "urged",
    );
    assert_eq!(target, ["springfield mogul"]);
    // A person's donors and surrogates are theirs, as supporters are; their
    // attack on a named person is words.
    let (source, _) = roles_of("Clinton donors praised the decision.", "praised");
    assert_eq!(source, ["clinton donors"]);
    let (_, events) = events_of("Clinton's surrogates attacked Sanders.");
    let e = events.iter().find(|e| e.3 == "attacked").expect("attacked");
    assert_eq!(
        (e.0.as_str(), e.4.clone()),
        ("ACCUSE", vec!["surrogates".to_string()])
    );
    // Kin in whose "of" phrase a name stands act, not the name; an
    // organisation's "sons" and a body's members stay the organisation.
    let (source, _) = roles_of(
        "The parents of two Springfield victims sued the city on Monday.",
        "sued",
    );
    assert_eq!(source, ["parents"]);
    let (source, _) = roles_of(
        "The sons of Isis have harmed the people of this town.",
        "harmed",
    );
    assert_eq!(source, ["Isis"]);
    let (source, _) = roles_of("Members of Congress criticized the ruling.", "criticized");
    assert_eq!(source, ["Congress"]);
    // A party's adjective on the noun compounded into a role: the role acts.
    let (source, _) = roles_of(
        "A Republican committee aide blasted the statement.",
        "blasted",
    );
    assert_eq!(source, ["republican committee aide"]);
}

#[test]
fn an_organisation_or_place_in_a_person_s_title_does_not_act_beside_the_person() {
    // (actors38) A title may run on with "of" or end in a capitalised
    // adjective ("Chief of Staff", "Attorney General"); the person acts even
    // when the parse hangs the name below the title.
    let (source, _) = roles_of(
        "Former Pentagon Chief of Staff John Brown criticized the plan.",
        "criticized",
    );
    assert_eq!(source, ["John Brown"]);
    let (source, _) = roles_of(
        "In addition to the earlier cases, Ohio Attorney General Mary Brown filed a lawsuit in 2015.",
        "filed",
    );
    assert_eq!(source, ["Mary Brown"]);
    // A title after a comma the parse made a conjunct of the person describes
    // her; a title joined by "and" is a second actor.
    let (source, _) = roles_of(
        "Smith's niece Marion, the vice-president of the Liberty Party, and father Jean, the former party leader, have also endorsed Jones.",
        "endorsed",
    );
    assert_eq!(source, ["Marion", "Jean"]);
    let (source, _) = roles_of(
        "The senator and the chairman of the Springfield Party praised the mayor.",
        "praised",
    );
    assert!(
        source.iter().any(|s| s == "Springfield Party"),
        "{source:?}"
    );
}

#[test]
fn a_by_phrase_right_after_an_active_verb_s_object_says_whose_the_object_is() {
    // (actors38) The parse hangs "by" on the verb; in the active voice it is
    // the author of the thing rejected or denounced, the one acted on.
    let (_, target) = roles_of(
        "Russia and Turkey have spurned efforts by the United Nations to change the committee.",
        "spurned",
    );
    assert_eq!(target, ["United Nations"]);
    let (_, target) = roles_of(
        "Senator Mary Jones denounced suggestions by the two front-runners, John Smith and Tom Brown, that they would close the border.",
        "denounced",
    );
    assert_eq!(target, ["John Smith", "Tom Brown"]);
    // A means or a measure names no one.
    let (_, target) = roles_of(
        "Russia rejected the plan by a vote of five to four.",
        "rejected",
    );
    assert!(target.is_empty(), "{target:?}");
}

#[test]
fn a_request_the_parse_hung_on_a_name_as_a_participle_is_active() {
    // (targets39) "called on X to do" has its "on" phrase and infinitive; a
    // passive's "on" is stranded ("called on to resign by the party").
    let (source, target) = roles_of(
        "On Monday, Mary Jones, the party leader, called on energy companies to cut prices.",
        "called",
    );
    assert_eq!(source, ["Mary Jones"]);
    assert_eq!(target, ["energy companies"]);
    let (source, target) = roles_of(
        "Tom Brown, a spokesman for the mayor, called on the governor to apologise and said he had gone too far.",
        "called",
    );
    assert_eq!(source, ["Tom Brown"]);
    assert!(!target.contains(&"Tom Brown".to_string()), "{target:?}");
    let (source, target) = roles_of(
        "Tom Brown, called on to resign by the party, refused.",
        "called",
    );
    assert!(!source.contains(&"Tom Brown".to_string()), "{source:?}");
    assert_eq!(target, ["Tom Brown"]);
}

#[test]
fn an_upon_phrase_names_whom_an_act_is_aimed_at_as_an_on_phrase_does() {
    // (targets39) "upon" is "on": "called upon the United Nations".
    let (_, target) = roles_of("Smith called upon the United Nations to act.", "called");
    assert_eq!(target, ["United Nations"]);
}

#[test]
fn a_participle_after_been_or_being_is_passive_whatever_object_it_has() {
    // (targets40) "have been promised X", "was being detained pending charges":
    // the subject is the one acted on, not the one who acts.
    let (source, target) = roles_of(
        "Brazil have been promised the support of armed guards for the tournament.",
        "promised",
    );
    assert!(source.is_empty(), "{source:?}");
    assert_eq!(target, ["Brazil"]);
    let (source, target) = roles_of(
        "Tom Brown was being detained pending further charges, his lawyer said.",
        "detained",
    );
    assert!(!source.contains(&"Tom Brown".to_string()), "{source:?}");
    assert_eq!(target, ["Tom Brown"]);
}

#[test]
fn police_named_in_the_sentence_made_an_arrest_no_one_is_named_for() {
    // (targets40) An agentless arrest or charge, the police acting or
    // speaking beside it; not a killing, and not police acted on.
    let (source, target) = roles_of(
        "Tom Brown, 35, was arrested late on Monday after police searched his flat, police said.",
        "arrested",
    );
    assert_eq!(source, ["police"]);
    assert_eq!(target, ["Tom Brown"]);
    let (source, _) = roles_of(
        "Tom Brown was killed late on Monday, police said.",
        "killed",
    );
    assert!(source.is_empty(), "{source:?}");
    let (source, _) = roles_of(
        "Tom Brown was arrested after two policemen were injured in the riot.",
        "arrested",
    );
    assert!(source.is_empty(), "{source:?}");
}

#[test]
fn a_party_member_in_apposition_describes_the_person_who_acts() {
    let (_, events) = events_of(
        "Senator Chuck Schumer, a Democrat from New York, criticized Donald Trump on Monday.",
    );
    let criticized = events.iter().find(|e| e.3 == "criticized");
    let sources = criticized.map(|e| e.4.clone()).unwrap_or_default();
    assert_eq!(sources, ["Chuck Schumer"], "{events:?}");
}

/// #7: the PLOVER codebook names some acts the CAMEO dictionary codes
/// otherwise or not at all: a rejection, an arrest (its object misparsed as
/// an oblique still is the target), a signed agreement, blocked roads.
#[test]
fn issue_7_codebook_acts_and_their_targets() {
    let text = "Serbia on Thursday flatly rejected an Australian ultimatum. Israeli soldiers arrested more than 100 Palestinians on Saturday. \
Czechia and China signed an agreement today to increase trade. Angry French paper workers blocked the Europe Bridge for three hours.";
    let doc = &docs(&run(
        &[
            "extract",
            "--date",
            "2024-07-10",
            "--layers",
            "text,sentences,tokens,entities,events",
            "-",
        ],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let events: Vec<(String, String, Vec<String>, Vec<String>)> = event_rows(doc)
        .into_iter()
        .map(|e| (e.0, e.3, e.4, e.5))
        .collect();
    let has =
        |ty: &str, trigger: &str| events.iter().find(|e| e.0 == ty && e.1 == trigger).cloned();
    assert!(
        has("REJECT", "rejected").is_some_and(|e| e.2 == ["Serbia"]),
        "{events:?}"
    );
    let arrest = has("COERCE", "arrested").unwrap_or_else(|| panic!("{events:?}"));
    // The Palestinians counted are those people, not the territory (`reread::counted_nationals`).
    assert_eq!(
        (arrest.2, arrest.3),
        (
            vec!["Israel".to_string()],
            vec!["more than 100 palestinians".to_string()]
        )
    );
    assert!(
        has("SUPPORT", "signed").is_some_and(|e| e.2.len() == 2),
        "{events:?}"
    );
    assert!(has("PROTEST", "blocked").is_some(), "{events:?}");
}

/// #7: a passive's "by" phrase acts on its subject, even when the parse
/// labels that subject a plain "nsubj"; "is willing to" states an intention.
#[test]
fn issue_7_passives_and_stated_intentions() {
    let text = "A camp for Congolese refugees was attacked by Burundian militiamen. At least three Iraqi civilians have been killed in Baghdad. \
Syria says it is willing to withdraw its troops from Lebanon.";
    let doc = &docs(&run(
        &[
            "extract",
            "--date",
            "2024-07-10",
            "--layers",
            "text,sentences,tokens,entities,events",
            "-",
        ],
        Some(text.as_bytes()),
    ))[0];
    check_document(doc);
    let event = |trigger: &str| {
        doc["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["trigger"]["text"] == trigger)
            .cloned()
            .unwrap_or_else(|| panic!("{trigger}: {}", doc["events"]))
    };
    let names = |e: &Value, k: &str| actor_names(doc, e, k);
    let attack = event("attacked");
    // A country's adjective on a noun of people names the people (as the gold codes them).
    assert_eq!(
        (names(&attack, "source"), names(&attack, "target")),
        (
            vec!["burundian militiamen".to_string()],
            vec!["congolese refugees".to_string()]
        )
    );
    let killing = event("killed");
    assert!(
        names(&killing, "source").is_empty()
            && names(&killing, "target") == ["at least three iraqi civilians"],
        "{killing}"
    );
    let withdrawal = event("withdraw");
    // A stated intention to withdraw is PLOVER's AGREE (as the gold codes it); the act stays RETREAT.
    assert_eq!(
        (
            withdrawal["type"].as_str(),
            withdrawal["act"].as_str(),
            withdrawal["status"].as_str()
        ),
        (Some("AGREE"), Some("RETREAT"), Some("planned"))
    );
    assert_eq!(names(&withdrawal, "target"), ["Lebanon"]);
}

/// A meeting foretold for a time of its own is a consultation planned
/// (CONSULT); a willingness to meet, a condition or an undated plan stays the
/// codebook's AGREE, the act CONSULT.
#[test]
fn a_meeting_set_for_a_date_is_consult_and_a_willingness_to_meet_agree() {
    let coded = |text: &str| {
        let events = events_of_rules(text);
        let e = events
            .iter()
            .find(|e| e.3 == "meet")
            .unwrap_or_else(|| panic!("{text}: {events:?}"));
        (e.0.clone(), e.1.clone(), e.2.clone())
    };
    for text in [
        "Mary Jones will meet Peter Brown in Vienna on Tuesday.",
        "Mary Jones is scheduled to meet Peter Brown on Thursday.",
    ] {
        assert_eq!(
            coded(text),
            ("CONSULT".into(), "CONSULT".into(), "planned".into()),
            "{text}"
        );
    }
    for text in [
        "Mary Jones will meet Peter Brown.",
        "Mary Jones is ready to meet Peter Brown on Tuesday.",
        "Mary Jones said on Tuesday she will meet Peter Brown.",
        "Mary Jones would meet Peter Brown on Tuesday if he came.",
    ] {
        assert_eq!(coded(text).0, "AGREE", "{text}");
    }
}

/// #7: one event per clause. A verb under another event's verb is part of
/// it ("threatened to ban" is a threat, not also a ban), except a gift
/// under a pledge, which stays the event with the pledge as its status.
/// "X said Y must …" is X's demand of Y; staging demonstrations is a protest.
#[test]
fn issue_7_a_complement_belongs_to_its_governing_event() {
    let text = "Israel threatened to ban voting in East Jerusalem. Germany pledged to send tanks to Ukraine. \
Russia said that Sudan must return a helicopter. Indonesian students staged mass demonstrations in Jakarta. \
Greece demanded that Turkey withdraw. Uganda threatened to expel Kenya. Arafat rejected a US offer to host a summit.";
    let doc = &docs(&run(&["extract", "-"], Some(text.as_bytes())))[0];
    check_document(doc);
    let events: Vec<(String, String, String)> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["type"].as_str().unwrap().to_string(),
                e["trigger"]["text"].as_str().unwrap().to_string(),
                e["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let triggers: Vec<&str> = events.iter().map(|e| e.1.as_str()).collect();
    // "to host" only describes the offer.
    assert_eq!(
        triggers,
        [
            "threatened",
            "send",
            "return",
            "staged",
            "demanded",
            "threatened",
            "rejected"
        ],
        "{events:?}"
    );
    assert_eq!(events[0].0, "THREATEN");
    // A pledge is PLOVER's AGREE; the act pledged is AID.
    assert_eq!(
        (events[1].0.as_str(), events[1].2.as_str()),
        ("AGREE", "pledged")
    );
    assert_eq!(doc["events"][1]["act"], "AID");
    // An obligation in reported speech is the speaker's demand of the obliged.
    assert_eq!(events[2].0, "REQUEST");
    let request = &doc["events"][2];
    assert_eq!(actor_names(doc, request, "source"), ["Russia"]);
    assert_eq!(actor_names(doc, request, "target"), ["Sudan"]);
    assert_eq!(events[3].0, "PROTEST");
    // Those asked to act are a demand's target; a threat's complement gives its object.
    let targets = |k: usize| actor_names(doc, &doc["events"][k], "target");
    assert_eq!(targets(4), ["Turkey"]);
    assert_eq!(targets(5), ["Kenya"]);
}

/// #7 on the example: the aid commitments with donors, recipient and item,
/// and the conflicting contract figures.
#[test]
fn issue_7_example_commitments_and_conflict() {
    let doc = &example_document();
    check_document(doc);
    let aid: Vec<(Vec<String>, Vec<String>, String, String)> = event_rows(doc)
        .into_iter()
        .filter(|e| e.1 == "AID")
        .map(|e| (e.4, e.5, e.6, e.2))
        .collect();
    let has = |donors: &[&str], item: &str| {
        aid.iter().any(|(s, t, theme, status)| {
            donors.iter().all(|d| s.iter().any(|x| x == d))
                && t == &["Ukraine"]
                && theme.contains(item)
                && status == "pledged"
        })
    };
    assert!(
        has(
            &["United States", "Germany", "Romania"],
            "Patriot batteries"
        ),
        "{aid:#?}"
    );
    assert!(has(&["The Netherlands"], "Patriot components"), "{aid:#?}");
    assert!(has(&["Italy"], "SAMP-T"), "{aid:#?}");
    assert!(
        has(
            &["Canada", "Norway", "Spain", "United Kingdom"],
            "NASAMS, HAWKs, IRIS T-SLM, IRIS T-SLS and Gepards"
        ),
        "{aid:#?}"
    );
    assert!(has(&["United States"], "air-defense systems"), "{aid:#?}");
    let conflict = doc["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "conflicting_figures")
        .expect("conflict flagged");
    let covered: Vec<String> = conflict["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| span_text(doc, s))
        .collect();
    assert_eq!(covered, ["nearly $700 million", "nearly $700"]);
}

#[test]
fn warnings_that_only_foretell_and_interviews_with_the_press_make_no_event() {
    let types = rule_types;
    // A warning of what a thing will do foretells; a time is not what is warned of.
    for text in [
        "Officials warned that Spain's departure from the bloc will weaken its trade.",
        "The bank warned that the tariff vote could slow growth in Canada.",
        "The aid chief, Jane Doe, warned on Wednesday that thousands of families face a cold winter.",
    ] {
        assert!(!types(text).contains(&"THREATEN".to_string()), "{text}");
    }
    // A warning of what an actor will do threatens.
    assert_eq!(
        types(
            "The minister warned on Monday that his government would retaliate against any attack."
        ),
        ["THREATEN"]
    );
    // An interview given, agreed to or asked for is press relations; a meeting with an actor is not.
    for text in [
        "The governor spoke with the reporter on his weekly podcast.",
        "The mayor agreed to an interview with the Gazette.",
        "The anchor asked for an interview with the candidate.",
        "The caucus held a press conference on Friday afternoon.",
    ] {
        assert!(types(text).is_empty(), "{text}: {:?}", types(text));
    }
    assert_eq!(
        types("The president met with the Turkish foreign minister in Ankara."),
        ["CONSULT"]
    );
}

#[test]
fn questions_put_to_someone_and_notions_rejected_make_no_event() {
    let types = rule_types;
    // A question put to someone named is no request (noevent34), nor is one
    // pressed on a subject an attack; asking leave or an act is a request.
    for text in [
        "The host asked the governor whether the bridge would open before winter.",
        "A student asked the senator about the closing of the mill.",
        "The governor was pressed on why he had vetoed the bill.",
        "The anchor pressed the mayor on the subject of the budget.",
    ] {
        assert!(types(text).is_empty(), "{text}: {:?}", types(text));
    }
    assert_eq!(
        types("Germany asked Poland whether it could send troops through its territory."),
        ["REQUEST"]
    );
    assert_eq!(
        types("Britain asked France to investigate whether the funds were misused."),
        ["REQUEST"]
    );
    // A notion, a label or a report rejected is a denial; a proposal rejected is REJECT.
    for text in [
        "The spokesman rejected the idea that the talks had failed.",
        "The minister rejected the label on Tuesday.",
    ] {
        assert!(types(text).is_empty(), "{text}: {:?}", types(text));
    }
    for text in [
        "Serbia rejected the proposal for a new border crossing.",
        "Serbia rejected the idea of opening a new border crossing.",
    ] {
        assert_eq!(types(text), ["REJECT"], "{text}");
    }
}

#[test]
fn campaign_ads_pledged_delegates_vows_about_ones_race_and_appeals_to_voters_make_no_event() {
    // (campaign34) A campaign's own doings are no act between actors.
    assert_no_events(&[
        "The senator vowed to stay in the race until the convention.",
        "The governor vowed to fight on despite the loss.",
        "The governor urged voters to turn out on Tuesday.",
    ]);
    for text in [
        "Senator Smith unveiled a new campaign ad on Monday.",
        "Jones leads Smith by 120 pledged delegates after Tuesday.",
    ] {
        assert!(rule_types(text).is_empty(), "{text}");
    }
    // Fighting on against an army threatens; backing another's campaign and
    // accusing a rival stay events.
    assert_eq!(
        types_of("The rebels vowed to fight on against the army."),
        ["THREATEN"]
    );
    assert_eq!(
        types_of("The senator vowed to back her campaign."),
        ["AGREE"]
    );
    assert_eq!(
        types_of("Senator Smith accused Governor Jones of raising taxes."),
        ["ACCUSE"]
    );
}

#[test]
fn dismissals_races_and_figures_of_force_make_no_event() {
    // (noevent35) A verb of force that names no act between actors.
    assert_no_events(&[
        "The bank fired Smith over a message he posted on Monday.",
        "The coach was fired from the club on Tuesday.",
        "Senator Smith was battling with Governor Jones for second place in Ohio.",
        "The mayor, struck by her story, called the hospital.",
        "The governor has fought hard to defend the tax on sugar.",
        "The city has been fighting pollution since 1990.",
    ]);
    // Shots, and fighting an army, stay ASSAULT.
    for text in [
        "Rebels fired on the convoy near Aleppo on Tuesday.",
        "Turkish troops were battling the Kurdish militia for the seat of the province.",
    ] {
        assert_eq!(types_of(text), ["ASSAULT"], "{text}");
    }
}

#[test]
fn generic_statements_make_no_event() {
    // (noevent35) What anyone does in general, or an act judged, is no act done.
    assert_no_events(&[
        "People fight over water in dry years, the farmer said.",
        "Reporters are killed simply for doing their work in the region.",
        "Attacking the convoy would be folly, the minister said.",
    ]);
    // Fighting that happened, and named attackers, stay ASSAULT.
    for text in [
        "Fighting between rebel factions in Idlib displaced thousands on Monday.",
        "Rebels attacked the convoy near Aleppo on Tuesday.",
    ] {
        assert_eq!(types_of(text), ["ASSAULT"], "{text}");
    }
}

#[test]
fn documents_released_figures_of_speech_lone_talks_and_poll_figures_make_no_event() {
    // (noevent36) A document released, a figure of speech, a topic discussed
    // by one speaker and a poll's figure are no act between actors.
    assert_no_events(&[
        "In a CBS News poll released Monday, 50 percent of respondents chose Peter Brown.",
        "Fox News has released an excerpt of the memoir.",
        "Peter Brown seized on the remark in Tuesday's debate.",
        "The senator called the party's bluff on the budget.",
        "The plan was met with skepticism in Berlin.",
        "Mary Jones struck a similar tune.",
        "Peter Brown hung out with friends in college.",
        "The former minister discussed the differences between the two plans.",
        "Peter Brown held a commanding lead over Mary Jones in the Iowa polls.",
    ]);
    // Persons let go, land seized, and talks with someone stay events.
    assert_eq!(
        types_of("Iran released the British sailors on Friday."),
        ["RETREAT"]
    );
    assert_eq!(types_of("Rebels seized the town on Tuesday."), ["ASSAULT"]);
    for text in [
        "The president discussed the war with the Turkish leader on Sunday.",
        "Putin and Erdogan discussed the war on Sunday.",
    ] {
        assert_eq!(types_of(text), ["CONSULT"], "{text}");
    }
}

#[test]
fn a_poll_inside_what_is_blamed_keeps_the_accusation_and_margins_are_poll_figures() {
    // (noevent37) A poll phrase inside someone's thing the act is about is no
    // poll figure; a margin in points and a share of voters as subject are.
    assert_eq!(
        types_of("Peter Brown blamed Mary Jones's decline in the polls on the news media."),
        ["ACCUSE"]
    );
    assert_no_events(&[
        "Peter Brown's approval among voters has declined by nine percentage points since June.",
        "A poll from Marquette Law School released Wednesday found Peter Brown leading Mary Jones by 15 points among likely voters in Ohio.",
    ]);
}

#[test]
fn speeches_and_views_delivered_or_offered_make_no_event() {
    // (noevent37) A speech or a view delivered, offered or opened is a
    // statement, whatever act the dictionary read in the verb.
    assert_no_events(&[
        "Peter Brown has delivered an impassioned defense of the treaty.",
        "Mary Jones offered a preview of the governor's thinking in an interview with Reuters.",
        "President Peter Brown is opening his announcement on new gun measures by remembering Mary Jones.",
    ]);
    // Aid delivered stays AID.
    assert_eq!(
        types_of("The United States delivered aid to the Kurds in Syria."),
        ["AID"]
    );
}

#[test]
fn questions_asked_and_comment_declined_make_no_event() {
    // (noevent37) A question asked and comment declined are press
    // relations, no request or rejection between actors.
    assert_no_events(&[
        "Moderator Peter Brown asked Mary Jones to share her views on the war.",
        "Peter Brown demanded to know whether Mary Jones was still on the line.",
        "Mary Jones declined to be interviewed for this article.",
        "Mary Jones declined to speak on the record.",
    ]);
    // A request to act stays REQUEST.
    assert_eq!(
        types_of("Iran asked the United States to lift the sanctions."),
        ["REQUEST"]
    );
}

#[test]
fn guests_invited_to_a_meal_a_wedding_or_a_speech_make_no_event() {
    // (noevent37) A guest invited to a private occasion or to give a speech is
    // no act between actors.
    assert_no_events(&[
        "Peter Brown and Mary Jones were not invited to Chelsea Clinton's wedding.",
        "Mary Jones had been invited to give a keynote address to a conference on business.",
        "Peter Brown invited Mary Jones to lunch.",
    ]);
    // A leader invited to a summit stays AGREE.
    assert_eq!(
        types_of("The president invited the Turkish leader to the summit in Ankara."),
        ["AGREE"]
    );
}

#[test]
fn reactions_told_as_figures_make_no_event() {
    // (noevent37) Alarm bells raised, anger met with, doors opened: figures.
    assert_no_events(&[
        "The report has been met with anger by the families of Kurdish fighters.",
        "The Kurdish advances raised the alarm bells in Ankara and Tehran.",
        "America opened up doors of opportunity for Peter Brown.",
    ]);
}

#[test]
fn election_results_declared_called_or_led_make_no_event() {
    // (noevent38) A winner declared, a state called for a candidate, a lead
    // held in a poll: results, no act between actors.
    assert_no_events(&[
        "Joe Biden was declared the winner in Michigan by the networks.",
        "Ohio was called for Mary Jones minutes after the polls closed.",
        "Joe Biden held a 10-point lead over Donald Trump among women in a Fox News poll.",
    ]);
    // A demand stays a demand.
    assert_eq!(
        types_of("The president called for a ceasefire in Gaza."),
        ["REQUEST"]
    );
}

#[test]
fn a_label_given_by_no_one_named_makes_no_event() {
    // (noevent38) A passive "called" with a label and no one who calls it so.
    assert_no_events(&["These hospitals are called failing."]);
    // Called a name by someone named is disapproval; called on to act, a demand.
    assert_eq!(
        types_of("Peter Brown was called a liar by the governor."),
        ["ACCUSE"]
    );
    assert_eq!(
        types_of("Turkey was called on to withdraw its troops."),
        ["REQUEST"]
    );
}

#[test]
fn questions_answered_make_no_event() {
    // (noevent38) An interviewer's question answered ("when asked to") and a
    // question about something put to someone are no request.
    assert_no_events(&[
        "Mary Jones named Peter Brown on Sunday when asked to pick a running mate.",
        "The senator hesitated when asked to choose between the two candidates.",
        "At a town hall meeting in Ohio, a young man asked Mary Jones about several workers who said they had lost their jobs.",
    ]);
    // Asked by the police, or asking a state to act, is a request.
    assert_eq!(
        types_of("The protesters left the square when asked to do so by police."),
        ["REQUEST"]
    );
    assert_eq!(
        types_of("The president asked Russia to lift the sanctions."),
        ["REQUEST"]
    );
}

#[test]
fn asking_by_or_of_reporters_is_press_relations() {
    // (noevent38) Reporters asking, or asked to ask: press relations. A
    // newspaper's editorial that urges is a request.
    assert_no_events(&[
        "Mary Jones begged reporters to ask her about the economy.",
        "Peter Brown said he was tired of reporters asking him to criticize Mary Jones.",
    ]);
    assert_eq!(
        types_of("The newspaper urged the governor to resign."),
        ["REQUEST"]
    );
}

#[test]
fn an_allegation_or_criticism_rejected_is_a_denial() {
    // (noevent38) Rejecting an allegation or a criticism denies it; a
    // proposal rejected stays REJECT.
    assert_no_events(&[
        "The ministry rejected the allegation.",
        "Mary Jones rejected criticism from Peter Brown over the budget.",
    ]);
    assert_eq!(types_of("Iran rejected the proposal."), ["REJECT"]);
}

#[test]
fn a_problem_decried_is_no_accusation() {
    // (noevent38) Decrying a state of things with no actor in it is a
    // complaint; decrying an actor's plan stays ACCUSE.
    assert_no_events(&["The senator decried the rise in gun deaths in the cities."]);
    assert_eq!(
        types_of("The senator decried the governor's plan to close the schools."),
        ["ACCUSE"]
    );
}

#[test]
fn a_campaign_party_hosted_and_a_start_with_a_bang_make_no_event() {
    // (noevent38) A watch party a campaign hosts is campaigning; a debate
    // that "started with a bang" is a figure. Hosting a leader stays CONSULT.
    assert_no_events(&[
        "The Civic Forum is hosting an election watch party at a hotel in Columbus before the primary.",
        "The Democratic debate in Houston on Tuesday night started with a bang when Joe Biden and Bernie Sanders were pressed about their attacks on each other.",
    ]);
    assert_eq!(
        types_of("The president hosted the Turkish leader for talks in Ankara."),
        ["CONSULT"]
    );
}

#[test]
fn agreeing_with_a_view_is_no_event_and_agreeing_to_act_is_agree() {
    // (agree34) Agreeing that something is so, or with someone's view, commits to nothing.
    assert_no_events(&[
        "France agreed with Germany on the issue.",
        "Germany agrees with France up to a point.",
        "Turkey and Russia agreed the Syrian government had a record of broken promises.",
        "“The plan will fail,” Turkey said. Russia agreed.",
        "Russia agreed: “It is a different matter altogether.”",
    ]);
    // Agreeing to an act, on a deal, or after an offer, is AGREE.
    for text in [
        "Germany agreed with France on the issue of a ceasefire in Idlib.",
        "Germany agreed to meet France on Monday.",
    ] {
        assert_eq!(types_of(text), ["AGREE"], "{text}");
    }
    assert_eq!(
        types_of("Russia offered to remove the weapons. The United States agreed."),
        ["AGREE", "AGREE"]
    );
}

#[test]
fn names_inside_a_person_s_description_and_a_venue_s_town_act_not() {
    // (actors35) A conjunct inside a phrase that describes a person is as
    // deep as the description: the person acts or is acted on, not the places
    // or the other posts the description names.
    let (_, target) = roles_of(
        "Mary Smith, a former director and a general in the wars in Iraq and Afghanistan, was sentenced by a judge on Monday.",
        "sentenced",
    );
    assert_eq!(target, ["Mary Smith"]);
    let (source, _) = roles_of(
        "John Brown, a former governor and a senator from Iowa and Ohio, endorsed Mary Jones last week.",
        "endorsed",
    );
    assert_eq!(source, ["John Brown"]);
    // People coordinated after their descriptions stay coordinated.
    let (_, target) = roles_of(
        "Ali Khan, from Leeds, and Omar Shah, from Bristol, have been killed by drones.",
        "killed",
    );
    assert_eq!(target, ["Ali Khan", "Omar Shah"]);
    // A town's name before a debate or a primary says where it is held.
    let (_, target) = roles_of(
        "Mary Jones was removed from the Springfield debate by police on Monday.",
        "removed",
    );
    assert_eq!(target, ["Mary Jones"]);
    let (_, target) = roles_of(
        "Senator Mary Jones attacked the Springfield primary as a farce.",
        "attacked",
    );
    assert!(target.is_empty(), "{target:?}");
    // A name the parse made the root, with the verb hung on it, acts.
    let (source, target) = roles_of(
        "John Brown, the party's executive director, praised Smith's remarks on Thursday, but also used them to raise the pressure.",
        "praised",
    );
    assert_eq!(
        (source, target),
        (vec!["John Brown".to_string()], vec!["Smith".to_string()])
    );
}

/// Each judged event carries the event judge's confidence (0 to 1, two
/// decimals); `events --min-confidence` keeps only the surer ones and a value
/// outside 0..1 is a clear error.
#[test]
fn events_carry_the_judges_confidence_and_can_be_filtered_by_it() {
    let doc = example_document();
    let confidences: Vec<f64> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["confidence"].as_f64())
        .collect();
    assert!(!confidences.is_empty(), "no event has a confidence");
    for p in &confidences {
        assert!((0.0..=1.0).contains(p), "confidence {p} out of 0..1");
        assert_eq!(
            (p * 100.0).round() / 100.0,
            *p,
            "{p} has more than two decimals"
        );
    }
    let dir = scratch("confidence");
    let db = dir.join("c.db");
    ingest_example(&db);
    let db = db.to_str().unwrap();
    let count = |min: &str| {
        let out = run(
            &["events", "--db", db, "--json", "--min-confidence", min],
            None,
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
        for r in &rows {
            assert!(r["confidence"].as_f64().unwrap() >= min.parse::<f64>().unwrap());
        }
        rows.len()
    };
    let (all, sure) = (count("0"), count("0.7"));
    assert_eq!(all, confidences.len(), "min 0 keeps every judged event");
    assert!(sure > 0 && sure < all, "0.7 keeps {sure} of {all}");
    let out = run(&["commitments", "--db", db, "--json"], None);
    let commitments: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        !commitments.is_empty() && commitments.iter().all(|c| c["confidence"].is_f64()),
        "each commitment carries its event's confidence"
    );
    let bad = run(&["events", "--db", db, "--min-confidence", "1.5"], None);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("from 0 to 1"), "{}", stderr(&bad));
}

#[test]
fn play_in_a_sport_report_makes_no_event_but_violence_there_does() {
    // A match report tells play with the codebook's verbs; GDELT's sport
    // coded as war is the failure this guards against.
    let report = "Norway beat Chile 3-1 in the cup semifinal on Sunday. \
        The striker scored twice before halftime and the goalkeeper saved a penalty. \
        Chile rallied after the break but the referee denied them a second goal.";
    let types = types_of(report);
    assert!(!types.iter().any(|t| t == "ASSAULT"), "{types:?}");
    // Violence after a match stays an event, and so does play outside sport.
    let riot = format!("{report} After the match, police arrested 20 fans who attacked a bus.");
    assert!(
        types_of(&riot).iter().any(|t| t == "COERCE"),
        "{:?}",
        types_of(&riot)
    );
    assert_eq!(types_of("Rebels attacked the army base."), ["ASSAULT"]);
}

#[test]
fn a_results_list_is_a_sport_report_and_a_result_line_is_play_anywhere() {
    // A results list is mostly names and scores: the scores mark it.
    let results = "Results of the open championship on Friday:\n\
        Women's singles, third round\n\
        Anna Berg (Sweden) beat Maria Lopez (Spain)\n6-3 6-4\n\
        Jan Novak (Czech Republic) beat Tom Hale (Britain) 7-5 6-2\n\
        Paul Dunn (Ireland) beat Luis Vega (Chile) 6-1 6-1\n";
    let types = types_of(results);
    assert!(!types.iter().any(|t| t == "ASSAULT"), "{types:?}");
    // In a story that is not all sport, a sentence with two scores, or one
    // beside a word of sport, is a result line: its play is no event.
    let news = "The government sent troops to the border town on Monday. ";
    for line in [
        "Jones (8-4) struck out 10 as the Tigers won 6-0.",
        "Smith came charging back to take the second set 7-5 and level the match.",
    ] {
        assert_eq!(types_of(&format!("{news}{line}")), ["COOPERATE"], "{line}");
    }
    // A range or a lone score leaves violence an event.
    assert_eq!(
        types_of("Rebels attacked the army base on 24-25 April."),
        ["ASSAULT"]
    );
    assert_eq!(
        types_of("Police killed 12 fans after the 2-1 match on Monday."),
        ["ASSAULT"]
    );
}

#[test]
fn details_declined_make_no_event() {
    // (noevent40) Declining to give details or to speak to reporters
    // declines comment (a CAMEO 01 statement), no REJECT.
    assert_no_events(&[
        "A central bank spokesman confirmed the report but declined to give further details.",
        "The minister refused to speak to reporters after the meeting on Friday.",
    ]);
    // Refusing access, or to talk to a state, rejects.
    assert_eq!(
        types_of("The government refused to give the inspectors access to the site."),
        ["REJECT"]
    );
    assert_eq!(
        types_of("Egypt refused to speak to Israel about the border."),
        ["REJECT"]
    );
}

#[test]
fn participles_of_a_noun_make_no_event() {
    // (noevent40) A past participle the parse gave the noun it describes as
    // an object ("Convicted smugglers") is an adjective, no act; with "have"
    // it stays an act.
    assert_no_events(&["Convicted smugglers were among those deported."]);
    assert_eq!(
        types_of("Police have jailed three opposition leaders."),
        ["COERCE"]
    );
}

#[test]
fn a_nationality_behind_a_compound_or_before_an_adjective_tagged_noun_names_the_people() {
    // (targets41) A country's adjective the parse hung on a compound before
    // the noun of people, or before a noun of people tagged an adjective,
    // names the people, not the state.
    let (source, target) = roles_of(
        "Armed men kidnapped a Danish aid worker near the border on Tuesday.",
        "kidnapped",
    );
    assert_eq!(
        (source, target),
        (
            vec!["armed men".to_string()],
            vec!["danish aid worker".to_string()]
        )
    );
    let (_, target) = roles_of(
        "Police detained a Bulgarian national at the airport.",
        "detained",
    );
    assert_eq!(target, ["bulgarian national"]);
    // Before a title the state acts.
    let (source, _) = roles_of(
        "The Danish foreign minister criticised the plan.",
        "criticised",
    );
    assert_eq!(source, ["Denmark"]);
}

#[test]
fn a_with_phrase_on_a_truce_names_the_other_side() {
    // (targets41) A withdrawal's object names no one acted on; a "with"
    // phrase hung on it names the other side.
    let (source, target) = roles_of(
        "Ethiopia declared a ceasefire with Eritrea on Sunday.",
        "declared",
    );
    assert_eq!(
        (source, target),
        (vec!["Ethiopia".to_string()], vec!["Eritrea".to_string()])
    );
}

/// The JSON types of the events of one JSONL story with a title.
fn types_of_titled(title: &str, text: &str) -> Vec<String> {
    let line = serde_json::json!({ "title": title, "text": text }).to_string();
    let out = run(&["extract", "--from", "jsonl"], Some(line.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    event_rows(&docs(&out)[0])
        .into_iter()
        .map(|e| e.0)
        .collect()
}

#[test]
fn a_wire_sport_slug_makes_a_sport_report_where_transfers_and_strikeouts_are_play() {
    // (noevent41) A wire service heads its sport with the sport's name; under
    // it a fight is a bout, a signing a transfer, a strikeout no strike.
    let story = "Hill fought Ruiz in Las Vegas in 1994. \
        The winger signed for Ajax on Friday. Diaz struck out Lee in the ninth.";
    let types = types_of_titled("BOXING - HILL RETIRES.", story);
    assert!(types.is_empty(), "{types:?}");
    // Under another slug the strike stays an event.
    let types = types_of_titled("PRESS DIGEST - Ruritania", story);
    assert!(types.iter().any(|t| t == "ASSAULT"), "{types:?}");
}

#[test]
fn on_a_sport_page_only_policing_courts_protest_and_harm_stay_events() {
    // (noevent42) Under a sport's slug, play told with any verb of the
    // codebook is no event ("met", "took control", "blamed", "was hit by a
    // pitch"); under another slug the same sentences make events.
    let play = "The coach blamed the referee for the defeat. The captain met the mayor on Sunday.";
    let types = types_of_titled("HANDBALL - LISBON WIN.", play);
    assert!(types.is_empty(), "{types:?}");
    let types = types_of_titled("PRESS DIGEST - Ruritania", play);
    assert!(!types.is_empty(), "{types:?}");
    let hit = "Ortiz was hit by a pitch in the third inning.";
    assert!(types_of_titled("BASEBALL - TIGERS WIN.", hit).is_empty());
    // An arrest, and an act beside a noun of authority, stay events there.
    let acts = "Police arrested 12 fans outside the stadium. \
        The government asked the federation to move the final.";
    let types = types_of_titled("HANDBALL - FINAL MOVED.", acts);
    assert!(types.iter().any(|t| t == "COERCE"), "{types:?}");
    assert!(types.iter().any(|t| t == "REQUEST"), "{types:?}");
}

#[test]
fn harm_under_a_clause_of_an_accident_makes_no_event_but_a_blast_of_a_bomb_does() {
    // (noevent42) A crash, a capsizing or a collapse told in a clause of the
    // harm ("when ...", "..., killing") is an accident: no one acts.
    assert_no_events(&[
        "Four people were injured when a minibus overturned on the mountain road.",
        "The helicopter crashed in fog, killing its two pilots.",
    ]);
    assert_eq!(
        types_of("Three people were killed when a bomb exploded in the market."),
        ["ASSAULT"]
    );
    assert_eq!(
        types_of("Two soldiers were killed when rebels ambushed their convoy."),
        ["ASSAULT"]
    );
}

#[test]
fn deals_of_firms_market_quotes_private_visits_and_accidents_make_no_event() {
    // (noevent41) Acts of no political party.
    assert_no_events(&[
        "A Dutch bank bought a 20 percent stake in the brewer on Monday.",
        "The Dutch bond future was trading at 97.18, down 0.20 from the settlement price.",
        "The senator visited his mother in hospital on Sunday.",
        "A gas explosion levelled the bakery, killing three people.",
        "Two men were killed in a car crash near the border on Friday.",
    ]);
    // A government's purchase stays a deal, a bomb an attack, and a visit
    // to a state a visit.
    assert_eq!(
        types_of("The government bought a 20 percent stake in the brewer on Monday."),
        ["COOPERATE"]
    );
    assert_eq!(
        types_of("A bomb explosion killed three people in the market on Friday."),
        ["ASSAULT"]
    );
    assert_eq!(
        types_of("The senator visited Mexico on Sunday."),
        ["CONSULT"]
    );
    // (status42) Someone who acts makes no accident of a vehicle in the
    // act's phrase: a subject, the subject of the verb it completes, or a
    // passive's "by" phrase.
    for text in [
        "The farmer has admitted killing his neighbour in a car park, the prosecutor said.",
        "A retired teacher was killed by his nephew in a car park on Friday.",
    ] {
        assert_eq!(types_of(text), ["ASSAULT"], "{text}");
    }
}

#[test]
fn police_beside_an_agentless_act_made_only_an_arrest_or_a_charge() {
    // (sources41) The police who report a hijacking or a kidnapping did not do it.
    let (source, _) = roles_of(
        "Two Danish tourists were kidnapped near the border on Sunday, police said.",
        "kidnapped",
    );
    assert!(!source.contains(&"police".to_string()), "{source:?}");
    let (source, _) = roles_of(
        "Two Danish tourists were detained near the border on Sunday, police said.",
        "detained",
    );
    assert_eq!(source, ["police"]);
}

#[test]
fn the_other_side_of_a_fight_harmed_those_killed_in_it() {
    // (sources41) "killed in clashes with X": X harmed them.
    let (source, target) = roles_of(
        "Three Ruritanian soldiers were killed in clashes with Syldavian troops on Monday.",
        "killed",
    );
    assert!(
        source
            .iter()
            .any(|s| s.contains("troops") || s.contains("Syldavia")),
        "{source:?}"
    );
    assert!(target.iter().any(|t| t.contains("soldiers")), "{target:?}");
    // A fight's "with" phrase on no fight noun says nothing of who harmed.
    let (source, _) = roles_of(
        "Three Ruritanian soldiers were killed in a village with a school.",
        "killed",
    );
    assert!(source.is_empty(), "{source:?}");
}

#[test]
fn a_passive_agent_hung_on_a_complement_or_a_place_phrase_acts() {
    // (sources41) "shot dead … by X", "expelled from … by X".
    let (source, _) = roles_of(
        "A Ruritanian farmer was shot dead on Friday by Syldavian police.",
        "shot",
    );
    assert!(source.iter().any(|s| s.contains("police")), "{source:?}");
    let (source, target) = roles_of(
        "The rebels were expelled from the northern towns by the Ruritanian army.",
        "expelled",
    );
    assert!(
        source
            .iter()
            .any(|s| s.contains("army") || s.contains("Ruritania")),
        "{source:?}"
    );
    assert!(target.iter().any(|t| t.contains("rebels")), "{target:?}");
}

#[test]
fn forces_a_possessive_pronoun_says_are_someones_act_for_their_owner() {
    // (sources41) "Israel said its troops arrested …": the state acts, not its troops.
    let (source, _) = roles_of(
        "Norway said on Monday that its troops arrested two journalists near the border.",
        "arrested",
    );
    assert_eq!(source, ["Norway"]);
    // A person's "her" owns no troops: her commanders act.
    let (source, _) = roles_of(
        "Jane Smith said her commanders arrested two journalists near the border.",
        "arrested",
    );
    assert!(!source.contains(&"Jane Smith".to_string()), "{source:?}");
    // Troops named in full stay: "its Syldavian troops".
    let (source, _) = roles_of(
        "Police arrested two journalists near the border on Monday.",
        "arrested",
    );
    assert_eq!(source, ["police"]);
}

#[test]
fn an_attack_subject_is_done_by_those_its_by_phrase_names() {
    // (sources41) "Bombings by Syldavian militants killed …": the militants.
    let (source, _) = roles_of(
        "Car bombings by rebel militants killed twelve policemen in the capital last week.",
        "killed",
    );
    assert!(source.iter().any(|s| s.contains("militants")), "{source:?}");
}

#[test]
fn a_participle_set_off_after_its_noun_is_a_passive() {
    // (sources42) A past participle between commas after the noun whose
    // subject the parse lends it acts on that noun, which is not the doer.
    let (source, target) = roles_of(
        "An Angolan dissident, detained in a police raid a week ago, was deported after his \
         appeal failed, his lawyer said.",
        "detained",
    );
    assert!(
        !source.contains(&"angolan dissident".to_string()),
        "{source:?}"
    );
    assert_eq!(target, ["angolan dissident"]);
}

#[test]
fn a_reported_pronoun_stands_for_the_reporter_only_when_they_agree() {
    // (sources42) "it", "he", "they" of a reported clause are the reporter
    // only when number and kind agree.
    let (source, _) = roles_of("Syldavia said it would expel the diplomats.", "expel");
    assert_eq!(source, ["Syldavia"]);
    let (source, _) = roles_of("Police say he attacked a guard.", "attacked");
    assert!(source.is_empty(), "{source:?}");
}

#[test]
fn people_the_agent_nouns_lack_and_a_shared_object_are_targets() {
    // (targets42) A noun of people the agent nouns lack, as object or as a
    // passive's subject; a plural title; a count's "of" phrase.
    let (_, target) = roles_of(
        "Two gunmen opened fire on police and killed a pedestrian in the capital.",
        "killed",
    );
    assert_eq!(target, ["pedestrian"]);
    let (_, target) = roles_of(
        "An elderly veteran was jailed for 15 years by a Ruritanian court on Saturday.",
        "jailed",
    );
    assert_eq!(target, ["elderly veteran"]);
    let (_, target) = roles_of(
        "President Ion Brat invited opposition leaders to a meeting on Friday.",
        "invited",
    );
    assert_eq!(target, ["opposition leaders"]);
    let (_, target) = roles_of(
        "Police detained one of the attackers after the raid, the agency said.",
        "detained",
    );
    assert_eq!(target, ["attackers"]);
    // A verb with no object of its own shares the next conjunct's.
    let (_, target) = roles_of(
        "Police in Ruritania arrested and charged a British man on Friday, a prosecutor said.",
        "arrested",
    );
    assert_eq!(target, ["british man"]);
}
