"""The clerks' and archivists' web app and the JSON API (`baulast serve`)."""
