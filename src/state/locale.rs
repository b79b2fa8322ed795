//! The locale numbers, money and dates are read and shown in: the browser's language unless
//! the user chose another in the settings. A per-browser preference under a key of its own,
//! never workspace data (the team shares a workspace, not a locale).

use leptos::prelude::*;

use crate::format::Locale;
use crate::persist::browser;

/// The preference's name (its key is `account-planner-pref/locale`).
const PREF: &str = "locale";

/// The locale in use, as context.
#[derive(Clone, Copy)]
pub struct UserLocale {
    /// The locale in use.
    pub locale: RwSignal<Locale>,
    /// The tag the user chose in the settings; `None` follows the browser.
    pub chosen: RwSignal<Option<&'static str>>,
}

/// Reads the preference (or the browser's language) and provides it to every view.
pub fn provide_locale() {
    let chosen = browser::read_pref(PREF).map(|tag| Locale::for_tag(&tag).tag);
    let locale = Locale::for_tag(chosen.unwrap_or(&browser::browser_language()));
    provide_context(UserLocale {
        locale: RwSignal::new(locale),
        chosen: RwSignal::new(chosen),
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
        self.locale.try_get().unwrap_or_default()
    }

    /// Chooses a locale for this browser (`None`: the browser's own) and stores the choice.
    pub fn choose(&self, tag: Option<&str>) -> Result<(), String> {
        let tag = tag.map(|t| Locale::for_tag(t).tag);
        let locale = Locale::for_tag(tag.unwrap_or(&browser::browser_language()));
        self.chosen.set(tag);
        self.locale.set(locale);
        browser::write_pref(PREF, tag)
            .map(|_| ())
            .map_err(|e| format!("The choice holds for this visit only: {e}."))
    }
}

/// Money for the views: a short figure with the locale's separators and the workspace's
/// currency, `$1.25M` or `1,25M €` (tracks both).
pub fn use_money() -> impl Fn(f64) -> String + Copy + Send + Sync + 'static {
    let locale = use_locale().locale;
    let workspace = crate::state::use_app().workspace;
    move |n| {
        let l = locale.try_get().unwrap_or_default();
        workspace
            .try_with(|ws| l.money(n, &ws.settings.currency))
            .unwrap_or_default()
    }
}
