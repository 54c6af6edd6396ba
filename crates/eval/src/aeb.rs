//! The article-extraction benchmark's metric: multisets of 4-token
//! shingles over `\w+` tokens; precision and recall per page, averaged over
//! pages; F1 from the two means.

use std::collections::HashMap;

/// Shingle counts of a text.
fn shingles(text: &str, n: usize) -> HashMap<String, usize> {
    let tokens: Vec<&str> = words(text).collect();
    let mut counts = HashMap::new();
    let windows = tokens.len().saturating_sub(n) + 1;
    for i in 0..windows.max(1) {
        let end = (i + n).min(tokens.len());
        if i >= end {
            break;
        }
        *counts.entry(tokens[i..end].join(" ")).or_insert(0) += 1;
    }
    counts
}

/// Python's `\w+` with re.UNICODE: letters, digits, marks and underscore.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || is_mark(c)))
        .filter(|w| !w.is_empty())
}

fn is_mark(c: char) -> bool {
    // Combining marks count as word characters in Python's `\w`.
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F)
}

/// (true positives, false positives, false negatives) of one page.
pub fn shingle_matching(gold: &str, predicted: &str) -> (usize, usize, usize) {
    let g = shingles(gold, 4);
    let p = shingles(predicted, 4);
    let mut tp = 0;
    let mut fp = 0;
    for (s, &pc) in &p {
        let gc = g.get(s).copied().unwrap_or(0);
        tp += pc.min(gc);
        fp += pc.saturating_sub(gc);
    }
    let fn_: usize = g
        .iter()
        .map(|(s, &gc)| gc.saturating_sub(p.get(s).copied().unwrap_or(0)))
        .sum();
    (tp, fp, fn_)
}

/// Page precision and recall with the benchmark's edge cases.
pub fn precision_recall(tp: usize, fp: usize, fn_: usize) -> (f64, f64) {
    if fp == 0 && fn_ == 0 {
        return (1.0, 1.0);
    }
    if tp == 0 {
        return (0.0, 0.0);
    }
    (tp as f64 / (tp + fp) as f64, tp as f64 / (tp + fn_) as f64)
}

/// Mean precision, mean recall and F1 over `(gold, predicted)` pages.
pub fn score<'a>(pages: impl IntoIterator<Item = (&'a str, &'a str)>) -> (f64, f64, f64) {
    let (mut sp, mut sr, mut n) = (0.0, 0.0, 0usize);
    for (gold, pred) in pages {
        let (tp, fp, fn_) = shingle_matching(gold, pred);
        let (p, r) = precision_recall(tp, fp, fn_);
        sp += p;
        sr += r;
        n += 1;
    }
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let (p, r) = (sp / n as f64, sr / n as f64);
    (p, r, crate::f1(p, r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_partial() {
        let gold = "one two three four five six";
        assert_eq!(shingle_matching(gold, gold), (3, 0, 0));
        assert_eq!(shingle_matching(gold, "one two three four"), (1, 0, 2));
        assert_eq!(precision_recall(0, 0, 0), (1.0, 1.0));
        assert_eq!(precision_recall(0, 3, 2), (0.0, 0.0));
        let (p, r, f) = score([(gold, "one two three four five six seven")]);
        assert!((p - 0.75).abs() < 1e-9 && r == 1.0 && (f - 6.0 / 7.0).abs() < 1e-9);
    }
}
