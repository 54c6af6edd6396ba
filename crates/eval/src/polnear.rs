//! PolNeAR attribution scoring. Gold comes from brat stand-off files
//! (`T` spans with code-point offsets, `;` joining discontinuous fragments,
//! `E` lines tying Source, Cue and Content together).
//!
//! A predicted attribution matches a gold one when its content covers at
//! least half of the gold content's characters; pairs are made one to one,
//! largest overlap first. The source is right when the predicted speaker
//! span overlaps a gold source fragment.

use std::collections::HashMap;

/// Half-open character ranges.
pub type Ranges = Vec<(usize, usize)>;

#[derive(Clone, Debug, Default)]
pub struct Attribution {
    pub content: Ranges,
    pub source: Ranges,
    pub cue: Ranges,
}

/// Reads one `.ann` file. Lines it does not understand (notes, fragments of
/// multi-line span texts) are skipped.
pub fn parse_ann(ann: &str) -> Vec<Attribution> {
    let mut spans: HashMap<&str, Ranges> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            continue;
        };
        let digits = |s: &str| s.len() > 1 && s[1..].bytes().all(|b| b.is_ascii_digit());
        if id.starts_with('T') && digits(id) {
            let Some((_, ranges)) = body.split_once(' ') else {
                continue;
            };
            let parsed: Option<Ranges> = ranges
                .split(';')
                .map(|r| {
                    let (a, b) = r.trim().split_once(' ')?;
                    Some((a.parse().ok()?, b.parse().ok()?))
                })
                .collect();
            if let Some(p) = parsed {
                spans.insert(id, p);
            }
        } else if id.starts_with('E') && digits(id) {
            events.push(body);
        }
    }
    let mut out = Vec::new();
    for body in events {
        let mut a = Attribution::default();
        for role in body.split_whitespace() {
            let Some((name, target)) = role.split_once(':') else {
                continue;
            };
            let Some(r) = spans.get(target) else { continue };
            let name = name.trim_end_matches(|c: char| c.is_ascii_digit());
            match name {
                "Content" => a.content.extend(r),
                "Source" => a.source.extend(r),
                "Cue" => a.cue.extend(r),
                _ => {}
            }
        }
        if !a.content.is_empty() {
            out.push(a);
        }
    }
    out
}

/// The articles of a PolNeAR split folder, each with its first annotator's
/// `.ann` file (sorted by name), as `(article, text path, ann path)`.
pub fn first_annotator_files(
    dir: &std::path::Path,
) -> std::io::Result<Vec<(String, std::path::PathBuf, std::path::PathBuf)>> {
    let ann_dir = dir.join("attributions");
    let mut names: Vec<String> = std::fs::read_dir(&ann_dir)?
        .filter_map(|e| e.ok().and_then(|e| e.file_name().into_string().ok()))
        .filter(|n| n.ends_with(".ann"))
        .collect();
    names.sort();
    let mut out: Vec<(String, std::path::PathBuf, std::path::PathBuf)> = Vec::new();
    for name in names {
        let article = name
            .rsplit_once('_')
            .map_or(name.as_str(), |(a, _)| a)
            .to_string();
        if out.last().is_some_and(|(a, _, _)| *a == article) {
            continue;
        }
        let text = dir.join("text").join(format!("{article}.txt"));
        out.push((article, text, ann_dir.join(&name)));
    }
    Ok(out)
}

fn length(r: &Ranges) -> usize {
    r.iter().map(|&(a, b)| b.saturating_sub(a)).sum()
}

fn overlap(x: &Ranges, y: &Ranges) -> usize {
    let mut n = 0;
    for &(a, b) in x {
        for &(c, d) in y {
            n += b.min(d).saturating_sub(a.max(c));
        }
    }
    n
}

