//! What the story index reads off a document's words: MinHash signatures of
//! its word shingles (near-duplicates) and a TF-IDF term vector (stories).
//! Hashes are our own (FNV-1a, SplitMix64) because they are stored: they
//! must not change with the Rust version.

/// Words per shingle: five words tell a copied sentence from a shared phrase.
pub const SHINGLE_WORDS: usize = 5;
/// MinHash functions per signature.
pub const SIGNATURE_LEN: usize = 64;
/// LSH bands × rows = `SIGNATURE_LEN`: two documents are compared when one
/// band agrees, so a pair at Jaccard 0.5 is found with p ≈ 0.64, at 0.7 with
/// p ≈ 0.98.
pub const BANDS: usize = 16;
pub const ROWS: usize = SIGNATURE_LEN / BANDS;

pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// SplitMix64's finaliser: a cheap, well-mixed hash of a 64-bit value.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Lowercased alphanumeric words.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The MinHash signature of the text's word shingles (of its words, if it
/// has fewer than a shingle); `None` for a text without words.
pub fn signature(text: &str) -> Option<Vec<u64>> {
    let hashes: Vec<u64> = words(text).map(|w| fnv1a(w.as_bytes())).collect();
    if hashes.is_empty() {
        return None;
    }
    let width = SHINGLE_WORDS.min(hashes.len());
    let mut sig = vec![u64::MAX; SIGNATURE_LEN];
    for window in hashes.windows(width) {
        let shingle = window.iter().fold(0u64, |acc, h| mix(acc ^ h));
        for (i, slot) in sig.iter_mut().enumerate() {
            // One hash function per seed, over the shingle's hash.
            let h = mix(shingle ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            *slot = (*slot).min(h);
        }
    }
    Some(sig)
}

/// The estimated Jaccard similarity of two signatures' shingle sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len().max(1) as f64
}

/// One key per band: the band's index and its rows, hashed (stored as i64).
pub fn band_keys(sig: &[u64]) -> Vec<i64> {
    sig.chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            rows.iter()
                .fold(mix(band as u64 + 1), |acc, r| mix(acc ^ r)) as i64
        })
        .collect()
}

