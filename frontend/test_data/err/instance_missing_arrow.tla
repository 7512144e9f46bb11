---- MODULE instance_missing_arrow ----
I == INSTANCE M WITH x = 1
====
