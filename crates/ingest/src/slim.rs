//! HTML slimming: one linear pass before parsing. It cuts what can never be
//! article text (scripts but JSON-LD, styles, SVG, MathML, selects,
//! templates, noscript, comments, unused attributes), which is about half
//! of a news page and most of the parser's work, and it rebalances the
//! markup, because the parser and Readability slow down superlinearly on
//! deep or misnested trees (100 KB of nested `<div>`s took minutes):
//! - an element closed implicitly or by an outer end tag gets its own end
//!   tag, and an end tag that closes nothing is dropped (the parser
//!   searches its whole stack of open elements for it);
//! - start tags nested deeper than [`MAX_DEPTH`] are dropped, their text
//!   kept;
//! - a tag keeps at most [`MAX_ATTRIBUTES`] attributes (the parser compares
//!   each attribute with all the previous ones).
//!
//! What is cut never reaches the parser, so only what is kept must be
//! tokenized as the parser would (tags, quoting, raw text).

use memchr::memmem;

/// Deepest element nesting passed on to the parser; news pages stay well
/// under it.
pub const MAX_DEPTH: usize = 128;
/// Most attributes kept on one tag.
pub const MAX_ATTRIBUTES: usize = 64;

/// Returns `html` slimmed and rebalanced, in time linear in its length.
pub fn slim_html(html: &str) -> String {
    let mut slim = Slimmer {
        html,
        bytes: html.as_bytes(),
        out: String::with_capacity(html.len() / 2),
        open: Vec::new(),
        overflow: 0,
        drops: Vec::new(),
        no_end_tag: Vec::new(),
    };
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'<', &slim.bytes[i..]) {
        let at = i + p;
        slim.out.push_str(&html[i..at]);
        i = slim.markup(at);
    }
    slim.out.push_str(&html[i.min(html.len())..]);
    slim.out
}

/// An element left open, as the parser's stack of open elements has it.
struct Open<'a> {
    name: &'a str,
    flags: Flags,
}

/// A tag as the HTML tokenizer reads it.
struct Tag {
    name: (usize, usize),
    /// Just after its `>`.
    end: usize,
}

struct Slimmer<'a> {
    html: &'a str,
    bytes: &'a [u8],
    out: String,
    open: Vec<Open<'a>>,
    /// Start tags dropped below `MAX_DEPTH` whose end tags are still to come.
    overflow: usize,
    /// Attributes of the current tag to cut, as byte ranges.
    drops: Vec<(usize, usize)>,
    /// Lowercase names whose end tag is known to be absent from the rest of
    /// the input, so that a thousand unclosed `<svg>`s are one search.
    no_end_tag: Vec<Vec<u8>>,
}

impl<'a> Slimmer<'a> {
    /// Handles the markup at `at` (a `<`); returns where the text resumes.
    fn markup(&mut self, at: usize) -> usize {
        let b = self.bytes;
        match b.get(at + 1) {
            Some(c) if c.is_ascii_alphabetic() => self.start_tag(at),
            Some(b'/') => match b.get(at + 2) {
                Some(c) if c.is_ascii_alphabetic() => self.end_tag(at),
                Some(b'>') => at + 3, // `</>` means nothing
                _ => after_gt(b, at), // a bogus comment
            },
            Some(b'!') if b[at..].starts_with(b"<!--") => {
                memmem::find(&b[at + 2..], b"-->").map_or(b.len(), |e| at + 2 + e + 3)
            }
            Some(b'!') if starts_with_ignore_case(&b[at..], b"<!doctype") => {
                // Kept: the document mode changes how tables close paragraphs.
                let end = after_gt(b, at);
                self.out.push_str(&self.html[at..end]);
                end
            }
            Some(b'!' | b'?') => after_gt(b, at), // a bogus comment
            _ => {
                self.out.push('<');
                at + 1
            }
        }
    }

