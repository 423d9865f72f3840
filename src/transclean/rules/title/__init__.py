"""Title rules (TC6xx): an institution where a person's title belongs."""
