//! Name resolution and lowering: a [`crate::loader::LoadedSpec`] plus an optional cfg to an
//! [`crate::ir::Program`].