    fn start_tag(&mut self, at: usize) -> usize {
        let Some(tag) = scan_tag(self.bytes, at, &mut self.drops) else {
            return self.bytes.len();
        };
        let flags = classify(self.name(tag.name));
        if flags & (CUT | RAW_TEXT | KEEP_RAW | PLAINTEXT) != 0 {
            return self.content_element(at, &tag, flags);
        }
        if self.overflow > 0 {
            return self.drop_deep_start_tag(at, &tag, flags);
        }
        self.close_implied(flags);
        self.open_implied_table_parents(flags);
        if flags & VOID == 0 && self.open.len() >= MAX_DEPTH {
            return self.drop_deep_start_tag(at, &tag, flags);
        }
        self.emit_start_tag(at, tag.end);
        if flags & VOID == 0 {
            self.open.push(Open {
                name: &self.html[tag.name.0..tag.name.1],
                flags,
            });
        }
        tag.end
    }

    /// Below the depth cap: the tag goes (a line break for a block, so its
    /// text stays apart), a void one stays.
    fn drop_deep_start_tag(&mut self, at: usize, tag: &Tag, flags: Flags) -> usize {
        if flags & VOID != 0 {
            self.emit_start_tag(at, tag.end);
        } else {
            self.overflow += 1;
            if flags & BLOCK != 0 {
                self.out.push_str("<br>");
            }
        }
        tag.end
    }

    /// Elements whose content is not ordinary markup: cut whole, kept whole
    /// (title, JSON-LD) or, for `<plaintext>`, the rest of the input.
    fn content_element(&mut self, at: usize, tag: &Tag, flags: Flags) -> usize {
        let len = self.bytes.len();
        if flags & PLAINTEXT != 0 {
            self.out.push_str(&self.html[at..]);
            return len;
        }
        let name = self.name(tag.name).to_ascii_lowercase();
        let Some(close) = self.find_end_tag(tag.end, &name) else {
            // Raw text runs to the end of the input; an element with markup
            // inside loses just its start tag.
            return if flags & CUT != 0 { tag.end } else { len };
        };
        let Some(close_end) = scan_tag(self.bytes, close, &mut self.drops).map(|t| t.end) else {
            return len;
        };
        let content = &self.html[tag.end..close];
        if self.overflow > 0 || self.open.len() >= MAX_DEPTH {
            // No room: cut like the rest.
        } else if flags & KEEP_RAW != 0 {
            self.out.push_str(&self.html[at..tag.end]);
            self.out.push_str(content);
            self.out.push_str("</title>");
        } else if flags & SCRIPT != 0
            && is_json_ld(&self.bytes[at..tag.end])
            && !content.contains("<!--")
        {
            // `<!--` would change where the parser ends the script.
            self.out.push_str("<script type=\"application/ld+json\">");
            self.out.push_str(content);
            self.out.push_str("</script>");
        }
        close_end
    }

    fn end_tag(&mut self, at: usize) -> usize {
        let Some(tag) = scan_tag(self.bytes, at, &mut self.drops) else {
            return self.bytes.len();
        };
        let name = self.name(tag.name);
        let flags = classify(name);
        if self.overflow > 0 {
            self.overflow -= 1;
            if flags & BLOCK != 0 {
                self.out.push_str("<br>");
            }
        } else if let Some(index) = self.find_open(name, flags) {
            self.close_from(index);
        } else if name.eq_ignore_ascii_case(b"br") {
            self.out.push_str("<br>"); // as the parser reads `</br>`
        } else if flags & P != 0 {
            self.out.push_str("<p></p>"); // as the parser reads a stray `</p>`
        }
        tag.end
    }

    /// Where the element an end tag closes is on the stack, searching as
    /// far as the parser would (a `</span>` does not close a `<div>`).
    fn find_open(&self, name: &[u8], flags: Flags) -> Option<usize> {
        let boundary = if flags & (CELL | ROW | ROW_GROUP | TABLE) != 0 {
            TABLE_SCOPE
        } else if flags & LIST_ITEM != 0 {
            SCOPE | LIST
        } else if flags & P != 0 {
            SCOPE | BUTTON
        } else if flags & (SPECIAL | FORMATTING) != 0 {
            SCOPE
        } else {
            SPECIAL
        };
        for (index, open) in self.open.iter().enumerate().rev() {
            let same = if flags & HEADING != 0 {
                open.flags & HEADING != 0
            } else {
                open.name.as_bytes().eq_ignore_ascii_case(name)
            };
            if same {
                return Some(index);
            }
            if open.flags & boundary != 0 {
                return None;
            }
        }
        None
    }