pub fn encode_u64s(values: &[u64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub fn decode_u64s(bytes: &[u8]) -> Vec<u64> {
    bytes
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")))
        .collect()
}

/// A sparse term vector: (term hash, weight), sorted by term.
pub type Vector = Vec<(i64, f32)>;

pub fn encode_vector(v: &[(i64, f32)]) -> Vec<u8> {
    v.iter()
        .flat_map(|(t, w)| t.to_le_bytes().into_iter().chain(w.to_le_bytes()))
        .collect()
}

pub fn decode_vector(bytes: &[u8]) -> Vector {
    bytes
        .chunks_exact(12)
        .map(|c| {
            (
                i64::from_le_bytes(c[..8].try_into().expect("8 bytes")),
                f32::from_le_bytes(c[8..].try_into().expect("4 bytes")),
            )
        })
        .collect()
}

pub fn norm(v: &[(i64, f32)]) -> f32 {
    v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt()
}

/// The dot product of two vectors sorted by term.
pub fn dot(a: &[(i64, f32)], b: &[(i64, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

pub fn cosine(a: &[(i64, f32)], b: &[(i64, f32)]) -> f32 {
    let n = norm(a) * norm(b);
    if n == 0.0 {
        0.0
    } else {
        dot(a, b) / n
    }
}

/// Keeps the `k` heaviest terms, sorted by term again.
pub fn truncate(mut v: Vector, k: usize) -> Vector {
    if v.len() > k {
        v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(k);
    }
    v.sort_unstable_by_key(|t| t.0);
    v
}

/// Words too common in news to tell one story from another.
const STOPWORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "that",
    "with",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "not",
    "but",
    "his",
    "her",
    "its",
    "their",
    "they",
    "this",
    "these",
    "those",
    "from",
    "said",
    "says",
    "say",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "been",
    "being",
    "who",
    "whom",
    "which",
    "what",
    "when",
    "where",
    "why",
    "how",
    "all",
    "any",
    "some",
    "more",
    "most",
    "other",
    "than",
    "then",
    "there",
    "into",
    "onto",
    "about",
    "after",
    "before",
    "over",
    "under",
    "also",
    "just",
    "only",
    "very",
    "out",
    "our",
    "you",
    "your",
    "him",
    "she",
    "one",
    "two",
    "new",
    "year",
    "years",
    "last",
    "first",
    "told",
    "did",
    "does",
    "many",
    "much",
    "such",
    "while",
    "because",
    "between",
    "both",
    "each",
    "during",
    "through",
    "against",
    "them",
    "here",
    "now",
    "yet",
    "still",
    "since",
    "until",
    "per",
    "cent",
    "percent",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "week",
    "day",
    "days",
    "time",
    "people",
    "according",
    "including",
    "like",
    "make",
    "made",
    "get",
    "got",
    "reporting",
    "editing",
    "reuters",
    "news",
    "report",
    "reported",
    "statement",
];

fn is_stopword(w: &str) -> bool {
    STOPWORDS.contains(&w)
}

/// The counted terms of a title and body: lowercased words of three or
/// more letters, not stopwords nor numbers; the title's count twice.
pub fn term_counts(title: Option<&str>, text: &str) -> Vec<(i64, f32)> {
    let mut counts: std::collections::HashMap<i64, f32> = std::collections::HashMap::new();
    let mut add = |t: &str, weight: f32| {
        for w in words(t) {
            if w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()) && !is_stopword(&w)
            {
                *counts.entry(fnv1a(w.as_bytes()) as i64).or_default() += weight;
            }
        }
    };
    add(title.unwrap_or(""), 2.0);
    add(text, 1.0);
    let mut v: Vec<(i64, f32)> = counts.into_iter().collect();
    v.sort_unstable_by_key(|t| t.0);
    v
}

/// Days since 1970-01-01 of a date that starts `YYYY-MM-DD`.
pub fn day_number(date: &str) -> Option<i64> {
    let (y, m, d): (i64, i64, i64) = (
        date.get(..4)?.parse().ok()?,
        date.get(5..7)?.parse().ok()?,
        date.get(8..10)?.parse().ok()?,
    );
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Ukraine will receive a new package of air defence missiles worth $450 million, the defence ministry said on Tuesday, \
        after talks in Brussels that ran late into the night. The package includes interceptors for systems already deployed around Kyiv \
        and spare parts for older launchers. Officials said the first deliveries were expected within weeks and that training of crews \
        would begin at once in Poland.";

    #[test]
    fn a_trimmed_copy_is_near_and_a_rewrite_is_not() {
        let copy = WIRE.rsplit_once(" Officials").unwrap().0;
        let rewrite = "Kyiv is getting more interceptor missiles: a $450 million aid package agreed in Brussels overnight covers launchers, parts and crew training in Poland.";
        let (a, b, c) = (
            signature(WIRE).unwrap(),
            signature(copy).unwrap(),
            signature(rewrite).unwrap(),
        );
        assert!(jaccard(&a, &b) > 0.6, "{}", jaccard(&a, &b));
        assert!(jaccard(&a, &c) < 0.1, "{}", jaccard(&a, &c));
        assert!(band_keys(&a)
            .iter()
            .zip(band_keys(&b))
            .any(|(x, y)| *x == y));
        assert_eq!(decode_u64s(&encode_u64s(&a)), a);
    }

    #[test]
    fn term_vectors_and_days() {
        let v = term_counts(
            Some("Missiles for Kyiv"),
            "The missiles were said to arrive.",
        );
        assert_eq!(v.len(), 3, "missiles, kyiv, arrive: {v:?}");
        assert_eq!(decode_vector(&encode_vector(&v)), v);
        assert!((cosine(&v, &v) - 1.0).abs() < 1e-6);
        assert_eq!(day_number("1970-01-02"), Some(1));
        assert_eq!(
            day_number("2024-03-01T10:00:00Z").unwrap() - day_number("2024-02-28").unwrap(),
            2
        );
        assert_eq!(day_number("May 2"), None);
    }
}
