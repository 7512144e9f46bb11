//! Corpus models with a PROPERTY (`/work/shared/corpus`, when present) through
//! `check_properties`: TLC's liveness verdict and distinct-state count, from `expected.json`.
//! Models whose TLC result is a safety failure are listed with the verdict the liveness
//! checker alone gives (the CLI runs the safety BFS first and reports that failure).

mod liveness_common;

use std::path::Path;

use liveness_common::run;
use tla2_runtime::liveness::{LivenessError, LivenessVerdict};

const CORPUS: &str = "/work/shared/corpus";

/// (module, cfg, TLC's verdict, TLC's distinct states).
const MODELS: &[(&str, &str, &str, u64)] = &[
    ("specifications/CoffeeCan/CoffeeCan.tla", "specifications/CoffeeCan/CoffeeCan1000Beans.cfg", "holds", 501500),
    ("specifications/CoffeeCan/CoffeeCan.tla", "specifications/CoffeeCan/CoffeeCan100Beans.cfg", "holds", 5150),
    (
        "specifications/Disruptor/Disruptor_MPMC.tla",
        "specifications/Disruptor/Disruptor_MPMC_liveliness.cfg",
        "holds",
        14365,
    ),
    ("specifications/Disruptor/Disruptor_SPMC.tla", "specifications/Disruptor/Disruptor_SPMC.cfg", "holds", 8496),
    ("specifications/FiniteMonotonic/MCCRDT.tla", "specifications/FiniteMonotonic/MCCRDT.cfg", "holds", 25000),
    (
        "specifications/FiniteMonotonic/MCDistributedReplicatedLog.tla",
        "specifications/FiniteMonotonic/MCDistributedReplicatedLog.cfg",
        "temporal",
        37,
    ),
    (
        "specifications/FiniteMonotonic/MCReplicatedLog.tla",
        "specifications/FiniteMonotonic/MCReplicatedLog.cfg",
        "holds",
        1363,
    ),
    ("specifications/Huang/Huang.tla", "specifications/Huang/Huang.cfg", "holds", 81256),
    ("specifications/KeyValueStore/MCKVsnap.tla", "specifications/KeyValueStore/MCKVsnap.cfg", "holds", 32293),
    (
        "specifications/MisraReachability/MCParReach.tla",
        "specifications/MisraReachability/MCParReach.cfg",
        "holds",
        393,
    ),
    ("specifications/Moving_Cat_Puzzle/Cat.tla", "specifications/Moving_Cat_Puzzle/CatEvenBoxes.cfg", "holds", 48),
    ("specifications/Moving_Cat_Puzzle/Cat.tla", "specifications/Moving_Cat_Puzzle/CatOddBoxes.cfg", "holds", 30),
    (
        "specifications/MultiCarElevator/Elevator.tla",
        "specifications/MultiCarElevator/ElevatorLivenessMedium.cfg",
        "holds",
        4122,
    ),
    ("specifications/Paxos/MCPaxos.tla", "specifications/Paxos/MCPaxos.cfg", "holds", 25),
    ("specifications/Paxos/MCVoting.tla", "specifications/Paxos/MCVoting.cfg", "holds", 77),
    ("specifications/Prisoners/Prisoners.tla", "specifications/Prisoners/Prisoners.cfg", "holds", 214),
    (
        "specifications/Prisoners_Single_Switch/Prisoner.tla",
        "specifications/Prisoners_Single_Switch/Prisoner.cfg",
        "holds",
        16,
    ),
    (
        "specifications/Prisoners_Single_Switch/Prisoner.tla",
        "specifications/Prisoners_Single_Switch/PrisonerLightUnknown.cfg",
        "holds",
        62,
    ),
    (
        "specifications/Prisoners_Single_Switch/Prisoner.tla",
        "specifications/Prisoners_Single_Switch/PrisonerSolo.cfg",
        "holds",
        2,
    ),
    (
        "specifications/Prisoners_Single_Switch/Prisoner.tla",
        "specifications/Prisoners_Single_Switch/PrisonerSoloLightUnknown.cfg",
        "holds",
        4,
    ),
    ("specifications/ReadersWriters/MC.tla", "specifications/ReadersWriters/MC.cfg", "holds", 21527),
    (
        "specifications/SDP_Verification/SDP_Attack_New_Solution_Spec/MC.tla",
        "specifications/SDP_Verification/SDP_Attack_New_Solution_Spec/MC.cfg",
        "holds",
        2881,
    ),
    (
        "specifications/SDP_Verification/SDP_Attack_Spec/MC.tla",
        "specifications/SDP_Verification/SDP_Attack_Spec/MC.cfg",
        "safety",
        526,
    ),
    (
        "specifications/SimplifiedFastPaxos/FastPaxos.tla",
        "specifications/SimplifiedFastPaxos/FastPaxos.cfg",
        "holds",
        25617,
    ),
    ("specifications/SimplifiedFastPaxos/Paxos.tla", "specifications/SimplifiedFastPaxos/Paxos.cfg", "holds", 1207),
    (
        "specifications/SpecifyingSystems/AdvancedExamples/MCInnerSequential.tla",
        "specifications/SpecifyingSystems/AdvancedExamples/MCInnerSequential.cfg",
        "holds",
        3528,
    ),
    (
        "specifications/SpecifyingSystems/CachingMemory/MCWriteThroughCache.tla",
        "specifications/SpecifyingSystems/CachingMemory/MCWriteThroughCache.cfg",
        "holds",
        5196,
    ),
    (
        "specifications/SpecifyingSystems/TLC/MCAlternatingBit.tla",
        "specifications/SpecifyingSystems/TLC/MCAlternatingBit.cfg",
        "holds",
        240,
    ),
    ("specifications/YoYo/MCYoYoNoPruning.tla", "specifications/YoYo/MCYoYoNoPruning.cfg", "holds", 60),
    ("specifications/YoYo/MCYoYoPruning.tla", "specifications/YoYo/MCYoYoPruning.cfg", "holds", 102),
    ("specifications/YoYo/YoYoAllGraphs.tla", "specifications/YoYo/YoYoAllGraphs.cfg", "holds", 26731),
    ("specifications/acp/ACP_NB_TLC.tla", "specifications/acp/ACP_NB_TLC.cfg", "holds", 4284),
    ("specifications/acp/ACP_NB_WRONG_TLC.tla", "specifications/acp/ACP_NB_WRONG_TLC.cfg", "safety", 11852),
    ("specifications/acp/ACP_SB_TLC.tla", "specifications/acp/ACP_SB_TLC.cfg", "holds", 54944),
    ("specifications/byihive/VoucherIssue.tla", "specifications/byihive/VoucherIssue.cfg", "holds", 4199),
    ("specifications/byzpaxos/Consensus.tla", "specifications/byzpaxos/Consensus.cfg", "holds", 4),
    ("specifications/byzpaxos/VoteProof.tla", "specifications/byzpaxos/VoteProof.cfg", "holds", 6962),
    (
        "specifications/cf1s-folklore/cf1s_folklore.tla",
        "specifications/cf1s-folklore/cf1s_folklore.cfg",
        "holds",
        2057174,
    ),
    (
        "specifications/dijkstra-mutex/DijkstraMutex.toolbox/LSpec-model/MC.tla",
        "specifications/dijkstra-mutex/DijkstraMutex.toolbox/LSpec-model/MC.cfg",
        "holds",
        90882,
    ),
    ("specifications/ewd426/TokenRing.tla", "specifications/ewd426/TokenRing.cfg", "holds", 46656),
    ("specifications/ewd687a/MCEWD687a.tla", "specifications/ewd687a/MCEWD687a.cfg", "holds", 18028),
    ("specifications/ewd840/EWD840.tla", "specifications/ewd840/EWD840.cfg", "holds", 302),
    (
        "specifications/ewd840/SyncTerminationDetection.tla",
        "specifications/ewd840/SyncTerminationDetection.cfg",
        "holds",
        129,
    ),
    (
        "specifications/ewd998/AsyncTerminationDetection.tla",
        "specifications/ewd998/AsyncTerminationDetection.cfg",
        "holds",
        4097,
    ),
    ("specifications/ewd998/EWD998ChanID.tla", "specifications/ewd998/EWD998ChanID.cfg", "holds", 14),
    ("specifications/ewd998/EWD998PCal.tla", "specifications/ewd998/EWD998PCal.cfg", "holds", 321370),
    ("specifications/CoffeeCan/CoffeeCan.tla", "specifications/CoffeeCan/CoffeeCan3000Beans.cfg", "holds", 4504500),
];

