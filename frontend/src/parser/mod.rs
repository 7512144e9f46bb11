//! The TLA+ parser: tokens to [`crate::ast::Module`], never failing (errors become diagnostics).
