"""Ed25519 signatures of record events, and the fingerprints people compare to trust a library's key.

Every library holds one key pair. It signs the hash of each event it records; as the hash covers every
field of the event, the signature vouches for the whole event. Keys and signatures travel as lowercase
hex. This is the only module that calls the cryptography package.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

KEY_HEX = 64  # a raw Ed25519 key is 32 bytes
SIGNATURE_HEX = 128  # a signature is 64 bytes


def new_private_key() -> str:
    """A new random private key, as hex."""
    raw = Ed25519PrivateKey.generate().private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return raw.hex()


def public_key_of(private_key: str) -> str:
    """The public key that goes with a private key, as hex."""
    return _private(private_key).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def sign(private_key: str, content_hash: str) -> str:
    """The signature of an event's hash, as hex. Ed25519 signatures are deterministic: the same key and
    hash always give the same signature, which lets a library check its own cheaply (see :func:`signed_by`)."""
    return _private(private_key).sign(content_hash.encode("ascii")).hex()


def signed_by(private_key: str, content_hash: str, signature: str | None) -> bool:
    """Whether ``signature`` is the one this library's key makes for ``content_hash``: signing again and
    comparing costs a third of a verification, and a library checks its whole record each time."""
    return signature is not None and sign(private_key, content_hash) == signature


def verify(public_key: str, content_hash: str, signature: str | None) -> bool:
    """Whether ``signature`` is a valid signature of ``content_hash`` by the holder of ``public_key``."""
    if not signature or len(signature) != SIGNATURE_HEX:
        return False
    try:
        _public(public_key).verify(bytes.fromhex(signature), content_hash.encode("ascii"))
    except (InvalidSignature, ValueError):
        return False
    return True


def is_public_key(value: object) -> bool:
    """Whether a value read from a package is a well-formed public key."""
    if not isinstance(value, str) or len(value) != KEY_HEX:
        return False
    try:
        _public(value)
    except ValueError:
        return False
    return True


def fingerprint(public_key: str) -> str:
    """A short name of a public key that two people can read to each other over the phone: the first
    15 bytes (120 bits) of its SHA-256 in base32 (letters and the digits 2-7, so no 0 to mistake for O nor
    1 for I), six groups of four."""
    digest = hashlib.sha256(bytes.fromhex(public_key)).digest()[:15]
    letters = base64.b32encode(digest).decode("ascii")
    return "-".join(letters[i:i + 4] for i in range(0, len(letters), 4))


_NAMED = "k-"  # a library uid made from the library's own public key


def library_named_by(public_key: str) -> str:
    """The uid of a library made from its public key (160 bits of its SHA-256): no other key can claim it,
    so no one can send packages in that library's name, first or not."""
    return _NAMED + hashlib.sha256(bytes.fromhex(public_key)).hexdigest()[:40]


def is_named_by_key(library: str) -> bool:
    """Whether a library's uid is made from its key (libraries made before keys have random uids)."""
    return library.startswith(_NAMED)


def key_fits(library: str, public_key: str) -> bool:
    """Whether a key may be a library's: any key may claim an older, random uid on first use (then it is
    pinned); a uid made from a key belongs to that key alone."""
    return not is_named_by_key(library) or library == library_named_by(public_key)


@lru_cache(maxsize=8)
def _private(private_key: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(private_key))


@lru_cache(maxsize=64)
def _public(public_key: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key))
