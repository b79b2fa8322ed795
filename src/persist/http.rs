//! The one module that talks to the sync server: `fetch` with the server's cookie session
//! (`credentials: include`), never cached. Everything it sends and reads is made and
//! understood by `persist::sync`.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, RequestCache, RequestCredentials, RequestInit, RequestMode, Response};

use crate::persist::sync::{Reply, Request};

/// Sends `req` to the server at `base`; `None` when no reply came (offline, the server is
/// down, or the Content Security Policy does not allow the address).
pub async fn send(base: &str, req: &Request) -> Option<Reply> {
    let url = format!("{}{}", base.trim().trim_end_matches('/'), req.path);
    let init = RequestInit::new();
    init.set_method(req.method);
    init.set_credentials(RequestCredentials::Include);
    init.set_mode(RequestMode::Cors);
    init.set_cache(RequestCache::NoStore);
    let headers = Headers::new().ok()?;
    headers.set("Accept", "application/json").ok()?;
    if let Some(body) = &req.body {
        headers.set("Content-Type", "application/json").ok()?;
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let request = web_sys::Request::new_with_str_and_init(&url, &init).ok()?;
    let window = web_sys::window()?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .ok()?
        .dyn_into()
        .ok()?;
    let body = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    Some(Reply {
        status: response.status(),
        body,
    })
}
