---------------------------- MODULE AssertErr ----------------------------
\* TLCExt!AssertError(err, exp): TRUE iff evaluating exp fails with the message err. Each ASSUME
\* and the invariant hold in TLC; a wrong result fails the check.
EXTENDS Naturals, Sequences, TLC, TLCExt

VARIABLE x

ASSUME AssertError("The first argument of Assert evaluated to FALSE; the second argument was:\n\"boom\"", Assert(FALSE, "boom"))
ASSUME AssertError("Attempted to access index 3 of tuple\n<<1, 2>>\nwhich is out of bounds.", <<1, 2>>[3])
ASSUME ~AssertError("some other message", <<1, 2>>[3])
ASSUME ~AssertError("x", TRUE)
ASSUME AssertError("The first argument of Assert evaluated to FALSE; the second argument was:\n\"deep\"",
                   LET f[n \in Nat] == IF n = 0 THEN Assert(FALSE, "deep") ELSE f[n - 1] IN f[3])
ASSUME AssertError("The first argument of Assert evaluated to FALSE; the second argument was:\n\"boom\"",
                   \A i \in 1..3 : i < 3 \/ Assert(FALSE, "boom"))

Init == x = <<>>
Next == Len(x) < 3 /\ x' = Append(x, Len(x))

\* In the last state, reading past the end of x fails with TLC's message; reading x[3] does not.
PastTheEnd == Len(x) = 3 =>
                /\ AssertError("Attempted to access index 4 of tuple\n<<0, 1, 2>>\nwhich is out of bounds.", x[4])
                /\ ~AssertError("Attempted to access index 4 of tuple\n<<0, 1, 2>>\nwhich is out of bounds.", x[3])
=============================================================================
