--------------------------- MODULE SequenceTheorems --------------------------
(***************************************************************************)
(* Facts about finite sequences (TLAPS proof library).  Theorems are      *)
(* stated without their proofs.                                            *)
(***************************************************************************)
EXTENDS Sequences, Functions
LOCAL INSTANCE NaturalsInduction
LOCAL INSTANCE TLAPS

THEOREM EmptySeq == \A S : <<>> \in Seq(S) /\ Len(<<>>) = 0

THEOREM LenProperties == \A S : \A s \in Seq(S) : Len(s) \in Nat /\ DOMAIN s = 1..Len(s)

THEOREM AppendProperties ==
  \A S : \A s \in Seq(S), e \in S :
    Append(s, e) \in Seq(S) /\ Len(Append(s, e)) = Len(s) + 1

=============================================================================
