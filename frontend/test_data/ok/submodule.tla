---- MODULE submodule ----
VARIABLE x
---- MODULE Inner ----
VARIABLE y
Init == y = 0
====
I == INSTANCE Inner WITH y <- x
Spec == I!Init
====
