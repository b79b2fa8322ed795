//! One stable sort for the whole app.
//!
//! `slice::sort_by` is generic over both the element and the comparison, so every call
//! site compiled its own copy of the standard library's stable sort (about 3.7 KB of wasm
//! each). [`sort_by`] sorts the positions instead, with one shared copy of that code, and
//! then moves the elements into place: the order is exactly that of `slice::sort_by`
//! (stable, equal elements keep their order).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, as `v.sort_by(cmp)` does.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order_by(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// The positions `0..n` stably sorted by `cmp`.
fn order_by(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rearranges `v` so that its element `k` is the one that was at `order[k]`, following
/// each cycle of the permutation with swaps.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Pairs compared by their first member only, so that stability shows in the second.
        #[test]
        fn sorts_as_the_standard_stable_sort_does(keys in proptest::collection::vec(0u8..5, 0..80)) {
            let v: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let (mut ours, mut standard) = (v.clone(), v);
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            standard.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, standard);
        }

        /// A reversed comparison too (the portfolio's descending sort).
        #[test]
        fn sorts_descending_as_the_standard_sort_does(v in proptest::collection::vec(any::<i16>(), 0..80)) {
            let (mut ours, mut standard) = (v.clone(), v);
            sort_by(&mut ours, |a, b| b.cmp(a));
            standard.sort_by_key(|&a| std::cmp::Reverse(a));
            prop_assert_eq!(ours, standard);
        }
    }
}
