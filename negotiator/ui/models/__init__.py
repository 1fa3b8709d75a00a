"""Qt item models over the services' plain data: the navigator, the outline, versions, positions, the risk share."""
