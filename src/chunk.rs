//! Code loaded on demand: the split build (every Trunk build, see index.html) cuts the wasm
//! at functions marked with `wasm_split(…, fallible)`, and scripts/split.mjs makes each a
//! chunk fetched the first time it is needed. A fetch can fail (offline before the service
//! worker cached the chunks): the split functions then return [`Unavailable`] instead of
//! aborting the app, and the caller says so and lets the user try again.

use leptos::prelude::*;

/// A chunk of the app could not be fetched. Not remembered: the next call tries again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable;

impl std::fmt::Display for Unavailable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("part of the app could not be downloaded")
    }
}

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// Shown in place of a view whose chunk could not be fetched; `retry` asks for it again.
#[component]
pub fn ViewUnavailable(retry: Callback<()>) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="unavailable-heading">
            <h1 id="unavailable-heading">"This page could not be opened"</h1>
            <p role="alert">
                "Part of the app could not be downloaded. Your data is safe. Check your \
                 connection, then try again."
            </p>
            <button type="button" on:click=move |_| retry.run(())>"Try again"</button>
        </section>
    }
}
