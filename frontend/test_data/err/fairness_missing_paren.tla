---- MODULE fairness_missing_paren ----
Spec == WF_vars Next
====
