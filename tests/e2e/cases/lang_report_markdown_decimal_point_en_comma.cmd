report examples/lang-son-2024 --period 2024-10 --as-of 2024-11-05 --lang en --decimal-comma --source-revisions none
