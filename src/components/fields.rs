//! Labelled inline-edit fields. Each shows a value from the model (a reactive closure, so
//! the input element stays put and keeps focus while the model changes underneath), saves
//! on every keystroke that gives a valid value, and shows why a value is refused right
//! next to the field instead of saving it.

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::state::{use_app, use_locale};

/// A page-unique element id, so every label points at its own input.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The label, the control and the message slot of one field.
#[component]
fn FieldShell(
    id: String,
    label: String,
    error: RwSignal<Option<String>>,
    #[prop(optional)] hint: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {children()}
            {hint.map(|h| view! { <span class="hint">{h}</span> })}
            <span class="field-error" id=format!("{id}-error") aria-live="polite">
                {move || error.get()}
            </span>
        </div>
    }
}

/// A one-line text field; `required` refuses an empty value.
#[component]
pub fn TextField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    on_commit: Callback<String>,
    #[prop(optional)] required: bool,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] kind: Option<&'static str>,
) -> impl IntoView {
    let id = unique_id("f");
    let error = RwSignal::new(None::<String>);
    let label_text = label.clone();
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        if required && text.trim().is_empty() {
            error.set(Some(format!("{label_text} cannot be empty.")));
        } else {
            error.set(None);
            on_commit.run(text);
        }
    };
    view! {
        <FieldShell id=id.clone() label=label error>
            <input
                id=id.clone()
                type=kind.unwrap_or("text")
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=on_input
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=format!("{id}-error")
            />
        </FieldShell>
    }
}

/// A multi-line text field.
#[component]
pub fn TextArea(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<String>,
    on_commit: Callback<String>,
    #[prop(optional)] rows: Option<u32>,
) -> impl IntoView {
    let id = unique_id("f");
    let error = RwSignal::new(None::<String>);
    view! {
        <FieldShell id=id.clone() label=label error>
            <textarea
                id=id.clone()
                rows=rows.unwrap_or(3)
                prop:value=move || value.get()
                on:input=move |ev| on_commit.run(event_target_value(&ev))
            ></textarea>
        </FieldShell>
    }
}

/// A number field with optional bounds, read and shown in the user's locale (`1,250,000.5`
/// or `1.250.000,5`): text that could be read two ways is refused with what was expected,
/// the text kept as typed and nothing saved until it is valid. `money` names the
/// workspace's currency in the label.
#[component]
pub fn NumberField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<Option<f64>>,
    on_commit: Callback<Option<f64>>,
    #[prop(optional)] min: Option<f64>,
    #[prop(optional)] max: Option<f64>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] money: bool,
) -> impl IntoView {
    let id = unique_id("f");
    let error = RwSignal::new(None::<String>);
    let locale = use_locale();
    let label = if money {
        let currency = use_app()
            .workspace
            .with_untracked(|ws| ws.settings.currency.clone());
        if currency.trim().is_empty() {
            label
        } else {
            format!("{label} ({})", currency.trim())
        }
    } else {
        label
    };
    // The text as typed, so "1," is not rewritten to "1" mid-typing.
    let typed = RwSignal::new(None::<String>);
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        typed.set(Some(text.clone()));
        let l = locale.get_untracked();
        match l.parse(&text) {
            Err(e) => error.set(Some(e)),
            Ok(Some(n)) if min.is_some_and(|m| n < m) => error.set(Some(format!(
                "Enter {} or more.",
                l.number(min.unwrap_or(0.0))
            ))),
            Ok(Some(n)) if max.is_some_and(|m| n > m) => error.set(Some(format!(
                "Enter {} or less.",
                l.number(max.unwrap_or(0.0))
            ))),
            Ok(n) => {
                error.set(None);
                on_commit.run(n);
            }
        }
    };
    let shown = move || {
        typed.get().unwrap_or_else(|| {
            let l = locale.get();
            value.get().map(|v| l.number(v)).unwrap_or_default()
        })
    };
    view! {
        <FieldShell id=id.clone() label=label error hint=hint.unwrap_or("")>
            <input
                id=id.clone()
                type="text"
                inputmode="decimal"
                autocomplete="off"
                prop:value=shown
                on:input=on_input
                on:blur=move |_| {
                    if error.get_untracked().is_none() {
                        typed.set(None);
                    }
                }
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=format!("{id}-error")
            />
        </FieldShell>
    }
}

/// A date field (the browser's date picker); empty is "no date".
#[component]
pub fn DateField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<Option<NaiveDate>>,
    on_commit: Callback<Option<NaiveDate>>,
) -> impl IntoView {
    let id = unique_id("f");
    let error = RwSignal::new(None::<String>);
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        if text.trim().is_empty() {
            error.set(None);
            on_commit.run(None);
            return;
        }
        match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
            Ok(d) => {
                error.set(None);
                on_commit.run(Some(d));
            }
            Err(_) => error.set(Some("Enter a date as YYYY-MM-DD.".into())),
        }
    };
    view! {
        <FieldShell id=id.clone() label=label error>
            <input
                id=id.clone()
                type="date"
                prop:value=move || value.get().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
                on:change=on_input
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=format!("{id}-error")
            />
        </FieldShell>
    }
}

/// A choice among `options` (value, label); `""` is the "none" option when `none` is set.
#[component]
pub fn SelectField(
    #[prop(into)] label: String,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] value: Signal<String>,
    on_commit: Callback<String>,
    #[prop(optional)] none: Option<&'static str>,
) -> impl IntoView {
    let id = unique_id("f");
    let error = RwSignal::new(None::<String>);
    view! {
        <FieldShell id=id.clone() label=label error>
            <select id=id.clone() on:change=move |ev| on_commit.run(event_target_value(&ev)) prop:value=move || value.get()>
                {none.map(|text| view! { <option value="">{text}</option> })}
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, l)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{l}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </FieldShell>
    }
}

/// A yes/no field.
#[component]
pub fn CheckboxField(
    #[prop(into)] label: String,
    #[prop(into)] value: Signal<bool>,
    on_commit: Callback<bool>,
) -> impl IntoView {
    let id = unique_id("f");
    view! {
        <div class="field field-check">
            <input
                id=id.clone()
                type="checkbox"
                prop:checked=move || value.get()
                on:change=move |ev| on_commit.run(event_target_checked(&ev))
            />
            <label for=id>{label}</label>
        </div>
    }
}
