//! The `.cfg` parser.
