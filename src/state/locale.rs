//! The locale numbers, money and dates are read and shown in: the browser's language unless
//! the user chose another in the settings. A per-browser preference under a key of its own,
//! never workspace data (the team shares a workspace, not a locale).

use leptos::prelude::*;

use crate::format::Locale;
use crate::persist::browser;

/// The preference's name (its key is `account-planner-pref/locale`).
const PREF: &str = "locale";

/// The locale in use, as context. Signals of types the app has anyway (a `String`, a
/// `bool`): a new type of signal would weigh on the first visit's download.
#[derive(Clone, Copy)]
pub struct UserLocale {
    /// The tag of the locale in use (`de-DE`).
    tag: RwSignal<String>,
    /// Whether the user chose it in the settings (else it follows the browser).
    chosen: RwSignal<bool>,
}

/// Reads the preference (or the browser's language) and provides it to every view.
pub fn provide_locale() {
    let chosen = browser::read_pref(PREF);
    let tag = Locale::for_tag(&chosen.clone().unwrap_or_else(browser::browser_language)).tag;
    provide_context(UserLocale {
        tag: RwSignal::new(tag.to_string()),
        chosen: RwSignal::new(chosen.is_some()),
    });
}

/// The locale context; a view mounted without the app (a component test) gets the
/// browser's.
pub fn use_locale() -> UserLocale {
    use_context::<UserLocale>().unwrap_or_else(|| {
        provide_locale();
        expect_context::<UserLocale>()
    })
}

impl UserLocale {
    /// The locale in use now (tracked).
    pub fn get(&self) -> Locale {
        self.tag
            .try_with(|t| Locale::for_tag(t))
            .unwrap_or_default()
    }

    /// The locale in use now, untracked (in an event handler).
    pub fn get_untracked(&self) -> Locale {
        self.tag
            .try_with_untracked(|t| Locale::for_tag(t))
            .unwrap_or_default()
    }

    /// The tag the user chose in the settings; `None` when it follows the browser.
    pub fn chosen(&self) -> Option<String> {
        self.chosen.get().then(|| self.tag.get())
    }

    /// Chooses a locale for this browser (`None`: the browser's own) and stores the choice.
    pub fn choose(&self, tag: Option<&str>) -> Result<(), String> {
        let tag = tag.map(|t| Locale::for_tag(t).tag);
        let locale = Locale::for_tag(tag.unwrap_or(&browser::browser_language()));
        self.chosen.set(tag.is_some());
        self.tag.set(locale.tag.to_string());
        browser::write_pref(PREF, tag)
            .map(|_| ())
            .map_err(|e| format!("The choice holds for this visit only: {e}."))
    }
}

/// Money for the views: a short figure with the locale's separators and the workspace's
/// currency, `$1.25M` or `1,25M €` (tracks both).
pub fn use_money() -> impl Fn(f64) -> String + Copy + Send + Sync + 'static {
    let locale = use_locale();
    let workspace = crate::state::use_app().workspace;
    move |n| {
        let l = locale.get();
        workspace
            .try_with(|ws| l.money(n, &ws.settings.currency))
            .unwrap_or_default()
    }
}
