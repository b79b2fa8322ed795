//! A column header that sorts its table, shared by the portfolio and the team view.

use leptos::prelude::*;

/// A column header that sorts its table: a button, with `aria-sort` on the header.
#[component]
pub fn SortHeader<T>(
    label: &'static str,
    col: T,
    sort: RwSignal<(T, bool)>,
    /// The direction a first click on this column sorts in.
    ascending_first: bool,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let aria = move || match sort.get() {
        (c, true) if c == col => "ascending",
        (c, false) if c == col => "descending",
        _ => "none",
    };
    view! {
        <th scope="col" aria-sort=aria>
            <button type="button" class="sort" on:click=move |_| sort.update(|(c, asc)| {
                if *c == col { *asc = !*asc } else { *c = col; *asc = ascending_first }
            })>
                {label}
                <span aria-hidden="true">{move || match sort.get() { (c, true) if c == col => " ▲", (c, false) if c == col => " ▼", _ => "" }}</span>
            </button>
        </th>
    }
}
