//! tla2-codegen: lowers the typed IR to a Rust crate that implements `runtime::Model`
//! (issue 6; not implemented yet).

pub mod build;
