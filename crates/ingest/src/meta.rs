//! Checks and fills in a decoded document's metadata: its web address,
//! a plausible publication date, and the language of its text.

use dossier_core::{Document, Warning};
use whatlang::Lang;

/// Dates before this year are taken for placeholders (`0001-01-01`, Unix 0).
const EARLIEST_YEAR: &str = "1990";

/// How much text language detection reads: enough for a clear signal, and
/// bounded so a huge document costs no more than an article.
const LANGUAGE_SAMPLE_BYTES: usize = 20_000;

/// Below this many letters the detector's guess is too weak to act on.
const MIN_LETTERS_TO_JUDGE: usize = 40;

/// Fills `url` from a web source address, drops an implausible date,
/// and sets `language` (warning when it is not English).
pub fn finish(doc: &mut Document) {
    if doc.url.is_none() {
        doc.url = doc
            .source
            .uri
            .as_deref()
            .filter(|u| is_web_url(u))
            .map(str::to_string);
    }
    if let Some(date) = doc.published.take() {
        match implausible_date(&date, &dossier_core::calendar::today_utc()) {
            Some(why) => doc.warnings.push(Warning::new(
                "implausible_date",
                format!("publication date {date:?} is {why}, so it is ignored"),
            )),
            None => doc.published = Some(date),
        }
    }
    if let Some(lang) = detect_language(&prose_sample(doc)) {
        doc.language = lang.to_string();
    }
    if doc.language != "en" {
        doc.warnings.push(Warning::new(
            "not_english",
            format!("the text is in {} ({}); only English text is analysed, so it has no entities, quotes or events", language_name(&doc.language), doc.language),
        ));
    }
}

pub fn is_web_url(u: &str) -> bool {
    u.starts_with("http://") || u.starts_with("https://")
}

/// Why a `YYYY-MM-DD…` date cannot be a publication date, if it cannot.
fn implausible_date(date: &str, today: &str) -> Option<&'static str> {
    let day = date.get(..10)?;
    if day < EARLIEST_YEAR {
        Some("before 1990")
    } else if day > today {
        Some("in the future")
    } else {
        None
    }
}

/// The document's running prose: blocks of several words, mostly in lower
/// case, so tables of names and figures do not drown a short text's
/// language (a Portuguese standings page is mostly English-looking names).
/// The whole text when no block qualifies.
fn prose_sample(doc: &Document) -> std::borrow::Cow<'_, str> {
    let text = doc.text();
    let mut sample = String::new();
    for block in &doc.blocks {
        let words: Vec<&str> = block.span.of(text).split_whitespace().collect();
        // Scripts without case (Hangul, Han, Arabic) count as lower case.
        let lower = words
            .iter()
            .filter(|w| {
                w.chars()
                    .next()
                    .is_some_and(|c| c.is_alphabetic() && !c.is_uppercase())
            })
            .count();
        if words.len() >= 4 && lower * 3 >= words.len() {
            sample.push_str(block.span.of(text));
            sample.push('\n');
            if sample.len() >= LANGUAGE_SAMPLE_BYTES {
                break;
            }
        }
    }
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS_TO_JUDGE {
        return text.into();
    }
    sample.into()
}

/// The text's language as an ISO 639-1 code, or `None` when there is too
/// little text to tell (the document then keeps its default, English).
pub fn detect_language(text: &str) -> Option<&'static str> {
    let mut end = text.len().min(LANGUAGE_SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS_TO_JUDGE {
        return None;
    }
    let info = whatlang::detect(sample)?;
    // A weak guess between Latin-script languages is often English text
    // full of names; only a confident one overrides the default.
    if info.lang() != Lang::Eng
        && info.script() == whatlang::Script::Latin
        && info.confidence() < 0.5
    {
        return None;
    }
    Some(iso639_1(info.lang()))
}

/// ISO 639-1 for each of whatlang's languages (Mandarin as `zh`).
fn iso639_1(lang: Lang) -> &'static str {
    use Lang::*;
    match lang {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Cym => "cy",
    }
}

/// The English name of a language code this module gives.
fn language_name(code: &str) -> &'static str {
    whatlang::Lang::all()
        .iter()
        .find(|l| iso639_1(**l) == code)
        .map_or("an unknown language", |l| l.eng_name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_languages_of_news_paragraphs() {
        for (text, lang) in [
            ("The minister said on Tuesday that the government would send more aid to the region after the floods.", "en"),
            ("Die Bundesregierung hat am Dienstag beschlossen, weitere Hilfen in die vom Hochwasser betroffene Region zu schicken.", "de"),
            ("Правительство во вторник заявило, что направит дополнительную помощь в пострадавший от наводнения регион.", "ru"),
            ("정부는 화요일 홍수 피해 지역에 추가 지원을 보내기로 했다고 밝혔다. 장관은 기자들에게 이렇게 말했다.", "ko"),
            ("O governo anunciou na terça-feira que vai enviar mais ajuda para a região atingida pelas enchentes.", "pt"),
        ] {
            assert_eq!(detect_language(text), Some(lang), "{text}");
        }
        assert_eq!(detect_language("Too short."), None);
    }

    #[test]
    fn rejects_placeholder_and_future_dates() {
        assert_eq!(
            implausible_date("0001-01-01T00:00:00Z", "2026-12-03"),
            Some("before 1990")
        );
        assert_eq!(
            implausible_date("1970-01-01", "2026-12-03"),
            Some("before 1990")
        );
        assert_eq!(
            implausible_date("2031-05-01", "2026-12-03"),
            Some("in the future")
        );
        assert_eq!(implausible_date("2026-12-03T10:00:00Z", "2026-12-03"), None);
        assert_eq!(implausible_date("2019-11-19", "2026-12-03"), None);
    }
}
