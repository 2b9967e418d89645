tasks examples/lang-son-2024 --due-within 30 --overdue --sort due --as-of 2024-11-05 --format json
