"""The negotiation package: a versioned file format that parties send to each other."""
