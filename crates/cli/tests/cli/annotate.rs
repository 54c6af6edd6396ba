//! `annotate`: CoNLL-U and CoNLL in, tags, trees and IOB2 tags out; the tokens layer.

use super::*;

#[test]
fn annotate_conllu_predicts_tags_and_tree_and_keeps_the_rest() {
    let out = run(
        &[
            "annotate",
            "--from",
            "conllu",
            "--to",
            "conllu",
            &fixture("two.conllu"),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let input = std::fs::read_to_string(fixture("two.conllu")).unwrap();
    let (lines, in_lines): (Vec<&str>, Vec<&str>) =
        (text.lines().collect(), input.lines().collect());
    assert_eq!(lines.len(), in_lines.len());
    let mut roots = 0;
    for (got, was) in lines.iter().zip(&in_lines) {
        let (g, w): (Vec<&str>, Vec<&str>) = (got.split('\t').collect(), was.split('\t').collect());
        if w.len() != 10 || w[0].contains('-') {
            assert_eq!(got, was, "comments and multiword lines are kept");
            continue;
        }
        for col in [0, 1, 2, 5, 8, 9] {
            assert_eq!(g[col], w[col], "column {} is kept", col + 1);
        }
        assert!(
            g[3] != "X" && g[3] != "_" && g[4] != "X",
            "tags predicted: {got}"
        );
        assert!(
            g[6].parse::<usize>().is_ok() && g[7] != "dep" && g[7] != "_",
            "tree predicted: {got}"
        );
        roots += usize::from(g[6] == "0");
    }
    assert_eq!(roots, 2, "exactly one root per sentence");
    assert!(
        text.contains("2\tsaid\tsay\tVERB\tVBD\t_\t0\troot"),
        "{text}"
    );
    // Same input through stdin.
    let again = run(
        &["annotate", "--from", "conllu", "--to", "conllu", "-"],
        Some(input.as_bytes()),
    );
    assert_eq!(String::from_utf8(again.stdout).unwrap(), text);
}

#[test]
fn tokens_layer_carries_pos_head_and_dep() {
    let out = run(
        &["extract", "--layers", "sentences,tokens", "-"],
        Some("Biden said the allies will send Patriot batteries.".as_bytes()),
    );
    let doc = &docs(&out)[0];
    check_document(doc);
    let tokens = doc["tokens"].as_array().unwrap();
    let said = tokens.iter().find(|t| t["text"] == "said").unwrap();
    assert_eq!(said["pos"], "VERB");
    assert_eq!(said["dep"], "root");
    assert!(said.get("head").is_none());
    let biden = tokens.iter().find(|t| t["text"] == "Biden").unwrap();
    assert_eq!(biden["pos"], "PROPN");
    assert_eq!(
        tokens[biden["head"].as_u64().unwrap() as usize]["text"],
        "said"
    );
}

/// A reader that goes away early (`dossier eval … | head`) ends the run
/// quietly, without a panic.
#[test]
fn a_closed_stdout_ends_eval_quietly() {
    let mut child = bin()
        .current_dir(root())
        .args(["eval", "ner", "--conll", &fixture("ner.conll")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dossier runs");
    // Close the read end before the models have loaded and the first line is printed.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        stderr(&out)
    );
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn annotate_refuses_unknown_conversions() {
    let out = run(
        &["annotate", "--from", "conllu", "--to", "json", "-"],
        Some(b""),
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn annotate_conll_appends_one_iob2_tag_per_token() {
    let out = run(
        &[
            "annotate",
            "--from",
            "conll",
            "--to",
            "conll",
            &fixture("ner.conll"),
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    let input = std::fs::read_to_string(fixture("ner.conll")).unwrap();
    let (got, was): (Vec<&str>, Vec<&str>) = (text.lines().collect(), input.lines().collect());
    assert_eq!(got.len(), was.len());
    for (g, w) in got.iter().zip(&was) {
        if w.is_empty() || w.starts_with("-DOCSTART-") {
            assert_eq!(g, w);
        } else {
            assert!(g.starts_with(w) && g.split_whitespace().count() == 5, "{g}");
        }
    }
    let predicted: Vec<&str> = got
        .iter()
        .filter(|l| l.split_whitespace().count() == 5)
        .map(|l| l.split_whitespace().last().unwrap())
        .collect();
    assert_eq!(
        predicted,
        ["B-PER", "I-PER", "O", "B-LOC", "O", "B-PER", "O", "B-ORG", "O", "O", "B-LOC", "O"]
    );
}
