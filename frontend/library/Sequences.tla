------------------------------ MODULE Sequences -----------------------------
(***************************************************************************)
(* Finite sequences: functions with domain 1..n.                          *)
(***************************************************************************)
LOCAL INSTANCE Naturals

Seq(S) == BUILTIN

Len(s) == BUILTIN

s \o t == BUILTIN

Append(s, e) == BUILTIN

Head(s) == BUILTIN

Tail(s) == BUILTIN

SubSeq(s, m, n) == BUILTIN

SelectSeq(s, Test(_)) == BUILTIN

=============================================================================