    /// The end tags the parser implies before a start tag (`<p>` closes an
    /// open `<p>`, `<li>` an open `<li>`, `<td>` an open cell...), made
    /// explicit.
    fn close_implied(&mut self, flags: Flags) {
        if flags & CLOSES_P != 0 {
            self.close_innermost(P, SCOPE | BUTTON);
        }
        if flags & HEADING != 0 && self.open.last().is_some_and(|o| o.flags & HEADING != 0) {
            self.close_from(self.open.len() - 1);
        }
        for item in [LIST_ITEM, DEF_ITEM] {
            if flags & item != 0 {
                self.close_list_item(item);
            }
        }
        let table_parts = match flags {
            f if f & CELL != 0 => CELL,
            f if f & ROW != 0 => CELL | ROW,
            f if f & ROW_GROUP != 0 => CELL | ROW | ROW_GROUP,
            _ => 0,
        };
        if table_parts != 0 {
            self.close_outermost(table_parts, TABLE_SCOPE);
        }
        if flags & (OPTION | OPTGROUP) != 0
            && self.open.last().is_some_and(|o| o.flags & OPTION != 0)
        {
            self.close_from(self.open.len() - 1);
        }
        if flags & OPTGROUP != 0 && self.open.last().is_some_and(|o| o.flags & OPTGROUP != 0) {
            self.close_from(self.open.len() - 1);
        }
        if flags & ANCHOR != 0 {
            self.close_innermost(ANCHOR, SCOPE);
        }
    }

    /// The `<tbody>` and `<tr>` the parser inserts for a row or cell put
    /// straight into a table, made explicit so that depth is counted right.
    fn open_implied_table_parents(&mut self, flags: Flags) {
        let top = self.open.last().map_or(0, |o| o.flags);
        if flags & (ROW | CELL) != 0 && top & TABLE != 0 {
            self.open_implied("tbody", ROW_GROUP | SPECIAL);
        }
        if flags & CELL != 0 && self.open.last().is_some_and(|o| o.flags & ROW_GROUP != 0) {
            self.open_implied("tr", ROW | SPECIAL | BLOCK);
        }
    }

    fn open_implied(&mut self, name: &'static str, flags: Flags) {
        if self.open.len() < MAX_DEPTH {
            self.out.push('<');
            self.out.push_str(name);
            self.out.push('>');
            self.open.push(Open { name, flags });
        }
    }

    fn close_innermost(&mut self, target: Flags, boundary: Flags) {
        for index in (0..self.open.len()).rev() {
            let flags = self.open[index].flags;
            if flags & target != 0 {
                return self.close_from(index);
            }
            if flags & boundary != 0 {
                return;
            }
        }
    }

    /// Closes the outermost element matching `target` inside the innermost
    /// `boundary` (a new row closes the open row, not just its cell).
    fn close_outermost(&mut self, target: Flags, boundary: Flags) {
        let mut found = None;
        for index in (0..self.open.len()).rev() {
            let flags = self.open[index].flags;
            if flags & target != 0 {
                found = Some(index);
            } else if flags & boundary != 0 {
                break;
            }
        }
        if let Some(index) = found {
            self.close_from(index);
        }
    }

    /// `<li>` closes an open `<li>` unless a block other than `<div>`,
    /// `<p>` or `<address>` is in between (a nested list).
    fn close_list_item(&mut self, item: Flags) {
        for index in (0..self.open.len()).rev() {
            let flags = self.open[index].flags;
            if flags & item != 0 {
                return self.close_from(index);
            }
            if flags & SPECIAL != 0 && flags & ITEM_TRANSPARENT == 0 {
                return;
            }
        }
    }

