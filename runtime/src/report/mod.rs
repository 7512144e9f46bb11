//! The report model of a run and its renderings (human, TLC-compatible text first).
