//! Sentence-boundary F1: the sets of positions where a sentence ends
//! (excluding the end of each document, which every splitter gets right).

use std::collections::BTreeSet;

/// Rebuilt raw text with gold sentence end offsets (bytes).
pub struct GoldDoc {
    pub text: String,
    pub ends: Vec<usize>,
}

/// Rebuilds documents from CoNLL-U: `# text` lines joined by a space
/// within a paragraph and by a blank line between paragraphs
/// (`# newpar`), documents split at `# newdoc`.
pub fn conllu_docs(conllu: &str) -> Vec<GoldDoc> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut new_par = false;
    for line in conllu.lines() {
        if line.starts_with("# newdoc") {
            docs.push(GoldDoc {
                text: String::new(),
                ends: Vec::new(),
            });
        } else if line.starts_with("# newpar") {
            new_par = true;
        } else if let Some(t) = line.strip_prefix("# text = ") {
            if docs.is_empty() {
                docs.push(GoldDoc {
                    text: String::new(),
                    ends: Vec::new(),
                });
            }
            let d = docs.last_mut().unwrap();
            if !d.text.is_empty() {
                d.text.push_str(if new_par { "\n\n" } else { " " });
            }
            new_par = false;
            d.text.push_str(t.trim());
            d.ends.push(d.text.len());
        }
    }
    docs.retain(|d| !d.text.is_empty());
    docs
}

/// Rebuilds documents from CoNLL-2003: tokens joined by spaces, sentences
/// by a space, documents split at `-DOCSTART-`.
pub fn conll_docs(conll: &str) -> Vec<GoldDoc> {
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut in_sentence = false;
    for line in conll.lines().chain(std::iter::once("")) {
        let token = line.split_whitespace().next();
        match token {
            Some("-DOCSTART-") => docs.push(GoldDoc {
                text: String::new(),
                ends: Vec::new(),
            }),
            Some(tok) => {
                if docs.is_empty() {
                    docs.push(GoldDoc {
                        text: String::new(),
                        ends: Vec::new(),
                    });
                }
                let d = docs.last_mut().unwrap();
                if !d.text.is_empty() {
                    d.text.push(' ');
                }
                d.text.push_str(tok);
                in_sentence = true;
            }
            None => {
                if in_sentence {
                    let d = docs.last_mut().unwrap();
                    d.ends.push(d.text.len());
                }
                in_sentence = false;
            }
        }
    }
    docs.retain(|d| !d.text.is_empty());
    docs
}

/// Counts (true positives, predicted, gold) of internal boundaries.
pub fn count(
    gold_ends: &[usize],
    predicted_ends: &[usize],
    text_len: usize,
) -> (usize, usize, usize) {
    let internal =
        |v: &[usize]| -> BTreeSet<usize> { v.iter().copied().filter(|&e| e < text_len).collect() };
    let g = internal(gold_ends);
    let p = internal(predicted_ends);
    (g.intersection(&p).count(), p.len(), g.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_conllu_and_conll() {
        let u = "# newdoc id = a\n# newpar\n# text = Hi there.\n1\tHi\n\n# text = Bye.\n1\tBye\n\n# newpar\n# text = New.\n";
        let d = &conllu_docs(u)[0];
        assert_eq!(d.text, "Hi there. Bye.\n\nNew.");
        assert_eq!(d.ends, vec![9, 14, 20]);
        let c =
            "-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n. . O O\n\nOK UH O O\n";
        let d = &conll_docs(c)[0];
        assert_eq!(d.text, "EU rejects . OK");
        assert_eq!(d.ends, vec![12, 15]);
        assert_eq!(count(&[12, 15], &[12, 15], 15), (1, 1, 1));
    }
}