    /// Closes `open[index..]`, innermost first, with explicit end tags.
    fn close_from(&mut self, index: usize) {
        for open in self.open[index..].iter().rev() {
            self.out.push_str("</");
            self.out.push_str(open.name);
            self.out.push('>');
        }
        self.open.truncate(index);
    }

    /// Copies the start tag `at..end` without the attributes to cut.
    fn emit_start_tag(&mut self, at: usize, end: usize) {
        let mut from = at;
        for &(a, b) in &self.drops {
            self.out.push_str(&self.html[from..a]);
            from = b;
        }
        self.out.push_str(&self.html[from..end]);
    }

    /// Where the end tag `</name` of a raw-text or cut element starts,
    /// searching from `from`.
    fn find_end_tag(&mut self, from: usize, name: &[u8]) -> Option<usize> {
        if self.no_end_tag.iter().any(|n| n == name) {
            return None;
        }
        let b = self.bytes;
        let found = memmem::find_iter(&b[from..], b"</")
            .map(|p| from + p)
            .find(|&p| {
                let n = p + 2 + name.len();
                n < b.len()
                    && b[p + 2..n].eq_ignore_ascii_case(name)
                    && matches!(b[n], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
            });
        if found.is_none() {
            self.no_end_tag.push(name.to_vec());
        }
        found
    }

    fn name(&self, range: (usize, usize)) -> &'a [u8] {
        &self.bytes[range.0..range.1]
    }
}

/// Reads the tag at `at` (`<name…>` or `</name…>`) as the HTML tokenizer
/// does, putting in `drops` the attributes to cut: those no extractor
/// reads (`data-*`, `srcset`, `sizes`, event handlers) and any beyond
/// [`MAX_ATTRIBUTES`], each with the white space before it. `None` when the
/// input ends inside the tag (the tokenizer then drops it).
fn scan_tag(b: &[u8], at: usize, drops: &mut Vec<(usize, usize)>) -> Option<Tag> {
    drops.clear();
    let name_start = if b[at + 1] == b'/' { at + 2 } else { at + 1 };
    let mut i = name_start;
    while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>') {
        i += 1;
    }
    let name = (name_start, i);
    let mut kept = 0;
    loop {
        let space_start = i;
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            i += 1;
        }
        match b.get(i) {
            None => return None,
            Some(b'>') => return Some(Tag { name, end: i + 1 }),
            Some(_) => {}
        }
        let attr_start = i;
        i += 1; // a name may start with '=' in the tokenizer
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attr = &b[attr_start..i];
        i = skip_attribute_value(b, i)?;
        // Cutting from the preceding space (or quote) to the value's end
        // leaves the other attributes tokenized as before.
        if is_unused_attribute(attr) || kept == MAX_ATTRIBUTES {
            drops.push((space_start, i));
        } else {
            kept += 1;
        }
    }
}

/// Skips `= value` after an attribute name at `i`, if there is one.
/// `None` for a quoted value the input ends inside.
fn skip_attribute_value(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    while j < b.len() && is_space(b[j]) {
        j += 1;
    }
    if b.get(j) != Some(&b'=') {
        return Some(i);
    }
    j += 1;
    while j < b.len() && is_space(b[j]) {
        j += 1;
    }
    match b.get(j) {
        Some(&q @ (b'"' | b'\'')) => memchr::memchr(q, &b[j + 1..]).map(|e| j + 1 + e + 1),
        _ => {
            while j < b.len() && !is_space(b[j]) && b[j] != b'>' {
                j += 1;
            }
            Some(j)
        }
    }
}

fn is_unused_attribute(name: &[u8]) -> bool {
    (name.len() > 5 && name[..5].eq_ignore_ascii_case(b"data-"))
        || name.eq_ignore_ascii_case(b"srcset")
        || name.eq_ignore_ascii_case(b"sizes")
        || (name.len() > 2 && name[..2].eq_ignore_ascii_case(b"on"))
}

