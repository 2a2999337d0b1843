//! Runs the unit tests of the std build's lexopt adapter, which lives in the binary's sources;
//! the binary has no test harness of its own.
#[allow(dead_code)]
#[path = "../src/lexopt_tokens.rs"]
mod lexopt_tokens;
