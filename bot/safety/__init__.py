"""Safety: crisis resources and the yes/no reading of safety check answers."""
