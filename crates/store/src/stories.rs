//! Near-duplicate groups and stories, assigned online as each document is
//! stored (inside its transaction), through indexes rather than all pairs:
//!
//! - a document's MinHash signature is split into LSH bands; documents that
//!   share a band are compared, and one whose estimated shingle Jaccard
//!   with an earlier document reaches [`DUPLICATE_JACCARD`] joins that
//!   document's group (a wire copy with another headline and byline);
//! - a near-duplicate joins its group's story. Any other document is
//!   compared with the stories that share one of its heaviest terms and are
//!   active within [`WINDOW_DAYS`] of its date: TF-IDF cosine with the
//!   story's centroid, shared named entities, and a decay with the days
//!   between it and the story (after Miranda et al. 2018). The best story
//!   above [`STORY_SCORE`] takes it; otherwise it starts a new one.
//!
//! IDF counts come from the store (near-duplicates are not counted again, so
//! a wire story copied forty times does not make its own words common).

use rusqlite::{params, Connection, OptionalExtension};

use crate::doc_freq::{self, DocFrequencies};
use crate::similar::{self, Vector};

/// Estimated shingle Jaccard from which two documents are near-duplicates.
pub const DUPLICATE_JACCARD: f64 = 0.5;
/// Least score for a document to join a story.
pub const STORY_SCORE: f32 = 0.25;
/// How far (days) from a story's first and last document a new one is
/// still compared with it.
pub const WINDOW_DAYS: i64 = 7;
/// Decay constant (days) of the time factor exp(-gap / TAU).
const TAU_DAYS: f32 = 3.0;
/// Weights of text and entity similarity.
const TEXT_WEIGHT: f32 = 0.8;
const ENTITY_WEIGHT: f32 = 0.2;
/// Terms kept per document vector and per story centroid, and indexed per story.
const DOC_TERMS: usize = 80;
const CENTROID_TERMS: usize = 150;
const INDEXED_TERMS: usize = 25;
/// A document's heaviest terms that look up candidate stories.
const QUERY_TERMS: usize = 12;
/// Candidates compared per document, at most.
const CANDIDATES: usize = 12;

/// What the index reads off a stored document.
pub(crate) struct StoryInput<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub text: &'a str,
    pub published: Option<&'a str>,
    pub publisher: Option<&'a str>,
    /// Keys of its named entities (people, organizations, places…), the most mentioned first.
    pub entity_keys: Vec<String>,
}

/// Assigns the document its near-duplicate group and its story.
pub(crate) fn assign(
    tx: &Connection,
    df: &mut DocFrequencies,
    doc: &StoryInput,
) -> rusqlite::Result<()> {
    let day = doc.published.and_then(similar::day_number);
    let signature = similar::signature(doc.text);
    let original = match &signature {
        Some(sig) => near_duplicate_of(tx, sig)?,
        None => None,
    };
    let group = original
        .as_ref()
        .map_or(doc.id, |(group, _)| group.as_str());
    if let Some(sig) = &signature {
        tx.prepare_cached(
            "INSERT INTO near_duplicates (document, dup_group, signature) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![doc.id, group, similar::encode_u64s(sig)])?;
        let mut band =
            tx.prepare_cached("INSERT INTO minhash_bands (band_key, document) VALUES (?1, ?2)")?;
        for key in similar::band_keys(sig) {
            band.execute(params![key, doc.id])?;
        }
    } else {
        tx.prepare_cached(
            "INSERT INTO near_duplicates (document, dup_group, signature) VALUES (?1, ?1, NULL)",
        )?
        .execute([doc.id])?;
    }
    let vector = term_vector(tx, df, doc, original.is_none())?;
    let entity_keys: Vec<&str> = doc
        .entity_keys
        .iter()
        .map(String::as_str)
        .take(10)
        .collect();
    let story = match original.and_then(|(_, story)| story) {
        Some(story) => story,
        None => match best_story(tx, &vector, &entity_keys, day)? {
            Some(story) => story,
            None => new_story(tx)?,
        },
    };
    join(tx, story, doc, &vector, &entity_keys, day)
}

/// The group and story of the most similar earlier document, if it is a
/// near-duplicate.
fn near_duplicate_of(
    tx: &Connection,
    sig: &[u64],
) -> rusqlite::Result<Option<(String, Option<i64>)>> {
    let mut candidates: Vec<String> = Vec::new();
    // At most 32 matches per band (a wire story copied a thousand times),
    // written in the SQL: SQLite prepares a statement again at every new
    // binding of a LIMIT parameter.
    let mut lookup =
        tx.prepare_cached("SELECT document FROM minhash_bands WHERE band_key = ?1 LIMIT 32")?;
    for key in similar::band_keys(sig) {
        for d in lookup.query_map([key], |r| r.get::<_, String>(0))? {
            let d = d?;
            if !candidates.contains(&d) {
                candidates.push(d);
            }
        }
    }
    let mut best: Option<(f64, String, Option<i64>)> = None;
    let mut read = tx.prepare_cached(
        "SELECT n.dup_group, n.signature, s.story FROM near_duplicates n LEFT JOIN story_documents s ON s.document = n.document WHERE n.document = ?1",
    )?;
    for d in &candidates {
        let Some((group, blob, story)) = read
            .query_row([d], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<Vec<u8>>>(1)?,
                    r.get::<_, Option<i64>>(2)?,
                ))
            })
            .optional()?
        else {
            continue;
        };
        let Some(blob) = blob else { continue };
        let j = similar::jaccard(sig, &similar::decode_u64s(&blob));
        if j >= DUPLICATE_JACCARD && best.as_ref().is_none_or(|b| j > b.0) {
            best = Some((j, group, story));
        }
    }
    Ok(best.map(|(_, group, story)| (group, story)))
}

