//! Management boards (`Ban Quản lý ...`), whose names are descriptions in lower case closed
//! by their level: `Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh`, `Ban
//! Quản lý các khu công nghiệp tỉnh Bắc Ninh` (rule `AG009`).

/// Words a management board's description may run over before its level.
const MAX_BOARD_WORDS: usize = 14;

/// The end of a management board's name that starts at `from` (after `Ban Quản lý`): lower-case
/// words (`dự án đầu tư xây dựng các công trình giao thông`, `các khu công nghiệp`) closed by a
/// level (`tỉnh`, `thành phố`, with the province's name when it follows) within
/// [`MAX_BOARD_WORDS`] words, before any punctuation. Without the level (`kiện toàn Ban Quản
/// lý rừng phòng hộ`: a forest's board, in passing) it is no body's name.
pub(super) fn board_name_end(text: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    let mut at = 0;
    for _ in 0..MAX_BOARD_WORDS {
        let word_end = rest
            .get(at..)?
            .find(|c: char| !c.is_alphanumeric() && !vntask_tokenizer::is_mark(c))
            .map_or(rest.len(), |i| at + i);
        let word = rest.get(at..word_end)?;
        if word.is_empty() || !word.starts_with(char::is_lowercase) {
            return None;
        }
        for level in ["tỉnh", "thành phố"] {
            let Some(after) = rest.get(at..)?.strip_prefix(level) else {
                continue;
            };
            if after.starts_with(|c: char| c.is_alphanumeric()) || at == 0 {
                continue;
            }
            let level_end = from + at + level.len();
            return Some(level_end + proper_name_len(after));
        }
        // Only a space goes on to the next word.
        if !rest.get(word_end..)?.starts_with(' ') {
            return None;
        }
        at = word_end + 1;
    }
    None
}

/// The byte length of the capitalised words (a province's proper name, `Thái Nguyên`) at the
/// start of `after`, with the space before each.
fn proper_name_len(after: &str) -> usize {
    let mut end = 0;
    while let Some(rest) = after.get(end..).and_then(|r| r.strip_prefix(' ')) {
        let word = rest
            .split(|c: char| !c.is_alphanumeric() && !vntask_tokenizer::is_mark(c))
            .next()
            .unwrap_or_default();
        if !word.starts_with(char::is_uppercase) {
            break;
        }
        end += 1 + word.len();
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board(text: &str) -> Option<&str> {
        let from = "Ban Quản lý ".len();
        board_name_end(text, from).map(|end| &text[..end])
    }

    #[test]
    fn a_board_name_runs_to_its_level() {
        assert_eq!(
            board("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh khẩn trương"),
            Some("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh")
        );
        assert_eq!(
            board("Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh chủ trì"),
            Some("Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh")
        );
        assert_eq!(
            board("Ban Quản lý dự án thành phố Hà Nội"),
            Some("Ban Quản lý dự án thành phố Hà Nội")
        );
    }

    #[test]
    fn no_level_no_board() {
        // A forest's board in passing, a board cut by a comma, a level fused in a word.
        assert_eq!(board("Ban Quản lý rừng phòng hộ"), None);
        assert_eq!(board("Ban Quản lý dự án, tỉnh"), None);
        assert_eq!(board("Ban Quản lý dự án tỉnhx"), None);
        assert_eq!(board("Ban Quản lý tỉnh"), None);
        assert_eq!(board("Ban Quản lý một hai ba bốn năm sáu bảy tám chín mười mười một mười hai mười ba mười bốn tỉnh"), None);
    }
}
