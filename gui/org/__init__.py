"""Organisation (Tổ chức) and Settings: the unit tree, members, the office identity, first run."""
