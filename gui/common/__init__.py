"""What every page shares: background jobs, little widgets and message boxes, undo, formatting,
the import preview and the placeholder page."""
