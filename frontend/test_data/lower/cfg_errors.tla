---- MODULE cfg_errors ----
\* cfg problems: a constant without value, an unknown name, a definition with parameters.
CONSTANTS N, Unused
VARIABLE x
Init == x = N
Next(k) == x' = k
====
