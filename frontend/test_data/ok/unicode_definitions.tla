---- MODULE unicode_definitions ----
Init ≜ x = 0
Diff ≜ S ∖ T
Next ≜ ∧ x' = x + 1
       ∧ y' = y
Alt ≜ ∨ a
      ∨ b
====
