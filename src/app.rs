//! The app shell: header, navigation and the view chosen from the URL.
//!
//! Views are named by query parameters (`?account=<id>&section=<slug>`, `?page=settings`)
//! rather than by paths, because the app is served by plain static servers with no
//! fallback to `index.html` and is opened from `file://`: a reload of any in-app URL must
//! land on the same view.

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;

use crate::chunk::{self, ViewUnavailable};
use crate::codec_chunk;
use crate::components::backup_reminder::BackupReminder;
use crate::components::demo_banner::DemoBanner;
use crate::components::storage_banner::StorageBanner;
use crate::components::undo_notice::UndoNotice;
use crate::components::update_banner::UpdateBanner;
use crate::pages::account::AccountPage;
use crate::pages::data::DataPage;
use crate::pages::portfolio::PortfolioPage;
use crate::pages::settings::SettingsPage;
use crate::pages::team::TeamPage;
use crate::state::{AppState, Stored};

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

/// The app, started from what storage held.
#[component]
pub fn App(stored: Stored) -> impl IntoView {
    let state = AppState::load(stored);
    provide_context(state);
    accept_dropped_files(state);
    let update_ready = RwSignal::new(false);
    crate::pwa::register(update_ready);
    view! {
        <Router>
            <Header />
            <UpdateBanner ready=update_ready />
            <UndoNotice />
            <DemoBanner />
            <StorageBanner />
            <BackupReminder />
            <main id="main" class="main">
                <CurrentView />
            </main>
        </Router>
    }
}

#[component]
fn Header() -> impl IntoView {
    let query = use_query_map();
    let page = move || query.with(|q| q.get("page").unwrap_or_default());
    let current = move |name: &'static str| move || (page() == name).then_some("page");
    view! {
        <header class="app-header">
            <a class="skip-link" href="#main">"Skip to content"</a>
            <a class="brand" href=href_for(&[])>"Account Planner"</a>
            <nav aria-label="Main">
                <a href=href_for(&[]) aria-current=current("")>"Portfolio"</a>
                <a href=href_for(&[("page", "team")]) aria-current=current("team")>"Team view"</a>
                <a href=href_for(&[("page", "data")]) aria-current=current("data")>"Import & export"</a>
                <a href=href_for(&[("page", "settings")]) aria-current=current("settings")>"Settings"</a>
            </nav>
        </header>
    }
}

