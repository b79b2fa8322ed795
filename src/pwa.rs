//! The installable app: registers the service worker (release builds served over http(s)
//! only; never from `file://` or in debug builds) and reports when a new release is
//! waiting, so the user chooses when to reload instead of losing a half-typed field.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    /// Set by `apply_update`: only a user-requested update reloads the page (the first
    /// install also changes the controller, and must not reload under the user's hands).
    static RELOAD_REQUESTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Registers `sw.js`; `update_ready` turns true when a new release has been installed and
/// waits for the user.
pub fn register(update_ready: RwSignal<bool>) {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "https:" && protocol != "http:" {
        return;
    }
    let navigator = window.navigator();
    // Absent outside secure contexts; web-sys would throw on it.
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(container.register("./sw.js")).await
        else {
            return;
        };
        // Not always a registration: a browser that blocks workers may resolve with nothing.
        let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
            return;
        };
        let has_controller = {
            let container = container.clone();
            move || container.controller().is_some()
        };
        if reg.waiting().is_some() && has_controller() {
            update_ready.try_set(true);
        }
        let on_update_found = {
            let reg = reg.clone();
            Closure::<dyn FnMut()>::new(move || {
                let Some(installing) = reg.installing() else {
                    return;
                };
                let worker = installing.clone();
                let has_controller = has_controller.clone();
                let on_state = Closure::<dyn FnMut()>::new(move || {
                    if worker.state() == ServiceWorkerState::Installed && has_controller() {
                        update_ready.try_set(true);
                    }
                });
                installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
                on_state.forget();
            })
        };
        reg.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
        // Once the new worker takes over, load the page it belongs to.
        let on_controller_change = Closure::<dyn FnMut()>::new(move || {
            if !RELOAD_REQUESTED.with(|r| r.get()) {
                return;
            }
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
        on_controller_change.forget();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(reg));
    });
}

/// Activates the waiting release; the page reloads when it has taken over.
pub fn apply_update() {
    REGISTRATION.with(|r| {
        if let Some(waiting) = r.borrow().as_ref().and_then(|reg| reg.waiting()) {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
            RELOAD_REQUESTED.with(|r| r.set(true));
            let _ = waiting.post_message(&message);
        }
    });
}
