//! RSS, Atom and JSON Feed (feed-rs): one record per item. Item content is
//! HTML and goes through the HTML path as a fragment.

use dossier_core::{Source, SourceFormat};
use feed_rs::model::FeedType;

use crate::{ErrorKind, Meta, Payload, Record};

/// The feed's own type (RSS, Atom, JSON Feed) is read from its content.
pub fn feed_records(
    bytes: &[u8],
    input: &str,
    uri: Option<String>,
) -> Result<Vec<Record>, ErrorKind> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| ErrorKind::Feed(e.to_string()))?;
    if feed.entries.is_empty() {
        // Elements outside the format's namespace are skipped unseen.
        return Err(ErrorKind::Feed("no items found (RSS needs <item>s, Atom <entry>s in the namespace http://www.w3.org/2005/Atom, JSON Feed an `items` array)".into()));
    }
    let format = match feed.feed_type {
        FeedType::Atom => SourceFormat::Atom,
        FeedType::JSON => SourceFormat::JsonFeed,
        FeedType::RSS0 | FeedType::RSS1 | FeedType::RSS2 => SourceFormat::Rss,
    };
    let feed_title = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let feed_authors: Vec<String> = feed
        .authors
        .iter()
        .filter_map(|p| person_name(p.name.as_deref()?))
        .collect();
    let mut records = Vec::with_capacity(feed.entries.len());
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let body = entry
            .content
            .and_then(|c| c.body)
            .filter(|b| !b.trim().is_empty())
            .or_else(|| entry.summary.map(|s| s.content))
            .unwrap_or_default();
        let link = entry
            .links
            .first()
            .map(|l| l.href.clone())
            .or_else(|| uri.clone());
        let authors: Vec<String> = entry
            .authors
            .iter()
            .filter_map(|p| person_name(p.name.as_deref()?))
            .collect();
        let meta = Meta {
            title: entry
                .title
                .map(|t| t.content.trim().to_string())
                .filter(|t| !t.is_empty()),
            published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
            authors: if authors.is_empty() {
                feed_authors.clone()
            } else {
                authors
            },
            publisher: feed_title.clone(),
            id: None,
            label: Some(format!("item {}", i + 1)),
            warnings: Vec::new(),
        };
        let record = if entry.id.is_empty() {
            format!("item {}", i + 1)
        } else {
            entry.id
        };
        records.push(Record {
            input: input.to_string(),
            source: Source {
                uri: link,
                format,
                record: Some(record),
            },
            payload: Payload::DecodedHtml {
                html: body,
                fragment: true,
            },
            charset: None,
            meta,
        });
    }
    Ok(records)
}

/// RSS writes authors as `jane@example.org (Jane Doe)`: keep the name.
fn person_name(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let name = match (raw.find('('), raw.rfind(')')) {
        (Some(a), Some(b)) if a < b => &raw[a + 1..b],
        _ if raw.contains('@') && !raw.contains(' ') => return None,
        _ => raw,
    };
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn rss_author_names() {
        assert_eq!(
            super::person_name("jane@news.example (Jane Doe)").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            super::person_name("(Jane Doe)").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(super::person_name("desk@news.example"), None);
        assert_eq!(super::person_name("John Roe").as_deref(), Some("John Roe"));
    }
}
