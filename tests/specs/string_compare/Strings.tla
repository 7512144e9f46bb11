---- MODULE Strings ----
\* Comparing strings with < is an error in TLC.
EXTENDS Naturals
VARIABLE s
Init == s = "a"
Next == s' = IF s < "b" THEN "b" ELSE "a"
====
