"""Besluiten en brieven: reasoned decisions (beschikkingen) on a zaak, their letters in plain Dutch (B1), and
objections (bezwaar). See docs/besluiten.md."""
