//! The start: reads storage, mounts the app on the page, and hands the console (and the
//! tests) a way to read stored values. If the app's files cannot be fetched at all, the
//! page's own start script (assets/boot-start.template.js) says so instead.

use leptos::prelude::*;

use crate::app::App;
use crate::persist::codec;
use crate::state::Stored;

/// Mounts the app on the page body, started from what storage holds now (and the share
/// link the page was opened with, taken out of the address first).
pub fn mount() {
    console_error_panic_hook::set_once();
    crate::nav::follow_links_from_file_urls();
    let shared = crate::nav::take_share_fragment();
    // Storage is read a slice per turn of the page, and the first render is a task of its
    // own: reading a large storage and rendering in one would keep the page busy for long.
    wasm_bindgen_futures::spawn_local(async move {
        let read = Stored::read_in_turns().await;
        set_timeout(
            move || {
                let stored = read.now_or_again();
                // The static shell of index.html has done its job (something to paint at once).
                if let Some(boot) = document().get_element_by_id("boot") {
                    boot.remove();
                }
                leptos::mount::mount_to_body(move || view! { <App stored shared /> });
            },
            std::time::Duration::ZERO,
        );
    });
}

/// The app started from what storage holds now, for a test to mount where it likes.
pub fn started() -> impl IntoView {
    let stored = Stored::read();
    view! { <App stored /> }
}

/// The JSON of one stored value as the console or a test can read it: accounts are stored
/// packed (see `persist::packed`), other values as they are. `wasmBindings.storedJson(
/// localStorage.getItem(key))` in the browser's console; a damaged value gives its raw text.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = storedJson)]
pub fn stored_json(raw: &str) -> String {
    match codec::unpack(raw) {
        Ok(Some(json)) => json,
        _ => raw.to_string(),
    }
}
