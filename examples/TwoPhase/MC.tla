--------------------------------- MODULE MC ---------------------------------
\* Model checking: message loss is bounded by a counter that the VIEW drops, and the
\* RMs are interchangeable (SYMMETRY).
EXTENDS base, TLC

b == INSTANCE base

CONSTANT MaxLoss \* how many messages the network may lose in one behaviour

VARIABLE lost \* messages lost so far

MCInit == b!Init /\ lost = 0

MCLoseMsg(m) == lost < MaxLoss /\ b!LoseMsg(m) /\ lost' = lost + 1

MCNext ==
    \/ (b!TMCommit \/ b!TMAbort) /\ UNCHANGED lost
    \/ \E r \in RM :
        /\ \/ b!TMRcvPrepared(r) \/ b!RMPrepare(r) \/ b!RMChooseToAbort(r)
           \/ b!RMRcvCommitMsg(r) \/ b!RMRcvAbortMsg(r)
        /\ UNCHANGED lost
    \/ \E m \in msgs : MCLoseMsg(m)

MCSpec == MCInit /\ [][MCNext]_<<vars, lost>>

MCSymmetry == Permutations(RM)

\* Two states that differ only in the number of losses behave alike.
MCView == vars

\* The TM's decision never changes once taken.
TMDecisionStable == [][tmState # "init" => tmState' = tmState]_vars
=============================================================================
