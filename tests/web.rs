//! In-browser tests (wasm-bindgen-test, headless Chromium): mount the real app or a
//! component, act on the DOM as a user would, and assert on what the page and the
//! browser's storage then hold.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use account_planner::boot::stored_json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Waits `d` of wall-clock time, letting timers, effects and microtasks run.
async fn sleep(d: Duration) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, d.as_millis() as i32)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// A fresh container and empty storage for each test.
fn fresh_root() -> HtmlElement {
    storage().clear().unwrap();
    let doc = document();
    // Earlier tests' roots go; the runner's own output elements in <body> must stay.
    let old = doc.query_selector_all(".test-root").unwrap();
    for i in 0..old.length() {
        let node: web_sys::Element = old.item(i).unwrap().unchecked_into();
        node.remove();
    }
    let root: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    root.set_class_name("test-root");
    doc.body().unwrap().append_child(&root).unwrap();
    root
}

/// The input whose `<label>` says `text`, found the way assistive technology finds it.
fn input_labelled(root: &HtmlElement, text: &str) -> HtmlInputElement {
    let labels = root.query_selector_all("label").unwrap();
    for i in 0..labels.length() {
        let label: web_sys::HtmlLabelElement = labels.item(i).unwrap().unchecked_into();
        if label.text_content().unwrap_or_default().trim() == text {
            let id = label.html_for();
            return document()
                .get_element_by_id(&id)
                .unwrap_or_else(|| panic!("label {text:?} points at missing #{id}"))
                .unchecked_into();
        }
    }
    panic!("no input labelled {text:?}");
}

fn button_named(root: &HtmlElement, text: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    for i in 0..buttons.length() {
        let b: HtmlElement = buttons.item(i).unwrap().unchecked_into();
        if b.text_content().unwrap_or_default().trim() == text {
            return b;
        }
    }
    panic!("no button named {text:?}");
}

fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    let ev = web_sys::Event::new("input").unwrap();
    input.dispatch_event(&ev).unwrap();
}

/// Clears the demo workspace a first visit opens with, as a user would.
async fn start_empty(root: &HtmlElement) {
    button_named(root, "Clear demo and start empty").click();
    sleep(Duration::from_millis(20)).await;
}

fn our_keys() -> Vec<String> {
    (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with("account-planner/"))
        .collect()
}

#[wasm_bindgen_test]
async fn a_first_visit_shows_the_demo_without_writing_it_and_can_start_empty() {
    let root = fresh_root();
    let _app = leptos::mount::mount_to(root.clone(), account_planner::boot::started);
    sleep(Duration::from_millis(20)).await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Demo data"), "the demo is marked: {text}");
    let rows = root.query_selector_all("table tbody tr").unwrap().length();
    assert!(rows >= 3, "the demo accounts are listed ({rows} rows)");
    sleep(Duration::from_millis(400)).await;
    assert!(
        our_keys().is_empty(),
        "the untouched demo is not stored: {:?}",
        our_keys()
    );

    start_empty(&root).await;
    let text = root.text_content().unwrap();
    assert!(text.contains("No accounts yet"), "empty after clearing");
    assert!(!text.contains("Demo data"), "the banner goes");
    sleep(Duration::from_millis(400)).await;
    assert!(
        !our_keys().is_empty(),
        "the choice to start empty is stored, so a reload does not bring the demo back"
    );
}

#[wasm_bindgen_test]
async fn adding_an_account_lists_it_and_saves_it() {
    let root = fresh_root();
    let _app = leptos::mount::mount_to(root.clone(), account_planner::boot::started);
    sleep(Duration::from_millis(10)).await;
    start_empty(&root).await;
    assert!(
        root.text_content().unwrap().contains("No accounts yet"),
        "an empty workspace shows the empty state"
    );

    type_into(&input_labelled(&root, "Account name"), "Globex Industries");
    button_named(&root, "Add account").click();
    sleep(Duration::from_millis(400)).await;

    let link = root
        .query_selector("table a")
        .unwrap()
        .expect("the new account is listed");
    assert_eq!(link.text_content().unwrap(), "Globex Industries");
    assert_eq!(
        input_labelled(&root, "Account name").value(),
        "",
        "the field is cleared"
    );

    let stored: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .filter(|k| k.starts_with("account-planner/account/"))
        .map(|k| stored_json(&storage().get_item(&k).unwrap().unwrap()))
        .collect();
    assert_eq!(stored.len(), 1, "one account key written");
    assert!(stored[0].contains("Globex Industries"));
}

