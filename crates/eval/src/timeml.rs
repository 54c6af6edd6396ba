//! TempEval-3 scoring over TimeML files: the text inside `<TEXT>` with its
//! tags removed, the gold TIMEX3 spans over it, and extent (strict and
//! relaxed) and value F1 for predicted spans, and how well the `mod`
//! attribute ("late 2014": END) is given on the spans both found.

/// A time expression: char offsets into the stripped text, type, value and
/// TimeML `mod` (empty when there is none).
#[derive(Clone, Debug, PartialEq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub ty: String,
    pub value: String,
    pub modifier: String,
}

/// One document: its creation time, plain text and gold expressions.
pub struct TimemlDoc {
    pub dct: Option<String>,
    pub text: String,
    pub gold: Vec<Timex>,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')? + i;
    Some(tag[i..j].to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

pub fn parse(xml: &str) -> TimemlDoc {
    let dct = xml
        .find("<DCT>")
        .and_then(|i| {
            attr(
                &xml[i..xml[i..].find("</DCT>").map_or(xml.len(), |j| i + j)],
                "value",
            )
        })
        .map(|v| v.chars().take(10).collect());
    let body = match (xml.find("<TEXT>"), xml.find("</TEXT>")) {
        (Some(a), Some(b)) if a < b => &xml[a + 6..b],
        _ => "",
    };
    let mut text = String::new();
    let mut chars = 0usize;
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        let piece = unescape(&rest[..lt]);
        chars += piece.chars().count();
        text.push_str(&piece);
        let gt = rest[lt..].find('>').map_or(rest.len(), |g| lt + g);
        let tag = &rest[lt..=gt.min(rest.len() - 1)];
        if tag.starts_with("<TIMEX3") {
            open = Some((
                chars,
                attr(tag, "type").unwrap_or_default(),
                attr(tag, "value").unwrap_or_default(),
                attr(tag, "mod").unwrap_or_default(),
            ));
        } else if tag.starts_with("</TIMEX3") {
            if let Some((start, ty, value, modifier)) = open.take() {
                gold.push(Timex {
                    start,
                    end: chars,
                    ty,
                    value,
                    modifier,
                });
            }
        }
        rest = &rest[(gt + 1).min(rest.len())..];
    }
    text.push_str(&unescape(rest));
    TimemlDoc { dct, text, gold }
}

/// Counts over a corpus.
#[derive(Default, Debug)]
pub struct Counts {
    pub gold: usize,
    pub predicted: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub value: usize,
    pub type_: usize,
    /// Relaxed matches whose gold has a `mod`, whose prediction has one, and
    /// on which both give the same.
    pub gold_mods: usize,
    pub predicted_mods: usize,
    pub right_mods: usize,
}

impl Counts {
    pub fn add(&mut self, gold: &[Timex], predicted: &[Timex]) {
        self.gold += gold.len();
        self.predicted += predicted.len();
        let mut used = vec![false; predicted.len()];
        for g in gold {
            if predicted
                .iter()
                .any(|p| p.start == g.start && p.end == g.end)
            {
                self.strict += 1;
            }
            // Relaxed: the first unused overlapping prediction.
            if let Some(k) = (0..predicted.len())
                .find(|&k| !used[k] && predicted[k].start < g.end && g.start < predicted[k].end)
            {
                used[k] = true;
                self.relaxed += 1;
                self.value += usize::from(predicted[k].value == g.value);
                self.type_ += usize::from(predicted[k].ty == g.ty);
                self.add_mods(&g.modifier, &predicted[k].modifier);
            }
        }
    }

    fn add_mods(&mut self, gold: &str, predicted: &str) {
        self.gold_mods += usize::from(!gold.is_empty());
        self.predicted_mods += usize::from(!predicted.is_empty());
        self.right_mods += usize::from(!gold.is_empty() && gold == predicted);
    }

    /// (precision, recall) of the `mod`s given on relaxed matches.
    pub fn mod_pr(&self) -> (f64, f64) {
        let p = self.right_mods as f64 / self.predicted_mods.max(1) as f64;
        let r = self.right_mods as f64 / self.gold_mods.max(1) as f64;
        (p, r)
    }

    /// (precision, recall, F1) of a matched count.
    pub fn prf(&self, matched: usize) -> (f64, f64, f64) {
        let p = matched as f64 / self.predicted.max(1) as f64;
        let r = matched as f64 / self.gold.max(1) as f64;
        (p, r, crate::f1(p, r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_keeps_offsets() {
        let xml = "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-07\">1998-08-07</TIMEX3></DCT><TEXT>Bombs <EVENT eid=\"e1\">exploded</EVENT> &amp; more <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-07\">Friday</TIMEX3>.</TEXT>";
        let d = parse(xml);
        assert_eq!(d.dct.as_deref(), Some("1998-08-07"));
        assert_eq!(d.text, "Bombs exploded & more Friday.");
        assert_eq!(
            d.gold,
            vec![Timex {
                start: 22,
                end: 28,
                ty: "DATE".into(),
                value: "1998-08-07".into(),
                modifier: String::new(),
            }]
        );
        let mut c = Counts::default();
        c.add(
            &d.gold,
            &[Timex {
                start: 22,
                end: 28,
                ty: "DATE".into(),
                value: "1998-08-07".into(),
                modifier: String::new(),
            }],
        );
        assert_eq!((c.strict, c.relaxed, c.value), (1, 1, 1));
    }

    #[test]
    fn scores_mods_on_relaxed_matches() {
        let xml = "<TEXT>In <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1990\" mod=\"START\">early 1990</TIMEX3> and <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"1991\">1991</TIMEX3>.</TEXT>";
        let d = parse(xml);
        assert_eq!(d.gold[0].modifier, "START");
        assert_eq!(d.gold[1].modifier, "");
        let mut ours = d.gold.clone();
        ours[1].modifier = "END".into();
        let mut c = Counts::default();
        c.add(&d.gold, &ours);
        assert_eq!((c.gold_mods, c.predicted_mods, c.right_mods), (1, 2, 1));
        assert_eq!(c.mod_pr(), (0.5, 1.0));
    }
}
