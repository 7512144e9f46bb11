---- MODULE case_missing_arrow ----
A == CASE x = 1 : 2
       [] OTHER -> 3
====
