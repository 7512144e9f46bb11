---- MODULE TypeClash ----
\* A boolean compared with a string: TLC cannot compare values of different kinds.
VARIABLE flag
Init == flag = TRUE
Next == flag' = IF flag = "UNDEF" THEN FALSE ELSE TRUE
====
