//! tla2-interp: evaluates the IR of `tla2-frontend` on `tla2-runtime` values and implements
//! `runtime::Model` for `tla2 check`.
