//! The app shell: header, navigation and the view chosen from the URL.
//!
//! Views are named by query parameters (`?account=<id>&section=<slug>`, `?page=settings`)
//! rather than by paths, because the app is served by plain static servers with no
//! fallback to `index.html` and is opened from `file://`: a reload of any in-app URL must
//! land on the same view.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_query_map;
use leptos_router::path;

use crate::components::storage_banner::StorageBanner;
use crate::pages::account::AccountPage;
use crate::pages::portfolio::PortfolioPage;
use crate::state::AppState;

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

#[component]
pub fn App() -> impl IntoView {
    provide_context(AppState::load());
    view! {
        <Router>
            <Header />
            <StorageBanner />
            <main id="main" class="main">
                <Routes fallback=|| view! { <CurrentView /> }>
                    <Route path=path!("") view=CurrentView />
                </Routes>
            </main>
        </Router>
    }
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="app-header">
            <a class="skip-link" href="#main">"Skip to content"</a>
            <a class="brand" href=href_for(&[])>"Account Planner"</a>
            <nav aria-label="Main">
                <a href=href_for(&[])>"Portfolio"</a>
            </nav>
        </header>
    }
}

/// Picks the page named by the URL's query.
#[component]
fn CurrentView() -> impl IntoView {
    let query = use_query_map();
    move || match query.with(|q| q.get("account")) {
        Some(id) => view! { <AccountPage id=id /> }.into_any(),
        None => view! { <PortfolioPage /> }.into_any(),
    }
}

/// Mounts the app on the page body.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