/// The document's TF-IDF vector (sublinear TF), normalised, its heaviest
/// terms only. `count` adds it to the document frequencies first.
fn term_vector(
    tx: &Connection,
    df: &mut DocFrequencies,
    doc: &StoryInput,
    count: bool,
) -> rusqlite::Result<Vector> {
    let counts = similar::term_counts(doc.title, doc.text);
    let mut frequency = |term| {
        if count {
            df.bump(tx, term)
        } else {
            df.get(tx, term).map(|n| n.max(1))
        }
    };
    let total = frequency(doc_freq::TOTAL)?;
    let mut vector = Vec::with_capacity(counts.len());
    for (term, tf) in counts {
        let idf = (1.0 + total as f32 / frequency(term)?.max(1) as f32).ln();
        vector.push((term, (1.0 + tf.ln()) * idf));
    }
    let mut vector = similar::truncate(vector, DOC_TERMS);
    let n = similar::norm(&vector);
    if n > 0.0 {
        vector.iter_mut().for_each(|t| t.1 /= n);
    }
    Ok(vector)
}

/// The story the document belongs to, if one scores above [`STORY_SCORE`].
fn best_story(
    tx: &Connection,
    vector: &Vector,
    entity_keys: &[&str],
    day: Option<i64>,
) -> rusqlite::Result<Option<i64>> {
    let mut heaviest = vector.clone();
    heaviest.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
    let mut hits: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    // Stories indexed with a last day before the window cannot match; an
    // undated document looks at the most recent ones.
    let since = day.map_or(i64::MIN, |d| d - WINDOW_DAYS);
    let mut lookup = tx.prepare_cached("SELECT story FROM story_terms WHERE term = ?1 AND last_day >= ?2 ORDER BY last_day DESC LIMIT 64")?;
    for (term, _) in heaviest.iter().take(QUERY_TERMS) {
        for story in lookup.query_map(params![term, since], |r| r.get::<_, i64>(0))? {
            *hits.entry(story?).or_default() += 1;
        }
    }
    let mut candidates: Vec<(i64, usize)> = hits.into_iter().collect();
    candidates.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    candidates.truncate(CANDIDATES);
    let mut read =
        tx.prepare_cached("SELECT centroid, first_day, last_day FROM stories WHERE id = ?1")?;
    // One query per candidate: the document's (up to 10) keys, padded with NULLs.
    let mut shared = tx.prepare_cached("SELECT count(*) FROM story_entities WHERE story = ?1 AND key IN (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")?;
    let mut keys: Vec<Option<&str>> = entity_keys.iter().take(10).map(|k| Some(*k)).collect();
    keys.resize(10, None);
    let mut best: Option<(f32, i64)> = None;
    for (story, _) in candidates {
        let (blob, first, last): (Vec<u8>, Option<i64>, Option<i64>) =
            read.query_row([story], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let centroid = similar::decode_vector(&blob);
        let text = similar::cosine(vector, &centroid);
        let common: i64 = shared.query_row(
            params![
                story, keys[0], keys[1], keys[2], keys[3], keys[4], keys[5], keys[6], keys[7],
                keys[8], keys[9]
            ],
            |r| r.get(0),
        )?;
        let entities = (common as f32 / 3.0).min(1.0);
        let gap = match (day, first, last) {
            (Some(d), Some(f), _) if d < f => f - d,
            (Some(d), _, Some(l)) if d > l => d - l,
            _ => 0,
        };
        if gap > WINDOW_DAYS {
            continue;
        }
        let score =
            (TEXT_WEIGHT * text + ENTITY_WEIGHT * entities) * (-(gap as f32) / TAU_DAYS).exp();
        if score >= STORY_SCORE && best.is_none_or(|b| score > b.0) {
            best = Some((score, story));
        }
    }
    Ok(best.map(|b| b.1))
}

fn new_story(tx: &Connection) -> rusqlite::Result<i64> {
    tx.prepare_cached("INSERT INTO stories (articles, sources, centroid) VALUES (0, 0, x'')")?
        .execute([])?;
    Ok(tx.last_insert_rowid())
}

/// Adds the document to the story: centroid, indexed terms, entities,
/// outlets, dates and the most central headline.
fn join(
    tx: &Connection,
    story: i64,
    doc: &StoryInput,
    vector: &Vector,
    entity_keys: &[&str],
    day: Option<i64>,
) -> rusqlite::Result<()> {
    let blob: Vec<u8> = tx
        .prepare_cached("SELECT centroid FROM stories WHERE id = ?1")?
        .query_row([story], |r| r.get(0))?;
    let mut sum: std::collections::HashMap<i64, f32> =
        similar::decode_vector(&blob).into_iter().collect();
    for (t, w) in vector {
        *sum.entry(*t).or_default() += w;
    }
    let centroid = similar::truncate(sum.into_iter().collect(), CENTROID_TERMS);
    let similarity = similar::cosine(vector, &centroid);
    tx.prepare_cached(
        "INSERT INTO story_documents (story, document, similarity, vector) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        story,
        doc.id,
        similarity,
        similar::encode_vector(vector)
    ])?;
    let new_outlet = match doc.publisher {
        Some(p) => tx.prepare_cached("INSERT INTO story_publishers (story, publisher, documents) VALUES (?1, ?2, 1) ON CONFLICT(story, publisher) DO UPDATE SET documents = documents + 1 RETURNING documents")?.query_row(params![story, p], |r| r.get::<_, i64>(0))? == 1,
        None => false,
    };
    for key in entity_keys {
        tx.prepare_cached("INSERT INTO story_entities (story, key, documents) VALUES (?1, ?2, 1) ON CONFLICT(story, key) DO UPDATE SET documents = documents + 1")?.execute(params![story, key])?;
    }
    let published = doc.published.map(|p| p.get(..10).unwrap_or(p));
    tx.prepare_cached(
        "UPDATE stories SET articles = articles + 1, sources = sources + ?2, centroid = ?3,
            first_seen = CASE WHEN ?4 IS NOT NULL AND (first_seen IS NULL OR ?4 < first_seen) THEN ?4 ELSE first_seen END,
            last_seen = CASE WHEN ?4 IS NOT NULL AND (last_seen IS NULL OR ?4 > last_seen) THEN ?4 ELSE last_seen END,
            first_day = CASE WHEN ?5 IS NOT NULL AND (first_day IS NULL OR ?5 < first_day) THEN ?5 ELSE first_day END,
            last_day = CASE WHEN ?5 IS NOT NULL AND (last_day IS NULL OR ?5 > last_day) THEN ?5 ELSE last_day END
         WHERE id = ?1",
    )?
    .execute(params![story, i64::from(new_outlet), similar::encode_vector(&centroid), published, day])?;
    index_terms(tx, story, &centroid)?;
    choose_title(tx, story, &centroid)
}

