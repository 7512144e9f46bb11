//! `tla2 check` with tiny memory budgets (`-fpmem`, `--queue-mem`, `--links-mem`): the seen
//! set, the BFS queue and the parent links go to the metadirectory, and the counts, verdict and
//! counterexample are those of the run that keeps everything in memory.

mod common;

use common::{tests_dir, tla2};
use serde_json::Value as Json;

fn check_json(cfg: &str, extra: &[&str]) -> (i32, Json) {
    let spec = tests_dir("cli_inputs/spill/Spill.tla");
    let config = tests_dir(&format!("cli_inputs/spill/{cfg}"));
    let mut args = vec!["check", &spec, "-config", &config, "--output", "json"];
    args.extend_from_slice(extra);
    let out = tla2(&args);
    let start = out.stdout.find('{').unwrap_or_else(|| panic!("no JSON: {}{}", out.stdout, out.stderr));
    let json: Json = serde_json::from_str(&out.stdout[start..]).expect("one JSON document");
    (out.code, json)
}

/// What must not depend on where the engine keeps its data.
fn outcome(json: &Json) -> Json {
    let s = &json["statistics"];
    let mut all = json.clone();
    for volatile in ["statistics", "timestamp", "run", "timing"] {
        all.as_object_mut().unwrap().remove(volatile);
    }
    serde_json::json!({
        "counts": [s["states_found"], s["states_distinct"], s["states_left_on_queue"], s["max_depth"],
                   s["max_queue_depth"]],
        "rest": all,
    })
}

#[test]
fn tiny_memory_budgets_spill_to_disk_and_change_no_result() {
    let dir = std::env::temp_dir().join(format!("tla2-cli-spill-{}", std::process::id()));
    let meta = dir.display().to_string();
    let tiny = ["-fpmem", "4000", "--queue-mem", "3000", "--links-mem", "300", "-metadir", &meta];
    for cfg in ["Spill.cfg", "SpillInv.cfg"] {
        for workers in ["1", "2"] {
            let (code, normal) = check_json(cfg, &["-workers", workers]);
            assert!(normal["statistics"]["bytes_per_state"].as_f64().unwrap() > 0.0);
            assert_eq!(normal["statistics"]["fingerprints_on_disk"], 0);
            let mut extra = tiny.to_vec();
            extra.extend(["-workers", workers]);
            let (spilled_code, spilled) = check_json(cfg, &extra);
            assert_eq!(spilled_code, code, "{cfg}");
            assert_eq!(outcome(&spilled), outcome(&normal), "{cfg} with -workers {workers}");
            let s = &spilled["statistics"];
            assert!(s["fingerprints_on_disk"].as_u64().unwrap() > 0, "{s}");
            assert!(s["states_spilled"].as_u64().unwrap() > 0, "{s}");
        }
    }
    assert!(!dir.exists(), "the metadirectory this run created is removed at exit");
}
