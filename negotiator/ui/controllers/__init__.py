"""Controllers: they carry out what the user asks by calling the services, and keep the views in step."""