/// A file dropped anywhere on the page goes to the import check (and the import page
/// opens to show its preview or its problems).
fn accept_dropped_files(state: AppState) {
    let over = window_event_listener(leptos::ev::dragover, |ev| {
        let has_files = ev
            .data_transfer()
            .map(|dt| dt.types().includes(&"Files".into(), 0))
            .unwrap_or(false);
        if has_files {
            ev.prevent_default();
            set_drop_highlight(true);
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, |ev| {
        if ev.related_target().is_none() {
            set_drop_highlight(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        set_drop_highlight(false);
        let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        ev.prevent_default();
        navigate_to(&href_for(&[("page", "data")]));
        let name = file.name();
        let refused = move |e: chunk::Unavailable| {
            state.refuse_import(&name, format!("the file could not be checked: {e}"));
        };
        #[cfg(feature = "split")]
        leptos::task::spawn_local(async move {
            if let Err(e) = import_dropped(state, file).await {
                refused(e);
            }
        });
        #[cfg(not(feature = "split"))]
        if let Err(e) = import_dropped(state, file) {
            refused(e);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
}

fn set_drop_highlight(on: bool) {
    if let Some(body) = document().body() {
        let _ = body.class_list().toggle_with_force("drop-active", on);
    }
}

/// Shows a view that the `split` build (every Trunk build: `data-cargo-features` in
/// index.html) loads from its own wasm chunk the first time it is needed (see [`chunk`]),
/// or, when the chunk cannot be fetched, says so with a way to try again. Without the
/// feature (the wasm-bindgen tests, which run the wasm unsplit) a plain call.
macro_rules! on_demand {
    ($view:expr, $retry:expr) => {{
        let retry = $retry;
        let shown = move |view: Result<AnyView, chunk::Unavailable>| match view {
            Ok(view) => view,
            Err(chunk::Unavailable) => view! { <ViewUnavailable retry /> }.into_any(),
        };
        #[cfg(feature = "split")]
        let view = Suspend::new(async move { shown($view.await) }).into_any();
        #[cfg(not(feature = "split"))]
        let view = shown($view);
        view
    }};
}

/// Picks the page named by the URL's query.
#[component]
fn CurrentView() -> impl IntoView {
    let query = use_query_map();
    // Only the account and the page choose the view: a change of anything else (a plan
    // section, a step of the team walk-through) keeps the view, its state and its focus.
    let which = Memo::new(move |_| query.with(|q| (q.get("account"), q.get("page"))));
    // Bumped by "Try again" on a view whose chunk could not be fetched.
    let attempt = RwSignal::new(0u32);
    let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    move || {
        attempt.track();
        let (account, page) = which.get();
        match (account, page.as_deref()) {
            // Every view but the portfolio (the first screen) is in a chunk of its own.
            (Some(id), _) => on_demand!(account_view(id), retry),
            (None, Some("team")) => on_demand!(team_view(), retry),
            (None, Some("data")) => on_demand!(data_view(), retry),
            (None, Some("settings")) => on_demand!(settings_view(), retry),
            _ => view! { <PortfolioPage /> }.into_any(),
        }
    }
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(account_view, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn account_view(id: String) -> Result<AnyView, chunk::Unavailable> {
    Ok(view! { <AccountPage id=id /> }.into_any())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(team_view, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn team_view() -> Result<AnyView, chunk::Unavailable> {
    Ok(view! { <TeamPage /> }.into_any())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(data_view, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn data_view() -> Result<AnyView, chunk::Unavailable> {
    Ok(view! { <DataPage /> }.into_any())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(settings_view, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn settings_view() -> Result<AnyView, chunk::Unavailable> {
    Ok(view! { <SettingsPage /> }.into_any())
}

/// The import of a dropped file, in a chunk of its own (the import page's code).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(import_dropped, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn import_dropped(state: AppState, file: web_sys::File) -> Result<(), chunk::Unavailable> {
    crate::pages::data::import_file(state, file);
    Ok(())
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
fn follow_links_from_file_urls() {
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

/// The app started from what storage holds now, in a build without the `split` feature
/// (the wasm-bindgen tests), whose codec is always at hand.
#[cfg(not(feature = "split"))]
pub fn started() -> impl IntoView {
    match Stored::read(Stored::keys()) {
        Ok(stored) => view! { <App stored /> },
        Err(_) => unreachable!("an unsplit build always has its codec"),
    }
}

/// Mounts the app on the page body, once storage is read. Stored data needs the codec,
/// which a split build fetches first (a first visit, with nothing stored, does not wait).
pub fn mount() {
    console_error_panic_hook::set_once();
    follow_links_from_file_urls();
    // With data stored, the codec's chunk is fetched while the values are read.
    let keys = Stored::keys();
    let codec = (codec_chunk::ready().is_none() && keys.as_deref().is_ok_and(Stored::holds_data))
        .then(codec_chunk::start_loading);
    match Stored::read(keys) {
        Ok(stored) => start(stored),
        Err(entries) => wasm_bindgen_futures::spawn_local(async move {
            let codec = match codec {
                Some(started) => started.await,
                None => codec_chunk::load().await,
            };
            match codec {
                Ok(codec) => {
                    crate::state::mark("load-codec");
                    start(Stored::decode(codec, &entries))
                }
                Err(e) => boot_failed(&e),
            }
        }),
    }
}

fn start(stored: Stored) {
    // The static shell of index.html has done its job (something to paint at once).
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(move || view! { <App stored /> });
    codec_chunk::prefetch();
}

/// The codec could not be fetched for the data stored here: the app does not start
/// (it could neither show nor save that data), storage is left untouched, and the boot
/// shell says why and what to do.
fn boot_failed(e: &codec_chunk::Unavailable) {
    let Some(note) = document().query_selector("#boot .boot-note").ok().flatten() else {
        return;
    };
    _ = note.set_attribute("role", "alert");
    note.set_text_content(Some(&format!(
        "Account Planner could not start: {e}. Your data is safe in this browser. \
         Connect to the internet and try again."
    )));
    add_reload_button(&note);
}

/// A "Try again" button after `note`, which reloads the page (as assets/boot-start.js adds
/// when the app itself cannot be fetched): the page then picks its build afresh.
fn add_reload_button(note: &web_sys::Element) {
    let Ok(button) = document().create_element("button") else {
        return;
    };
    _ = button.set_attribute("type", "button");
    _ = button.set_attribute("class", "boot-retry");
    button.set_text_content(Some("Try again"));
    let reload = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
        _ = window().location().reload();
    });
    _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
    reload.forget();
    _ = note.after_with_node_1(&button);
}
