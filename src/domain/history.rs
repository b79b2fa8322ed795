//! The undo/redo history as a plain value: changes are recorded, undone and redone in
//! order; a new change forgets what was undone; and the keystrokes of one field edit
//! coalesce into one step, so that Ctrl+Z undoes "typed the name", not one letter.
//!
//! What a change is (an account before and after, in the app) is the caller's: this
//! module only keeps them in order. Times are an argument (milliseconds), never read here.

/// A change that can absorb the next change of the same step (the later keystrokes of a
/// field edit): it keeps where it started and takes where the later one ended.
pub trait Coalesce {
    fn absorb(&mut self, later: Self);
}

/// How long a pause between two edits of the same field may be for them to stay one step.
pub const COALESCE_MS: f64 = 1_500.0;

/// One step of the history and how it may still grow.
#[derive(Debug, Clone, PartialEq)]
struct Step<T> {
    change: T,
    /// The field edited (`None`: a change that never coalesces, such as a deletion).
    key: Option<String>,
    /// When the step last grew.
    last_at: f64,
    /// False once the step is closed (the field lost focus, or it was undone and redone).
    open: bool,
}

/// The changes that can be undone (newest last) and those undone that can be redone.
#[derive(Debug, Clone, PartialEq)]
pub struct History<T> {
    done: Vec<Step<T>>,
    undone: Vec<T>,
    depth: usize,
}

impl<T: Coalesce> Default for History<T> {
    fn default() -> Self {
        History::new(DEPTH)
    }
}

/// How many steps can be undone by default.
pub const DEPTH: usize = 50;

impl<T: Coalesce> History<T> {
    /// An empty history keeping the last `depth` steps.
    pub fn new(depth: usize) -> Self {
        History {
            done: Vec::new(),
            undone: Vec::new(),
            depth: depth.max(1),
        }
    }

    /// Records `change`, made at `at_ms`. It joins the last step when both edit the same
    /// field (`key`), that step is still open, and the pause since it grew is at most
    /// [`COALESCE_MS`]; otherwise it is a step of its own. Either way nothing can be
    /// redone any more.
    pub fn record(&mut self, change: T, key: Option<&str>, at_ms: f64) {
        self.undone.clear();
        if let (Some(key), Some(last)) = (key, self.done.last_mut()) {
            let same_field = last.open && last.key.as_deref() == Some(key);
            if same_field && (0.0..=COALESCE_MS).contains(&(at_ms - last.last_at)) {
                last.change.absorb(change);
                last.last_at = at_ms;
                return;
            }
        }
        self.done.push(Step {
            change,
            key: key.map(str::to_string),
            last_at: at_ms,
            open: true,
        });
        let excess = self.done.len().saturating_sub(self.depth);
        self.done.drain(..excess);
    }

    /// Closes the last step: the next edit, even of the same field, is a step of its own
    /// (the field lost focus).
    pub fn seal(&mut self) {
        if let Some(last) = self.done.last_mut() {
            last.open = false;
        }
    }

    /// Whether the newest step can still grow (not closed by [`History::seal`]).
    pub fn is_open(&self) -> bool {
        self.done.last().is_some_and(|s| s.open)
    }

    /// Takes the newest step back: it moves to the redo list and is returned, for the
    /// caller to put its "before" back.
    pub fn undo(&mut self) -> Option<&T> {
        let step = self.done.pop()?;
        self.undone.push(step.change);
        self.undone.last()
    }

    /// Does the last undone step again: it moves back to the undo list and is returned,
    /// for the caller to put its "after" back. It is closed: it never grows again.
    pub fn redo(&mut self) -> Option<&T> {
        let change = self.undone.pop()?;
        self.done.push(Step {
            change,
            key: None,
            last_at: f64::NEG_INFINITY,
            open: false,
        });
        self.done.last().map(|s| &s.change)
    }

    /// The step [`History::undo`] would take back.
    pub fn next_undo(&self) -> Option<&T> {
        self.done.last().map(|s| &s.change)
    }

    /// The newest step, to change how it is shown (the undo notice dismissed).
    pub fn next_undo_mut(&mut self) -> Option<&mut T> {
        self.done.last_mut().map(|s| &mut s.change)
    }

    /// The step [`History::redo`] would do again.
    pub fn next_redo(&self) -> Option<&T> {
        self.undone.last()
    }

    /// How many steps can be undone and redone.
    pub fn len(&self) -> (usize, usize) {
        (self.done.len(), self.undone.len())
    }

