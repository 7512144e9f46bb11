------------------------------- MODULE Bitwise -------------------------------
(***************************************************************************)
(* Bitwise operations on natural numbers; implemented natively, as in TLC. *)
(***************************************************************************)
LOCAL INSTANCE Integers

x & y == BUILTIN

x | y == BUILTIN

x ^^ y == BUILTIN

Not(a) == BUILTIN

shiftR(n, pos) == BUILTIN

=============================================================================
