//! "Deleted contact “Ann Lee”. Undo": the notice after a deletion, and Ctrl/Cmd+Z to bring
//! it back (outside text fields, where the browser's own text undo applies).

use leptos::prelude::*;

use crate::state::use_app;

#[component]
pub fn UndoNotice() -> impl IntoView {
    let state = use_app();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let undo_key = (ev.ctrl_key() || ev.meta_key())
            && !ev.shift_key()
            && ev.key().eq_ignore_ascii_case("z");
        if !undo_key || in_text_field() || state.undo.with_untracked(Vec::is_empty) {
            return;
        }
        ev.prevent_default();
        state.undo_last();
    });
    on_cleanup(move || keys.remove());
    move || {
        state.undo.with(|stack| stack.last().map(|u| u.describe())).map(|text| {
            view! {
                <div class="toast" role="status">
                    <span>{text}</span>
                    <button type="button" class="secondary" on:click=move |_| state.undo_last()>
                        "Undo"
                    </button>
                    <button type="button" class="link" aria-label="Dismiss" on:click=move |_| state.undo.set(Vec::new())>
                        "×"
                    </button>
                </div>
            }
        })
    }
}

/// True while the keyboard focus is in a field where keys type text.
pub fn in_text_field() -> bool {
    let Some(el) = document().active_element() else {
        return false;
    };
    match el.tag_name().to_ascii_lowercase().as_str() {
        "textarea" | "select" => true,
        "input" => !matches!(
            el.get_attribute("type").unwrap_or_default().as_str(),
            "checkbox" | "radio" | "button" | "submit"
        ),
        _ => el.has_attribute("contenteditable"),
    }
}