fn is_json_ld(start_tag: &[u8]) -> bool {
    start_tag
        .windows(7)
        .any(|w| w.eq_ignore_ascii_case(b"ld+json"))
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn starts_with_ignore_case(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Just after the next `>` from `at`, or the end of the input.
fn after_gt(b: &[u8], at: usize) -> usize {
    memchr::memchr(b'>', &b[at..]).map_or(b.len(), |e| at + e + 1)
}

/// What the parser does with an element, as bits.
type Flags = u32;
/// No content and no end tag (`<br>`, `<img>`).
const VOID: Flags = 1;
/// The HTML standard's "special" elements: an unknown end tag such as
/// `</span>` closes nothing past one of them.
const SPECIAL: Flags = 1 << 1;
/// Bounds the parser's "has an element in scope" searches.
const SCOPE: Flags = 1 << 2;
/// Bounds the searches of table end tags (`html`, `table`).
const TABLE_SCOPE: Flags = 1 << 3;
const LIST: Flags = 1 << 4;
const BUTTON: Flags = 1 << 5;
/// Its start tag closes an open `<p>`.
const CLOSES_P: Flags = 1 << 6;
const P: Flags = 1 << 7;
const HEADING: Flags = 1 << 8;
const LIST_ITEM: Flags = 1 << 9;
const DEF_ITEM: Flags = 1 << 10;
const CELL: Flags = 1 << 11;
const ROW: Flags = 1 << 12;
const ROW_GROUP: Flags = 1 << 13;
const TABLE: Flags = 1 << 14;
const OPTION: Flags = 1 << 15;
const OPTGROUP: Flags = 1 << 16;
const ANCHOR: Flags = 1 << 17;
const FORMATTING: Flags = 1 << 18;
/// `<div>`, `<p>`, `<address>`: an `<li>` inside still closes the open `<li>`.
const ITEM_TRANSPARENT: Flags = 1 << 19;
/// Cut with its content up to its end tag (never article text).
const CUT: Flags = 1 << 20;
/// Raw text (no tags inside), cut with its content.
const RAW_TEXT: Flags = 1 << 21;
/// Raw text kept (`<title>`).
const KEEP_RAW: Flags = 1 << 22;
/// `<script>`: raw text, kept when it is JSON-LD.
const SCRIPT: Flags = 1 << 23;
const PLAINTEXT: Flags = 1 << 24;
/// Becomes a line break when dropped below the depth cap.
const BLOCK: Flags = 1 << 25;

fn classify(name: &[u8]) -> Flags {
    let mut buf = [0u8; 10];
    let Some(lower) = buf.get_mut(..name.len()) else {
        return 0;
    };
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    let block = SPECIAL | CLOSES_P | BLOCK;
    match &*lower {
        b"br" | b"area" | b"base" | b"basefont" | b"bgsound" | b"col" | b"embed" | b"frame"
        | b"img" | b"input" | b"keygen" | b"link" | b"meta" | b"param" | b"source" | b"track"
        | b"wbr" => VOID | SPECIAL,
        b"image" => VOID,
        b"hr" => VOID | block,
        b"p" => P | ITEM_TRANSPARENT | block,
        b"div" | b"address" => ITEM_TRANSPARENT | block,
        b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => HEADING | block,
        b"li" => LIST_ITEM | block,
        b"dd" | b"dt" => DEF_ITEM | block,
        b"ol" | b"ul" => LIST | block,
        b"article" | b"aside" | b"blockquote" | b"center" | b"details" | b"dialog" | b"dir"
        | b"dl" | b"fieldset" | b"figcaption" | b"figure" | b"footer" | b"form" | b"header"
        | b"hgroup" | b"main" | b"menu" | b"nav" | b"pre" | b"listing" | b"search" | b"section"
        | b"summary" => block,
        b"table" => TABLE | SCOPE | TABLE_SCOPE | block,
        b"td" | b"th" => CELL | SCOPE | SPECIAL | BLOCK,
        b"tr" => ROW | SPECIAL | BLOCK,
        b"tbody" | b"thead" | b"tfoot" => ROW_GROUP | SPECIAL,
        b"caption" => SCOPE | SPECIAL | BLOCK,
        b"html" => SCOPE | TABLE_SCOPE | SPECIAL,
        b"applet" | b"marquee" | b"object" => SCOPE | SPECIAL,
        b"button" => BUTTON | SPECIAL,
        b"body" | b"head" | b"colgroup" | b"frameset" => SPECIAL,
        b"a" => ANCHOR | FORMATTING,
        b"b" | b"big" | b"code" | b"em" | b"font" | b"i" | b"nobr" | b"s" | b"small"
        | b"strike" | b"strong" | b"tt" | b"u" => FORMATTING,
        b"option" => OPTION,
        b"optgroup" => OPTGROUP,
        b"svg" | b"math" | b"select" | b"template" | b"noscript" => CUT,
        b"script" => SCRIPT | RAW_TEXT,
        b"style" | b"textarea" | b"iframe" | b"noembed" | b"noframes" | b"xmp" => RAW_TEXT,
        b"title" => KEEP_RAW,
        b"plaintext" => PLAINTEXT,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slims_scripts_styles_and_comments() {
        let html = "<p>A</p><script>var x = '<p>no</p>';</script><SCRIPT type=\"application/ld+json\">{}</SCRIPT><style>p{}</style><!-- c --><svg><text>t</text></svg><scripts>B</scripts>";
        assert_eq!(
            slim_html(html),
            "<p>A</p><script type=\"application/ld+json\">{}</script><scripts>B</scripts>"
        );
        assert_eq!(slim_html("<p>unclosed <script>x"), "<p>unclosed ");
        assert_eq!(
            slim_html("<img data-src='a b' src=x.png srcset=\"x 1x, y 2x\" onload=f() alt=\"A > B\"><p class=k data-x>T</p>"),
            "<img src=x.png alt=\"A > B\"><p class=k>T</p>"
        );
        // The tokenizer drops a tag the input ends inside.
        assert_eq!(slim_html("<a href=\"unterminated data-x=1>"), "");
        assert_eq!(slim_html("<p>x</p><a"), "<p>x</p>");
        assert_eq!(slim_html("<p data-x"), "");
    }

    #[test]
    fn implied_end_tags_are_made_explicit() {
        assert_eq!(
            slim_html("<p>a<p>b<div>c</div>"),
            "<p>a</p><p>b</p><div>c</div>"
        );
        assert_eq!(
            slim_html("<ul><li>a<li>b<ul><li>c</ul></ul>"),
            "<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul>"
        );
        assert_eq!(
            slim_html("<table><tr><td>a<td>b<tr><td>c</table>"),
            "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>"
        );
        assert_eq!(
            slim_html("<table><td>a</table>"),
            "<table><tbody><tr><td>a</td></tr></tbody></table>"
        );
        assert_eq!(slim_html("<div><b>a</div>b"), "<div><b>a</b></div>b");
    }

    #[test]
    fn end_tags_close_only_what_the_parser_would() {
        assert_eq!(slim_html("<div>a</xyz></span>b</div>"), "<div>ab</div>");
        assert_eq!(
            slim_html("<span><div>a</span>b</div>"),
            "<span><div>ab</div>"
        );
        assert_eq!(slim_html("a</p>b</br>c"), "a<p></p>b<br>c");
    }

    #[test]
    fn raw_text_is_not_read_as_tags() {
        assert_eq!(
            slim_html("<title>a <b> </div></title><p>x"),
            "<title>a <b> </div></title><p>x"
        );
        assert_eq!(slim_html("<textarea><div></textarea>x"), "x");
        assert_eq!(slim_html("<svg>x"), "x"); // no end tag: only the start tag goes
    }

    #[test]
    fn deep_nesting_is_capped() {
        let html = format!("{}deep{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let slim = slim_html(&html);
        assert_eq!(slim.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(slim.matches("</div>").count(), MAX_DEPTH);
        assert!(slim.contains("deep"));
    }

    #[test]
    fn attributes_are_capped() {
        let html = format!(
            "<p {}>x</p>",
            (0..1000).map(|i| format!("a{i}=\"1\"")).collect::<String>()
        );
        assert_eq!(slim_html(&html).matches("=\"1\"").count(), MAX_ATTRIBUTES);
    }
}