#[wasm_bindgen_test]
async fn an_empty_name_is_refused_with_a_message_next_to_the_field() {
    let root = fresh_root();
    let _app = leptos::mount::mount_to(root.clone(), account_planner::boot::started);
    sleep(Duration::from_millis(10)).await;
    start_empty(&root).await;

    type_into(&input_labelled(&root, "Account name"), "   ");
    button_named(&root, "Add account").click();
    sleep(Duration::from_millis(50)).await;

    let input = input_labelled(&root, "Account name");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error = document().get_element_by_id("new-account-error").unwrap();
    assert!(error.text_content().unwrap().contains("Enter a name"));
    assert!(
        root.query_selector("table").unwrap().is_none(),
        "nothing was added"
    );
}

#[wasm_bindgen_test]
async fn a_corrupted_account_key_is_kept_backed_up_and_reported() {
    let root = fresh_root();
    let raw =
        r#"{"schema_version":1,"account":{"id":"acc-x","name":"Hooli","plan":{"contacts":"oops"}}"#;
    storage()
        .set_item("account-planner/account/acc-x", raw)
        .unwrap();
    let _app = leptos::mount::mount_to(root.clone(), account_planner::boot::started);
    sleep(Duration::from_millis(20)).await;

    let text = root.text_content().unwrap();
    assert!(
        text.contains("could not be read"),
        "the user is told: {text}"
    );
    assert!(
        text.contains("Hooli"),
        "the account is named from its raw text"
    );
    assert_eq!(
        storage()
            .get_item("account-planner/account/acc-x")
            .unwrap()
            .as_deref(),
        Some(raw),
        "the raw value is left in place"
    );
    assert_eq!(
        storage()
            .get_item("account-planner/quarantine/account-planner/account/acc-x")
            .unwrap()
            .as_deref(),
        Some(raw),
        "and backed up"
    );

    // Adding another account must not disturb the unreadable one.
    type_into(&input_labelled(&root, "Account name"), "Pied Piper");
    button_named(&root, "Add account").click();
    sleep(Duration::from_millis(400)).await;
    assert_eq!(
        storage()
            .get_item("account-planner/account/acc-x")
            .unwrap()
            .as_deref(),
        Some(raw)
    );
}

#[wasm_bindgen_test]
async fn data_from_a_newer_version_makes_the_app_read_only_and_is_never_overwritten() {
    let root = fresh_root();
    let index = r#"{"schema_version":99,"accounts":["acc-future"]}"#;
    storage().set_item("account-planner/index", index).unwrap();
    let _app = leptos::mount::mount_to(root.clone(), account_planner::boot::started);
    sleep(Duration::from_millis(20)).await;
    assert!(root.text_content().unwrap().contains("Read only"));

    type_into(&input_labelled(&root, "Account name"), "Umbrella");
    button_named(&root, "Add account").click();
    sleep(Duration::from_millis(400)).await;
    assert_eq!(
        storage()
            .get_item("account-planner/index")
            .unwrap()
            .as_deref(),
        Some(index)
    );
    assert_eq!(storage().length().unwrap(), 1, "nothing else was written");
}

/// Fills localStorage until the browser refuses more; returns the filler keys.
fn fill_storage() -> Vec<String> {
    let chunk = "x".repeat(256 * 1024);
    let mut keys = Vec::new();
    let mut size = chunk.len();
    // Big chunks first, then smaller ones, until not even a short value fits.
    while size >= 16 {
        let key = format!("filler/{}", keys.len());
        if storage().set_item(&key, &chunk[..size]).is_ok() {
            keys.push(key);
        } else {
            size /= 4;
        }
    }
    keys
}

