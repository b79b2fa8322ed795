//! The planning and scoring logic: plain Rust, no browser, no clock (`today` is an
//! argument), deterministic. Almost every test of the product lives here.

pub mod advice;
pub mod coaching;
pub mod completeness;
pub mod coverage;
pub mod customer_version;
pub mod dates;
pub mod measure_check;
pub mod merge;
pub mod model;
pub mod money;
pub mod org_chart;
pub mod plan_year;
pub mod portfolio;
pub mod review;
pub mod review_diff;
pub mod sample;
pub mod scoring;
pub mod staleness;
pub mod summary;
pub mod team;
pub mod validate;
pub mod white_space;
