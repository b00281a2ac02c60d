//! cxmap: find the silos in customer journeys.
//!
//! The flow goes one way: [`load`] (TOML → validated [`model`], with source spans) →
//! [`analyse`] (graph + rules → findings) → [`present`] (terminal, JSON, SARIF, GitHub, DOT,
//! SVG, HTML, Markdown). [`cli`] wires the commands to it.

pub mod analyse;
pub mod cli;
pub mod load;
pub mod model;
pub mod present;
