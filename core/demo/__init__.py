"""Demo data generators (LĐLĐ tỉnh Lai Châu): units and members, the initiative register and
targets. Apart from the rules; their word lists are data."""
