"""Repair rehearsal: the person practises a repair conversation with a character who reacts to how
the repair is made, a coach who says what worked and one thing to try, and a rewind."""
