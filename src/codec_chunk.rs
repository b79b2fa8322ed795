//! The storage codec (serde's decoders and encoders of the model, DEFLATE, the packed text,
//! and the JSON of an export) in a wasm chunk of its own, loaded on demand.
//!
//! A first visit has nothing stored, so its first screen needs none of that code: about a
//! third of the app's wasm. The chunk is fetched before the app starts when storage holds
//! anything, and otherwise once the first screen is painted (or at the first save, if that
//! comes sooner). Once it is here, [`ready`] hands out the codec synchronously, so a save
//! still runs within the keystroke's frame and a page being closed can still be saved.
//!
//! A page that finds data stored starts the returning build instead (feature
//! `codec_in_main`, see scripts/split.mjs): there the codec is in the main module, where
//! its decode runs about a fifth faster, since its calls into the allocator and the
//! standard library's small helpers can be inlined rather than go through the table
//! shared with a chunk. In that build, as without the `split` feature (the wasm-bindgen
//! tests, which run the wasm unsplit), the codec is always ready.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

pub use crate::chunk::Unavailable;
use crate::domain::model::Workspace;
use crate::persist::codec::{self, Changed, Loaded, Scope, Write};

/// The codec's entry points: plain functions, which live in the chunk once it is split.
#[derive(Clone, Copy)]
pub struct Codec {
    /// Decodes everything read from storage, with the writes that repair it.
    pub decode_storage: fn(&[(String, String)]) -> Box<Decoded>,
    /// Decodes one value another tab wrote.
    pub decode_changed: fn(&str, Option<&str>) -> Option<Changed>,
    /// The writes that bring storage from `saved` to `after` (see [`Writes`]).
    pub writes: fn(Writes<'_>) -> Vec<Write>,
    /// The JSON of one stored value (accounts are stored packed).
    pub stored_json: fn(&str) -> String,
    /// The workspace as an export file's JSON.
    pub export_workspace: fn(&Workspace) -> String,
}

/// Storage decoded, with the writes that repair it.
pub struct Decoded {
    pub loaded: Loaded,
    pub repairs: Vec<Write>,
}

/// What a save compares, for [`Codec::writes`].
pub struct Writes<'a> {
    /// What storage held after the last save.
    pub saved: &'a Workspace,
    /// Our keys storage holds now and its raw index, when they could be read: keys gone
    /// behind the app's back are then written again.
    pub present: Option<(&'a [String], Option<&'a str>)>,
    pub after: &'a Workspace,
    pub scope: &'a Scope,
}

fn decode_storage(entries: &[(String, String)]) -> Box<Decoded> {
    let loaded = codec::decode_storage(entries);
    let repairs = loaded.repair_writes();
    Box::new(Decoded { loaded, repairs })
}

fn writes(w: Writes<'_>) -> Vec<Write> {
    match w.present {
        Some((present, index)) => {
            codec::writes_after_loss(w.saved, present, index, w.after, w.scope)
        }
        None => codec::storage_writes(w.saved, w.after),
    }
}

fn unpacked_json(raw: &str) -> String {
    match codec::unpack(raw) {
        Ok(Some(json)) => json,
        _ => raw.to_string(),
    }
}

/// The split point: calling it loads the chunk (once), and what it returns points into it.
#[cfg_attr(
    all(feature = "split", not(feature = "codec_in_main")),
    leptos::wasm_split::wasm_split(storage_codec, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn codec_in_chunk() -> Result<Codec, Unavailable> {
    Ok(Codec {
        decode_storage,
        decode_changed: codec::decode_changed,
        writes,
        stored_json: unpacked_json,
        export_workspace: crate::persist::export::json::export_workspace,
    })
}

#[cfg(all(feature = "split", not(feature = "codec_in_main")))]
thread_local! {
    static LOADED: std::cell::OnceCell<Codec> = const { std::cell::OnceCell::new() };
}

/// The codec, if its chunk is here.
#[cfg(all(feature = "split", not(feature = "codec_in_main")))]
pub fn ready() -> Option<Codec> {
    LOADED.with(|c| c.get().copied())
}

/// The codec, which this build holds in its main module.
#[cfg(not(all(feature = "split", not(feature = "codec_in_main"))))]
pub fn ready() -> Option<Codec> {
    codec_in_chunk().ok()
}

/// The codec, fetching its chunk first if need be. A failure is not remembered: the next
/// call tries again.
pub async fn load() -> Result<Codec, Unavailable> {
    if let Some(codec) = ready() {
        return Ok(codec);
    }
    #[cfg(all(feature = "split", not(feature = "codec_in_main")))]
    {
        let codec = codec_in_chunk().await?;
        LOADED.with(|c| *c.get_or_init(|| codec));
        Ok(codec)
    }
    #[cfg(not(all(feature = "split", not(feature = "codec_in_main"))))]
    codec_in_chunk()
}

/// [`load`], started at once: the chunk's fetch is under way when this returns, and goes on
/// while the caller works (reads storage) instead of waiting for the first `await`.
pub fn start_loading() -> Pin<Box<dyn Future<Output = Result<Codec, Unavailable>>>> {
    let mut future = Box::pin(load());
    let mut cx = Context::from_waker(Waker::noop());
    match future.as_mut().poll(&mut cx) {
        Poll::Ready(done) => Box::pin(std::future::ready(done)),
        // Polled again, with a real waker, when awaited.
        Poll::Pending => future,
    }
}

/// Fetches the chunk in the background once the browser is idle after the first screen,
/// so that the first save does not wait for it. A failure here is retried by that save.
pub fn prefetch() {
    use wasm_bindgen::JsCast;
    if ready().is_some() {
        return;
    }
    let fetch = wasm_bindgen::closure::Closure::once_into_js(|| {
        leptos::task::spawn_local(async {
            _ = load().await;
        })
    });
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback: &js_sys::Function = fetch.unchecked_ref();
    // WebKit has no requestIdleCallback: a short timeout instead.
    if window.request_idle_callback(callback).is_err() {
        _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback, 200);
    }
}

/// The JSON of one stored value as the console or a test can read it: accounts are stored
/// packed (see `persist::packed`), other values as they are. `wasmBindings.storedJson(
/// localStorage.getItem(key))` in the browser's console; a damaged value gives its raw text,
/// and so does any value before the codec is loaded (it is, once anything was saved).
#[wasm_bindgen::prelude::wasm_bindgen(js_name = storedJson)]
pub fn stored_json(raw: &str) -> String {
    match ready() {
        Some(codec) => (codec.stored_json)(raw),
        None => raw.to_string(),
    }
}
