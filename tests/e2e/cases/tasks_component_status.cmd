tasks examples/lang-son-2024 --component 3 --status blocked --status done --as-of 2024-11-02