#[wasm_bindgen_test]
async fn a_full_storage_warns_keeps_the_edit_in_the_page_and_catches_up_when_space_returns() {
    let root = fresh_root();
    let filler = fill_storage();
    assert!(!filler.is_empty());
    let _app = leptos::mount::mount_to(root.clone(), account_planner::boot::started);
    sleep(Duration::from_millis(20)).await;
    // Clearing the demo needs a write, which fails: the page still shows the empty workspace.
    start_empty(&root).await;
    type_into(&input_labelled(&root, "Account name"), "Massive Dynamic");
    button_named(&root, "Add account").click();
    sleep(Duration::from_millis(400)).await;

    let text = root.text_content().unwrap();
    assert!(text.contains("Not saved"), "the user is told: {text}");
    assert!(
        text.contains("Massive Dynamic"),
        "the edit stays in the page"
    );
    let _ = button_named(&root, "Export workspace");
    assert!(
        !our_keys()
            .iter()
            .any(|k| k.starts_with("account-planner/account/")),
        "nothing partial was stored"
    );

    for key in &filler {
        storage().remove_item(key).unwrap();
    }
    type_into(&input_labelled(&root, "Account name"), "Second Account");
    button_named(&root, "Add account").click();
    sleep(Duration::from_millis(400)).await;
    let text = root.text_content().unwrap();
    assert!(!text.contains("Not saved"), "the warning goes: {text}");
    let stored: Vec<String> = our_keys()
        .iter()
        .filter(|k| k.starts_with("account-planner/account/"))
        .map(|k| stored_json(&storage().get_item(k).unwrap().unwrap()))
        .collect();
    assert_eq!(
        stored.len(),
        2,
        "the earlier account caught up with the next save"
    );
    assert!(stored.iter().any(|v| v.contains("Massive Dynamic")));
}

#[wasm_bindgen_test]
async fn the_number_field_refuses_text_next_to_itself_and_saves_numbers_as_typed() {
    use account_planner::components::fields::NumberField;
    use leptos::prelude::*;
    let root = fresh_root();
    let value = RwSignal::new(Some(10.0));
    let _view = leptos::mount::mount_to(root.clone(), move || {
        view! {
            <NumberField label="Target" value=value min=0.0
                on_commit=Callback::new(move |v| value.set(v)) />
        }
    });
    sleep(Duration::from_millis(10)).await;
    let input = input_labelled(&root, "Target");
    assert_eq!(input.value(), "10");

    type_into(&input, "abc");
    sleep(Duration::from_millis(10)).await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let error_id = input.get_attribute("aria-describedby").unwrap();
    let error = document().get_element_by_id(&error_id).unwrap();
    assert!(error.text_content().unwrap().contains("not a number"));
    assert_eq!(
        value.get_untracked(),
        Some(10.0),
        "the model keeps the last good value"
    );
    assert_eq!(
        input.value(),
        "abc",
        "the typed text stays for the user to fix"
    );

    type_into(&input, "-5");
    sleep(Duration::from_millis(10)).await;
    assert!(error.text_content().unwrap().contains("0 or more"));
    assert_eq!(value.get_untracked(), Some(10.0));

    type_into(&input, "1,234.5");
    sleep(Duration::from_millis(10)).await;
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert_eq!(value.get_untracked(), Some(1234.5));
    input
        .dispatch_event(&web_sys::Event::new("blur").unwrap())
        .unwrap();
    value.set(Some(2000.0));
    sleep(Duration::from_millis(10)).await;
    assert_eq!(
        input.value(),
        "2,000",
        "after leaving the field it follows the model"
    );
}

