//! The app shell: header, navigation and the view chosen from the URL (see [`crate::nav`]).

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;

use crate::chunk::{self, ViewUnavailable};
use crate::components::backup_reminder::BackupReminder;
use crate::components::demo_banner::DemoBanner;
use crate::components::shortcuts::{HelpOpen, ShortcutsButton, ShortcutsDialog};
use crate::components::storage_banner::StorageBanner;
use crate::components::undo_notice::{UndoButtons, UndoKeys, UndoNotice};
use crate::components::update_banner::UpdateBanner;
use crate::nav::{href_for, navigate_to};
use crate::pages::account::AccountPage;
use crate::pages::archived::ArchivedPage;
use crate::pages::data::DataPage;
use crate::pages::portfolio::PortfolioPage;
use crate::pages::search::SearchPanel;
use crate::pages::settings::SettingsPage;
use crate::pages::team::TeamPage;
use crate::pages::week::WeekPage;
use crate::state::{AppState, Stored};

/// The app, started from what storage held; `shared` is the fragment of the share link the
/// page was opened with, whose plan the import page previews.
#[component]
pub fn App(stored: Stored, #[prop(default = None)] shared: Option<String>) -> impl IntoView {
    let state = AppState::load(stored);
    provide_context(state);
    crate::state::provide_locale();
    accept_dropped_files(state);
    if let Some(fragment) = shared {
        // The import page opens it: its chunk has the import's code.
        state.receive_share_link(fragment);
        navigate_to(&href_for(&[("page", "data")]));
    }
    provide_context(HelpOpen(RwSignal::new(false)));
    if crate::state::sync_enabled_at_start() {
        start_sync(state);
    }
    let update_ready = RwSignal::new(false);
    crate::pwa::register(update_ready);
    view! {
        <Router>
            <Header />
            <UpdateBanner ready=update_ready />
            <UndoKeys />
            <Shortcuts />
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
                <a href=href_for(&[("page", "week")]) aria-current=current("week")>"My week"</a>
                <a href=href_for(&[("page", "team")]) aria-current=current("team")>"Team view"</a>
                <a href=href_for(&[("page", "data")]) aria-current=current("data")>"Import & export"</a>
                <a href=href_for(&[("page", "settings")]) aria-current=current("settings")>"Settings"</a>
            </nav>
            <div class="header-tools">
                <HeaderSearch />
                <UndoButtons />
                <ShortcutsButton />
            </div>
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
        let files: Vec<web_sys::File> = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        let Some(first) = files.first() else {
            return;
        };
        ev.prevent_default();
        navigate_to(&href_for(&[("page", "data")]));
        let name = first.name();
        let refused = move |e: chunk::Unavailable| {
            state.refuse_import(&name, format!("the file could not be checked: {e}"));
        };
        #[cfg(feature = "split")]
        leptos::task::spawn_local(async move {
            if let Err(e) = import_dropped(state, files).await {
                refused(e);
            }
        });
        #[cfg(not(feature = "split"))]
        if let Err(e) = import_dropped(state, files) {
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
        #[cfg(feature = "split")]
        let view = loaded(Box::pin($view), $retry);
        #[cfg(not(feature = "split"))]
        let view = shown($view, $retry);
        view
    }};
}

/// The view, or why its chunk could not be had and a way to try again.
fn shown(view: Result<AnyView, chunk::Unavailable>, retry: Callback<()>) -> AnyView {
    match view {
        Ok(view) => view,
        Err(chunk::Unavailable) => view! { <ViewUnavailable retry /> }.into_any(),
    }
}

/// A chunk's view once loaded. One function for every split point (the loads boxed to one
/// type): a `Suspend` per call site would each cost the main module its own copy.
#[cfg(feature = "split")]
fn loaded(
    view: std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<AnyView, chunk::Unavailable>> + Send>,
    >,
    retry: Callback<()>,
) -> AnyView {
    Suspend::new(async move { shown(view.await, retry) }).into_any()
}

/// The header's search button, also opened with `/` (unless typing in a field); the panel
/// itself is a chunk loaded on first use.
#[component]
fn HeaderSearch() -> impl IntoView {
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let slash = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.has_attribute("contenteditable")
            });
        if ev.key() == "/" && !typing && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() {
            ev.prevent_default();
            open.set(true);
        }
    });
    on_cleanup(move || slash.remove());
    let close = Callback::new(move |refocus: bool| {
        open.set(false);
        if refocus {
            if let Some(b) = button.get_untracked() {
                let _ = b.focus();
            }
        }
    });
    let attempt = RwSignal::new(0u32);
    let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    view! {
        <button
            type="button"
            class="search-button"
            node_ref=button
            aria-keyshortcuts="/"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            "Search"
        </button>
        {move || {
            attempt.track();
            open.get().then(|| on_demand!(search_panel(close), retry))
        }}
    }
}

/// Picks the page named by the URL's query.
#[component]
fn CurrentView() -> impl IntoView {
    let state = crate::state::use_app();
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
        // Every view but the portfolio needs every plan: a start still decoding them
        // finishes at once.
        if account.is_some() || page.is_some() {
            state.finish_loading();
        }
        match (account, page.as_deref()) {
            // Every view but the portfolio (the first screen) is in a chunk of its own.
            (Some(id), _) => on_demand!(account_view(id), retry),
            (None, Some("team")) => on_demand!(team_view(), retry),
            (None, Some("data")) => on_demand!(data_view(), retry),
            (None, Some("settings")) => on_demand!(settings_view(), retry),
            (None, Some("week")) => on_demand!(week_view(), retry),
            (None, Some(crate::pages::ARCHIVED_PAGE)) => on_demand!(archived_view(), retry),
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

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(week_view, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn week_view() -> Result<AnyView, chunk::Unavailable> {
    Ok(view! { <WeekPage /> }.into_any())
}

/// The header's search panel: its matching and results, loaded when first opened.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(search_panel, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn search_panel(close: Callback<bool>) -> Result<AnyView, chunk::Unavailable> {
    Ok(view! { <SearchPanel close /> }.into_any())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(archived_view, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn archived_view() -> Result<AnyView, chunk::Unavailable> {
    Ok(view! { <ArchivedPage /> }.into_any())
}

/// The list of keyboard shortcuts while it is open (`?`), from a chunk of its own.
#[component]
fn Shortcuts() -> impl IntoView {
    let open = expect_context::<HelpOpen>().0;
    let attempt = RwSignal::new(0u32);
    let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    move || {
        attempt.track();
        open.get().then(|| on_demand!(shortcuts_view(), retry))
    }
}

/// Team sync, set up in this browser: its code is a chunk of its own, fetched only then.
fn start_sync(state: AppState) {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async move {
        // Unavailable (offline before the chunk was cached): the next start tries again.
        _ = sync_chunk(state).await;
    });
    #[cfg(not(feature = "split"))]
    {
        _ = sync_chunk(state);
    }
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(shortcuts_view, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn shortcuts_view() -> Result<AnyView, chunk::Unavailable> {
    Ok(view! { <ShortcutsDialog /> }.into_any())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(sync_chunk, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn sync_chunk(state: AppState) -> Result<(), chunk::Unavailable> {
    state.start_sync();
    Ok(())
}

/// The import of dropped files, in a chunk of its own (the import page's code).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(import_dropped, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn import_dropped(state: AppState, files: Vec<web_sys::File>) -> Result<(), chunk::Unavailable> {
    state.import_files(files);
    Ok(())
}
