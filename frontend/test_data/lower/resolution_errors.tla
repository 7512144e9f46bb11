---- MODULE resolution_errors ----
\* Unknown names (with did-you-mean and add-EXTENDS hints), arity mismatches, duplicates.
Three == 3
Id(v) == v
UsesTypo == Thre + 1
UsesLen == Len(<<1>>)
TooMany == Id(1, 2)
Three == 4
RECURSIVE Missing(_)
Loop == /\ Loop!1
        /\ TRUE
====
