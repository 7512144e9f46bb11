//! Checking engines generic over [`crate::model::Model`]: BFS, and later liveness and simulation.
