//! One account's plan as a link to copy: it says first where links travel and who can read
//! them, warns when a link is long enough for chat tools to cut, and offers the account
//! file instead when a link would be too long for browsers (see `persist::export::link`).
//!
//! The panel is drawn from the plan as it is when drawn; its caller draws it again when the
//! workspace changes, so the link shown is never behind the plan. Few elements, and no
//! reactive parts but the status: every element a view adds costs the app's size budget.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::model::Id;
use crate::format::format_number;
use crate::persist::export::json::export_account;
use crate::persist::export::link::{self, BROWSER_LIMIT, CHAT_LIMIT};
use crate::state::use_app;

/// The panel under the account's exports; `download` saves the account file instead.
#[component]
pub fn SharePanel(id: Id, download: Callback<()>) -> impl IntoView {
    let state = use_app();
    let url = state
        .workspace
        .with_untracked(|ws| {
            let file = export_account(ws, &id, chrono::Utc::now())?;
            Some(format!("{}#{}", page_url(), link::fragment(&file)))
        })
        .unwrap_or_default();
    let length = url.chars().count();
    let too_long = length > BROWSER_LIMIT;
    let mut about = format!(
        "The link is {} characters long.",
        format_number(length as f64)
    );
    if too_long {
        about += &format!(
            " That is more than browsers reliably open ({}): send the account file instead.",
            format_number(BROWSER_LIMIT as f64)
        );
    } else if length > CHAT_LIMIT {
        about += &format!(
            " Over {}, chat tools and some email clients cut links, and a cut link does not open: check that it arrives whole, or send the account file.",
            format_number(CHAT_LIMIT as f64)
        );
    }
    let warning = if length > CHAT_LIMIT {
        "warning-text"
    } else {
        ""
    };
    let said = RwSignal::new(String::new());
    // Leaves the link selected for the user to copy, and says so.
    let by_hand = move || {
        if said.try_set(COPY_BY_HAND.into()).is_none() {
            let field = document().get_element_by_id("share-link");
            if let Some(el) = field.and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                let _ = el.focus();
                el.select();
            }
        }
    };
    let copy_text = url.clone();
    let copy = move |_| {
        said.set(String::new());
        let Some(clipboard) = clipboard() else {
            return by_hand();
        };
        let written = wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&copy_text));
        leptos::task::spawn_local(async move {
            // The panel may be gone before the browser answers: `try_set` then.
            if written.await.is_ok() {
                said.try_set("Copied.".into());
            } else {
                by_hand();
            }
        });
    };
    view! {
        <section class="card share-panel" aria-labelledby="share-heading">
            <h2 id="share-heading">"Share as link"</h2>
            <p>
                "The link carries the whole plan: contacts with their stances, notes, revenue and everything else. Anyone who has the link can read all of it, and links stay where they travel: chat and email logs, browser history and bookmarks. The plan is never sent to a server (it sits after the “#”, which browsers keep to themselves); opening the link shows a preview to import."
            </p>
            <p class=warning>{about}</p>
            {(!too_long).then(|| view! {
                <div class="field">
                    <label for="share-link">"Link to this plan"</label>
                    <input id="share-link" type="text" readonly value=url />
                </div>
                <button type="button" on:click=copy>"Copy link"</button>
                " "
            })}
            <button type="button" class="secondary" on:click=move |_| download.run(())>
                "Download the account file (JSON)"
            </button>
            <p role="status">{move || said.get()}</p>
        </section>
    }
}

const COPY_BY_HAND: &str =
    "The link is selected: copy it with Ctrl+C (⌘C on a Mac), or from the field's menu.";

/// The browser's clipboard, where the page may write to it (secure contexts only).
fn clipboard() -> Option<web_sys::Clipboard> {
    let navigator = window().navigator();
    js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .map(|c| c.unchecked_into())
}

/// The address of the app itself, without query or fragment: works from `file://` too.
fn page_url() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_string()
}
