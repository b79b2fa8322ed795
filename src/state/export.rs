//! Exporting the whole workspace as a JSON file.

use leptos::prelude::*;

use super::AppState;
use crate::persist::browser;
use crate::persist::export::json::export_workspace;
use crate::persist::export::naming::export_file_name;

impl AppState {
    /// Downloads the whole workspace as a JSON file; a failure is shown on the import page.
    pub fn download_workspace(&self) {
        self.finish_loading();
        let name = export_file_name("workspace", self.today, "json");
        let text = self
            .workspace
            .with_untracked(|ws| export_workspace(ws, chrono::Utc::now()));
        if let Err(e) = browser::download_text(&name, "application/json", &text) {
            self.refuse_import(&name, format!("the export could not be saved: {e}"));
        }
    }
}
