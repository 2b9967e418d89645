validate examples/lang-son-2024
