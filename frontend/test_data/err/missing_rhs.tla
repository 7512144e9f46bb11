---- MODULE missing_rhs ----
A == 1 +
====
