//! Changes of the cadence that touch more than one meeting field: marking a meeting held
//! also logs it as an interaction with its attendees.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::AppState;
use crate::domain::meeting::mark_held;
use crate::domain::model::Id;

impl AppState {
    /// Marks a meeting of an account held on `day` and logs one interaction with its
    /// customer attendees (`domain::meeting::mark_held`), through the one edit path.
    pub fn mark_meeting_held(&self, account: &Id, meeting: &Id, day: NaiveDate) {
        let type_name = self.workspace.with_untracked(|ws| {
            let m = ws
                .account(account)?
                .plan
                .cadence
                .iter()
                .find(|m| &m.id == meeting)?;
            let t = m.meeting_type.as_ref()?;
            ws.settings
                .meeting_types
                .iter()
                .find(|x| &x.id == t)
                .map(|x| x.name.clone())
        });
        let interaction = self.new_id("int");
        self.update_account(account, |a| {
            mark_held(&mut a.plan, meeting, day, interaction, type_name.as_deref());
        });
    }
}
