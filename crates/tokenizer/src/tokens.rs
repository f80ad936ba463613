//! Tokens with byte offsets: syllables (`Bộ`, `4G`, `IPv6`), numbers (`16,4`, `10.000`,
//! `43/53`, `15/10/2024`) and single punctuation characters. Whitespace is not a token.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with digits (`4G`, `IPv6`, `TT&TT` is three tokens).
    Word,
    /// Digits with inner `.`, `,` or `/` between digits.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

impl Token {
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 4);
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() || crate::marks::is_mark(c) {
            let mut end = start + c.len_utf8();
            let mut has_letter = c.is_alphabetic();
            while let Some(&(index, next)) = iter.peek() {
                let inner_separator = matches!(next, '.' | ',' | '/')
                    && !has_letter
                    && bytes.get(index + 1).is_some_and(|b| b.is_ascii_digit())
                    && bytes
                        .get(index.wrapping_sub(1))
                        .is_some_and(|b| b.is_ascii_digit());
                if next.is_alphanumeric() || crate::marks::is_mark(next) || inner_separator {
                    has_letter |= next.is_alphabetic();
                    end = index + next.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            let kind = if has_letter {
                TokenKind::Word
            } else {
                TokenKind::Number
            };
            tokens.push(Token { kind, start, end });
        } else {
            tokens.push(Token {
                kind: TokenKind::Punct,
                start,
                end: start + c.len_utf8(),
            });
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    #[test]
    fn words_numbers_punct() {
        use TokenKind::*;
        assert_eq!(
            texts("đạt 104,9% (4.543/6.325) 4G IPv6 ngày 15/10/2024."),
            vec![
                ("đạt", Word),
                ("104,9", Number),
                ("%", Punct),
                ("(", Punct),
                ("4.543/6.325", Number),
                (")", Punct),
                ("4G", Word),
                ("IPv6", Word),
                ("ngày", Word),
                ("15/10/2024", Number),
                (".", Punct),
            ]
        );
        assert_eq!(
            texts("TT&TT"),
            vec![("TT", Word), ("&", Punct), ("TT", Word)]
        );
        assert_eq!(
            texts("1. Bộ"),
            vec![("1", Number), (".", Punct), ("Bộ", Word)]
        );
    }
}
