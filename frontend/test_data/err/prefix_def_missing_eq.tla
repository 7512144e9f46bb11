---- MODULE prefix_def_missing_eq ----
a ++ b = a + b
====
