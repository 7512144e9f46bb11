//! Run flags shared by `tla2 check` and compiled checkers (TLC's flags accepted).
