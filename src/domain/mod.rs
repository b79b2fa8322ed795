//! The planning and scoring logic: plain Rust, no browser, no clock (`today` is an
//! argument), deterministic. Almost every test of the product lives here.

pub mod action_impact;
pub mod advice;
pub mod agenda;
pub mod areas;
pub mod coaching;
pub mod commitment;
pub mod completeness;
pub mod coverage;
pub mod customer_version;
pub mod dates;
pub mod feedback;
pub mod history;
pub mod measure_check;
pub mod measure_values;
pub mod meeting;
pub mod merge;
pub mod model;
pub mod money;
pub mod new_contacts;
pub mod org_chart;
pub mod plan_year;
pub mod plays;
pub mod portfolio;
pub mod renewal;
pub mod review;
pub mod review_diff;
pub mod sample;
pub mod scoring;
pub mod search;
pub mod staleness;
pub mod summary;
pub mod team;
pub mod template;
pub mod validate;
pub mod white_space;
