//! Integration tests of the `tla2` binary live in `tests/tests/`; this crate only hosts them.
