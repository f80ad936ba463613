//! A per-document cache of [`find`]: assembly reads the same text for deadlines more than
//! once (to split an item at its deadlines, to weigh the parts, then for the task's own
//! deadline), and the scan runs a dozen patterns.

use super::{find, DeadlineContext, DeadlineMatch};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// The deadlines found in each text, by text and context.
type Found = HashMap<(String, DeadlineContext), Rc<[DeadlineMatch]>>;

/// [`find`] with its results kept by text and context, for one document.
#[derive(Default)]
pub struct Memo {
    found: RefCell<Found>,
}

impl Memo {
    /// The deadlines of `text`, as [`find`] gives them.
    pub fn find(&self, text: &str, context: &DeadlineContext) -> Rc<[DeadlineMatch]> {
        let key = (text.to_string(), *context);
        if let Some(found) = self.found.borrow().get(&key) {
            return Rc::clone(found);
        }
        let found: Rc<[DeadlineMatch]> = find(text, context).into();
        self.found.borrow_mut().insert(key, Rc::clone(&found));
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
