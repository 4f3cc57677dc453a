"""Large-vault tests: search, opening a pair and saving stay correct at 10,000+ events."""
