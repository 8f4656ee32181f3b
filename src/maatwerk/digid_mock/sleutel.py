"""The mock's RSA signing key (RS256, as a real broker). Never committed to the repository: read from
MAATWERK_DIGID_MOCK_SLEUTEL (a PEM file) or generated once in the data folder (var/) on first use, created
exclusively so that all workers of the demo server share one key (their JWKS must agree)."""

from __future__ import annotations

import base64
import functools
import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings


def _pad() -> Path:
    return Path(settings.DIGID_MOCK_SLEUTEL or Path(settings.DATA_DIR) / "digid-mock-sleutel.pem")


def _maak(pad: Path) -> None:
    sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = sleutel.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_suffix(f".{os.getpid()}.tmp")
    tijdelijk.write_bytes(pem)
    os.chmod(tijdelijk, 0o600)
    try:
        os.link(tijdelijk, pad)  # atomic and exclusive: the first worker's key wins
    except FileExistsError:
        pass
    finally:
        tijdelijk.unlink(missing_ok=True)


@functools.cache
def prive_sleutel():
    pad = _pad()
    if not pad.exists():
        _maak(pad)
    return serialization.load_pem_private_key(pad.read_bytes(), password=None)


def _b64(getal: int) -> str:
    data = getal.to_bytes((getal.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def publieke_jwk() -> dict:
    nummers = prive_sleutel().public_key().public_numbers()
    jwk = {"kty": "RSA", "use": "sig", "alg": "RS256", "n": _b64(nummers.n), "e": _b64(nummers.e)}
    jwk["kid"] = hashlib.sha256(jwk["n"].encode()).hexdigest()[:16]
    return jwk
