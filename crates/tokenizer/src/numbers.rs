//! Reading Vietnamese numbers.
//!
//! Vietnamese writes the decimal separator as a comma and groups thousands with dots:
//! `16,4` is 16.4, `10.000` is ten thousand, `1.928.311` is 1928311. A dot followed by
//! exactly three digits is a thousands separator; any other lone dot is read as a decimal
//! point (for text typed the English way, `16.4`). `43/53` is a ratio, read by [`parse_ratio`].

/// Reads a number written with digits: `16,4`, `10.000`, `1.928.311`, `06`, `104,9`.
pub fn parse_number(text: &str) -> Option<f64> {
    let text = text.trim();
    if text.is_empty()
        || !text
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    if !text.as_bytes()[0].is_ascii_digit() || !text.as_bytes()[text.len() - 1].is_ascii_digit() {
        return None;
    }
    let (integer, fraction) = match text.split_once(',') {
        Some((integer, fraction)) => {
            if fraction.contains([',', '.']) {
                return None;
            }
            (integer, Some(fraction))
        }
        None => (text, None),
    };
    let groups: Vec<&str> = integer.split('.').collect();
    let integer_digits: String = if groups.len() == 1 {
        integer.to_string()
    } else if groups[1..].iter().all(|g| g.len() == 3) && !groups[0].is_empty() {
        groups.concat()
    } else if groups.len() == 2 && fraction.is_none() {
        // `16.4`: a decimal point written the English way.
        return format!("{}.{}", groups[0], groups[1]).parse().ok();
    } else {
        return None;
    };
    let literal = match fraction {
        Some(fraction) => format!("{integer_digits}.{fraction}"),
        None => integer_digits,
    };
    literal.parse().ok()
}

/// Reads a ratio `43/53` or `4.543/6.325` as (value, total).
pub fn parse_ratio(text: &str) -> Option<(f64, f64)> {
    let (value, total) = text.split_once('/')?;
    let value = parse_number(value)?;
    let total = parse_number(total)?;
    (total != 0.0).then_some((value, total))
}

/// Reads a number written in words: `ba`, `mười lăm`, `hai mươi mốt`, `một trăm`,
/// `ba nghìn`, `mười triệu`. Returns `None` when any word is not a number word.
pub fn parse_number_words(text: &str) -> Option<f64> {
    let folded = crate::fold::fold(text);
    let mut total = 0f64; // completed groups (after a scale word of a thousand or more)
    let mut group = 0f64; // the current group below a thousand
    let mut last_digit: Option<f64> = None;
    let mut any = false;
    for word in folded.split_whitespace() {
        any = true;
        let digit = match word {
            "khong" => Some(0.0),
            "mot" => Some(1.0),
            "hai" => Some(2.0),
            "ba" => Some(3.0),
            "bon" | "tu" => Some(4.0),
            // `lăm` is five after a tens word (`mười lăm`).
            "nam" | "lam" => Some(5.0),
            "sau" => Some(6.0),
            "bay" => Some(7.0),
            "tam" => Some(8.0),
            "chin" => Some(9.0),
            _ => None,
        };
        if let Some(d) = digit {
            group += d;
            last_digit = Some(d);
            continue;
        }
        match word {
            "muoi" => {
                // `mười` alone is ten; `hai mươi` multiplies the digit before it.
                if let Some(d) = last_digit.take() {
                    group += d * 10.0 - d;
                } else {
                    group += 10.0;
                }
            }
            "tram" => {
                let d = last_digit.take().unwrap_or(1.0);
                group += d * 100.0 - d;
            }
            "linh" | "le" => {}
            "nghin" | "ngan" => {
                total += group.max(1.0) * 1e3;
                group = 0.0;
                last_digit = None;
            }
            "trieu" => {
                total = (total + group.max(1.0)) * 1e6;
                group = 0.0;
                last_digit = None;
            }
            "ty" | "ti" => {
                total = (total + group.max(1.0)) * 1e9;
                group = 0.0;
                last_digit = None;
            }
            _ => return None,
        }
    }
    any.then_some(total + group)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        assert_eq!(parse_number("16,4"), Some(16.4));
        assert_eq!(parse_number("10.000"), Some(10000.0));
        assert_eq!(parse_number("1.928.311"), Some(1928311.0));
        assert_eq!(parse_number("104,9"), Some(104.9));
        assert_eq!(parse_number("06"), Some(6.0));
        assert_eq!(parse_number("16.4"), Some(16.4));
        for bad in ["", "4G", "1,2,3", ".5", "5.", "1.00.000", "abc"] {
            assert_eq!(parse_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn ratios() {
        assert_eq!(parse_ratio("43/53"), Some((43.0, 53.0)));
        assert_eq!(parse_ratio("4.543/6.325"), Some((4543.0, 6325.0)));
        assert_eq!(parse_ratio("5/0"), None);
        assert_eq!(parse_ratio("a/5"), None);
    }

    #[test]
    fn words() {
        assert_eq!(parse_number_words("ba"), Some(3.0));
        assert_eq!(parse_number_words("mười lăm"), Some(15.0));
        assert_eq!(parse_number_words("hai mươi"), Some(20.0));
        assert_eq!(parse_number_words("một trăm"), Some(100.0));
        assert_eq!(parse_number_words("ba nghìn"), Some(3000.0));
        assert_eq!(parse_number_words("mười triệu"), Some(10_000_000.0));
        assert_eq!(parse_number_words("tháng"), None);
        assert_eq!(parse_number_words(""), None);
    }
}
