---- MODULE missing_expression_after_def ----
A ==
B == 2
====
