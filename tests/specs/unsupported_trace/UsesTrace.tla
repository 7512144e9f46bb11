---------------------------- MODULE UsesTrace ----------------------------
\* TLCExt!Trace is not implemented by tla2: both engines stop with an error naming it.
EXTENDS Naturals, Sequences, TLCExt
VARIABLE x
Init == x = 0
Next == x < 3 /\ x' = x + 1
ShortBehaviours == Len(Trace) < 10
=============================================================================