/// Whether the gold content holds a quotation mark (a direct or mixed quote).
/// Two apostrophes count as a double mark (the convention of some wires).
pub fn is_quoted(text: &[char], content: &Ranges) -> bool {
    content.iter().any(|&(a, b)| {
        text.get(a..b.min(text.len())).is_some_and(|s| {
            s.iter().any(|c| matches!(c, '"' | '“' | '”' | '«' | '»'))
                || s.windows(2).any(|w| w == ['\'', '\''])
        })
    })
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub matched: usize,
    pub gold_quoted: usize,
    pub matched_quoted: usize,
    /// Matched pairs whose gold has a source, and those whose predicted speaker overlaps it.
    pub with_source: usize,
    pub source_right: usize,
}

/// What happened to each gold attribution, for error analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Missed,
    /// Matched; the speaker is right, wrong, or missing.
    Matched {
        source: Option<bool>,
    },
}

impl Counts {
    /// Scores one document; returns each gold attribution's outcome and each
    /// prediction's matched gold index.
    pub fn add(
        &mut self,
        text: &[char],
        gold: &[Attribution],
        predicted: &[(Ranges, Option<Ranges>)],
    ) -> (Vec<Outcome>, Vec<Option<usize>>) {
        let mut pairs = Vec::new();
        for (g, ga) in gold.iter().enumerate() {
            let need = length(&ga.content).div_ceil(2).max(1);
            for (p, (pc, _)) in predicted.iter().enumerate() {
                let o = overlap(&ga.content, pc);
                if o >= need {
                    pairs.push((o, g, p));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut outcomes = vec![Outcome::Missed; gold.len()];
        let mut used = vec![None; predicted.len()];
        for (_, g, p) in pairs {
            if outcomes[g] != Outcome::Missed || used[p].is_some() {
                continue;
            }
            used[p] = Some(g);
            let source = if gold[g].source.is_empty() {
                None
            } else {
                Some(
                    predicted[p]
                        .1
                        .as_ref()
                        .is_some_and(|s| overlap(s, &gold[g].source) > 0),
                )
            };
            outcomes[g] = Outcome::Matched { source };
        }
        self.gold += gold.len();
        self.predicted += predicted.len();
        for (g, o) in outcomes.iter().enumerate() {
            let quoted = is_quoted(text, &gold[g].content);
            self.gold_quoted += quoted as usize;
            if let Outcome::Matched { source } = o {
                self.matched += 1;
                self.matched_quoted += quoted as usize;
                if let Some(right) = source {
                    self.with_source += 1;
                    self.source_right += *right as usize;
                }
            }
        }
        (outcomes, used)
    }

    pub fn prf(&self) -> (f64, f64, f64) {
        let p = self.matched as f64 / self.predicted.max(1) as f64;
        let r = self.matched as f64 / self.gold.max(1) as f64;
        (p, r, crate::f1(p, r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_discontinuous_content_and_numbered_roles() {
        let ann = "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 8 10;12 14\tab cd\nT4\tContent 20 22\tef\nnote line\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3 Content2:T4\n";
        let a = parse_ann(ann);
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].content, vec![(8, 10), (12, 14), (20, 22)]);
        assert_eq!(a[0].source, vec![(0, 2)]);
    }

    #[test]
    fn matches_one_to_one_by_half_of_gold() {
        let text: Vec<char> = "x".repeat(100).chars().collect();
        let gold = vec![
            Attribution {
                content: vec![(0, 10)],
                source: vec![(20, 25)],
                cue: vec![],
            },
            Attribution {
                content: vec![(30, 40)],
                source: vec![],
                cue: vec![],
            },
        ];
        let predicted = vec![
            (vec![(0, 5)], Some(vec![(24, 26)])),
            (vec![(0, 10)], None),
            (vec![(36, 50)], None),
        ];
        let mut c = Counts::default();
        c.add(&text, &gold, &predicted);
        // The larger overlap wins the first gold; the 4-character overlap on the second is too small.
        assert_eq!((c.matched, c.with_source, c.source_right), (1, 1, 0));
    }
}
