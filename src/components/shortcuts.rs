//! The keyboard shortcuts, listed in a dialog opened with `?` (outside text fields) or
//! the header's "Keyboard shortcuts" button. The focus stays in the dialog while it is
//! open; Escape or Close shuts it and gives the focus back. The dialog is in a chunk of
//! its own (`app.rs`), fetched the first time it opens.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether the shortcuts dialog is open (a context, set by the `?` key).
#[derive(Clone, Copy)]
pub struct HelpOpen(pub RwSignal<bool>);

/// Every shortcut of the app: keys, where, what. Keep in step with the keydown handlers
/// (`undo_notice`, the account page, the log dialog, the team walk-through, search).
const SHORTCUTS: [(&str, &str, &str); 9] = [
    ("?", "Anywhere", "Show this list of shortcuts"),
    (
        "/",
        "Anywhere",
        "Search accounts, contacts, goals, opportunities, actions and notes",
    ),
    (
        "Ctrl+Z (⌘Z)",
        "Outside text fields",
        "Undo the last change (inside a field, the browser undoes your typing)",
    ),
    (
        "Shift+Ctrl+Z (⇧⌘Z), Ctrl+Y",
        "Outside text fields",
        "Redo the change just undone",
    ),
    ("L", "An account's plan", "Log an interaction"),
    (
        "Enter",
        "Log an interaction: Find contacts",
        "Pick the first contact found",
    ),
    (
        "Ctrl+Enter (⌘↩)",
        "Log an interaction",
        "Save the interaction",
    ),
    ("← →", "Team view: walk-through", "Previous and next plan"),
    ("Escape", "A dialog", "Close it"),
];

/// The header's button that opens the list.
#[component]
pub fn ShortcutsButton() -> impl IntoView {
    let open = expect_context::<HelpOpen>().0;
    view! {
        <button type="button" class="link shortcuts-button" aria-keyshortcuts="Shift+?" on:click=move |_| open.set(true)>
            "Keyboard shortcuts"
        </button>
    }
}

const CLOSE_ID: &str = "shortcuts-close";

fn focus_close() {
    if let Some(el) = document().get_element_by_id(CLOSE_ID) {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// The dialog, shown while [`HelpOpen`] is set.
#[component]
pub fn ShortcutsDialog() -> impl IntoView {
    let open = expect_context::<HelpOpen>().0;
    // The element that had the focus when the dialog opened gets it back.
    let opener = StoredValue::new_local(
        document()
            .active_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
    );
    request_animation_frame(focus_close);
    let close = move || {
        // Read before the dialog (and this value) goes away.
        let back = opener.try_with_value(Clone::clone).flatten();
        open.set(false);
        if let Some(el) = back {
            let _ = el.focus();
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            ev.stop_propagation();
            close();
        }
        // The dialog's one control keeps the focus: Tab cannot leave it.
        "Tab" => {
            ev.prevent_default();
            focus_close();
        }
        _ => {}
    };
    view! {
        <div class="modal-backdrop" on:click=move |ev| {
            if ev.target() == ev.current_target() {
                close();
            }
        }>
            <div class="modal" role="dialog" aria-modal="true" aria-labelledby="shortcuts-heading" on:keydown=on_keydown>
                <h2 id="shortcuts-heading">"Keyboard shortcuts"</h2>
                <table class="table shortcuts">
                    <caption class="visually-hidden">"Keyboard shortcuts"</caption>
                    <thead>
                        <tr><th scope="col">"Keys"</th><th scope="col">"Where"</th><th scope="col">"What it does"</th></tr>
                    </thead>
                    <tbody>
                        {SHORTCUTS.map(|(keys, place, what)| view! {
                            <tr><th scope="row"><kbd>{keys}</kbd></th><td>{place}</td><td>{what}</td></tr>
                        })}
                    </tbody>
                </table>
                <div class="button-row">
                    <button type="button" id=CLOSE_ID on:click=move |_| close()>"Close"</button>
                </div>
            </div>
        </div>
    }
}
