report examples/lang-son-2024 --period 2024-10 --as-of 2024-11-05 --source-revisions none
