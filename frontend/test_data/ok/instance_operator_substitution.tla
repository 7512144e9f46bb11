---- MODULE instance_operator_substitution ----
CONSTANTS _ \prec _, -. _, Plus(_, _)
I == INSTANCE Ord WITH \prec <- <, + <- Plus
x ** y == x * y
A == a \prec b /\ -a = b
====
