---- MODULE equals_for_definition ----
Init = x = 0
====
