//! cxmap: find the silos in customer journeys.
//!
//! The flow goes one way: [`load`] (TOML → validated [`model`], with source spans) →
//! [`analyse`] (graph + rules → findings, facts and figures) → [`present`] (terminal, JSON,
//! SARIF, GitHub, DOT, SVG, PNG, HTML, Markdown). [`cli`] wires the commands to it. The leaf
//! modules [`source`], [`problem`], [`fatal`] and [`suggest`] depend on nothing else of cxmap,
//! so every layer can use them; `tests/architecture.rs` holds the imports to this.

pub mod analyse;
pub mod cli;
pub mod fatal;
pub mod load;
pub mod model;
pub mod parallel;
pub mod present;
pub mod problem;
pub mod source;
pub mod suggest;
