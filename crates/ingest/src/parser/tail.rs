//! The end of a document for the parser: addressees, recipients, the signature and what
//! opens an appendix after them.

use super::Parser;
use crate::noise;
use crate::sections::is_appendix_label;
use crate::table;

impl Parser<'_> {
    /// A line after `Nơi nhận:`: a recipient, a signature line or the signer's name.
    pub(super) fn tail_line(&mut self, raw: &str) {
        for (index, cell) in raw.split('\t').enumerate() {
            let text = vntask_tokenizer::normalize(cell.trim());
            if text.is_empty() {
                continue;
            }
            let bullet = text.starts_with(['-', '+', '•', '–']);
            if noise::is_person_name(&text) {
                self.signer = Some(text);
            } else if index == 0 && bullet {
                self.recipient(&text);
            }
        }
    }

    pub(super) fn addressee(&mut self, item: &str) {
        self.addressees.extend(list_item(item));
    }

    pub(super) fn recipient(&mut self, item: &str) {
        self.recipients.extend(list_item(item));
    }
}

/// One entry of a list of bodies, without its bullet and closing punctuation (none if empty).
fn list_item(item: &str) -> Option<String> {
    let item = item
        .trim()
        .trim_start_matches(['-', '+', '•', '–', ' '])
        .trim_end_matches([';', ',', '.'])
        .trim();
    (!item.is_empty()).then(|| item.to_string())
}

/// After the recipients and the signature, what opens an appendix: `Phụ lục 1`, a table
/// header row, the type line of a document issued with this one (`KẾ HOẠCH`, `QUY CHẾ`), or a
/// title in capitals of several words that is not a signature line.
pub(super) fn starts_appendix(raw: &str, text: &str) -> bool {
    if is_appendix_label(text) || ATTACHED_TYPES.contains(&text.trim()) {
        return true;
    }
    if raw.contains('\t') {
        let line = 0..raw.len();
        return table::header_kind(&table::tab_cells(raw, line, &[])).is_some();
    }
    noise::all_capitals(text, 12)
        && text.split_whitespace().count() >= 4
        && !noise::is_signature_line(text)
}

/// The type lines of documents issued with a decision (`Ban hành kèm theo Quyết định ...`),
/// in capitals on a line of their own.
const ATTACHED_TYPES: &[&str] = &[
    "KẾ HOẠCH",
    "QUY CHẾ",
    "QUY ĐỊNH",
    "ĐỀ ÁN",
    "CHƯƠNG TRÌNH",
    "HƯỚNG DẪN",
    "ĐIỀU LỆ",
    "PHƯƠNG ÁN",
];
