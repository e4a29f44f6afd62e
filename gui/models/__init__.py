"""Qt item models over core queries (lazy where lists can be long)."""