/// Re-indexes the story under its centroid's heaviest terms and its last day.
fn index_terms(tx: &Connection, story: i64, centroid: &Vector) -> rusqlite::Result<()> {
    let last_day: Option<i64> = tx
        .prepare_cached("SELECT last_day FROM stories WHERE id = ?1")?
        .query_row([story], |r| r.get(0))?;
    tx.prepare_cached("DELETE FROM story_terms WHERE story = ?1")?
        .execute([story])?;
    let mut heaviest = centroid.clone();
    heaviest.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
    let mut insert =
        tx.prepare_cached("INSERT INTO story_terms (term, last_day, story) VALUES (?1, ?2, ?3)")?;
    for (term, _) in heaviest.iter().take(INDEXED_TERMS) {
        // Undated stories sort last-but-always-in-window (i64::MAX).
        insert.execute(params![term, last_day.unwrap_or(i64::MAX), story])?;
    }
    Ok(())
}

/// The story's title: the headline of the document nearest the centroid,
/// among its 64 latest (a large story's centre moves slowly).
fn choose_title(tx: &Connection, story: i64, centroid: &Vector) -> rusqlite::Result<()> {
    let mut members = tx.prepare_cached(
        "SELECT sd.document, sd.vector, d.title FROM story_documents sd JOIN documents d ON d.id = sd.document
         WHERE sd.story = ?1 AND d.title IS NOT NULL AND trim(d.title) != '' ORDER BY sd.rowid DESC LIMIT 64",
    )?;
    let mut best: Option<(f32, String, String)> = None;
    for row in members.query_map([story], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Vec<u8>>(1)?,
            r.get::<_, String>(2)?,
        ))
    })? {
        let (document, blob, title) = row?;
        let score = similar::cosine(&similar::decode_vector(&blob), centroid);
        if best
            .as_ref()
            .is_none_or(|b| score > b.0 || (score == b.0 && document < b.1))
        {
            best = Some((score, document, title));
        }
    }
    if let Some((_, document, title)) = best {
        tx.prepare_cached("UPDATE stories SET title = ?2, title_document = ?3 WHERE id = ?1")?
            .execute(params![story, title, document])?;
    }
    Ok(())
}
