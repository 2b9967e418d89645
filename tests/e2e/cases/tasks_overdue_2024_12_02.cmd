tasks examples/lang-son-2024 --overdue --as-of 2024-12-02
