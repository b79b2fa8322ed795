//! The browser's localStorage, behind one small module: the only code that touches it.
//!
//! Storage can be missing (private mode, disabled by policy), full, or changed by another
//! tab; every call here returns an error the UI can show instead of panicking, so the app
//! keeps working from memory.

use gloo_storage::{LocalStorage as BrowserStorage, Storage};
use wasm_bindgen::JsCast;

/// The prefix of every key the app owns.
pub const PREFIX: &str = super::codec::PREFIX;

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No localStorage at all (private mode, disabled, sandboxed frame).
    Unavailable(String),
    /// The browser's quota is used up.
    QuotaExceeded,
    /// Any other failure, with the browser's message.
    Failed(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageError::Unavailable(why) => {
                write!(f, "this browser's local storage is not available ({why})")
            }
            StorageError::QuotaExceeded => f.write_str("this browser's local storage is full"),
            StorageError::Failed(why) => write!(f, "saving failed ({why})"),
        }
    }
}

/// The storage object, or why there is none. Checked with web-sys first because
/// `gloo_storage` panics where storage is unavailable.
fn storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(BrowserStorage::raw()),
        Ok(None) => Err(StorageError::Unavailable("no localStorage".into())),
        Err(e) => Err(StorageError::Unavailable(js_error_text(&e))),
    }
}

fn js_error_text(e: &wasm_bindgen::JsValue) -> String {
    if let Some(ex) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", ex.name(), ex.message());
    }
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| "unknown error".into())
}

fn classify(e: &wasm_bindgen::JsValue) -> StorageError {
    let quota = e
        .dyn_ref::<web_sys::DomException>()
        .map(|ex| {
            let name = ex.name();
            // Firefox names it differently; old WebKit reports code 22.
            name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || ex.code() == 22
        })
        .unwrap_or(false);
    if quota {
        StorageError::QuotaExceeded
    } else {
        StorageError::Failed(js_error_text(e))
    }
}

/// Every key of ours with its raw text, in key order.
pub fn read_all() -> Result<Vec<(String, String)>, StorageError> {
    let mut keys = our_keys()?;
    keys.sort_unstable();
    read_values(keys)
}

/// `keys` (from [`our_keys`]) with their raw text, in the order given; keys gone since are
/// left out.
pub fn read_values(keys: Vec<String>) -> Result<Vec<(String, String)>, StorageError> {
    let s = storage()?;
    let mut out = Vec::new();
    for key in keys {
        if let Some(value) = s.get_item(&key).map_err(|e| classify(&e))? {
            out.push((key, value));
        }
    }
    Ok(out)
}

/// Removes every key of ours, backups included ("delete all my data"); returns how many.
pub fn remove_all() -> Result<usize, StorageError> {
    let keys = our_keys()?;
    let s = storage()?;
    for key in &keys {
        s.remove_item(key).map_err(|e| classify(&e))?;
    }
    Ok(keys.len())
}

/// One raw value, or `None` when it is missing or storage cannot be read.
pub fn read(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

/// The names of our keys (not their values: cheap enough for every save), fetched in one
/// call rather than one per key.
pub fn our_keys() -> Result<Vec<String>, StorageError> {
    let s = storage()?;
    Ok(js_sys::Object::keys(&s)
        .iter()
        .filter_map(|k| k.as_string())
        .filter(|k| k.starts_with(PREFIX))
        .collect())
}

/// Applies writes in order (`None` removes the key) and returns the bytes written.
/// Stops at the first failure: the writes come ordered so that any prefix of them
/// leaves storage loadable.
pub fn apply<'a>(
    writes: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
) -> Result<usize, StorageError> {
    let s = storage()?;
    let mut bytes = 0;
    for (key, value) in writes {
        match value {
            Some(v) => {
                s.set_item(key, v).map_err(|e| classify(&e))?;
                bytes += key.len() + v.len();
            }
            None => s.remove_item(key).map_err(|e| classify(&e))?,
        }
    }
    Ok(bytes)
}

/// Offers `text` to the user as a downloaded file named `file_name`.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| js_error_text(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_error_text(&e))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| js_error_text(&e))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoke later: some engines start the download asynchronously after the click.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// The text of a file the user picked or dropped.
pub async fn read_file_text(file: &web_sys::File) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|e| js_error_text(&e))?;
    text.as_string()
        .ok_or_else(|| "the file could not be read as text".to_string())
}

/// Asks the browser to keep our storage even under pressure or after a long absence
/// (Safari evicts script-written storage after seven days without a visit). Resolves to
/// `Some(true)` when granted or already persistent, `Some(false)` when refused, and `None`
/// where the browser offers no such request.
pub async fn request_persistence() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    if !js_sys::Reflect::has(&storage, &"persist".into()).unwrap_or(false) {
        return None;
    }
    if let Ok(p) = storage.persisted() {
        if let Ok(v) = wasm_bindgen_futures::JsFuture::from(p).await {
            if v.as_bool() == Some(true) {
                return Some(true);
            }
        }
    }
    let granted = wasm_bindgen_futures::JsFuture::from(storage.persist().ok()?)
        .await
        .ok()?;
    Some(granted.as_bool() == Some(true))
}

/// The prefix of per-browser preferences (the locale, …): not workspace data, so outside
/// [`PREFIX`]; a workspace file never carries them and they never make storage look used.
pub const PREF_PREFIX: &str = "account-planner-pref/";

/// A per-browser preference, or `None` when it was never set or storage cannot be read.
pub fn read_pref(name: &str) -> Option<String> {
    read(&format!("{PREF_PREFIX}{name}"))
}

/// Sets a per-browser preference; `None` removes it (back to the default).
pub fn write_pref(name: &str, value: Option<&str>) -> Result<usize, StorageError> {
    apply([(format!("{PREF_PREFIX}{name}").as_str(), value)])
}

/// The browser's language (`navigator.language`), e.g. `de-DE`; empty when unknown.
pub fn browser_language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}

/// Who uses this browser: the team member's id, a per-browser preference (a workspace is
/// shared with the team by files, so it cannot say who "I" am).
const ME: &str = "me";

/// The team member this browser's user chose as themselves, if any.
pub fn read_me() -> Option<crate::domain::model::Id> {
    read_pref(ME)
        .filter(|id| !id.is_empty())
        .map(|id| crate::domain::model::Id::new(&id))
}

/// Remembers (or, with `None`, forgets) who uses this browser.
pub fn write_me(me: Option<&crate::domain::model::Id>) -> Result<(), StorageError> {
    write_pref(ME, me.map(|id| id.as_str())).map(|_| ())
}