    pub fn is_empty(&self) -> bool {
        self.done.is_empty() && self.undone.is_empty()
    }

    /// Forgets everything (the workspace was replaced, or changed from outside).
    pub fn clear(&mut self) {
        self.done.clear();
        self.undone.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A change of a value from `0` to `1`, as a test's stand-in for an account.
    #[derive(Debug, Clone, PartialEq)]
    struct Edit(&'static str, &'static str);

    impl Coalesce for Edit {
        fn absorb(&mut self, later: Self) {
            self.1 = later.1;
        }
    }

    fn history() -> History<Edit> {
        History::new(3)
    }

    #[test]
    fn undo_and_redo_walk_the_steps_in_order() {
        let mut h = history();
        h.record(Edit("a", "b"), None, 0.0);
        h.record(Edit("b", "c"), None, 10.0);
        assert_eq!(h.undo(), Some(&Edit("b", "c")));
        assert_eq!(h.undo(), Some(&Edit("a", "b")));
        assert_eq!(h.undo(), None);
        assert_eq!(h.redo(), Some(&Edit("a", "b")));
        assert_eq!(h.redo(), Some(&Edit("b", "c")));
        assert_eq!(h.redo(), None);
        assert_eq!(h.len(), (2, 0));
    }

    #[test]
    fn a_new_change_forgets_what_was_undone() {
        let mut h = history();
        h.record(Edit("a", "b"), None, 0.0);
        h.undo();
        assert_eq!(h.next_redo(), Some(&Edit("a", "b")));
        h.record(Edit("a", "x"), None, 5.0);
        assert_eq!(h.next_redo(), None);
        assert_eq!(h.len(), (1, 0));
    }

    #[test]
    fn keystrokes_of_one_field_are_one_step() {
        let mut h = history();
        h.record(Edit("", "A"), Some("name"), 0.0);
        h.record(Edit("A", "Ac"), Some("name"), 200.0);
        h.record(Edit("Ac", "Acme"), Some("name"), 1_600.0); // 1.4 s after the last one
        assert_eq!(h.len(), (1, 0));
        assert_eq!(h.undo(), Some(&Edit("", "Acme")));
    }

    #[test]
    fn another_field_a_long_pause_or_a_blur_start_a_new_step() {
        let mut h = History::new(10);
        h.record(Edit("", "A"), Some("name"), 0.0);
        h.record(Edit("", "1"), Some("phone"), 100.0);
        assert_eq!(h.len(), (2, 0), "another field");
        h.record(Edit("1", "12"), Some("phone"), 100.0 + COALESCE_MS + 1.0);
        assert_eq!(h.len(), (3, 0), "a pause longer than the window");
        assert!(h.is_open());
        h.seal();
        assert!(!h.is_open());
        h.record(Edit("12", "123"), Some("phone"), 100.0 + COALESCE_MS + 2.0);
        assert_eq!(h.len(), (4, 0), "after a blur");
        h.record(Edit("x", "y"), None, 100.0 + COALESCE_MS + 3.0);
        h.record(Edit("y", "z"), None, 100.0 + COALESCE_MS + 4.0);
        assert_eq!(h.len(), (6, 0), "changes without a field never coalesce");
    }

    #[test]
    fn a_redone_step_does_not_grow_again() {
        let mut h = history();
        h.record(Edit("", "A"), Some("name"), 0.0);
        h.undo();
        h.redo();
        h.record(Edit("A", "Ab"), Some("name"), 10.0);
        assert_eq!(h.len(), (2, 0));
        assert_eq!(h.undo(), Some(&Edit("A", "Ab")));
        assert_eq!(h.undo(), Some(&Edit("", "A")));
    }

    #[test]
    fn only_the_last_steps_are_kept() {
        let mut h = history();
        for (i, to) in ["1", "2", "3", "4"].into_iter().enumerate() {
            h.record(Edit("", to), None, i as f64);
        }
        assert_eq!(h.len(), (3, 0));
        let undone: Vec<_> = std::iter::from_fn(|| h.undo().cloned()).collect();
        assert_eq!(undone, [Edit("", "4"), Edit("", "3"), Edit("", "2")]);
    }

    #[test]
    fn clear_forgets_both_ways() {
        let mut h = history();
        h.record(Edit("a", "b"), None, 0.0);
        h.record(Edit("b", "c"), None, 1.0);
        h.undo();
        h.clear();
        assert!(h.is_empty());
        assert_eq!((h.next_undo(), h.next_redo()), (None, None));
    }
}
