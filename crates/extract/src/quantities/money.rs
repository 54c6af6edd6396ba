//! Currencies: symbols and codes before or after a figure ("$5m", "5 million euros", "US$"),
//! normalised to ISO 4217.

use super::*;

/// A currency sign or code before the number; `w` is lowercased.
pub(super) fn currency_before(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" | "us$" | "usd" | "usd$" => "USD",
        "€" | "eur" => "EUR",
        "£" | "gbp" => "GBP",
        "¥" | "jpy" => "JPY",
        "₹" | "rs" | "rs." | "inr" => "INR",
        "₽" | "rub" => "RUB",
        "₴" | "uah" => "UAH",
        "c$" | "cad" | "cad$" => "CAD",
        "a$" | "aud" | "aud$" => "AUD",
        "hk$" | "hkd" => "HKD",
        "nz$" | "nzd" | "nzd$" => "NZD",
        "mex$" | "mxn" | "mxn$" => "MXN",
        "chf" => "CHF",
        "cny" | "rmb" => "CNY",
        "₿" | "btc" | "xbt" => "XBT",
        _ => return None,
    })
}

/// An ISO code with the "M" of millions in front, as in financial tables:
/// "30 MUSD", "MAUD 60"; `w` is lowercased.
pub(super) fn million_code(w: &str) -> Option<&'static str> {
    let code = w.strip_prefix('m').filter(|c| c.len() == 3)?;
    currency_before(code)
}

/// A number glued to its currency: "USD115", "115USD", "nzd$15", "100元",
/// "12-cent", "one-yen", and "12-cent-a-share" up to its currency; `w` is
/// lowercased. Returns the currency, the value in its main unit and how
/// many bytes of `w` the sum takes.
pub(super) fn glued_money(w: &str) -> Option<(&'static str, f64, usize)> {
    let split = w.find(|c: char| c.is_numeric()).unwrap_or(0);
    if split > 0 {
        let (sign, number) = w.split_at(split);
        return Some((currency_before(sign)?, numeral(number)?, w.len()));
    }
    let (number, rest) = match w.split_once('-') {
        Some((n, rest)) if !n.starts_with(|c: char| c.is_numeric()) => (n, rest),
        _ => w.split_at(w.find(|c: char| !(c.is_numeric() || c == ',' || c == '.'))?),
    };
    let unit = rest.strip_prefix('-').unwrap_or(rest);
    let unit = unit.split('-').next().unwrap_or(unit);
    let (code, factor, _) = currency_after(unit, "")?;
    let value = numeral(number).or_else(|| small_number(number))?;
    Some((
        code,
        value * factor,
        (unit.as_ptr() as usize - w.as_ptr() as usize) + unit.len(),
    ))
}

/// "c $ 16.4 million", "us $ 150 million": a country prefix split from "$"; `w` is lowercased.
pub(super) fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" | "u.s" | "u.s." => "USD",
        "c" | "can" => "CAD",
        "hk" => "HKD",
        "nz" => "NZD",
        "au" | "aus" => "AUD",
        "s" | "sg" => "SGD",
        _ => return None,
    })
}

/// A currency named after the number, over one or two words: its code,
/// the factor to the main unit ("cents" is 0.01 USD) and the words it takes.
pub(super) fn currency_after(w: &str, next: &str) -> Option<(&'static str, f64, usize)> {
    let two = match (w, next) {
        ("us" | "u.s." | "american", "dollar" | "dollars") => Some("USD"),
        ("canadian", "dollar" | "dollars") => Some("CAD"),
        ("australian", "dollar" | "dollars") => Some("AUD"),
        ("swiss", "franc" | "francs") => Some("CHF"),
        ("dutch", "guilder" | "guilders") => Some("NLG"),
        ("finnish", "markka" | "markkaa") => Some("FIM"),
        ("chinese", "yuan") => Some("CNY"),
        ("mexican", "peso" | "pesos") => Some("MXN"),
        ("turkish", "lira") => Some("TRY"),
        _ => None,
    };
    if let Some(code) = two {
        return Some((code, 1.0, 2));
    }
    let (code, factor) = match w {
        "dollar" | "dollars" | "usd" | "$" => ("USD", 1.0),
        "cent" | "cents" => ("USD", 0.01),
        "euro" | "euros" | "eur" | "€" => ("EUR", 1.0),
        "pound" | "pounds" | "sterling" | "gbp" | "£" => ("GBP", 1.0),
        "pence" | "penny" | "pennies" => ("GBP", 0.01),
        "yen" => ("JPY", 1.0),
        "rupee" | "rupees" => ("INR", 1.0),
        "rouble" | "roubles" | "ruble" | "rubles" => ("RUB", 1.0),
        "hryvnia" | "hryvnias" | "hryvnia's" => ("UAH", 1.0),
        "yuan" | "renminbi" | "rmb" | "kuai" | "元" => ("CNY", 1.0),
        "franc" | "francs" | "chf" => ("CHF", 1.0),
        "peseta" | "pesetas" => ("ESP", 1.0),
        "guilder" | "guilders" => ("NLG", 1.0),
        "markka" | "markkaa" => ("FIM", 1.0),
        "lira" => ("TRY", 1.0),
        "bitcoin" | "bitcoins" | "btc" | "xbt" | "₿" => ("XBT", 1.0),
        "satoshi" | "satoshis" => ("XBT", 1e-8),
        "ரூ" => ("LKR", 1.0),
        "mxn" => ("MXN", 1.0),
        "₡" => ("CRC", 1.0),
        "₾" => ("GEL", 1.0),
        "₭" => ("LAK", 1.0),
        _ => match million_code(w) {
            Some(code) => (code, 1e6),
            None => return None,
        },
    };
    Some((code, factor, 1))
}

/// A currency sign or code before the number at `i` ("MAUD 60" is in
/// millions): (currency, where the number starts, the factor it scales by).
pub(super) fn currency_prefix(
    text: &str,
    toks: &[Span],
    i: usize,
    lw: &str,
) -> (Option<&'static str>, usize, f64) {
    let after_possessive = i > 0 && matches!(word(text, toks[i - 1]), "'" | "’");
    let word_before_digits = matches!(lw, "dollar" | "dollars")
        && toks
            .get(i + 1)
            .is_some_and(|t| word(text, *t).starts_with(|c: char| c.is_ascii_digit()));
    let named = currency_before(lw).or(word_before_digits.then_some("USD"));
    match named
        .map(|c| (c, 1.0))
        .or_else(|| million_code(lw).map(|c| (c, 1e6)))
    {
        Some((c, f)) if i + 1 < toks.len() => (Some(c), i + 1, f),
        _ => match dollar_prefix(lw) {
            // "music ' s $ 500 million": that "s" is a possessive, not Singapore.
            Some(c)
                if i + 2 < toks.len() && word(text, toks[i + 1]) == "$" && !after_possessive =>
            {
                (Some(c), i + 2, 1.0)
            }
            _ => (None, i, 1.0),
        },
    }
}
