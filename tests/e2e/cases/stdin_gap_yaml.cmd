gap - --as-of 2024-10-31
