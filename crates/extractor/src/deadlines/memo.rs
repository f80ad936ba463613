//! A per-document cache of [`find`]: assembly reads the same text for deadlines more than
//! once (to split an item at its deadlines, to weigh the parts, then for the task's own
//! deadline), and the scan runs a dozen patterns.

use super::{find, DeadlineContext, DeadlineMatch};
use foldhash::fast::RandomState;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// The deadlines found in each text, for one context. Keyed by the text itself, so a lookup
/// borrows the text instead of copying it; hashed with foldhash, since SipHash over every
/// text read showed in profiles (the texts come from one document, not from an adversary
/// choosing keys).
type Found = HashMap<String, Rc<[DeadlineMatch]>, RandomState>;

/// [`find`] with its results kept by text and context, for one document.
#[derive(Default)]
pub struct Memo {
    /// One table per context (a document reads its texts in one or two).
    found: RefCell<Vec<(DeadlineContext, Found)>>,
}

impl Memo {
    /// The deadlines of `text`, as [`find`] gives them.
    pub fn find(&self, text: &str, context: &DeadlineContext) -> Rc<[DeadlineMatch]> {
        let mut tables = self.found.borrow_mut();
        let at = match tables.iter().position(|(c, _)| c == context) {
            Some(at) => at,
            None => {
                tables.push((*context, Found::default()));
                tables.len() - 1
            }
        };
        let Some((_, table)) = tables.get_mut(at) else {
            return find(text, context).into();
        };
        if let Some(found) = table.get(text) {
            return Rc::clone(found);
        }
        let found: Rc<[DeadlineMatch]> = find(text, context).into();
        table.insert(text.to_string(), Rc::clone(&found));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gives_what_find_gives_for_each_context() {
        let memo = Memo::default();
        let day_first = DeadlineContext::default();
        let month_first = DeadlineContext {
            month_first: true,
            ..DeadlineContext::default()
        };
        let text = "hoàn thành trước 4/5/2025";
        for context in [&day_first, &month_first, &day_first] {
            let cached = memo.find(text, context);
            let direct = find(text, context);
            assert_eq!(cached.len(), direct.len());
            for (a, b) in cached.iter().zip(&direct) {
                assert_eq!(a.deadline.due, b.deadline.due);
                assert_eq!(a.range, b.range);
            }
        }
        assert_ne!(
            memo.find(text, &day_first)[0].deadline.due,
            memo.find(text, &month_first)[0].deadline.due
        );
    }
}
