"""The organisation registry: units (tree, renames, merges), members, the office's identity,
and importing units and members from workbooks."""
