report examples/lang-son-2024 --from 2024-08-01 --to 2024-09-30 --as-of 2024-12-02 --source-revisions none --lang en --window 0