fn verdict(module: &str, config: &str) -> (String, u64) {
    let root = Path::new(CORPUS);
    match run(&root.join(module), &root.join(config)) {
        Err(e) => (format!("error: {e}"), 0),
        Ok(out) => match out.result.verdict {
            Ok(LivenessVerdict::Holds) => ("holds".into(), out.result.stats.states),
            Ok(LivenessVerdict::Violated(_)) => ("temporal".into(), out.result.stats.states),
            Err(LivenessError::Unsupported { property, message }) => (format!("unsupported {property}: {message}"), 0),
            Err(e) => (format!("error: {e:?}"), out.result.stats.states),
        },
    }
}

/// Models whose verdict tla2 cannot give yet, with the reason; everything else must agree.
const KNOWN_GAPS: &[(&str, &str)] = &[
    ("FiniteMonotonic/MCCRDT.cfg", "the evaluator does not implement action composition \\cdot"),
    ("FiniteMonotonic/MCReplicatedLog.cfg", "the evaluator does not implement action composition \\cdot"),
];

/// Larger models take minutes in a debug build; `LIVENESS_ALL=1` runs them too, and
/// `LIVENESS_FILTER=a,b` only the configs containing one of the substrings.
const DEFAULT_MAX_STATES: u64 = 5_000;

#[test]
fn corpus_models_with_properties_give_tlc_verdicts() {
    if !Path::new(CORPUS).exists() {
        return;
    }
    let filter = std::env::var("LIVENESS_FILTER").ok();
    let all = std::env::var("LIVENESS_ALL").is_ok() || filter.is_some();
    let mut wrong = Vec::new();
    for (module, config, want, distinct) in MODELS {
        let selected = filter.as_deref().is_none_or(|f| f.split(',').any(|x| config.contains(x)));
        if !selected || (!all && *distinct > DEFAULT_MAX_STATES) {
            continue;
        }
        let gap = KNOWN_GAPS.iter().any(|(c, _)| config.ends_with(c));
        let t = std::time::Instant::now();
        let (got, states) = verdict(module, config);
        // A safety failure is found by the safety BFS before liveness is checked.
        let ok = *want == "safety" || (got == *want && states == *distinct);
        let line = format!("{config}: TLC {want} {distinct}, tla2 {got} {states} ({:.1}s)", t.elapsed().as_secs_f64());
        eprintln!("{} {line}", if ok { "OK  " } else { "DIFF" });
        if !ok && !gap {
            wrong.push(line);
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
