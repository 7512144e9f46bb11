------------------------------ MODULE Naturals ------------------------------
(***************************************************************************)
(* The natural numbers with their arithmetic and order.  Every operator   *)
(* here is implemented natively (body BUILTIN, see README.md).             *)
(***************************************************************************)

Nat == BUILTIN

a + b == BUILTIN
a - b == BUILTIN
a * b == BUILTIN
a ^ b == BUILTIN
a < b == BUILTIN
a > b == BUILTIN
a <= b == BUILTIN
a >= b == BUILTIN
a % b == BUILTIN
a \div b == BUILTIN
a .. b == BUILTIN

=============================================================================