#[wasm_bindgen_test]
async fn the_white_space_grid_edits_a_cell_in_place_and_saves_it() {
    use account_planner::domain::model::{Account, Id, Term, Workspace};
    use account_planner::persist::codec::encode_storage;
    let root = fresh_root();
    let mut ws = Workspace {
        id: Id::new("ws-grid"),
        ..Workspace::default()
    };
    let mut account = Account {
        id: Id::new("acc-grid"),
        name: "Grid Co".into(),
        fiscal_year_start_month: 1,
        ..Account::default()
    };
    account
        .plan
        .white_space
        .units
        .push(Term::new("unit-claims", "Claims"));
    ws.accounts.push(account.into());
    for (k, v) in encode_storage(&ws) {
        storage().set_item(&k, &v).unwrap();
    }
    let history = web_sys::window().unwrap().history().unwrap();
    let back = web_sys::window().unwrap().location().href().unwrap();
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some("?account=acc-grid&section=white-space"),
        )
        .unwrap();
    let _app = leptos::mount::mount_to(root.clone(), account_planner::boot::started);
    sleep(Duration::from_millis(30)).await;

    let status: web_sys::Element = input_labelled(&root, "Status of Claims × Analytics").into();
    let options = status.query_selector_all("option").unwrap();
    let open = (0..options.length())
        .map(|i| {
            options
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::Element>()
        })
        .find(|o| o.text_content().unwrap_or_default() == "Open opportunity")
        .expect("an 'Open opportunity' status")
        .get_attribute("value")
        .unwrap();
    js_sys::Reflect::set(&status, &"value".into(), &open.into()).unwrap();
    status
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    let value = input_labelled(&root, "Value of Claims × Analytics");
    type_into(&value, "50000");
    // The value is taken when the user leaves the cell.
    value
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    sleep(Duration::from_millis(400)).await;
    let text = root.text_content().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&back))
        .unwrap();
    assert!(
        text.contains("Open white space $50K"),
        "the total follows the cell: {text}"
    );
    let stored = storage()
        .get_item("account-planner/account/acc-grid")
        .unwrap()
        .unwrap();
    let saved: serde_json::Value = serde_json::from_str(&stored_json(&stored)).unwrap();
    let cells = &saved["account"]["plan"]["white_space"]["cells"];
    assert_eq!(cells[0]["unit"], "unit-claims");
    assert_eq!(cells[0]["offering"], "off-analytics");
    assert_eq!(cells[0]["value"], 50000.0);
}

/// `n` synthetic accounts of the benchmark's shape.
fn synthetic(n: usize, today: chrono::NaiveDate) -> account_planner::domain::model::Workspace {
    use account_planner::domain::sample::synthetic::{synthetic_workspace, BENCH};
    synthetic_workspace(7, n, &BENCH, today)
}

/// Stores `n` synthetic accounts of the benchmark's shape, as the app writes them.
fn store_synthetic(n: usize) -> Vec<String> {
    let ws = synthetic(n, chrono::Local::now().date_naive());
    for (key, value) in account_planner::persist::codec::encode_storage(&ws) {
        storage().set_item(&key, &value).unwrap();
    }
    ws.accounts.iter().map(|a| a.name.clone()).collect()
}

fn busy_cells(root: &HtmlElement) -> u32 {
    root.query_selector_all("table.portfolio [aria-busy=\"true\"]")
        .unwrap()
        .length()
}

