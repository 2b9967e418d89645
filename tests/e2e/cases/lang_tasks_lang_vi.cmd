tasks examples/lang-son-2024 --as-of 2024-12-02 --overdue --lang vi
