"""Pure domain: models, rules, recap. No I/O, no Textual."""
