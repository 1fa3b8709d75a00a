"""The demo negotiation's agreements by title: one place for the app, the command line, the tools and
the tests. Nothing is imported here, so that the window can name the demo before the services load."""

ALLIANCE = "Northshire Ageing Well Alliance Agreement"
PRIME = "Northshire MSK Prime Contract"
