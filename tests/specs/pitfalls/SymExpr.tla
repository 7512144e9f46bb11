---- MODULE SymExpr ----
EXTENDS TLC
CONSTANT Server
VARIABLE leader
Init == leader \in Server
Next == leader' \in Server
====
