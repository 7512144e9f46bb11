-------------------------------- MODULE base --------------------------------
\* Two-phase commit: a transaction manager (TM) and resource managers (RMs) that
\* exchange messages over a network that may lose them (the fault MC.tla bounds).
EXTENDS Naturals, FiniteSets

CONSTANT RM \* the resource managers

VARIABLES
    rmState,    \* rmState[r]: "working", "prepared", "committed" or "aborted"
    tmState,    \* "init", "committed" or "aborted"
    tmPrepared, \* the RMs the TM received "Prepared" from
    msgs        \* messages in flight (a set: duplicates are harmless)

vars == <<rmState, tmState, tmPrepared, msgs>>

Message == [type : {"Prepared"}, rm : RM] \cup [type : {"Commit", "Abort"}]

TypeOK ==
    /\ rmState \in [RM -> {"working", "prepared", "committed", "aborted"}]
    /\ tmState \in {"init", "committed", "aborted"}
    /\ tmPrepared \subseteq RM
    /\ msgs \subseteq Message

Init ==
    /\ rmState = [r \in RM |-> "working"]
    /\ tmState = "init"
    /\ tmPrepared = {}
    /\ msgs = {}

TMRcvPrepared(r) ==
    /\ tmState = "init"
    /\ [type |-> "Prepared", rm |-> r] \in msgs
    /\ tmPrepared' = tmPrepared \cup {r}
    /\ UNCHANGED <<rmState, tmState, msgs>>

TMCommit ==
    /\ tmState = "init"
    /\ tmPrepared = RM
    /\ tmState' = "committed"
    /\ msgs' = msgs \cup {[type |-> "Commit"]}
    /\ UNCHANGED <<rmState, tmPrepared>>

TMAbort ==
    /\ tmState = "init"
    /\ tmState' = "aborted"
    /\ msgs' = msgs \cup {[type |-> "Abort"]}
    /\ UNCHANGED <<rmState, tmPrepared>>

RMPrepare(r) ==
    /\ rmState[r] = "working"
    /\ rmState' = [rmState EXCEPT ![r] = "prepared"]
    /\ msgs' = msgs \cup {[type |-> "Prepared", rm |-> r]}
    /\ UNCHANGED <<tmState, tmPrepared>>

RMChooseToAbort(r) ==
    /\ rmState[r] = "working"
    /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
    /\ UNCHANGED <<tmState, tmPrepared, msgs>>

RMRcvCommitMsg(r) ==
    /\ [type |-> "Commit"] \in msgs
    /\ rmState' = [rmState EXCEPT ![r] = "committed"]
    /\ UNCHANGED <<tmState, tmPrepared, msgs>>

RMRcvAbortMsg(r) ==
    /\ [type |-> "Abort"] \in msgs
    /\ rmState' = [rmState EXCEPT ![r] = "aborted"]
    /\ UNCHANGED <<tmState, tmPrepared, msgs>>

\* Fault: the network loses a message.
LoseMsg(m) ==
    /\ m \in msgs
    /\ msgs' = msgs \ {m}
    /\ UNCHANGED <<rmState, tmState, tmPrepared>>

Next ==
    \/ TMCommit \/ TMAbort
    \/ \E r \in RM :
        TMRcvPrepared(r) \/ RMPrepare(r) \/ RMChooseToAbort(r)
          \/ RMRcvCommitMsg(r) \/ RMRcvAbortMsg(r)
    \/ \E m \in msgs : LoseMsg(m)

Spec == Init /\ [][Next]_vars

\* No RM commits while another aborts.
Consistent == \A r1, r2 \in RM : ~(rmState[r1] = "aborted" /\ rmState[r2] = "committed")

\* An RM commits only after the TM did.
CommitFollowsTM == \A r \in RM : rmState[r] = "committed" => tmState = "committed"
=============================================================================
