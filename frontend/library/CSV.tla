--------------------------------- MODULE CSV ---------------------------------
(***************************************************************************)
(* Writing and reading comma-separated files; implemented natively, as in *)
(* TLC.                                                                    *)
(***************************************************************************)
LOCAL INSTANCE TLC
LOCAL INSTANCE Integers

CSVWrite(template, val, file) == BUILTIN

CSVWriteRecord(record, delim, headers, file) == BUILTIN

CSVRead(columns, delimiter, file) == BUILTIN

CSVRecords(file) == BUILTIN

=============================================================================