#[wasm_bindgen_test]
async fn a_start_lists_every_account_at_once_and_scores_them_as_their_plans_decode() {
    let root = fresh_root();
    let names = store_synthetic(60);
    let _app = leptos::mount::mount_to(root.clone(), account_planner::boot::started);
    // The first render, before any plan is decoded: every account is known by its summary
    // (the first screenful of rows is in the document, the rest follow), its score to come.
    let text = root.text_content().unwrap();
    assert!(
        text.contains("Showing the first 25 of 60 accounts."),
        "all 60 known at once: {text}"
    );
    let first = root
        .query_selector_all("table.portfolio tbody tr th a")
        .unwrap();
    assert_eq!(first.length(), 25);
    for i in 0..first.length() {
        let name = first.item(i).unwrap().text_content().unwrap();
        assert!(names.contains(&name), "{name} is a stored account");
    }
    assert!(busy_cells(&root) > 0, "scores are still being worked out");

    // The plans decode in the background; then every row has its score.
    for _ in 0..100 {
        if busy_cells(&root) == 0 {
            break;
        }
        sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(busy_cells(&root), 0, "every plan was decoded");
    let rows = root.query_selector_all("table.portfolio tbody tr").unwrap();
    assert_eq!(rows.length(), 60, "every account has its row");
    let scores = root.query_selector_all("table.portfolio td.score").unwrap();
    assert_eq!(scores.length(), 60);
    for i in 0..scores.length() {
        let text = scores.item(i).unwrap().text_content().unwrap();
        assert!(
            text.trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || c == '—'),
            "a score or a dash: {text:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn a_change_made_while_plans_decode_waits_for_them_and_loses_nothing() {
    let root = fresh_root();
    store_synthetic(40);
    let _app = leptos::mount::mount_to(root.clone(), account_planner::boot::started);
    assert!(busy_cells(&root) > 0, "plans still decoding");
    type_into(
        &input_labelled(&root, "Account name"),
        "Added While Loading",
    );
    button_named(&root, "Add account").click();
    // The change finished the decode first, at once (the background decode only starts
    // once the page is idle): once rendered, no row is left waiting.
    sleep(Duration::from_millis(1)).await;
    assert_eq!(busy_cells(&root), 0);
    // Nothing was dropped (the rows go into the document a screenful per turn).
    let rows = || {
        root.query_selector_all("table.portfolio tbody tr")
            .unwrap()
            .length()
    };
    for _ in 0..50 {
        if rows() == 41 {
            break;
        }
        sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(rows(), 41);
    let index = storage()
        .get_item("account-planner/index")
        .unwrap()
        .unwrap();
    let index: serde_json::Value = serde_json::from_str(&index).unwrap();
    assert_eq!(
        index["accounts"].as_array().map(Vec::len),
        Some(41),
        "{index}"
    );
}

/// The id of the account a read of storage reads first (storage's own key order).
fn first_account_read() -> String {
    js_sys::Object::keys(&storage())
        .iter()
        .filter_map(|k| k.as_string())
        .find_map(|k| k.strip_prefix("account-planner/account/").map(String::from))
        .unwrap()
}

/// Another tab renames stored account `id`, as its save writes it, and the storage event
/// tells this tab.
fn rename_in_another_tab(id: &str) {
    use account_planner::domain::model::Account;
    use account_planner::persist::codec::{account_key, encode_account};
    let key = format!("account-planner/account/{id}");
    let stored = stored_json(&storage().get_item(&key).unwrap().unwrap());
    let envelope: serde_json::Value = serde_json::from_str(&stored).unwrap();
    let mut account: Account = serde_json::from_value(envelope["account"].clone()).unwrap();
    account.name = "Renamed In Another Tab".into();
    storage()
        .set_item(&account_key(&account.id), &encode_account(&account))
        .unwrap();
    let ev = web_sys::StorageEvent::new("storage").unwrap();
    web_sys::window().unwrap().dispatch_event(&ev).unwrap();
}

/// Mounts the app started from `stored` and finds the renamed account with the search.
async fn assert_the_start_shows_the_rename(
    root: &HtmlElement,
    stored: account_planner::state::Stored,
) {
    let _app = leptos::mount::mount_to(root.clone(), move || {
        leptos::view! { <account_planner::app::App stored /> }
    });
    sleep(Duration::from_millis(20)).await;
    type_into(
        &input_labelled(root, "Search accounts"),
        "renamed in another",
    );
    sleep(Duration::from_millis(50)).await;
    let text = root.text_content().unwrap();
    assert!(text.contains("1 of 120 accounts"), "{text}");
    assert!(text.contains("Renamed In Another Tab"), "{text}");
}

#[wasm_bindgen_test]
async fn another_tabs_write_during_a_start_read_in_turns_makes_it_read_storage_again() {
    use account_planner::state::Stored;
    let root = fresh_root();
    store_synthetic(120);
    // The account read first is renamed by another tab between two turns of the read.
    let id = first_account_read();
    let fired_during_read = std::rc::Rc::new(std::cell::Cell::new(None::<bool>));
    let reading = std::rc::Rc::new(std::cell::Cell::new(true));
    let other_tab = wasm_bindgen::closure::Closure::once_into_js({
        let (fired, reading) = (fired_during_read.clone(), reading.clone());
        move || {
            fired.set(Some(reading.get()));
            rename_in_another_tab(&id);
        }
    });
    web_sys::window()
        .unwrap()
        .set_timeout_with_callback_and_timeout_and_arguments_0(other_tab.unchecked_ref(), 0)
        .unwrap();
    // Turns of 0 ms: a turn after every 50 keys.
    let read = Stored::read_in_turns_of(0.0).await;
    reading.set(false);
    assert_eq!(
        fired_during_read.get(),
        Some(true),
        "the other tab's write landed between two turns of the read"
    );
    // The start shows storage as the other tab left it, not what was read before its write.
    assert_the_start_shows_the_rename(&root, read.now_or_again()).await;
}

#[wasm_bindgen_test]
async fn another_tabs_write_after_the_read_but_before_the_mount_is_not_lost() {
    use account_planner::state::Stored;
    let root = fresh_root();
    store_synthetic(120);
    let read = Stored::read_in_turns_of(0.0).await;
    // Between the end of the read and the task that mounts the app.
    rename_in_another_tab(&first_account_read());
    assert_the_start_shows_the_rename(&root, read.now_or_again()).await;
}
