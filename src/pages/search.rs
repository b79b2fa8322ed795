//! The search panel the header opens (with its button or `/`): a search field and the
//! results of `domain::search` grouped by kind, each a link to its place. Arrow keys move
//! between the field and the links, Enter follows a link, Escape closes the panel and gives
//! the focus back to the header's button. Loaded on first use (a chunk of its own).

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::model::{Account, Workspace};
use crate::domain::search::{index, search, Hit, Index};
use crate::nav::href_for;
use crate::state::use_app;

/// Results listed per kind.
const PER_KIND: usize = 8;

thread_local! {
    /// The index of the accounts it was built from (by identity: an edit replaces the
    /// edited account's `Arc`), kept between openings of the panel.
    static INDEX: RefCell<Option<(Vec<*const Account>, Rc<Index>)>> = const { RefCell::new(None) };
}

/// The index of `ws`, built again only when an account changed since the last one.
fn index_of(ws: &Workspace) -> Rc<Index> {
    let ids: Vec<*const Account> = ws.accounts.iter().map(Arc::as_ptr).collect();
    INDEX.with_borrow_mut(|cache| match cache {
        Some((built, ix)) if *built == ids => ix.clone(),
        _ => {
            let ix = Rc::new(index(ws));
            *cache = Some((ids, ix.clone()));
            ix
        }
    })
}

fn href_of(hit: &Hit) -> String {
    match hit.part {
        Some(part) => href_for(&[("account", hit.account.as_str()), ("section", part.slug())]),
        None => href_for(&[("account", hit.account.as_str())]),
    }
}

/// Moves the focus `by` links (−1 up, +1 down) from the focused one; above the first
/// link is the search field.
fn move_focus(panel: &web_sys::Element, by: i32) {
    let Ok(links) = panel.query_selector_all("input[type=search], .search-results a") else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> = (0..links.length())
        .filter_map(|i| links.get(i))
        .filter_map(|n| n.dyn_into().ok())
        .collect();
    let active = document().active_element();
    let at = items
        .iter()
        .position(|el| {
            active
                .as_ref()
                .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
        })
        .unwrap_or(0) as i32;
    let next = (at + by).clamp(0, items.len() as i32 - 1);
    if let Some(el) = items.get(next as usize) {
        let _ = el.focus();
    }
}

/// The panel; `close(true)` closes it and gives the focus back to the header's button,
/// `close(false)` when a result was followed.
#[component]
pub fn SearchPanel(close: Callback<bool>) -> impl IntoView {
    let state = use_app();
    state.finish_loading();
    let query = RwSignal::new(String::new());
    let results = Memo::new(move |_| {
        let q = query.get();
        state.workspace.with(|ws| {
            if q.trim().is_empty() {
                return Vec::new();
            }
            search(ws, &index_of(ws), &q, PER_KIND)
        })
    });
    let panel = NodeRef::<leptos::html::Div>::new();
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            let _ = input.focus();
        }
    });
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(panel) = panel.get_untracked() else {
            return;
        };
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                move_focus(&panel, 1);
            }
            "ArrowUp" => {
                ev.prevent_default();
                move_focus(&panel, -1);
            }
            "Escape" => {
                ev.prevent_default();
                close.run(true);
            }
            _ => {}
        }
    };
    let summary = move || {
        let r = results.get();
        let n: usize = r.iter().map(|g| g.total).sum();
        match (query.with(|q| q.trim().is_empty()), n) {
            (true, _) => String::new(),
            (false, 0) => "No results.".into(),
            (false, 1) => "1 result.".into(),
            (false, n) => format!("{n} results."),
        }
    };
    view! {
        <div class="search-panel" role="search" node_ref=panel on:keydown=on_key>
            <label for="search-field">"Search accounts, contacts, goals, opportunities, actions and notes"</label>
            <input
                id="search-field"
                type="search"
                node_ref=field
                autocomplete="off"
                aria-describedby="search-summary"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
            <p id="search-summary" class="hint" aria-live="polite">{summary}</p>
            <div class="search-results">
                {move || {
                    results
                        .get()
                        .into_iter()
                        .map(|g| {
                            let heading = format!("search-{}", g.kind as usize);
                            let labelled_by = heading.clone();
                            let more = (g.total > g.hits.len())
                                .then(|| format!(" (first {} of {})", g.hits.len(), g.total));
                            view! {
                                <section aria-labelledby=labelled_by>
                                    <h2 id=heading>{g.kind.label()}{more}</h2>
                                    <ul>
                                        {g.hits.into_iter().map(|h| view! { <SearchHit hit=h close /> }).collect_view()}
                                    </ul>
                                </section>
                            }
                        })
                        .collect_view()
                }}
            </div>
            <button type="button" class="secondary" on:click=move |_| close.run(true)>"Close search"</button>
        </div>
    }
}

#[component]
fn SearchHit(hit: Hit, close: Callback<bool>) -> impl IntoView {
    let href = href_of(&hit);
    let label: String = hit.label.chars().take(120).collect();
    let detail = (!hit.detail.is_empty()).then(|| {
        let d: String = hit.detail.chars().take(80).collect();
        view! { <span class="hint">{format!(" · {d}")}</span> }
    });
    view! {
        <li>
            <a href=href on:click=move |_| request_animation_frame(move || close.run(false))>
                {label}
                <span class="hint">{format!(" — {}", hit.account_name)}</span>
                {detail}
            </a>
        </li>
    }
}
