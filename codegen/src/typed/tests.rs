//! Unit tests of type inference.
