//! In-app URLs and navigation.
//!
//! Views are named by query parameters (`?account=<id>&section=<slug>`, `?page=settings`)
//! rather than by paths, because the app is served by plain static servers with no
//! fallback to `index.html` and is opened from `file://`: a reload of any in-app URL must
//! land on the same view.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::persist::export::link;

/// Where the app is: the file or folder it was loaded from, without query or hash.
/// Every in-app link is built on it, so that links keep working from `file://` and
/// from any sub-folder of a static server.
pub fn base_path() -> String {
    window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".into())
}

/// The in-app URL of a view, e.g. `href_for(&[("account", "acc-1")])`.
pub fn href_for(params: &[(&str, &str)]) -> String {
    let mut href = base_path();
    for (i, (k, v)) in params.iter().enumerate() {
        href.push(if i == 0 { '?' } else { '&' });
        href.push_str(k);
        href.push('=');
        href.push_str(&String::from(js_sys::encode_uri_component(v)));
    }
    href
}

/// The fragment of the share link the page was opened with (without the `#`), taken out
/// of the address at once, path and query kept: the plan in it should stay in neither the
/// history nor a bookmark. `None` when the page has no share fragment.
pub fn take_share_fragment() -> Option<String> {
    let location = window().location();
    let hash = location.hash().ok()?;
    let fragment = hash
        .strip_prefix('#')
        .filter(|f| link::is_share_fragment(f))?;
    let kept = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&kept));
    }
    Some(fragment.to_string())
}

/// Goes to an in-app URL without reloading: pushes it onto the history and lets the
/// router read it back, as a back/forward would. Works from `file://`, where the router's
/// own navigation cannot resolve URLs (the origin is "null").
pub fn navigate_to(href: &str) {
    let window = window();
    if let Ok(history) = window.history() {
        if history
            .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
            .is_ok()
        {
            if let Ok(ev) = web_sys::PopStateEvent::new("popstate") {
                let _ = window.dispatch_event(&ev);
            }
            return;
        }
    }
    let _ = window.location().set_href(href);
}

/// From `file://`, in-app links are followed by `navigate_to` (the router's click handler
/// gives up on file URLs); everywhere else the router handles them.
pub fn follow_links_from_file_urls() {
    if window().location().protocol().ok().as_deref() != Some("file:") {
        return;
    }
    let on_click = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::MouseEvent)>::new(
        |ev: web_sys::MouseEvent| {
            if ev.default_prevented()
                || ev.button() != 0
                || ev.meta_key()
                || ev.ctrl_key()
                || ev.shift_key()
                || ev.alt_key()
            {
                return;
            }
            let anchor = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href]").ok().flatten())
                .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok());
            let Some(a) = anchor else { return };
            if !a.target().is_empty() || a.has_attribute("download") {
                return;
            }
            let Ok(url) = web_sys::Url::new(&a.href()) else {
                return;
            };
            let here = window().location();
            if url.protocol() != "file:" || Some(url.pathname()) != here.pathname().ok() {
                return;
            }
            if url.search() == here.search().unwrap_or_default() && !url.hash().is_empty() {
                return; // a jump within the page: the browser does it
            }
            ev.prevent_default();
            navigate_to(&a.href());
        },
    );
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    on_click.forget();
}
