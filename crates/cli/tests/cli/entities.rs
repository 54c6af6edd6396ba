//! Entities (#22): the stored entities listed, most mentioned first, in the
//! CLI and the API; one key per person across the store; titles out of keys.

use super::*;

/// A store of the three short articles in `fixtures/entities.jsonl`.
fn entities_store(test: &str) -> PathBuf {
    let db = scratch(test).join("e.db");
    let out = run(
        &[
            "ingest",
            "--db",
            db.to_str().unwrap(),
            &fixture("entities.jsonl"),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

fn entities_json(db: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["entities", "--db", db.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    let out = run(&args, None);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn entities_lists_most_mentioned_first_with_type_name_limit_and_offset() {
    let db = entities_store("entities-list");
    let all = entities_json(&db, &["--limit", "0"]);
    assert!(all.len() >= 5, "{all:#?}");
    for e in &all {
        for field in ["key", "name", "type", "aliases", "documents", "mentions"] {
            assert!(e.get(field).is_some(), "{field} missing from {e}");
        }
    }
    let mentions: Vec<u64> = all
        .iter()
        .map(|e| e["mentions"].as_u64().unwrap())
        .collect();
    assert!(
        mentions.windows(2).all(|w| w[0] >= w[1]),
        "not most mentioned first: {mentions:?}"
    );
    let people = entities_json(&db, &["--limit", "0", "--type", "person"]);
    assert!(
        !people.is_empty() && people.iter().all(|e| e["type"] == "PERSON"),
        "{people:#?}"
    );
    let two = entities_json(&db, &["--limit", "2", "--offset", "1"]);
    assert_eq!(two, all[1..3].to_vec());
    let named = entities_json(&db, &["--name", "CLINTON"]);
    assert!(
        !named.is_empty()
            && named
                .iter()
                .all(|e| e.to_string().to_lowercase().contains("clinton")),
        "{named:#?}"
    );
    let text = run(
        &["entities", "--db", db.to_str().unwrap(), "--limit", "1"],
        None,
    );
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.starts_with("KEY") && text.contains(&format!("rows 1–1 of {}", all.len())),
        "{text}"
    );
}

#[test]
fn api_entities_pages_with_a_total() {
    let db = entities_store("entities-api");
    let all = entities_json(&db, &["--limit", "0"]);
    let server = Server::start(&db, &[]);
    let body = |path: &str| {
        let (status, response) = http(
            &server.addr,
            &format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
        );
        (
            status,
            response.split("\r\n\r\n").nth(1).unwrap_or("").to_string(),
        )
    };
    let (status, page) = body("/api/entities?limit=2&offset=1");
    assert_eq!(status, 200, "{page}");
    let page: Value = serde_json::from_str(&page).unwrap();
    assert_eq!(page["total"].as_u64(), Some(all.len() as u64));
    assert_eq!(page["entities"].as_array().unwrap(), &all[1..3].to_vec());
    let (_, people) = body("/api/entities?type=PERSON&name=clinton");
    let people: Value = serde_json::from_str(&people).unwrap();
    assert!(
        people["total"].as_u64().unwrap() >= 1
            && people["entities"]
                .as_array()
                .unwrap()
                .iter()
                .all(|e| e["type"] == "PERSON"),
        "{people}"
    );
    let (status, _) = body("/api/entities?offset=x");
    assert_eq!(status, 400);
}

/// The stored entity (key, name, type, documents, aliases, ambiguous) of each key.
fn by_key(db: &Path) -> std::collections::HashMap<String, Value> {
    entities_json(db, &["--limit", "0"])
        .into_iter()
        .map(|e| (e["key"].as_str().unwrap().to_string(), e))
        .collect()
}

fn aliases(e: &Value) -> Vec<&str> {
    e["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect()
}

fn entity_key(db: &Path, name: &str) -> Option<String> {
    let out = run(
        &["entity", "--db", db.to_str().unwrap(), "--json", name],
        None,
    );
    out.status.success().then(|| {
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["key"]
            .as_str()
            .unwrap()
            .to_string()
    })
}

#[test]
fn one_key_per_person_across_the_store_and_a_shared_surname_said() {
    let db = entities_store("entities-identity");
    let all = by_key(&db);
    // "Donald J. Trump", "Mr. Trump", "Donald Trump" and a lone "Trump" in
    // another article: one person, whose key has no title.
    let trump: Vec<&Value> = all
        .values()
        .filter(|e| aliases(e).iter().any(|a| a.contains("Trump")))
        .collect();
    assert_eq!(trump.len(), 1, "{trump:#?}");
    assert_eq!(trump[0]["type"], "PERSON");
    assert_eq!(trump[0]["documents"], 3, "{:#}", trump[0]);
    assert!(
        all.keys()
            .all(|k| !k.contains("mr.") && !k.contains("president") && !k.contains("mrs.")),
        "{:?}",
        all.keys()
    );
    // "Clinton" alone where both Hillary and Bill Clinton are stored: kept
    // apart, and it says whom it may mean.
    let clinton = &all["PERSON:clinton"];
    let could_be: Vec<&str> = clinton["ambiguous"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(could_be, ["PERSON:bill clinton", "PERSON:hillary clinton"]);
    // A demonym is its own country's alias, never another's.
    assert!(aliases(&all["iso3166:US"]).contains(&"American"));
    assert!(!all.contains_key("iso3166:MP"));
}

#[test]
fn entity_finds_a_name_with_or_without_its_title() {
    let db = entities_store("entities-titles");
    let hillary = entity_key(&db, "Hillary Clinton").unwrap();
    assert_eq!(
        entity_key(&db, "Mrs. Clinton").as_deref(),
        Some(hillary.as_str())
    );
    assert_eq!(
        entity_key(&db, "Mr.\u{a0}Trump"),
        entity_key(&db, "Donald Trump")
    );
    assert_eq!(
        entity_key(&db, "President Obama").as_deref(),
        Some("PERSON:barack obama")
    );
    assert_eq!(entity_key(&db, "Pres. Nobody"), None);
}

#[test]
fn corrections_change_the_store_and_apply_to_later_documents() {
    let db = entities_store("entities-corrections");
    let d = db.to_str().unwrap();
    let ok = |args: &[&str]| {
        let out = run(args, None);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    };
    ok(&[
        "entity",
        "merge",
        "--db",
        d,
        "Hillary Clinton",
        "PERSON:clinton",
    ]);
    ok(&[
        "entity",
        "alias",
        "remove",
        "--db",
        d,
        "Donald Trump",
        "Trump",
    ]);
    ok(&[
        "entity",
        "rename",
        "--db",
        d,
        "PERSON:barack obama",
        "Barack H. Obama",
    ]);
    ok(&["entity", "retype", "--db", d, "Philadelphia", "LOC"]);
    let all = by_key(&db);
    assert!(!all.contains_key("PERSON:clinton"));
    assert_eq!(all["PERSON:hillary clinton"]["documents"], 3);
    assert_eq!(
        all["PERSON:trump"]["documents"], 1,
        "the article that said only \"Trump\" went apart"
    );
    assert!(!aliases(&all["PERSON:donald j. trump"]).contains(&"Trump"));
    assert_eq!(all["PERSON:barack obama"]["name"], "Barack H. Obama");
    // A later article: its lone "Clinton" joins Hillary Clinton, its lone
    // "Trump" stays apart, and the name and type the user gave hold.
    let later = br#"{"id": "e4", "published": "2016-10-04", "text": "Clinton and Trump traded blows in Ohio. Obama stayed away.\n\nVoters in Philadelphia said nothing.\n"}"#;
    let out = run(&["ingest", "--db", d, "-"], Some(later));
    assert!(out.status.success(), "{}", stderr(&out));
    let all = by_key(&db);
    assert_eq!(
        all["PERSON:hillary clinton"]["documents"], 4,
        "{:#}",
        all["PERSON:hillary clinton"]
    );
    assert!(!all.contains_key("PERSON:clinton"));
    assert!(!aliases(&all["PERSON:donald j. trump"]).contains(&"Trump"));
    assert_eq!(all["PERSON:barack obama"]["name"], "Barack H. Obama");
    assert_eq!(all["GPE:philadelphia"]["type"], "LOC");
    assert_eq!(all["GPE:philadelphia"]["documents"], 2);
    let corrections = run(&["entity", "corrections", "--db", d, "--json"], None);
    assert_eq!(
        serde_json::from_slice::<Value>(&corrections.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        4
    );
}

fn names_of(text: &str) -> Vec<(String, String)> {
    let out = run(&["extract", "--from", "text"], Some(text.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    docs(&out)[0]["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["text"].as_str().unwrap().to_string(),
                m["type"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn example_has_no_person_indo_pacific_no_place_alliance_and_one_washington_dc() {
    let doc = &example_document();
    let mentions: Vec<(&str, &str)> = doc["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["text"].as_str().unwrap(), m["type"].as_str().unwrap()))
        .collect();
    assert!(
        !mentions.contains(&("Indo-Pacific", "PERSON")),
        "{mentions:?}"
    );
    assert!(!mentions.iter().any(|m| m.0 == "Alliance"), "{mentions:?}");
    assert!(
        mentions.contains(&("Washington DC", "GPE")) && !mentions.contains(&("DC", "GPE")),
        "{mentions:?}"
    );
}

#[test]
fn datelines_hyphen_compounds_and_ontonotes_conventions() {
    let names = names_of("WASHINGTON (AP) — Sen. Ted Cruz, R-Texas, met London-based bankers.\n\nThe U.S.-Canada border stayed open, the White House said. Harris County officials agreed.\n\nColonel Michael Hawk Smith said the HAWK missiles arrived.\n");
    for want in [
        ("WASHINGTON", "GPE"),
        ("Ted Cruz", "PERSON"),
        ("Texas", "GPE"),
        ("London", "GPE"),
        ("U.S.", "GPE"),
        ("Canada", "GPE"),
        ("White House", "ORG"),
        ("Harris County", "GPE"),
        ("Michael Hawk Smith", "PERSON"),
        ("HAWK", "PRODUCT"),
    ] {
        assert!(
            names.contains(&(want.0.to_string(), want.1.to_string())),
            "{want:?} in {names:?}"
        );
    }
}

#[test]
fn speakers_names_whole_and_of_their_type() {
    let names = names_of("US ambassador to the United Nations Nikki Haley said the plan failed.\n\nLabib al-Nahhas, an opposition figure, said talks had stalled.\n\nPresident Recep Tayyip Erdoğan spoke on Monday. Later Erdogan said Turkey would act.\n\nThe Syrian Democratic Forces said they held the town.\n\nThe Kurds said the two Koreas were far away.\n");
    let has = |n: &str, t: &str| names.contains(&(n.to_string(), t.to_string()));
    // An organisation run on into the person named after it is split.
    assert!(
        has("United Nations", "ORG") && has("Nikki Haley", "PERSON"),
        "{names:?}"
    );
    // A particle name ("al-Nahhas") is part of the person's name.
    assert!(has("Labib al-Nahhas", "PERSON"), "{names:?}");
    // A person the gazetteer knows is no demonym for its ending.
    assert!(has("Erdogan", "PERSON"), "{names:?}");
    // "Syrian" is a demonym, not a given name.
    assert!(has("Syrian Democratic Forces", "ORG"), "{names:?}");
    // A plural in a demonym's word cluster names a group; one that ends
    // the names of places, places.
    assert!(has("Kurds", "NORP") && has("Koreas", "GPE"), "{names:?}");
}

#[test]
fn groups_of_party_and_faith_are_norp() {
    // No ending marks them as a demonym's does; the NER reads them as MISC.
    let names = names_of("The Democrats criticized the plan on Tuesday.\n\nSenate Democrats blocked the bill.\n\nThe Communists and the Hindus protested in Delhi.\n");
    let has = |n: &str| names.contains(&(n.to_string(), "NORP".to_string()));
    assert!(has("Democrats"), "{names:?}");
}

#[test]
fn an_organisation_named_with_the_is_one_without_it() {
    // "The Guardian" is in the gazetteer; "the Guardian" in running text is
    // no demonym for its "-an" ending.
    let names = names_of("A spokesman told the Guardian on Monday that talks had stalled.\n");
    assert!(
        names.contains(&("Guardian".to_string(), "ORG".to_string())),
        "{names:?}"
    );
}

#[test]
fn a_common_noun_actor_stays_in_its_own_document() {
    // Two articles, each about "the government" of a different country.
    let db = scratch("entities-common").join("e.db");
    let db_arg = db.to_str().unwrap();
    let out = run(
        &["ingest", "--db", db_arg, &fixture("common-nouns.jsonl")],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let keys = |extra: &[&str]| -> Vec<String> {
        let mut keys: Vec<String> = entities_json(&db, extra)
            .iter()
            .map(|e| e["key"].as_str().unwrap().to_string())
            .collect();
        keys.sort();
        keys
    };
    assert!(
        !keys(&[]).iter().any(|k| k.contains("government")),
        "{:?}",
        keys(&[])
    );
    let with_common = keys(&["--common"]);
    assert!(
        with_common.contains(&"ORG:government@a".to_string())
            && with_common.contains(&"ORG:government@b".to_string()),
        "{with_common:?}"
    );
}

#[test]
fn places_spelt_with_accents_in_geonames_are_places_in_ascii() {
    // GeoNames names them "‘Afrīn", "Dūmā", "Hajīn" and "Al-Tabqa"; the
    // gazetteer holds them in ASCII, with the spellings among their
    // alternate names that news writes ("Douma", "Tabqa").
    let names = names_of("Afrin fell to Turkish-backed forces in March, and Douma surrendered days later.\n\nTabqa and Hajin were retaken after weeks of fighting.\n");
    for place in ["Afrin", "Douma", "Tabqa", "Hajin"] {
        assert!(
            names.contains(&(place.to_string(), "GPE".to_string())),
            "{place} in {names:?}"
        );
    }
}

/// #4 on the example: people are PERSON, equipment PRODUCT, Kyiv GPE, and
/// no heading is taken whole as a name.
#[test]
fn issue_4_example_entities_have_the_right_types() {
    let doc = &example_document();
    check_document(doc);
    let typed = |name: &str| -> Vec<String> {
        doc["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["text"] == name)
            .map(|m| m["type"].as_str().unwrap().to_string())
            .collect()
    };
    for person in [
        "Zelenskyy",
        "Volodymyr Zelenskyy",
        "Joe Biden",
        "Biden",
        "Jens Stoltenberg",
        "Stoltenberg",
        "Donald Trump",
        "Vladimir Putin",
        "Jake Sullivan",
    ] {
        let types = typed(person);
        assert!(
            !types.is_empty() && types.iter().all(|t| t == "PERSON"),
            "{person}: {types:?}"
        );
    }
    for product in ["Patriot", "Stinger", "SAMP-T", "NASAMS"] {
        let types = typed(product);
        assert!(
            !types.is_empty() && types.iter().all(|t| t == "PRODUCT"),
            "{product}: {types:?}"
        );
    }
    assert_eq!(typed("Kyiv"), ["GPE"]);
    let headings: Vec<(u64, u64)> = doc["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["kind"] == "heading")
        .map(|b| (b["start"].as_u64().unwrap(), b["end"].as_u64().unwrap()))
        .collect();
    for m in doc["mentions"].as_array().unwrap() {
        let (s, e) = (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap());
        assert!(
            !headings.contains(&(s, e)),
            "a whole heading became a name: {}",
            m["text"]
        );
    }
    // Named mentions point at entities that list them back (numeric ones have none).
    let numeric = [
        "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL",
    ];
    for (i, m) in doc["mentions"].as_array().unwrap().iter().enumerate() {
        if numeric.contains(&m["type"].as_str().unwrap()) {
            assert!(m["entity"].is_null());
            continue;
        }
        let e = doc["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == m["entity"])
            .expect("entity exists");
        assert!(e["mentions"]
            .as_array()
            .unwrap()
            .contains(&Value::String(format!("m{}", i + 1))));
    }
    let biden = doc["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Joe Biden")
        .unwrap();
    assert!(biden["aliases"]
        .as_array()
        .unwrap()
        .contains(&Value::String("Biden".into())));
}

#[test]
fn ontonotes_types_beyond_conll() {
    let out = run(&["extract", "--layers", "entities", "-"], Some("The film \"Casablanca\" played at Heathrow Airport. Zelenskyy spoke in Ukrainian to reporters in Kyiv about the NASAMS.".as_bytes()));
    let doc = &docs(&out)[0];
    check_document(doc);
    let got: Vec<(String, String)> = doc["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["text"].as_str().unwrap().to_string(),
                m["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (text, ty) in [
        ("Casablanca", "WORK_OF_ART"),
        ("Heathrow Airport", "FAC"),
        ("Zelenskyy", "PERSON"),
        ("Ukrainian", "LANGUAGE"),
        ("Kyiv", "GPE"),
        ("NASAMS", "PRODUCT"),
    ] {
        assert!(
            got.contains(&(text.to_string(), ty.to_string())),
            "{text} {ty}: {got:?}"
        );
    }
}

#[test]
fn regions_are_locations_and_a_seat_of_government_is_no_part_of_its_holder() {
    let names = names_of("Chip makers in Silicon Valley hired engineers from Asia. Growers on the Gulf Coast shipped rice to Ivory Coast. Al Qaeda in the Arabian Peninsula claimed the attack.\n\nBarbara Okafor took office in 2015. Staff of the Okafor White House said the Kremlin had called.\n");
    let has = |n: &str, t: &str| names.contains(&(n.to_string(), t.to_string()));
    // A landform names a region, a continent is no country; a country
    // named by a landform stays a country.
    for (n, t) in [
        ("Silicon Valley", "LOC"),
        ("Asia", "LOC"),
        ("Gulf Coast", "LOC"),
        ("Ivory Coast", "GPE"),
    ] {
        assert!(has(n, t), "{n} {t}: {names:?}");
    }
    // An organisation's long name that ends in a landform stays whole.
    assert!(
        !names
            .iter()
            .any(|(n, t)| n.ends_with("Arabian Peninsula") && t == "LOC"),
        "{names:?}"
    );
    // The person the document names in full, and the seat, apart.
    assert!(
        has("Okafor", "PERSON") && has("White House", "ORG") && has("Kremlin", "ORG"),
        "{names:?}"
    );
    assert!(
        !names.iter().any(|(n, _)| n == "Okafor White House"),
        "{names:?}"
    );
}

/// #7 on the example: one entity per person and country, with ISO codes,
/// the misspelt name merged and flagged, acting capitals resolved.
#[test]
fn issue_7_example_entities_resolve() {
    let doc = &example_document();
    check_document(doc);
    let entities = doc["entities"].as_array().unwrap();
    let named = |name: &str| {
        entities
            .iter()
            .filter(|e| e["name"] == name)
            .cloned()
            .collect::<Vec<_>>()
    };
    for person in [
        "Volodymyr Zelenskyy",
        "Joe Biden",
        "Jens Stoltenberg",
        "Donald Trump",
        "Vladimir Putin",
        "Jake Sullivan",
    ] {
        assert_eq!(named(person).len(), 1, "{person}");
    }
    assert!(
        named("Volodymr Zelenskyy").is_empty(),
        "the misspelling joins the right spelling"
    );
    assert!(doc["warnings"].as_array().unwrap().iter().any(
        |w| w["code"] == "name_variant" && w["message"].as_str().unwrap().contains("Volodymr")
    ));
    let us = &named("United States")[0];
    assert_eq!(us["kb"]["iso3166"], "US");
    assert_eq!(us["key"], "iso3166:US");
    let mention_entity = |text: &str, nth: usize| {
        let m = doc["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["text"] == text)
            .nth(nth)
            .unwrap_or_else(|| panic!("mention {text} #{nth}"));
        entities.iter().find(|e| e["id"] == m["entity"]).unwrap()["name"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(mention_entity("US", 0), "United States");
    assert_eq!(mention_entity("U.S.", 0), "United States");
    // "Washington is trying…", "Beijing's ambition", "that Kyiv has been seeking".
    let acting = |text: &str, country: &str| {
        let at = doc["text"].as_str().unwrap().find(text).unwrap();
        let chars = doc["text"].as_str().unwrap()[..at].chars().count() as u64;
        let m = doc["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["start"].as_u64() == Some(chars))
            .unwrap_or_else(|| panic!("no mention at {text}"));
        let e = entities.iter().find(|e| e["id"] == m["entity"]).unwrap();
        assert_eq!(e["name"], country, "{text}");
    };
    acting("Washington is trying", "United States");
    acting("Beijing's ambition", "China");
    acting("Kyiv has been desperately", "Ukraine");
    acting("Washington DC on Tuesday", "Washington DC"); // one place (#22)
    assert_eq!(
        mention_entity("Ukrainian", 0),
        "Ukraine",
        "demonyms link to their country"
    );
    let nato = &named("North Atlantic Treaty Organization")[0];
    assert!(nato["aliases"]
        .as_array()
        .unwrap()
        .contains(&Value::String("NATO".into())));
}

#[test]
fn people_after_an_honorific_and_named_so_elsewhere_in_the_document() {
    // An honorific before a word no name covers makes a person; an
    // honorific in a name or after "the" does not.
    let names = names_of(
        "Former Florida Gov. Jeb Bush criticized Mr. Trump on Tuesday.\n\nProtesters ended their march at the Justice Center downtown.\n",
    );
    let has = |n: &str, t: &str| names.contains(&(n.to_string(), t.to_string()));
    assert!(has("Trump", "PERSON"), "{names:?}");
    assert!(!names.iter().any(|n| n.0 == "Center"), "{names:?}");
    // The person an honorific names is that person where the model read a
    // place, when the gazetteer knows a person so named too.
    let names = names_of(
        "World leaders denounce the test; Obama, others vow consequences. In a statement, President Obama condemned the test.\n",
    );
    let obama: Vec<&(String, String)> = names.iter().filter(|n| n.0 == "Obama").collect();
    assert!(
        obama.len() == 2 && obama.iter().all(|n| n.1 == "PERSON"),
        "{names:?}"
    );
}

#[test]
fn a_given_name_before_a_middle_initial_opens_the_name_even_first_in_a_sentence() {
    let names = names_of(
        "Sonya A. Zoghlin, his attorney, told reporters that her client regretted it.\n\n(Read Reuters special report.) Major Nadeem Shah said the raid was over.\n",
    );
    let has = |n: &str, t: &str| names.contains(&(n.to_string(), t.to_string()));
    assert!(has("Sonya A. Zoghlin", "PERSON"), "{names:?}");
    // A capitalised word first in its sentence opens no name without an
    // initial after it, nor does a title.
    assert!(
        has("Reuters", "ORG") && has("Nadeem Shah", "PERSON"),
        "{names:?}"
    );
}
