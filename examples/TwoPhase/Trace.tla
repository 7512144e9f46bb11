-------------------------------- MODULE Trace --------------------------------
\* Trace validation: replays an implementation log (one JSON object per line, path in the
\* environment variable JSON) against base.tla. The cursor l is the next line to match.
EXTENDS base, Json, IOUtils, Sequences, TLC

VARIABLE l

TraceLog == ndJsonDeserialize(IF "JSON" \in DOMAIN IOEnv THEN IOEnv.JSON ELSE "traces/ok.ndjson")

TraceRM == {TraceLog[i].rm : i \in {i \in DOMAIN TraceLog : "rm" \in DOMAIN TraceLog[i]}}

logline == TraceLog[l]

\* The next line is an event named e.
IsEvent(e) == l <= Len(TraceLog) /\ logline.event = e

\* After each event, the TM's state must be the one the log recorded.
TMStateMatches == tmState' = logline.tm

TraceInit == Init /\ l = 1

TMRcvPreparedTrace == IsEvent("TMRcvPrepared") /\ TMRcvPrepared(logline.rm) /\ TMStateMatches /\ l' = l + 1
TMCommitTrace == IsEvent("TMCommit") /\ TMCommit /\ TMStateMatches /\ l' = l + 1
TMAbortTrace == IsEvent("TMAbort") /\ TMAbort /\ TMStateMatches /\ l' = l + 1
RMPrepareTrace == IsEvent("RMPrepare") /\ RMPrepare(logline.rm) /\ TMStateMatches /\ l' = l + 1
RMChooseToAbortTrace == IsEvent("RMChooseToAbort") /\ RMChooseToAbort(logline.rm) /\ TMStateMatches /\ l' = l + 1
RMRcvCommitMsgTrace == IsEvent("RMRcvCommitMsg") /\ RMRcvCommitMsg(logline.rm) /\ TMStateMatches /\ l' = l + 1
RMRcvAbortMsgTrace == IsEvent("RMRcvAbortMsg") /\ RMRcvAbortMsg(logline.rm) /\ TMStateMatches /\ l' = l + 1

TraceNext ==
    \/ TMRcvPreparedTrace \/ TMCommitTrace \/ TMAbortTrace
    \/ RMPrepareTrace \/ RMChooseToAbortTrace \/ RMRcvCommitMsgTrace \/ RMRcvAbortMsgTrace

TraceSpec == TraceInit /\ [][TraceNext]_<<vars, l>> /\ WF_<<vars, l>>(TraceNext)

\* The whole log is matched by some behaviour of the spec.
TraceMatched == <>(l > Len(TraceLog))
=============================================================================
