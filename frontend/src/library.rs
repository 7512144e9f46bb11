//! The library embedded in the binary: standard modules, CommunityModules, Apalache and the
//! TLAPS proof-library modules, as `.tla` texts in `frontend/library/`.
//!
//! Convention: an operator implemented natively has the body `BUILTIN` (an identifier no module
//! defines); lowering turns a call of it into an `ir::Callee::Builtin` named by
//! (module, operator), which the runtime implements.
