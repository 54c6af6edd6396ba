//! CoNLL-U reading and writing. Comments, multiword-token lines and empty
//! nodes are kept verbatim so `annotate` can write the file back unchanged
//! except for the columns it predicts.

/// One syntactic word (a line with an integer ID).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Word {
    pub form: String,
    pub upos: String,
    pub xpos: String,
    /// 0 for the root; 1-based otherwise.
    pub head: usize,
    pub deprel: String,
    /// All ten columns, as read.
    pub columns: Vec<String>,
}

/// A sentence: its lines in order, and which of them are words.
#[derive(Clone, Debug, Default)]
pub struct Sentence {
    pub lines: Vec<Line>,
    pub words: Vec<Word>,
}

#[derive(Clone, Debug)]
pub enum Line {
    /// A comment, multiword-token range or empty node: written back as is.
    Verbatim(String),
    /// The i-th word of `words`.
    Word(usize),
}

/// Parses CoNLL-U text. Malformed word lines are kept verbatim and reported.
pub fn parse(text: &str) -> (Vec<Sentence>, Vec<String>) {
    let mut sentences = Vec::new();
    let mut problems = Vec::new();
    let mut current = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !current.lines.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            current.lines.push(Line::Verbatim(line.to_string()));
            continue;
        }
        let columns: Vec<String> = line.split('\t').map(str::to_string).collect();
        let id = columns[0].as_str();
        if columns.len() != 10 {
            problems.push(format!(
                "line {}: expected 10 tab-separated columns, found {}",
                n + 1,
                columns.len()
            ));
            current.lines.push(Line::Verbatim(line.to_string()));
            continue;
        }
        if id.contains('-') || id.contains('.') || id.parse::<usize>().is_err() {
            current.lines.push(Line::Verbatim(line.to_string()));
            continue;
        }
        let word = Word {
            form: columns[1].clone(),
            upos: columns[3].clone(),
            xpos: columns[4].clone(),
            head: columns[6].parse().unwrap_or(0),
            deprel: columns[7].clone(),
            columns,
        };
        current.lines.push(Line::Word(current.words.len()));
        current.words.push(word);
    }
    if !current.lines.is_empty() {
        sentences.push(current);
    }
    (sentences, problems)
}

/// Writes sentences back, each word line from its (possibly updated) columns.
pub fn write(sentences: &[Sentence], out: &mut String) {
    for s in sentences {
        for line in &s.lines {
            match line {
                Line::Verbatim(l) => out.push_str(l),
                Line::Word(i) => out.push_str(&s.words[*i].columns.join("\t")),
            }
            out.push('\n');
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_comments_ranges_and_empty_nodes() {
        let text = "# text = Don't go.\n1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tDo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n3.1\tgo\t_\t_\t_\t_\t_\t_\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let (sentences, problems) = parse(text);
        assert!(problems.is_empty());
        assert_eq!(sentences[0].words.len(), 4);
        assert_eq!(sentences[0].words[1].head, 3);
        let mut out = String::new();
        write(&sentences, &mut out);
        assert_eq!(out, text);
    }
}
