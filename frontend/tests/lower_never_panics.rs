//! Lowering never panics: corpus modules with a random slice cut out (which leaves dangling
//! names, wrong arities, broken instances and half-parsed trees) are loaded and lowered.

use proptest::prelude::*;
use std::path::{Path, PathBuf};
use tla2_frontend::loader::{load_text, LoadOptions};
use tla2_frontend::lower::lower;

/// A few corpus modules with instances, LET, recursion and proofs.
const SAMPLES: &[&str] = &[
    "Paxos/Paxos.tla",
    "Paxos/MCVoting.tla",
    "ewd687a/EWD687a.tla",
    "CheckpointCoordination/MCCheckpointCoordination.tla",
    "SpecifyingSystems/CachingMemory/MCWriteThroughCache.tla",
    "Bakery-Boulangerie/Bakery.tla",
];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/specifications")
}

fn sample(i: usize) -> Option<(PathBuf, String, String)> {
    let path = corpus().join(SAMPLES[i % SAMPLES.len()]);
    let text = std::fs::read_to_string(&path).ok()?;
    let name = path.file_stem()?.to_string_lossy().into_owned();
    Some((path.parent()?.to_path_buf(), name, text))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn lowering_a_mutilated_module_returns_diagnostics_instead_of_panicking(
        i in 0usize..SAMPLES.len(),
        start in 0.0f64..1.0,
        len in 0usize..400,
    ) {
        let Some((dir, name, text)) = sample(i) else { return Ok(()) };
        let mut cut = (start * text.len() as f64) as usize;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut end = (cut + len).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mutated = format!("{}{}", &text[..cut], &text[end..]);
        let opts = LoadOptions { include_dirs: vec![dir], use_tla_path: false };
        let spec = load_text(&name, &mutated, &opts);
        let _ = lower(&spec, None);
    }
}
