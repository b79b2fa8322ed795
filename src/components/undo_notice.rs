//! Undo and redo from everywhere: the header's Undo/Redo buttons, the notice after a
//! deletion or an archiving ("Deleted contact “Ann Lee”. Undo"), and the keys: Ctrl/Cmd+Z
//! undoes, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes, `?` lists the shortcuts.
//!
//! Inside a text field the keys keep their native meaning: the browser undoes the typing
//! of that field (its own text history), and `?` types a question mark. The app's undo
//! works from anywhere else and from the buttons; the keystrokes of one field edit are one
//! app step, which ends when the field loses the focus.

use leptos::prelude::*;

use crate::components::shortcuts::HelpOpen;
use crate::state::use_app;

/// The app's keys, listened to on the window, and the end of a step when a field loses
/// the focus.
#[component]
pub fn UndoKeys() -> impl IntoView {
    let state = use_app();
    let help = expect_context::<HelpOpen>();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || in_text_field() {
            return;
        }
        let command = ev.ctrl_key() || ev.meta_key();
        let key = ev.key();
        let undo = command && !ev.shift_key() && key.eq_ignore_ascii_case("z");
        let redo = command
            && ((ev.shift_key() && key.eq_ignore_ascii_case("z"))
                || (!ev.shift_key() && key.eq_ignore_ascii_case("y")));
        if undo {
            ev.prevent_default();
            state.undo();
        } else if redo {
            ev.prevent_default();
            state.redo();
        } else if key == "?" && !command && !ev.alt_key() {
            ev.prevent_default();
            help.0.set(true);
        }
    });
    let blur = window_event_listener(leptos::ev::focusout, move |_| state.end_undo_step());
    on_cleanup(move || {
        keys.remove();
        blur.remove();
    });
}

/// Undo and Redo, disabled when there is nothing to undo or redo.
#[component]
pub fn UndoButtons() -> impl IntoView {
    let state = use_app();
    view! {
        <div class="undo-buttons">
            <button type="button" class="secondary" aria-keyshortcuts="Control+Z" title="Ctrl+Z (⌘Z) outside text fields"
                disabled=move || state.history.with(|h| h.next_undo().is_none())
                on:click=move |_| state.undo()>"Undo last change"</button>
            <button type="button" class="secondary" aria-keyshortcuts="Control+Shift+Z" title="Shift+Ctrl+Z (⇧⌘Z) outside text fields"
                disabled=move || state.history.with(|h| h.next_redo().is_none())
                on:click=move |_| state.redo()>"Redo"</button>
        </div>
    }
}

/// "Deleted contact “Ann Lee”. Undo": after a change that takes something out of sight.
#[component]
pub fn UndoNotice() -> impl IntoView {
    let state = use_app();
    // A memo: the notice is drawn again only when its text changes, not on every change
    // of the history (a keystroke, a field losing the focus while its Undo is clicked).
    let notice = Memo::new(move |_| {
        state
            .history
            .with(|h| h.next_undo().filter(|c| c.notice).map(|c| c.what.clone()))
    });
    move || {
        notice
            .get()
            .map(|text| {
                view! {
                    <div class="toast" role="status">
                        <span>{text}</span>
                        <button type="button" class="secondary" on:click=move |_| state.undo()>
                            "Undo"
                        </button>
                        <button type="button" class="link" aria-label="Dismiss" on:click=move |_| state.dismiss_undo_notice()>
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
