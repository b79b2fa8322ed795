//! Exports for other tools: contacts and opportunities as CSV, the meeting cadence as an
//! iCalendar file, and the file names they are saved under. The JSON export itself lives
//! in `persist::codec`; its format is documented in `docs/format.md` and
//! `docs/workspace.schema.json`.

pub mod csv;
pub mod ics;
pub mod naming;
