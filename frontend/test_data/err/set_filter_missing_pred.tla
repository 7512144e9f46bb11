---- MODULE set_filter_missing_pred ----
A == {x \in S : }
====
