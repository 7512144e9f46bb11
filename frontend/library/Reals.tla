------------------------------- MODULE Reals --------------------------------
(***************************************************************************)
(* The reals.  TLC cannot enumerate Real; division and Infinity are kept   *)
(* so that specs that extend Reals still load.                             *)
(***************************************************************************)
EXTENDS Integers

Real == BUILTIN

a / b == BUILTIN

Infinity == BUILTIN

=============================================================================
