------------------------------- MODULE Toolbox ------------------------------
(***************************************************************************)
(* Definitions the TLA+ Toolbox's trace explorer refers to.               *)
(***************************************************************************)
LOCAL INSTANCE Naturals
LOCAL INSTANCE FiniteSets
LOCAL INSTANCE TLC

_TETrace == CHOOSE f \in [(Nat \ {0}) -> STRING] : TRUE

LOCAL _TETraceLength == Cardinality(DOMAIN _TETrace)

(***************************************************************************)
(* The position in the explored trace, clamped as the Toolbox expects.    *)
(***************************************************************************)
_TEPosition ==
  IF TLCGet("level") >= _TETraceLength
    THEN _TETraceLength
    ELSE IF TLCGet("level") = 0 THEN 1 ELSE TLCGet("level")

=============================================================================
