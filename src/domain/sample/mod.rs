//! Sample data, apart from the rules: the demo a first visit opens with and the synthetic workspaces of benchmarks and tests.

pub mod demo;
pub mod synthetic;
