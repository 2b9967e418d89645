report examples/lang-son-2024 --period 2024-Q3 --as-of 2024-10-05 --source-revisions none --decimal-comma
