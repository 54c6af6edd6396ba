//! Per-token lexical keys (lowercase form, affixes, shape), hashed once per
//! token into a reused buffer so feature extraction never allocates.

use crate::clusters::Clusters;
use crate::perceptron::Feature;

#[derive(Clone, Copy, Default, Debug)]
pub struct Lex {
    pub form: u64,
    pub lower: u64,
    pub suffix2: u64,
    pub suffix3: u64,
    pub suffix4: u64,
    pub prefix1: u64,
    pub prefix3: u64,
    pub shape: u64,
    pub flags: u64,
    /// Vector row and k-means clusters (0 = unknown word).
    pub row: u64,
    pub coarse: u64,
    pub fine: u64,
    /// Any capital letter: not a feature (the shape has it), but a cheap
    /// test for the NER's shortcut over uncapitalised words.
    pub has_upper: bool,
}

pub const FLAG_UPPER_INITIAL: u64 = 1;
pub const FLAG_ALL_UPPER: u64 = 2;
pub const FLAG_HAS_DIGIT: u64 = 4;
pub const FLAG_HAS_HYPHEN: u64 = 8;
pub const FLAG_ALL_PUNCT: u64 = 16;

/// A sentinel for positions before the start or after the end.
pub const PAD: Lex = Lex {
    form: 1,
    lower: 1,
    suffix2: 1,
    suffix3: 1,
    suffix4: 1,
    prefix1: 1,
    prefix3: 1,
    shape: 1,
    flags: 0,
    row: 1 << 40,
    coarse: 1 << 40,
    fine: 1 << 40,
    has_upper: false,
};
pub const END: Lex = Lex {
    form: 2,
    lower: 2,
    suffix2: 2,
    suffix3: 2,
    suffix4: 2,
    prefix1: 2,
    prefix3: 2,
    shape: 2,
    flags: 0,
    row: 2 << 40,
    coarse: 2 << 40,
    fine: 2 << 40,
    has_upper: false,
};

pub fn lex(word: &str, clusters: Option<&Clusters>) -> Lex {
    let mut lower = Feature::new(0);
    let mut shape = Feature::new(1);
    let mut flags = 0;
    let mut last_shape = '\0';
    let mut run = 0;
    let mut n_chars = 0;
    let mut all_upper = true;
    let mut all_punct = true;
    let mut has_upper = false;
    for (i, c) in word.chars().enumerate() {
        n_chars += 1;
        for lc in c.to_lowercase() {
            lower = lower.u(lc as u64);
        }
        let s = if c.is_uppercase() {
            has_upper = true;
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if i == 0 && c.is_uppercase() {
            flags |= FLAG_UPPER_INITIAL;
        }
        if c.is_alphabetic() && !c.is_uppercase() {
            all_upper = false;
        }
        if c.is_alphanumeric() {
            all_punct = false;
        }
        if c.is_ascii_digit() {
            flags |= FLAG_HAS_DIGIT;
        }
        if c == '-' {
            flags |= FLAG_HAS_HYPHEN;
        }
        if s == last_shape {
            run += 1;
        } else {
            run = 0;
        }
        if run < 2 {
            shape = shape.u(s as u64);
        }
        last_shape = s;
    }
    if all_upper && word.chars().any(char::is_alphabetic) {
        flags |= FLAG_ALL_UPPER;
    }
    if all_punct {
        flags |= FLAG_ALL_PUNCT;
    }
    // Affixes from fixed arrays: no allocation per token.
    let mut tail = ['\0'; 4];
    let mut n_tail = 0;
    for c in word.chars().rev().flat_map(char::to_lowercase) {
        if n_tail == 4 {
            break;
        }
        tail[3 - n_tail] = c;
        n_tail += 1;
    }
    let tail = &tail[4 - n_tail..];
    let mut head = ['\0'; 3];
    let mut n_head = 0;
    for c in word.chars().flat_map(char::to_lowercase).take(3) {
        head[n_head] = c;
        n_head += 1;
    }
    let affix = |template: u16, chars: &[char]| {
        chars
            .iter()
            .fold(Feature::new(template), |f, &c| f.u(c as u64))
            .finish()
    };
    let n = tail.len();
    let lower = lower.finish();
    let c = clusters.map(|c| c.lookup_key(lower)).unwrap_or_default();
    Lex {
        form: Feature::new(2).str(word).finish(),
        lower,
        row: u64::from(c.row),
        coarse: u64::from(c.coarse),
        fine: u64::from(c.fine),
        suffix2: affix(3, &tail[n.saturating_sub(2)..]),
        suffix3: affix(4, &tail[n.saturating_sub(3)..]),
        suffix4: affix(5, tail),
        prefix1: affix(6, &head[..n_head.min(1)]),
        prefix3: affix(7, &head[..n_head]),
        shape: shape.u(n_chars.min(6) as u64).finish(),
        flags,
        has_upper,
    }
}
